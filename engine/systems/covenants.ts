/**
 * Debt covenants, tested at every quarter end after debt service and any emergency credit. Every loan requires the
 * company's net debt (loan balances − cash) to stay at most 4× annualized EBITDA (the quarter's EBITDA × 4; EBITDA =
 * revenue − power − opex − revenue shares paid to partners). The first failed test is a warning in the turn report;
 * a second consecutive one raises that loan's rate by 3 points for the rest of its term (once per loan). A passed test
 * clears the count.
 */
import { annuityPaymentUsd, breaksLeverageCovenant, COVENANT_PENALTY_RATE } from '../finance';
import { formatPct, formatUsd } from '../format';
import type { GameState, Id, Loan } from '../state';
import { editRow } from '../table';

/** "3 points" */
const PENALTY_POINTS = `${Math.round(COVENANT_PENALTY_RATE * 100)} points`;

export function runCovenants(draft: GameState): void {
  if (draft.loans.ids.length === 0) return;
  const loansOf: Record<Id, Loan[]> = {};
  // Every loan is tested and most are written (breach counts): take the writable rows up front.
  for (const id of draft.loans.ids) {
    const loan = editRow(draft.loans, id);
    (loansOf[loan.companyId] ??= []).push(loan);
  }
  const ebitda = quarterEbitdaByCompany(draft);
  for (const companyId of draft.companies.ids) {
    const loans = loansOf[companyId];
    const company = draft.companies.byId[companyId]!;
    if (!loans || company.bankrupt) continue;
    let debt = 0;
    for (const loan of loans) debt += loan.balanceUsd;
    const netDebt = debt - company.cashUsd;
    const quarterEbitda = ebitda[companyId] ?? 0;
    const position = quarterEbitda > 0
      ? `net debt ${formatUsd(netDebt)} is ${(netDebt / (4 * quarterEbitda)).toFixed(1)}× annualized EBITDA of ${formatUsd(4 * quarterEbitda)}`
      : `net debt ${formatUsd(netDebt)} against annualized EBITDA of ${formatUsd(4 * quarterEbitda)}`;
    const warned: Loan[] = [];
    const penalized: string[] = [];
    let cured = 0;
    let stillBreached = 0;
    for (const loan of loans) {
      if (!breaksLeverageCovenant(netDebt, quarterEbitda, loan.covenantMaxNetDebtToEbitda)) {
        if (loan.covenantBreaches > 0) cured++;
        loan.covenantBreaches = 0;
        continue;
      }
      loan.covenantBreaches += 1;
      if (loan.covenantBreaches === 1) warned.push(loan);
      else if (!loan.covenantPenaltyApplied) {
        const before = loan.annualRate;
        loan.annualRate = Math.round((loan.annualRate + COVENANT_PENALTY_RATE) * 1e6) / 1e6;
        loan.paymentUsd = annuityPaymentUsd(loan.balanceUsd, loan.annualRate, Math.max(1, loan.paymentsLeft));
        loan.covenantPenaltyApplied = true;
        penalized.push(`${loan.id} ${formatPct(before)} → ${formatPct(loan.annualRate)}`);
      } else stillBreached++;
    }
    const limit = loans[0]!.covenantMaxNetDebtToEbitda;
    if (warned.length > 0) {
      draft.report.push({
        companyId, kind: 'finance',
        text: `Covenant warning: ${position} (limit ${limit.toFixed(1)}×) on ${warned.length} loan(s). If next quarter's test fails too, lenders add ${PENALTY_POINTS} to their rate for the rest of the term.`,
      });
    }
    if (penalized.length > 0) {
      draft.report.push({
        companyId, kind: 'finance',
        text: `Covenant breached a second quarter running (${position}; limit ${limit.toFixed(1)}×): lenders raised the rate by ${PENALTY_POINTS} for the rest of the term — ${penalized.join(', ')}.`,
      });
    }
    if (stillBreached > 0) {
      draft.report.push({ companyId, kind: 'finance', text: `Still in breach of covenant on ${stillBreached} loan(s) (${position}); their penalty rate stays.` });
    }
    if (cured > 0) {
      draft.report.push({ companyId, kind: 'finance', text: `Back within covenant on ${cured} loan(s): net debt ${formatUsd(netDebt)} is within ${limit.toFixed(1)}× annualized EBITDA.` });
    }
  }
}

/** The quarter's EBITDA per company from the ledger: revenue − power − opex − revenue shares paid (payments only). */
export function quarterEbitdaByCompany(state: GameState): Record<Id, number> {
  const out: Record<Id, number> = {};
  for (const e of state.ledger) {
    const counts = e.category.startsWith('revenue:') || e.category.startsWith('cost:') || (e.category === 'financing:revenueShare' && e.amountUsd < 0);
    if (counts) out[e.companyId] = (out[e.companyId] ?? 0) + e.amountUsd;
  }
  return out;
}
