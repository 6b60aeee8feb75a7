/**
 * The top bar: quarter, cash, revenue, gross margin, cost per million tokens, energy per token and inference share.
 * Each figure's tooltip breaks it down from the last quarter's ledger (by category and by source) and metrics.
 */
import type { CompanyMetrics, GameState } from '../../../engine/index';
import { TOKENS_PER_MTOK, JOULES_PER_MWH } from '../../../engine/units';
import { h, replace, type Child } from '../dom';
import {
  formatCount, formatJoulesPerToken, formatMw, formatPct, formatPricePerMTok, formatSignedUsd, formatTokensPerJoule, formatUsd, sig,
} from '../format';
import { richTip } from '../tooltip';
import { byCategory, bySource, type LedgerLine } from './ledgerSummary';
import { lastMetrics, myDeployments, player, previousMetrics, quarterNow, quarterOf } from './selectors';
import { deploymentOps } from '../../../engine/deploymentOps';

interface Kpi {
  el: HTMLButtonElement;
  value: HTMLElement;
  sub: HTMLElement;
}

export class KpiBar {
  readonly el: HTMLElement;
  private kpis: Record<string, Kpi> = {};
  private state!: GameState;
  /** 'closed': the state is read as the quarter just closed (the replay viewer), not the quarter being played. */
  private view: 'live' | 'closed' = 'live';

  constructor() {
    const make = (id: string, label: string, tip: (s: GameState) => Node): HTMLElement => {
      const value = h('span', { class: 'kpi-value' });
      const sub = h('span', { class: 'kpi-sub' });
      const el = h('button', { type: 'button', class: `kpi kpi-${id}`, 'data-kpi': id }, h('span', { class: 'kpi-label' }, label), value, sub);
      richTip(el, () => tip(this.state));
      this.kpis[id] = { el, value, sub };
      return el;
    };
    this.el = h('div', { class: 'kpi-bar', role: 'group', 'aria-label': 'Key figures' },
      make('quarter', 'Quarter', (s) => quarterTip(s, this.view)),
      make('cash', 'Cash', (s) => cashTip(s)),
      make('revenue', 'Revenue', (s) => revenueTip(s)),
      make('margin', 'Gross margin', (s) => marginTip(s)),
      make('cost', 'Cost / M tokens', (s) => costTip(s)),
      make('energy', 'Energy / token', (s) => energyTip(s)),
      make('share', 'Inference share', (s) => shareTip(s)),
    );
  }

  /** `view` 'closed' labels the quarter that just ended (turn `state.turn`) instead of the one being played. */
  update(state: GameState, view: 'live' | 'closed' = 'live'): void {
    this.state = state;
    this.view = view;
    const m = lastMetrics(state);
    const prev = previousMetrics(state);
    /** `tone`: whether the change is good for the player (colour); the arrow shows its direction. */
    const set = (id: string, value: string, sub: string, tone: 'good' | 'bad' | null = null) => {
      const k = this.kpis[id]!;
      k.value.textContent = value;
      replace(k.sub, sub);
      k.sub.className = `kpi-sub${tone ? ` is-${tone}` : ''}`;
    };
    if (view === 'closed') set('quarter', quarterOf(state, state.turn - 1), `Turn ${state.turn} of ${state.lengthTurns} · closed`);
    else set('quarter', quarterNow(state), `Turn ${Math.min(state.turn + 1, state.lengthTurns)} of ${state.lengthTurns}`);
    const me = player(state);
    const spent = m ? me.cashUsd - m.cashUsd : 0;
    if (spent !== 0) set('cash', formatUsd(me.cashUsd), `${arrow(spent)}${formatSignedUsd(spent)} this turn`);
    else if (m && prev) set('cash', formatUsd(me.cashUsd), `${arrow(m.cashUsd - prev.cashUsd)}${formatSignedUsd(m.cashUsd - prev.cashUsd)} last q`, tone(m.cashUsd - prev.cashUsd, true));
    else set('cash', formatUsd(me.cashUsd), 'available now');
    if (!m) {
      for (const id of ['revenue', 'margin', 'cost', 'energy', 'share']) set(id, '—', 'after turn 1');
      return;
    }
    set('revenue', formatUsd(m.revenueUsd), relative(m.revenueUsd, prev?.revenueUsd), tone(m.revenueUsd - (prev?.revenueUsd ?? m.revenueUsd), true));
    set('margin', formatPct(m.grossMarginPct), prev ? points(m.grossMarginPct, prev.grossMarginPct) : 'last quarter', tone(m.grossMarginPct - (prev?.grossMarginPct ?? m.grossMarginPct), true));
    const costPrev = prev && prev.costPerMTokUsd > 0 ? prev.costPerMTokUsd : undefined;
    set('cost', m.costPerMTokUsd > 0 ? formatPricePerMTok(m.costPerMTokUsd) : '—', m.costPerMTokUsd > 0 ? relative(m.costPerMTokUsd, costPrev) : 'no tokens served', tone(m.costPerMTokUsd - (costPrev ?? m.costPerMTokUsd), false));
    const jPrev = prev && prev.joulesPerToken > 0 ? prev.joulesPerToken : undefined;
    set('energy', m.joulesPerToken > 0 ? `${sig(m.joulesPerToken, 2)} J` : '—', m.joulesPerToken > 0 ? `per token · ${formatTokensPerJoule(m.joulesPerToken)}` : 'no tokens served', tone(m.joulesPerToken - (jPrev ?? m.joulesPerToken), false));
    set('share', formatPct(m.inferenceShare), prev ? points(m.inferenceShare, prev.inferenceShare) : 'of tokens served', tone(m.inferenceShare - (prev?.inferenceShare ?? m.inferenceShare), true));
  }
}

function arrow(delta: number): string {
  return delta > 0 ? '▲ ' : delta < 0 ? '▼ ' : '';
}
/** Good or bad for the player, from a change and whether higher is better. */
function tone(delta: number, higherIsBetter: boolean): 'good' | 'bad' | null {
  if (Math.abs(delta) < 1e-12) return null;
  return delta > 0 === higherIsBetter ? 'good' : 'bad';
}
function relative(now: number, before: number | undefined): string {
  if (before === undefined || before === 0) return 'last quarter';
  const pct = (now / before - 1) * 100;
  return `${arrow(pct)}${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(0)}% vs prior q`;
}
function points(now: number, before: number): string {
  const pts = (now - before) * 100;
  return `${arrow(pts)}${pts >= 0 ? '+' : '−'}${Math.abs(pts).toFixed(1)} pts`;
}

function tipBox(title: string, ...sections: Child[]): HTMLElement {
  return h('div', { class: 'tip-box' }, h('div', { class: 'tip-title' }, title), sections);
}
function tipTable(caption: string | null, lines: readonly LedgerLine[] | readonly [string, string][], total?: [string, string]): HTMLElement {
  const rows = lines.map((l) => (Array.isArray(l) ? l : [l.label, formatSignedUsd(l.amountUsd)]) as [string, string]);
  return h('table', { class: 'tip-table' }, caption ? h('caption', null, caption) : null,
    h('tbody', null, rows.length ? rows.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, v))) : h('tr', null, h('td', { colspan: '2', class: 'muted' }, 'nothing'))),
    total ? h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, total[0]), h('td', null, total[1]))) : null);
}
function tipNote(text: string): HTMLElement {
  return h('p', { class: 'tip-note' }, text);
}

function quarterTip(s: GameState, view: 'live' | 'closed'): HTMLElement {
  const m = lastMetrics(s);
  const title = view === 'closed' ? `${quarterOf(s, s.turn - 1)} · turn ${s.turn} of ${s.lengthTurns}, closed` : `${quarterNow(s)} · turn ${Math.min(s.turn + 1, s.lengthTurns)} of ${s.lengthTurns}`;
  return tipBox(title,
    tipNote(`The game ends after ${quarterOf(s, s.lengthTurns - 1)}. One turn is one quarter.`),
    tipTable('Goals', s.victory.map((c) => [c.atTurn ? `${c.label} (by ${quarterOf(s, c.atTurn - 1)})` : c.label, m ? goalValue(s, m, c.metric) : '—'] as [string, string])));
}

function goalValue(s: GameState, m: CompanyMetrics, metric: string): string {
  if (metric === 'inferenceShare') return `now ${formatPct(m.inferenceShare)}`;
  if (metric === 'chipsDeployed') return `now ${formatCount(m.chipsDeployed)}`;
  if (metric === 'cumulativeProfitUsd') return `now ${formatUsd(s.cumulativeProfitUsd[s.playerId] ?? 0)}`;
  const value = m[metric as keyof CompanyMetrics];
  return typeof value === 'number' ? `now ${formatUsd(value)}` : '';
}

function cashTip(s: GameState): HTMLElement {
  const me = player(s);
  const m = lastMetrics(s);
  return tipBox(`Cash ${formatUsd(me.cashUsd)}`,
    s.ledger.some((e) => e.companyId === me.id) ? tipTable('This turn so far', byCategory(s.ledger, me.id)) : null,
    m ? tipTable('Last quarter, by category', byCategory(s.lastLedger, me.id)) : tipNote('No quarter has ended yet.'),
    m ? tipNote(`Debt ${formatUsd(m.debtUsd)} · enterprise value ${formatUsd(m.enterpriseValueUsd)}`) : null);
}

function revenueTip(s: GameState): HTMLElement {
  const m = lastMetrics(s);
  if (!m) return tipBox('Revenue', tipNote('Revenue appears after your first quarter.'));
  return tipBox(`Revenue ${formatUsd(m.revenueUsd)} last quarter`,
    tipTable('By category', byCategory(s.lastLedger, s.playerId, 'revenue:')),
    tipTable('By source', bySource(s, s.lastLedger, s.playerId, 'revenue:')));
}

function marginTip(s: GameState): HTMLElement {
  const m = lastMetrics(s);
  if (!m) return tipBox('Gross margin', tipNote('(Revenue − cost of revenue) ÷ revenue, after your first quarter.'));
  const costs = byCategory(s.lastLedger, s.playerId, 'cost:');
  return tipBox(`Gross margin ${formatPct(m.grossMarginPct)}`,
    tipTable(null, [{ label: 'Revenue', amountUsd: m.revenueUsd }, ...costs, { label: 'Depreciation (non-cash)', amountUsd: -m.depreciationUsd }], ['Gross profit', formatUsd(m.revenueUsd - m.costOfRevenueUsd)]),
    tipTable('Largest costs by source', bySource(s, s.lastLedger, s.playerId, 'cost:', 4)));
}

function costTip(s: GameState): HTMLElement {
  const m = lastMetrics(s);
  if (!m || m.inferenceTokens <= 0) return tipBox('Cost per million tokens', tipNote('Full cost of inference ÷ tokens served: appears once you serve tokens.'));
  const mtok = m.inferenceTokens / TOKENS_PER_MTOK;
  const revenuePerMtok = m.inferenceRevenueUsd / mtok;
  return tipBox(`Cost ${formatPricePerMTok(m.costPerMTokUsd)} per M tokens`,
    tipTable(null, [
      ['Tokens served', formatCount(m.inferenceTokens)],
      ['Inference cost', formatUsd(m.costPerMTokUsd * mtok)],
      ['Revenue per M tokens', formatPricePerMTok(revenuePerMtok)],
      ['Margin per M tokens', formatPricePerMTok(revenuePerMtok - m.costPerMTokUsd)],
    ]),
    tipTable('Power costs by source', bySource(s, s.lastLedger, s.playerId, 'cost:power', 4)),
    tipNote('Cost = chip depreciation and upkeep of inference chips + their share of power and facility costs.'));
}

function energyTip(s: GameState): HTMLElement {
  const m = lastMetrics(s);
  if (!m || m.joulesPerToken <= 0) return tipBox('Energy per token', tipNote('Inference energy ÷ tokens served: appears once you serve tokens.'));
  const energy = (id: string) => deploymentOps(s, id).energyMwh;
  const lines: [string, string][] = myDeployments(s).filter((d) => d.workload !== 'training' && energy(d.id) > 0)
    .sort((a, b) => energy(b.id) - energy(a.id) || a.id.localeCompare(b.id)).slice(0, 5)
    .map((d) => [`${s.sites.byId[d.siteId]!.name} · ${s.tiers[d.workload as 'mid'].name}`, `${sig(energy(d.id), 3)} MWh`]);
  const energyMwh = (m.joulesPerToken * m.inferenceTokens) / JOULES_PER_MWH;
  return tipBox(`${formatJoulesPerToken(m.joulesPerToken)} = ${formatTokensPerJoule(m.joulesPerToken)}`,
    tipTable(null, [['Inference energy', `${sig(energyMwh, 3)} MWh`], ['Tokens served', formatCount(m.inferenceTokens)], ['Average power draw', formatMw(m.powerDrawMw)], ['Chips throttled', formatPct(m.throttledPct)]]),
    tipTable('Energy by deployment', lines),
    tipNote('Tokens per joule = tokens per watt-second. Facility energy includes cooling (PUE).'));
}

function shareTip(s: GameState): HTMLElement {
  const last = s.history[s.history.length - 1];
  if (!last) return tipBox('Inference share', tipNote('Your tokens ÷ all tokens served, after your first quarter.'));
  const tiers = (['small', 'mid', 'frontier'] as const).map((t) => {
    const r = s.inferenceResults[t];
    const mine = r.servedByCompany[s.playerId] ?? 0;
    return [s.tiers[t].name, `${formatPct(r.servedTokens > 0 ? mine / r.servedTokens : 0)} of ${formatCount(r.servedTokens)}`] as [string, string];
  });
  const companies = s.companies.ids.map((id) => [s.companies.byId[id]!.name, formatPct(last.companies[id]?.inferenceShare ?? 0)] as [string, string]);
  return tipBox(`Inference share ${formatPct(last.companies[s.playerId]?.inferenceShare ?? 0)}`, tipTable('By tier (you / served)', tiers), tipTable('By company', companies));
}
