/** Worker thread of `tpw balance`: plays the games it is sent and posts each result back. */
import { parentPort } from 'node:worker_threads';
import { findBuiltInScenario } from '../../engine';
import { playBalanceGame } from '../../engine/balance';

export interface BalanceJob {
  scenarioId: string;
  strategy: string;
  seed: number;
}

parentPort?.on('message', (job: BalanceJob | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  const scenario = findBuiltInScenario(job.scenarioId);
  if (!scenario) throw new Error(`unknown scenario ${job.scenarioId}`);
  parentPort?.postMessage(playBalanceGame(scenario.scenario, job.strategy, job.seed));
});
