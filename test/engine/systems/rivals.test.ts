import { describe, expect, it } from 'vitest';
import { applyCommand, endTurn, parseCommand, playerStrategy } from '../../../engine/index';
import { rivalStrategy } from '../../../engine/strategies';
import { runRivals } from '../../../engine/systems/rivals';
import type { GameState } from '../../../engine/state';
import { NEOCLOUD, PLAYER, edit, entries, newGame, runSystem } from '../support/game';

/** A long game: the player follows a built-in strategy and milestones are waived so it runs to the end. */
function* longGame(seed: number, turns: number): Generator<GameState> {
  let state = edit(newGame(seed), (d) => {
    d.victory = d.victory.filter((c) => c.atTurn === undefined);
  });
  const strategy = playerStrategy('hybrid')!;
  for (let t = 0; t < turns && !state.outcome; t++) {
    for (const command of strategy(state, PLAYER, () => 0.5)) {
      const r = applyCommand(state, command);
      if (r.ok) state = r.state;
    }
    yield state;
    state = endTurn(state);
  }
}

describe('runRivals', () => {
  it('rivals issue only commands the player’s schema accepts (same command language)', () => {
    let checked = 0;
    for (const state of longGame(3, 16)) {
      for (const id of state.companies.ids) {
        const company = state.companies.byId[id]!;
        if (!company.policy || company.bankrupt) continue;
        for (const command of rivalStrategy(company.policy)(state, id, () => 0.5)) {
          const parsed = parseCommand(command);
          expect(parsed.ok, `${id} on turn ${state.turn}: ${JSON.stringify(command)} ${parsed.ok ? '' : parsed.error}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('a rival’s cash moves only by its own ledger entries, and the player is untouched', () => {
    const state = newGame(5);
    const after = runSystem(state, runRivals);
    for (const id of state.companies.ids) {
      const delta = after.companies.byId[id]!.cashUsd - state.companies.byId[id]!.cashUsd;
      expect(delta).toBe(entries(after.ledger, id).reduce((a, e) => a + e.amountUsd, 0));
    }
    expect(after.companies.byId[PLAYER]).toBe(state.companies.byId[PLAYER]);
    expect(entries(after.ledger, PLAYER)).toEqual([]);
    expect(after.ledger.length).toBeGreaterThan(0); // they did decide something on the first turn
  });

  it('does not touch the other subsystems’ random streams', () => {
    const state = newGame(5);
    const after = runSystem(state, runRivals);
    for (const stream of ['events', 'market', 'power']) expect(after.rng[stream]).toEqual(state.rng[stream]);
  });

  it('a bankrupt rival decides nothing', () => {
    const state = edit(newGame(5), (d) => {
      d.companies.byId[NEOCLOUD]!.bankrupt = true;
    });
    const after = runSystem(state, runRivals);
    expect(entries(after.ledger, NEOCLOUD)).toEqual([]);
    expect(after.companies.byId[NEOCLOUD]).toBe(state.companies.byId[NEOCLOUD]);
  });
});
