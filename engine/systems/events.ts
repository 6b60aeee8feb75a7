/**
 * World events (DESIGN §1.10): scheduled and random events run through the catalog (engine/events/catalog.ts), each
 * changing world data and reporting its measured effect; effects with a duration are restored when they end.
 */
import { runWorldEvents } from '../events/runWorldEvents';
import type { GameState } from '../state';
import { editRow } from '../table';

export function runEvents(draft: GameState): void {
  runWorldEvents(draft);
  for (const id of draft.sites.ids) {
    const site = draft.sites.byId[id]!;
    if (site.priceShockFactor !== 1 && draft.turn >= site.priceShockUntilTurn) editRow(draft.sites, id).priceShockFactor = 1;
  }
}

