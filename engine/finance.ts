/** Finance rules shared by commands and systems: credit limits, loan payments, valuation. */
import { pow } from './math';
import type { GameState, Id } from './state';

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
    if (d.companyId === companyId) chipsUsd += d.bookValueUsd;
  }
  const company = state.companies.byId[companyId]!;
  for (const chipId of Object.keys(company.inventory).sort()) {
    chipsUsd += company.inventory[chipId]! * state.chips.byId[chipId]!.unitPriceUsd;
  }
  for (const id of state.facilities.ids) {
    const f = state.facilities.byId[id]!;
    if (f.companyId === companyId) facilitiesUsd += f.bookValueUsd;
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
