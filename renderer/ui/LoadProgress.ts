/**
 * The progress of loading a save: "Verifying turn 12 of 40…" with a <progress> bar and a Cancel button, shown only
 * when the load takes longer than SHOW_AFTER_MS so quick loads do not flash. One per load, removed when it ends.
 */
import type { VerifyListener } from '../app/verifyInSlices';
import { h, uid } from './dom';

/** Loads shorter than this (milliseconds) show no progress at all. */
export const SHOW_AFTER_MS = 150;
/** The spoken and shown sentence changes at most this often (milliseconds); the bar moves every slice. */
const LABEL_EVERY_MS = 250;

export class LoadProgress {
  readonly el: HTMLElement;
  private label: HTMLElement;
  private bar: HTMLProgressElement;
  private controller = new AbortController();
  private showTimer: number;
  private labelledAt = 0;

  /** Appends a hidden indicator to `host`; it appears after `showAfterMs` unless the load has finished by then. */
  constructor(host: HTMLElement, showAfterMs = SHOW_AFTER_MS) {
    const labelId = uid('load-label');
    this.label = h('p', { id: labelId, class: 'load-progress-label', role: 'status', 'aria-live': 'polite' }, 'Verifying the save…');
    this.bar = h('progress', { 'aria-labelledby': labelId });
    this.el = h('div', { class: 'load-progress card', hidden: true },
      this.label, this.bar,
      h('button', { type: 'button', class: 'button small ghost', onclick: () => this.controller.abort() }, 'Cancel'));
    host.append(this.el);
    this.showTimer = window.setTimeout(() => (this.el.hidden = false), showAfterMs);
  }

  /** What to pass to the loader (sessionFromSaveText, replayFromSaveText). */
  get listener(): VerifyListener {
    return { signal: this.controller.signal, onProgress: (turn, total) => this.update(turn, total) };
  }

  /** Ends the indicator, whatever the outcome. */
  finish(): void {
    clearTimeout(this.showTimer);
    this.el.remove();
  }

  private update(turn: number, total: number): void {
    this.bar.max = Math.max(1, total);
    this.bar.value = turn;
    const now = performance.now();
    if (now - this.labelledAt < LABEL_EVERY_MS) return;
    this.labelledAt = now;
    this.label.textContent = `Verifying turn ${turn} of ${total}…`;
  }
}
