/** The whole-state hash of a game state (after every turn; saves record it). */
import { hashState, type HashOptions } from './hash';
import type { GameState } from './state';

/**
 * The turn's ledger and report and the deployments' operating figures are rebuilt whole every turn: they are hashed
 * as flat streams, since a memoized digest per entry would only cost time (engine/hash.ts, HashOptions).
 */
export const STATE_HASH_OPTIONS: HashOptions = { flatKeys: ['ledger', 'lastLedger', 'report', 'deploymentOps'] };

export function hashGameState(state: GameState): string {
  return hashState(state, STATE_HASH_OPTIONS);
}
