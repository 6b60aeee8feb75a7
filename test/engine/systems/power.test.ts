import { describe, expect, it } from 'vitest';
import { chipsFacilityMw } from '../../../engine/capacity';
import { runPower } from '../../../engine/systems/power';
import type { GameState } from '../../../engine/state';
import { PLAYER, addContract, addDeployment, addFacility, clearAssets, edit, newGame, playerFacility, runSystem } from '../support/game';
import { deploymentOps } from '../../../engine/deploymentOps';

/** The player alone at West Texas: one ready facility, `chips` H100s on mid, an optional PPA. */
function texasSetUp(opts: { facilityMw: number; chips: number; ppaMw: number; spotAvailability: number }): GameState {
  return edit(newGame(), (d) => {
    clearAssets(d, [PLAYER]);
    const fac = addFacility(d, PLAYER, 'texas', opts.facilityMw);
    addDeployment(d, fac, 'vg-h100', opts.chips, 'mid');
    if (opts.ppaMw > 0) addContract(d, PLAYER, 'texas', opts.ppaMw, 56);
    d.sites.byId.texas!.spotAvailability = opts.spotAvailability;
  });
}

/** The player's deployments with last quarter's operating figures. */
function playerDeployments(state: GameState) {
  return state.deployments.ids.map((id) => ({ ...state.deployments.byId[id]!, ...deploymentOps(state, id) })).filter((d) => d.companyId === PLAYER);
}

describe('runPower', () => {
  it('does not throttle chips whose draw is covered by PPAs and spot power', () => {
    const after = runSystem(newGame(), runPower);
    for (const d of playerDeployments(after)) expect(d.throttle).toBe(0);
    expect(after.report.filter((r) => r.kind === 'throttle' && r.companyId === PLAYER)).toEqual([]);
  });

  it('throttles by exactly the uncovered share when contracted + spot < draw, and reports it', () => {
    const state = texasSetUp({ facilityMw: 10, chips: 8000, ppaMw: 2, spotAvailability: 0.3 });
    const drawMw = chipsFacilityMw(state, 'vg-h100', 8000, 'texas');
    const supplyMw = 2 + 0.3 * 10;
    expect(drawMw).toBeGreaterThan(supplyMw);
    const after = runSystem(state, runPower);
    const [dep] = playerDeployments(after);
    expect(dep!.throttle).toBeCloseTo(1 - supplyMw / drawMw, 12);
    const lines = after.report.filter((r) => r.kind === 'throttle' && r.companyId === PLAYER);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toContain('West Texas');
    expect(lines[0]!.text).toContain(`${((1 - supplyMw / drawMw) * 100).toFixed(1)}%`);
  });

  it('a PPA that covers the draw removes the throttle', () => {
    const state = texasSetUp({ facilityMw: 10, chips: 8000, ppaMw: 10, spotAvailability: 0 });
    const after = runSystem(state, runPower);
    expect(playerDeployments(after)[0]!.throttle).toBe(0);
  });

  it('facilities still under construction supply no spot power', () => {
    const state = edit(texasSetUp({ facilityMw: 10, chips: 8000, ppaMw: 0, spotAvailability: 1 }), (d) => {
      addFacility(d, PLAYER, 'texas', 100, { status: 'building', readyTurn: 5 });
    });
    const drawMw = chipsFacilityMw(state, 'vg-h100', 8000, 'texas');
    const after = runSystem(state, runPower);
    expect(playerDeployments(after)[0]!.throttle).toBeCloseTo(Math.max(0, 1 - 10 / drawMw), 12);
  });

  it('expires a PPA at its end turn, reports it, and no longer counts it', () => {
    const state = newGame();
    const fac = playerFacility(state);
    const ppaId = state.contracts.ids.find((id) => state.contracts.byId[id]!.companyId === PLAYER)!;
    const atEnd = edit(state, (d) => {
      d.turn = d.contracts.byId[ppaId]!.endTurn;
      d.sites.byId.quebec!.spotAvailability = 0;
    });
    const after = runSystem(atEnd, runPower);
    expect(after.contracts.ids).not.toContain(ppaId);
    expect(after.report.some((r) => r.kind === 'power' && r.companyId === PLAYER && r.text.includes('expired'))).toBe(true);
    // Without the PPA and with no spot power the chips at Quebec get nothing.
    for (const d of playerDeployments(after)) {
      if (d.facilityId === fac) expect(d.throttle).toBe(1);
    }
  });

  it('keeps a PPA one turn before its end', () => {
    const state = newGame();
    const ppaId = state.contracts.ids.find((id) => state.contracts.byId[id]!.companyId === PLAYER)!;
    const before = edit(state, (d) => {
      d.turn = d.contracts.byId[ppaId]!.endTurn - 1;
    });
    expect(runSystem(before, runPower).contracts.ids).toContain(ppaId);
  });

  it('sets every spot price around its base price, seeded by the game seed', () => {
    const a = runSystem(newGame(1), runPower);
    const b = runSystem(newGame(2), runPower);
    let differs = false;
    for (const id of a.sites.ids) {
      const base = a.sites.byId[id]!.basePowerPriceUsdPerMwh;
      const price = a.sites.byId[id]!.spotPriceUsdPerMwh;
      expect(price).toBeGreaterThan(0);
      expect(price).toBeLessThan(base * 2.5 * 1.1 * 1.6 + 0.01);
      expect(Math.round(price * 100) / 100).toBe(price);
      if (price !== b.sites.byId[id]!.spotPriceUsdPerMwh) differs = true;
    }
    expect(differs).toBe(true);
    expect(runSystem(newGame(1), runPower).sites).toEqual(a.sites);
  });

  it('a price shock multiplies the spot price', () => {
    const calm = runSystem(newGame(3), runPower);
    const shocked = runSystem(edit(newGame(3), (d) => { d.sites.byId.texas!.priceShockFactor = 3; }), runPower);
    expect(shocked.sites.byId.texas!.spotPriceUsdPerMwh).toBeCloseTo(calm.sites.byId.texas!.spotPriceUsdPerMwh * 3, 1);
  });
});
