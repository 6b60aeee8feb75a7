import { describe, expect, it } from 'vitest';
import { runOutcome } from '../../../engine/systems/outcome';
import type { CompanyMetrics, GameState } from '../../../engine/state';
import { PLAYER, edit, newGame, runSystem } from '../support/game';

const BASE: CompanyMetrics = {
  cashUsd: 0, revenueUsd: 0, inferenceRevenueUsd: 0, trainingRevenueUsd: 0, chipRevenueUsd: 0, costOfRevenueUsd: 0, grossMarginPct: 0,
  ebitdaUsd: 0, netIncomeUsd: 0, depreciationUsd: 0, revenueSharePaidUsd: 0, debtUsd: 0, enterpriseValueUsd: 0, inferenceTokens: 0, inferenceShare: 0,
  costPerMTokUsd: 0, joulesPerToken: 0, chipsDeployed: 0, powerDrawMw: 0, throttledPct: 0, trainingH100eHours: 0,
};

/** The state after `completed` turns with the player's last metrics record set to `metrics`. */
function after(completed: number, metrics: Partial<CompanyMetrics>): GameState {
  return edit(newGame(), (d) => {
    d.turn = completed - 1; // runOutcome runs inside the endTurn that completes this turn
    d.history.push({
      turn: completed,
      companies: { [PLAYER]: { ...BASE, ...metrics } },
      world: { inferenceDemandTokens: 0, inferenceServedTokens: 0, trainingDemandH100eHours: 0, trainingPriceUsdPerHour: 0, midRefPricePerMTokUsd: 0, sentiment: 1 },
    });
  });
}

function milestone(state: GameState) {
  const c = state.victory.find((v) => v.atTurn !== undefined);
  if (!c) throw new Error('scenario has no milestone');
  return c;
}

const WINNING: Partial<CompanyMetrics> = { chipsDeployed: 50_000, inferenceShare: 0.25, enterpriseValueUsd: 20e9 };

describe('runOutcome', () => {
  it('a missed milestone on its turn loses the game, naming the milestone and the figure', () => {
    const m = milestone(newGame());
    const state = after(m.atTurn!, { chipsDeployed: 614 });
    const result = runSystem(state, runOutcome);
    expect(result.outcome?.result).toBe('lost');
    expect(result.outcome?.turn).toBe(m.atTurn);
    expect(result.outcome?.reason).toContain(m.label);
    expect(result.outcome?.reason).toContain('614');
    expect(result.report.at(-1)).toMatchObject({ kind: 'outcome', companyId: PLAYER });
  });

  it('a milestone met on its turn lets the game go on', () => {
    const m = milestone(newGame());
    const result = runSystem(after(m.atTurn!, { chipsDeployed: m.value }), runOutcome);
    expect(result.outcome).toBeNull();
  });

  it('a milestone is not judged before its turn', () => {
    const m = milestone(newGame());
    const result = runSystem(after(m.atTurn! - 1, { chipsDeployed: 0 }), runOutcome);
    expect(result.outcome).toBeNull();
  });

  it('wins at the end when every final condition holds', () => {
    const state = after(newGame().lengthTurns, WINNING);
    const result = runSystem(state, runOutcome);
    expect(result.outcome?.result).toBe('won');
    expect(result.outcome?.turn).toBe(state.lengthTurns);
    for (const c of state.victory.filter((v) => v.atTurn === undefined)) expect(result.outcome?.reason).toContain(c.label);
  });

  it('loses at the end when any final condition is missed, naming only the missed ones', () => {
    const state = after(newGame().lengthTurns, { ...WINNING, inferenceShare: 0.05 });
    const result = runSystem(state, runOutcome);
    expect(result.outcome?.result).toBe('lost');
    expect(result.outcome?.reason).toMatch(/^Time is up/);
    expect(result.outcome?.reason).toContain('10%');
    expect(result.outcome?.reason).not.toContain('Enterprise value');
  });

  it('does not end the game before the last turn even if the final conditions already hold', () => {
    const result = runSystem(after(10, WINNING), runOutcome);
    expect(result.outcome).toBeNull();
  });

  it('a defeat condition that holds ends the game', () => {
    const state = edit(after(6, WINNING), (d) => {
      d.defeat = [{ metric: 'cashUsd', op: '<=', value: 1_000_000, label: 'Cash below $1M' }];
    });
    const result = runSystem(state, runOutcome);
    expect(result.outcome).toMatchObject({ result: 'lost', turn: 6 });
    expect(result.outcome?.reason).toContain('Cash below $1M');
  });

  it('never overwrites an outcome already decided this turn (e.g. bankruptcy)', () => {
    const state = edit(after(newGame().lengthTurns, WINNING), (d) => {
      d.outcome = { result: 'lost', turn: d.turn + 1, reason: 'Bankrupt.' };
    });
    expect(runSystem(state, runOutcome).outcome?.reason).toBe('Bankrupt.');
  });
});
