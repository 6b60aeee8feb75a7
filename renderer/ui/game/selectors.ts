/** Read-only views of the game state the panels share (the engine's own helpers where it has them). */
import { chipsFacilityMw, facilityCommittedMw, replicaChips } from '../../../engine/capacity';
import { contractedMw } from '../../../engine/commands/handlers';
import { currentQuarter, quarterAt, quarterLabel, type Company, type CompanyMetrics, type Facility, type GameState, type Id, type Workload } from '../../../engine/index';
import { rows, rowsOf } from '../../../engine/table';

export { chipsFacilityMw, replicaChips };

export function player(state: GameState): Company {
  return state.companies.byId[state.playerId]!;
}

/** Last quarter's metrics of a company, or null before the first turn ends. */
export function lastMetrics(state: GameState, companyId: Id = state.playerId): CompanyMetrics | null {
  return state.history[state.history.length - 1]?.companies[companyId] ?? null;
}

export function previousMetrics(state: GameState, companyId: Id = state.playerId): CompanyMetrics | null {
  return state.history[state.history.length - 2]?.companies[companyId] ?? null;
}

export const quarterNow = (state: GameState): string => quarterLabel(currentQuarter(state));
/** Label of the quarter `turn` (0 = the start quarter). */
export const quarterOf = (state: GameState, turn: number): string => quarterLabel(quarterAt(state.start, turn));

export function myFacilities(state: GameState): Facility[] {
  return rowsOf(state.facilities, state.playerId);
}

/** Facility MW (with cooling) free for more chips. */
export function facilityFreeMw(state: GameState, facilityId: Id): number {
  const f = state.facilities.byId[facilityId]!;
  return Math.max(0, f.capacityMw - facilityCommittedMw(state, facilityId));
}

export function myDeployments(state: GameState) {
  return rowsOf(state.deployments, state.playerId);
}

export function myOrders(state: GameState) {
  return rowsOf(state.orders, state.playerId).filter((o) => o.delivered < o.quantity);
}

export function myContracts(state: GameState) {
  return rowsOf(state.contracts, state.playerId).filter((c) => c.endTurn > state.turn);
}

export function myLoans(state: GameState) {
  return rowsOf(state.loans, state.playerId);
}

export function allSites(state: GameState) {
  return rows(state.sites);
}

/** The player's facility MW, chip draw at full load, and PPA MW at a site. */
export function sitePowerPosition(state: GameState, siteId: Id): { facilityMw: number; drawMw: number; ppaMw: number } {
  let facilityMw = 0;
  let drawMw = 0;
  for (const f of myFacilities(state)) {
    if (f.siteId !== siteId) continue;
    facilityMw += f.capacityMw;
    drawMw += facilityCommittedMw(state, f.id);
  }
  return { facilityMw, drawMw, ppaMw: contractedMw(state, state.playerId, siteId, state.turn) };
}

/** Chips the player can order now: incumbent GPUs and its own designs, once available. */
export function orderableChips(state: GameState) {
  return rows(state.chips).filter((c) => c.availableFromTurn <= state.turn && (c.ownerCompanyId === null || c.ownerCompanyId === state.playerId));
}

export const WORKLOADS: readonly Workload[] = ['small', 'mid', 'frontier', 'training'];

export function workloadName(state: GameState, w: Workload): string {
  return w === 'training' ? 'Training' : state.tiers[w].name;
}
