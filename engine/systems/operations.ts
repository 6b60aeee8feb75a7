/**
 * Operations: power actually drawn (idle chips still draw 30%), energy bought under PPAs (take-or-pay) and on the
 * spot market, chip and facility opex, and reliability, which falls when chips are throttled.
 */
import { postLedger } from '../ledger';
import { runOnsiteGenerators } from '../onsitePower';
import type { GameState, Id } from '../state';
import { HOURS_PER_QUARTER } from '../units';
import { deploymentOps, writableOps } from '../deploymentOps';
import { editRow } from '../table';
import { CompanySiteGroups, type CompanySite } from '../companySite';

/** Share of full power an idle chip still draws. */
const IDLE_POWER_SHARE = 0.3;

/** A company's energy and costs at one site this quarter. */
interface SiteOperations extends CompanySite {
  energyMwh: number;
  ppaMwh: number;
  ppaUsd: number;
  chipOpexUsd: number;
  facilityOpexUsd: number;
}

export function runOperations(draft: GameState): void {
  const bySite = new CompanySiteGroups<SiteOperations>((companyId, siteId) => ({ companyId, siteId, energyMwh: 0, ppaMwh: 0, ppaUsd: 0, chipOpexUsd: 0, facilityOpexUsd: 0 }));
  const chipOpexPct = draft.finance.chipOpexPerQuarterPct;
  for (const id of draft.deployments.ids) {
    const d = draft.deployments.byId[id]!;
    const chip = draft.chips.byId[d.chipId]!;
    const site = draft.sites.byId[d.siteId]!;
    const fullMw = ((d.count * chip.powerW) / 1e6) * site.pue;
    const ops = writableOps(draft, id);
    const drawShare = (IDLE_POWER_SHARE + (1 - IDLE_POWER_SHARE) * ops.utilization) * (1 - ops.throttle);
    ops.energyMwh = fullMw * drawShare * HOURS_PER_QUARTER;
    const group = bySite.get(d.companyId, d.siteId);
    group.energyMwh += ops.energyMwh;
    group.chipOpexUsd += d.count * chip.unitPriceUsd * chipOpexPct;
  }
  // Costs are booked per company and site (the ledger stays small; tooltips break figures down by site).
  // PPAs are take-or-pay: the contracted energy is paid whether used or not, and covers usage first.
  for (const id of draft.contracts.ids) {
    const ppa = draft.contracts.byId[id]!;
    if (ppa.startTurn > draft.turn || draft.turn >= ppa.endTurn) continue;
    const group = bySite.get(ppa.companyId, ppa.siteId);
    group.ppaMwh += ppa.mw * HOURS_PER_QUARTER;
    group.ppaUsd += ppa.mw * HOURS_PER_QUARTER * ppa.priceUsdPerMwh;
  }
  for (const id of draft.facilities.ids) {
    const f = draft.facilities.byId[id]!;
    // Ready for chips from readyTurn on; the quarter before it only finishes construction.
    if (f.status !== 'ready' || f.readyTurn > draft.turn) continue;
    bySite.get(f.companyId, f.siteId).facilityOpexUsd += f.capacityMw * draft.finance.facilityOpexUsdPerMwQuarter;
  }
  // On-site generation covers what the PPAs do not, before the spot market.
  const onsite = runOnsiteGenerators(draft, (companyId, siteId) => {
    const group = bySite.find(companyId, siteId);
    return group ? Math.max(0, group.energyMwh - group.ppaMwh) : 0;
  });
  for (const group of bySite.sorted()) {
    const { companyId, siteId, ppaMwh } = group;
    const site = draft.sites.byId[siteId]!;
    const spotMwh = Math.max(0, group.energyMwh - ppaMwh - (onsite.find(companyId, siteId)?.mwh ?? 0));
    if (ppaMwh > 0) postLedger(draft, companyId, 'cost:power:ppa', siteId, -group.ppaUsd, () => `${Math.round(ppaMwh)} MWh under PPAs (take-or-pay)`);
    postLedger(draft, companyId, 'cost:power:spot', siteId, -spotMwh * site.spotPriceUsdPerMwh, () => `${Math.round(spotMwh)} MWh spot at $${site.spotPriceUsdPerMwh}/MWh`);
    postLedger(draft, companyId, 'cost:opex:chips', siteId, -group.chipOpexUsd, 'chip upkeep');
    postLedger(draft, companyId, 'cost:opex:facilities', siteId, -group.facilityOpexUsd, 'facility operations');
  }
  updateReliability(draft);
}

/** Reliability moves halfway toward its base less half the share of chips throttled. */
function updateReliability(draft: GameState): void {
  const chips: Record<Id, number> = {};
  const throttled: Record<Id, number> = {};
  for (const companyId of draft.companies.ids) {
    chips[companyId] = 0;
    throttled[companyId] = 0;
  }
  for (const id of draft.deployments.ids) {
    const d = draft.deployments.byId[id]!;
    chips[d.companyId]! += d.count;
    throttled[d.companyId]! += d.count * deploymentOps(draft, id).throttle;
  }
  for (const companyId of draft.companies.ids) {
    const company = draft.companies.byId[companyId]!;
    const n = chips[companyId]!;
    const target = company.baseReliability * (1 - 0.5 * (n > 0 ? throttled[companyId]! / n : 0));
    editRow(draft.companies, companyId).reliability = Math.round((company.reliability + (target - company.reliability) * 0.5) * 1e6) / 1e6;
  }
}
