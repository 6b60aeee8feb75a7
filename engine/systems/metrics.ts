/**
 * Metrics snapshot: one compact record per company per turn (the charts' and scores' data). Every figure is
 * derived from the ledger and the operations of the quarter, so the UI can explain it.
 */
import { bookValuesOf, enterpriseValueOf } from '../finance';
import type { CompanyMetrics, Deployment, Facility, Frozen, GameState, Id, LedgerCategory } from '../state';
import { TIER_IDS } from '../state';
import { HOURS_PER_QUARTER, JOULES_PER_MWH, TOKENS_PER_MTOK } from '../units';
import { deploymentBookValue, facilityBookValue, FACILITY_LIFE_QUARTERS } from '../bookValue';
import { deploymentOps } from '../deploymentOps';

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
  const totals = ledgerTotals(draft);
  const owned = ownedRows(draft);
  for (const companyId of draft.companies.ids) {
    companies[companyId] = companyMetrics(draft, companyId, servedAll, totals, owned[companyId]!);
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
      sentiment: draft.capitalMarkets.sentiment,
    },
  });
  if (draft.history.length > HISTORY_LIMIT) draft.history.shift();
}

/** Ledger totals by company and category in one pass; `partnerPaid` = revenue shares paid (the negative entries). */
interface LedgerTotals {
  byCategory: Record<Id, Map<LedgerCategory, number>>;
  partnerPaid: Record<Id, number>;
}

function ledgerTotals(state: GameState): LedgerTotals {
  // Maps: records keyed by category take many shapes (one per order the categories first appear in), which made
  // these stores and the reads in companyMetrics measurably slower.
  const byCategory: Record<Id, Map<LedgerCategory, number>> = {};
  const partnerPaid: Record<Id, number> = {};
  for (const e of state.ledger) {
    const company = (byCategory[e.companyId] ??= new Map());
    company.set(e.category, (company.get(e.category) ?? 0) + e.amountUsd);
    if (e.category === 'financing:revenueShare' && e.amountUsd < 0) partnerPaid[e.companyId] = (partnerPaid[e.companyId] ?? 0) - e.amountUsd;
  }
  return { byCategory, partnerPaid };
}

/** A company's deployments and facilities (in id order) and its loan balances. */
interface OwnedRows {
  deployments: Frozen<Deployment>[];
  facilities: Frozen<Facility>[];
  debtUsd: number;
}

/** Every company's deployments, facilities and debt, in one pass over each table (not one per company). */
function ownedRows(state: GameState): Record<Id, OwnedRows> {
  const out: Record<Id, OwnedRows> = {};
  for (const companyId of state.companies.ids) out[companyId] = { deployments: [], facilities: [], debtUsd: 0 };
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    out[d.companyId]!.deployments.push(d);
  }
  for (const id of state.facilities.ids) {
    const f = state.facilities.byId[id]!;
    out[f.companyId]!.facilities.push(f);
  }
  for (const id of state.loans.ids) {
    const loan = state.loans.byId[id]!;
    out[loan.companyId]!.debtUsd += loan.balanceUsd;
  }
  return out;
}

function companyMetrics(state: GameState, companyId: Id, servedAll: number, totals: LedgerTotals, owned: OwnedRows): CompanyMetrics {
  const company = state.companies.byId[companyId]!;
  const byCategory = totals.byCategory[companyId];
  // Revenue shares are a claim on revenue: a cost in EBITDA and net income (partner funding received is not income).
  const revenueSharePaidUsd = totals.partnerPaid[companyId] ?? 0;
  const total = (category: LedgerCategory) => byCategory?.get(category) ?? 0;
  const inferenceRevenueUsd = total('revenue:inference');
  const trainingRevenueUsd = total('revenue:training');
  // The GPU vendor's chip sales and their cost of goods (HBM, wafers, packaging, other bill of materials).
  const chipRevenueUsd = total('revenue:chips');
  const chipCogsUsd = -(total('cost:chips:hbm') + total('cost:chips:wafers') + total('cost:chips:packaging') + total('cost:chips:other'));
  const revenueUsd = inferenceRevenueUsd + trainingRevenueUsd + chipRevenueUsd;
  const powerUsd = -(total('cost:power:ppa') + total('cost:power:spot') + total('cost:power:onsite'));
  const facilityOpexUsd = -total('cost:opex:facilities');
  const opexUsd = -total('cost:opex:chips') + facilityOpexUsd;
  const interestUsd = -total('financing:interest');
  const depreciationUsd = company.lastDepreciationUsd;
  const costOfRevenueUsd = powerUsd + opexUsd + depreciationUsd + chipCogsUsd;

  let energyAll = 0;
  let energyInference = 0;
  let inferenceChipCostsUsd = 0;
  let chips = 0;
  let throttledChips = 0;
  let trainingH100eHours = 0;
  for (const d of owned.deployments) {
    const ops = deploymentOps(state, d.id);
    energyAll += ops.energyMwh;
    chips += d.count;
    throttledChips += d.count * ops.throttle;
    trainingH100eHours += ops.soldH100eHours;
    if (d.workload !== 'training') {
      energyInference += ops.energyMwh;
      const chip = state.chips.byId[d.chipId]!;
      inferenceChipCostsUsd += d.count * chip.unitPriceUsd * state.finance.chipOpexPerQuarterPct + (deploymentBookValue(state, d) > 0 ? d.depreciationPerQuarterUsd : 0);
    }
  }
  let tokens = 0;
  for (const tier of TIER_IDS) tokens += state.inferenceResults[tier].servedByCompany[companyId] ?? 0;
  const inferenceEnergyShare = energyAll > 0 ? energyInference / energyAll : 0;
  let facilityDepreciationUsd = 0;
  for (const f of owned.facilities) {
    if (f.status === 'ready' && f.readyTurn <= state.turn && facilityBookValue(state, f) > 0) facilityDepreciationUsd += f.capexUsd / FACILITY_LIFE_QUARTERS;
  }
  const inferenceCostUsd = inferenceChipCostsUsd + (powerUsd + facilityOpexUsd + facilityDepreciationUsd) * inferenceEnergyShare;

  const previous = state.history[state.history.length - 1]?.companies[companyId];
  const growth = previous && previous.revenueUsd > 0 ? revenueUsd / previous.revenueUsd - 1 : 0;
  const ebitdaUsd = revenueUsd - powerUsd - opexUsd - chipCogsUsd - revenueSharePaidUsd;
  return {
    cashUsd: company.cashUsd,
    revenueUsd,
    inferenceRevenueUsd,
    trainingRevenueUsd,
    chipRevenueUsd,
    costOfRevenueUsd,
    grossMarginPct: revenueUsd > 0 ? round4((revenueUsd - costOfRevenueUsd) / revenueUsd) : 0,
    ebitdaUsd,
    netIncomeUsd: revenueUsd - costOfRevenueUsd - interestUsd - revenueSharePaidUsd,
    depreciationUsd,
    revenueSharePaidUsd,
    debtUsd: owned.debtUsd,
    enterpriseValueUsd: enterpriseValueOf(bookValuesOf(state, companyId, owned.deployments, owned.facilities), company.cashUsd, owned.debtUsd, ebitdaUsd, growth),
    inferenceTokens: Math.round(tokens),
    // Unrounded, so the shares of all companies sum to at most 1; the UI rounds for display.
    inferenceShare: servedAll > 0 ? tokens / servedAll : 0,
    costPerMTokUsd: tokens > 0 ? significant4(inferenceCostUsd / (tokens / TOKENS_PER_MTOK)) : 0,
    joulesPerToken: tokens > 0 ? significant4((energyInference * JOULES_PER_MWH) / tokens) : 0,
    chipsDeployed: chips,
    powerDrawMw: Math.round((energyAll / HOURS_PER_QUARTER) * 100) / 100,
    throttledPct: chips > 0 ? round4(throttledChips / chips) : 0,
    trainingH100eHours: Math.round(trainingH100eHours),
  };
}

/** Four significant digits (cost per token and J/token fall by orders of magnitude over a game). */
function significant4(x: number): number {
  if (x === 0) return 0;
  let scale = 1;
  const a = Math.abs(x);
  while (a * scale < 1000) scale *= 10;
  while (a * scale >= 10000) scale /= 10;
  return Math.round(x * scale) / scale;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
