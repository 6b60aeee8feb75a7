/**
 * Comparing saved games (DESIGN §2, §4): per-turn player metrics side by side, a per-turn decision diff, the first
 * turn where the command logs diverge, and what differs in their starting points. Pure: the CLI `compare` and the
 * renderer's Compare screen both build their views from this model.
 */
import type { Command } from '../commands/schema';
import { quarterAt, quarterLabel } from '../quarter';
import type { CompanyMetrics, GameState } from '../state';
import type { Save } from './schema';

/** One game to compare: where it started, what the player did each turn and what came of it. */
export interface ComparedGame {
  label: string;
  scenarioId: string;
  /** Content hash of the scenario: the same id with another hash is another version of it. */
  scenarioHash: string;
  seed: number;
  /** commands[t]: the player's commands of turn t + 1. */
  commands: readonly (readonly Command[])[];
  /** metrics[t]: the player's figures for the quarter of turn t + 1 (null if the engine recorded none). */
  metrics: readonly (CompanyMetrics | null)[];
  /** quarters[t]: "2024 Q1" for turn t + 1. */
  quarters: readonly string[];
}

/** What can differ between games besides the player's decisions. */
export type GameDifference = 'scenario' | 'seed' | 'turns';

export interface TurnComparison {
  /** 1-based. */
  turn: number;
  /** Per game: its commands this turn, or null when it has no such turn. */
  commands: (readonly Command[] | null)[];
  metrics: (CompanyMetrics | null)[];
  /** True when any two games' command lists (in order) differ this turn, or some game has no such turn. */
  differs: boolean;
  /** Per game: its commands that not every other game with this turn also made (equal commands, any order). */
  only: Command[][];
}

export interface Comparison {
  /** Differences in the starting points and lengths, in a fixed order; [] when there are none. */
  differences: GameDifference[];
  /** First turn (1-based) whose command lists differ, among the turns all games have; null when none does. */
  divergenceTurn: number | null;
  /** Turns every game has. */
  sharedTurns: number;
  /** One entry per turn of the longest game. */
  turns: TurnComparison[];
}

/** The metrics a comparison shows, in order: the KPI bar's figures plus enterprise value. */
export const COMPARE_METRICS = [
  { id: 'cashUsd', label: 'cash', pick: (m: CompanyMetrics) => m.cashUsd },
  { id: 'revenueUsd', label: 'revenue', pick: (m: CompanyMetrics) => m.revenueUsd },
  { id: 'grossMargin', label: 'gross margin', pick: (m: CompanyMetrics) => m.grossMarginPct },
  { id: 'costPerMTokUsd', label: '$/M tokens', pick: (m: CompanyMetrics) => m.costPerMTokUsd },
  { id: 'joulesPerToken', label: 'J/token', pick: (m: CompanyMetrics) => m.joulesPerToken },
  { id: 'inferenceShare', label: 'inference share', pick: (m: CompanyMetrics) => m.inferenceShare },
  { id: 'enterpriseValueUsd', label: 'enterprise value', pick: (m: CompanyMetrics) => m.enterpriseValueUsd },
] as const;

/** A verified save as a compared game; `final` is the replayed state after its last turn (its history has every turn). */
export function comparedGame(label: string, save: Save, final: GameState): ComparedGame {
  const byTurn = new Map(final.history.map((h) => [h.turn, h.companies[final.playerId] ?? null]));
  return {
    label,
    scenarioId: save.scenario.id,
    scenarioHash: save.scenario.hash,
    seed: save.seed,
    commands: save.turns.map((t) => t.commands),
    metrics: save.turns.map((_, t) => byTurn.get(t + 1) ?? null),
    quarters: save.turns.map((_, t) => quarterLabel(quarterAt(final.start, t))),
  };
}

export function compareGames(games: readonly ComparedGame[]): Comparison {
  const differences: GameDifference[] = [];
  const first = games[0];
  const differ = (key: (g: ComparedGame) => unknown) => games.some((g) => key(g) !== key(first!));
  if (first && differ((g) => `${g.scenarioId}\n${g.scenarioHash}`)) differences.push('scenario');
  if (first && differ((g) => g.seed)) differences.push('seed');
  if (first && differ((g) => g.commands.length)) differences.push('turns');

  const lengths = games.map((g) => g.commands.length);
  const sharedTurns = games.length ? Math.min(...lengths) : 0;
  const longest = games.length ? Math.max(...lengths) : 0;
  const turns: TurnComparison[] = [];
  let divergenceTurn: number | null = null;
  for (let t = 0; t < longest; t++) {
    const commands = games.map((g) => g.commands[t] ?? null);
    const keys = commands.map((list) => (list === null ? null : list.map(canonical)));
    const whole = keys.map((k) => (k === null ? null : k.join('\n')));
    const differs = whole.some((k) => k === null || k !== whole[0]);
    if (differs && divergenceTurn === null && t < sharedTurns) divergenceTurn = t + 1;
    turns.push({ turn: t + 1, commands, metrics: games.map((g) => (t < g.commands.length ? g.metrics[t] ?? null : null)), differs, only: onlyIn(commands, keys) });
  }
  return { differences, divergenceTurn, sharedTurns, turns };
}

/** "different seeds (42, 7)"-style phrases, one per difference, for labels. */
export function describeDifferences(games: readonly ComparedGame[], differences: readonly GameDifference[]): string[] {
  const list = (values: unknown[]) => values.map(String).join(', ');
  return differences.map((d) => {
    if (d === 'seed') return `different seeds (${list(games.map((g) => g.seed))})`;
    if (d === 'turns') return `different lengths (${list(games.map((g) => g.commands.length))} turns)`;
    const ids = new Set(games.map((g) => g.scenarioId));
    return ids.size > 1 ? `different scenarios (${list(games.map((g) => g.scenarioId))})` : `different versions of scenario ${games[0]!.scenarioId}`;
  });
}

/** Per game, its commands beyond those every game with the turn made (a multiset difference, order ignored). */
function onlyIn(commands: (readonly Command[] | null)[], keys: (string[] | null)[]): Command[][] {
  const present = keys.filter((k): k is string[] => k !== null);
  const shared = new Map<string, number>();
  for (const key of new Set(present.flat())) shared.set(key, Math.min(...present.map((k) => k.filter((x) => x === key).length)));
  return commands.map((list, g) => {
    if (list === null) return [];
    const used = new Map<string, number>();
    return list.filter((_, i) => {
      const key = keys[g]![i]!;
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      return n >= (shared.get(key) ?? 0);
    });
  });
}

/** JSON with object keys sorted, so equal commands compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
