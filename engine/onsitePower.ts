/**
 * Behind-the-meter generation (DESIGN §1.8): gas turbines at a facility supply it like a PPA but without the grid
 * queue — faster to get, dearer to run (fuel per MWh generated) and emitting CO2. Shared by the `power/buildOnsite`
 * command, the power system (throttling) and operations (fuel and emissions).
 */
import { formatCount, formatMw, formatUsd } from './format';
import { postLedger } from './ledger';
import type { GameState, Id } from './state';
import { HOURS_PER_QUARTER } from './units';
import { CompanySiteGroups, type CompanySite } from './companySite';
import { editRow } from './table';

/** On-site MW already built or building at a facility. */
export function onsiteMwAtFacility(state: GameState, facilityId: Id): number {
  let mw = 0;
  for (const id of state.onsiteGenerators.ids) {
    const g = state.onsiteGenerators.byId[id]!;
    if (g.facilityId === facilityId) mw += g.mw;
  }
  return mw;
}

/** Ready on-site MW of each company and site this quarter. */
export function onsiteMwByCompanySite(state: GameState): CompanySiteGroups<CompanySite & { mw: number }> {
  const out = new CompanySiteGroups((companyId, siteId) => ({ companyId, siteId, mw: 0 }));
  for (const id of state.onsiteGenerators.ids) {
    const g = state.onsiteGenerators.byId[id]!;
    if (g.readyTurn > state.turn) continue;
    out.get(g.companyId, g.siteId).mw += g.mw;
  }
  return out;
}

/**
 * Runs the turbines for the energy PPAs do not cover (`needMwh` of a company at a site), up to their capacity:
 * books fuel, records generation and emissions on each generator, reports them. Returns the MWh generated per
 * company and site.
 */
export function runOnsiteGenerators(draft: GameState, needMwh: (companyId: Id, siteId: Id) => number): CompanySiteGroups<CompanySite & { mwh: number }> {
  const generated = new CompanySiteGroups((companyId, siteId) => ({ companyId, siteId, mwh: 0 }));
  if (draft.onsiteGenerators.ids.length === 0) return generated;
  const capacityMw = onsiteMwByCompanySite(draft);
  for (const id of draft.onsiteGenerators.ids) {
    const g = editRow(draft.onsiteGenerators, id);
    const cap = capacityMw.find(g.companyId, g.siteId)?.mw ?? 0;
    const totalMwh = Math.min(needMwh(g.companyId, g.siteId), cap * HOURS_PER_QUARTER);
    // Generators at one company and site share the load pro rata to their MW.
    const mwh = g.readyTurn <= draft.turn && cap > 0 ? (totalMwh * g.mw) / cap : 0;
    g.lastMwh = mwh;
    g.lastTonnesCo2 = mwh * g.tonnesCo2PerMwh;
    g.totalTonnesCo2 += g.lastTonnesCo2;
    if (mwh <= 0) continue;
    generated.get(g.companyId, g.siteId).mwh += mwh;
    const site = draft.sites.byId[g.siteId]!;
    postLedger(draft, g.companyId, 'cost:power:onsite', g.siteId, -mwh * g.fuelUsdPerMwh, () => `${formatCount(mwh)} MWh from gas turbines at $${g.fuelUsdPerMwh}/MWh (${formatCount(g.lastTonnesCo2)} t CO2)`);
    draft.report.push({
      companyId: g.companyId,
      kind: 'power',
      text: `${site.name}: on-site gas turbines (${formatMw(g.mw)}) generated ${formatCount(mwh)} MWh for ${formatUsd(mwh * g.fuelUsdPerMwh)} of fuel and emitted ${formatCount(g.lastTonnesCo2)} t CO2.`,
    });
  }
  return generated;
}
