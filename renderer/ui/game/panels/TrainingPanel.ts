/**
 * Training (5): the rental market for training compute (price per H100e-hour, demand, what sold) and your chips on
 * training, with moving a deployment to or from training (an SRAM-LPU cannot train: the engine says why).
 */
import type { GameState, Workload } from '../../../../engine/index';
import { h, replace, setOptions, field } from '../../dom';
import { formatCount, formatInt, formatUsd, formatUsdPerHour, sig } from '../../format';
import { commandForm, previewRows } from '../commandForm';
import { WORKLOADS, lastMetrics, myDeployments, workloadName } from '../selectors';
import type { GameContext, Panel } from './Panel';

export class TrainingPanel implements Panel {
  readonly id = 'training' as const;
  readonly title = 'Training';
  readonly body: HTMLElement;
  private market = h('div');
  private mine = h('div');
  private deployment = h('select', { name: 'deployment' });
  private workload = h('select', { name: 'workload' });
  private move;

  constructor(ctx: GameContext) {
    this.move = commandForm(ctx, {
      title: 'Move chips to or from training',
      submitLabel: 'Move chips',
      fields: [field('Deployment', this.deployment), field('To', this.workload)],
      onInput: () => this.syncTargets(ctx.session.state),
      commands: () => (this.deployment.value ? [{ type: 'chips/reassign', deploymentId: this.deployment.value, workload: this.workload.value as Workload }] : 'You have no deployments.'),
    });
    this.body = h('div', { class: 'panel-body' },
      h('section', { 'aria-labelledby': 'train-mkt-h' }, h('h3', { id: 'train-mkt-h' }, 'Training rental market'), this.market),
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
              h('td', { class: 'num' }, sig(d.count * chip.trainingH100e, 3)), h('td', { class: 'num' }, formatCount(d.soldH100eHours)));
          }))));
    setOptions(this.deployment, myDeployments(state).map((d) => ({ value: d.id, label: `${formatInt(d.count)} × ${state.chips.byId[d.chipId]!.name} at ${state.sites.byId[d.siteId]!.name} (${workloadName(state, d.workload)})` })), 'No deployments');
    this.syncTargets(state);
  }

  private syncTargets(state: GameState): void {
    const d = state.deployments.byId[this.deployment.value];
    const targets = d?.workload === 'training' ? WORKLOADS.filter((w) => w !== 'training') : (['training'] as Workload[]);
    setOptions(this.workload, targets.map((w) => ({ value: w, label: workloadName(state, w) })));
  }
}
