/** Derived capacity figures of chips and deployments (pure reads of state). */
import { deploymentOps } from './deploymentOps';
import type { ChipModel, Deployment, GameState, Id, Tier, TierId } from './state';
import { SECONDS_PER_QUARTER, HOURS_PER_QUARTER } from './units';

/**
 * Chips one model replica needs. An SRAM-LPU holds the whole model on-chip, so a replica is
 * ceil(model MB / SRAM MB per chip) chips (~544 for a 70B model at 230 MB); an HBM GPU is counted per chip.
 */
export function replicaChips(chip: ChipModel, tier: Tier): number {
  if (chip.kind !== 'sram-lpu' || chip.sramMb <= 0) return 1;
  return Math.ceil((tier.modelGb * 1000) / chip.sramMb);
}

/** Chips that can serve: a partial LPU replica serves nothing. */
export function servingChips(chip: ChipModel, tier: Tier, count: number): number {
  const replica = replicaChips(chip, tier);
  return Math.floor(count / replica) * replica;
}

/** Tokens a deployment can serve in a quarter at full utilization, after power throttling. */
export function deploymentTokenCapacity(state: GameState, dep: Deployment): number {
  if (dep.workload === 'training') return 0;
  const chip = state.chips.byId[dep.chipId]!;
  const tier = state.tiers[dep.workload];
  const perSec = servingChips(chip, tier, dep.count) * chip.inferenceTokensPerSec[dep.workload] * tier.efficiencyMultiplier;
  return perSec * SECONDS_PER_QUARTER * (1 - deploymentOps(state, dep.id).throttle);
}

/** H100e-hours a training deployment offers in a quarter, after throttling. */
export function deploymentTrainingCapacity(state: GameState, dep: Deployment): number {
  if (dep.workload !== 'training') return 0;
  const chip = state.chips.byId[dep.chipId]!;
  return dep.count * chip.trainingH100e * HOURS_PER_QUARTER * (1 - deploymentOps(state, dep.id).throttle);
}

/** Facility power (MW, including cooling via PUE) that `count` chips draw at full load. */
export function chipsFacilityMw(state: GameState, chipId: Id, count: number, siteId: Id): number {
  const chip = state.chips.byId[chipId]!;
  return ((count * chip.powerW) / 1e6) * state.sites.byId[siteId]!.pue;
}

/** Full-load facility power (MW) of every deployment, in the order of `state.deployments.ids`. */
export function deploymentsFacilityMw(state: GameState): number[] {
  return state.deployments.ids.map((id) => {
    const d = state.deployments.byId[id]!;
    return chipsFacilityMw(state, d.chipId, d.count, d.siteId);
  });
}

/** Facility power already committed to deployments in a facility (MW at full load). */
export function facilityCommittedMw(state: GameState, facilityId: Id): number {
  let mw = 0;
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (d.facilityId === facilityId) mw += chipsFacilityMw(state, d.chipId, d.count, d.siteId);
  }
  return mw;
}

/** Per-user speed a tier gets from a chip (tokens/s). */
export function userSpeed(chip: ChipModel, tier: TierId): number {
  return chip.userSpeedTokensPerSec[tier];
}

/** Chips deployed by a company. */
export function chipsDeployed(state: GameState, companyId: Id): number {
  let n = 0;
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (d.companyId === companyId) n += d.count;
  }
  return n;
}
