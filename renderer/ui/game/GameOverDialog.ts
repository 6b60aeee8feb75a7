/** The end of a game: the outcome and its reason, final figures, the debrief questions, and where to go next. */
import type { GameState, Scenario } from '../../../engine/index';
import { h, replace } from '../dom';
import { formatCount, formatPct, formatPricePerMTok, formatUsd, formatJoulesPerToken } from '../format';
import { lastMetrics, quarterOf } from './selectors';

export interface GameOverActions {
  charts(): void;
  save(): void;
  playAgain(): void;
  title(): void;
}

export class GameOverDialog {
  readonly el: HTMLDialogElement;
  private body = h('div', { class: 'dialog-body' });
  private heading = h('h2', { id: 'gameover-heading' });

  constructor(actions: GameOverActions) {
    const button = (label: string, fn: () => void, primary = false) => h('button', { type: 'button', class: primary ? 'button primary' : 'button', onclick: () => { this.el.close(); fn(); } }, label);
    this.el = h('dialog', { class: 'dialog gameover-dialog', 'aria-labelledby': 'gameover-heading' },
      h('header', { class: 'dialog-header' }, h('p', { class: 'eyebrow' }, 'Game over'), this.heading),
      this.body,
      h('footer', { class: 'dialog-footer' }, button('View charts', actions.charts), button('Save game', actions.save), button('Back to title', actions.title), button('Play again', actions.playAgain, true)));
  }

  show(state: GameState, scenario: Scenario): void {
    const outcome = state.outcome!;
    const m = lastMetrics(state);
    this.el.dataset['result'] = outcome.result;
    this.heading.textContent = outcome.result === 'won' ? 'Victory' : 'Defeat';
    replace(this.body,
      h('p', { class: `outcome-reason is-${outcome.result}` }, outcome.reason),
      h('p', { class: 'muted' }, `${scenario.title} · ended after ${quarterOf(state, outcome.turn - 1)} (turn ${outcome.turn} of ${state.lengthTurns}) · seed ${state.seed}`),
      m && h('div', { class: 'report-summary' }, [
        ['Enterprise value', formatUsd(m.enterpriseValueUsd)],
        ['Cumulative profit', formatUsd(state.cumulativeProfitUsd[state.playerId] ?? 0)],
        ['Inference share', formatPct(m.inferenceShare)],
        ['Chips deployed', formatCount(m.chipsDeployed)],
        ['Cost / M tokens', m.costPerMTokUsd > 0 ? formatPricePerMTok(m.costPerMTokUsd) : '—'],
        ['Energy / token', formatJoulesPerToken(m.joulesPerToken)],
      ].map(([k, v]) => h('div', { class: 'summary-cell' }, h('span', { class: 'stat-label' }, k!), h('span', { class: 'stat-value' }, v!)))),
      h('section', { 'aria-label': 'Debrief' }, h('h3', null, 'Debrief'), h('ol', null, scenario.lesson.debrief.map((q) => h('li', null, q)))));
    if (!this.el.open) this.el.showModal();
    this.el.querySelector<HTMLButtonElement>('.dialog-footer .button.primary')?.focus();
  }
}
