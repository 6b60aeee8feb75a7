/** Facilities under construction come online; grid headroom grows slowly at every site (queues: systems/grid.ts). */
import { formatMw } from '../format';
import type { GameState } from '../state';

export function runConstruction(draft: GameState): void {
  const next = draft.turn + 1;
  for (const id of draft.facilities.ids) {
    const facility = draft.facilities.byId[id]!;
    if (facility.status === 'building' && facility.readyTurn <= next) {
      facility.status = 'ready';
      draft.report.push({
        companyId: facility.companyId,
        kind: 'construction',
        text: `${formatMw(facility.capacityMw)} facility at ${draft.sites.byId[facility.siteId]!.name} is ready for chips.`,
      });
    }
  }
  for (const id of draft.sites.ids) {
    const site = draft.sites.byId[id]!;
    site.gridHeadroomMw += site.headroomGrowthMwPerQuarter;
  }
}
