/**
 * The grid each quarter (DESIGN §1.8), after construction and before power: hyperscalers' load grows in every region
 * and takes grid headroom; speculative ("phantom") data-center requests join every site's interconnection queue, some
 * are cancelled, and the utility works through the queue at its connection rate. The wait a new request faces is the
 * MW queued over the connection rate — so queues climb when requests (5–10x what gets built) outrun connections.
 */
import { formatMw } from '../format';
import { queueWaitQuarters } from '../grid';
import type { GameState } from '../state';
import { editRow } from '../table';

export function runGrid(draft: GameState): void {
  growHyperscalerLoad(draft);
  const grid = draft.grid;
  const changed: string[] = [];
  for (const id of draft.sites.ids) {
    const site = editRow(draft.sites, id);
    const added = grid.phantomMwPerMwOfGrowth * site.headroomGrowthMwPerQuarter * grid.phantomFactor;
    const cancelled = site.phantomQueueMw * grid.phantomCancelPerQuarter;
    const queued = site.queueMw + added - cancelled;
    const phantom = site.phantomQueueMw + added - cancelled;
    // The utility studies the queue in order; the speculative share of what it reaches drops out unbuilt.
    const processed = Math.min(queued, site.connectionMwPerQuarter);
    const phantomShare = queued > 0 ? phantom / queued : 0;
    site.queueMw = Math.max(0, queued - processed);
    site.phantomQueueMw = Math.min(site.queueMw, Math.max(0, phantom - processed * phantomShare));
    const before = site.queueQuarters;
    site.queueQuarters = queueWaitQuarters(site);
    if (site.queueQuarters !== before) changed.push(`${site.name} ${before} → ${site.queueQuarters} q (${formatMw(site.queueMw)} queued)`);
  }
  grid.phantomFactor *= grid.phantomGrowthPerQuarter;
  if (changed.length > 0) {
    draft.report.push({ companyId: null, kind: 'power', text: `Interconnection queues moved: ${changed.join('; ')}.` });
  }
}

/** Every region's outside data-center load grows and is connected from the headroom of its sites, pro rata. */
function growHyperscalerLoad(draft: GameState): void {
  for (const regionId of draft.regions.ids) {
    const region = draft.regions.byId[regionId]!;
    const growth = region.hyperscalerLoadGrowthMwPerQuarter;
    if (growth <= 0) continue;
    editRow(draft.regions, regionId).hyperscalerLoadMw += growth;
    let headroom = 0;
    for (const id of draft.sites.ids) {
      const site = draft.sites.byId[id]!;
      if (site.regionId === regionId) headroom += site.gridHeadroomMw;
    }
    if (headroom <= 0) continue;
    const taken = Math.min(growth, headroom);
    for (const id of draft.sites.ids) {
      if (draft.sites.byId[id]!.regionId !== regionId) continue;
      const site = editRow(draft.sites, id);
      site.gridHeadroomMw = Math.max(0, site.gridHeadroomMw - (taken * site.gridHeadroomMw) / headroom);
    }
  }
}
