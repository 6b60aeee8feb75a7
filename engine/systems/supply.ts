/**
 * Supply deliveries (DESIGN §1.7). Orders whose lead time has passed compete for the quarter's inputs: foundry wafer
 * starts per node, advanced packaging (the GPU vendor reserves its share, the rest is open) and HBM (LTAs first, then
 * a spot market at a scarcity premium). Every line — an order, or the world outside the game buying the vendor's
 * newest GPU — gets the same fill of each input it needs, so allocation is proportional to size and never exceeds
 * supply. What cannot be made waits as backlog; the report says what arrived, what is short and why.
 * Without a supply chain in the scenario, due orders arrive in full.
 */
import { formatCount, formatPct } from '../format';
import { postLedger } from '../ledger';
import type { ChipModel, ChipOrder, Frozen, GameState, Id, SupplyChain } from '../state';
import {
  SPOT_BASE_PREMIUM, SPOT_MAX_PREMIUM, SPOT_SCARCITY_PREMIUM, SUPPLY_TREND_EASING, hbmOutputGb, newestIncumbentChip, packagingCapacityWafers,
} from '../supplyChain';
import { editNested, editRow, removeRow } from '../table';

/** The world outside the game, as the buyer of the vendor's `outsideDemand`. */
export const WORLD_BUYER = 'world';

/** One claim on this quarter's supply. */
interface Line {
  order: Frozen<ChipOrder> | null;
  chip: ChipModel;
  /** Who makes it (and needs the HBM): the GPU vendor, or the ordering company for its own design. */
  producerId: Id;
  units: number;
  /** Fill of the non-HBM inputs (0..1) and the inputs short of demand, with their fill. */
  fill: number;
  limits: Limit[];
  /** Full-quantity needs of the non-HBM inputs: packaging, then wafers (the order the report names shortages in). */
  needs: { pool: InputPool; amount: number }[];
}

/** Why a line got less of an input than it needs. */
interface Limit {
  headline: string;
  text: string;
  fill: number;
}

/**
 * Supply that lines draw on this quarter (a foundry node's wafer starts, a packaging share, a maker's HBM), used up
 * as lines are delivered.
 */
interface Pool {
  left: number;
}

/** A foundry node's wafer starts or a packaging share: every line that needs it gets the same fill. */
interface InputPool extends Pool {
  capacity: number;
  /** Full-quantity demand of all lines. */
  demand: number;
  /** What the report says when the pool is short (fill < 1), and the shortage once allocated (null = none). */
  headline: string;
  shortText: (fill: number) => string;
  limit: Limit | null;
}

/** This quarter's foundry and packaging pools. */
interface InputPools {
  packagingIncumbent: InputPool;
  packagingOpen: InputPool;
  /** By foundry node id. */
  wafers: Record<Id, InputPool>;
}

export function runSupply(draft: GameState): void {
  const supply = draft.supply;
  if (!supply) return deliverUnconstrained(draft);
  for (const id of supply.hbm.suppliers.ids) {
    const s = supply.hbm.suppliers.byId[id]!;
    if (s.shockFactor !== 1 && draft.turn >= s.shockUntilTurn) editRow(supply.hbm.suppliers, id).shockFactor = 1;
  }
  const pools = inputPools(supply);
  const lines = dueLines(draft, supply, pools);
  allocateFoundryAndPackaging(supply, lines, pools);
  const hbm = runHbmMarket(draft, supply, lines);
  deliver(draft, supply, lines, hbm);
  advance(draft, supply);
}

/** This quarter's capacity of each foundry node and of the packaging the vendor reserves and leaves open. */
function inputPools(supply: SupplyChain): InputPools {
  const packagingWafers = supply.packaging.wafersPerQuarter;
  const pool = (capacity: number, headline: string, shortText: (fill: number) => string): InputPool => ({ capacity, demand: 0, left: capacity, headline, shortText, limit: null });
  const wafers: Record<Id, InputPool> = {};
  for (const id of supply.foundry.nodes.ids) {
    const node = supply.foundry.nodes.byId[id]!;
    wafers[id] = pool(node.waferStartsPerQuarter, 'Foundry short', (fill) => `${supply.foundry.name} ${node.name} wafer starts short (${formatPct(fill, 1)} of demand met)`);
  }
  return {
    packagingIncumbent: pool(
      packagingWafers * supply.packaging.incumbentShare,
      'Packaging short',
      (fill) => `advanced packaging short (${formatPct(fill, 1)} of demand met; the vendor reserves ${formatPct(supply.packaging.incumbentShare, 0)} of ${formatCount(packagingWafers)} wafers)`,
    ),
    packagingOpen: pool(packagingWafers * (1 - supply.packaging.incumbentShare), 'Packaging short', (fill) => `advanced packaging short (${formatPct(fill, 1)} of demand met)`),
    wafers,
  };
}

/** Orders due by next quarter (and any backlog), then the outside world's order of the vendor's newest GPU. */
function dueLines(draft: GameState, supply: SupplyChain, pools: InputPools): Line[] {
  const lines: Line[] = [];
  for (const id of draft.orders.ids) {
    const order = draft.orders.byId[id]!;
    if (order.dueTurn > draft.turn + 1 || order.quantity <= order.delivered) continue;
    const chip = draft.chips.byId[order.chipId]!;
    const producerId = chip.source === 'incumbent' ? supply.incumbentCompanyId : order.companyId;
    lines.push({ order, chip, producerId, units: order.quantity - order.delivered, fill: 1, limits: [], needs: [] });
  }
  const newest = newestIncumbentChip(draft, draft.turn);
  const outsideUnits = newest ? Math.floor(supply.outsideDemand.packagingWafersPerQuarter / newest.packagingWafersPerUnit) : 0;
  if (newest && outsideUnits > 0) lines.push({ order: null, chip: newest, producerId: supply.incumbentCompanyId, units: outsideUnits, fill: 1, limits: [], needs: [] });
  for (const line of lines) line.needs = inputNeeds(supply, pools, line);
  return lines;
}

/** Each foundry node and each packaging pool fills every line that needs it at capacity ÷ demand (at most 1). */
function allocateFoundryAndPackaging(supply: SupplyChain, lines: Line[], pools: InputPools): void {
  for (const line of lines) for (const need of line.needs) need.pool.demand += need.amount;
  for (const pool of [pools.packagingIncumbent, pools.packagingOpen, ...Object.values(pools.wafers)]) {
    const fill = pool.demand > pool.capacity ? pool.capacity / pool.demand : 1;
    if (fill < 1) pool.limit = { headline: pool.headline, text: pool.shortText(fill), fill };
  }
  let used = 0;
  let incumbentUsed = 0;
  for (const line of lines) {
    for (const { pool: { limit } } of line.needs) {
      if (!limit) continue;
      if (limit.fill < line.fill) line.fill = limit.fill;
      line.limits.push(limit);
    }
    for (const { pool, amount } of line.needs) {
      if (pool === pools.packagingIncumbent || pool === pools.packagingOpen) used += amount * line.fill;
      if (pool === pools.packagingIncumbent) incumbentUsed += amount * line.fill;
    }
  }
  supply.last.packagingCapacityWafers = supply.packaging.wafersPerQuarter;
  supply.last.packagingUsedWafers = Math.round(used);
  supply.last.incumbentPackagingWafers = Math.round(incumbentUsed);
}

/** Packaging wafers and wafer starts a line needs in full. */
function inputNeeds(supply: SupplyChain, pools: InputPools, line: Line): Line['needs'] {
  const needs: Line['needs'] = [];
  const chip = line.chip;
  if (chip.packagingWafersPerUnit > 0) {
    needs.push({ pool: line.producerId === supply.incumbentCompanyId ? pools.packagingIncumbent : pools.packagingOpen, amount: line.units * chip.packagingWafersPerUnit });
  }
  const wafers = chip.diesPerWafer > 0 && chip.processNode ? pools.wafers[chip.processNode] : undefined;
  if (wafers) needs.push({ pool: wafers, amount: line.units / (chip.diesPerWafer * chip.dieYield) });
  return needs;
}

/** HBM delivered under LTAs (paid as delivered), then the spot market; returns each producer's HBM fill (0..1). */
function runHbmMarket(draft: GameState, supply: SupplyChain, lines: Line[]): Record<Id, number> {
  const hbm = supply.hbm;
  // What each producer needs this quarter for the units the other inputs allow.
  const needGb: Record<Id, number> = {};
  for (const line of lines) {
    if (line.chip.hbmGb > 0) needGb[line.producerId] = (needGb[line.producerId] ?? 0) + line.units * line.fill * line.chip.hbmGb;
  }
  // Long-term agreements first, pro rata when a supplier falls short of them (a yield crisis).
  let outputGb = 0;
  let spotPoolGb = 0;
  let priceWeighted = 0;
  for (const sid of hbm.suppliers.ids) {
    const supplier = hbm.suppliers.byId[sid]!;
    const output = hbmOutputGb(supplier);
    let contracted = 0;
    for (const id of hbm.ltas.ids) {
      const l = hbm.ltas.byId[id]!;
      if (l.supplierId === sid && l.startTurn <= draft.turn && draft.turn < l.endTurn) contracted += l.gbPerQuarter;
    }
    const ratio = contracted > output ? output / contracted : 1;
    let delivered = 0;
    for (const id of hbm.ltas.ids) {
      const l = hbm.ltas.byId[id]!;
      if (l.supplierId !== sid || l.startTurn > draft.turn || draft.turn >= l.endTurn) continue;
      const gb = Math.floor(l.gbPerQuarter * ratio);
      delivered += gb;
      hbm.stockGb[l.companyId] = (hbm.stockGb[l.companyId] ?? 0) + gb;
      postLedger(draft, l.companyId, 'cost:chips:hbm', l.id, -gb * l.priceUsdPerGb, () => `${formatCount(gb)} GB HBM from ${supplier.name} under LTA at $${l.priceUsdPerGb}/GB${ratio < 1 ? ` (${formatPct(ratio, 0)} of contract: yield crisis)` : ''}`);
    }
    const written = editRow(hbm.suppliers, sid);
    written.lastOutputGb = output;
    written.lastLtaGb = delivered;
    outputGb += output;
    spotPoolGb += output - delivered;
    priceWeighted += output * supplier.priceUsdPerGb;
  }
  // Spot: producers' needs beyond their stock, plus other chip makers outside the game, share the remainder.
  const spotNeed: Record<Id, number> = {};
  let spotDemand = hbm.otherDemandGb;
  for (const p of Object.keys(needGb).sort()) {
    spotNeed[p] = Math.max(0, Math.ceil(needGb[p]! - (hbm.stockGb[p] ?? 0)));
    spotDemand += spotNeed[p]!;
  }
  const spotFill = spotDemand > spotPoolGb ? (spotDemand > 0 ? spotPoolGb / spotDemand : 1) : 1;
  const contractPrice = outputGb > 0 ? priceWeighted / outputGb : 0;
  const premium = Math.min(SPOT_MAX_PREMIUM, SPOT_BASE_PREMIUM + SPOT_SCARCITY_PREMIUM * Math.max(0, spotPoolGb > 0 ? spotDemand / spotPoolGb - 1 : SPOT_MAX_PREMIUM));
  const spotPrice = Math.round(contractPrice * premium * 100) / 100;
  const fills: Record<Id, number> = {};
  let makersNeedGb = 0;
  for (const p of Object.keys(needGb).sort()) {
    const bought = Math.floor(spotNeed[p]! * spotFill);
    if (bought > 0) {
      hbm.stockGb[p] = (hbm.stockGb[p] ?? 0) + bought;
      postLedger(draft, p, 'cost:chips:hbm', 'hbm-spot', -bought * spotPrice, () => `${formatCount(bought)} GB HBM on the spot market at $${spotPrice}/GB`);
    }
    fills[p] = needGb[p]! > 0 ? Math.min(1, (hbm.stockGb[p] ?? 0) / needGb[p]!) : 1;
    makersNeedGb += needGb[p]!;
  }
  supply.last.hbmDemandGb = Math.round(makersNeedGb + hbm.otherDemandGb);
  supply.last.hbmSupplyGb = outputGb;
  supply.last.hbmSpotPriceUsdPerGb = spotPrice;
  supply.last.hbmSpotFill = Math.round(spotFill * 1e6) / 1e6;
  return fills;
}

/** Whole units per line (rounded down, so never more than the inputs allow); ledger, inventory and report. */
function deliver(draft: GameState, supply: SupplyChain, lines: Line[], hbmFill: Record<Id, number>): void {
  // Each maker's HBM stock as delivery starts (the stock itself falls as its chips are made).
  const hbmPools = new Map<Id, Pool>();
  for (const p of Object.keys(supply.hbm.stockGb)) hbmPools.set(p, { left: supply.hbm.stockGb[p]! });
  const vendorId = supply.incumbentCompanyId;
  const vendor = draft.companies.byId[vendorId];
  let vendorUnits = 0;
  let vendorDemand = 0;
  const cogs = { wafers: 0, packaging: 0, other: 0 };
  for (const line of lines) {
    const chip = line.chip;
    const hbm = chip.hbmGb > 0 ? hbmFill[line.producerId] ?? 1 : 1;
    let hbmPool: Pool | null = null;
    if (chip.hbmGb > 0) {
      // A maker without stock draws on an empty pool.
      hbmPool = hbmPools.get(line.producerId) ?? { left: 0 };
      hbmPools.set(line.producerId, hbmPool);
    }
    const units = unitsFor(line, hbm, hbmPool);
    if (chip.hbmGb > 0 && units > 0) supply.hbm.stockGb[line.producerId] = Math.max(0, supply.hbm.stockGb[line.producerId]! - units * chip.hbmGb);
    const byVendor = line.producerId === vendorId;
    if (byVendor) {
      vendorUnits += units;
      vendorDemand += line.units;
      if (chip.diesPerWafer > 0) cogs.wafers += (units / (chip.diesPerWafer * chip.dieYield)) * (supply.foundry.nodes.byId[chip.processNode]?.waferPriceUsd ?? 0);
      cogs.packaging += units * chip.packagingWafersPerUnit * supply.packaging.priceUsdPerWafer;
      cogs.other += units * chip.otherBomUsd;
    }
    if (!line.order) {
      if (vendor && units > 0) postLedger(draft, vendorId, 'revenue:chips', WORLD_BUYER, units * chip.unitPriceUsd, () => `${formatCount(units)} × ${chip.name} to buyers outside the game`);
      continue;
    }
    const order = units > 0 ? editRow(draft.orders, line.order.id) : (line.order as ChipOrder);
    if (units > 0) {
      const company = editRow(draft.companies, order.companyId);
      editNested(company, 'inventory')[order.chipId] = (company.inventory[order.chipId] ?? 0) + units;
      order.delivered += units;
      if (byVendor && vendor) {
        // The buyer prepaid at order: the vendor turns that prepayment into revenue as chips ship.
        const value = units * order.unitPriceUsd;
        postLedger(draft, vendorId, 'revenue:chips', order.id, value, () => `${formatCount(units)} × ${chip.name} to ${company.name}`);
        postLedger(draft, vendorId, 'financing:customerPrepayment', order.id, -value, () => `prepayment by ${company.name} applied`);
      }
      const backlog = order.quantity - order.delivered;
      draft.report.push({
        companyId: order.companyId,
        kind: 'delivery',
        text: `${formatCount(units)} × ${chip.name} delivered to inventory${backlog > 0 ? `; ${formatCount(backlog)} still on order` : order.quantity > units ? ' (order complete)' : ''}.`,
      });
    }
    const short = line.units - units;
    if (short > 0) {
      const reasons = line.limits.map((l) => l.text);
      if (hbm < 1) reasons.push(`HBM short: ${byVendor ? vendor?.name ?? 'the maker' : 'you'} got ${formatPct(hbm, 0)} of the HBM needed (world demand ${formatCount(supply.last.hbmDemandGb)} GB vs supply ${formatCount(supply.last.hbmSupplyGb)} GB; spot $${supply.last.hbmSpotPriceUsdPerGb}/GB)`);
      let headline = hbm < 1 ? 'HBM short' : 'Short inputs';
      let lowest = hbm;
      for (const l of line.limits) {
        if (l.fill < lowest) {
          lowest = l.fill;
          headline = l.headline;
        }
      }
      draft.report.push({
        companyId: order.companyId,
        kind: 'shortfall',
        text: `${headline}: ${formatPct(short / line.units, 0)} of your order of ${chip.name} delayed — ${formatCount(units)} of ${formatCount(line.units)} due arrived, ${formatCount(short)} carried over to next quarter. Why: ${reasons.join('; ')}.${byVendor ? ' Allocation is pro rata to order size.' : ''}`,
      });
    }
    if (order.delivered >= order.quantity) removeRow(draft.orders, order.id);
  }
  if (vendor) {
    postLedger(draft, vendorId, 'cost:chips:wafers', 'foundry', -cogs.wafers, 'foundry wafers for GPUs shipped');
    postLedger(draft, vendorId, 'cost:chips:packaging', 'packaging', -cogs.packaging, 'advanced packaging for GPUs shipped');
    postLedger(draft, vendorId, 'cost:chips:other', 'bom', -cogs.other, 'boards, substrates, networking and test for GPUs shipped');
  }
  supply.last.incumbentFill = vendorDemand > 0 ? Math.round((vendorUnits / vendorDemand) * 1e6) / 1e6 : 1;
  supply.last.incumbentUnitsShipped = vendorUnits;
  const l = supply.last;
  draft.report.push({
    companyId: null,
    kind: 'market',
    text: `Supply chain: HBM demand ${formatCount(l.hbmDemandGb)} GB vs supply ${formatCount(l.hbmSupplyGb)} GB (${l.hbmDemandGb > l.hbmSupplyGb ? 'sold out' : 'available'}; spot $${l.hbmSpotPriceUsdPerGb}/GB). Packaging ${formatCount(l.packagingCapacityWafers)} wafers, ${vendor?.name ?? 'the GPU vendor'} used ${formatCount(l.incumbentPackagingWafers)}; it shipped ${formatCount(l.incumbentUnitsShipped)} GPUs, ${formatPct(l.incumbentFill, 0)} of demand.`,
  });
}

/**
 * Units a line receives: its fair share (the fills), rounded up for the game's orders so a small order is never
 * starved by rounding, but never more than what is left of each input pool; the outside world's line comes last
 * and absorbs the rounding. Consumes the pools.
 */
function unitsFor(line: Line, hbmFill: number, hbmPool: Pool | null): number {
  const ideal = line.units * line.fill * hbmFill;
  let units = line.order ? Math.min(line.units, Math.ceil(ideal - 1e-9)) : Math.floor(ideal + 1e-9);
  const draws: { pool: Pool; perUnit: number }[] = line.needs.map(({ pool, amount }) => ({ pool, perUnit: amount / line.units }));
  if (hbmPool) draws.push({ pool: hbmPool, perUnit: line.chip.hbmGb });
  for (const { pool, perUnit } of draws) units = Math.min(units, Math.floor(pool.left / perUnit + 1e-9));
  units = Math.max(0, units);
  for (const draw of draws) draw.pool.left -= units * draw.perUnit;
  return units;
}

/** Next quarter's capacities and demand: growth eases to its long-run rate; packaging follows its path. */
function advance(draft: GameState, supply: SupplyChain): void {
  for (const id of supply.hbm.suppliers.ids) {
    const s = editRow(supply.hbm.suppliers, id);
    s.capacityGbPerQuarter = Math.round(s.capacityGbPerQuarter * s.growthPerQuarter);
    s.growthPerQuarter += (s.longRunGrowthPerQuarter - s.growthPerQuarter) * SUPPLY_TREND_EASING;
  }
  const hbm = supply.hbm;
  hbm.otherDemandGb = Math.round(hbm.otherDemandGb * hbm.otherDemandGrowthPerQuarter);
  hbm.otherDemandGrowthPerQuarter += (hbm.longRunOtherDemandGrowthPerQuarter - hbm.otherDemandGrowthPerQuarter) * SUPPLY_TREND_EASING;
  const o = supply.outsideDemand;
  o.packagingWafersPerQuarter = Math.round(o.packagingWafersPerQuarter * o.growthPerQuarter);
  o.growthPerQuarter += (o.longRunGrowthPerQuarter - o.growthPerQuarter) * SUPPLY_TREND_EASING;
  for (const id of supply.foundry.nodes.ids) {
    const n = editRow(supply.foundry.nodes, id);
    n.waferStartsPerQuarter = Math.round(n.waferStartsPerQuarter * n.growthPerQuarter);
  }
  supply.packaging.wafersPerQuarter = packagingCapacityWafers(supply, draft.turn + 1);
  for (const id of [...hbm.ltas.ids]) if (hbm.ltas.byId[id]!.endTurn <= draft.turn + 1) removeRow(hbm.ltas, id);
}

/** No supply chain: orders due by next quarter arrive in full. */
function deliverUnconstrained(draft: GameState): void {
  const arriving = draft.turn + 1;
  for (const id of [...draft.orders.ids]) {
    const order = draft.orders.byId[id]!;
    if (order.dueTurn > arriving) continue;
    const company = editRow(draft.companies, order.companyId);
    const quantity = order.quantity - order.delivered;
    editNested(company, 'inventory')[order.chipId] = (company.inventory[order.chipId] ?? 0) + quantity;
    draft.report.push({ companyId: order.companyId, kind: 'delivery', text: `${formatCount(quantity)} × ${draft.chips.byId[order.chipId]!.name} delivered to inventory.` });
    removeRow(draft.orders, id);
  }
}
