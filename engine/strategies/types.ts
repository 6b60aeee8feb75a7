import type { Command } from '../commands/schema';
import type { ChipKind, GameState, Id, PerTier } from '../state';

/**
 * A strategy reads the state and returns the commands a company issues this turn. Rivals and the CLI's built-in
 * player strategies are the same functions; `random` is a seeded [0,1) source owned by the caller.
 */
export type Strategy = (state: GameState, companyId: Id, random: () => number) => Command[];

/** Parameters of the built-in growth policy. */
export interface GrowthParams {
  /** Chip kinds this company buys. */
  chipKinds: ChipKind[];
  /** Share of the tier's demand (at our price) the company builds capacity for; training: share of rental demand. */
  targetShare: PerTier<number> & { training: number };
  /** Price relative to the tier's reference price. */
  priceFactor: number;
  /** Utilization the capacity plan assumes (0..1). */
  targetUtilization: number;
  /** Share of expected power draw to lock in with PPAs (0..1). */
  ppaShare: number;
  /** Weight of power price vs. latency to big demand regions when choosing a site. */
  siteWeights: { powerPrice: number; latency: number };
  /** Largest share of cash (after the reserve) spent in one turn. */
  spendShare: number;
  /** Use loans when cash runs low; raise equity when credit is exhausted. */
  borrow: boolean;
  raiseEquity: boolean;
  /**
   * Have the scenario's revenue-share partner fund new builds in its regions (the Gulf deal), with these shares
   * (fractions) and the lowest hurdle the partner accepts; builds at least `minMw` at a time. Absent: never.
   */
  partnerDeal?: { partnerSharePct: number; upsideSharePct: number; minMw: number };
  /** Bid on training contracts at the reference rental price × this (default: priceFactor). */
  trainingBidFactor?: number;
  /** Build on-site gas turbines where a site's interconnection queue is at least this many quarters. Absent: never. */
  onsiteWhenQueueQuarters?: number;
  /** Start the next-generation design of its own chips once cash after the reserve covers DESIGN_CASH_MULTIPLE × its cost. */
  designNextGen?: boolean;
}
