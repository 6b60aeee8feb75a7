/**
 * A verified save opened for watching (DESIGN §2, replay viewer). One verifying replay keeps the state every
 * SAVE_LIMITS.checkpointEvery turns; seeking starts from the nearest kept state at or before the turn and replays
 * forward (fewer than checkpointEvery turns), and the last state reached is kept, so stepping on costs one turn.
 */
import { applyCommands } from '../commands/apply';
import type { Command } from '../commands/schema';
import type { Scenario } from '../scenario/schema';
import { findBuiltInScenario } from '../scenarios';
import type { GameState } from '../state';
import { endTurn } from '../turn';
import { SAVE_LIMITS, type Save } from './schema';
import { runToEnd, verifySaveInSteps, type ResolveScenario, type StepwiseVerification, type VerifyResult } from './verify';

export interface Replay {
  scenario: Scenario;
  seed: number;
  /** Completed turns in the save (its pending commands are not part of the replay). */
  turns: number;
  /** commands[t]: the player's commands of turn t + 1, applied to stateAt(t) before its end. */
  commands: readonly Command[][];
  /** The state after the last turn; its `history` holds every turn's metrics. */
  final: GameState;
  /** The game after `turn` completed turns (0 = the start), clamped to 0…turns. */
  stateAt(turn: number): GameState;
}

export type OpenReplayResult = { ok: true; replay: Replay } | { ok: false; turn?: number; error: string };

export function openReplay(save: Save, resolveScenario: ResolveScenario = findBuiltInScenario, keepEvery: number = SAVE_LIMITS.checkpointEvery): OpenReplayResult {
  return runToEnd(openReplayInSteps(save, resolveScenario, keepEvery));
}

/** openReplay a few turns at a time (see verifySaveInSteps): the same verifying replay, with progress between turns. */
export function openReplayInSteps(save: Save, resolveScenario: ResolveScenario = findBuiltInScenario, keepEvery: number = SAVE_LIMITS.checkpointEvery): StepwiseVerification<OpenReplayResult> {
  const kept = new Map<number, GameState>();
  const verification = verifySaveInSteps({ ...save, pending: [] }, resolveScenario, {
    onTurn: (turn, state) => {
      if (turn % keepEvery === 0) kept.set(turn, state);
    },
  });
  let opened: OpenReplayResult | null = null;
  return {
    total: verification.total,
    step(turns) {
      const step = verification.step(turns);
      if (!step.done) return step;
      opened ??= replayOf(save, step.result, kept, keepEvery);
      return { done: true, result: opened };
    },
  };
}

function replayOf(save: Save, verified: VerifyResult, kept: Map<number, GameState>, keepEvery: number): OpenReplayResult {
  if (!verified.ok) return verified;
  const turns = save.turns.length;
  const commands = save.turns.map((t) => t.commands);
  const final = verified.state;
  kept.set(turns, final);
  let last = { turn: 0, state: kept.get(0)! };

  function stateAt(turn: number): GameState {
    const target = Math.max(0, Math.min(turns, Math.floor(turn)));
    const exact = kept.get(target);
    if (exact) return exact;
    let from = Math.floor(target / keepEvery) * keepEvery;
    let state = kept.get(from)!;
    if (last.turn <= target && last.turn > from) ({ turn: from, state } = last);
    for (; from < target; from++) {
      const applied = applyCommands(state, commands[from]!, state.playerId, { stopAtRejection: true });
      const rejected = applied.outcomes.find((outcome) => !outcome.ok);
      // verifySave accepted this very log moments ago; the engine is deterministic
      if (rejected && !rejected.ok) throw new Error(`replay of a verified save diverged at turn ${from + 1}: ${rejected.error}`);
      state = endTurn(applied.state);
    }
    last = { turn: target, state };
    return state;
  }

  return { ok: true, replay: { scenario: verified.scenario, seed: save.seed, turns, commands, final, stateAt } };
}
