/**
 * The tutorial card: a scenario's guided steps one at a time (step k of n, title, text, where to act), beside the
 * End turn button. It never blocks play or takes focus on its own: it follows the player to the next step when they
 * give the step's command or end the turn (tutorialProgress.ts), says so through the app's live region, and can be
 * hidden to a small button and opened again. Back and Next only browse; the progress comes from the command log.
 */
import type { Command } from '../../../engine/index';
import type { KeyBindings } from '../../app/keyBindings';
import { displayKey } from '../../app/keyBindings';
import { h, replace, uid } from '../dom';
import { COMMAND_PLACES } from './commandPlaces';
import type { PanelId } from './panels/Panel';
import { stepGoal, tutorialProgress, type TutorialProgress, type TutorialStep } from './tutorialProgress';

export interface TutorialCardContext {
  readonly bindings: KeyBindings;
  panelTitle(id: PanelId): string;
  openPanel(id: PanelId): void;
  /** Says something through the app's polite live region. */
  announce(text: string): void;
}

/** How long the "step done" highlight lasts (ms); the reduced-motion setting turns the animation off. */
const HIGHLIGHT_MS = 1200;

export class TutorialCard {
  readonly el: HTMLElement;
  private card: HTMLElement;
  private count: HTMLElement;
  private title: HTMLHeadingElement;
  private body: HTMLElement;
  private hint: HTMLElement;
  private dots: HTMLElement;
  private backButton: HTMLButtonElement;
  private nextButton: HTMLButtonElement;
  private reopenButton: HTMLButtonElement;
  private progress: TutorialProgress;
  /** The step shown; Back and Next move it, completing a step moves it to the new current step. */
  private viewed: number;
  /** How many steps Next has moved past: reading steps before it count as done. */
  private browsedPast = 0;
  private completedTurns: readonly (readonly Command[])[] = [];
  private pending: readonly Command[] = [];

  constructor(private steps: readonly TutorialStep[], private ctx: TutorialCardContext) {
    this.progress = tutorialProgress(steps, [], []);
    this.viewed = this.progress.current;
    const cardId = uid('tutorial');
    const titleId = `${cardId}-title`;
    this.count = h('span', { class: 'tutorial-count' });
    this.title = h('h2', { id: titleId, class: 'tutorial-title', tabindex: '-1' });
    this.body = h('p', { class: 'tutorial-text' });
    this.hint = h('div', { class: 'tutorial-hint' });
    this.dots = h('ol', { class: 'tutorial-dots', 'aria-hidden': 'true' }, steps.map(() => h('li')));
    this.backButton = h('button', { type: 'button', class: 'button small ghost', onclick: () => this.back() }, '← Back');
    this.nextButton = h('button', { type: 'button', class: 'button small', onclick: () => this.next() }, 'Next →');
    this.card = h('section', { class: 'tutorial-card', id: cardId, role: 'region', 'aria-label': 'Tutorial' },
      h('header', { class: 'tutorial-head' },
        h('span', { class: 'tutorial-eyebrow' }, 'Tutorial'), this.count,
        h('button', { type: 'button', class: 'icon-button tutorial-hide', 'aria-label': 'Hide the tutorial', 'data-tip': 'Hide the tutorial (it stays one click away)', onclick: () => this.setHidden(true) }, '✕')),
      this.title, this.body, this.hint,
      h('footer', { class: 'tutorial-foot' }, this.backButton, this.dots, this.nextButton));
    this.reopenButton = h('button', { type: 'button', class: 'button tutorial-reopen', 'aria-expanded': 'false', 'aria-controls': cardId, hidden: true, onclick: () => this.setHidden(false) });
    this.el = h('div', { class: 'tutorial' }, this.card, this.reopenButton);
    this.render();
  }

  /**
   * Re-derives progress from the session's command log. When a step was completed (or taken back by Undo) the card
   * shows the new current step; `announce` says which step was done (not on the first render of a loaded game).
   */
  update(completedTurns: readonly (readonly Command[])[], pending: readonly Command[], announce = true): void {
    this.completedTurns = completedTurns;
    this.pending = pending;
    this.recompute(announce);
  }

  /** Re-reads key bindings (after the settings change). */
  refresh(): void {
    this.render();
  }

  private recompute(announce: boolean): void {
    const before = this.progress;
    const after = tutorialProgress(this.steps, this.completedTurns, this.pending, this.browsedPast);
    this.progress = after;
    const finished = after.done.flatMap((d, i) => (d && !before.done[i] && stepGoal(this.steps[i]!).kind !== 'read' ? [i] : []));
    if (after.current !== before.current || finished.includes(this.viewed)) this.viewed = after.current;
    if (announce && finished.length) {
      const done = finished.map((i) => `“${this.steps[i]!.title}”`).join(', ');
      const next = after.complete ? 'Tutorial complete.' : `Next: step ${after.current + 1}, ${this.steps[after.current]!.title}.`;
      this.ctx.announce(`Tutorial step done: ${done}. ${next}`);
      this.highlight();
    }
    this.render();
  }

  private back(): void {
    this.viewed = Math.max(0, this.viewed - 1);
    this.render();
    if (this.backButton.disabled) this.nextButton.focus();
  }

  private next(): void {
    this.browsedPast = Math.max(this.browsedPast, this.viewed + 1);
    if (this.viewed >= this.steps.length - 1) {
      this.recompute(false);
      return this.setHidden(true);
    }
    this.viewed += 1;
    this.recompute(false);
  }

  private setHidden(hidden: boolean): void {
    this.card.hidden = hidden;
    this.reopenButton.hidden = !hidden;
    (hidden ? this.reopenButton : this.title).focus();
  }

  private highlight(): void {
    this.card.classList.remove('is-advanced');
    this.reopenButton.classList.remove('is-advanced');
    void this.card.offsetWidth; // restarts the animation when two steps finish in quick succession
    this.card.classList.add('is-advanced');
    this.reopenButton.classList.add('is-advanced');
    setTimeout(() => {
      this.card.classList.remove('is-advanced');
      this.reopenButton.classList.remove('is-advanced');
    }, HIGHLIGHT_MS);
  }

  private render(): void {
    const { done, current, complete } = this.progress;
    const n = this.steps.length;
    const i = this.viewed;
    const step = this.steps[i]!;
    this.count.textContent = `Step ${i + 1} of ${n}`;
    replace(this.title, step.title, done[i] ? h('span', { class: 'badge ok' }, '✓ Done') : null);
    this.body.textContent = step.text;
    this.renderHint(step);
    this.dots.querySelectorAll('li').forEach((dot, k) => {
      dot.className = k === i ? 'is-viewed' : '';
      dot.classList.toggle('is-done', Boolean(done[k]));
    });
    this.backButton.disabled = i === 0;
    this.nextButton.textContent = i === n - 1 ? 'Close' : 'Next →';
    this.nextButton.setAttribute('aria-label', i === n - 1 ? 'Close the tutorial' : `Next step: ${this.steps[i + 1]!.title}`);
    this.reopenButton.textContent = complete ? 'Tutorial ✓' : `Tutorial · step ${current + 1}/${n}`;
    this.reopenButton.setAttribute('aria-label', complete ? 'Show the tutorial (complete)' : `Show the tutorial: step ${current + 1} of ${n}, ${this.steps[current]!.title}`);
  }

  private renderHint(step: TutorialStep): void {
    const goal = stepGoal(step);
    const b = this.ctx.bindings;
    this.hint.hidden = goal.kind === 'read';
    if (goal.kind === 'endTurn') {
      replace(this.hint, h('span', { class: 'tutorial-hint-label' }, 'Do'), 'Press ', h('strong', null, 'End turn'), ' (bottom right, or the key ', keys(b, 'turn.end'), ').');
    } else if (goal.kind === 'command') {
      const place = COMMAND_PLACES[goal.type];
      const panel = this.ctx.panelTitle(place.panel);
      replace(this.hint,
        h('span', { class: 'tutorial-hint-label' }, 'Do'),
        h('strong', null, panel), ' panel ', keys(b, `panel.${place.panel}`), ' → ', h('strong', null, `“${place.form}”`), '. ',
        h('button', { type: 'button', class: 'link tutorial-open', onclick: () => this.ctx.openPanel(place.panel) }, `Open ${panel}`));
    } else replace(this.hint);
  }
}

/** An action's keys as <kbd> elements joined by "or", e.g. E or Enter. */
function keys(bindings: KeyBindings, actionId: string): (HTMLElement | string)[] {
  return bindings.keysOf(actionId).flatMap((k, i) => [...(i ? [' or '] : []), h('kbd', null, displayKey(k))]);
}
