/** Random events: one `events`-stream draw per scenario entry per quarter, seed-deterministic, no other stream touched. */
import { describe, expect, it } from 'vitest';
import { runWorldEvents } from '../../../engine/events/runWorldEvents';
import { nextFloat } from '../../../engine/math/rng';
import type { GameState, RandomEventSpec } from '../../../engine/state';
import { edit, newGame, runSystem } from '../support/game';

const spec = (probabilityPerQuarter: number, extra: Partial<RandomEventSpec> = {}): RandomEventSpec => ({
  kind: 'interestRateShock', probabilityPerQuarter, fromTurn: 0, toTurn: 400, params: { amount: 0.01, quarters: 2 }, ...extra,
});
const withRandom = (seed: number, specs: RandomEventSpec[]) => edit(newGame(seed), (d) => { d.turn = 1; d.events = []; d.randomEvents = specs; });

/** Runs the events system for `quarters` quarters and returns the turns the (only) random entry fired. */
function firings(state: GameState, quarters: number): number[] {
  const turns: number[] = [];
  let s = state;
  for (let q = 0; q < quarters; q++) {
    s = runSystem(s, runWorldEvents);
    if (s.eventLog.some((e) => e.turn === s.turn)) turns.push(s.turn);
    s = edit(s, (d) => { d.turn += 1; });
  }
  return turns;
}

describe('random events', () => {
  it('fire with the drawn probability, the same way for the same seed, differently for another', () => {
    const a = firings(withRandom(3, [spec(0.3)]), 40);
    expect(firings(withRandom(3, [spec(0.3)]), 40)).toEqual(a);
    expect(a.length).toBeGreaterThan(0);
    expect(a.length).toBeLessThan(30);
    expect(firings(withRandom(4, [spec(0.3)]), 40)).not.toEqual(a);
  });

  it('draw only from the events stream: one draw per entry per quarter, even when it cannot fire', () => {
    const state = withRandom(5, [spec(1), spec(0, { kind: 'syntheticDataFlywheel', params: {} }), spec(1, { fromTurn: 9 })]);
    const after = runSystem(state, runWorldEvents);
    const expected = [...state.rng['events']!] as [number, number, number, number];
    for (let i = 0; i < 3; i++) nextFloat(expected);
    expect(after.rng['events']).toEqual(expected);
    for (const stream of Object.keys(state.rng)) if (stream !== 'events') expect(after.rng[stream]).toBe(state.rng[stream]);
    expect(after.eventLog.map((e) => e.id)).toEqual(['random-1-0']);
    expect(after.report.filter((r) => r.kind === 'event')[0]!.text).toMatch(/^Interest-rate shock — The central bank tightens.* Effect: Base loan rate 12\.0% → 13\.0% for 2 quarter\(s\)/);
  });

  it('a kind does not fire again while its earlier effect runs', () => {
    const once = runSystem(withRandom(5, [spec(1)]), runWorldEvents);
    const again = runSystem(edit(once, (d) => { d.turn += 1; }), runWorldEvents);
    expect(again.activeEvents).toHaveLength(1);
    expect(again.finance.baseAnnualRate).toBeCloseTo(0.13, 9);
  });
});
