/**
 * Metrics snapshot: one compact record per company per turn (the charts' and scores' data). Every figure is
 * derived from the ledger and the operations of the quarter, so the UI can explain it.
 */
import { chipsDeployed } from '../capacity';
import { debtUsd, enterpriseValueUsd } from '../finance';
import { sumLedger } from '../ledger';
import type { CompanyMetrics, GameState, Id } from '../state';
import { TIER_IDS } from '../state';
import { HOURS_PER_QUARTER, JOULES_PER_MWH, TOKENS_PER_MTOK } from '../units';

/** Turns of history kept (a 200-turn sandbox fits; older records are dropped first). */
export const HISTORY_LIMIT = 400;

export function runMetrics(draft: GameState): void {
  let servedAll = 0;
  let demandAll = 0;
  for (const tier of TIER_IDS) {
    servedAll += draft.inferenceResults[tier].servedTokens;
    demandAll += draft.inferenceResults[tier].demandTokens;
  }
  const companies: Record<Id, CompanyMetrics> = {};
  for (const companyId of draft.companies.ids) {
    companies[companyId] = companyMetrics(draft, companyId, servedAll);
    draft.cumulativeProfitUsd[companyId] = (draft.cumulativeProfitUsd[companyId] ?? 0) + companies[companyId]!.netIncomeUsd;
  }
  draft.history.push({
    turn: draft.turn + 1,
    companies,
    world: {
      inferenceDemandTokens: demandAll,
      inferenceServedTokens: servedAll,
      trainingDemandH100eHours: draft.training.lastSoldH100eHours,
      trainingPriceUsdPerHour: draft.training.clearingPriceUsdPerHour,
      midRefPricePerMTokUsd: draft.inferenceResults.mid.avgPricePerMTokUsd,
    },
  });
  if (draft.history.length > HISTORY_LIMIT) draft.history.shift();
}

function companyMetrics(state: GameState, companyId: Id, servedAll: number): CompanyMetrics {
  const company = state.companies.byId[companyId]!;
  const ledger = state.ledger;
  const inferenceRevenueUsd = sumLedger(ledger, companyId, 'revenue:inference');
  const trainingRevenueUsd = sumLedger(ledger, companyId, 'revenue:training');
  const revenueUsd = inferenceRevenueUsd + trainingRevenueUsd;
  const powerUsd = -sumLedger(ledger, companyId, 'cost:power:');
  const opexUsd = -sumLedger(ledger, companyId, 'cost:opex:');
  const facilityOpexUsd = -sumLedger(ledger, companyId, 'cost:opex:facilities');
  const interestUsd = -sumLedger(ledger, companyId, 'financing:interest');
  const depreciationUsd = company.lastDepreciationUsd;
  const costOfRevenueUsd = powerUsd + opexUsd + depreciationUsd;

  let energyAll = 0;
  let energyInference = 0;
  let inferenceChipCostsUsd = 0;
  let chips = 0;
  let throttledChips = 0;
  let trainingH100eHours = 0;
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (d.companyId !== companyId) continue;
    energyAll += d.energyMwh;
    chips += d.count;
    throttledChips += d.count * d.throttle;
    trainingH100eHours += d.soldH100eHours;
    if (d.workload !== 'training') {
      energyInference += d.energyMwh;
      const chip = state.chips.byId[d.chipId]!;
      inferenceChipCostsUsd += d.count * chip.unitPriceUsd * state.finance.chipOpexPerQuarterPct + (d.bookValueUsd > 0 ? d.depreciationPerQuarterUsd : 0);
    }
  }
  let tokens = 0;
  for (const tier of TIER_IDS) tokens += state.inferenceResults[tier].servedByCompany[companyId] ?? 0;
  const inferenceEnergyShare = energyAll > 0 ? energyInference / energyAll : 0;
  const inferenceCostUsd = inferenceChipCostsUsd + (powerUsd + facilityOpexUsd) * inferenceEnergyShare;

  const previous = state.history[state.history.length - 1]?.companies[companyId];
  const growth = previous && previous.revenueUsd > 0 ? revenueUsd / previous.revenueUsd - 1 : 0;
  const ebitdaUsd = revenueUsd - powerUsd - opexUsd;
  return {
    cashUsd: company.cashUsd,
    revenueUsd,
    inferenceRevenueUsd,
    trainingRevenueUsd,
    costOfRevenueUsd,
    grossMarginPct: revenueUsd > 0 ? round4((revenueUsd - costOfRevenueUsd) / revenueUsd) : 0,
    netIncomeUsd: revenueUsd - costOfRevenueUsd - interestUsd,
    depreciationUsd,
    debtUsd: debtUsd(state, companyId),
    enterpriseValueUsd: enterpriseValueUsd(state, companyId, ebitdaUsd, growth),
    inferenceTokens: Math.round(tokens),
    inferenceShare: servedAll > 0 ? round4(tokens / servedAll) : 0,
    costPerMTokUsd: tokens > 0 ? round4(inferenceCostUsd / (tokens / TOKENS_PER_MTOK)) : 0,
    joulesPerToken: tokens > 0 ? round4((energyInference * JOULES_PER_MWH) / tokens) : 0,
    chipsDeployed: chipsDeployed(state, companyId),
    powerDrawMw: Math.round((energyAll / HOURS_PER_QUARTER) * 100) / 100,
    throttledPct: chips > 0 ? round4(throttledChips / chips) : 0,
    trainingH100eHours: Math.round(trainingH100eHours),
  };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
