import { describe, expect, it } from 'vitest';
import { runOperations } from '../../../engine/systems/operations';
import type { GameState } from '../../../engine/state';
import { HOURS_PER_QUARTER } from '../../../engine/units';
import { PLAYER, addContract, addDeployment, addFacility, clearAssets, edit, entries, expectRelClose, newGame, runSystem } from '../support/game';
import { deploymentOps, writableOps } from '../../../engine/deploymentOps';

const SPOT = 70;
const PPA_PRICE = 50;

/** The player alone at West Texas with a 20 MW facility, optional chips and an optional PPA; spot at $70/MWh. */
function world(opts: { chips?: number; utilization?: number; throttle?: number; ppaMw?: number }): GameState {
  return edit(newGame(), (d) => {
    clearAssets(d, [PLAYER]);
    const fac = addFacility(d, PLAYER, 'texas', 20);
    if (opts.chips) {
      const ops = writableOps(d, addDeployment(d, fac, 'vg-h100', opts.chips, 'mid'));
      ops.utilization = opts.utilization ?? 0;
      ops.throttle = opts.throttle ?? 0;
    }
    if (opts.ppaMw) addContract(d, PLAYER, 'texas', opts.ppaMw, PPA_PRICE);
    d.sites.byId.texas!.spotPriceUsdPerMwh = SPOT;
  });
}

/** Full-load facility MW of `chips` H100s at West Texas. */
function fullMw(state: GameState, chips: number): number {
  return ((chips * state.chips.byId['vg-h100']!.powerW) / 1e6) * state.sites.byId.texas!.pue;
}

describe('runOperations', () => {
  it('charges a take-or-pay PPA in full even with no chips drawing power', () => {
    const after = runSystem(world({ ppaMw: 5 }), runOperations);
    const ppa = entries(after.ledger, PLAYER, 'cost:power:ppa');
    expect(ppa).toHaveLength(1);
    expect(ppa[0]!.amountUsd).toBe(-Math.round(5 * HOURS_PER_QUARTER * PPA_PRICE));
    expect(entries(after.ledger, PLAYER, 'cost:power:spot')).toEqual([]);
  });

  it('buys on the spot market exactly the draw the PPA does not cover', () => {
    const state = world({ chips: 10_000, utilization: 0.8, ppaMw: 3 });
    const after = runSystem(state, runOperations);
    const drawMwh = fullMw(state, 10_000) * (0.3 + 0.7 * 0.8) * HOURS_PER_QUARTER;
    const spotMwh = drawMwh - 3 * HOURS_PER_QUARTER;
    expect(spotMwh).toBeGreaterThan(0);
    const spot = entries(after.ledger, PLAYER, 'cost:power:spot');
    expect(spot).toHaveLength(1);
    expect(spot[0]!.amountUsd).toBe(Math.round(-spotMwh * SPOT));
    expect(spot[0]!.sourceId).toBe('texas');
  });

  it('buys no spot power when the PPA exceeds the draw', () => {
    const after = runSystem(world({ chips: 1_000, utilization: 1, ppaMw: 10 }), runOperations);
    expect(entries(after.ledger, PLAYER, 'cost:power:spot')).toEqual([]);
  });

  it('idle chips still draw 30% of full power; throttled chips draw less', () => {
    const idle = world({ chips: 10_000, utilization: 0 });
    const idleAfter = runSystem(idle, runOperations);
    const dep = deploymentOps(idleAfter, idleAfter.deployments.ids.find((id) => idleAfter.deployments.byId[id]!.companyId === PLAYER)!);
    expectRelClose(dep.energyMwh, fullMw(idle, 10_000) * 0.3 * HOURS_PER_QUARTER);

    const throttled = runSystem(world({ chips: 10_000, utilization: 0, throttle: 0.5 }), runOperations);
    const tdep = deploymentOps(throttled, throttled.deployments.ids.find((id) => throttled.deployments.byId[id]!.companyId === PLAYER)!);
    expectRelClose(tdep.energyMwh, dep.energyMwh * 0.5);
  });

  it('charges chip upkeep for deployed chips and facility opex for ready facilities only', () => {
    const state = edit(world({ chips: 2_000 }), (d) => {
      addFacility(d, PLAYER, 'texas', 30, { status: 'building', readyTurn: 6 });
    });
    const after = runSystem(state, runOperations);
    const chipOpex = entries(after.ledger, PLAYER, 'cost:opex:chips');
    expect(chipOpex).toHaveLength(1);
    expect(chipOpex[0]!.amountUsd).toBe(Math.round(-2_000 * 27_500 * state.finance.chipOpexPerQuarterPct));
    const facilityOpex = entries(after.ledger, PLAYER, 'cost:opex:facilities');
    expect(facilityOpex).toHaveLength(1);
    expect(facilityOpex[0]!.amountUsd).toBe(-20 * state.finance.facilityOpexUsdPerMwQuarter);
  });

  it('every cost is a negative whole-dollar ledger entry and cash moves by exactly their sum', () => {
    const state = world({ chips: 10_000, utilization: 0.5, ppaMw: 2 });
    const after = runSystem(state, runOperations);
    for (const id of after.companies.ids) {
      const mine = entries(after.ledger, id);
      for (const e of mine) {
        expect(Number.isInteger(e.amountUsd)).toBe(true);
        expect(e.amountUsd).toBeLessThan(0);
      }
      expect(after.companies.byId[id]!.cashUsd - state.companies.byId[id]!.cashUsd).toBe(mine.reduce((a, e) => a + e.amountUsd, 0));
    }
  });

  it('reliability falls toward half its base when all chips are throttled and recovers once they are not', () => {
    const throttled = runSystem(world({ chips: 10_000, throttle: 1 }), runOperations);
    const company = throttled.companies.byId[PLAYER]!;
    expect(company.reliability).toBeLessThan(company.baseReliability);
    expect(company.reliability).toBeGreaterThanOrEqual(company.baseReliability * 0.5);
    const recovered = runSystem(edit(throttled, (d) => {
      for (const id of d.deployments.ids) writableOps(d, id).throttle = 0;
    }), runOperations);
    expect(recovered.companies.byId[PLAYER]!.reliability).toBeGreaterThan(company.reliability);
  });
});
