import { describe, expect, it } from 'vitest';
import { chipsDeployed, chipsFacilityMw, deploymentTokenCapacity, deploymentTrainingCapacity, facilityCommittedMw, replicaChips, servingChips } from '../../engine/capacity';
import { HOURS_PER_QUARTER, SECONDS_PER_QUARTER } from '../../engine/units';
import { PLAYER, edit, newGame, playerDeployment, playerFacility } from './support/game';
import { writableOps } from '../../engine/deploymentOps';

describe('capacity', () => {
  const state = newGame();
  const lpu = state.chips.byId['lpu-v1']!;
  const gpu = state.chips.byId['vg-h100']!;

  it('an SRAM-LPU replica is ceil(model MB / SRAM MB) chips; an HBM GPU counts per chip', () => {
    for (const tier of ['small', 'mid', 'frontier'] as const) {
      expect(replicaChips(lpu, state.tiers[tier])).toBe(Math.ceil((state.tiers[tier].modelGb * 1000) / lpu.sramMb));
      expect(replicaChips(gpu, state.tiers[tier])).toBe(1);
    }
    // DESIGN §1.5: a 70B model needs ~512–576 LPUs.
    expect(replicaChips(lpu, state.tiers.mid)).toBeGreaterThanOrEqual(512);
    expect(replicaChips(lpu, state.tiers.mid)).toBeLessThanOrEqual(576);
  });

  it('only whole replicas serve', () => {
    const n = replicaChips(lpu, state.tiers.mid);
    expect(servingChips(lpu, state.tiers.mid, n - 1)).toBe(0);
    expect(servingChips(lpu, state.tiers.mid, 2 * n + 7)).toBe(2 * n);
    expect(servingChips(gpu, state.tiers.mid, 7)).toBe(7);
  });

  it('token capacity scales with serving chips, efficiency and (1 − throttle); training deployments serve no tokens', () => {
    const id = playerDeployment(state, 'mid');
    const d = state.deployments.byId[id]!;
    const full = deploymentTokenCapacity(state, d);
    expect(full).toBe(servingChips(lpu, state.tiers.mid, d.count) * lpu.inferenceTokensPerSec.mid * SECONDS_PER_QUARTER);
    const throttled = edit(state, (s) => { writableOps(s, id).throttle = 0.25; s.tiers.mid.efficiencyMultiplier = 2; });
    expect(deploymentTokenCapacity(throttled, throttled.deployments.byId[id]!)).toBeCloseTo(full * 2 * 0.75, 0);
    expect(deploymentTokenCapacity(state, { ...d, workload: 'training' })).toBe(0);
    expect(deploymentTrainingCapacity(state, d)).toBe(0);
    expect(deploymentTrainingCapacity(state, { ...d, chipId: 'vg-h100', workload: 'training', count: 10 })).toBe(10 * HOURS_PER_QUARTER);
  });

  it('facility power is chips × watts × PUE, and a facility’s committed MW sums its deployments', () => {
    expect(chipsFacilityMw(state, 'lpu-v1', 1000, 'quebec')).toBeCloseTo((1000 * lpu.powerW * state.sites.byId.quebec!.pue) / 1e6, 12);
    const fac = playerFacility(state);
    const count = state.deployments.ids.map((id) => state.deployments.byId[id]!).filter((d) => d.facilityId === fac).reduce((a, d) => a + d.count, 0);
    expect(facilityCommittedMw(state, fac)).toBeCloseTo(chipsFacilityMw(state, 'lpu-v1', count, 'quebec'), 12);
    expect(chipsDeployed(state, PLAYER)).toBe(count);
  });
});
