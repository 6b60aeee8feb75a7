import { describe, expect, it } from 'vitest';
import { COVENANT_MAX_NET_DEBT_TO_EBITDA, COVENANT_PENALTY_RATE, annuityPaymentUsd, breaksLeverageCovenant, newLoan } from '../../../engine/finance';
import type { GameState, LedgerEntry } from '../../../engine/state';
import { runCovenants, quarterEbitdaByCompany } from '../../../engine/systems/covenants';
import { runFinance } from '../../../engine/systems/finance';
import { insertRow } from '../../../engine/table';
import { accept } from '../support/commands';
import { PLAYER, clearAssets, edit, newGame, runSystem } from '../support/game';

const LOAN = 'loan-cov';

/** The player alone with one $100M loan, $10M of cash, and a quarter whose ledger gives the EBITDA asked for. */
function withLoan(ebitdaQuarterUsd: number, cashUsd = 10_000_000): GameState {
  return edit(newGame(), (d) => {
    clearAssets(d);
    insertRow(d.loans, newLoan(LOAN, PLAYER, 100_000_000, 0.12, 12, 0));
    d.companies.byId[PLAYER]!.cashUsd = cashUsd;
    d.ledger = quarter(ebitdaQuarterUsd);
  });
}

/** A quarter's ledger: revenue − power = the EBITDA asked for. */
function quarter(ebitdaQuarterUsd: number): LedgerEntry[] {
  return [
    { companyId: PLAYER, category: 'revenue:inference', sourceId: 'mid', amountUsd: 50_000_000, memo: 'test' },
    { companyId: PLAYER, category: 'cost:power:spot', sourceId: 'quebec', amountUsd: ebitdaQuarterUsd - 50_000_000, memo: 'test' },
  ];
}

/** Runs the covenant test for one more quarter with the same figures. */
function nextQuarter(state: GameState, ebitdaQuarterUsd: number): GameState {
  return runSystem(edit(state, (d) => {
    d.ledger = quarter(ebitdaQuarterUsd);
    d.report = [];
  }), runCovenants);
}

const loanOf = (s: GameState) => s.loans.byId[LOAN]!;

describe('breaksLeverageCovenant', () => {
  it('allows net debt up to 4× annualized EBITDA, never breaks without net debt, always breaks with it and no EBITDA', () => {
    expect(COVENANT_MAX_NET_DEBT_TO_EBITDA).toBe(4);
    expect(breaksLeverageCovenant(160, 10, 4)).toBe(false); // 160 = 4 × (4 × 10)
    expect(breaksLeverageCovenant(161, 10, 4)).toBe(true);
    expect(breaksLeverageCovenant(0, -10, 4)).toBe(false);
    expect(breaksLeverageCovenant(-5, 0, 4)).toBe(false);
    expect(breaksLeverageCovenant(1, 0, 4)).toBe(true);
    expect(breaksLeverageCovenant(1, -10, 4)).toBe(true);
  });
});

describe('runCovenants', () => {
  // Net debt $90M; EBITDA $5M a quarter = $20M a year → 4.5×, over the 4× limit.
  const breaching = 5_000_000;
  // EBITDA $10M a quarter = $40M a year → 2.25×.
  const healthy = 10_000_000;

  it('a first breach is a warning in the turn report and costs nothing yet', () => {
    const state = withLoan(breaching);
    const after = runSystem(state, runCovenants);
    expect(loanOf(after).covenantBreaches).toBe(1);
    expect(loanOf(after).annualRate).toBe(0.12);
    expect(loanOf(after).paymentUsd).toBe(loanOf(state).paymentUsd);
    expect(after.ledger).toEqual(state.ledger);
    const warning = after.report.find((r) => r.companyId === PLAYER && r.kind === 'finance')!;
    expect(warning.text).toMatch(/^Covenant warning: net debt \$90\.0M is 4\.5× annualized EBITDA of \$20\.0M \(limit 4\.0×\)/);
    expect(warning.text).toContain('lenders add 3 points to their rate');
  });

  it('a second consecutive breach raises the rate by 3 points for the rest of the term, once', () => {
    const first = runSystem(withLoan(breaching), runCovenants);
    const second = nextQuarter(first, breaching);
    const loan = loanOf(second);
    expect(loan.covenantBreaches).toBe(2);
    expect(loan.covenantPenaltyApplied).toBe(true);
    expect(loan.annualRate).toBeCloseTo(0.12 + COVENANT_PENALTY_RATE, 12);
    expect(loan.paymentUsd).toBe(annuityPaymentUsd(loan.balanceUsd, loan.annualRate, loan.paymentsLeft));
    expect(loan.paymentUsd).toBeGreaterThan(loanOf(first).paymentUsd);
    expect(second.report.map((r) => r.text)).toContainEqual(expect.stringMatching(/^Covenant breached a second quarter running .*lenders raised the rate by 3 points for the rest of the term — loan-cov 12\.0% → 15\.0%/));
    // A third breach in a row adds nothing more; the report says the penalty stays.
    const third = nextQuarter(second, breaching);
    expect(loanOf(third).annualRate).toBe(loan.annualRate);
    expect(loanOf(third).covenantBreaches).toBe(3);
    expect(third.report.map((r) => r.text)).toContainEqual(expect.stringMatching(/Still in breach of covenant on 1 loan/));
  });

  it('a quarter within the covenant clears the count, so a later single breach is only a warning again', () => {
    const first = runSystem(withLoan(breaching), runCovenants);
    const cured = nextQuarter(first, healthy);
    expect(loanOf(cured).covenantBreaches).toBe(0);
    expect(cured.report.map((r) => r.text)).toContainEqual(expect.stringMatching(/^Back within covenant on 1 loan/));
    const again = nextQuarter(cured, breaching);
    expect(loanOf(again).covenantBreaches).toBe(1);
    expect(loanOf(again).annualRate).toBe(0.12);
  });

  it('net debt with negative EBITDA breaks it; cash above the debt never does', () => {
    const losing = runSystem(withLoan(-1_000_000), runCovenants);
    expect(loanOf(losing).covenantBreaches).toBe(1);
    expect(losing.report[0]!.text).toMatch(/net debt \$90\.0M against annualized EBITDA of -\$4\.0M/);
    const rich = runSystem(withLoan(-1_000_000, 200_000_000), runCovenants);
    expect(loanOf(rich).covenantBreaches).toBe(0);
    expect(rich.report).toEqual([]);
  });

  it('counts revenue shares paid to partners against EBITDA, but not partner funding received', () => {
    const state = edit(withLoan(healthy), (d) => {
      d.ledger.push({ companyId: PLAYER, category: 'financing:revenueShare', sourceId: 'deal-1', amountUsd: -6_000_000, memo: 'paid' });
      d.ledger.push({ companyId: PLAYER, category: 'financing:revenueShare', sourceId: 'deal-2', amountUsd: 300_000_000, memo: 'funding' });
    });
    // $4M a quarter = $16M a year against $90M of net debt: 5.6×, a breach the partner's share caused.
    expect(quarterEbitdaByCompany(state)[PLAYER]).toBe(healthy - 6_000_000);
    expect(loanOf(runSystem(state, runCovenants)).covenantBreaches).toBe(1);
  });

  it('leaves bankrupt companies and companies without loans alone', () => {
    const bankrupt = edit(withLoan(breaching), (d) => {
      d.companies.byId[PLAYER]!.bankrupt = true;
    });
    expect(loanOf(runSystem(bankrupt, runCovenants)).covenantBreaches).toBe(0);
    const none = edit(newGame(), (d) => clearAssets(d));
    expect(runSystem(none, runCovenants)).toBe(none);
  });

  it('every loan carries the covenant: the scenario’s starting loans, borrowed ones and emergency credit', () => {
    const covenant = { covenantMaxNetDebtToEbitda: 4, covenantBreaches: 0, covenantPenaltyApplied: false };
    const state = newGame();
    expect(state.loans.ids.length).toBeGreaterThan(0);
    for (const id of state.loans.ids) expect(state.loans.byId[id]).toMatchObject(covenant);
    const borrowed = accept(state, { type: 'finance/borrow', amountUsd: 5_000_000, termQuarters: 8 }).state;
    const emergency = runSystem(edit(borrowed, (d) => { d.companies.byId[PLAYER]!.cashUsd = -1_000_000; }), runFinance);
    const mine = emergency.loans.ids.filter((id) => emergency.loans.byId[id]!.companyId === PLAYER);
    expect(mine).toHaveLength(2);
    for (const id of mine) expect(emergency.loans.byId[id]).toMatchObject(covenant);
  });
});
