/** Finance rules shared by commands and systems: credit limits, loan payments, covenants, valuation. */
import { pow } from './math';
import type { Deployment, Facility, Frozen, GameState, Id, Loan } from './state';
import { rowsOf } from './table';
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

/** Book value of a company's chips (deployed, plus inventory at cost) and of its facilities. */
export interface BookValues {
  chipsUsd: number;
  facilitiesUsd: number;
}

/** A company's book values (BookValues). */
export function bookValues(state: GameState, companyId: Id): BookValues {
  return bookValuesOf(state, companyId, rowsOf(state.deployments, companyId), rowsOf(state.facilities, companyId));
}

/** `bookValues` from the company's own deployments and facilities (in id order), for a caller that has them at hand. */
export function bookValuesOf(state: GameState, companyId: Id, deployments: readonly Frozen<Deployment>[], facilities: readonly Frozen<Facility>[]): BookValues {
  let chipsUsd = 0;
  let facilitiesUsd = 0;
  for (const d of deployments) chipsUsd += deploymentBookValue(state, d);
  const company = state.companies.byId[companyId]!;
  for (const chipId of Object.keys(company.inventory).sort()) {
    chipsUsd += company.inventory[chipId]! * state.chips.byId[chipId]!.unitPriceUsd;
  }
  for (const f of facilities) facilitiesUsd += facilityBookValue(state, f);
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
  return enterpriseValueOf(bookValues(state, companyId), state.companies.byId[companyId]!.cashUsd, debtUsd(state, companyId), ebitdaQuarterUsd, revenueGrowthQoq);
}

/** `enterpriseValueUsd` from a company's book values, cash and debt, for a caller that has them at hand. */
export function enterpriseValueOf(books: BookValues, cashUsd: number, debtUsd: number, ebitdaQuarterUsd: number, revenueGrowthQoq: number): number {
  const multiple = 8 + Math.max(0, Math.min(12, revenueGrowthQoq * 20));
  const operating = Math.max(4 * ebitdaQuarterUsd * multiple, 0.6 * (books.chipsUsd + books.facilitiesUsd));
  return Math.max(0, Math.round(operating + cashUsd - debtUsd));
}
