import { describe, expect, it } from 'vitest';
import { findBuiltInScenario } from '../../engine';
import { BALANCE_WIN_RATE, balanceTable, balanceVerdict, median, playBalanceGame, type GameResult } from '../../engine/balance';

const game = (scenarioId: string, strategy: string, seed: number, won: boolean, ev: number): GameResult => ({ scenarioId, strategy, seed, won, turns: 8, enterpriseValueUsd: ev });

describe('balance table', () => {
  it('takes the median of an odd and an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('gives each scenario × strategy its win rate and median enterprise value', () => {
    const results = [game('a', 'x', 1, true, 10), game('a', 'x', 2, false, 30), game('a', 'x', 3, true, 20), game('a', 'y', 1, false, 5)];
    expect(balanceTable(results, ['a'], ['x', 'y'])).toEqual([
      { scenarioId: 'a', strategy: 'x', games: 3, winRate: 2 / 3, medianEnterpriseValueUsd: 20 },
      { scenarioId: 'a', strategy: 'y', games: 1, winRate: 0, medianEnterpriseValueUsd: 5 },
    ]);
  });

  it('holds only when every scenario has a winner and no strategy wins them all', () => {
    const cell = (scenarioId: string, strategy: string, winRate: number) => ({ scenarioId, strategy, games: 10, winRate, medianEnterpriseValueUsd: 0 });
    expect(balanceVerdict([cell('a', 'x', 1), cell('a', 'y', 0), cell('b', 'x', 0), cell('b', 'y', 0.6)])).toEqual({ ok: true, unwinnable: [], dominant: [] });
    expect(balanceVerdict([cell('a', 'x', 1), cell('a', 'y', 0), cell('b', 'x', 0.2), cell('b', 'y', 0.4)])).toEqual({ ok: false, unwinnable: ['b'], dominant: [] });
    expect(balanceVerdict([cell('a', 'x', 1), cell('a', 'y', 0), cell('b', 'x', BALANCE_WIN_RATE), cell('b', 'y', 0)])).toEqual({ ok: false, unwinnable: [], dominant: ['x'] });
  });

  // The 50-seed table over all scenarios takes ~15 minutes on two cores (`npm run tpw -- balance --seeds 50`);
  // here two seeds of the tutorial keep the structural property: one strategy wins it, another cannot.
  it('first-tokens at two seeds: inference-first wins it, training-first does not', () => {
    const scenario = findBuiltInScenario('first-tokens')!.scenario;
    const results = [1, 2].flatMap((seed) => ['inference-first', 'training-first'].map((s) => playBalanceGame(scenario, s, seed)));
    const cells = balanceTable(results, ['first-tokens'], ['inference-first', 'training-first']);
    expect(cells.map((c) => c.winRate)).toEqual([1, 0]);
    // One scenario alone: its winner "wins every scenario", which the full table must rule out.
    expect(balanceVerdict(cells)).toEqual({ ok: false, unwinnable: [], dominant: ['inference-first'] });
  });
});
