/**
 * Starting a facility, shared by `site/build` (the company pays) and `finance/revenueShareDeal` (a partner pays):
 * what it costs, whether the site can take it, and the construction itself.
 */
import { formatMw } from '../format';
import { queueWaitQuarters } from '../grid';
import { newId } from '../ids';
import { postLedger } from '../ledger';
import type { GameState, Id } from '../state';
import { hasRow, insertRow } from '../table';
import { editRow } from '../table';

/** What a command did, for notifications. */
export interface CommandEvent {
  text: string;
}

/** Quarters a retrofit of an existing, grid-connected shell takes. */
export const RETROFIT_QUARTERS = 2;
/** A retrofit costs this share of greenfield capex (shell, substation and connection exist). */
export const RETROFIT_CAPEX_SHARE = 0.6;

/** Capex of a build (USD): capacity × the site's capex per MW, less for a retrofit. */
export function buildCostUsd(state: GameState, siteId: Id, capacityMw: number, shell: 'greenfield' | 'retrofit'): number {
  const perMw = state.sites.byId[siteId]!.capexUsdPerMw;
  return Math.round(capacityMw * perMw * (shell === 'retrofit' ? RETROFIT_CAPEX_SHARE : 1));
}

/** Why the company cannot use that facility (unknown, or another company's), or null. */
export function facilityOf(state: GameState, companyId: Id, facilityId: Id): string | null {
  if (!hasRow(state.facilities, facilityId)) return `There is no facility ${facilityId}.`;
  if (state.facilities.byId[facilityId]!.companyId !== companyId) return `Facility ${facilityId} belongs to another company.`;
  return null;
}

/** Why a facility cannot be built there (unknown site, not enough grid headroom or shells), or null. Cash aside. */
export function buildProblem(state: GameState, siteId: Id, capacityMw: number, shell: 'greenfield' | 'retrofit'): string | null {
  if (!hasRow(state.sites, siteId)) return `Unknown site "${siteId}".`;
  const site = state.sites.byId[siteId]!;
  if (shell === 'greenfield' && capacityMw > site.gridHeadroomMw) {
    return `${site.name} has ${formatMw(site.gridHeadroomMw)} of grid headroom left; ${formatMw(capacityMw)} requested.`;
  }
  if (shell === 'retrofit' && capacityMw > site.retrofitAvailableMw) {
    return `${site.name} has ${formatMw(site.retrofitAvailableMw)} of existing shells to retrofit; ${formatMw(capacityMw)} requested.`;
  }
  return null;
}

/**
 * Starts a facility: capex paid now, grid headroom or shells used. A greenfield request waits the site's current queue
 * and joins it, so the next request waits longer (engine/grid.ts).
 */
export function startConstruction(draft: GameState, companyId: Id, siteId: Id, capacityMw: number, shell: 'greenfield' | 'retrofit'): { id: Id; event: CommandEvent } {
  const site = draft.sites.byId[siteId]!;
  const cost = buildCostUsd(draft, siteId, capacityMw, shell);
  const quarters = shell === 'retrofit' ? RETROFIT_QUARTERS : site.buildQuarters + site.queueQuarters;
  const id = newId(draft, 'fac');
  insertRow(draft.facilities, {
    id, companyId, siteId, capacityMw, shell, status: 'building',
    startedTurn: draft.turn, readyTurn: draft.turn + quarters, bookBaseUsd: cost, bookBaseQuarter: draft.depreciatedQuarters, capexUsd: cost,
  });
  const writable = editRow(draft.sites, siteId);
  if (shell === 'retrofit') writable.retrofitAvailableMw -= capacityMw;
  else {
    writable.gridHeadroomMw -= capacityMw;
    writable.queueMw += capacityMw;
    writable.queueQuarters = queueWaitQuarters(writable);
  }
  postLedger(draft, companyId, 'capex:facilities', id, -cost, () => `${shell} ${formatMw(capacityMw)} at ${site.name}`);
  return { id, event: { text: `Construction of ${formatMw(capacityMw)} at ${site.name} started: ready in ${quarters} quarter(s).` } };
}
