import { describe, expect, it } from 'vitest';
import { endTurn, type GameState } from '../../../engine/index';
import { irrQuarterly, presentValue, quarterlyFromAnnual } from '../../../engine/irr';
import { facilityRevenueUsd } from '../../../engine/revenueShare';
import { runRevenueShares } from '../../../engine/systems/revenueShares';
import { accept } from '../support/commands';
import { PLAYER, addContract, addDeployment, addFacility, edit, entries, newGame, runSystem, sumLedger } from '../support/game';

/** The player runs 20 mid replicas of LPUs in a 20 MW Saudi hall that the partner then buys into at 70% / 14% / 5%. */
function dealGame(seed = 3): { state: GameState; dealId: string; facilityId: string } {
  let facilityId = '';
  const base = edit(newGame(seed), (d) => {
    facilityId = addFacility(d, PLAYER, 'saudi', 20);
    addDeployment(d, facilityId, 'lpu-v1', 544 * 20, 'mid');
    addContract(d, PLAYER, 'saudi', 3, 40);
    // The other SRAM start-up stays out of the market here, so the deal's arithmetic (not the competition) is tested.
    const rival = d.companies.byId['cerulean'];
    if (rival) {
      rival.policy = null;
      rival.pricesPerMTokUsd = { small: 0, mid: 0, frontier: 0 };
    }
  });
  const { state } = accept(base, { type: 'finance/revenueShareDeal', facilityId, partnerSharePct: 0.7, hurdleIrr: 0.14, upsideSharePct: 0.05 });
  return { state, dealId: state.deals.ids[0]!, facilityId };
}

describe('runRevenueShares over a played game', () => {
  it('pays the partner its share of the facility’s revenue each quarter, flips to the upside share when its IRR reaches the hurdle, and reports both', () => {
    let { state } = dealGame();
    const { dealId, facilityId } = dealGame();
    const q = quarterlyFromAnnual(0.14);
    let flippedAt = 0;
    for (let turn = 1; turn <= 16 && !state.outcome; turn++) {
      const before = state.deals.byId[dealId]!;
      const cashBefore = state.companies.byId[PLAYER]!.cashUsd - sumLedger(state.ledger, PLAYER);
      state = endTurn(state);
      const deal = state.deals.byId[dealId]!;
      const quarter = { ...state, ledger: state.lastLedger };
      const revenue = facilityRevenueUsd(quarter, new Set([PLAYER]))[facilityId] ?? 0;
      // One ledger entry per deal and quarter, source = the deal, equal to what the deal records.
      const paid = entries(state.lastLedger, PLAYER, 'financing:revenueShare').filter((e) => e.sourceId === dealId && e.amountUsd <= 0);
      expect(paid.length).toBeLessThanOrEqual(1);
      expect(-(paid[0]?.amountUsd ?? 0)).toBe(deal.lastPaymentUsd);
      expect(deal.lastRevenueUsd).toBe(Math.round(revenue));
      expect(deal.flows).toEqual([...before.flows, deal.lastPaymentUsd]);
      // Money is conserved: the player's cash moved by exactly the quarter's ledger.
      expect(state.companies.byId[PLAYER]!.cashUsd - cashBefore).toBe(sumLedger(state.lastLedger, PLAYER));
      const line = state.report.find((r) => r.companyId === PLAYER && r.kind === 'finance' && r.text.includes('Kingdom Compute Fund'));
      expect(line, `turn ${turn} report`).toBeDefined();
      if (before.phase === 'upside') {
        expect(deal.lastPaymentUsd).toBe(Math.round(revenue * 0.05));
        expect(line!.text).toContain('upside share 5%');
      } else if (deal.phase === 'upside') {
        flippedAt = turn;
        expect(deal.flippedTurn).toBe(state.turn);
        expect(deal.lastPaymentUsd).toBeLessThan(Math.round(revenue * 0.7));
        expect(irrQuarterly(deal.flows)!).toBeGreaterThanOrEqual(q);
        expect(deal.irrAnnual!).toBeGreaterThanOrEqual(0.14);
        expect(line!.text).toMatch(/reached its 14\.0%\/yr hurdle .* From now on it takes 5% of the facility's revenue instead of 70%/);
      } else {
        expect(deal.lastPaymentUsd).toBe(Math.round(revenue * 0.7));
        expect(presentValue(deal.flows, q)).toBeLessThan(0);
        expect(line!.text).toMatch(/took 70% of .* against its 14\.0% hurdle/);
      }
    }
    expect(flippedAt, 'the deal should reach its hurdle within 16 quarters').toBeGreaterThan(1);
  });

  it('books the partner share as a cost in EBITDA and net income, and the funding as no income at all', () => {
    const { state, dealId } = dealGame();
    const after = endTurn(state);
    const m = after.history.at(-1)!.companies[PLAYER]!;
    const paid = after.deals.byId[dealId]!.lastPaymentUsd;
    expect(paid).toBeGreaterThan(0);
    expect(m.revenueSharePaidUsd).toBe(paid);
    const revenue = sumLedger(after.lastLedger, PLAYER, 'revenue:');
    const costs = -sumLedger(after.lastLedger, PLAYER, 'cost:');
    expect(m.ebitdaUsd).toBe(revenue - costs - paid);
    expect(m.netIncomeUsd).toBe(revenue - costs - m.depreciationUsd + sumLedger(after.lastLedger, PLAYER, 'financing:interest') - paid);
  });

  it('a facility still being built earns nothing: no payment, and the report says what the partner is owed by now', () => {
    const built = accept(newGame(), {
      type: 'finance/revenueShareDeal', build: { siteId: 'saudi', capacityMw: 30, shell: 'retrofit' }, partnerSharePct: 0.7, hurdleIrr: 0.14, upsideSharePct: 0.05,
    }).state;
    const after = runSystem(built, runRevenueShares);
    const deal = after.deals.byId[after.deals.ids[0]!]!;
    expect(deal.flows).toEqual([-234_000_000, 0]);
    expect(deal.irrAnnual).toBeNull();
    expect(entries(after.ledger, PLAYER, 'financing:revenueShare').map((e) => e.amountUsd)).toEqual([234_000_000]);
    expect(after.report.at(-1)!.text).toMatch(/no revenue this quarter; at its 14\.0% hurdle it is now owed \$241\.8M on the \$234\.0M it paid/);
  });

  it('does nothing when there are no deals', () => {
    const state = newGame();
    expect(runSystem(state, runRevenueShares)).toBe(state);
  });
});
