/**
 * Every built-in scenario plays to its end under every built-in player strategy, and the save of that game
 * verifies by replay.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, PLAYER_STRATEGIES, builtInScenarios, parseSave, parseScenario, playerStrategy, serializeSave, verifySave } from '../../../engine';
import { autoplay } from '../../../engine/autoplay';
import { METADATA } from '../save/play';

const IDS = ['first-tokens', 'inference-gambit', 'cornered-resource', 'power-crunch', 'kingdom-deal', 'efficiency-shock', 'echo-chamber', 'sandbox'];

describe('built-in scenarios', () => {
  it('are the eight of DESIGN §1.11, each with a full lesson card', () => {
    const scenarios = builtInScenarios().map((b) => b.scenario);
    expect(scenarios.map((s) => s.id)).toEqual(IDS);
    for (const s of scenarios) {
      expect(s.lesson.objectives.length, s.id).toBeGreaterThanOrEqual(2);
      expect(s.lesson.concepts.length, s.id).toBeGreaterThanOrEqual(4);
      expect(s.lesson.claims.length, s.id).toBeGreaterThanOrEqual(2);
      expect(s.lesson.debrief.length, s.id).toBeGreaterThanOrEqual(2);
      expect(s.victory.length, s.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('first-tokens is a guided ~8-turn tutorial on a locked seed whose steps name real commands', () => {
    const s = builtInScenarios().find((b) => b.scenario.id === 'first-tokens')!.scenario;
    expect(s.lengthTurns).toBe(8);
    expect(s.seedPolicy.kind).toBe('fixed');
    expect(s.tutorial!.steps.length).toBeGreaterThanOrEqual(6);
    for (const step of s.tutorial!.steps) if (step.expectCommand) expect(COMMAND_TYPES).toContain(step.expectCommand);
  });

  it('the sandbox allows a 200-quarter game (a copy with a longer lengthTurns, for save benchmarks)', () => {
    const sandbox = builtInScenarios().find((b) => b.scenario.id === 'sandbox')!.scenario;
    expect(parseScenario({ ...sandbox, lengthTurns: 200 }).ok).toBe(true);
  });

  for (const id of IDS) {
    it(`${id}: every built-in strategy plays it to the end and its save verifies`, () => {
      const scenario = builtInScenarios().find((b) => b.scenario.id === id)!.scenario;
      const turns = scenario.lengthTurns;
      for (const name of Object.keys(PLAYER_STRATEGIES)) {
        const recorder = autoplay(scenario, 3, playerStrategy(name)!, { maxTurns: turns });
        const state = recorder.state;
        // The end: the last quarter, or earlier with a defeat (bankruptcy or a missed milestone) that says why.
        expect(state.outcome?.reason.length ?? 0, `${id}/${name}`).toBeGreaterThan(10);
        expect(state.outcome, `${id}/${name}`).not.toBeNull();
        if (state.outcome!.result === 'won') expect(state.turn, `${id}/${name}`).toBe(turns);
        const parsed = parseSave(serializeSave(recorder.toSave(METADATA)));
        if (!parsed.ok) throw new Error(parsed.error);
        const verified = verifySave(parsed.save);
        expect(verified, `${id}/${name}`).toMatchObject({ ok: true, turns: state.turn, finalHash: state.hash });
      }
    });
  }
});
