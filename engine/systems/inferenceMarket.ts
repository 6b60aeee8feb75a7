/**
 * The inference market (DESIGN §1.6), per tier and open region: a multinomial-logit choice among providers on
 * price, per-user speed, latency and reliability sets each provider's share; total demand answers the share-weighted
 * price with the tier's elasticity; capacity caps what each provider serves and the overflow is offered to those
 * with capacity left. Revenue = tokens served × price. Afterwards the tier moves to next quarter's reference values.
 */
import { deploymentTokenCapacity } from '../capacity';
import { formatCount } from '../format';
import { postLedger } from '../ledger';
import { exp, ln, pow } from '../math';
import type { Deployment, Frozen, GameState, Id, PerTier, TierId } from '../state';
import { TIER_IDS } from '../state';
import { TOKENS_PER_MTOK } from '../units';
import { deploymentOps, writableOps } from '../deploymentOps';

/** Utility lost per millisecond of round-trip latency. */
const LATENCY_WEIGHT_PER_MS = 1 / 50;
/** Utility gained per unit of reliability (0..1). */
const RELIABILITY_WEIGHT = 3;
/** Overflow re-allocation rounds; each round gives leftover demand to providers with capacity left. */
const ALLOCATION_ROUNDS = 6;
/** Per quarter, each trend parameter moves this share of the way to its long-run value. */
export const TREND_EASING = 0.1;
/** Long-run algorithmic efficiency gain per quarter (~1.2x a year) that early gains ease toward. */
const LONG_RUN_EFFICIENCY_GAIN = 1.05;

interface Offer {
  companyId: Id;
  price: number;
  capacity: number;
  speed: number;
  /** Best round-trip latency (ms) to each region, in the order of `state.regions.ids`. */
  latencyMs: number[];
  reliability: number;
  /** The company's deployments on the tier that can serve, in id order, with their token capacity this quarter. */
  serving: { id: Id; capacity: number }[];
}

export function runInferenceMarket(draft: GameState): void {
  const onTiers = deploymentsByTier(draft);
  for (const tierId of TIER_IDS) clearTier(draft, tierId, onTiers[tierId]);
  for (const tierId of TIER_IDS) advanceTier(draft, tierId);
}

/** Each company's deployments on each tier, in id order (one pass over the deployments for all tiers). */
function deploymentsByTier(state: GameState): PerTier<Record<Id, Frozen<Deployment>[]>> {
  const out: PerTier<Record<Id, Frozen<Deployment>[]>> = { small: {}, mid: {}, frontier: {} };
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (d.workload === 'training') continue;
    (out[d.workload][d.companyId] ??= []).push(d);
  }
  return out;
}

function offersFor(state: GameState, tierId: TierId, onTier: Record<Id, Frozen<Deployment>[]>): Offer[] {
  const offers: Offer[] = [];
  for (const companyId of state.companies.ids) {
    const company = state.companies.byId[companyId]!;
    const price = company.pricesPerMTokUsd[tierId];
    if (price <= 0 || company.bankrupt) continue;
    let capacity = 0;
    let speedWeighted = 0;
    const latencyMs: number[] = state.regions.ids.map(() => Infinity);
    const sitesSeen = new Set<Id>();
    const serving: Offer['serving'] = [];
    for (const d of onTier[companyId] ?? []) {
      const cap = deploymentTokenCapacity(state, d);
      if (cap <= 0) continue;
      serving.push({ id: d.id, capacity: cap });
      capacity += cap;
      speedWeighted += cap * state.chips.byId[d.chipId]!.userSpeedTokensPerSec[tierId];
      // The best latency to each region over the company's serving sites (a site seen once is enough).
      if (sitesSeen.has(d.siteId)) continue;
      sitesSeen.add(d.siteId);
      const site = state.sites.byId[d.siteId]!;
      state.regions.ids.forEach((regionId, r) => {
        const ms = site.latencyMs[regionId] ?? 300;
        if (ms < latencyMs[r]!) latencyMs[r] = ms;
      });
    }
    if (capacity > 0) offers.push({ companyId, price, capacity, speed: speedWeighted / capacity, latencyMs, reliability: company.reliability, serving });
  }
  return offers;
}

function clearTier(draft: GameState, tierId: TierId, onTier: Record<Id, Frozen<Deployment>[]>): void {
  const tier = draft.tiers[tierId];
  const offers = offersFor(draft, tierId, onTier);
  // Open regions with demand, with their index in `regions.ids` (offers' latencies are listed in that order).
  const regions = draft.regions.ids.map((id, index) => ({ region: draft.regions.byId[id]!, index })).filter(({ region: r }) => r.open && r.inferenceDemandShare > 0);
  const served: number[] = offers.map(() => 0);
  const servedByRegion: number[][] = offers.map(() => regions.map(() => 0));
  let demandTotal = 0;
  let priceWeighted = 0;

  // Shares and demand per region.
  const shares: number[][] = regions.map(() => offers.map(() => 0));
  const want: number[][] = regions.map(() => offers.map(() => 0));
  // Price and speed weigh the same in every region: that part of each offer's utility is computed once.
  const priceAndSpeedUtility = offers.map((o) =>
    -tier.priceSensitivity * ln(o.price / tier.refPricePerMTokUsd) +
    tier.speedSensitivity * ln(Math.max(1, o.speed) / tier.referenceSpeedTokensPerSec),
  );
  regions.forEach(({ region, index }, r) => {
    const utilities = offers.map((o, p) => priceAndSpeedUtility[p]! - LATENCY_WEIGHT_PER_MS * o.latencyMs[index]! + RELIABILITY_WEIGHT * o.reliability);
    const max = utilities.reduce((m, u) => Math.max(m, u), -Infinity);
    const weights = utilities.map((u) => exp(u - max));
    const sum = weights.reduce((a, b) => a + b, 0);
    let avgPrice = tier.refPricePerMTokUsd;
    if (offers.length > 0) {
      avgPrice = 0;
      offers.forEach((o, p) => {
        shares[r]![p] = weights[p]! / sum;
        avgPrice += shares[r]![p]! * o.price;
      });
    }
    const ratio = Math.min(20, Math.max(0.05, avgPrice / tier.refPricePerMTokUsd));
    const demand = tier.refDemandTokens * region.inferenceDemandShare * pow(ratio, -tier.elasticity);
    demandTotal += demand;
    priceWeighted += demand * avgPrice;
    offers.forEach((_, p) => {
      want[r]![p] = shares[r]![p]! * demand;
    });
  });

  // Capacity caps with overflow re-allocation.
  const remaining = offers.map((o) => o.capacity);
  for (let round = 0; round < ALLOCATION_ROUNDS; round++) {
    const fill = offers.map((_, p) => {
      let desired = 0;
      for (let r = 0; r < regions.length; r++) desired += want[r]![p]!;
      return desired > 0 ? Math.min(1, remaining[p]! / desired) : 1;
    });
    let leftoverTotal = 0;
    const leftover = regions.map((_, r) => {
      let left = 0;
      offers.forEach((_, p) => {
        const take = want[r]![p]! * fill[p]!;
        served[p]! += take;
        servedByRegion[p]![r]! += take;
        remaining[p]! -= take;
        left += want[r]![p]! - take;
        want[r]![p] = 0;
      });
      leftoverTotal += left;
      return left;
    });
    if (leftoverTotal <= 1) break;
    const open = offers.map((_, p) => fill[p]! >= 1 && remaining[p]! > 1);
    let anyOpen = false;
    regions.forEach((_, r) => {
      let weight = 0;
      offers.forEach((_, p) => {
        if (open[p]) weight += shares[r]![p]!;
      });
      if (weight <= 0) return;
      anyOpen = true;
      offers.forEach((_, p) => {
        if (open[p]) want[r]![p] = (leftover[r]! * shares[r]![p]!) / weight;
      });
    });
    if (!anyOpen) break;
  }

  // Book results: deployments pro-rata to capacity, revenue per company and tier. Every deployment on the tier
  // starts from zero, so chips whose company stopped offering it (or cannot serve) show as idle, not as last quarter.
  for (const companyId of Object.keys(onTier)) {
    for (const d of onTier[companyId]!) {
      const ops = deploymentOps(draft, d.id);
      if (ops.servedTokens !== 0 || ops.utilization !== 0) {
        const w = writableOps(draft, d.id);
        w.servedTokens = 0;
        w.utilization = 0;
      }
    }
  }
  const servedByCompany: Record<Id, number> = {};
  let servedTotal = 0;
  offers.forEach((o, p) => {
    const tokens = served[p]!;
    servedByCompany[o.companyId] = tokens;
    servedTotal += tokens;
    // Deployments that cannot serve (no capacity) were zeroed above; the others share the company's tokens.
    for (const { id, capacity: cap } of o.serving) {
      const w = writableOps(draft, id);
      w.servedTokens = (tokens * cap) / o.capacity;
      w.utilization = w.servedTokens / cap;
    }
    postLedger(draft, o.companyId, 'revenue:inference', tierId, (tokens / TOKENS_PER_MTOK) * o.price, () => `${formatCount(tokens)} ${tier.name} tokens at $${o.price}/M`);
  });
  draft.inferenceResults[tierId] = {
    demandTokens: demandTotal,
    servedTokens: servedTotal,
    avgPricePerMTokUsd: demandTotal > 0 ? priceWeighted / demandTotal : tier.refPricePerMTokUsd,
    servedByCompany,
  };
  const unserved = demandTotal - servedTotal;
  if (unserved > demandTotal * 0.05 && demandTotal > 0) {
    draft.report.push({ companyId: null, kind: 'market', text: `${tier.name}: ${Math.round((unserved / demandTotal) * 100)}% of demand went unserved for lack of capacity.` });
  }
}

/** Moves a tier's reference price, efficiency and demand to next quarter; trends ease toward their long-run rates. */
function advanceTier(draft: GameState, tierId: TierId): void {
  const t = draft.tiers[tierId];
  t.refPricePerMTokUsd *= t.priceDeclinePerQuarter;
  t.priceDeclinePerQuarter += (t.longRunPriceDeclinePerQuarter - t.priceDeclinePerQuarter) * TREND_EASING;
  t.efficiencyMultiplier *= t.efficiencyGainPerQuarter;
  t.efficiencyGainPerQuarter += (LONG_RUN_EFFICIENCY_GAIN - t.efficiencyGainPerQuarter) * TREND_EASING;
  t.refDemandTokens *= t.demandGrowthPerQuarter;
  t.demandGrowthPerQuarter += (t.longRunDemandGrowthPerQuarter - t.demandGrowthPerQuarter) * TREND_EASING;
}
