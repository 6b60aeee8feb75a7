/**
 * Which flows the map animates, derived from game state. Pure; no PixiJS.
 * - chips: from the foundry or the incumbent vendor (by the chip's `source`) to each of the player's sites, while the
 *   player has an order of such chips outstanding or chips of that source delivered this quarter still in inventory;
 * - hbm: the world's memory supply chain, always on (HBM makers → advanced packaging → incumbent vendor);
 * - power: one pulse per player site holding a power purchase agreement in force.
 */
import type { GameState, Id } from '../../../engine';
import { supplyNode } from './supplyNodes';

export type FlowKind = 'chips' | 'hbm';

export interface RouteFlow {
  /** Stable id, e.g. 'chips:foundry-hsinchu>quebec'; the layer reuses display objects by it. */
  id: string;
  kind: FlowKind;
  from: { lon: number; lat: number };
  to: { lon: number; lat: number };
}

export interface FlowModel {
  routes: RouteFlow[];
  /** Site ids with a pulsing power marker, sorted. */
  powerSiteIds: Id[];
}

const SOURCE_NODE = { foundry: 'foundry-hsinchu', incumbent: 'vendor-santa-clara' } as const;

const HBM_ROUTES: readonly [string, string][] = [
  ['hbm-icheon', 'packaging-taiwan'],
  ['hbm-hwaseong', 'packaging-taiwan'],
  ['hbm-boise', 'packaging-taiwan'],
  ['packaging-taiwan', 'vendor-santa-clara'],
];

export function computeFlows(state: GameState): FlowModel {
  const routes: RouteFlow[] = HBM_ROUTES.map(([from, to]) => {
    const a = supplyNode(from);
    const b = supplyNode(to);
    return { id: `hbm:${from}>${to}`, kind: 'hbm', from: { lon: a.lon, lat: a.lat }, to: { lon: b.lon, lat: b.lat } };
  });

  const player = state.companies.byId[state.playerId];
  const activeSources = new Set<'foundry' | 'incumbent'>();
  for (const id of state.orders.ids) {
    const order = state.orders.byId[id]!;
    const chip = state.chips.byId[order.chipId];
    if (order.companyId === state.playerId && chip && order.delivered < order.quantity) activeSources.add(chip.source);
  }
  const deliveredThisQuarter = state.report.some((r) => r.kind === 'delivery' && r.companyId === state.playerId);
  if (player && deliveredThisQuarter) {
    for (const [chipId, count] of Object.entries(player.inventory)) {
      const chip = state.chips.byId[chipId];
      if (chip && count > 0) activeSources.add(chip.source);
    }
  }

  const playerSites = new Set<Id>();
  for (const id of state.facilities.ids) {
    const facility = state.facilities.byId[id]!;
    if (facility.companyId === state.playerId) playerSites.add(facility.siteId);
  }
  for (const source of ['foundry', 'incumbent'] as const) {
    if (!activeSources.has(source)) continue;
    const node = supplyNode(SOURCE_NODE[source]);
    for (const siteId of [...playerSites].sort()) {
      const site = state.sites.byId[siteId];
      if (!site) continue;
      routes.push({
        id: `chips:${node.id}>${siteId}`, kind: 'chips',
        from: { lon: node.lon, lat: node.lat }, to: { lon: site.lon, lat: site.lat },
      });
    }
  }

  const power = new Set<Id>();
  for (const id of state.contracts.ids) {
    const contract = state.contracts.byId[id]!;
    const inForce = contract.endTurn > state.turn;
    if (contract.companyId === state.playerId && inForce && state.sites.byId[contract.siteId]) power.add(contract.siteId);
  }
  return { routes, powerSiteIds: [...power].sort() };
}
