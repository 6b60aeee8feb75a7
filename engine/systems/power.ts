/**
 * Power: this quarter's spot price at every site (rising with the site's and the region's data-center load), expiry
 * of PPAs, and throttling where a company's contracted, on-site and spot power cannot carry its chips at full load
 * (capacity is lost, never silently ignored).
 */
import { deploymentsFacilityMw } from '../capacity';
import { formatMw, formatPct } from '../format';
import { aiLoadBySite, regionTightness } from '../grid';
import { nextNormal, type RngState } from '../math/rng';
import { onsiteMwByCompanySite } from '../onsitePower';
import { editRow, removeRow } from '../table';
import type { GameState, Id } from '../state';
import { deploymentOps, resetOps, writableOps } from '../deploymentOps';
import { CompanySiteGroups, type CompanySite } from '../companySite';

/** Seasonal price multipliers for Q1..Q4 (winter heating, spring hydro, summer cooling peak, autumn). */
const SEASONAL = [1.04, 0.94, 1.1, 0.97] as const;

export function runPower(draft: GameState): void {
  // Every deployment's operating figures are this quarter's (power, markets, operations): start them afresh.
  resetOps(draft);
  const quarterIndex = (draft.start.quarter - 1 + draft.turn) % 4;
  const deploymentMw = deploymentsFacilityMw(draft);
  const loadBySite = aiLoadBySite(draft, deploymentMw);
  const regional = regionTightness(draft, loadBySite);
  const sensitivity = draft.grid.regionalPriceSensitivity;
  const rng = [...draft.rng['power']!] as RngState;
  for (const id of draft.sites.ids) {
    const site = draft.sites.byId[id]!;
    const load = loadBySite[id] ?? 0;
    const tightness = load / (load + Math.max(1, site.gridHeadroomMw));
    const noise = Math.min(2.5, Math.max(0.5, 1 + site.priceVolatility * nextNormal(rng)));
    const region = regional[site.regionId] ?? 0;
    const price = site.basePowerPriceUsdPerMwh * SEASONAL[quarterIndex]! * noise * site.priceShockFactor * (1 + 0.6 * tightness * tightness) * (1 + sensitivity * region * region);
    editRow(draft.sites, id).spotPriceUsdPerMwh = Math.round(price * 100) / 100;
  }
  draft.rng['power'] = rng;
  expireContracts(draft);
  throttle(draft, deploymentMw);
}

function expireContracts(draft: GameState): void {
  for (const id of [...draft.contracts.ids]) {
    const ppa = draft.contracts.byId[id]!;
    if (ppa.endTurn <= draft.turn) {
      draft.report.push({ companyId: ppa.companyId, kind: 'power', text: `PPA for ${formatMw(ppa.mw)} at ${draft.sites.byId[ppa.siteId]!.name} expired.` });
      removeRow(draft.contracts, id);
    }
  }
}

/** A company's chips at one site and the power they need at full load. */
interface SiteDemand extends CompanySite {
  deploymentIds: Id[];
  demandMw: number;
  facilityMw: number;
  ppaMw: number;
}

/** `deploymentMw`: each deployment's full-load facility MW, in id order. */
function throttle(draft: GameState, deploymentMw: readonly number[]): void {
  // One pass each over deployments, facilities and contracts, grouped by company and site.
  const bySite = new CompanySiteGroups<SiteDemand>((companyId, siteId) => ({ companyId, siteId, deploymentIds: [], demandMw: 0, facilityMw: 0, ppaMw: 0 }));
  draft.deployments.ids.forEach((id, i) => {
    const d = draft.deployments.byId[id]!;
    const group = bySite.get(d.companyId, d.siteId);
    group.deploymentIds.push(id);
    group.demandMw += deploymentMw[i]!;
  });
  // Only sites where a company has chips can be throttled.
  for (const id of draft.facilities.ids) {
    const f = draft.facilities.byId[id]!;
    if (f.status !== 'ready') continue;
    const group = bySite.find(f.companyId, f.siteId);
    if (group) group.facilityMw += f.capacityMw;
  }
  for (const id of draft.contracts.ids) {
    const p = draft.contracts.byId[id]!;
    if (p.startTurn > draft.turn || draft.turn >= p.endTurn) continue;
    const group = bySite.find(p.companyId, p.siteId);
    if (group) group.ppaMw += p.mw;
  }
  const onsite = onsiteMwByCompanySite(draft);
  for (const group of bySite.sorted()) {
    const { companyId, siteId } = group;
    const site = draft.sites.byId[siteId]!;
    const demand = group.demandMw;
    const supplyMw = group.ppaMw + (onsite.find(companyId, siteId)?.mw ?? 0) + site.spotAvailability * group.facilityMw;
    const cut = demand > supplyMw && demand > 0 ? 1 - supplyMw / demand : 0;
    for (const id of group.deploymentIds) {
      if (deploymentOps(draft, id).throttle !== cut) writableOps(draft, id).throttle = cut;
    }
    if (cut > 0.001) {
      draft.report.push({
        companyId,
        kind: 'throttle',
        text: `${site.name}: chips need ${formatMw(demand)} but only ${formatMw(supplyMw)} is contracted, generated on site or available on the spot market; ${formatPct(cut)} of capacity throttled.`,
      });
    }
  }
}
