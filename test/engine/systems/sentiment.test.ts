import { describe, expect, it } from 'vitest';
import { endTurn, type GameState } from '../../../engine/index';
import type { ScheduledEvent } from '../../../engine/state';
import {
  SENTIMENT_EVENT_EFFECT, SENTIMENT_MAX, SENTIMENT_MIN, SENTIMENT_MOMENTUM, SENTIMENT_REVERSION, runSentiment,
} from '../../../engine/systems/sentiment';
import { edit, newGame, runSystem } from '../support/game';

/** The sentiment path of `quarters` quarters from a seed, running only the sentiment system. */
function path(seed: number, quarters: number, start?: Partial<GameState['capitalMarkets']>): number[] {
  let state = edit(newGame(seed), (d) => {
    d.events = [];
    Object.assign(d.capitalMarkets, start);
  });
  const out: number[] = [];
  for (let q = 0; q < quarters; q++) {
    state = runSystem(state, (d) => {
      runSentiment(d);
      d.turn += 1;
    });
    out.push(state.capitalMarkets.sentiment);
  }
  return out;
}

function withEvent(kind: ScheduledEvent['kind'], factor?: number): GameState {
  return edit(newGame(9), (d) => {
    d.events = [{ id: 'e', turn: 0, kind, title: 'News', explanation: 'Something happened.', ...(factor === undefined ? {} : { factor }) }];
    // The sentiment system reads the events that fired this quarter (the events system logs them).
    d.eventLog = [{ id: 'e', turn: 0, kind, title: 'News', text: 'News — Something happened.', factor: factor ?? 1 }];
  });
}

describe('runSentiment', () => {
  it('starts neutral and stays within [0.5, 1.5] over long runs, for many seeds and extreme starts', () => {
    expect(newGame().capitalMarkets).toEqual({ sentiment: 1, sentimentChange: 0 });
    for (const seed of [1, 2, 3, 42, 4_000_000_000]) {
      for (const start of [{}, { sentiment: 1.5, sentimentChange: 0.3 }, { sentiment: 0.5, sentimentChange: -0.3 }]) {
        const values = path(seed, 200, start);
        for (const v of values) {
          expect(v).toBeGreaterThanOrEqual(SENTIMENT_MIN);
          expect(v).toBeLessThanOrEqual(SENTIMENT_MAX);
        }
      }
    }
  });

  it('moves: it is not stuck at 1, and both booms and busts happen', () => {
    const values = [1, 2, 3, 4, 5].flatMap((seed) => path(seed, 100));
    expect(Math.max(...values)).toBeGreaterThan(1.1);
    expect(Math.min(...values)).toBeLessThan(0.9);
  });

  it('is seed-deterministic: the same seed gives the same path, another seed another', () => {
    expect(path(7, 40)).toEqual(path(7, 40));
    expect(path(7, 40)).not.toEqual(path(8, 40));
  });

  it('draws only from the market stream', () => {
    const state = newGame(4);
    const after = runSystem(state, runSentiment);
    expect(after.rng.market).not.toEqual(state.rng.market);
    for (const stream of Object.keys(state.rng)) if (stream !== 'market') expect(after.rng[stream]).toEqual(state.rng[stream]);
  });

  it('reverts toward neutral and keeps part of last quarter’s move (momentum), plus the seeded shock', () => {
    // The shock is the same draw for the same seed, so the difference between two starts isolates the rule.
    const a = runSystem(edit(newGame(6), (d) => { d.events = []; d.capitalMarkets.sentiment = 1.2; d.capitalMarkets.sentimentChange = 0; }), runSentiment);
    const b = runSystem(edit(newGame(6), (d) => { d.events = []; d.capitalMarkets.sentiment = 1.2; d.capitalMarkets.sentimentChange = 0.1; }), runSentiment);
    const c = runSystem(edit(newGame(6), (d) => { d.events = []; d.capitalMarkets.sentiment = 1; d.capitalMarkets.sentimentChange = 0; }), runSentiment);
    expect(b.capitalMarkets.sentiment - a.capitalMarkets.sentiment).toBeCloseTo(SENTIMENT_MOMENTUM * 0.1, 3);
    expect(a.capitalMarkets.sentiment - c.capitalMarkets.sentiment).toBeCloseTo(0.2 * (1 - SENTIMENT_REVERSION), 3);
    expect(a.capitalMarkets.sentimentChange).toBeCloseTo(a.capitalMarkets.sentiment - 1.2, 10);
  });

  it('jumps with the quarter’s events and says why in the report', () => {
    const quiet = runSystem(withEvent('demandBoom'), (d) => { d.events = []; d.eventLog = []; runSentiment(d); });
    const shock = runSystem(withEvent('efficiencyShock'), runSentiment);
    expect(SENTIMENT_EVENT_EFFECT.efficiencyShock).toBeLessThan(0);
    expect(shock.capitalMarkets.sentiment - quiet.capitalMarkets.sentiment).toBeCloseTo(SENTIMENT_EVENT_EFFECT.efficiencyShock, 4);
    expect(shock.report.at(-1)).toMatchObject({ companyId: null, kind: 'finance' });
    expect(shock.report.at(-1)!.text).toMatch(/^Investor sentiment fell from 1\.00 to 0\.\d\d \(News -0\.15\): equity rounds now price at \d+% of enterprise value\./);
    const crash = runSystem(withEvent('sentimentShock', 0.7), runSentiment);
    expect(crash.capitalMarkets.sentiment).toBeCloseTo(Math.round(quiet.capitalMarkets.sentiment * 0.7 * 1e4) / 1e4, 3);
    const boom = runSystem(withEvent('demandBoom'), runSentiment);
    expect(boom.capitalMarkets.sentiment).toBeGreaterThan(quiet.capitalMarkets.sentiment);
  });

  it('is recorded in each turn’s world metrics', () => {
    const after = endTurn(newGame(2));
    expect(after.history.at(-1)!.world.sentiment).toBe(after.capitalMarkets.sentiment);
  });
});
