/**
 * endTurn: resolves the current quarter by running every system in the stated order (systems/order.ts) on a
 * private copy of the state, then builds the next frozen state with structural sharing (turnCommit.ts) and stores
 * the hash of the whole canonical state (computed with `hash` blank).
 */
import { hashGameState } from './stateHash';
import type { GameState } from './state';
import { APPEND_ONLY_KEYS, STATIC_KEYS } from './stateKeys';
import { SYSTEMS } from './systems/order';
import { copyRecord } from './table';
import { cloneForTurn, deepFreeze, reconcile } from './turnCommit';

export function endTurn(state: GameState): GameState {
  if (state.outcome) return state;
  const work = cloneForTurn(state, APPEND_ONLY_KEYS, STATIC_KEYS);
  work.report = [];
  for (const system of SYSTEMS) system.run(work);
  work.lastLedger = work.ledger;
  work.ledger = [];
  work.turn += 1;
  work.hash = '';
  // The turn's new records are never equal to last turn's at the same index, and the deployments' figures are
  // rebuilt whole every quarter (hashed flat, see stateHash.ts): freeze them instead of comparing.
  for (const key of APPEND_ONLY_KEYS) deepFreeze(work[key]);
  deepFreeze(work.deploymentOps);
  const next = reconcile(state, work);
  const committed = copyRecord(next as unknown as Record<string, unknown>) as unknown as GameState;
  committed.hash = hashGameState(next);
  return Object.freeze(committed);
}

/**
 * Runs `step` on a private working copy of the state exactly as endTurn runs its systems (shared frozen rows,
 * `editRow` to write them) and commits the result with structural sharing; no turn advance, no hash. For tests and
 * tools that exercise one system at a time.
 */
export function runOnWorkingCopy(state: GameState, step: (work: GameState) => void): GameState {
  const work = cloneForTurn(state, APPEND_ONLY_KEYS, STATIC_KEYS);
  step(work);
  return reconcile(state, work);
}

/** The state's own hash recomputed (the `hash` field blanked), to check a state against its stored hash. */
export function computeStateHash(state: GameState): string {
  return hashGameState({ ...state, hash: '' });
}
