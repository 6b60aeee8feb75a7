/**
 * Plays a game while recording what a save needs: the accepted commands of each turn, the hash after each
 * endTurn, the commands of the turn in progress, and a state every SAVE_LIMITS.checkpointEvery turns.
 */
import { applyCommand, applyCommands, parseCommand, type ApplyResult, type CommandOutcome } from '../commands/apply';
import type { Command } from '../commands/schema';
import { createGame } from '../createGame';
import { scenarioHash } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { findBuiltInScenario } from '../scenarios';
import type { GameState } from '../state';
import { endTurn } from '../turn';
import { ENGINE_VERSION } from '../version';
import { SAVE_VERSION } from './migrations';
import { SAVE_FORMAT, SAVE_LIMITS, type Checkpoint, type Save, type SaveMetadata, type SaveTurn } from './schema';

export interface Recorder {
  readonly state: GameState;
  /** Applies a player command; only accepted commands are recorded. */
  apply(command: unknown): ApplyResult;
  /** Applies a list of player commands in order (applyCommands: one commit); records the accepted ones. */
  applyAll(commands: readonly unknown[]): CommandOutcome[];
  /** Ends the turn and records its commands and hash; does nothing once the game is over. */
  endTurn(): GameState;
  /** The save so far; checkpoints only when asked (they cost ~40–100 KB each). */
  toSave(metadata: SaveMetadata, options?: { checkpoints?: boolean }): Save;
}

/** Where a verified save left off, to continue recording it. */
export interface RecorderResume {
  state: GameState;
  turns: readonly SaveTurn[];
  pending: readonly Command[];
}

export function createRecorder(scenario: Scenario, seed: number, resume?: RecorderResume): Recorder {
  const hash = scenarioHash(scenario);
  const embedded = findBuiltInScenario(scenario.id)?.hash === hash ? null : (scenario as unknown as Record<string, unknown>);
  let state = resume ? resume.state : createGame(scenario, seed);
  const turns: SaveTurn[] = resume ? [...resume.turns] : [];
  let pending: Command[] = resume ? [...resume.pending] : [];
  const checkpoints: Checkpoint[] = [];

  return {
    get state() {
      return state;
    },
    apply(input) {
      const parsed = parseCommand(input);
      if (!parsed.ok) return { ok: false, state, error: parsed.error };
      const result = applyCommand(state, parsed.command);
      if (result.ok) {
        state = result.state;
        pending.push(parsed.command);
      }
      return result;
    },
    applyAll(inputs) {
      const applied = applyCommands(state, inputs);
      state = applied.state;
      for (const outcome of applied.outcomes) if (outcome.ok) pending.push(outcome.command);
      return applied.outcomes;
    },
    endTurn() {
      if (state.outcome) return state;
      state = endTurn(state);
      turns.push({ commands: pending, hash: state.hash });
      pending = [];
      if (state.turn % SAVE_LIMITS.checkpointEvery === 0) checkpoints.push({ turn: state.turn, state: state as unknown as Checkpoint['state'] });
      return state;
    },
    toSave(metadata, options = {}) {
      return {
        format: SAVE_FORMAT,
        version: SAVE_VERSION as 1,
        engineVersion: ENGINE_VERSION,
        scenario: { id: scenario.id, hash, embedded },
        seed,
        settings: {},
        turns: [...turns],
        pending: [...pending],
        checkpoints: options.checkpoints ? [...checkpoints] : [],
        metadata,
      };
    },
  };
}
