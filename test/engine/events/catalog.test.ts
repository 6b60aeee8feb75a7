/** Every event kind of the catalog: applies, reports its measured effect, and (with a duration) restores after. */
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG } from '../../../engine/events/catalog';
import { runWorldEvents } from '../../../engine/events/runWorldEvents';
import { EVENT_KINDS } from '../../../engine/scenario/worldSchemas';
import type { EventKind, GameState, ScheduledEvent } from '../../../engine/state';
import { INCUMBENT, NEOCLOUD, edit, newGame, runSystem } from '../support/game';
import { addContract } from '../support/training';

/** A quiet game (no scheduled or random events) at turn 1 with one scheduled event of `kind` now. */
function withEvent(kind: EventKind, params: Partial<ScheduledEvent> = {}, setUp: (d: GameState) => void = () => {}): GameState {
  return edit(newGame(), (d) => {
    d.turn = 1;
    d.randomEvents = [];
    setUp(d);
    d.events = [{ id: 'ev', turn: 1, kind, title: `T-${kind}`, explanation: 'Explained.', ...params }];
  });
}
const fire = (state: GameState) => runSystem(state, runWorldEvents);
/** The state `quarters` later with the events system run again (restores due effects). */
const later = (state: GameState, quarters: number) => runSystem(edit(state, (d) => { d.turn += quarters; d.report = []; }), runWorldEvents);
const eventLine = (state: GameState) => state.report.filter((r) => r.kind === 'event').map((r) => r.text).join('\n');

describe('event catalog', () => {
  it('has an entry with a title and explanation for every kind a scenario may name', () => {
    expect(Object.keys(EVENT_CATALOG).sort()).toEqual([...EVENT_KINDS].sort());
    for (const kind of EVENT_KINDS) expect(EVENT_CATALOG[kind].title.length + EVENT_CATALOG[kind].explanation.length).toBeGreaterThan(20);
  });

  it('synthetic-data flywheel: training demand up by the factor for N quarters, then back on trend', () => {
    const before = withEvent('syntheticDataFlywheel', { factor: 1.3, quarters: 3 });
    const after = fire(before);
    expect(after.training.demandH100eHours).toBeCloseTo(before.training.demandH100eHours * 1.3, 3);
    expect(eventLine(after)).toMatch(/T-syntheticDataFlywheel — Explained\. Effect: Training demand \+30% → 520\.00M H100e-hours a quarter, for 3 quarter\(s\)\./);
    expect(after.activeEvents).toEqual([{ eventId: 'ev', kind: 'syntheticDataFlywheel', title: 'T-syntheticDataFlywheel', untilTurn: 4, applied: { trainingDemand: 1.3 } }]);
    expect(later(after, 2).training.demandH100eHours).toBe(after.training.demandH100eHours);
    const ended = later(after, 3);
    expect(ended.training.demandH100eHours).toBeCloseTo(before.training.demandH100eHours, 3);
    expect(ended.activeEvents).toEqual([]);
    expect(eventLine(ended)).toMatch(/T-syntheticDataFlywheel ends: training demand back on trend at 400\.00M H100e-hours a quarter\./);
  });

  it('interest-rate shock: base rate up for new loans, restored after', () => {
    const before = withEvent('interestRateShock', { amount: 0.03, quarters: 2 });
    const after = fire(before);
    expect(after.finance.baseAnnualRate).toBeCloseTo(0.15, 9);
    expect(eventLine(after)).toContain('Base loan rate 12.0% → 15.0% for 2 quarter(s): new loans dearer.');
    const ended = later(after, 2);
    expect(ended.finance.baseAnnualRate).toBeCloseTo(0.12, 9);
    expect(eventLine(ended)).toContain('base loan rate back to 12.0%');
  });

  it('hyperscaler capex boom: rivals more aggressive and hyperscaler load growth faster for N quarters, then restored', () => {
    const before = withEvent('hyperscalerCapexBoom', { factor: 1.3, quarters: 4 });
    const after = fire(before);
    const aggression = (s: GameState, id: string) => s.companies.byId[id]!.policy!.aggression;
    expect(aggression(after, NEOCLOUD)).toBeCloseTo(Math.min(1, aggression(before, NEOCLOUD) * 1.3), 9);
    expect(aggression(after, INCUMBENT)).toBeLessThanOrEqual(1);
    expect(after.regions.byId.na!.hyperscalerLoadGrowthMwPerQuarter).toBeCloseTo(before.regions.byId.na!.hyperscalerLoadGrowthMwPerQuarter * 1.3, 9);
    expect(eventLine(after)).toMatch(/Rivals' aggression \+30% for 4 quarter\(s\) \(.*Stratus GPU Cloud 0\.60 → 0\.78.*\); hyperscalers' grid load growth ×1\.3\./);
    const ended = later(after, 4);
    for (const id of [INCUMBENT, NEOCLOUD]) expect(aggression(ended, id)).toBeCloseTo(aggression(before, id), 9);
    expect(ended.regions.byId.na!.hyperscalerLoadGrowthMwPerQuarter).toBeCloseTo(before.regions.byId.na!.hyperscalerLoadGrowthMwPerQuarter, 9);
  });

  it('incumbent new generation: the next chip is available now and the old one is cheaper', () => {
    const before = withEvent('incumbentNewGeneration', { factor: 0.7 });
    const next = before.chips.ids.map((id) => before.chips.byId[id]!).find((c) => c.source === 'incumbent' && c.availableFromTurn > 1)!;
    const old = before.chips.byId['vg-h100']!;
    const after = fire(before);
    expect(after.chips.byId[next.id]!.availableFromTurn).toBe(1);
    expect(after.chips.byId['vg-h100']!.unitPriceUsd).toBe(Math.round(old.unitPriceUsd * 0.7));
    expect(eventLine(after)).toContain(`${next.name} available now (was due in ${next.availableFromTurn - 1} quarter(s))`);
    expect(eventLine(after)).toMatch(new RegExp(`${old.name} \\$[\\d.]+k → \\$[\\d.]+k \\(−30%\\)`));
  });

  it('echo collapse: open echo contracts are withdrawn (bidders told) and phantom queue requests cancelled', () => {
    const before = withEvent('echoCollapse', { factor: 0.5 }, (d) => {
      addContract(d, { id: 'tc-real' });
      addContract(d, { id: 'tc-echo', echoOf: 'tc-real', bids: [{ companyId: NEOCLOUD, priceUsdPerHour: 3 }] });
    });
    const after = fire(before);
    expect(after.trainingContracts.byId['tc-echo']!.status).toBe('withdrawn');
    expect(after.trainingContracts.byId['tc-real']!.status).toBe('open');
    const va = before.sites.byId.virginia!;
    expect(after.sites.byId.virginia!.phantomQueueMw).toBeCloseTo(va.phantomQueueMw / 2, 6);
    expect(after.sites.byId.virginia!.queueMw).toBeCloseTo(va.queueMw - va.phantomQueueMw / 2, 6);
    expect(after.sites.byId.virginia!.queueQuarters).toBeLessThan(va.queueQuarters);
    expect(eventLine(after)).toMatch(/1 echo training contract\(s\) withdrawn \(1\.00M H100e-hours a quarter that never existed\); [\d.]+ MW of speculative interconnection requests cancelled \(queues .*Virginia 8 → \d q/);
    expect(after.report.some((r) => r.companyId === NEOCLOUD && /withdrawn: the lab signed elsewhere/.test(r.text))).toBe(true);
  });

  it('sentiment crash reuses the sentiment shock: logged with its factor for the sentiment system', () => {
    const after = fire(withEvent('sentimentShock', { factor: 0.6 }));
    expect(after.eventLog.at(-1)).toMatchObject({ kind: 'sentimentShock', factor: 0.6, turn: 1 });
    expect(eventLine(after)).toContain('Effect: Investor sentiment ×0.6.');
  });

  it('power price spike without a site or region picks a region from the events stream', () => {
    const before = withEvent('powerPriceSpike', { factor: 2, quarters: 1 });
    const after = fire(before);
    const hit = after.sites.ids.filter((id) => after.sites.byId[id]!.priceShockFactor === 2);
    expect(hit.length).toBeGreaterThan(0);
    expect(new Set(hit.map((id) => after.sites.byId[id]!.regionId)).size).toBe(1);
    expect(after.rng.events).not.toEqual(before.rng.events);
    expect(eventLine(after)).toMatch(/Power prices ×2 for 1 quarter\(s\): .*→ ~\$\d+\/MWh/);
  });

  it('HBM yield crisis runs through the supply chain and reports a measured effect', () => {
    const after = fire(withEvent('hbmYieldCrisis', { factor: 0.5, quarters: 2 }));
    expect(eventLine(after)).toMatch(/T-hbmYieldCrisis — Explained\. Effect: .+/);
  });
});
