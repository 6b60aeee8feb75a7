/**
 * Cross-runtime determinism: the golden saves were recorded in Node; here the same engine replays them in real
 * Chromium and must reproduce every turn's hash, and a fresh game must match the hash Node computes for it.
 */
import { describe, expect, it } from 'vitest';
import { createGame, endTurn, findBuiltInScenario, parseSave, playerStrategy, verifySave, applyCommand } from '../../engine';
import golden42 from '../fixtures/golden/inference-gambit-42-inference-first.tpw?raw';
import golden7 from '../fixtures/golden/inference-gambit-7-hybrid.tpw?raw';
import golden11 from '../fixtures/golden/inference-gambit-11-kingdom.tpw?raw';

describe('same hashes in Chromium as in Node', () => {
  it('runs in a real Chromium', () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    expect(typeof window).toBe('object');
  });

  for (const [name, text] of [['inference-first seed 42', golden42], ['hybrid seed 7', golden7], ['kingdom seed 11 (revenue-share deals)', golden11]] as const) {
    it(`replays the Node-recorded golden save (${name}) to identical hashes every turn`, () => {
      const parsed = parseSave(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const result = verifySave(parsed.save);
      if (!result.ok) throw new Error(`turn ${'turn' in result ? result.turn : '?'}: ${result.error}`);
      expect(result.turns).toBe(parsed.save.turns.length);
      expect(result.finalHash).toBe(parsed.save.turns.at(-1)!.hash);
    });
  }

  it('plays a fresh game to the same final hash as the golden save recorded in Node', () => {
    const parsed = parseSave(golden42);
    if (!parsed.ok) throw new Error(parsed.error);
    let state = createGame(findBuiltInScenario('inference-gambit')!.scenario, 42);
    const strategy = playerStrategy('inference-first')!;
    while (!state.outcome) {
      for (const command of strategy(state, state.playerId, () => 0.5)) {
        const result = applyCommand(state, command);
        if (result.ok) state = result.state;
      }
      state = endTurn(state);
      expect(state.hash, `turn ${state.turn}`).toBe(parsed.save.turns[state.turn - 1]!.hash);
    }
  });
});
