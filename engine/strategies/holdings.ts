/**
 * A company's rows and chips as the growth policy reads them, gathered once per decision: the state does not change
 * while a policy decides, so its steps (and onsitePower) share one pass per table.
 */
import { chipsFacilityMw } from '../capacity';
import type { ChipModel, ChipOrder, Deployment, Facility, Frozen, GameState, Id, Loan } from '../state';
import { rowsOf } from '../table';

export interface Holdings {
  deployments: Frozen<Deployment>[];
  facilities: Frozen<Facility>[];
  orders: Frozen<ChipOrder>[];
  loans: Frozen<Loan>[];
  /** Chips in inventory, in chip id order (zero counts included). */
  inventory: { chip: ChipModel; count: number }[];
}

export function holdingsOf(state: GameState, companyId: Id): Holdings {
  const stock = state.companies.byId[companyId]!.inventory;
  return {
    deployments: rowsOf(state.deployments, companyId),
    facilities: rowsOf(state.facilities, companyId),
    orders: rowsOf(state.orders, companyId),
    loans: rowsOf(state.loans, companyId),
    inventory: Object.keys(stock)
      .sort()
      .map((chipId) => ({ chip: state.chips.byId[chipId]!, count: stock[chipId]! })),
  };
}

/** Full-load MW of the company's deployments: in all (summed in id order) and by facility. */
export function deployedMw(state: GameState, own: Holdings): { total: number; byFacility: Record<Id, number> } {
  let total = 0;
  const byFacility: Record<Id, number> = {};
  for (const d of own.deployments) {
    const mw = chipsFacilityMw(state, d.chipId, d.count, d.siteId);
    total += mw;
    byFacility[d.facilityId] = (byFacility[d.facilityId] ?? 0) + mw;
  }
  return { total, byFacility };
}
