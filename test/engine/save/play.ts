/** Test helper: plays a built-in scenario with a built-in strategy through a save recorder. */
import { findBuiltInScenario, playerStrategy, type Scenario } from '../../../engine';
import { createRecorder, type Recorder, type SaveMetadata } from '../../../engine/save';

export const METADATA: SaveMetadata = { playerName: 'Ada', label: 'test game', appVersion: 'test', createdAt: '2025-06-01T12:00:00.000Z' };

export function gambit(): Scenario {
  return findBuiltInScenario('inference-gambit')!.scenario;
}

/** Plays up to `turns` turns (or to the end of the game) with `inference-first`. */
export function playRecorded(turns: number, seed = 42, scenario: Scenario = gambit()): Recorder {
  const recorder = createRecorder(scenario, seed);
  const strategy = playerStrategy('inference-first')!;
  while (!recorder.state.outcome && recorder.state.turn < turns) {
    for (const command of strategy(recorder.state, recorder.state.playerId, () => 0.5)) recorder.apply(command);
    recorder.endTurn();
  }
  return recorder;
}
