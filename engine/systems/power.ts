/**
 * Power: this quarter's spot price at every site (rising with the site's and the region's data-center load), expiry
 * of PPAs, and throttling where a company's contracted, on-site and spot power cannot carry its chips at full load
 * (capacity is lost, never silently ignored).
 */
import { chipsFacilityMw } from '../capacity';
import { formatMw, formatPct } from '../format';
import { aiLoadBySite, regionTightness } from '../grid';
import { nextNormal, type RngState } from '../math/rng';
import { onsiteMwByCompanySite } from '../onsitePower';
import { editRow, removeRow } from '../table';
import type { GameState, Id } from '../state';
import { deploymentOps, resetOps, writableOps } from '../deploymentOps';

/** Seasonal price multipliers for Q1..Q4 (winter heating, spring hydro, summer cooling peak, autumn). */
const SEASONAL = [1.04, 0.94, 1.1, 0.97] as const;

export function runPower(draft: GameState): void {
  // Every deployment's operating figures are this quarter's (power, markets, operations): start them afresh.
  resetOps(draft);
  const quarterIndex = (draft.start.quarter - 1 + draft.turn) % 4;
  const loadBySite = aiLoadBySite(draft);
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
  throttle(draft);
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

function throttle(draft: GameState): void {
  // One pass each over deployments, facilities and contracts, grouped by "company|site".
  const demandMw: Record<string, number> = {};
  const members: Record<string, Id[]> = {};
  const keys: string[] = [];
  for (const id of draft.deployments.ids) {
    const d = draft.deployments.byId[id]!;
    const key = `${d.companyId}|${d.siteId}`;
    if (!members[key]) {
      members[key] = [];
      demandMw[key] = 0;
      keys.push(key);
    }
    members[key]!.push(id);
    demandMw[key] += chipsFacilityMw(draft, d.chipId, d.count, d.siteId);
  }
  const facilityMw: Record<string, number> = {};
  for (const id of draft.facilities.ids) {
    const f = draft.facilities.byId[id]!;
    if (f.status !== 'ready') continue;
    const key = `${f.companyId}|${f.siteId}`;
    facilityMw[key] = (facilityMw[key] ?? 0) + f.capacityMw;
  }
  const ppaMw: Record<string, number> = {};
  for (const id of draft.contracts.ids) {
    const p = draft.contracts.byId[id]!;
    if (p.startTurn > draft.turn || draft.turn >= p.endTurn) continue;
    const key = `${p.companyId}|${p.siteId}`;
    ppaMw[key] = (ppaMw[key] ?? 0) + p.mw;
  }
  const onsiteMw = onsiteMwByCompanySite(draft);
  keys.sort();
  for (const key of keys) {
    const [companyId, siteId] = key.split('|') as [Id, Id];
    const site = draft.sites.byId[siteId]!;
    const demand = demandMw[key]!;
    const supplyMw = (ppaMw[key] ?? 0) + (onsiteMw[key] ?? 0) + site.spotAvailability * (facilityMw[key] ?? 0);
    const cut = demand > supplyMw && demand > 0 ? 1 - supplyMw / demand : 0;
    for (const id of members[key]!) {
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
