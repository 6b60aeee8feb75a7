import type { GameState } from './state';

/** A new entity id such as `fac-000012`; zero-padded so string order equals creation order. */
export function newId(draft: GameState, prefix: string): string {
  draft.nextId += 1;
  return `${prefix}-${String(draft.nextId).padStart(6, '0')}`;
}
