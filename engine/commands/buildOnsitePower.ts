/**
 * `power/buildOnsite`: gas turbines behind the meter of one of the company's facilities (DESIGN §1.8). Capex is paid
 * now and added to the facility's book value; the turbines run after `grid.onsiteBuildQuarters`, with no grid queue.
 * A greenfield facility still waiting for its grid connection whose capacity is fully covered on site no longer waits
 * for the queue: it is ready once built, and its request leaves the queue.
 */
import { formatMw, formatUsd } from '../format';
import { queueWaitQuarters } from '../grid';
import { newId } from '../ids';
import { postLedger } from '../ledger';
import { onsiteMwAtFacility } from '../onsitePower';
import type { GameState } from '../state';
import { editRow, insertRow } from '../table';
import { facilityOf, type CommandEvent } from './construction';
import type { CommandOf } from './schema';
import { facilityBookValue, setFacilityBookValue } from '../bookValue';

type BuildOnsite = CommandOf<'power/buildOnsite'>;

export function onsiteCapexUsd(state: GameState, mw: number): number {
  return Math.round(mw * state.grid.onsiteCapexUsdPerMw);
}

export const buildOnsitePowerHandler = {
  check(state: GameState, companyId: string, c: BuildOnsite): string | null {
    const problem = facilityOf(state, companyId, c.facilityId);
    if (problem) return problem;
    const facility = state.facilities.byId[c.facilityId]!;
    const site = state.sites.byId[facility.siteId]!;
    const existing = onsiteMwAtFacility(state, facility.id);
    if (existing + c.mw > facility.capacityMw + 1e-9) {
      return `On-site generation at ${site.name} would total ${formatMw(existing + c.mw)}; the facility is ${formatMw(facility.capacityMw)} (${formatMw(existing)} already on site).`;
    }
    const cost = onsiteCapexUsd(state, c.mw);
    const cash = state.companies.byId[companyId]!.cashUsd;
    if (cost > cash) return `${formatMw(c.mw)} of gas turbines cost ${formatUsd(cost)}; cash is ${formatUsd(cash)}.`;
    return null;
  },
  apply(draft: GameState, companyId: string, c: BuildOnsite): CommandEvent[] {
    const grid = draft.grid;
    const facility = draft.facilities.byId[c.facilityId]!;
    const site = draft.sites.byId[facility.siteId]!;
    const cost = onsiteCapexUsd(draft, c.mw);
    const id = newId(draft, 'gen');
    const readyTurn = draft.turn + grid.onsiteBuildQuarters;
    insertRow(draft.onsiteGenerators, {
      id, companyId, facilityId: facility.id, siteId: site.id, mw: c.mw, readyTurn,
      fuelUsdPerMwh: grid.onsiteFuelUsdPerMwh, tonnesCo2PerMwh: grid.onsiteTonnesCo2PerMwh, lastMwh: 0, lastTonnesCo2: 0, totalTonnesCo2: 0,
    });
    // Rebase first: the depreciation rate follows capex, and must not change the value already written off.
    const writable = editRow(draft.facilities, facility.id);
    setFacilityBookValue(draft, writable, facilityBookValue(draft, facility) + cost);
    writable.capexUsd += cost;
    postLedger(draft, companyId, 'capex:facilities', id, -cost, () => `${formatMw(c.mw)} gas turbines at ${site.name}`);
    const events: CommandEvent[] = [{
      text: `Gas turbines: ${formatMw(c.mw)} behind the meter at ${site.name} for ${formatUsd(cost)}, running in ${grid.onsiteBuildQuarters} quarter(s); fuel $${grid.onsiteFuelUsdPerMwh}/MWh, ${grid.onsiteTonnesCo2PerMwh} t CO2 per MWh.`,
    }];
    const covered = onsiteMwAtFacility(draft, facility.id) >= facility.capacityMw - 1e-9;
    const builtBy = Math.max(readyTurn, facility.startedTurn + site.buildQuarters);
    if (covered && facility.status === 'building' && facility.shell === 'greenfield' && facility.readyTurn > builtBy) {
      const before = facility.readyTurn - draft.turn;
      writable.readyTurn = builtBy;
      const queue = editRow(draft.sites, site.id);
      queue.queueMw = Math.max(0, queue.queueMw - facility.capacityMw);
      queue.phantomQueueMw = Math.min(queue.phantomQueueMw, queue.queueMw);
      queue.queueQuarters = queueWaitQuarters(queue);
      events.push({ text: `The facility no longer waits for its grid connection: ready in ${builtBy - draft.turn} quarter(s) instead of ${before}.` });
    }
    return events;
  },
};
