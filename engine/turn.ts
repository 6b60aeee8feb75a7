/**
 * endTurn: resolves the current quarter by running every system in the stated order inside one immer `produce`,
 * then advances the quarter and stores the hash of the whole canonical state (computed with `hash` blank).
 */
import { produce } from 'immer';
import { hashState } from './hash';
import type { GameState } from './state';
import { SYSTEMS } from './systems/order';

export function endTurn(state: GameState): GameState {
  if (state.outcome) return state;
  const next = produce(state, (draft) => {
    draft.report = [];
    for (const system of SYSTEMS) system.run(draft);
    draft.lastLedger = draft.ledger;
    draft.ledger = [];
    draft.turn += 1;
    draft.hash = '';
  });
  const hash = hashState(next);
  return produce(next, (draft) => {
    draft.hash = hash;
  });
}

/** The state's own hash recomputed (the `hash` field blanked), to check a state against its stored hash. */
export function computeStateHash(state: GameState): string {
  return hashState({ ...state, hash: '' });
}
