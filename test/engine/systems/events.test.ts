import { describe, expect, it } from 'vitest';
import { runEvents } from '../../../engine/systems/events';
import type { GameState, ScheduledEvent } from '../../../engine/state';
import { edit, newGame, runSystem } from '../support/game';

/** The scenario's state just before its scheduled frontier efficiency shock (turn 4). */
function atShockTurn(): GameState {
  const state = newGame();
  const shock = state.events.find((e) => e.kind === 'efficiencyShock');
  if (!shock) throw new Error('scenario lost its efficiency shock');
  return edit(state, (d) => {
    d.turn = shock.turn;
  });
}

function withEvent(state: GameState, event: Omit<ScheduledEvent, 'id' | 'turn' | 'title' | 'explanation'>): GameState {
  return edit(state, (d) => {
    d.events.push({ id: 'test-event', turn: d.turn, title: 'Test event', explanation: 'Set up by a test.', ...event });
  });
}

describe('runEvents', () => {
  it('a sentiment shock reports its effect and leaves the index to the sentiment system (which runs later in the quarter)', () => {
    const before = withEvent(newGame(), { kind: 'sentimentShock', factor: 0.7 });
    const after = runSystem(before, runEvents);
    expect(after.capitalMarkets).toBe(before.capitalMarkets);
    expect(after.report.at(-1)).toEqual({ companyId: null, kind: 'event', text: 'Test event — Set up by a test. Effect: Investor sentiment ×0.7.' });
  });

  it('an efficiency shock multiplies the tier efficiency, divides its price and raises its volume', () => {
    const before = atShockTurn();
    const shock = before.events.find((e) => e.kind === 'efficiencyShock')!;
    const tierId = shock.tier!;
    const factor = shock.factor!;
    const after = runSystem(before, runEvents);
    const b = before.tiers[tierId];
    const a = after.tiers[tierId];
    expect(a.efficiencyMultiplier).toBeCloseTo(b.efficiencyMultiplier * factor, 12);
    expect(a.refPricePerMTokUsd).toBeCloseTo(b.refPricePerMTokUsd / factor, 12);
    expect(a.refDemandTokens).toBeGreaterThan(b.refDemandTokens);
    // Only the shocked tier moves.
    for (const other of ['small', 'mid', 'frontier'] as const) {
      if (other !== tierId) expect(after.tiers[other]).toBe(before.tiers[other]);
    }
  });

  it('reports the shock with its title and its measured effect', () => {
    const before = atShockTurn();
    const shock = before.events.find((e) => e.kind === 'efficiencyShock')!;
    const after = runSystem(before, runEvents);
    const items = after.report.filter((r) => r.kind === 'event');
    expect(items).toHaveLength(1);
    expect(items[0]!.companyId).toBeNull();
    expect(items[0]!.text).toContain(shock.title);
    expect(items[0]!.text).toContain(`$${after.tiers[shock.tier!].refPricePerMTokUsd.toFixed(3)}`);
  });

  it('does nothing on a turn with no scheduled event', () => {
    // Random events left out: each scenario entry draws from the events stream every quarter.
    const state = edit(newGame(), (d) => { d.randomEvents = []; });
    expect(state.events.some((e) => e.turn === 0)).toBe(false);
    const after = runSystem(state, runEvents);
    expect(after).toBe(state);
  });

  it('a power price spike raises the factor at the named site for its quarters, then expires', () => {
    const state = withEvent(newGame(), { kind: 'powerPriceSpike', siteId: 'texas', factor: 2.5, quarters: 2 });
    const spiked = runSystem(state, runEvents);
    expect(spiked.sites.byId.texas!.priceShockFactor).toBe(2.5);
    expect(spiked.sites.byId.texas!.priceShockUntilTurn).toBe(state.turn + 2);
    expect(spiked.sites.byId.virginia!.priceShockFactor).toBe(1);
    expect(spiked.report.at(-1)!.text).toContain('×2.5');

    const stillOn = runSystem(edit(spiked, (d) => { d.turn += 1; d.events = []; }), runEvents);
    expect(stillOn.sites.byId.texas!.priceShockFactor).toBe(2.5);
    const over = runSystem(edit(spiked, (d) => { d.turn += 2; d.events = []; }), runEvents);
    expect(over.sites.byId.texas!.priceShockFactor).toBe(1);
  });

  it('a regional power spike hits every site of the region and no other', () => {
    const state = withEvent(newGame(), { kind: 'powerPriceSpike', regionId: 'eu', factor: 1.8, quarters: 1 });
    const after = runSystem(state, runEvents);
    for (const id of after.sites.ids) {
      const site = after.sites.byId[id]!;
      expect(site.priceShockFactor).toBe(site.regionId === 'eu' ? 1.8 : 1);
    }
  });

  it('export controls close the region', () => {
    const state = withEvent(newGame(), { kind: 'exportControls', regionId: 'apac' });
    expect(state.regions.byId.apac!.open).toBe(true);
    const after = runSystem(state, runEvents);
    expect(after.regions.byId.apac!.open).toBe(false);
    expect(after.report.at(-1)!.text).toContain('Asia-Pacific');
  });

  it('a demand boom multiplies tier demand, or training demand when no tier is named', () => {
    const tierBoom = runSystem(withEvent(newGame(), { kind: 'demandBoom', tier: 'small', factor: 2 }), runEvents);
    expect(tierBoom.tiers.small.refDemandTokens).toBeCloseTo(newGame().tiers.small.refDemandTokens * 2, 0);
    const trainingBoom = runSystem(withEvent(newGame(), { kind: 'demandBoom', factor: 1.5 }), runEvents);
    expect(trainingBoom.training.demandH100eHours).toBeCloseTo(newGame().training.demandH100eHours * 1.5, 0);
  });
});
