/**
 * Strategy balance (issue #3 point 10): every built-in scenario × every built-in player strategy over a range of
 * seeds → win rate and median final enterprise value. The table holds when every scenario is winnable by some
 * strategy and no strategy wins every scenario, where "wins" means a win rate of at least BALANCE_WIN_RATE.
 */
import { autoplay } from './autoplay';
import type { Scenario } from './scenario/schema';
import { playerStrategy } from './strategies';

/** A strategy "wins" a scenario when it wins at least this share of the seeds. */
export const BALANCE_WIN_RATE = 0.5;

export interface GameResult {
  scenarioId: string;
  strategy: string;
  seed: number;
  won: boolean;
  turns: number;
  enterpriseValueUsd: number;
}

export interface BalanceCell {
  scenarioId: string;
  strategy: string;
  games: number;
  winRate: number;
  medianEnterpriseValueUsd: number;
}

export interface BalanceVerdict {
  ok: boolean;
  /** Scenarios no strategy wins (at BALANCE_WIN_RATE). */
  unwinnable: string[];
  /** Strategies that win every scenario. */
  dominant: string[];
}

/** Plays one game to its end and reports the outcome. */
export function playBalanceGame(scenario: Scenario, strategyName: string, seed: number): GameResult {
  const strategy = playerStrategy(strategyName);
  if (!strategy) throw new Error(`unknown strategy "${strategyName}"`);
  const state = autoplay(scenario, seed, strategy).state;
  const last = state.history.at(-1)?.companies[state.playerId];
  return { scenarioId: scenario.id, strategy: strategyName, seed, won: state.outcome?.result === 'won', turns: state.turn, enterpriseValueUsd: last?.enterpriseValueUsd ?? 0 };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One cell per scenario × strategy, in the order the ids are given. */
export function balanceTable(results: readonly GameResult[], scenarioIds: readonly string[], strategies: readonly string[]): BalanceCell[] {
  const cells: BalanceCell[] = [];
  for (const scenarioId of scenarioIds) {
    for (const strategy of strategies) {
      const games = results.filter((r) => r.scenarioId === scenarioId && r.strategy === strategy);
      cells.push({
        scenarioId,
        strategy,
        games: games.length,
        winRate: games.length ? games.filter((g) => g.won).length / games.length : 0,
        medianEnterpriseValueUsd: median(games.map((g) => g.enterpriseValueUsd)),
      });
    }
  }
  return cells;
}

export function balanceVerdict(cells: readonly BalanceCell[]): BalanceVerdict {
  const scenarios = [...new Set(cells.map((c) => c.scenarioId))];
  const strategies = [...new Set(cells.map((c) => c.strategy))];
  const wins = (c: BalanceCell) => c.winRate >= BALANCE_WIN_RATE;
  const unwinnable = scenarios.filter((s) => !cells.some((c) => c.scenarioId === s && wins(c)));
  const dominant = strategies.filter((t) => cells.filter((c) => c.strategy === t).every(wins));
  return { ok: unwinnable.length === 0 && dominant.length === 0, unwinnable, dominant };
}
