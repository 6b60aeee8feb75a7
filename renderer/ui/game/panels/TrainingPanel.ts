/**
 * Training (5): the rental market for training compute (price per H100e-hour, demand, what sold), the labs' open
 * training contracts with a sealed bid on each (`training/bid`), the contracts awarded to you, and your chips on
 * training, with moving a deployment to or from training (an SRAM-LPU cannot train: the engine says why).
 * Other companies' bids and whether a posting is an echo of another lab request stay hidden, as in the game.
 */
import type { Frozen, GameState, TrainingContract, Workload } from '../../../../engine/index';
import { rows } from '../../../../engine/table';
import { trainingPosition } from '../../../../engine/trainingContracts';
import { h, replace, setOptions, field } from '../../dom';
import { formatCount, formatInt, formatPct, formatUsd, formatUsdPerHour, sig } from '../../format';
import { commandForm, commandList, numberInput, previewRows, readNumber } from '../commandForm';
import { WORKLOADS, lastMetrics, myDeployments, player, quarterOf, workloadName } from '../selectors';
import type { GameContext, Panel } from './Panel';
import { deploymentOps } from '../../../../engine/deploymentOps';

export class TrainingPanel implements Panel {
  readonly id = 'training' as const;
  readonly title = 'Training';
  readonly body: HTMLElement;
  private market = h('div');
  private mine = h('div');
  private deployment = h('select', { name: 'deployment' });
  private workload = h('select', { name: 'workload' });
  private move;
  private open;
  private awarded = h('div');
  /** Bid prices typed but not yet sent, by contract id (rows are redrawn on every update). */
  private drafts = new Map<string, string>();

  constructor(ctx: GameContext) {
    this.open = commandList(ctx, {
      title: 'Open training contracts',
      note: 'Labs post contracts for a quarter; sealed bids are awarded at the end of the quarter, lowest price first. Your bid must be at most the lab\'s maximum, and you need the reliability and uncommitted training capacity in the regions the lab allows. A new bid replaces your earlier one.',
      afterAccept: () => this.drafts.clear(),
    });
    this.move = commandForm(ctx, {
      title: 'Move chips to or from training',
      submitLabel: 'Move chips',
      fields: [field('Deployment', this.deployment), field('To', this.workload)],
      onInput: () => this.syncTargets(ctx.session.state),
      commands: () => (this.deployment.value ? [{ type: 'chips/reassign', deploymentId: this.deployment.value, workload: this.workload.value as Workload }] : 'You have no deployments.'),
    });
    this.body = h('div', { class: 'panel-body' },
      h('section', { 'aria-labelledby': 'train-mkt-h' }, h('h3', { id: 'train-mkt-h' }, 'Training rental market'), this.market),
      this.open.el,
      h('section', { 'aria-labelledby': 'train-won-h' }, h('h3', { id: 'train-won-h' }, 'Your training contracts'), this.awarded),
      h('section', { 'aria-labelledby': 'train-mine-h' }, h('h3', { id: 'train-mine-h' }, 'Your chips on training'), this.mine),
      this.move.form);
  }

  update(state: GameState): void {
    const t = state.training;
    const m = lastMetrics(state);
    replace(this.market, previewRows([
      ['Rental price (last clearing)', `${formatUsdPerHour(t.clearingPriceUsdPerHour)} per H100e-hour`],
      ['Reference · floor', `${formatUsdPerHour(t.refPriceUsdPerHour)} · ${formatUsdPerHour(t.floorPriceUsdPerHour)}`],
      ['Demand per quarter', `${formatCount(t.demandH100eHours)} H100e-hours`],
      ['Offered · sold last quarter', `${formatCount(t.lastOfferedH100eHours)} · ${formatCount(t.lastSoldH100eHours)}`],
      ['Your training revenue', m ? formatUsd(m.trainingRevenueUsd) : '—'],
    ]));
    const training = myDeployments(state).filter((d) => d.workload === 'training');
    replace(this.mine, training.length === 0
      ? h('p', { class: 'empty' }, 'None. Training needs HBM GPUs (the incumbent\'s); your LPUs hold models in SRAM and cannot train.')
      : h('table', { class: 'data-table' },
          h('thead', null, h('tr', null, ['Site', 'Chips', 'H100e', 'Sold (H100e-h)'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', null, training.map((d) => {
            const chip = state.chips.byId[d.chipId]!;
            return h('tr', null, h('td', null, state.sites.byId[d.siteId]!.name), h('td', { class: 'num' }, `${formatInt(d.count)} × ${chip.name}`),
              h('td', { class: 'num' }, sig(d.count * chip.trainingH100e, 3)), h('td', { class: 'num' }, formatCount(deploymentOps(state, d.id).soldH100eHours)));
          }))));
    this.updateContracts(state);
    setOptions(this.deployment, myDeployments(state).map((d) => ({ value: d.id, label: `${formatInt(d.count)} × ${state.chips.byId[d.chipId]!.name} at ${state.sites.byId[d.siteId]!.name} (${workloadName(state, d.workload)})` })), 'No deployments');
    this.syncTargets(state);
  }

  private updateContracts(state: GameState): void {
    const me = player(state);
    const all = rows(state.trainingContracts);
    const open = all.filter((c) => c.status === 'open');
    const pos = trainingPosition(state, me.id);
    replace(this.open.body,
      h('p', { class: 'hint' }, `Your training capacity: ${formatCount(pos.total)} H100e-hours a quarter, ${formatCount(pos.committed)} committed; reliability ${formatPct(me.reliability)}.`),
      open.length === 0 ? h('p', { class: 'empty' }, 'No open contracts this quarter.') : h('table', { class: 'data-table' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Lab'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'H100e-hours a quarter × quarters' }, 'Size'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'The most the lab pays per H100e-hour' }, 'Max price'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'Reliability the lab requires' }, 'Reliab.'),
          h('th', { scope: 'col' }, 'Where'),
          h('th', { scope: 'col', class: 'num' }, 'Your bid ($/h)'))),
        h('tbody', null, open.map((c) => this.openRow(state, me.id, c)))));

    const mine = all.filter((c) => c.awardedTo === me.id && (c.status === 'awarded' || c.status === 'completed'));
    replace(this.awarded, mine.length === 0 ? h('p', { class: 'empty' }, 'None awarded to you.') : h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, ['Lab', 'Size', 'Price', 'Runs', 'Delivered last q'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, mine.map((c) => h('tr', null,
        h('td', null, c.lab, c.status === 'completed' ? [h('br'), h('span', { class: 'muted' }, 'completed')] : null),
        h('td', { class: 'num' }, `${formatCount(c.h100eHoursPerQuarter)} × ${c.durationQuarters} q`),
        h('td', { class: 'num' }, formatUsdPerHour(c.priceUsdPerHour)),
        h('td', null, `${quarterOf(state, c.startTurn)} – ${quarterOf(state, c.endTurn - 1)}`),
        h('td', { class: 'num' }, formatCount(c.lastDeliveredH100eHours)))))));
  }

  /** One open contract: what the lab asks (never the echo flag or others' bids) and the player's bid form. */
  private openRow(state: GameState, playerId: string, c: Frozen<TrainingContract>): HTMLElement {
    const myBid = c.bids.find((b) => b.companyId === playerId);
    const price = numberInput({ min: 0.01, max: c.maxPriceUsdPerHour, step: 0.01, value: this.drafts.get(c.id) ?? (myBid ?? { priceUsdPerHour: c.maxPriceUsdPerHour }).priceUsdPerHour.toFixed(2) });
    price.setAttribute('aria-label', `Bid price for ${c.lab}'s contract ${c.id} (USD per H100e-hour)`);
    price.addEventListener('input', () => this.drafts.set(c.id, price.value));
    const form = this.open.rowForm(`Bid on ${c.lab}'s contract ${c.id}`, 'Bid', [price], () => {
      const priceUsdPerHour = readNumber(price);
      if (priceUsdPerHour === null || priceUsdPerHour <= 0) return `Enter your price for contract ${c.id}, in USD per H100e-hour.`;
      return [{ type: 'training/bid', contractId: c.id, priceUsdPerHour }];
    });
    return h('tr', null,
      h('td', null, c.lab, h('br'), h('span', { class: 'muted' }, `${c.id} · posted ${quarterOf(state, c.postedTurn)}`)),
      h('td', { class: 'num' }, `${formatCount(c.h100eHoursPerQuarter)} × ${c.durationQuarters} q`),
      h('td', { class: 'num' }, formatUsdPerHour(c.maxPriceUsdPerHour)),
      h('td', { class: 'num' }, formatPct(c.minReliability)),
      h('td', null, c.regionRule.label),
      h('td', null, form, myBid ? h('span', { class: 'muted' }, `bid ${formatUsdPerHour(myBid.priceUsdPerHour)}`) : null));
  }

  private syncTargets(state: GameState): void {
    const d = state.deployments.byId[this.deployment.value];
    const targets = d?.workload === 'training' ? WORKLOADS.filter((w) => w !== 'training') : (['training'] as Workload[]);
    setOptions(this.workload, targets.map((w) => ({ value: w, label: workloadName(state, w) })));
  }
}
