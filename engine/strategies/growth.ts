/**
 * The built-in growth policy behind every rival and the CLI's player strategies: plan capacity for a target share
 * of demand, buy the most cost-effective allowed chip, build where power is cheap and close to demand, lock in
 * PPAs, price relative to the market's reference, and borrow when cash runs low. Deterministic given the state.
 */
import { replicaChips } from '../capacity';
import { buildCostUsd, contractedMwBySite, preMoneyValuationUsd, RETROFIT_QUARTERS } from '../commands/handlers';
import type { Command } from '../commands/schema';
import { borrowingCapacityUsd, COVENANT_MAX_NET_DEBT_TO_EBITDA, debtUsd } from '../finance';
import { pow } from '../math';
import type { ChipModel, Company, GameState, Id, Site, TierId, Workload } from '../state';
import { TIER_IDS } from '../state';
import { HOURS_PER_QUARTER, SECONDS_PER_QUARTER, TOKENS_PER_MTOK } from '../units';
import { chipOrderable } from '../supplyChain';
import { deployedMw, holdingsOf, type Holdings } from './holdings';
import { nextGenerationDesigns } from './nextGeneration';
import { onsitePower } from './onsitePower';
import { partnerBuild } from './partnerBuild';
import { trainingBids } from './trainingBids';
import type { GrowthParams } from './types';

const WORKLOADS: Workload[] = [...TIER_IDS, 'training'];
/** Cash kept back for next quarter's bills, as quarters of fixed costs. */
const RESERVE_QUARTERS = 1.5;
/** Planning assumptions for a chip's share of a new facility. */
const PLANNING_PUE = 1.3;
const PLANNING_CAPEX_PER_MW = 10_000_000;
/** Borrow only while the covenant would hold with this margin (net debt ≤ 75% of the limit) after spending. */
const COVENANT_SAFETY = 0.75;

export function growthCommands(state: GameState, companyId: Id, p: GrowthParams): Command[] {
  const commands: Command[] = [];
  const company = state.companies.byId[companyId]!;
  const own = holdingsOf(state, companyId);
  let cash = company.cashUsd;
  const reserve = fixedCostsPerQuarterUsd(state, companyId, own) * RESERVE_QUARTERS;

  // 1. Finance: top up cash when below the reserve plus a planned spending envelope — borrowing only as far as the
  //    loan covenant stays safe, else equity at enterprise value × investor sentiment.
  if (p.borrow && cash < reserve * 2) {
    const capacity = Math.min(borrowingCapacityUsd(state, companyId), covenantRoomUsd(state, companyId, reserve));
    const amount = Math.floor(Math.min(capacity, reserve * 3 - cash));
    if (amount > 1_000_000) {
      commands.push({ type: 'finance/borrow', amountUsd: amount, termQuarters: 12 });
      cash += amount;
    } else if (p.raiseEquity && state.turn - company.lastEquityRaiseTurn >= 2 && state.history.length > 0) {
      const preMoney = preMoneyValuationUsd(state, companyId);
      const raise = Math.floor(Math.min(preMoney * 0.3, Math.max(reserve * 4, 50_000_000)));
      if (raise > 1_000_000 && preMoney > 0) {
        commands.push({ type: 'finance/raiseEquity', amountUsd: raise });
        cash += raise;
      }
    }
  }
  if (p.designNextGen) {
    for (const design of nextGenerationDesigns(state, companyId, cash - reserve)) {
      commands.push(design.command);
      cash -= design.costUsd;
    }
  }
  let budget = Math.max(0, (cash - reserve) * p.spendShare);

  // 2. Chips: capacity planned for the target share of each workload's demand, budgeted with the facility
  //    space they will need (a chip without a powered hall earns nothing).
  const fleet = fleetByWorkload(own);
  const pipeline = pipelineChips(state, company, own);
  const chips = bestChips(state, companyId, p);
  const plannedOrders: { chip: ChipModel; quantity: number }[] = [];
  const haveMw = facilityMwTotal(own);
  const deployed = deployedMw(state, own);
  const heldMw = heldChipsMw(state, deployed.total, own);
  const roomMw = Math.max(0, haveMw - heldMw);
  let roomLeftMw = roomMw;
  for (const workload of WORKLOADS) {
    const chip = chips[workload];
    if (!chip) continue;
    const need = chipsNeeded(state, chip, workload, p) - (fleet[workload] ?? 0) - (pipeline[workload] ?? 0);
    if (need <= 0) continue;
    const step = workload === 'training' ? 1 : replicaChips(chip, state.tiers[workload]);
    const chipMw = (chip.powerW / 1e6) * PLANNING_PUE;
    const allInUsd = chip.unitPriceUsd + chipMw * PLANNING_CAPEX_PER_MW;
    const affordable = Math.floor(budget / allInUsd / step) * step;
    const quantity = Math.min(Math.ceil(need / step) * step, affordable);
    if (quantity <= 0) continue;
    plannedOrders.push({ chip, quantity });
    const housed = Math.min(roomLeftMw, quantity * chipMw);
    roomLeftMw -= housed;
    budget -= quantity * chip.unitPriceUsd + (quantity * chipMw - housed) * PLANNING_CAPEX_PER_MW;
  }

  // 3. Facilities first (they take longest), then the chips that fit the remaining cash.
  let needMw = heldMw;
  for (const order of plannedOrders) needMw += plannedChipsMw(order.chip, order.quantity);
  const partnered = needMw > haveMw && p.partnerDeal ? partnerBuild(state, needMw - haveMw, p.partnerDeal) : null;
  if (partnered) commands.push(partnered);
  else if (needMw > haveMw) {
    const build = chooseBuild(state, needMw - haveMw, p, Math.max(0, cash - reserve));
    if (build) {
      commands.push({ type: 'site/build', siteId: build.site.id, capacityMw: build.mw, shell: build.shell });
      cash -= buildCostUsd(state, build.site.id, build.mw, build.shell);
    }
  }
  for (const order of plannedOrders) {
    const affordable = Math.floor(Math.max(0, cash - reserve) / order.chip.unitPriceUsd);
    const quantity = Math.min(order.quantity, affordable);
    if (quantity <= 0) continue;
    commands.push({ type: 'chips/order', chipId: order.chip.id, quantity });
    cash -= quantity * order.chip.unitPriceUsd;
  }

  // 4. Deploy inventory into ready facilities, to the workload furthest below its target.
  commands.push(...deployInventory(state, p, own, { ...fleet }, deployed.byFacility));

  // 5. PPAs for the steady part of the expected draw at each site.
  const contracted = contractedMwBySite(state, companyId, state.turn);
  commands.push(...ppaTopUps(p, own, deployed.byFacility, contracted));

  // 5b. Behind-the-meter generation where the grid queue is long; bids on labs' training contracts.
  commands.push(...onsitePower(state, companyId, p, Math.max(0, cash - reserve), { own, drawMwByFacility: deployed.byFacility, contracted }));
  commands.push(...trainingBids(state, companyId, p));

  // 6. Prices.
  for (const tier of TIER_IDS) {
    const price = priceFor(state, tier, p, chips[tier]);
    if (Math.abs(price - company.pricesPerMTokUsd[tier]) > 1e-9) commands.push({ type: 'market/setPrice', tier, pricePerMTokUsd: price });
  }
  return commands;
}

/** Power, opex and debt service of one quarter at the current size (USD). */
function fixedCostsPerQuarterUsd(state: GameState, companyId: Id, own: Holdings): number {
  const last = state.history[state.history.length - 1]?.companies[companyId];
  let debtService = 0;
  for (const loan of own.loans) debtService += loan.paymentUsd;
  const operating = last ? last.costOfRevenueUsd - last.depreciationUsd : 0;
  return Math.max(5_000_000, operating + debtService);
}

/**
 * Most the company can borrow and then spend down to `reserve` of cash with net debt (loans − cash) still within
 * COVENANT_SAFETY of the covenant limit on last quarter's EBITDA. Zero EBITDA allows borrowing only what stays in cash.
 */
function covenantRoomUsd(state: GameState, companyId: Id, reserve: number): number {
  const ebitda = Math.max(0, state.history[state.history.length - 1]?.companies[companyId]?.ebitdaUsd ?? 0);
  const maxNetDebt = COVENANT_SAFETY * COVENANT_MAX_NET_DEBT_TO_EBITDA * 4 * ebitda;
  return Math.max(0, Math.floor(maxNetDebt + reserve - debtUsd(state, companyId)));
}

function facilityMwTotal(own: Holdings): number {
  let mw = 0;
  for (const f of own.facilities) mw += f.capacityMw;
  return mw;
}

function fleetByWorkload(own: Holdings): Partial<Record<Workload, number>> {
  const out: Partial<Record<Workload, number>> = {};
  for (const d of own.deployments) out[d.workload] = (out[d.workload] ?? 0) + d.count;
  return out;
}

/** Chips on order or in inventory, attributed to the workload they are best at for this company. */
function pipelineChips(state: GameState, company: Company, own: Holdings): Partial<Record<Workload, number>> {
  const out: Partial<Record<Workload, number>> = {};
  const trainingFocused = (company.policy?.trainingFocus ?? 0) > 0.5;
  for (const { chip, count } of own.inventory) addPipeline(out, chip, count, trainingFocused);
  for (const o of own.orders) addPipeline(out, state.chips.byId[o.chipId]!, o.quantity - o.delivered, trainingFocused);
  return out;
}

function addPipeline(out: Partial<Record<Workload, number>>, chip: ChipModel, n: number, trainingFocused: boolean): void {
  const w: Workload = chip.trainingH100e > 0 && trainingFocused ? 'training' : 'mid';
  out[w] = (out[w] ?? 0) + n;
}

/**
 * For each workload, the allowed chip with the lowest cost per unit of output over its life (capex + energy at
 * $70/MWh); the first in id order on a tie. Which chips are allowed is worked out once for all workloads.
 */
function bestChips(state: GameState, companyId: Id, p: GrowthParams): Record<Workload, ChipModel | null> {
  const allowed: { chip: ChipModel; lifeCostUsd: number }[] = [];
  for (const id of state.chips.ids) {
    const chip = state.chips.byId[id]!;
    if (!p.chipKinds.includes(chip.kind) || !chipOrderable(state, companyId, chip)) continue;
    const lifeEnergyUsd = (chip.powerW / 1e6) * 1.25 * HOURS_PER_QUARTER * chip.usefulLifeQuarters * 70;
    allowed.push({ chip, lifeCostUsd: chip.unitPriceUsd + lifeEnergyUsd });
  }
  const out = {} as Record<Workload, ChipModel | null>;
  for (const workload of WORKLOADS) {
    let best: ChipModel | null = null;
    let bestScore = Infinity;
    for (const { chip, lifeCostUsd } of allowed) {
      const output = workload === 'training' ? chip.trainingH100e : chip.inferenceTokensPerSec[workload];
      if (output <= 0) continue;
      const score = lifeCostUsd / output;
      if (score < bestScore) {
        bestScore = score;
        best = chip;
      }
    }
    out[workload] = best;
  }
  return out;
}

function chipsNeeded(state: GameState, chip: ChipModel, workload: Workload, p: GrowthParams): number {
  const share = p.targetShare[workload];
  if (share <= 0) return 0;
  if (workload === 'training') {
    const demand = state.training.demandH100eHours * state.training.demandGrowthPerQuarter;
    return Math.ceil((share * demand) / (HOURS_PER_QUARTER * chip.trainingH100e * p.targetUtilization));
  }
  const tier = state.tiers[workload];
  // Demand two quarters out (lead time), answering our price with the tier's elasticity.
  const demand = tier.refDemandTokens * tier.demandGrowthPerQuarter * tier.demandGrowthPerQuarter * pow(p.priceFactor, -tier.elasticity);
  const perChip = chip.inferenceTokensPerSec[workload] * tier.efficiencyMultiplier * SECONDS_PER_QUARTER * p.targetUtilization;
  return Math.ceil((share * demand) / perChip);
}

/** Facility MW the company's chips need: `deployedTotalMw` plus inventory and orders at the planning PUE. */
function heldChipsMw(state: GameState, deployedTotalMw: number, own: Holdings): number {
  let mw = deployedTotalMw;
  for (const { chip, count } of own.inventory) mw += plannedChipsMw(chip, count);
  for (const o of own.orders) mw += plannedChipsMw(state.chips.byId[o.chipId]!, o.quantity - o.delivered);
  return mw;
}

/** Facility MW of chips not yet placed, at the planning PUE. */
function plannedChipsMw(chip: ChipModel, n: number): number {
  return ((n * chip.powerW) / 1e6) * PLANNING_PUE;
}

/** Picks a site and size: retrofit shells first (fast), else greenfield with headroom; cheap power, low latency. */
function chooseBuild(state: GameState, needMw: number, p: GrowthParams, budget: number): { site: Site; mw: number; shell: 'greenfield' | 'retrofit' } | null {
  // Build in sizeable steps (a campus, not a rack at a time): at least 20 MW or half again what is needed now.
  const mw = Math.ceil(Math.max(needMw * 1.5, 20) / 5) * 5;
  // Latency is weighed by the open regions' inference demand (the same for every site).
  const demand: { regionId: Id; share: number }[] = [];
  let weight = 0;
  for (const rid of state.regions.ids) {
    const r = state.regions.byId[rid]!;
    if (!r.open) continue;
    demand.push({ regionId: rid, share: r.inferenceDemandShare });
    weight += r.inferenceDemandShare;
  }
  let best: { site: Site; mw: number; shell: 'greenfield' | 'retrofit'; score: number } | null = null;
  for (const id of state.sites.ids) {
    const site = state.sites.byId[id]!;
    const region = state.regions.byId[site.regionId];
    if (!region?.open) continue;
    let latency = 0;
    for (const { regionId, share } of demand) latency += (site.latencyMs[regionId] ?? 300) * share;
    latency = weight > 0 ? latency / weight : 300;
    for (const shell of ['retrofit', 'greenfield'] as const) {
      const available = shell === 'retrofit' ? site.retrofitAvailableMw : site.gridHeadroomMw;
      const size = Math.min(mw, Math.floor(available));
      if (size < 5) continue;
      if (buildCostUsd(state, site.id, size, shell) > budget) continue;
      const wait = shell === 'retrofit' ? RETROFIT_QUARTERS : site.buildQuarters + site.queueQuarters;
      const score = p.siteWeights.powerPrice * site.basePowerPriceUsdPerMwh * site.pue + p.siteWeights.latency * latency + 15 * wait - (size / mw) * 20;
      if (!best || score < best.score || (score === best.score && site.id < best.site.id)) best = { site, mw: size, shell, score };
    }
  }
  return best ? { site: best.site, mw: best.mw, shell: best.shell } : null;
}

/** `fleet` is the policy's own copy (deploying adds to it); `committed` is read only. */
function deployInventory(state: GameState, p: GrowthParams, own: Holdings, fleet: Partial<Record<Workload, number>>, committed: Record<Id, number>): Command[] {
  const commands: Command[] = [];
  // Ready facilities with their free MW and PUE, side by side (index i is facilities[i]).
  const facilities = own.facilities.filter((f) => f.status === 'ready');
  const free = facilities.map((f) => f.capacityMw - (committed[f.id] ?? 0));
  const pue = facilities.map((f) => state.sites.byId[f.siteId]!.pue);
  let weightTotal = 0;
  for (const w of WORKLOADS) weightTotal += p.targetShare[w];
  for (const { chip, count: stock } of own.inventory) {
    let left = stock;
    while (left > 0) {
      const workload = neediestWorkload(chip, fleet, p, weightTotal);
      if (!workload) break;
      const step = workload === 'training' ? 1 : replicaChips(chip, state.tiers[workload]);
      let placed = false;
      for (let i = 0; i < facilities.length; i++) {
        const perChipMw = (chip.powerW / 1e6) * pue[i]!;
        const fit = Math.floor(free[i]! / perChipMw);
        const count = Math.floor(Math.min(left, fit) / step) * step;
        if (count <= 0) continue;
        commands.push({ type: 'chips/deploy', chipId: chip.id, facilityId: facilities[i]!.id, count, workload });
        free[i]! -= count * perChipMw;
        left -= count;
        fleet[workload] = (fleet[workload] ?? 0) + count;
        placed = true;
        break;
      }
      if (!placed) break;
    }
  }
  return commands;
}

/** `weightTotal`: the sum of the target shares (in WORKLOADS order). */
function neediestWorkload(chip: ChipModel, fleet: Partial<Record<Workload, number>>, p: GrowthParams, weightTotal: number): Workload | null {
  let best: Workload | null = null;
  let bestGap = -Infinity;
  let total = 0;
  for (const w of WORKLOADS) total += fleet[w] ?? 0;
  total += 1;
  for (const w of WORKLOADS) {
    if (p.targetShare[w] <= 0) continue;
    if (w === 'training' ? chip.trainingH100e <= 0 : chip.inferenceTokensPerSec[w] <= 0) continue;
    const gap = p.targetShare[w] / weightTotal - (fleet[w] ?? 0) / total;
    if (gap > bestGap) {
      bestGap = gap;
      best = w;
    }
  }
  return best;
}

/** `contracted`: PPA MW in force by site (contractedMwBySite). */
function ppaTopUps(p: GrowthParams, own: Holdings, committed: Record<Id, number>, contracted: Record<Id, number>): Command[] {
  if (p.ppaShare <= 0) return [];
  const commands: Command[] = [];
  const bySite: Record<Id, { facilityMw: number; drawMw: number }> = {};
  for (const f of own.facilities) {
    const site = (bySite[f.siteId] ??= { facilityMw: 0, drawMw: 0 });
    site.facilityMw += f.capacityMw;
    site.drawMw += committed[f.id] ?? 0;
  }
  for (const siteId of Object.keys(bySite).sort()) {
    const { facilityMw, drawMw } = bySite[siteId]!;
    const have = contracted[siteId] ?? 0;
    const want = Math.min(facilityMw, drawMw * p.ppaShare);
    const gap = Math.floor(want - have);
    if (gap >= 2) commands.push({ type: 'power/signPpa', siteId, mw: gap, termQuarters: 40 });
  }
  return commands;
}

/** Reference price × factor, but never below the company's own full cost per token on its best chip for the tier. */
function priceFor(state: GameState, tierId: TierId, p: GrowthParams, chip: ChipModel | null): number {
  const tier = state.tiers[tierId];
  if (p.targetShare[tierId] <= 0) return 0;
  let floor = 0;
  if (chip) {
    const perQuarterUsd = chip.unitPriceUsd * (1 / chip.usefulLifeQuarters + state.finance.chipOpexPerQuarterPct) + (chip.powerW / 1e6) * 1.25 * HOURS_PER_QUARTER * 70;
    const mtok = (chip.inferenceTokensPerSec[tierId] * tier.efficiencyMultiplier * SECONDS_PER_QUARTER * p.targetUtilization) / TOKENS_PER_MTOK;
    floor = (perQuarterUsd / mtok) * 1.05;
  }
  // Stay inside the market's sanity bound (20x reference) even when our own costs are higher.
  const price = Math.min(tier.refPricePerMTokUsd * 19, Math.max(floor, tier.refPricePerMTokUsd * p.priceFactor));
  return Math.floor(price * 1e6) / 1e6;
}

