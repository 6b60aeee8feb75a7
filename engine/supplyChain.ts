/**
 * The supply chain's world data and rules shared by the supply system, the commands and the strategies
 * (DESIGN §1.5, §1.7): who may order which chip, what one unit takes from the foundry, packaging and HBM suppliers,
 * and how much HBM a supplier still has to commit to long-term agreements.
 */
import { formatCount, formatUsd } from './format';
import { newId } from './ids';
import type { Scenario } from './scenario/schema';
import type { ChipModel, GameState, HbmSupplier, Id, SupplyChain } from './state';
import { editRow, emptyTable, insertRow } from './table';

/** An LTA's first delivery comes at least this many quarters after signing. */
export const LTA_MIN_LEAD_QUARTERS = 2;
/** Spot HBM sells at the contract price × (SPOT_BASE_PREMIUM + SPOT_SCARCITY_PREMIUM × excess demand), at most SPOT_MAX_PREMIUM. */
export const SPOT_BASE_PREMIUM = 1.1;
export const SPOT_SCARCITY_PREMIUM = 1;
export const SPOT_MAX_PREMIUM = 3;
/** Supply growth rates move this share of the way to their long-run values each quarter. */
export const SUPPLY_TREND_EASING = 0.15;

/** The chip fields a scenario may leave out, with their defaults (no foundry or packaging constraint, no design). */
export function chipSupplyDefaults(c: Partial<ChipModel>): Pick<ChipModel, 'processNode' | 'diesPerWafer' | 'dieYield' | 'packagingWafersPerUnit' | 'otherBomUsd' | 'designFrom' | 'designCostUsd' | 'tapeOutQuarters'> {
  return {
    processNode: c.processNode ?? '',
    diesPerWafer: c.diesPerWafer ?? 0,
    dieYield: c.dieYield ?? 1,
    packagingWafersPerUnit: c.packagingWafersPerUnit ?? 0,
    otherBomUsd: c.otherBomUsd ?? 0,
    designFrom: c.designFrom ?? null,
    designCostUsd: c.designCostUsd ?? 0,
    tapeOutQuarters: c.tapeOutQuarters ?? 0,
  };
}

/** The supply chain of a scenario (null when it has none); starting LTAs are added by `addStartingLtas`. */
export function supplyOf(scenario: Scenario): SupplyChain | null {
  const s = scenario.world.supply;
  if (!s) return null;
  const nodes = emptyTable<SupplyChain['foundry']['nodes']['byId'][string]>();
  for (const n of s.foundry.nodes) insertRow(nodes, { ...n });
  const suppliers = emptyTable<HbmSupplier>();
  for (const h of s.hbm.suppliers) insertRow(suppliers, { ...h, shockFactor: 1, shockUntilTurn: 0, lastOutputGb: 0, lastLtaGb: 0 });
  const path = s.packaging.path.map((p) => ({ ...p })).sort((a, b) => a.turn - b.turn);
  const supply: SupplyChain = {
    incumbentCompanyId: s.incumbentCompanyId,
    foundry: { name: s.foundry.name, lon: s.foundry.lon, lat: s.foundry.lat, nodes },
    packaging: {
      name: s.packaging.name, lon: s.packaging.lon, lat: s.packaging.lat, wafersPerQuarter: 0, path,
      longRunGrowthPerQuarter: s.packaging.longRunGrowthPerQuarter, incumbentShare: s.packaging.incumbentShare, priceUsdPerWafer: s.packaging.priceUsdPerWafer,
    },
    hbm: {
      suppliers, ltas: emptyTable(), otherDemandGb: s.hbm.otherDemandGb, otherDemandGrowthPerQuarter: s.hbm.otherDemandGrowthPerQuarter,
      longRunOtherDemandGrowthPerQuarter: s.hbm.longRunOtherDemandGrowthPerQuarter, maxLtaShare: s.hbm.maxLtaShare, stockGb: {},
    },
    outsideDemand: { ...s.outsideDemand },
    last: {
      hbmDemandGb: 0, hbmSupplyGb: 0, hbmSpotPriceUsdPerGb: 0, hbmSpotFill: 1, packagingCapacityWafers: 0, packagingUsedWafers: 0,
      incumbentPackagingWafers: 0, incumbentFill: 1, incumbentUnitsShipped: 0,
    },
  };
  supply.packaging.wafersPerQuarter = packagingCapacityWafers(supply, 0);
  return supply;
}

/** The scenario's agreements in force from turn 0 (ids drawn after the companies', so creation order is stable). */
export function addStartingLtas(state: GameState, scenario: Scenario): void {
  const supply = state.supply;
  if (!supply || !scenario.world.supply) return;
  for (const l of scenario.world.supply.hbm.ltas) {
    const supplier = supply.hbm.suppliers.byId[l.supplierId]!;
    insertRow(supply.hbm.ltas, {
      id: newId(state, 'lta'), companyId: l.companyId, supplierId: l.supplierId, gbPerQuarter: l.gbPerQuarter,
      priceUsdPerGb: supplier.priceUsdPerGb, signedTurn: 0, startTurn: 0, endTurn: l.quarters,
    });
  }
}

/** Packaging capacity (wafers) in a turn: linear between the path's anchors, then long-run growth after the last. */
export function packagingCapacityWafers(supply: SupplyChain, turn: number): number {
  const path = supply.packaging.path;
  const first = path[0]!;
  if (turn <= first.turn) return first.wafersPerQuarter;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    if (turn <= b.turn) return Math.round(a.wafersPerQuarter + ((b.wafersPerQuarter - a.wafersPerQuarter) * (turn - a.turn)) / (b.turn - a.turn));
  }
  const last = path[path.length - 1]!;
  let wafers = last.wafersPerQuarter;
  for (let t = last.turn; t < turn; t++) wafers *= supply.packaging.longRunGrowthPerQuarter;
  return Math.round(wafers);
}

/** GB a supplier produces this quarter: capacity × yield × any yield-crisis factor. */
export function hbmOutputGb(supplier: HbmSupplier): number {
  return Math.floor(supplier.capacityGbPerQuarter * supplier.yield * supplier.shockFactor);
}

/** GB of a supplier's LTAs (all buyers) in force in each turn of [startTurn, endTurn), in one pass over the agreements. */
export function ltaCommittedGbByTurn(state: GameState, supplierId: Id, startTurn: number, endTurn: number): number[] {
  const committed = new Array<number>(Math.max(0, endTurn - startTurn)).fill(0);
  const ltas = state.supply?.hbm.ltas;
  if (!ltas) return committed;
  for (const id of ltas.ids) {
    const l = ltas.byId[id]!;
    if (l.supplierId !== supplierId) continue;
    for (let t = Math.max(startTurn, l.startTurn); t < Math.min(endTurn, l.endTurn); t++) committed[t - startTurn]! += l.gbPerQuarter;
  }
  return committed;
}

/** GB per quarter a supplier can still commit over [startTurn, endTurn): its LTA share of today's output less the busiest quarter's commitments. */
export function ltaRoomGb(state: GameState, supplierId: Id, startTurn: number, endTurn: number): number {
  const supply = state.supply!;
  const supplier = supply.hbm.suppliers.byId[supplierId]!;
  const limit = Math.floor(supplier.capacityGbPerQuarter * supplier.yield * supply.hbm.maxLtaShare);
  let busiest = 0;
  for (const gb of ltaCommittedGbByTurn(state, supplierId, startTurn, endTurn)) busiest = Math.max(busiest, gb);
  return Math.max(0, limit - busiest);
}

/** The incumbent vendor's newest chip on sale in a turn (the one buyers outside the game order), or null. */
export function newestIncumbentChip(state: GameState, turn: number): ChipModel | null {
  let best: ChipModel | null = null;
  for (const id of state.chips.ids) {
    const chip = state.chips.byId[id]!;
    if (chip.source !== 'incumbent' || chip.availableFromTurn > turn || chip.packagingWafersPerUnit <= 0) continue;
    if (!best || chip.availableFromTurn > best.availableFromTurn) best = chip;
  }
  return best;
}

/** Why a company cannot order a chip yet because of its design (not started, or still taping out), or null. */
export function designProblem(state: GameState, companyId: Id, chip: ChipModel): string | null {
  if (chip.designFrom === null) return null;
  for (const id of state.designs.ids) {
    const d = state.designs.byId[id]!;
    if (d.companyId !== companyId || d.chipId !== chip.id) continue;
    if (d.readyTurn <= state.turn) return null;
    return `${chip.name} is still taping out: orders open in ${d.readyTurn - state.turn} quarter(s).`;
  }
  const base = state.chips.byId[chip.designFrom];
  return `${chip.name} must be designed first (chips/design from ${base?.name ?? chip.designFrom}: ${formatUsd(chip.designCostUsd)} of R&D, ${chip.tapeOutQuarters} quarters of tape-out).`;
}

/** Whether a company may order this chip now: on sale, its own design or the vendor's, and designed if next-generation. */
export function chipOrderable(state: GameState, companyId: Id, chip: ChipModel): boolean {
  if (chip.availableFromTurn > state.turn) return false;
  if (chip.ownerCompanyId !== null && chip.ownerCompanyId !== companyId) return false;
  return designProblem(state, companyId, chip) === null;
}

/** Applies an HBM yield crisis (event): the supplier's output × factor for `quarters`. Returns the effect in words. */
export function startHbmYieldCrisis(draft: GameState, supplierId: Id | undefined, factor: number, quarters: number): string {
  const supply = draft.supply;
  if (!supply) return 'No HBM suppliers in this scenario: no effect.';
  let supplier = supplierId ? supply.hbm.suppliers.byId[supplierId] : undefined;
  if (!supplier) {
    for (const id of supply.hbm.suppliers.ids) {
      const s = supply.hbm.suppliers.byId[id]!;
      if (!supplier || hbmOutputGb(s) > hbmOutputGb(supplier)) supplier = s;
    }
  }
  if (!supplier) return 'No HBM supplier hit.';
  const before = hbmOutputGb(supplier);
  const hit = editRow(supply.hbm.suppliers, supplier.id);
  hit.shockFactor = factor;
  hit.shockUntilTurn = draft.turn + quarters;
  return `${supplier.name} (${supplier.country}) HBM output ×${factor} for ${quarters} quarter(s): ${formatCount(before)} → ${formatCount(hbmOutputGb(hit))} GB this quarter; LTAs with it deliver pro rata.`;
}
