/** Last quarter's operating figures of deployments (`state.deploymentOps`), read and written through these. */
import type { DeploymentOps, GameState, Id } from './state';
import { copyRecord } from './table';
import { isFrozenData } from './frozen';

const IDLE: DeploymentOps = Object.freeze({ throttle: 0, utilization: 0, servedTokens: 0, soldH100eHours: 0, energyMwh: 0 });

/** A deployment's figures for the last quarter (all zero before its first quarter). */
export function deploymentOps(state: GameState, deploymentId: Id): DeploymentOps {
  return state.deploymentOps[deploymentId] ?? IDLE;
}

/**
 * The writable figures of a deployment for the quarter being played (created at zero). The record and its entries
 * may be frozen, shared with the previous state: they are copied on first write.
 */
export function writableOps(draft: GameState, deploymentId: Id): DeploymentOps {
  if (isFrozenData(draft.deploymentOps)) draft.deploymentOps = copyRecord(draft.deploymentOps);
  let ops = draft.deploymentOps[deploymentId];
  if (!ops) ops = { throttle: 0, utilization: 0, servedTokens: 0, soldH100eHours: 0, energyMwh: 0 };
  else if (isFrozenData(ops)) ops = { ...ops };
  else return ops;
  draft.deploymentOps[deploymentId] = ops;
  return ops;
}

/** Drops a deployment's figures (it was merged into another); the record is copied first when frozen. */
export function removeOps(draft: GameState, deploymentId: Id): void {
  if (!(deploymentId in draft.deploymentOps)) return;
  if (isFrozenData(draft.deploymentOps)) draft.deploymentOps = copyRecord(draft.deploymentOps);
  delete draft.deploymentOps[deploymentId];
}

/**
 * Starts the quarter's figures afresh: every deployment at zero, in id order (so the record's keys stay sorted).
 * Power, the markets and operations then fill in this quarter's throttle, use and energy.
 */
export function resetOps(draft: GameState): void {
  const fresh: Record<Id, DeploymentOps> = {};
  for (const id of draft.deployments.ids) fresh[id] = { throttle: 0, utilization: 0, servedTokens: 0, soldH100eHours: 0, energyMwh: 0 };
  draft.deploymentOps = fresh;
}
