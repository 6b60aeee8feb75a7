/**
 * Book values derived from a base and the depreciation clock (`state.depreciatedQuarters`, advanced by the finance
 * step), instead of being written down in every row every quarter: straight-line depreciation, floored at zero.
 */
import type { Deployment, Facility, GameState } from './state';

/** Buildings depreciate over 15 years. */
export const FACILITY_LIFE_QUARTERS = 60;

/** Book value of a deployment's chips after `quarters` of depreciation have been booked (default: the state's). */
export function deploymentBookValue(state: GameState, d: Deployment, quarters = state.depreciatedQuarters): number {
  return Math.max(0, d.bookBaseUsd - d.depreciationPerQuarterUsd * (quarters - d.bookBaseQuarter));
}

/** Book value of a facility: it depreciates from the later of its base quarter and its ready turn. */
export function facilityBookValue(state: GameState, f: Facility, quarters = state.depreciatedQuarters): number {
  if (f.status !== 'ready') return f.bookBaseUsd;
  const elapsed = quarters - Math.max(f.bookBaseQuarter, f.readyTurn);
  return elapsed > 0 ? Math.max(0, f.bookBaseUsd - (f.capexUsd / FACILITY_LIFE_QUARTERS) * elapsed) : f.bookBaseUsd;
}

/** Sets a deployment's book value as of now (when chips are added, merged or moved). */
export function setDeploymentBookValue(state: GameState, d: Deployment, valueUsd: number): void {
  d.bookBaseUsd = valueUsd;
  d.bookBaseQuarter = state.depreciatedQuarters;
}

/** Sets a facility's book value as of now (extended with on-site power, or sold to a partner). */
export function setFacilityBookValue(state: GameState, f: Facility, valueUsd: number): void {
  f.bookBaseUsd = valueUsd;
  f.bookBaseQuarter = state.depreciatedQuarters;
}
