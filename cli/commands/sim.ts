/** `tpw sim`: play a scenario with a built-in or user strategy, print a per-turn table, optionally write a save. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ENGINE_VERSION, PLAYER_STRATEGIES, formatPct, formatUsd, playerStrategy, quarterAt, quarterLabel, type GameState, type Strategy } from '../../engine';
import { nextFloat, seedRng } from '../../engine/math/rng';
import { SAVE_LIMITS, createRecorder, serializeSave } from '../../engine/save';
import { CliError, EXIT } from '../errors';
import { writeFileAtomic } from '../io';
import { formatTable } from '../table';
import { loadScenarioArg } from './scenario';

/** One row of the per-turn table (figures of the quarter just ended, for the player's company). */
export interface SimRow {
  turn: number;
  quarter: string;
  cashUsd: number;
  revenueUsd: number;
  /** Gross margin as a fraction of revenue. */
  grossMargin: number;
  costPerMTokUsd: number;
  joulesPerToken: number;
  /** Tokens per joule ("tokens per watt-second"); null when no tokens were served. */
  tokensPerJoule: number | null;
  inferenceShare: number;
}

const DEFAULT_STRATEGY = 'inference-first';

export async function simCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string' },
      seed: { type: 'string' },
      turns: { type: 'string' },
      strategy: { type: 'string', default: DEFAULT_STRATEGY },
      out: { type: 'string' },
      checkpoints: { type: 'boolean', default: false },
      player: { type: 'string', default: 'tpw sim' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length) throw new CliError(`sim takes no positional arguments (got "${positionals[0]}")`);
  if (!values.scenario) throw new CliError('sim needs --scenario <id|file.json>');
  if (values.seed === undefined) throw new CliError('sim needs --seed <n>');
  const seed = integerOption('--seed', values.seed, 0, 0xffffffff);
  const scenario = await loadScenarioArg(values.scenario);
  const maxTurns = values.turns === undefined ? scenario.lengthTurns : integerOption('--turns', values.turns, 1, SAVE_LIMITS.maxTurns);
  const decide = await loadStrategy(values.strategy);
  const strategyRng = seedRng(seed, 'cli:strategy');
  const random = () => nextFloat(strategyRng);

  const recorder = createRecorder(scenario, seed);
  const rows: SimRow[] = [];
  while (!recorder.state.outcome && recorder.state.turn < maxTurns) {
    const state = recorder.state;
    const quarter = quarterLabel(quarterAt(state.start, state.turn));
    let commands: unknown;
    try {
      commands = await decide(state, state.playerId, random);
    } catch (e) {
      throw new CliError(`strategy "${values.strategy}" failed in ${quarter}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!Array.isArray(commands)) throw new CliError(`strategy "${values.strategy}" returned ${typeof commands} in ${quarter}; decide() must return an array of commands`);
    const list: unknown[] = commands;
    recorder.applyAll(list).forEach((outcome, i) => {
      if (!outcome.ok) process.stderr.write(`${quarter}: skipped ${describeCommand(list[i])}: ${outcome.error}\n`);
    });
    rows.push(rowOf(recorder.endTurn()));
  }

  const final = recorder.state;
  const strategyName = values.strategy;
  if (values.out) {
    const save = recorder.toSave(
      { playerName: values.player, label: `${scenario.id} / ${strategyName} / seed ${seed}`, appVersion: `tpw-cli engine ${ENGINE_VERSION}`, createdAt: new Date().toISOString() },
      { checkpoints: values.checkpoints },
    );
    const text = serializeSave(save);
    await writeFileAtomic(values.out, text);
    process.stderr.write(`saved ${values.out} (${text.length} bytes)\n`);
  }
  if (values.json) {
    const summary = { scenario: scenario.id, seed, strategy: strategyName, turns: final.turn, finalHash: final.hash, outcome: final.outcome, rows };
    process.stdout.write(JSON.stringify(summary) + '\n');
  } else {
    process.stdout.write(`${scenario.title} (${scenario.id}), seed ${seed}, strategy ${strategyName}\n`);
    process.stdout.write(renderRows(rows) + '\n');
    const outcome = final.outcome ? `${final.outcome.result.toUpperCase()} after turn ${final.outcome.turn}: ${final.outcome.reason}` : `stopped after ${final.turn} turns (game not over)`;
    process.stdout.write(`${outcome}\nfinal hash ${final.hash}\n`);
  }
  return EXIT.ok;
}

type Decide = (state: GameState, companyId: string, random: () => number) => unknown;

/** A built-in strategy name, or a module (.js/.mjs/.ts) exporting `decide(state, companyId)`. */
async function loadStrategy(name: string): Promise<Decide> {
  const builtIn: Strategy | null = playerStrategy(name);
  if (builtIn) return builtIn;
  if (!/\.(?:[cm]?js|[cm]?ts)$/i.test(name)) {
    throw new CliError(`unknown strategy "${name}" (built-in: ${Object.keys(PLAYER_STRATEGIES).join(', ')}; or a .js/.ts module exporting decide)`);
  }
  let module: { decide?: unknown };
  try {
    module = (await import(pathToFileURL(resolve(name)).href)) as { decide?: unknown };
  } catch (e) {
    throw new CliError(`cannot load strategy module ${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (typeof module.decide !== 'function') throw new CliError(`strategy module ${name} does not export a function decide(state, companyId)`);
  return module.decide as Decide;
}

function integerOption(flag: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new CliError(`${flag} must be an integer from ${min} to ${max} (got "${text}")`);
  return value;
}

function rowOf(state: GameState): SimRow {
  const m = state.history[state.history.length - 1]?.companies[state.playerId];
  if (!m) throw new Error(`no metrics recorded for turn ${state.turn}`);
  return {
    turn: state.turn,
    quarter: quarterLabel(quarterAt(state.start, state.turn - 1)),
    cashUsd: m.cashUsd,
    revenueUsd: m.revenueUsd,
    grossMargin: m.grossMarginPct,
    costPerMTokUsd: m.costPerMTokUsd,
    joulesPerToken: m.joulesPerToken,
    tokensPerJoule: m.joulesPerToken > 0 ? 1 / m.joulesPerToken : null,
    inferenceShare: m.inferenceShare,
  };
}

function renderRows(rows: readonly SimRow[]): string {
  const columns = [
    { header: 'quarter', align: 'left' as const },
    { header: 'cash' },
    { header: 'revenue' },
    { header: 'gross margin' },
    { header: '$/M tokens' },
    { header: 'J/token' },
    { header: 'tokens/J' },
    { header: 'inference share' },
  ];
  const cells = rows.map((r) => [
    r.quarter,
    formatUsd(r.cashUsd),
    formatUsd(r.revenueUsd),
    formatPct(r.grossMargin),
    `$${r.costPerMTokUsd.toPrecision(3)}`,
    r.joulesPerToken.toPrecision(3),
    r.tokensPerJoule === null ? '-' : r.tokensPerJoule.toPrecision(3),
    formatPct(r.inferenceShare, 2),
  ]);
  return formatTable(columns, cells);
}

function describeCommand(command: unknown): string {
  const type = typeof command === 'object' && command !== null ? (command as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type.slice(0, 40) : 'a malformed command';
}
