/** Facilities under construction come online; grid headroom grows slowly at every site (queues: systems/grid.ts). */
import { formatMw } from '../format';
import type { GameState } from '../state';
import { editRow } from '../table';

export function runConstruction(draft: GameState): void {
  const next = draft.turn + 1;
  for (const id of draft.facilities.ids) {
    const facility = draft.facilities.byId[id]!;
    if (facility.status === 'building' && facility.readyTurn <= next) {
      editRow(draft.facilities, id).status = 'ready';
      draft.report.push({
        companyId: facility.companyId,
        kind: 'construction',
        text: `${formatMw(facility.capacityMw)} facility at ${draft.sites.byId[facility.siteId]!.name} is ready for chips.`,
      });
    }
  }
  for (const id of draft.sites.ids) {
    const site = editRow(draft.sites, id);
    site.gridHeadroomMw += site.headroomGrowthMwPerQuarter;
  }
}
