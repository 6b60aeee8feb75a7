/**
 * What the map shows for each site, derived from game state: a small flat record per site, compared field by field
 * so a marker is redrawn only when something it draws has changed. Pure; no PixiJS.
 */
import type { GameState, Id } from '../../../engine';
import { deploymentOps } from '../../../engine/deploymentOps';

/** The player's presence at a site, in the order the marker shows it (throttled wins over ready over building). */
export type PlayerSiteStatus = 'none' | 'building' | 'ready' | 'throttled';

export interface SiteView {
  id: Id;
  name: string;
  lon: number;
  lat: number;
  /** Facility capacity of every company at the site (MW); sizes the circle. */
  totalMw: number;
  playerMw: number;
  playerStatus: PlayerSiteStatus;
  /** Distinct colours ('#rrggbb') of rival companies with a facility here, sorted; one tick each. */
  rivalColors: string[];
  /** The player holds a power purchase agreement here. */
  playerPpa: boolean;
}

/** A deployment counts as throttled above this share of its chips held back (0..1). */
export const THROTTLE_THRESHOLD = 0.01;

/** One view per site id, in `state.sites.ids` order. O(sites + facilities + deployments + contracts). */
export function computeSiteViews(state: GameState): Map<Id, SiteView> {
  const views = new Map<Id, SiteView>();
  for (const id of state.sites.ids) {
    const site = state.sites.byId[id]!;
    views.set(id, {
      id, name: site.name, lon: site.lon, lat: site.lat,
      totalMw: 0, playerMw: 0, playerStatus: 'none', rivalColors: [], playerPpa: false,
    });
  }
  const playerBuilding = new Set<Id>();
  const playerReady = new Set<Id>();
  for (const id of state.facilities.ids) {
    const facility = state.facilities.byId[id]!;
    const view = views.get(facility.siteId);
    if (!view) continue;
    view.totalMw += facility.capacityMw;
    if (facility.companyId === state.playerId) {
      view.playerMw += facility.capacityMw;
      (facility.status === 'ready' ? playerReady : playerBuilding).add(facility.siteId);
    } else {
      const color = state.companies.byId[facility.companyId]?.color;
      if (color && !view.rivalColors.includes(color)) view.rivalColors.push(color);
    }
  }
  const playerThrottled = new Set<Id>();
  for (const id of state.deployments.ids) {
    const deployment = state.deployments.byId[id]!;
    if (deployment.companyId === state.playerId && deploymentOps(state, id).throttle > THROTTLE_THRESHOLD) playerThrottled.add(deployment.siteId);
  }
  for (const id of state.contracts.ids) {
    const contract = state.contracts.byId[id]!;
    const view = views.get(contract.siteId);
    if (view && contract.companyId === state.playerId && contract.endTurn > state.turn) view.playerPpa = true;
  }
  for (const view of views.values()) {
    view.rivalColors.sort();
    if (playerThrottled.has(view.id)) view.playerStatus = 'throttled';
    else if (playerReady.has(view.id)) view.playerStatus = 'ready';
    else if (playerBuilding.has(view.id)) view.playerStatus = 'building';
  }
  return views;
}

/** True when two views draw the same marker. */
export function sameSiteView(a: SiteView, b: SiteView): boolean {
  return (
    a.name === b.name && a.lon === b.lon && a.lat === b.lat && a.totalMw === b.totalMw && a.playerMw === b.playerMw &&
    a.playerStatus === b.playerStatus && a.playerPpa === b.playerPpa &&
    a.rivalColors.length === b.rivalColors.length && a.rivalColors.every((c, i) => c === b.rivalColors[i])
  );
}
