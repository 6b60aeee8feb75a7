/**
 * Verifying a save by replay (DESIGN §2): resolve and check the scenario, replay every turn's commands, compare
 * each turn's hash with the stored one, then apply the pending commands. The stored state is never trusted: every
 * checkpoint must equal the replayed state of its turn (its own hash and the replay's agree), else the save is
 * refused as altered.
 */
import { applyCommands } from '../commands/apply';
import { createGame } from '../createGame';
import { parseScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { findBuiltInScenario } from '../scenarios';
import type { GameState } from '../state';
import { computeStateHash, endTurn } from '../turn';
import { ENGINE_VERSION } from '../version';
import { printable } from './json';
import type { Save } from './schema';

export type ResolveScenario = (id: string) => { scenario: Scenario; hash: string } | undefined;

export type VerifyResult =
  | {
      ok: true;
      /** Turns replayed. */
      turns: number;
      /** Hash of the state after the last replayed turn (the start state's hash for a save with no turns). */
      finalHash: string;
      /** The replayed state, pending commands included: where the save resumes. */
      state: GameState;
      scenario: Scenario;
      /** Turns of the save's checkpoints, each checked equal to the replay. */
      trustedCheckpointTurns: number[];
    }
  /** `turn`: the first turn (1-based) whose replay differs or whose command is rejected. */
  | { ok: false; turn: number; error: string }
  /** The scenario cannot be found or checked. */
  | { ok: false; turn?: undefined; error: string };

export interface VerifyOptions {
  /** Sees the replayed state after each turn's endTurn (turn 0: the start), e.g. to keep states for a replay viewer. */
  onTurn?: (turn: number, state: GameState) => void;
}

/** Where a step-wise verification stands: `turn` of its `total` turns replayed so far. */
export interface VerifyProgress {
  done: false;
  turn: number;
  total: number;
}

export type VerifyStep<R> = VerifyProgress | { done: true; result: R };

/**
 * A verification replayed a few turns at a time, so a caller can show progress and yield between turns (the engine
 * itself never waits). Running it to the end gives exactly verifySave's result: verifySave is this, run at once.
 */
export interface StepwiseVerification<R = VerifyResult> {
  /** Turns the save asks to replay. */
  readonly total: number;
  /** Replays up to `turns` more turns (Infinity: to the end); once done, every further call returns the same result. */
  step(turns: number): VerifyStep<R>;
}

export function verifySave(save: Save, resolveScenario: ResolveScenario = findBuiltInScenario, options: VerifyOptions = {}): VerifyResult {
  return runToEnd(verifySaveInSteps(save, resolveScenario, options));
}

/** Runs a step-wise verification to its result. */
export function runToEnd<R>(verification: StepwiseVerification<R>): R {
  for (;;) {
    const step = verification.step(Infinity);
    if (step.done) return step.result;
  }
}

export function verifySaveInSteps(save: Save, resolveScenario: ResolveScenario = findBuiltInScenario, options: VerifyOptions = {}): StepwiseVerification {
  const total = save.turns.length;
  const turns = replay(save, resolveScenario, options.onTurn);
  let result: VerifyResult | null = null;
  let turn = 0;
  return {
    total,
    step(count: number): VerifyStep<VerifyResult> {
      for (let i = 0; result === null && i < count; i++) {
        try {
          const next = turns.next();
          if (next.done) {
            // messages quote ids from the file: keep terminal escape sequences out of them
            result = next.value.ok ? next.value : { ...next.value, error: printable(next.value.error) };
          } else turn = next.value;
        } catch (e) {
          // an engine bug reached by a well-formed save is reported, not thrown at the caller
          result = { ok: false, error: printable(`the engine failed while replaying the save: ${e instanceof Error ? e.message : String(e)}`) };
        }
      }
      return result === null ? { done: false, turn, total } : { done: true, result };
    },
  };
}

/** The replay itself: yields the number of each turn once it is replayed and checked, returns the result. */
function* replay(save: Save, resolveScenario: ResolveScenario, onTurn: VerifyOptions['onTurn']): Generator<number, VerifyResult, void> {
  const resolved = resolveSaveScenario(save, resolveScenario);
  if (!resolved.ok) return resolved;
  const scenario = resolved.scenario;
  const failAt = (turn: number, error: string) => ({ ok: false as const, turn, error: versionNote(save.engineVersion) + error });

  const checkpoints = new Map<number, Save['checkpoints'][number]['state']>();
  for (const c of save.checkpoints) {
    if (c.turn > save.turns.length) return failAt(c.turn, `a checkpoint is for turn ${c.turn} but the save has only ${save.turns.length} turns`);
    if (checkpoints.has(c.turn)) return failAt(c.turn, `two checkpoints for turn ${c.turn}`);
    checkpoints.set(c.turn, c.state);
  }
  let state = createGame(scenario, save.seed);
  onTurn?.(0, state);
  for (let t = 0; t < save.turns.length; t++) {
    const turn = t + 1;
    if (state.outcome) return failAt(turn, `the save has ${save.turns.length} turns but the game ended after turn ${state.outcome.turn}`);
    const applied = applyAll(state, save.turns[t]!.commands, turn);
    if (!applied.ok) return failAt(turn, applied.error);
    state = endTurn(applied.state);
    const stored = save.turns[t]!.hash;
    if (state.hash !== stored) return failAt(turn, `turn ${turn}: the replayed state hash ${state.hash} differs from the saved ${stored}`);
    const checkpoint = checkpoints.get(turn);
    if (checkpoint && (checkpoint.hash !== state.hash || safeStateHash(checkpoint) !== state.hash)) {
      return failAt(turn, `turn ${turn}: the checkpoint differs from the replayed state (the save was altered)`);
    }
    onTurn?.(turn, state);
    yield turn;
  }
  const resumed = applyAll(state, save.pending, save.turns.length + 1);
  if (!resumed.ok) return failAt(save.turns.length + 1, resumed.error);
  return { ok: true, turns: save.turns.length, finalHash: state.hash, state: resumed.state, scenario, trustedCheckpointTurns: [...checkpoints.keys()].sort((a, b) => a - b) };
}

function resolveSaveScenario(save: Save, resolve: ResolveScenario): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  const { id, hash, embedded } = save.scenario;
  if (embedded === null) {
    const builtIn = resolve(id);
    if (!builtIn) return { ok: false, error: `unknown built-in scenario "${id}": this build does not have it` };
    if (builtIn.hash !== hash) return { ok: false, error: `save was made with a different version of scenario ${id} (scenario hash ${hash}, this build has ${builtIn.hash})` };
    return { ok: true, scenario: builtIn.scenario };
  }
  const parsed = parseScenario(embedded);
  if (!parsed.ok) {
    const first = parsed.errors.slice(0, 3).map((e) => `${e.path.replace(/^\$/, '$.scenario.embedded')}: ${e.message}`);
    return { ok: false, error: `the embedded scenario is invalid: ${first.join('; ')}` };
  }
  if (parsed.scenario.id !== id) return { ok: false, error: `the embedded scenario is "${parsed.scenario.id}" but the save names "${id}"` };
  if (parsed.hash !== hash) return { ok: false, error: `save was made with a different version of scenario ${id} (the embedded scenario's hash ${parsed.hash} is not the recorded ${hash})` };
  return { ok: true, scenario: parsed.scenario };
}

/** Applies a turn's recorded commands; the first rejection names the command and the engine's reason. */
function applyAll(state: GameState, commands: readonly unknown[], turn: number): { ok: true; state: GameState } | { ok: false; error: string } {
  const applied = applyCommands(state, commands, state.playerId, { stopAtRejection: true });
  const i = applied.outcomes.length - 1;
  const last = applied.outcomes[i];
  if (last && !last.ok) {
    const type = (commands[i] as { type?: unknown }).type;
    return { ok: false, error: `turn ${turn}: command ${i + 1} of ${commands.length} (${String(type)}) was rejected: ${last.error}` };
  }
  return { ok: true, state: applied.state };
}

/** A checkpoint's own hash; a malformed one (not JSON data) hashes to nothing. */
function safeStateHash(state: object): string | null {
  try {
    return computeStateHash(state as GameState);
  } catch {
    return null;
  }
}

/** Prefix for failures when the save's engine major version differs from this engine's. */
function versionNote(saveEngineVersion: string): string {
  const major = (v: string) => v.split(/[.-]/)[0];
  if (major(saveEngineVersion) === major(ENGINE_VERSION)) return '';
  return `the save was made with engine ${saveEngineVersion} and this is engine ${ENGINE_VERSION} (a different major version, whose rules may differ); `;
}
