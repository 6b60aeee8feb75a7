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

/** Share of full power an idle chip still draws. */
const IDLE_POWER_SHARE = 0.3;

export function runOperations(draft: GameState): void {
  const energyByCompanySite: Record<string, number> = {};
  const keys: string[] = [];
  for (const id of draft.deployments.ids) {
    const d = draft.deployments.byId[id]!;
    const chip = draft.chips.byId[d.chipId]!;
    const site = draft.sites.byId[d.siteId]!;
    const fullMw = ((d.count * chip.powerW) / 1e6) * site.pue;
    const ops = writableOps(draft, id);
    const drawShare = (IDLE_POWER_SHARE + (1 - IDLE_POWER_SHARE) * ops.utilization) * (1 - ops.throttle);
    ops.energyMwh = fullMw * drawShare * HOURS_PER_QUARTER;
    const key = `${d.companyId}|${d.siteId}`;
    if (energyByCompanySite[key] === undefined) {
      energyByCompanySite[key] = 0;
      keys.push(key);
    }
    energyByCompanySite[key] += ops.energyMwh;
  }
  // Costs are booked per company and site (the ledger stays small; tooltips break figures down by site).
  // PPAs are take-or-pay: the contracted energy is paid whether used or not, and covers usage first.
  const ppaMwhByKey: Record<string, number> = {};
  const ppaUsdByKey: Record<string, number> = {};
  const chipOpexByKey: Record<string, number> = {};
  const facilityOpexByKey: Record<string, number> = {};
  const addKey = (key: string) => {
    if (energyByCompanySite[key] === undefined) {
      energyByCompanySite[key] = 0;
      keys.push(key);
    }
  };
  for (const id of draft.contracts.ids) {
    const ppa = draft.contracts.byId[id]!;
    if (ppa.startTurn > draft.turn || draft.turn >= ppa.endTurn) continue;
    const key = `${ppa.companyId}|${ppa.siteId}`;
    addKey(key);
    ppaMwhByKey[key] = (ppaMwhByKey[key] ?? 0) + ppa.mw * HOURS_PER_QUARTER;
    ppaUsdByKey[key] = (ppaUsdByKey[key] ?? 0) + ppa.mw * HOURS_PER_QUARTER * ppa.priceUsdPerMwh;
  }
  for (const id of draft.deployments.ids) {
    const d = draft.deployments.byId[id]!;
    const key = `${d.companyId}|${d.siteId}`;
    chipOpexByKey[key] = (chipOpexByKey[key] ?? 0) + d.count * draft.chips.byId[d.chipId]!.unitPriceUsd * draft.finance.chipOpexPerQuarterPct;
  }
  for (const id of draft.facilities.ids) {
    const f = draft.facilities.byId[id]!;
    // Ready for chips from readyTurn on; the quarter before it only finishes construction.
    if (f.status !== 'ready' || f.readyTurn > draft.turn) continue;
    const key = `${f.companyId}|${f.siteId}`;
    addKey(key);
    facilityOpexByKey[key] = (facilityOpexByKey[key] ?? 0) + f.capacityMw * draft.finance.facilityOpexUsdPerMwQuarter;
  }
  keys.sort();
  // On-site generation covers what the PPAs do not, before the spot market.
  const needMwh: Record<string, number> = {};
  for (const key of keys) needMwh[key] = Math.max(0, energyByCompanySite[key]! - (ppaMwhByKey[key] ?? 0));
  const onsiteMwh = runOnsiteGenerators(draft, needMwh);
  for (const key of keys) {
    const [companyId, siteId] = key.split('|') as [Id, Id];
    const site = draft.sites.byId[siteId]!;
    const ppaMwh = ppaMwhByKey[key] ?? 0;
    const spotMwh = Math.max(0, energyByCompanySite[key]! - ppaMwh - (onsiteMwh[key] ?? 0));
    if (ppaMwh > 0) postLedger(draft, companyId, 'cost:power:ppa', siteId, -ppaUsdByKey[key]!, `${Math.round(ppaMwh)} MWh under PPAs (take-or-pay)`);
    postLedger(draft, companyId, 'cost:power:spot', siteId, -spotMwh * site.spotPriceUsdPerMwh, `${Math.round(spotMwh)} MWh spot at $${site.spotPriceUsdPerMwh}/MWh`);
    postLedger(draft, companyId, 'cost:opex:chips', siteId, -(chipOpexByKey[key] ?? 0), 'chip upkeep');
    postLedger(draft, companyId, 'cost:opex:facilities', siteId, -(facilityOpexByKey[key] ?? 0), 'facility operations');
  }
  updateReliability(draft);
}

function updateReliability(draft: GameState): void {
  for (const companyId of draft.companies.ids) {
    const company = draft.companies.byId[companyId]!;
    let chips = 0;
    let throttled = 0;
    for (const id of draft.deployments.ids) {
      const d = draft.deployments.byId[id]!;
      if (d.companyId !== companyId) continue;
      chips += d.count;
      throttled += d.count * deploymentOps(draft, id).throttle;
    }
    const target = company.baseReliability * (1 - 0.5 * (chips > 0 ? throttled / chips : 0));
    editRow(draft.companies, companyId).reliability = Math.round((company.reliability + (target - company.reliability) * 0.5) * 1e6) / 1e6;
  }
}
