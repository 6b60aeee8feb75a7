/**
 * Behind-the-meter generation for the growth policy's power-minded flavours: when a site's interconnection queue is at
 * least `onsiteWhenQueueQuarters`, cover facilities still waiting for the grid with gas turbines (they then skip the
 * queue), and cover ready facilities whose chips the grid cannot carry (throttled). Spends at most `budgetUsd`.
 */
import { chipsFacilityMw } from '../capacity';
import { onsiteCapexUsd } from '../commands/buildOnsitePower';
import { contractedMw } from '../commands/handlers';
import type { Command } from '../commands/schema';
import { onsiteMwAtFacility } from '../onsitePower';
import type { GameState, Id } from '../state';
import { rowsOf } from '../table';
import type { GrowthParams } from './types';

export function onsitePower(state: GameState, companyId: Id, p: GrowthParams, budgetUsd: number): Command[] {
  const threshold = p.onsiteWhenQueueQuarters;
  if (threshold === undefined) return [];
  const commands: Command[] = [];
  let budget = budgetUsd;
  const drawByFacility: Record<Id, number> = {};
  for (const d of rowsOf(state.deployments, companyId)) drawByFacility[d.facilityId] = (drawByFacility[d.facilityId] ?? 0) + chipsFacilityMw(state, d.chipId, d.count, d.siteId);
  for (const f of rowsOf(state.facilities, companyId)) {
    const site = state.sites.byId[f.siteId]!;
    if (site.queueQuarters < threshold) continue;
    const have = onsiteMwAtFacility(state, f.id);
    let want = 0;
    if (f.status === 'building' && f.shell === 'greenfield' && f.readyTurn - state.turn > state.grid.onsiteBuildQuarters) want = f.capacityMw - have;
    else if (f.status === 'ready') {
      // The grid share this facility can count on: its PPAs (spread over the site) and the spot market.
      const draw = drawByFacility[f.id] ?? 0;
      const grid = contractedMw(state, companyId, f.siteId, state.turn) + site.spotAvailability * f.capacityMw;
      want = Math.min(f.capacityMw - have, draw - grid - have);
    }
    const mw = Math.floor(want);
    if (mw < 1) continue;
    const cost = onsiteCapexUsd(state, mw);
    if (cost > budget) continue;
    commands.push({ type: 'power/buildOnsite', facilityId: f.id, mw });
    budget -= cost;
  }
  return commands;
}
