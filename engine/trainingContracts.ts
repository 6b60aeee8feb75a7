/**
 * Training-contract rules shared by the `training/bid` command, the contracts system and the strategies (DESIGN §1.6):
 * a company's training capacity by region, what it has committed, and whether it qualifies for a contract.
 */
import { formatCount, formatPct } from './format';
import type { Frozen, GameState, Id, TrainingContract } from './state';
import { HOURS_PER_QUARTER } from './units';
import { deploymentOps } from './deploymentOps';
import { editRow } from './table';

/** H100e-hours a quarter a company's training deployments offer now (after throttling), in total and by region. */
export function trainingCapacity(state: GameState, companyId: Id): { total: number; byRegion: Record<Id, number> } {
  const byRegion: Record<Id, number> = {};
  let total = 0;
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (d.companyId !== companyId || d.workload !== 'training') continue;
    const hours = d.count * state.chips.byId[d.chipId]!.trainingH100e * HOURS_PER_QUARTER * (1 - deploymentOps(state, d.id).throttle);
    const regionId = state.sites.byId[d.siteId]!.regionId;
    byRegion[regionId] = (byRegion[regionId] ?? 0) + hours;
    total += hours;
  }
  return { total, byRegion };
}

/** H100e-hours a quarter a company owes under contracts awarded and not yet finished. */
export function committedH100eHours(state: GameState, companyId: Id): number {
  let hours = 0;
  for (const id of state.trainingContracts.ids) {
    const c = state.trainingContracts.byId[id]!;
    if (c.status === 'awarded' && c.awardedTo === companyId && c.endTurn > state.turn) hours += c.h100eHoursPerQuarter;
  }
  return hours;
}

export function regionAllowed(rule: Frozen<TrainingContract['regionRule']>, regionId: Id): boolean {
  if (rule.onlyRegionIds.length > 0 && !rule.onlyRegionIds.includes(regionId)) return false;
  return !rule.excludeRegionIds.includes(regionId);
}

/** A company's training capacity now and what it has committed (H100e-hours a quarter): computed once, reused per contract. */
export interface TrainingPosition {
  total: number;
  byRegion: Record<Id, number>;
  /** byRegion's keys, sorted: the order capacity at allowed sites is summed in. */
  regionIds: Id[];
  committed: number;
}

export function trainingPosition(state: GameState, companyId: Id): TrainingPosition {
  const { total, byRegion } = trainingCapacity(state, companyId);
  return { total, byRegion, regionIds: Object.keys(byRegion).sort(), committed: committedH100eHours(state, companyId) };
}

/**
 * Why a company cannot take a contract now (reliability, region rule, capacity), or null. Capacity counts the
 * training capacity at sites the region rule allows, less everything already committed (`extraCommitted`: awarded
 * earlier in the same pass).
 */
export function contractProblem(
  state: GameState,
  companyId: Id,
  contract: Frozen<TrainingContract>,
  extraCommitted = 0,
  position: TrainingPosition = trainingPosition(state, companyId),
): string | null {
  const company = state.companies.byId[companyId]!;
  if (company.reliability < contract.minReliability) {
    return `${contract.lab} requires ${formatPct(contract.minReliability)} reliability; ${company.name} has ${formatPct(company.reliability)}.`;
  }
  const { total, byRegion } = position;
  const free = total - position.committed - extraCommitted;
  let allowed = 0;
  for (const regionId of position.regionIds) if (regionAllowed(contract.regionRule, regionId)) allowed += byRegion[regionId]!;
  const need = contract.h100eHoursPerQuarter;
  if (free + 1e-6 < need) {
    return `Not enough training capacity: contract ${contract.id} needs ${formatCount(need)} H100e-hours a quarter; ${company.name} has ${formatCount(Math.max(0, free))} uncommitted.`;
  }
  if (Math.min(free, allowed) + 1e-6 < need) {
    return `${contract.lab} requires ${contract.regionRule.label}: ${company.name}'s training capacity at allowed sites is ${formatCount(allowed)} H100e-hours a quarter; the contract needs ${formatCount(need)}.`;
  }
  return null;
}

/** Contract size in words: "12.0M H100e-hours a quarter for 3 quarters". */
export function contractSize(contract: Frozen<TrainingContract>): string {
  return `${formatCount(contract.h100eHoursPerQuarter)} H100e-hours a quarter for ${contract.durationQuarters} quarter(s)`;
}

/** Withdraws an echo contract: its bidders learn the lab signed elsewhere. */
export function withdrawEcho(draft: GameState, contractId: Id): void {
  const contract = editRow(draft.trainingContracts, contractId);
  contract.status = 'withdrawn';
  for (const bid of contract.bids) {
    draft.report.push({
      companyId: bid.companyId,
      kind: 'market',
      text: `Contract ${contract.id} from ${contract.lab} (${contractSize(contract)}) withdrawn: the lab signed elsewhere. It was one of several copies of the same request sent to many builders (echo demand); capacity built for it has no buyer.`,
    });
  }
}
