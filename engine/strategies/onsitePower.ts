/**
 * Behind-the-meter generation for the growth policy's power-minded flavours: when a site's interconnection queue is at
 * least `onsiteWhenQueueQuarters`, cover facilities still waiting for the grid with gas turbines (they then skip the
 * queue), and cover ready facilities whose chips the grid cannot carry (throttled). Spends at most `budgetUsd`.
 */
import { onsiteCapexUsd } from '../commands/buildOnsitePower';
import { contractedMwBySite } from '../commands/handlers';
import type { Command } from '../commands/schema';
import { onsiteMwAtFacility } from '../onsitePower';
import type { GameState, Id } from '../state';
import { deployedMw, holdingsOf, type Holdings } from './holdings';
import type { GrowthParams } from './types';

/** What the growth policy has already gathered this decision (computed here when not given). */
export interface OnsiteInputs {
  own: Holdings;
  /** Full-load MW deployed by facility (deployedMw). */
  drawMwByFacility: Record<Id, number>;
  /** PPA MW in force by site (contractedMwBySite). */
  contracted: Record<Id, number>;
}

export function onsitePower(state: GameState, companyId: Id, p: GrowthParams, budgetUsd: number, inputs?: OnsiteInputs): Command[] {
  const threshold = p.onsiteWhenQueueQuarters;
  if (threshold === undefined) return [];
  const commands: Command[] = [];
  let budget = budgetUsd;
  const own = inputs?.own ?? holdingsOf(state, companyId);
  const drawByFacility = inputs?.drawMwByFacility ?? deployedMw(state, own).byFacility;
  const contracted = inputs?.contracted ?? contractedMwBySite(state, companyId, state.turn);
  for (const f of own.facilities) {
    const site = state.sites.byId[f.siteId]!;
    if (site.queueQuarters < threshold) continue;
    const have = onsiteMwAtFacility(state, f.id);
    let want = 0;
    if (f.status === 'building' && f.shell === 'greenfield' && f.readyTurn - state.turn > state.grid.onsiteBuildQuarters) want = f.capacityMw - have;
    else if (f.status === 'ready') {
      // The grid share this facility can count on: its PPAs (spread over the site) and the spot market.
      const draw = drawByFacility[f.id] ?? 0;
      const grid = (contracted[f.siteId] ?? 0) + site.spotAvailability * f.capacityMw;
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
