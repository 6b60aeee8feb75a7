/**
 * A form that issues one or more engine commands. The engine's answer — its rejection reason or what the command
 * did — appears in a live region right next to the submit button, so it is read where the player acted.
 */
import type { Command } from '../../../engine/index';
import { h, type Child } from '../dom';
import type { GameContext } from './panels/Panel';

export interface CommandForm {
  form: HTMLFormElement;
  /** The live region next to the submit button. */
  message: HTMLElement;
  /** Sets the cost/effect preview shown above the buttons. */
  preview(content: Child): void;
  say(text: string, tone: 'ok' | 'error' | 'info'): void;
}

export interface CommandFormOptions {
  /** The form's accessible name and heading ("Order chips"). */
  title: string;
  submitLabel: string;
  fields: Child[];
  /** The commands to issue, or a sentence saying what is missing from the inputs. */
  commands(): Command[] | string;
  /** Called after at least one command was accepted (e.g. to refresh a preview). */
  afterAccept?(): void;
  /** Called on any input in the form. */
  onInput?(): void;
  extraActions?: Child[];
  note?: Child;
}

export function commandForm(ctx: GameContext, o: CommandFormOptions): CommandForm {
  const message = h('p', { class: 'form-msg', role: 'status', 'aria-live': 'polite' });
  const previewEl = h('div', { class: 'preview' });
  const headingId = `form-${o.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const form = h(
    'form',
    { class: 'cmd-form', 'aria-labelledby': headingId, novalidate: true },
    h('h3', { id: headingId }, o.title),
    o.note ? h('p', { class: 'hint' }, o.note) : null,
    h('div', { class: 'fields' }, o.fields),
    previewEl,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button primary' }, o.submitLabel), o.extraActions ?? null),
    message,
  );
  const say = sayer(message);
  form.addEventListener('input', () => o.onInput?.());
  form.addEventListener('change', () => o.onInput?.());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    dispatchAll(ctx, o.commands(), say, o.afterAccept);
  });
  return {
    form,
    message,
    say,
    preview(content) {
      previewEl.replaceChildren();
      if (content !== null && content !== undefined && content !== false) previewEl.append(...(Array.isArray(content) ? content : [content]).map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))));
    },
  };
}

type Say = (text: string, tone: 'ok' | 'error' | 'info') => void;

function sayer(message: HTMLElement): Say {
  return (text, tone) => {
    message.className = `form-msg is-${tone}`;
    // Re-set even when the text is the same, so a repeated rejection is announced again.
    message.textContent = '';
    message.textContent = text;
  };
}

/** Dispatches in order and stops at the first rejection; says what was done and the engine's reason. */
function dispatchAll(ctx: GameContext, commands: Command[] | string, say: Say, afterAccept?: () => void): void {
  if (typeof commands === 'string') return say(commands, 'error');
  if (commands.length === 0) return say('Nothing to change.', 'info');
  const done: string[] = [];
  for (const command of commands) {
    const result = ctx.dispatch(command);
    if (!result.ok) {
      say([...done, result.error].join(' '), 'error');
      if (done.length) afterAccept?.();
      return;
    }
    done.push(...result.events.map((e) => e.text));
  }
  say(done.join(' '), 'ok');
  afterAccept?.();
}

/**
 * A list of per-row actions (a "Bid" or "Start design" button on each row) sharing one live region: each row is a
 * small form whose submit dispatches through `run`, and the engine's answer is said under the list.
 */
export interface CommandList {
  el: HTMLElement;
  /** Where the rows go (replaced on every update; the live region stays). */
  body: HTMLElement;
  message: HTMLElement;
  /** A small form for one row: `controls` and a submit button whose accessible name is `actionLabel`. */
  rowForm(actionLabel: string, buttonText: string, controls: Child[], commands: () => Command[] | string): HTMLFormElement;
  say: Say;
}

export function commandList(ctx: GameContext, o: { title: string; note?: Child; afterAccept?(): void }): CommandList {
  const message = h('p', { class: 'form-msg', role: 'status', 'aria-live': 'polite' });
  const body = h('div');
  const headingId = `list-${o.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const el = h('section', { class: 'cmd-list', 'aria-labelledby': headingId }, h('h3', { id: headingId }, o.title), o.note ? h('p', { class: 'hint' }, o.note) : null, body, message);
  const say = sayer(message);
  return {
    el,
    body,
    message,
    say,
    rowForm(actionLabel, buttonText, controls, commands) {
      const form = h('form', { class: 'row-form', 'aria-label': actionLabel, novalidate: true },
        controls, h('button', { type: 'submit', class: 'button small', 'aria-label': actionLabel }, buttonText));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        dispatchAll(ctx, commands(), say, o.afterAccept);
      });
      return form;
    },
  };
}

/** A number input with sensible defaults. */
export function numberInput(attrs: { min?: number; max?: number; step?: number | 'any'; value?: number | string; name?: string }): HTMLInputElement {
  return h('input', { type: 'number', inputmode: 'decimal', min: attrs.min, max: attrs.max, step: attrs.step ?? 'any', value: attrs.value === undefined ? null : String(attrs.value), name: attrs.name });
}

/** Reads a positive number from an input, or null when empty or invalid. */
export function readNumber(input: HTMLInputElement): number | null {
  if (input.value.trim() === '') return null;
  const n = Number(input.value);
  return Number.isFinite(n) ? n : null;
}

/** Preview line: label and value pairs. */
export function previewRows(pairs: readonly [string, Child, ('good' | 'bad' | null)?][]): HTMLElement {
  return h('dl', { class: 'preview-rows' }, pairs.map(([k, v, tone]) => [h('dt', null, k), h('dd', { class: tone ? `is-${tone}` : null }, v)]));
}
