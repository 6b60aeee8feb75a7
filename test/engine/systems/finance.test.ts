import { describe, expect, it } from 'vitest';
import { borrowingCapacityUsd, newLoan } from '../../../engine/finance';
import { insertRow } from '../../../engine/table';
import { runFinance } from '../../../engine/systems/finance';
import type { GameState } from '../../../engine/state';
import { NEOCLOUD, PLAYER, clearAssets, edit, entries, newGame, playerDeployment, playerFacility, runSystem } from '../support/game';
import { deploymentBookValue, facilityBookValue, setDeploymentBookValue, setFacilityBookValue } from '../../../engine/bookValue';

/** The neocloud's starting loan, with cash enough to service it to the end. */
function loanState(): { state: GameState; loanId: string } {
  const state = edit(newGame(), (d) => {
    for (const id of d.companies.ids) d.companies.byId[id]!.cashUsd = 1e11;
  });
  const loanId = state.loans.ids.find((id) => state.loans.byId[id]!.companyId === NEOCLOUD)!;
  return { state, loanId };
}

describe('runFinance: debt service', () => {
  it('charges interest on the balance and amortizes the rest of the fixed payment', () => {
    const { state, loanId } = loanState();
    const loan = state.loans.byId[loanId]!;
    const after = runSystem(state, runFinance);
    const interest = Math.round((loan.balanceUsd * loan.annualRate) / 4);
    const [i] = entries(after.ledger, NEOCLOUD, 'financing:interest');
    const [p] = entries(after.ledger, NEOCLOUD, 'financing:principal');
    expect(i!.amountUsd).toBe(-interest);
    expect(p!.amountUsd).toBe(-(loan.paymentUsd - interest));
    expect(after.loans.byId[loanId]!.balanceUsd).toBe(loan.balanceUsd - (loan.paymentUsd - interest));
  });

  it('each quarter reduces the balance, and the loan is repaid and removed after exactly its term', () => {
    const { state, loanId } = loanState();
    const loan = state.loans.byId[loanId]!;
    let s = state;
    let principalPaid = 0;
    for (let q = 1; q <= loan.termQuarters; q++) {
      const before = s.loans.byId[loanId]!.balanceUsd;
      s = runSystem(edit(s, (d) => { d.ledger = []; }), runFinance);
      principalPaid -= entries(s.ledger, NEOCLOUD, 'financing:principal').reduce((a, e) => a + e.amountUsd, 0);
      if (q < loan.termQuarters) {
        expect(s.loans.byId[loanId]!.balanceUsd).toBeLessThan(before);
        expect(s.loans.byId[loanId]!.balanceUsd).toBeGreaterThan(0);
      }
    }
    expect(s.loans.ids).not.toContain(loanId);
    expect(principalPaid).toBe(loan.principalUsd);
  });

  // BUG: annuityPaymentUsd rounds the payment up but runFinance rounds each quarter's interest to the nearest dollar,
  // so about 2% of loans still owe a few dollars (up to ~$190 seen) after their last scheduled payment and live on a
  // quarter past their term. Found by fast-check: $9,999,990,442 at 18% over 19 quarters leaves $2.
  it('a loan is fully repaid by its last scheduled payment', () => {
    const state = edit(newGame(), (d) => {
      clearAssets(d);
      d.companies.byId[PLAYER]!.cashUsd = 1e12;
      insertRow(d.loans, newLoan('loan-test', PLAYER, 9_999_990_442, 0.18, 19, 0));
    });
    let s = state;
    for (let q = 0; q < 19; q++) s = runSystem(s, runFinance);
    expect(s.loans.byId['loan-test']?.balanceUsd ?? 0).toBe(0);
  });
});

describe('runFinance: depreciation', () => {
  it('is non-cash: book values fall, no ledger entry, and lastDepreciationUsd reports the total', () => {
    const state = newGame();
    const after = runSystem(edit(state, (d) => clearAssets(d, [NEOCLOUD])), runFinance);
    const dep = playerDeployment(state, 'mid');
    const fac = playerFacility(state);
    const depDrop = deploymentBookValue(state, state.deployments.byId[dep]!) - deploymentBookValue(after, after.deployments.byId[dep]!);
    const facDrop = facilityBookValue(state, state.facilities.byId[fac]!) - facilityBookValue(after, after.facilities.byId[fac]!);
    expect(depDrop).toBeCloseTo(state.deployments.byId[dep]!.depreciationPerQuarterUsd, 6);
    expect(facDrop).toBeGreaterThan(0);
    expect(entries(after.ledger, PLAYER)).toEqual([]);
    expect(after.companies.byId[PLAYER]!.cashUsd).toBe(state.companies.byId[PLAYER]!.cashUsd);
    expect(after.companies.byId[PLAYER]!.lastDepreciationUsd).toBeGreaterThan(0);
    expect(Number.isInteger(after.companies.byId[PLAYER]!.lastDepreciationUsd)).toBe(true);
  });

  it('never makes a book value negative', () => {
    let state = edit(newGame(), (d) => {
      const dep = d.deployments.byId[playerDeployment(d, 'mid')]!;
      setDeploymentBookValue(d, dep, 10);
      const fac = d.facilities.byId[playerFacility(d)]!;
      setFacilityBookValue(d, fac, 5);
    });
    for (let q = 0; q < 3; q++) state = runSystem(state, runFinance);
    expect(deploymentBookValue(state, state.deployments.byId[playerDeployment(state, 'mid')]!)).toBe(0);
    expect(facilityBookValue(state, state.facilities.byId[playerFacility(state)]!)).toBe(0);
    for (const id of state.deployments.ids) expect(deploymentBookValue(state, state.deployments.byId[id]!)).toBeGreaterThanOrEqual(0);
    for (const id of state.facilities.ids) expect(facilityBookValue(state, state.facilities.byId[id]!)).toBeGreaterThanOrEqual(0);
  });

  it('does not depreciate a facility still under construction', () => {
    const state = edit(newGame(), (d) => {
      d.facilities.byId[playerFacility(d)]!.status = 'building';
    });
    const after = runSystem(state, runFinance);
    expect(facilityBookValue(after, after.facilities.byId[playerFacility(after)]!)).toBe(facilityBookValue(state, state.facilities.byId[playerFacility(state)]!));
  });
});

describe('runFinance: cash shortfalls', () => {
  it('advances emergency credit when collateral allows: cash back to zero, a new loan, a report line', () => {
    const state = edit(newGame(), (d) => {
      d.companies.byId[PLAYER]!.cashUsd = -1_000_000;
    });
    expect(borrowingCapacityUsd(state, PLAYER)).toBeGreaterThan(1_000_000);
    const after = runSystem(state, runFinance);
    expect(after.companies.byId[PLAYER]!.cashUsd).toBe(0);
    expect(after.companies.byId[PLAYER]!.bankrupt).toBe(false);
    expect(after.outcome).toBeNull();
    const credit = entries(after.ledger, PLAYER, 'financing:loan');
    expect(credit).toHaveLength(1);
    expect(credit[0]!.amountUsd).toBe(1_000_000);
    const loan = after.loans.byId[credit[0]!.sourceId]!;
    expect(loan.balanceUsd).toBe(1_000_000);
    expect(loan.annualRate).toBeGreaterThan(state.finance.baseAnnualRate);
    expect(after.report.some((r) => r.companyId === PLAYER && r.kind === 'finance' && r.text.includes('emergency credit'))).toBe(true);
  });

  it('bankrupts the player when cash is negative and nothing is left to borrow against, naming revenue and costs', () => {
    const state = edit(newGame(), (d) => {
      clearAssets(d, [PLAYER]);
      d.companies.byId[PLAYER]!.cashUsd = -5_000_000;
      // This quarter's figures the reason must quote (entries only; cash is set above).
      d.ledger.push(
        { companyId: PLAYER, category: 'revenue:inference', sourceId: 'mid', amountUsd: 2_000_000, memo: 'test' },
        { companyId: PLAYER, category: 'cost:power:spot', sourceId: 'quebec', amountUsd: -3_000_000, memo: 'test' },
      );
    });
    expect(borrowingCapacityUsd(state, PLAYER)).toBe(0);
    const after = runSystem(state, runFinance);
    expect(after.companies.byId[PLAYER]!.bankrupt).toBe(true);
    expect(after.outcome?.result).toBe('lost');
    expect(after.outcome?.turn).toBe(state.turn + 1);
    const reason = after.outcome!.reason;
    expect(reason).toMatch(/bankrupt/i);
    expect(reason).toContain('revenue $2.0M');
    expect(reason).toContain('power $3.0M');
    expect(reason).toMatch(/opex .*debt service .*capex/);
    expect(reason).toContain('$5.0M');
    expect(after.report.some((r) => r.companyId === PLAYER && r.kind === 'finance')).toBe(true);
  });

  it('counts revenue shares paid to partners in the bankruptcy reason', () => {
    const state = edit(newGame(), (d) => {
      clearAssets(d, [PLAYER]);
      d.companies.byId[PLAYER]!.cashUsd = -5_000_000;
      d.ledger.push({ companyId: PLAYER, category: 'financing:revenueShare', sourceId: 'deal-1', amountUsd: -4_000_000, memo: 'test' });
    });
    const after = runSystem(state, runFinance);
    expect(after.outcome?.result).toBe('lost');
    expect(after.outcome!.reason).toMatch(/debt service \$0, revenue shares to partners \$4\.0M and capex/);
  });

  it('a bankrupt rival stops serving customers and the game goes on', () => {
    const state = edit(newGame(), (d) => {
      clearAssets(d, [NEOCLOUD]);
      d.companies.byId[NEOCLOUD]!.cashUsd = -1;
    });
    const after = runSystem(state, runFinance);
    expect(after.companies.byId[NEOCLOUD]!.bankrupt).toBe(true);
    expect(after.companies.byId[NEOCLOUD]!.pricesPerMTokUsd).toEqual({ small: 0, mid: 0, frontier: 0 });
    expect(after.outcome).toBeNull();
    expect(after.report.some((r) => r.kind === 'rival' && r.text.includes('Stratus'))).toBe(true);
  });

  it('leaves a company with non-negative cash alone', () => {
    const after = runSystem(edit(newGame(), (d) => clearAssets(d)), runFinance);
    expect(after.loans.ids).toEqual([]);
    expect(after.companies.ids.every((id) => !after.companies.byId[id]!.bankrupt)).toBe(true);
  });
});
