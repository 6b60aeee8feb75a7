/**
 * Finance: debt service (interest and amortization), depreciation of chips and buildings (non-cash), and the
 * end of the road — emergency credit if the collateral allows, otherwise bankruptcy with the reasons spelled out.
 * Revenue shares (systems/revenueShares.ts) are paid before this runs, so a shortfall counts them; covenants are
 * tested after it (systems/covenants.ts).
 */
import { borrowingCapacityUsd, newLoan } from '../finance';
import { formatUsd } from '../format';
import { newId } from '../ids';
import { postLedger, sumLedger } from '../ledger';
import { currentQuarter, quarterLabel } from '../quarter';
import { editRow, insertRow, removeRow } from '../table';
import type { GameState, Id } from '../state';
import { deploymentBookValue, facilityBookValue } from '../bookValue';

/** Extra annual rate on emergency credit drawn to avoid a cash shortfall. */
const EMERGENCY_RATE_PREMIUM = 0.05;

export function runFinance(draft: GameState): void {
  for (const id of [...draft.loans.ids]) {
    const loan = editRow(draft.loans, id);
    const interest = Math.round((loan.balanceUsd * loan.annualRate) / 4);
    // The last scheduled payment clears whatever rounding left over.
    loan.paymentsLeft -= 1;
    const last = loan.paymentsLeft <= 0;
    const principal = last ? loan.balanceUsd : Math.min(loan.balanceUsd, Math.max(0, loan.paymentUsd - interest));
    postLedger(draft, loan.companyId, 'financing:interest', loan.id, -interest, () => `interest at ${(loan.annualRate * 100).toFixed(1)}%/yr`);
    postLedger(draft, loan.companyId, 'financing:principal', loan.id, -principal, 'scheduled amortization');
    loan.balanceUsd -= principal;
    if (loan.balanceUsd <= 0) removeRow(draft.loans, id);
  }
  // Book values are derived from the depreciation clock: this quarter's depreciation is the fall in value as the
  // clock advances by one quarter; no asset row is written.
  const depreciation: Record<Id, number> = {};
  for (const companyId of draft.companies.ids) depreciation[companyId] = 0;
  const before = draft.depreciatedQuarters;
  for (const id of draft.deployments.ids) {
    const d = draft.deployments.byId[id]!;
    depreciation[d.companyId]! += deploymentBookValue(draft, d, before) - deploymentBookValue(draft, d, before + 1);
  }
  for (const id of draft.facilities.ids) {
    const f = draft.facilities.byId[id]!;
    depreciation[f.companyId]! += facilityBookValue(draft, f, before) - facilityBookValue(draft, f, before + 1);
  }
  draft.depreciatedQuarters = before + 1;
  for (const companyId of draft.companies.ids) {
    const company = draft.companies.byId[companyId]!;
    const amount = Math.round(depreciation[companyId]!);
    if (company.lastDepreciationUsd !== amount) editRow(draft.companies, companyId).lastDepreciationUsd = amount;
    if (company.cashUsd < 0 && !company.bankrupt) coverShortfall(draft, companyId);
  }
}

function coverShortfall(draft: GameState, companyId: Id): void {
  const company = editRow(draft.companies, companyId);
  const shortfall = -company.cashUsd;
  const capacity = borrowingCapacityUsd(draft, companyId);
  if (capacity >= shortfall) {
    const rate = draft.finance.baseAnnualRate + EMERGENCY_RATE_PREMIUM;
    const id = newId(draft, 'loan');
    insertRow(draft.loans, newLoan(id, companyId, shortfall, rate, 8, draft.turn));
    postLedger(draft, companyId, 'financing:loan', id, shortfall, 'emergency credit to cover a cash shortfall');
    draft.report.push({ companyId, kind: 'finance', text: `Cash fell short by ${formatUsd(shortfall)}; lenders advanced emergency credit at ${(rate * 100).toFixed(1)}%/yr.` });
    return;
  }
  company.bankrupt = true;
  const revenue = sumLedger(draft.ledger, companyId, 'revenue:');
  const power = -sumLedger(draft.ledger, companyId, 'cost:power:');
  const opex = -sumLedger(draft.ledger, companyId, 'cost:opex:');
  const debt = -sumLedger(draft.ledger, companyId, 'financing:interest') - sumLedger(draft.ledger, companyId, 'financing:principal');
  const capex = -sumLedger(draft.ledger, companyId, 'capex:');
  let partnerShare = 0;
  for (const e of draft.ledger) if (e.companyId === companyId && e.category === 'financing:revenueShare' && e.amountUsd < 0) partnerShare -= e.amountUsd;
  const shares = partnerShare > 0 ? `, revenue shares to partners ${formatUsd(partnerShare)}` : '';
  const reason = `${company.name} ran out of cash in ${quarterLabel(currentQuarter(draft))}: revenue ${formatUsd(revenue)} against power ${formatUsd(power)}, opex ${formatUsd(opex)}, debt service ${formatUsd(debt)}${shares} and capex ${formatUsd(capex)}, leaving a ${formatUsd(shortfall)} hole that lenders (${formatUsd(capacity)} of collateral headroom) would not cover.`;
  draft.report.push({ companyId, kind: 'finance', text: reason });
  if (company.isPlayer) draft.outcome = { result: 'lost', turn: draft.turn + 1, reason: `Bankrupt. ${reason}` };
  else {
    company.pricesPerMTokUsd = { small: 0, mid: 0, frontier: 0 };
    draft.report.push({ companyId: null, kind: 'rival', text: `${company.name} has gone bankrupt and stops serving customers.` });
  }
}
