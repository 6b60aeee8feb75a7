/**
 * Chips (1): what you have (inventory, orders in flight, deployments), order more, deploy to a ready facility on a
 * workload (LPU replica sizes shown), reassign a deployment; next-generation designs of your own chips
 * (`chips/design`) and, when the scenario has an HBM market, its suppliers and HBM long-term agreements
 * (`supply/signHbmLta`).
 */
import type { ChipModel, GameState, Workload } from '../../../../engine/index';
import { LTA_MIN_LEAD_QUARTERS, hbmOutputGb, ltaRoomGb } from '../../../../engine/supplyChain';
import { LTA_PROOF_OF_FUNDS_QUARTERS } from '../../../../engine/commands/supply';
import { rows, rowsOf } from '../../../../engine/table';
import { h, replace, setOptions, field } from '../../dom';
import { formatCount, formatInt, formatMw, formatPct, formatUsd, sig } from '../../format';
import { commandForm, commandList, numberInput, previewRows, readNumber } from '../commandForm';
import {
  WORKLOADS, chipsFacilityMw, facilityFreeMw, myDeployments, myFacilities, myOrders, orderableChips, player, quarterOf, replicaChips, workloadName,
} from '../selectors';
import type { GameContext, Panel } from './Panel';
import { deploymentOps } from '../../../../engine/deploymentOps';

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
  private designs;
  private hbm = h('section', { 'aria-labelledby': 'hbm-h' });
  private hbmSuppliers = h('div');
  private ltaSupplier = h('select', { name: 'supplier' });
  private ltaGb = numberInput({ min: 1, step: 1, value: 100000 });
  private ltaQuarters = numberInput({ min: 1, max: 20, step: 1, value: 8 });
  private ltaLead = numberInput({ min: LTA_MIN_LEAD_QUARTERS, max: 8, step: 1, value: LTA_MIN_LEAD_QUARTERS });
  private lta;

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
    this.designs = commandList(ctx, {
      title: 'Next-generation design',
      note: 'Your next chip: pay the R&D and tape-out now; once taped out it can be ordered like your current chips.',
    });
    this.lta = commandForm(ctx, {
      title: 'Sign an HBM long-term agreement',
      submitLabel: 'Sign LTA',
      note: `HBM for your own chips. Take-or-pay and non-cancellable: you pay for every GB delivered at today's contract price; the first delivery comes at least ${LTA_MIN_LEAD_QUARTERS} quarters after signing. Without an LTA you buy at the spot price, if any is left.`,
      fields: [field('Supplier', this.ltaSupplier), field('HBM per quarter (GB)', this.ltaGb), field('Quarters', this.ltaQuarters), field('Quarters until first delivery', this.ltaLead)],
      onInput: () => this.previewLta(s()),
      commands: () => {
        const gbPerQuarter = readNumber(this.ltaGb);
        const quarters = readNumber(this.ltaQuarters);
        const leadQuarters = readNumber(this.ltaLead);
        if (!this.ltaSupplier.value) return 'This scenario has no HBM suppliers.';
        if (!gbPerQuarter || !Number.isInteger(gbPerQuarter) || gbPerQuarter <= 0) return 'Enter a whole number of GB per quarter.';
        if (!quarters || !Number.isInteger(quarters) || quarters <= 0) return 'Enter the number of quarters (whole).';
        if (leadQuarters === null || !Number.isInteger(leadQuarters)) return 'Enter the quarters until the first delivery (whole).';
        return [{ type: 'supply/signHbmLta', supplierId: this.ltaSupplier.value, gbPerQuarter, quarters, leadQuarters }];
      },
    });
    replace(this.hbm, h('h3', { id: 'hbm-h' }, 'HBM supply'), this.hbmSuppliers, this.lta.form);
    this.deployChip.addEventListener('change', () => this.syncWorkloads(s()));
    this.body = h('div', { class: 'panel-body' },
      h('section', { 'aria-label': 'Fleet' }, this.fleet),
      this.order.form,
      this.deploy.form,
      h('section', { 'aria-labelledby': 'deployments-h' }, h('h3', { id: 'deployments-h' }, 'Deployments (last quarter)'), this.deploymentsTable),
      this.reassign.form,
      this.designs.el,
      this.hbm,
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
          h('td', { class: 'num' }, formatPct(deploymentOps(state, d.id).utilization, 0)),
          h('td', { class: deploymentOps(state, d.id).throttle > 0 ? 'num is-bad' : 'num' }, formatPct(deploymentOps(state, d.id).throttle, 0)))))));
    setOptions(this.reassignDeployment, deps.map((d) => ({ value: d.id, label: `${formatInt(d.count)} × ${shortChip(state.chips.byId[d.chipId]!)} at ${state.sites.byId[d.siteId]!.name} (${workloadName(state, d.workload)})` })), 'No deployments');
    this.syncReassignWorkloads(state);
    this.previewOrder(state);
    this.previewDeploy(state);
    this.updateDesigns(state);
    this.updateHbm(state);
  }

  /** Chips the scenario lets the player design next (their `designFrom` is one of the player's chips). */
  private updateDesigns(state: GameState): void {
    const mine = (id: string | null) => id !== null && state.chips.byId[id]?.ownerCompanyId === state.playerId;
    const next = rows(state.chips).filter((c) => c.ownerCompanyId === state.playerId && mine(c.designFrom));
    this.designs.el.hidden = next.length === 0;
    if (next.length === 0) return;
    const started = rowsOf(state.designs, state.playerId);
    replace(this.designs.body, h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, ['Design', 'From', 'R&D cost', 'Tape-out', ''].map((t, i) => h('th', { scope: 'col', class: i === 2 ? 'num' : null }, t || h('span', { class: 'visually-hidden' }, 'Status'))))),
      h('tbody', null, next.map((c) => {
        const d = started.find((x) => x.chipId === c.id);
        const base = state.chips.byId[c.designFrom!]!;
        const status = !d
          ? this.designs.rowForm(`Start design of ${c.name}`, 'Start design', [], () => [{ type: 'chips/design', baseChipId: base.id }])
          : d.readyTurn > state.turn ? h('span', { class: 'badge warn' }, `taping out, ready ${quarterOf(state, d.readyTurn)}`) : h('span', { class: 'badge ok' }, 'designed — orderable');
        return h('tr', null,
          h('td', null, c.name, h('br'), h('span', { class: 'muted' }, `${c.powerW} W, ${c.processNode || 'node n/a'}`)),
          h('td', null, shortChip(base)),
          h('td', { class: 'num' }, formatUsd(d?.costUsd ?? c.designCostUsd)),
          h('td', null, `${c.tapeOutQuarters} quarter(s)`),
          h('td', null, status));
      }))));
  }

  private updateHbm(state: GameState): void {
    const supply = state.supply;
    this.hbm.hidden = !supply;
    if (!supply) return;
    const suppliers = rows(supply.hbm.suppliers);
    const last = supply.last;
    const ltas = rowsOf(supply.hbm.ltas, state.playerId).filter((l) => l.endTurn > state.turn);
    replace(this.hbmSuppliers,
      previewRows([
        ['Spot price (last quarter)', last.hbmSpotPriceUsdPerGb > 0 ? `$${last.hbmSpotPriceUsdPerGb}/GB, ${formatPct(last.hbmSpotFill, 0)} of spot demand met` : '— (no quarter yet)'],
        ['World demand · supply', `${formatCount(last.hbmDemandGb)} · ${formatCount(last.hbmSupplyGb)} GB`],
        ['Your HBM stock', `${formatCount(supply.hbm.stockGb[state.playerId] ?? 0)} GB`],
      ]),
      h('table', { class: 'data-table' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Supplier'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'GB a quarter: capacity × yield (× any crisis)' }, 'Output'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'LTA contract price' }, 'Price'),
          h('th', { scope: 'col', class: 'num', 'data-tip': 'GB a quarter still open to new LTAs from the earliest first delivery, for the quarters entered below' }, 'Open to LTAs'))),
        h('tbody', null, suppliers.map((sup) => h('tr', null,
          h('td', null, sup.name, h('br'), h('span', { class: 'muted' }, sup.country)),
          h('td', { class: sup.shockFactor < 1 ? 'num is-bad' : 'num' }, `${formatCount(hbmOutputGb(sup))} GB`),
          h('td', { class: 'num' }, `$${sup.priceUsdPerGb}/GB`),
          h('td', { class: 'num' }, `${formatCount(this.ltaRoom(state, sup.id))} GB`))))),
      ltas.length === 0 ? h('p', { class: 'empty' }, 'You have no HBM agreements.') : h('table', { class: 'data-table' },
        h('caption', null, 'Your HBM agreements'),
        h('thead', null, h('tr', null, ['Supplier', 'GB / quarter', 'Price', 'From', 'Until'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, ltas.map((l) => h('tr', null,
          h('td', null, supply.hbm.suppliers.byId[l.supplierId]?.name ?? l.supplierId),
          h('td', { class: 'num' }, formatCount(l.gbPerQuarter)),
          h('td', { class: 'num' }, `$${l.priceUsdPerGb}/GB`),
          h('td', null, quarterOf(state, l.startTurn)),
          h('td', null, quarterOf(state, l.endTurn - 1)))))));
    setOptions(this.ltaSupplier, suppliers.map((sup) => ({ value: sup.id, label: `${sup.name} — $${sup.priceUsdPerGb}/GB` })), 'No HBM suppliers');
    this.previewLta(state);
  }

  private ltaRoom(state: GameState, supplierId: string): number {
    const lead = Math.max(LTA_MIN_LEAD_QUARTERS, readNumber(this.ltaLead) ?? LTA_MIN_LEAD_QUARTERS);
    const quarters = Math.max(1, Math.floor(readNumber(this.ltaQuarters) ?? 1));
    return ltaRoomGb(state, supplierId, state.turn + lead, state.turn + lead + quarters);
  }

  private previewLta(state: GameState): void {
    const supplier = state.supply?.hbm.suppliers.byId[this.ltaSupplier.value];
    const gb = readNumber(this.ltaGb) ?? 0;
    const quarters = readNumber(this.ltaQuarters) ?? 0;
    const lead = readNumber(this.ltaLead) ?? LTA_MIN_LEAD_QUARTERS;
    if (!supplier || gb <= 0 || quarters <= 0) return this.lta.preview(null);
    const perQuarter = gb * supplier.priceUsdPerGb;
    const room = this.ltaRoom(state, supplier.id);
    const cash = player(state).cashUsd;
    this.lta.preview(previewRows([
      ['Payment', `${formatUsd(perQuarter)} per quarter, ${formatUsd(perQuarter * quarters)} in all`],
      ['Deliveries', `${quarterOf(state, state.turn + lead)} – ${quarterOf(state, state.turn + lead + quarters - 1)}`],
      ['Supplier can commit', `${formatCount(room)} GB per quarter`, gb > room ? 'bad' : null],
      [`Cash for ${LTA_PROOF_OF_FUNDS_QUARTERS} quarters' payments`, `${formatUsd(perQuarter * LTA_PROOF_OF_FUNDS_QUARTERS)} (cash ${formatUsd(cash)})`, perQuarter * LTA_PROOF_OF_FUNDS_QUARTERS > cash ? 'bad' : null],
    ]));
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
