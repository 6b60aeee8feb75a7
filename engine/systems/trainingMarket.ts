/**
 * The training rental market: labs demand H100e-hours; providers offer their training deployments. The clearing
 * price is the reference rental price scaled by scarcity √(demand/offer), between the floor and twice the reference;
 * hours sold are shared pro-rata to capacity. High margin while supply is short. It clears on what training contracts
 * (trainingContracts.ts, which run first) left: their hours come off both the labs' demand and the providers' capacity.
 */
import { deploymentTrainingCapacity } from '../capacity';
import { formatCount } from '../format';
import { postLedger } from '../ledger';
import type { GameState, Id } from '../state';
import { TREND_EASING } from './inferenceMarket';
import { writableOps } from '../deploymentOps';

export function runTrainingMarket(draft: GameState): void {
  const market = draft.training;
  const contracted = market.contractH100eHoursByCompany;
  const byCompany: Record<Id, number> = {};
  for (const id of draft.deployments.ids) {
    const d = draft.deployments.byId[id]!;
    if (draft.companies.byId[d.companyId]!.bankrupt) continue;
    const cap = deploymentTrainingCapacity(draft, d);
    if (cap > 0) byCompany[d.companyId] = (byCompany[d.companyId] ?? 0) + cap;
  }
  // Each company offers on the spot market what its contracts do not use.
  let offered = 0;
  let contractHours = 0;
  const spotShareOfCapacity: Record<Id, number> = {};
  for (const companyId of draft.companies.ids) {
    const cap = byCompany[companyId] ?? 0;
    const used = Math.min(cap, contracted[companyId] ?? 0);
    contractHours += contracted[companyId] ?? 0;
    offered += cap - used;
    spotShareOfCapacity[companyId] = cap > 0 ? 1 - used / cap : 0;
  }
  const demand = Math.max(0, market.demandH100eHours - contractHours);
  const scarcity = offered > 0 ? Math.sqrt(demand / offered) : 2;
  // Rounded to cents once, so the ledger and the price the player sees agree.
  const price = Math.round(Math.min(market.refPriceUsdPerHour * 2, Math.max(market.floorPriceUsdPerHour, market.refPriceUsdPerHour * scarcity)) * 100) / 100;
  const sold = Math.min(demand, offered);
  const soldShare = offered > 0 ? sold / offered : 0;
  for (const id of draft.deployments.ids) {
    const d = draft.deployments.byId[id]!;
    if (d.workload !== 'training') continue;
    if (draft.companies.byId[d.companyId]!.bankrupt) {
      const w = writableOps(draft, id);
      w.soldH100eHours = 0;
      w.utilization = 0;
      continue;
    }
    const cap = deploymentTrainingCapacity(draft, d);
    const spot = spotShareOfCapacity[d.companyId] ?? 0;
    const w = writableOps(draft, id);
    w.soldH100eHours = cap * (1 - spot + spot * soldShare);
    w.utilization = cap > 0 ? 1 - spot + spot * soldShare : soldShare;
    w.servedTokens = 0;
  }
  for (const companyId of draft.companies.ids) {
    const cap = byCompany[companyId];
    if (!cap) continue;
    const hours = cap * (spotShareOfCapacity[companyId] ?? 0) * soldShare;
    postLedger(draft, companyId, 'revenue:training', 'training', hours * price, () => `${formatCount(hours)} H100e-hours at $${price.toFixed(2)}/h`);
  }
  market.clearingPriceUsdPerHour = price;
  market.lastSoldH100eHours = sold;
  market.lastOfferedH100eHours = offered;
  // Next quarter's reference values.
  market.refPriceUsdPerHour = Math.max(market.floorPriceUsdPerHour, market.refPriceUsdPerHour * market.priceDeclinePerQuarter);
  market.priceDeclinePerQuarter += (1 - market.priceDeclinePerQuarter) * TREND_EASING;
  market.demandH100eHours *= market.demandGrowthPerQuarter;
  market.demandGrowthPerQuarter += (market.longRunDemandGrowthPerQuarter - market.demandGrowthPerQuarter) * TREND_EASING;
}
