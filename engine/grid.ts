/** Grid rules shared by commands, systems and strategies: interconnection waits and regional tightness (DESIGN §1.8). */
import type { GameState, Id, Site } from './state';

/** Longest wait a queue reports (quarters). */
export const MAX_QUEUE_QUARTERS = 40;

/** Quarters a new request waits: the MW queued ahead of it over the MW the utility connects per quarter. */
export function queueWaitQuarters(site: Site): number {
  return Math.min(MAX_QUEUE_QUARTERS, Math.round(site.queueMw / site.connectionMwPerQuarter));
}

/** Full-load facility MW of every company's deployments, per site (`deploymentMw`: deploymentsFacilityMw's). */
export function aiLoadBySite(state: GameState, deploymentMw: readonly number[]): Record<Id, number> {
  const load: Record<Id, number> = {};
  state.deployments.ids.forEach((id, i) => {
    const siteId = state.deployments.byId[id]!.siteId;
    load[siteId] = (load[siteId] ?? 0) + deploymentMw[i]!;
  });
  return load;
}

/**
 * How tight each region's grid is (0..1): data-center load (the companies' chips plus hyperscalers) over that load
 * plus the grid headroom still free at the region's sites.
 */
export function regionTightness(state: GameState, loadBySite: Record<Id, number>): Record<Id, number> {
  const load: Record<Id, number> = {};
  const headroom: Record<Id, number> = {};
  for (const id of state.regions.ids) {
    load[id] = state.regions.byId[id]!.hyperscalerLoadMw;
    headroom[id] = 0;
  }
  for (const id of state.sites.ids) {
    const site = state.sites.byId[id]!;
    load[site.regionId] = (load[site.regionId] ?? 0) + (loadBySite[id] ?? 0);
    headroom[site.regionId] = (headroom[site.regionId] ?? 0) + site.gridHeadroomMw;
  }
  const out: Record<Id, number> = {};
  for (const id of state.regions.ids) {
    const l = load[id] ?? 0;
    out[id] = l > 0 ? l / (l + Math.max(1, headroom[id] ?? 0)) : 0;
  }
  return out;
}
