import { describe, expect, it } from 'vitest';
import { applyCommand, endTurn, playerStrategy, PLAYER_STRATEGIES, type CompanyMetrics, type GameState } from '../../../engine/index';
import { borrowingCapacityUsd } from '../../../engine/finance';
import { requiredHurdleIrr } from '../../../engine/revenueShare';
import { PLAYER, edit, newGame } from '../support/game';

/** Plays a strategy for the player; returns the final state and every accepted command. */
function play(name: string, seed: number, turns: number): { state: GameState; accepted: { turn: number; type: string; command: unknown }[] } {
  const strategy = playerStrategy(name)!;
  let state = edit(newGame(seed), (d) => {
    d.victory = d.victory.filter((c) => c.atTurn === undefined);
  });
  const accepted: { turn: number; type: string; command: unknown }[] = [];
  while (!state.outcome && state.turn < turns) {
    for (const command of strategy(state, PLAYER, () => 0.5)) {
      const result = applyCommand(state, command);
      if (result.ok) {
        state = result.state;
        accepted.push({ turn: state.turn, type: command.type, command });
      }
    }
    state = endTurn(state);
  }
  return { state, accepted };
}

describe('the kingdom strategy', () => {
  it('has the Gulf partner fund its first big build, at the lowest hurdle the partner accepts', () => {
    const state = newGame();
    const commands = playerStrategy('kingdom')!(state, PLAYER, () => 0.5);
    const deal = commands.find((c) => c.type === 'finance/revenueShareDeal');
    expect(deal).toBeDefined();
    if (deal?.type !== 'finance/revenueShareDeal') return;
    expect(deal.build).toBeDefined();
    expect(state.regions.byId[state.sites.byId[deal.build!.siteId]!.regionId]!.id).toBe('mea');
    expect(deal.hurdleIrr).toBe(requiredHurdleIrr(state.finance.revenueSharePartner!, deal.partnerSharePct, deal.upsideSharePct));
    expect(commands.some((c) => c.type === 'site/build')).toBe(false);
    expect(applyCommand(state, deal).ok).toBe(true);
  });

  it('over a game, signs several deals within the partner’s commitment, and at least one reaches its hurdle and flips', () => {
    const { state, accepted } = play('kingdom', 17, 28);
    const deals = accepted.filter((a) => a.type === 'finance/revenueShareDeal');
    expect(deals.length).toBeGreaterThan(1);
    let funded = 0;
    for (const id of state.deals.ids) funded += state.deals.byId[id]!.fundedUsd;
    expect(funded).toBeLessThanOrEqual(state.finance.revenueSharePartner!.commitmentUsd);
    expect(state.deals.ids.some((id) => state.deals.byId[id]!.phase === 'upside')).toBe(true);
    expect(state.turn).toBe(28);
  });

  it('is the only built-in strategy that signs revenue-share deals', () => {
    for (const name of Object.keys(PLAYER_STRATEGIES)) {
      if (name === 'kingdom') continue;
      expect(PLAYER_STRATEGIES[name]!.params.partnerDeal, name).toBeUndefined();
    }
  });
});

describe('growth: borrowing within the covenant', () => {
  const ZERO: CompanyMetrics = {
    cashUsd: 0, revenueUsd: 0, inferenceRevenueUsd: 0, trainingRevenueUsd: 0, chipRevenueUsd: 0, costOfRevenueUsd: 0, grossMarginPct: 0, ebitdaUsd: 0,
    netIncomeUsd: 0, depreciationUsd: 0, revenueSharePaidUsd: 0, debtUsd: 0, enterpriseValueUsd: 0, inferenceTokens: 0, inferenceShare: 0,
    costPerMTokUsd: 0, joulesPerToken: 0, chipsDeployed: 0, powerDrawMw: 0, throttledPct: 0, trainingH100eHours: 0,
  };

  /** What inference-first borrows with $1M of cash after a quarter with this EBITDA (0 if it does not borrow). */
  function borrowedAfter(ebitdaUsd: number): number {
    const state = edit(newGame(), (d) => {
      d.companies.byId[PLAYER]!.cashUsd = 1_000_000;
      d.history.push({
        turn: 1, companies: { [PLAYER]: { ...ZERO, ebitdaUsd } },
        world: { inferenceDemandTokens: 0, inferenceServedTokens: 0, trainingDemandH100eHours: 0, trainingPriceUsdPerHour: 0, midRefPricePerMTokUsd: 0, sentiment: 1 },
      });
      d.turn = 1;
    });
    const borrow = playerStrategy('inference-first')!(state, PLAYER, () => 0.5).find((c) => c.type === 'finance/borrow');
    return borrow?.type === 'finance/borrow' ? borrow.amountUsd : 0;
  }

  it('with no EBITDA borrows only the cash reserve it will keep (net debt stays ≤ 0); with earnings, up to the collateral', () => {
    const none = borrowedAfter(0);
    const earning = borrowedAfter(10_000_000);
    expect(none).toBeGreaterThan(0);
    // The reserve floor: 1.5 quarters of at least $5M of fixed costs.
    expect(none).toBeLessThanOrEqual(7_500_000);
    expect(earning).toBeGreaterThan(none);
    expect(earning).toBe(borrowingCapacityUsd(newGame(), PLAYER));
  });
});
