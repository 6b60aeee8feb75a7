/** Last quarter's operating figures of deployments (`state.deploymentOps`), read and written through these. */
import type { DeploymentOps, GameState, Id } from './state';

const IDLE: DeploymentOps = Object.freeze({ throttle: 0, utilization: 0, servedTokens: 0, soldH100eHours: 0, energyMwh: 0 });

/** A deployment's figures for the last quarter (all zero before its first quarter). */
export function deploymentOps(state: GameState, deploymentId: Id): DeploymentOps {
  return state.deploymentOps[deploymentId] ?? IDLE;
}

/** The writable figures of a deployment for the quarter being played (created at zero). */
export function writableOps(draft: GameState, deploymentId: Id): DeploymentOps {
  let ops = draft.deploymentOps[deploymentId];
  if (!ops) {
    ops = { throttle: 0, utilization: 0, servedTokens: 0, soldH100eHours: 0, energyMwh: 0 };
    draft.deploymentOps[deploymentId] = ops;
  }
  return ops;
}
