/** Finance rules shared by commands and systems: credit limits, loan payments, covenants, valuation. */
import { pow } from './math';
import type { GameState, Id, Loan } from './state';
import { deploymentBookValue, facilityBookValue } from './bookValue';

/** Every loan's covenant: net debt (loan balances − cash) at most 4× annualized EBITDA, tested each quarter end. */
export const COVENANT_MAX_NET_DEBT_TO_EBITDA = 4;
/** Added to a loan's annual rate after a second consecutive covenant breach (once per loan). */
export const COVENANT_PENALTY_RATE = 0.03;

/** A new fully amortizing loan row, with the standard covenant and no breach yet. */
export function newLoan(id: Id, companyId: Id, principalUsd: number, annualRate: number, termQuarters: number, startTurn: number): Loan {
  return {
    id, companyId, principalUsd, balanceUsd: principalUsd, annualRate, termQuarters,
    paymentUsd: annuityPaymentUsd(principalUsd, annualRate, termQuarters), paymentsLeft: termQuarters, startTurn,
    covenantMaxNetDebtToEbitda: COVENANT_MAX_NET_DEBT_TO_EBITDA, covenantBreaches: 0, covenantPenaltyApplied: false,
  };
}

/**
 * Whether net debt breaks a leverage covenant: net debt above `maxRatio` × annualized EBITDA (4 × the quarter's).
 * No net debt never breaks it; net debt with EBITDA at or below zero always does.
 */
export function breaksLeverageCovenant(netDebtUsd: number, ebitdaQuarterUsd: number, maxRatio: number): boolean {
  if (netDebtUsd <= 0) return false;
  return ebitdaQuarterUsd <= 0 || netDebtUsd > maxRatio * 4 * ebitdaQuarterUsd;
}

/** Quarterly payment of a fully amortizing loan (annuity): P·r / (1 − (1+r)^−n), r = annual rate / 4. */
export function annuityPaymentUsd(principalUsd: number, annualRate: number, termQuarters: number): number {
  const r = annualRate / 4;
  if (r === 0) return Math.ceil(principalUsd / termQuarters);
  return Math.ceil((principalUsd * r) / (1 - pow(1 + r, -termQuarters)));
}

export function debtUsd(state: GameState, companyId: Id): number {
  let total = 0;
  for (const id of state.loans.ids) {
    const loan = state.loans.byId[id]!;
    if (loan.companyId === companyId) total += loan.balanceUsd;
  }
  return total;
}

/** Book value of chips (deployed, plus inventory at cost) and of facilities. */
export function bookValues(state: GameState, companyId: Id): { chipsUsd: number; facilitiesUsd: number } {
  let chipsUsd = 0;
  let facilitiesUsd = 0;
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (d.companyId === companyId) chipsUsd += deploymentBookValue(state, d);
  }
  const company = state.companies.byId[companyId]!;
  for (const chipId of Object.keys(company.inventory).sort()) {
    chipsUsd += company.inventory[chipId]! * state.chips.byId[chipId]!.unitPriceUsd;
  }
  for (const id of state.facilities.ids) {
    const f = state.facilities.byId[id]!;
    if (f.companyId === companyId) facilitiesUsd += facilityBookValue(state, f);
  }
  return { chipsUsd, facilitiesUsd };
}

/** How much more a company can borrow: GPU/LPU-backed and facility-backed loan-to-value minus existing debt. */
export function borrowingCapacityUsd(state: GameState, companyId: Id): number {
  const { chipsUsd, facilitiesUsd } = bookValues(state, companyId);
  const limit = chipsUsd * state.finance.chipLoanToValue + facilitiesUsd * state.finance.facilityLoanToValue;
  return Math.max(0, Math.floor(limit - debtUsd(state, companyId)));
}

/**
 * Enterprise value (USD): the larger of an earnings value (annualized EBITDA × a multiple that rises with revenue
 * growth) and 60% of asset book value, plus cash minus debt. Never below zero.
 */
export function enterpriseValueUsd(
  state: GameState,
  companyId: Id,
  ebitdaQuarterUsd: number,
  revenueGrowthQoq: number,
): number {
  const multiple = 8 + Math.max(0, Math.min(12, revenueGrowthQoq * 20));
  const { chipsUsd, facilitiesUsd } = bookValues(state, companyId);
  const operating = Math.max(4 * ebitdaQuarterUsd * multiple, 0.6 * (chipsUsd + facilitiesUsd));
  const company = state.companies.byId[companyId]!;
  return Math.max(0, Math.round(operating + company.cashUsd - debtUsd(state, companyId)));
}
