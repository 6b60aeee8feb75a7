import { describe, expect, it } from 'vitest';
import { deploymentTrainingCapacity } from '../../../engine/capacity';
import { runTrainingMarket } from '../../../engine/systems/trainingMarket';
import type { GameState } from '../../../engine/state';
import { INCUMBENT, NEOCLOUD, PLAYER, addDeployment, addFacility, clearAssets, edit, entries, expectRelClose, newGame, runSystem } from '../support/game';
import { deploymentOps, writableOps } from '../../../engine/deploymentOps';

/** Only the incumbent rents out `gpus` H100s for training; `demandScale` scales the labs' demand. */
function trainingWorld(gpus: number, demandScale = 1): GameState {
  return edit(newGame(), (d) => {
    clearAssets(d);
    const fac = addFacility(d, INCUMBENT, 'virginia', 1000);
    addDeployment(d, fac, 'vg-h100', gpus, 'training');
    d.training.demandH100eHours *= demandScale;
  });
}

describe('runTrainingMarket', () => {
  it('sells no more than demand and no more than offered', () => {
    for (const gpus of [1_000, 100_000, 1_000_000]) {
      const state = trainingWorld(gpus);
      const after = runSystem(state, runTrainingMarket);
      const m = after.training;
      expect(m.lastSoldH100eHours).toBeLessThanOrEqual(state.training.demandH100eHours);
      expect(m.lastSoldH100eHours).toBeLessThanOrEqual(m.lastOfferedH100eHours);
      expect(m.lastSoldH100eHours).toBe(Math.min(state.training.demandH100eHours, m.lastOfferedH100eHours));
    }
  });

  it('scarcity raises the clearing price; plenty lowers it (within floor and cap)', () => {
    const scarce = runSystem(trainingWorld(20_000), runTrainingMarket).training;
    const balanced = runSystem(trainingWorld(200_000), runTrainingMarket).training;
    const glut = runSystem(trainingWorld(2_000_000), runTrainingMarket).training;
    expect(scarce.clearingPriceUsdPerHour).toBeGreaterThan(balanced.clearingPriceUsdPerHour);
    expect(balanced.clearingPriceUsdPerHour).toBeGreaterThan(glut.clearingPriceUsdPerHour);
    const ref = newGame().training.refPriceUsdPerHour;
    const floor = newGame().training.floorPriceUsdPerHour;
    for (const m of [scarce, balanced, glut]) {
      expect(m.clearingPriceUsdPerHour).toBeLessThanOrEqual(ref * 2);
      expect(m.clearingPriceUsdPerHour).toBeGreaterThanOrEqual(floor);
    }
  });

  it('books revenue = hours sold × clearing price for each provider, pro rata to capacity', () => {
    const state = edit(trainingWorld(100_000), (d) => {
      const fac = addFacility(d, NEOCLOUD, 'texas', 1000);
      addDeployment(d, fac, 'vg-b200', 50_000, 'training');
    });
    const after = runSystem(state, runTrainingMarket);
    const m = after.training;
    let soldSum = 0;
    for (const id of after.deployments.ids) {
      const d = deploymentOps(after, id);
      const cap = deploymentTrainingCapacity(state, state.deployments.byId[id]!);
      expectRelClose(d.soldH100eHours, cap * (m.lastSoldH100eHours / m.lastOfferedH100eHours));
      soldSum += d.soldH100eHours;
    }
    expectRelClose(soldSum, m.lastSoldH100eHours);
    for (const companyId of [INCUMBENT, NEOCLOUD]) {
      const [entry] = entries(after.ledger, companyId, 'revenue:training');
      const hours = after.deployments.ids.map((id) => after.deployments.byId[id]!).filter((d) => d.companyId === companyId)
        .reduce((a, d) => a + deploymentOps(after, d.id).soldH100eHours, 0);
      // The ledger uses the unrounded price; the stored clearing price is rounded to cents.
      expect(Math.abs(entry!.amountUsd - hours * m.clearingPriceUsdPerHour)).toBeLessThanOrEqual(hours * 0.005 + 1);
    }
  });

  it('SRAM-LPUs offer no training capacity even if placed on training', () => {
    const state = edit(trainingWorld(10_000), (d) => {
      const fac = addFacility(d, PLAYER, 'quebec', 50);
      addDeployment(d, fac, 'lpu-v1', 5_000, 'training');
    });
    const after = runSystem(state, runTrainingMarket);
    expect(after.training.lastOfferedH100eHours).toBe(deploymentTrainingCapacity(state, state.deployments.byId[state.deployments.ids[0]!]!));
    expect(entries(after.ledger, PLAYER, 'revenue:')).toEqual([]);
  });

  it('with nothing offered nothing is sold and the price is capped at twice the reference', () => {
    const state = edit(newGame(), (d) => clearAssets(d));
    const after = runSystem(state, runTrainingMarket);
    expect(after.training.lastSoldH100eHours).toBe(0);
    expect(after.training.clearingPriceUsdPerHour).toBe(state.training.refPriceUsdPerHour * 2);
    expect(after.ledger).toEqual([]);
  });

  it('throttled GPUs offer proportionally fewer hours', () => {
    const full = runSystem(trainingWorld(10_000), runTrainingMarket).training.lastOfferedH100eHours;
    const halved = runSystem(edit(trainingWorld(10_000), (d) => {
      writableOps(d, d.deployments.ids[0]!).throttle = 0.5;
    }), runTrainingMarket).training.lastOfferedH100eHours;
    expectRelClose(halved, full / 2);
  });
});
