/**
 * The turn report, shown after every turn: the quarter's results against the quarter before, then the engine's report
 * grouped by kind (your news first, world events with their explanations, rivals folded), each group with a line on
 * why it matters.
 */
import type { GameState, ReportItem, ReportKind } from '../../../engine/index';
import { h, replace } from '../dom';
import { TIER_IDS } from '../../../engine/index';
import { formatCount, formatPct, formatPricePerMTok, formatSignedUsd, formatUsd } from '../format';
import { byCategory } from './ledgerSummary';
import { lastMetrics, myDeployments, player, previousMetrics, quarterOf } from './selectors';
import { deploymentOps } from '../../../engine/deploymentOps';

const KINDS: { kind: ReportKind; title: string; why: string }[] = [
  { kind: 'outcome', title: 'Outcome', why: 'The scenario\'s goals were checked this quarter.' },
  { kind: 'event', title: 'World events', why: 'Events change the market for everyone; plan around their effect.' },
  { kind: 'delivery', title: 'Deliveries', why: 'Delivered chips wait in inventory until you deploy them (Chips panel).' },
  { kind: 'shortfall', title: 'Supply shortfalls', why: 'Short inputs mean partial deliveries; the rest stays on order.' },
  { kind: 'construction', title: 'Construction', why: 'A ready facility can take chips up to its capacity (with cooling).' },
  { kind: 'power', title: 'Power', why: 'Power beyond your PPAs is bought at spot prices, if the grid has it.' },
  { kind: 'throttle', title: 'Throttling', why: 'Chips without power run slower: lost capacity, same depreciation.' },
  { kind: 'market', title: 'Markets', why: 'Unserved demand is revenue nobody captured: capacity or price?' },
  { kind: 'finance', title: 'Finance', why: 'Cash, debt service and credit: the business must not run dry.' },
  { kind: 'rival', title: 'Rivals', why: 'What your competitors did.' },
];

export class TurnReportDialog {
  readonly el: HTMLDialogElement;
  private body: HTMLElement;
  private heading: HTMLElement;
  private onClose: () => void = () => {};

  constructor() {
    this.heading = h('h2', { id: 'report-heading' });
    this.body = h('div', { class: 'dialog-body report-body' });
    const close = h('button', { type: 'button', class: 'button primary', onclick: () => this.el.close() }, 'Continue');
    this.el = h('dialog', { class: 'dialog report-dialog', 'aria-labelledby': 'report-heading' },
      h('header', { class: 'dialog-header' }, h('p', { class: 'eyebrow' }, 'Turn report'), this.heading),
      this.body, h('footer', { class: 'dialog-footer' }, h('span', { class: 'hint' }, 'Press R during the next turn to read this again.'), close));
    this.el.addEventListener('close', () => this.onClose());
  }

  show(state: GameState, onClose: () => void): void {
    this.onClose = onClose;
    const ended = quarterOf(state, state.turn - 1);
    this.heading.textContent = `${ended} results`;
    replace(this.body, turnReportContent(state));
    if (!this.el.open) this.el.showModal();
    this.el.querySelector<HTMLButtonElement>('.dialog-footer .button.primary')?.focus();
  }

  get open(): boolean {
    return this.el.open;
  }
}

/** The report of the quarter that just ended in `state`: results, your operations, the engine's report by kind. */
export function turnReportContent(state: GameState): HTMLElement[] {
  return [summary(state), operations(state), groups(state)].filter((x): x is HTMLElement => x !== null);
}

function summary(state: GameState): HTMLElement {
  const m = lastMetrics(state);
  const p = previousMetrics(state);
  if (!m) return h('p', null, 'No results yet.');
  const cell = (label: string, value: string, delta: string | null) => h('div', { class: 'summary-cell' }, h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-value' }, value), delta ? h('span', { class: 'stat-delta' }, delta) : null);
  return h('div', { class: 'report-summary' },
    cell('Revenue', formatUsd(m.revenueUsd), p ? formatSignedUsd(m.revenueUsd - p.revenueUsd) : null),
    cell('Net income', formatUsd(m.netIncomeUsd), null),
    cell('Gross margin', formatPct(m.grossMarginPct), p ? `${((m.grossMarginPct - p.grossMarginPct) * 100).toFixed(1)} pts` : null),
    cell('Cost / M tokens', m.costPerMTokUsd > 0 ? formatPricePerMTok(m.costPerMTokUsd) : '—', null),
    cell('Inference share', formatPct(m.inferenceShare), p ? `${((m.inferenceShare - p.inferenceShare) * 100).toFixed(1)} pts` : null),
    cell('Cash', formatUsd(m.cashUsd), p ? formatSignedUsd(m.cashUsd - p.cashUsd) : null));
}

/** What your company did this quarter, derived from the state (the engine reports only exceptions). */
function operations(state: GameState): HTMLElement | null {
  const m = lastMetrics(state);
  if (!m) return null;
  const lines: string[] = [];
  const tiers = TIER_IDS.map((t) => ({ t, mine: state.inferenceResults[t].servedByCompany[state.playerId] ?? 0 })).filter((x) => x.mine > 0);
  if (tiers.length) {
    const me = player(state);
    lines.push(`Served ${formatCount(m.inferenceTokens)} tokens, ${formatPct(m.inferenceShare)} of the market: ${tiers.map(({ t, mine }) => `${state.tiers[t].name} ${formatCount(mine)} at ${formatPricePerMTok(me.pricesPerMTokUsd[t])}/M`).join(', ')}.`);
  } else lines.push('You served no tokens: deploy chips on an inference tier and offer a price.');
  const deps = myDeployments(state);
  const chips = deps.reduce((n, d) => n + d.count, 0);
  if (chips > 0) {
    const util = deps.reduce((n, d) => n + d.count * deploymentOps(state, d.id).utilization, 0) / chips;
    lines.push(`${formatCount(chips)} chips deployed, ${formatPct(util, 0)} average utilization${m.throttledPct > 0 ? `, ${formatPct(m.throttledPct, 0)} throttled for lack of power` : ''}.`);
  }
  const power = byCategory(state.lastLedger, state.playerId, 'cost:power');
  if (power.length) lines.push(`Power: ${power.map((p) => `${p.label.replace('Power ', '').replace(/[()]/g, '')} ${formatUsd(-p.amountUsd)}`).join(', ')}; average draw ${m.powerDrawMw.toFixed(1)} MW.`);
  if (m.trainingRevenueUsd > 0) lines.push(`Training rentals earned ${formatUsd(m.trainingRevenueUsd)}.`);
  return h('section', { class: 'report-group kind-ops', 'aria-label': 'Your operations' },
    h('h3', null, 'Your operations'), h('p', { class: 'why' }, 'Where revenue and costs came from; hover the top bar for the full breakdown.'),
    h('ul', null, lines.map((l) => h('li', null, l))));
}

function groups(state: GameState): HTMLElement {
  const mine = (i: ReportItem) => i.companyId === state.playerId || i.companyId === null;
  const sections = KINDS.map(({ kind, title, why }) => {
    const items = state.report.filter((i) => i.kind === kind && (kind === 'rival' || mine(i)));
    const rivals = kind === 'rival' ? [] : state.report.filter((i) => i.kind === kind && !mine(i));
    if (items.length === 0 && rivals.length === 0) return null;
    return h('section', { class: `report-group kind-${kind}`, 'aria-label': title },
      h('h3', null, title, h('span', { class: 'count' }, String(items.length + rivals.length))),
      h('p', { class: 'why' }, why),
      items.length > 0 && h('ul', null, items.map((i) => h('li', null, i.text))),
      rivals.length > 0 && h('details', null, h('summary', null, `Rivals: ${rivals.length} item${rivals.length === 1 ? '' : 's'}`),
        h('ul', null, rivals.map((i) => h('li', null, `${state.companies.byId[i.companyId!]?.name ?? i.companyId}: ${i.text}`)))));
  }).filter(Boolean);
  return h('div', { class: 'report-groups' }, sections.length ? sections : h('p', { class: 'muted' }, 'No deliveries, construction, events or alerts this quarter.'));
}
