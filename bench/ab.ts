/**
 * `npx tsx bench/ab.ts <git-ref> [rounds]`: this tree's engine against the engine at <git-ref>, in one process,
 * alternating batches (whole Inference Gambit games; endTurn on pre-recorded Cornered Resource states, fastest of
 * the rounds per state). Noise on a shared machine hits both sides alike, so the ratios hold where single bench runs
 * do not. The ref is checked out in a temporary git worktree (removed afterwards) that uses this tree's node_modules.
 * Calibrate by comparing with HEAD itself: identical engines came out up to ~6% apart here, so read smaller
 * differences as noise.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Engine from '../engine';

type E = typeof Engine;

/** A player's turn of commands as the engine's own loops apply them: one batch where the engine has applyCommands. */
function playerTurn(engine: E, state: Engine.GameState, commands: readonly unknown[]): Engine.GameState {
  if (typeof engine.applyCommands === 'function') return engine.applyCommands(state, commands).state;
  for (const command of commands) {
    const result = engine.applyCommand(state, command);
    if (result.ok) state = result.state;
  }
  return state;
}
const [ref, roundsArg] = process.argv.slice(2);
if (!ref) {
  console.error('usage: npx tsx bench/ab.ts <git-ref> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 10);
const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'tpw-ab-'));
const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
git('worktree', 'add', '--detach', dir, ref);
try {
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  const base = (await import(pathToFileURL(path.join(dir, 'engine/index.ts')).href)) as E;
  const here = (await import('../engine')) as E;
  const engines: [string, E][] = [[ref, base], ['this tree', here]];

  const game = (engine: E, seed: number) => {
    const scenario = engine.findBuiltInScenario('inference-gambit')!.scenario;
    const strategy = engine.playerStrategy('inference-first')!;
    let state = engine.createGame(scenario, seed);
    while (!state.outcome) {
      state = playerTurn(engine, state, strategy(state, state.playerId, () => 0.5));
      state = engine.endTurn(state);
    }
  };
  const statesBeforeEndTurn = (engine: E) => {
    const scenario = engine.findBuiltInScenario('cornered-resource')!.scenario;
    const strategy = engine.playerStrategy('inference-first')!;
    const out: Engine.GameState[] = [];
    for (const seed of [1, 2]) {
      let state = engine.createGame(scenario, seed);
      while (!state.outcome && state.turn < 28) {
        state = playerTurn(engine, state, strategy(state, state.playerId, () => 0.5));
        out.push(state);
        state = engine.endTurn(state);
      }
    }
    return out;
  };

  for (const [, engine] of engines) for (let i = 0; i < 5; i++) game(engine, i);
  const states = engines.map(([, engine]) => statesBeforeEndTurn(engine));
  const gameMs: number[][] = [[], []];
  const fastest = states.map((list) => list.map(() => Infinity));
  for (let round = 0; round < rounds; round++) {
    engines.forEach(([, engine], e) => {
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) game(engine, 100 + i);
      gameMs[e]!.push((performance.now() - t0) / 3);
      states[e]!.forEach((state, i) => {
        const t1 = performance.now();
        engine.endTurn(state);
        fastest[e]![i] = Math.min(fastest[e]![i]!, performance.now() - t1);
      });
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  engines.forEach(([name], e) => {
    console.log(`${name.padEnd(12)} game: fastest ${Math.min(...gameMs[e]!).toFixed(1)} ms, median ${median(gameMs[e]!).toFixed(1)} ms | endTurn (cornered-resource, fastest per state, median) ${median(fastest[e]!).toFixed(3)} ms`);
  });
  const ratio = (a: number, b: number) => (b / a).toFixed(3);
  console.log(`this tree ÷ ${ref}: game ${ratio(Math.min(...gameMs[0]!), Math.min(...gameMs[1]!))}, endTurn ${ratio(median(fastest[0]!), median(fastest[1]!))}`);
} finally {
  git('worktree', 'remove', '--force', dir);
  rmSync(dir, { recursive: true, force: true });
}
