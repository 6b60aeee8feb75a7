/**
 * Revenue-share financing (DESIGN §1.9, the Gulf deal): the partner's term sheet, what it is owed each quarter, and
 * which revenue belongs to a facility. The quarterly settlement runs in systems/revenueShares.ts.
 *
 * Rules in plain words:
 * - The partner pays a facility's book value (its capex, for a new build) to the company. The company keeps operating
 *   it, but the facility leaves the company's balance sheet: no depreciation for the company, no loan collateral.
 * - Each quarter the partner takes `partnerSharePct` of the facility's revenue until its IRR on its own cash flows
 *   reaches `hurdleIrr`; in the quarter it gets there it takes just what reaches the hurdle plus `upsideSharePct` of
 *   the rest of the revenue; from then on `upsideSharePct`, for as long as the facility runs.
 * - The partner asks a higher hurdle when its share is lower (slower payback) and a lower one when it keeps a larger
 *   upside share (requiredHurdleIrr).
 */
import { futureValue, quarterlyFromAnnual } from './irr';
import { roundTo } from './math';
import type { Frozen, GameState, Id, RevenueShareDeal, RevenueSharePartner } from './state';
import { deploymentOps } from './deploymentOps';

/** The partner funds campuses, not racks. */
export const PARTNER_MIN_FUNDING_USD = 25_000_000;
/** Terms at which the partner asks exactly its base hurdle. */
export const REFERENCE_PARTNER_SHARE = 0.9;
export const REFERENCE_UPSIDE_SHARE = 0.05;
/** Hurdle (annual) the partner adds per unit of revenue share below the reference: +1 point per 10 points. */
export const HURDLE_PER_SHARE = 0.1;
/** Hurdle it gives up per unit of upside share above the reference: −0.5 points per point. */
export const HURDLE_PER_UPSIDE = 0.5;
/** It never asks less than this (the command's lowest hurdle). */
export const MIN_HURDLE_IRR = 0.08;

/** The lowest annual hurdle IRR the partner accepts for these shares (rounded to 0.01%). */
export function requiredHurdleIrr(partner: RevenueSharePartner, partnerSharePct: number, upsideSharePct: number): number {
  const asked = partner.baseHurdleIrr + HURDLE_PER_SHARE * (REFERENCE_PARTNER_SHARE - partnerSharePct) - HURDLE_PER_UPSIDE * (upsideSharePct - REFERENCE_UPSIDE_SHARE);
  return Math.max(MIN_HURDLE_IRR, roundTo(asked, 4));
}

/** What the partner has funded so far, all companies together (USD). */
export function partnerCommittedUsd(state: GameState): number {
  let total = 0;
  for (const id of state.deals.ids) total += state.deals.byId[id]!.fundedUsd;
  return total;
}

/** The deal on a facility, if any (one per facility). */
export function dealOnFacility(state: GameState, facilityId: Id): Frozen<RevenueShareDeal> | undefined {
  for (const id of state.deals.ids) {
    const deal = state.deals.byId[id]!;
    if (deal.facilityId === facilityId) return deal;
  }
  return undefined;
}

/** What a deal pays for one quarter of facility revenue. */
export interface QuarterPayment {
  /** Paid to the partner this quarter (integer USD, ≥ 0). */
  paymentUsd: number;
  /** True when this payment brings the partner's IRR to the hurdle (the deal moves to the upside share). */
  flips: boolean;
  /** Whole dollars the partner still needed to reach its hurdle before this payment (0 once in the upside phase). */
  toHurdleUsd: number;
}

/**
 * The quarter's payment. Before the flip, the partner is owed the future value of its flows at the hurdle rate (what
 * makes its IRR exactly the hurdle, rounded up to a whole dollar): it takes its share of revenue while that falls
 * short, and once it would not, it takes just the amount owed plus the upside share of the revenue left over.
 * Invariant: in the 'hurdle' phase the partner's IRR is below the hurdle; after the flip it is at or above it.
 */
export function quarterPayment(deal: Frozen<RevenueShareDeal>, revenueUsd: number): QuarterPayment {
  const revenue = Math.max(0, revenueUsd);
  if (deal.phase === 'upside') return { paymentUsd: Math.round(revenue * deal.upsideSharePct), flips: false, toHurdleUsd: 0 };
  const owed = Math.max(0, Math.ceil(-futureValue(deal.flows, quarterlyFromAnnual(deal.hurdleIrr))));
  const full = Math.round(revenue * deal.partnerSharePct);
  if (full < owed) return { paymentUsd: full, flips: false, toHurdleUsd: owed };
  const revenueLeft = Math.max(0, revenue - owed / deal.partnerSharePct);
  return { paymentUsd: owed + Math.round(revenueLeft * deal.upsideSharePct), flips: true, toHurdleUsd: owed };
}

/**
 * This quarter's revenue of each facility of the given companies (USD, unrounded), attributed from the booked ledger
 * so totals never change: a company's inference revenue of a tier is split over its deployments on that tier pro rata
 * to the tokens each served, and its training revenue pro rata to the H100e-hours each sold. Reads `state.ledger`
 * after the markets have run. One pass over the ledger and two over deployments.
 */
export function facilityRevenueUsd(state: GameState, companyIds: ReadonlySet<Id>): Record<Id, number> {
  const booked: Record<Id, Record<string, number>> = {};
  for (const e of state.ledger) {
    if (!companyIds.has(e.companyId) || (e.category !== 'revenue:inference' && e.category !== 'revenue:training')) continue;
    const byWorkload = (booked[e.companyId] ??= {});
    // Inference revenue is booked per tier (source = tier id), training under the source 'training'.
    byWorkload[e.sourceId] = (byWorkload[e.sourceId] ?? 0) + e.amountUsd;
  }
  const trainingHours: Record<Id, number> = {};
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (d.workload === 'training' && companyIds.has(d.companyId)) trainingHours[d.companyId] = (trainingHours[d.companyId] ?? 0) + deploymentOps(state, id).soldH100eHours;
  }
  const out: Record<Id, number> = {};
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (!companyIds.has(d.companyId)) continue;
    const revenue = booked[d.companyId]?.[d.workload] ?? 0;
    let share = 0;
    if (d.workload === 'training') {
      const hours = trainingHours[d.companyId] ?? 0;
      share = hours > 0 ? deploymentOps(state, id).soldH100eHours / hours : 0;
    } else {
      const tokens = state.inferenceResults[d.workload].servedByCompany[d.companyId] ?? 0;
      share = tokens > 0 ? deploymentOps(state, id).servedTokens / tokens : 0;
    }
    if (revenue !== 0 && share > 0) out[d.facilityId] = (out[d.facilityId] ?? 0) + revenue * share;
  }
  return out;
}
