/**
 * Power: this quarter's spot price at every site, expiry of PPAs, and throttling where a company's contracted plus
 * spot power cannot carry its chips at full load (capacity is lost, never silently ignored).
 */
import { chipsFacilityMw } from '../capacity';
import { contractedMw } from '../commands/handlers';
import { formatMw, formatPct } from '../format';
import { nextNormal } from '../math/rng';
import { removeRow } from '../table';
import type { GameState, Id } from '../state';

/** Seasonal price multipliers for Q1..Q4 (winter heating, spring hydro, summer cooling peak, autumn). */
const SEASONAL = [1.04, 0.94, 1.1, 0.97] as const;

export function runPower(draft: GameState): void {
  const quarterIndex = (draft.start.quarter - 1 + draft.turn) % 4;
  const loadBySite = aiLoadBySite(draft);
  const rng = draft.rng['power']!;
  for (const id of draft.sites.ids) {
    const site = draft.sites.byId[id]!;
    const load = loadBySite[id] ?? 0;
    const tightness = load / (load + Math.max(1, site.gridHeadroomMw));
    const noise = Math.min(2.5, Math.max(0.5, 1 + site.priceVolatility * nextNormal(rng)));
    const price = site.basePowerPriceUsdPerMwh * SEASONAL[quarterIndex]! * noise * site.priceShockFactor * (1 + 0.6 * tightness * tightness);
    site.spotPriceUsdPerMwh = Math.round(price * 100) / 100;
  }
  expireContracts(draft);
  throttle(draft);
}

/** Full-load facility MW of every deployment, per site. */
function aiLoadBySite(state: GameState): Record<Id, number> {
  const load: Record<Id, number> = {};
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    load[d.siteId] = (load[d.siteId] ?? 0) + chipsFacilityMw(state, d.chipId, d.count, d.siteId);
  }
  return load;
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
  // Group deployments by company and site; ids are sorted so groups fill in a stable order.
  const groups: Record<string, Id[]> = {};
  const keys: string[] = [];
  for (const id of draft.deployments.ids) {
    const d = draft.deployments.byId[id]!;
    const key = `${d.companyId}|${d.siteId}`;
    if (!groups[key]) {
      groups[key] = [];
      keys.push(key);
    }
    groups[key]!.push(id);
  }
  keys.sort();
  for (const key of keys) {
    const [companyId, siteId] = key.split('|') as [Id, Id];
    const site = draft.sites.byId[siteId]!;
    let demandMw = 0;
    for (const id of groups[key]!) {
      const d = draft.deployments.byId[id]!;
      demandMw += chipsFacilityMw(draft, d.chipId, d.count, siteId);
    }
    let facilityMw = 0;
    for (const fid of draft.facilities.ids) {
      const f = draft.facilities.byId[fid]!;
      if (f.companyId === companyId && f.siteId === siteId && f.status === 'ready') facilityMw += f.capacityMw;
    }
    const supplyMw = contractedMw(draft, companyId, siteId, draft.turn) + site.spotAvailability * facilityMw;
    const cut = demandMw > supplyMw && demandMw > 0 ? 1 - supplyMw / demandMw : 0;
    for (const id of groups[key]!) draft.deployments.byId[id]!.throttle = cut;
    if (cut > 0.001) {
      draft.report.push({
        companyId,
        kind: 'throttle',
        text: `${site.name}: chips need ${formatMw(demandMw)} but only ${formatMw(supplyMw)} is contracted or available on the spot market; ${formatPct(cut)} of capacity throttled.`,
      });
    }
  }
}
