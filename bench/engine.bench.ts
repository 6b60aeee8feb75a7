/**
 * Engine benchmark (`npm run bench [-- --json]`): median endTurn on the largest built-in scenario, a full game,
 * verify of a full save, and full games per second over 200 seeds on one core. Figures are medians over runs;
 * the machine is shared, so compare ratios between commits rather than absolute numbers.
 */
import { applyCommand, builtInScenarios, createGame, endTurn, playerStrategy, type GameState, type Scenario } from '../engine';

const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) console.log(line);
};

function largestScenario(): Scenario {
  return builtInScenarios()
    .map((s) => s.scenario)
    .sort((a, b) => b.world.sites.length * b.lengthTurns - a.world.sites.length * a.lengthTurns || a.id.localeCompare(b.id))[0]!;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Plays a whole game with the inference-first strategy; returns the per-turn commands and endTurn timings. */
function playGame(scenario: Scenario, seed: number): { state: GameState; turns: unknown[][]; endTurnMs: number[] } {
  const strategy = playerStrategy('inference-first')!;
  let state = createGame(scenario, seed);
  const turns: unknown[][] = [];
  const endTurnMs: number[] = [];
  while (!state.outcome && state.turn < scenario.lengthTurns) {
    const accepted: unknown[] = [];
    for (const command of strategy(state, state.playerId, () => 0.5)) {
      const result = applyCommand(state, command);
      if (result.ok) {
        state = result.state;
        accepted.push(command);
      }
    }
    const t0 = performance.now();
    state = endTurn(state);
    endTurnMs.push(performance.now() - t0);
    turns.push(accepted);
  }
  return { state, turns, endTurnMs };
}

/** Replays a command log and checks it reaches the same hash (what `verify` does, minus file parsing). */
function replay(scenario: Scenario, seed: number, turns: unknown[][]): string {
  let state = createGame(scenario, seed);
  for (const commands of turns) {
    for (const command of commands) {
      const result = applyCommand(state, command);
      if (!result.ok) throw new Error(`replay rejected a recorded command: ${result.error}`);
      state = result.state;
    }
    state = endTurn(state);
  }
  return state.hash;
}

const scenario = largestScenario();
log(`scenario: ${scenario.id} (${scenario.world.sites.length} sites, ${scenario.lengthTurns} turns)`);
for (let i = 0; i < 5; i++) playGame(scenario, 1000 + i); // warm-up (JIT)

const endTurnSamples: number[] = [];
const fullGameSamples: number[] = [];
const verifySamples: number[] = [];
for (let run = 0; run < 7; run++) {
  const t0 = performance.now();
  const game = playGame(scenario, 42 + run);
  fullGameSamples.push(performance.now() - t0);
  endTurnSamples.push(median(game.endTurnMs));
  const t1 = performance.now();
  const hash = replay(scenario, 42 + run, game.turns);
  verifySamples.push(performance.now() - t1);
  if (hash !== game.state.hash) throw new Error('replay hash differs from the played game');
}

const seeds = 200;
const t2 = performance.now();
for (let seed = 0; seed < seeds; seed++) playGame(scenario, seed);
const gamesPerSecond = seeds / ((performance.now() - t2) / 1000);

const result = {
  scenario: scenario.id,
  endTurnMedianMs: round(median(endTurnSamples)),
  fullGameMs: round(median(fullGameSamples)),
  verifyMs: round(median(verifySamples)),
  gamesPerSecond: round(gamesPerSecond),
};
log(`endTurn median      ${result.endTurnMedianMs} ms   (target ≤ 2)`);
log(`full game           ${result.fullGameMs} ms`);
log(`verify (replay)     ${result.verifyMs} ms   (target ≤ 100)`);
log(`games per second    ${result.gamesPerSecond}   (target ≥ 20, one core, ${seeds} seeds)`);
if (json) console.log(JSON.stringify(result));

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
