/**
 * Plays a whole game with a built-in player strategy, recording it as a save would (the CLI's `sim`, `calibrate`
 * and `balance`, and the tests, all play games this way). The strategy's random source is the same seeded stream
 * `tpw sim` uses, so an autoplayed game and `tpw sim` with the same scenario, seed and strategy are the same game.
 */
import { nextFloat, seedRng } from './math/rng';
import type { Scenario } from './scenario/schema';
import { createRecorder, type Recorder } from './save/recorder';
import type { GameState } from './state';
import type { Strategy } from './strategies/types';

export interface AutoplayOptions {
  /** Stop after this many turns (default: the scenario's length). */
  maxTurns?: number;
  /** Called after every endTurn with the new state (e.g. to sample figures the history does not keep). */
  onTurn?: (state: GameState) => void;
}

export function autoplay(scenario: Scenario, seed: number, strategy: Strategy, options: AutoplayOptions = {}): Recorder {
  const recorder = createRecorder(scenario, seed);
  const strategyRng = seedRng(seed, 'cli:strategy');
  const random = () => nextFloat(strategyRng);
  const maxTurns = options.maxTurns ?? scenario.lengthTurns;
  while (!recorder.state.outcome && recorder.state.turn < maxTurns) {
    const state = recorder.state;
    recorder.applyAll(strategy(state, state.playerId, random));
    const next = recorder.endTurn();
    options.onTurn?.(next);
  }
  return recorder;
}
