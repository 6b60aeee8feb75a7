/** power/buildOnsite: gas turbines behind the meter supply a facility like a PPA, skip the grid queue, burn fuel. */
import { describe, expect, it } from 'vitest';
import { runOperations } from '../../../engine/systems/operations';
import { runPower } from '../../../engine/systems/power';
import type { GameState } from '../../../engine/state';
import { accept, reject } from '../support/commands';
import { PLAYER, addDeployment, addFacility, clearAssets, edit, entries, newGame, runSystem } from '../support/game';
import { deploymentOps } from '../../../engine/deploymentOps';

/** The player alone with a 10 MW Virginia facility full of H100s (no PPA: only 90% of it comes from the spot market). */
function fullFacility(): { state: GameState; facilityId: string } {
  let facilityId = '';
  const state = edit(newGame(), (d) => {
    clearAssets(d);
    facilityId = addFacility(d, PLAYER, 'virginia', 10);
    const perChipMw = (d.chips.byId['vg-h100']!.powerW / 1e6) * d.sites.byId.virginia!.pue;
    addDeployment(d, facilityId, 'vg-h100', Math.floor(10 / perChipMw), 'training');
  });
  return { state, facilityId };
}

describe('power/buildOnsite', () => {
  it('charges capex to the facility, runs after the build quarters, and then supplies power so chips are not throttled', () => {
    const { state, facilityId } = fullFacility();
    const throttled = runSystem(state, runPower);
    const dep = throttled.deployments.ids[0]!;
    expect(deploymentOps(throttled, dep).throttle).toBeGreaterThan(0.05);

    const { state: built, events } = accept(state, { type: 'power/buildOnsite', facilityId, mw: 2 });
    const cost = 2 * state.grid.onsiteCapexUsdPerMw;
    expect(entries(built.ledger, PLAYER, 'capex:facilities')[0]!.amountUsd).toBe(-cost);
    expect(built.facilities.byId[facilityId]!.capexUsd).toBe(state.facilities.byId[facilityId]!.capexUsd + cost);
    expect(events[0]!.text).toMatch(/^Gas turbines: 2\.0 MW behind the meter at Northern Virginia for \$2\.5M, running in 2 quarter\(s\); fuel \$70\/MWh, 0\.4 t CO2 per MWh\./);
    // Not running yet.
    expect(deploymentOps(runSystem(built, runPower), dep).throttle).toBeGreaterThan(0.05);
    const running = edit(built, (d) => { d.turn = 2; });
    const powered = runSystem(running, runPower);
    expect(deploymentOps(powered, dep).throttle).toBe(0);

    const operated = runSystem(edit(powered, (d) => { d.ledger = []; }), runOperations);
    const fuel = entries(operated.ledger, PLAYER, 'cost:power:onsite');
    expect(fuel).toHaveLength(1);
    const gen = Object.values(operated.onsiteGenerators.byId)[0]!;
    expect(gen.lastMwh).toBeGreaterThan(0);
    expect(gen.lastMwh).toBeLessThanOrEqual(2 * 2190 + 1e-6);
    expect(fuel[0]!.amountUsd).toBe(-Math.round(gen.lastMwh * 70));
    expect(gen.lastTonnesCo2).toBeCloseTo(gen.lastMwh * 0.4, 6);
    expect(operated.report.some((r) => r.companyId === PLAYER && /on-site gas turbines \(2\.0 MW\) generated .* MWh for .* of fuel and emitted .* t CO2/.test(r.text))).toBe(true);
  });

  it('lets a greenfield facility fully covered on site skip its grid queue', () => {
    const state = newGame();
    const queued = accept(state, { type: 'site/build', siteId: 'virginia', capacityMw: 20, shell: 'greenfield' }).state;
    const facilityId = queued.facilities.ids.find((id) => !state.facilities.byId[id])!;
    const site = state.sites.byId.virginia!;
    expect(queued.facilities.byId[facilityId]!.readyTurn).toBe(site.buildQuarters + site.queueQuarters);
    const { state: covered, events } = accept(queued, { type: 'power/buildOnsite', facilityId, mw: 20 });
    expect(covered.facilities.byId[facilityId]!.readyTurn).toBe(site.buildQuarters);
    expect(covered.sites.byId.virginia!.queueMw).toBeCloseTo(queued.sites.byId.virginia!.queueMw - 20, 9);
    expect(events[1]!.text).toBe(`The facility no longer waits for its grid connection: ready in ${site.buildQuarters} quarter(s) instead of ${site.buildQuarters + site.queueQuarters}.`);
  });

  it('rejects turbines beyond the facility, on another company’s facility, or beyond cash', () => {
    const { state, facilityId } = fullFacility();
    reject(state, { type: 'power/buildOnsite', facilityId, mw: 11 }, /On-site generation at Northern Virginia would total 11 MW; the facility is 10 MW \(0\.0 MW already on site\)\./);
    reject(state, { type: 'power/buildOnsite', facilityId: 'fac-999999', mw: 1 }, /There is no facility fac-999999/);
    const poor = edit(state, (d) => { d.companies.byId[PLAYER]!.cashUsd = 1000; });
    reject(poor, { type: 'power/buildOnsite', facilityId, mw: 5 }, /5\.0 MW of gas turbines cost \$6\.3M; cash is \$1k\./);
  });
});
