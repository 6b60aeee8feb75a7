/**
 * Chips (1): what you have (inventory, orders in flight, deployments), order more, deploy to a ready facility on a
 * workload (LPU replica sizes shown), reassign a deployment.
 */
import type { ChipModel, GameState, Workload } from '../../../../engine/index';
import { h, replace, setOptions, field } from '../../dom';
import { formatInt, formatMw, formatPct, formatUsd, sig } from '../../format';
import { commandForm, numberInput, previewRows, readNumber } from '../commandForm';
import {
  WORKLOADS, chipsFacilityMw, facilityFreeMw, myDeployments, myFacilities, myOrders, orderableChips, player, quarterOf, replicaChips, workloadName,
} from '../selectors';
import type { GameContext, Panel } from './Panel';

/** "Mid (70B) — replica 544 chips" for LPUs; "cannot train" where the chip cannot. */
export function workloadLabel(state: GameState, chip: ChipModel, w: Workload): { label: string; disabled: boolean } {
  if (w === 'training') return chip.trainingH100e > 0 ? { label: `Training — ${sig(chip.trainingH100e, 2)} H100e per chip`, disabled: false } : { label: 'Training — not possible (no HBM)', disabled: true };
  const replica = replicaChips(chip, state.tiers[w]);
  const speed = `${formatInt(chip.userSpeedTokensPerSec[w])} tok/s per user`;
  return { label: replica > 1 ? `${state.tiers[w].name} — replica ${formatInt(replica)} chips, ${speed}` : `${state.tiers[w].name} — ${speed}`, disabled: chip.inferenceTokensPerSec[w] <= 0 };
}

export class ChipsPanel implements Panel {
  readonly id = 'chips' as const;
  readonly title = 'Chips';
  readonly body: HTMLElement;
  private fleet = h('div', { class: 'fleet' });
  private deploymentsTable = h('div');
  private orderChip = h('select', { name: 'chip' });
  private orderQty = numberInput({ min: 1, step: 1, value: 5000 });
  private deployChip = h('select', { name: 'chip' });
  private deployFacility = h('select', { name: 'facility' });
  private deployWorkload = h('select', { name: 'workload' });
  private deployCount = numberInput({ min: 1, step: 1 });
  private reassignDeployment = h('select', { name: 'deployment' });
  private reassignWorkload = h('select', { name: 'workload' });
  private order;
  private deploy;
  private reassign;

  constructor(private ctx: GameContext) {
    const s = () => ctx.session.state;
    this.order = commandForm(ctx, {
      title: 'Order chips',
      submitLabel: 'Order chips',
      fields: [field('Chip', this.orderChip), field('Quantity', this.orderQty)],
      onInput: () => this.previewOrder(s()),
      commands: () => {
        const quantity = readNumber(this.orderQty);
        if (!quantity || !Number.isInteger(quantity) || quantity <= 0) return 'Enter a whole number of chips to order.';
        return [{ type: 'chips/order', chipId: this.orderChip.value, quantity }];
      },
    });
    const maxButton = h('button', { type: 'button', class: 'button ghost small', onclick: () => this.fillMaxDeploy() }, 'Max');
    this.deploy = commandForm(ctx, {
      title: 'Deploy chips',
      submitLabel: 'Deploy chips',
      fields: [
        field('Chip in inventory', this.deployChip),
        field('Facility', this.deployFacility),
        field('Workload', this.deployWorkload),
        h('div', { class: 'field' }, h('label', { for: (this.deployCount.id = 'deploy-count') }, 'Chips to deploy'), h('div', { class: 'inline' }, this.deployCount, maxButton)),
      ],
      onInput: () => this.previewDeploy(s()),
      commands: () => {
        const count = readNumber(this.deployCount);
        if (!this.deployChip.value) return 'No chips in inventory: order some and wait for delivery.';
        if (!this.deployFacility.value) return 'No facility yet: build one in the Sites panel.';
        if (!count || !Number.isInteger(count) || count <= 0) return 'Enter a whole number of chips to deploy.';
        return [{ type: 'chips/deploy', chipId: this.deployChip.value, facilityId: this.deployFacility.value, count, workload: this.deployWorkload.value as Workload }];
      },
    });
    this.reassign = commandForm(ctx, {
      title: 'Reassign a deployment',
      submitLabel: 'Reassign',
      fields: [field('Deployment', this.reassignDeployment), field('New workload', this.reassignWorkload)],
      onInput: () => this.syncReassignWorkloads(s()),
      commands: () => (this.reassignDeployment.value ? [{ type: 'chips/reassign', deploymentId: this.reassignDeployment.value, workload: this.reassignWorkload.value as Workload }] : 'You have no deployments to reassign.'),
    });
    this.deployChip.addEventListener('change', () => this.syncWorkloads(s()));
    this.body = h('div', { class: 'panel-body' },
      h('section', { 'aria-label': 'Fleet' }, this.fleet),
      this.order.form,
      this.deploy.form,
      h('section', { 'aria-labelledby': 'deployments-h' }, h('h3', { id: 'deployments-h' }, 'Deployments (last quarter)'), this.deploymentsTable),
      this.reassign.form,
    );
  }

  update(state: GameState): void {
    const me = player(state);
    const chipName = (id: string) => state.chips.byId[id]?.name ?? id;
    const inventory = Object.keys(me.inventory).sort().filter((id) => (me.inventory[id] ?? 0) > 0);
    const deployed = myDeployments(state).reduce((n, d) => n + d.count, 0);
    replace(this.fleet,
      h('div', { class: 'stat-row' },
        h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, 'Deployed'), h('span', { class: 'stat-value' }, formatInt(deployed))),
        h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, 'In inventory'), h('span', { class: 'stat-value' }, formatInt(inventory.reduce((n, id) => n + me.inventory[id]!, 0)))),
        h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, 'On order'), h('span', { class: 'stat-value' }, formatInt(myOrders(state).reduce((n, o) => n + o.quantity - o.delivered, 0))))),
      myOrders(state).length > 0 && h('ul', { class: 'plain-list' }, myOrders(state).map((o) => h('li', null, `${formatInt(o.quantity - o.delivered)} × ${chipName(o.chipId)} due ${quarterOf(state, o.dueTurn)}`))),
    );

    setOptions(this.orderChip, orderableChips(state).map((c) => ({ value: c.id, label: `${c.name} — ${formatUsd(c.unitPriceUsd)}, ${c.leadQuarters} q lead, ${c.powerW} W` })));
    setOptions(this.deployChip, inventory.map((id) => ({ value: id, label: `${chipName(id)} — ${formatInt(me.inventory[id]!)} in inventory` })), 'No chips in inventory');
    setOptions(this.deployFacility, myFacilities(state).map((f) => {
      const site = state.sites.byId[f.siteId]!;
      return f.status === 'ready'
        ? { value: f.id, label: `${site.name} — ${formatMw(facilityFreeMw(state, f.id))} free of ${formatMw(f.capacityMw)}` }
        : { value: f.id, label: `${site.name} — building, ready ${quarterOf(state, f.readyTurn)}`, disabled: true };
    }), 'No facility');
    this.syncWorkloads(state);

    const deps = myDeployments(state);
    replace(this.deploymentsTable, deps.length === 0 ? h('p', { class: 'empty' }, 'No chips deployed.') :
      h('table', { class: 'data-table' },
        h('thead', null, h('tr', null, ['Site', 'Chips', 'Workload', 'Util.', 'Throttled'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, deps.map((d) => h('tr', null,
          h('td', null, state.sites.byId[d.siteId]!.name),
          h('td', { class: 'num' }, `${formatInt(d.count)} × ${shortChip(state.chips.byId[d.chipId]!)}`),
          h('td', null, workloadName(state, d.workload)),
          h('td', { class: 'num' }, formatPct(d.utilization, 0)),
          h('td', { class: d.throttle > 0 ? 'num is-bad' : 'num' }, formatPct(d.throttle, 0)))))));
    setOptions(this.reassignDeployment, deps.map((d) => ({ value: d.id, label: `${formatInt(d.count)} × ${shortChip(state.chips.byId[d.chipId]!)} at ${state.sites.byId[d.siteId]!.name} (${workloadName(state, d.workload)})` })), 'No deployments');
    this.syncReassignWorkloads(state);
    this.previewOrder(state);
    this.previewDeploy(state);
  }

  private syncWorkloads(state: GameState): void {
    const chip = state.chips.byId[this.deployChip.value];
    setOptions(this.deployWorkload, chip ? WORKLOADS.map((w) => ({ value: w, ...workloadLabel(state, chip, w) })) : WORKLOADS.map((w) => ({ value: w, label: workloadName(state, w) })));
    if (!this.deployWorkload.value || this.deployWorkload.selectedOptions[0]?.disabled) this.deployWorkload.value = 'mid';
  }

  private syncReassignWorkloads(state: GameState): void {
    const d = state.deployments.byId[this.reassignDeployment.value];
    const chip = d ? state.chips.byId[d.chipId] : undefined;
    setOptions(this.reassignWorkload, WORKLOADS.filter((w) => w !== d?.workload).map((w) => ({ value: w, ...(chip ? workloadLabel(state, chip, w) : { label: workloadName(state, w), disabled: false }) })));
  }

  private previewOrder(state: GameState): void {
    const chip = state.chips.byId[this.orderChip.value];
    const qty = readNumber(this.orderQty) ?? 0;
    if (!chip || qty <= 0) return this.order.preview(null);
    const cost = qty * chip.unitPriceUsd;
    const cash = player(state).cashUsd;
    this.order.preview(previewRows([
      ['Cost (prepaid)', formatUsd(cost)],
      ['Arrives', quarterOf(state, state.turn + Math.max(1, chip.leadQuarters))],
      ['Cash after', formatUsd(cash - cost), cost > cash ? 'bad' : null],
      ['Power with PUE 1.2', formatMw((qty * chip.powerW * 1.2) / 1e6)],
    ]));
  }

  private previewDeploy(state: GameState): void {
    const chip = state.chips.byId[this.deployChip.value];
    const facility = state.facilities.byId[this.deployFacility.value];
    const count = readNumber(this.deployCount) ?? 0;
    if (!chip || !facility || count <= 0) return this.deploy.preview(null);
    const w = this.deployWorkload.value as Workload;
    const needMw = chipsFacilityMw(state, chip.id, count, facility.siteId);
    const freeMw = facilityFreeMw(state, facility.id);
    const rows: [string, string, ('good' | 'bad' | null)?][] = [['Facility power needed', `${formatMw(needMw)} of ${formatMw(freeMw)} free`, needMw > freeMw ? 'bad' : null]];
    if (w !== 'training') {
      const replica = replicaChips(chip, state.tiers[w]);
      if (replica > 1) rows.push(['Replicas', `${formatInt(Math.floor(count / replica))} × ${formatInt(replica)} chips${count % replica ? `, ${formatInt(count % replica)} idle` : ''}`, count % replica ? 'bad' : null]);
    }
    this.deploy.preview(previewRows(rows));
  }

  /** The most chips (whole replicas for LPUs) that inventory and the facility's free power allow. */
  private fillMaxDeploy(): void {
    const state = this.ctx.session.state;
    const chip = state.chips.byId[this.deployChip.value];
    const facility = state.facilities.byId[this.deployFacility.value];
    if (!chip || !facility) return;
    const have = player(state).inventory[chip.id] ?? 0;
    const perChipMw = chipsFacilityMw(state, chip.id, 1, facility.siteId);
    let count = Math.min(have, Math.floor(facilityFreeMw(state, facility.id) / perChipMw));
    const w = this.deployWorkload.value as Workload;
    if (w !== 'training') {
      const replica = replicaChips(chip, state.tiers[w]);
      count = Math.floor(count / replica) * replica;
    }
    this.deployCount.value = String(Math.max(0, count));
    this.previewDeploy(state);
  }
}

function shortChip(chip: ChipModel): string {
  return chip.name.replace(/\s*\(.*\)$/, '');
}
