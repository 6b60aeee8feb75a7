/** Built-in strategies: the CLI's player strategies and the rivals' policies, all built on the growth policy. */
import type { GameState, Id, RivalPolicy } from '../state';
import { gpuVendorCommands } from './gpuVendor';
import { growthCommands } from './growth';
import type { GrowthParams, Strategy } from './types';

export type { Strategy, GrowthParams } from './types';

const lpuOnly: GrowthParams['chipKinds'] = ['sram-lpu'];

/** Player strategies by name, as `tpw sim --strategy <name>` knows them. */
export const PLAYER_STRATEGIES: Record<string, { description: string; params: GrowthParams }> = {
  'inference-first': {
    description: 'Leave training to the incumbent: LPUs only, undercut inference prices, win volume.',
    params: {
      chipKinds: lpuOnly,
      targetShare: { small: 0.3, mid: 0.4, frontier: 0.12, training: 0 },
      priceFactor: 0.55,
      targetUtilization: 0.65,
      ppaShare: 0.7,
      siteWeights: { powerPrice: 1, latency: 0.6 },
      spendShare: 0.85,
      borrow: true,
      raiseEquity: true,
      designNextGen: true,
    },
  },
  'training-first': {
    description: 'Fight for training: buy incumbent GPUs, rent H100e-hours to labs, serve a little frontier inference.',
    params: {
      chipKinds: ['hbm-gpu'],
      targetShare: { small: 0, mid: 0.02, frontier: 0.03, training: 0.15 },
      priceFactor: 1,
      targetUtilization: 0.8,
      ppaShare: 0.7,
      siteWeights: { powerPrice: 1, latency: 0.3 },
      spendShare: 0.85,
      borrow: true,
      raiseEquity: true,
      trainingBidFactor: 0.95,
    },
  },
  hybrid: {
    description: 'LPUs for inference volume, GPUs for the training market.',
    params: {
      chipKinds: ['sram-lpu', 'hbm-gpu'],
      targetShare: { small: 0.2, mid: 0.25, frontier: 0.06, training: 0.06 },
      priceFactor: 0.7,
      targetUtilization: 0.7,
      ppaShare: 0.7,
      siteWeights: { powerPrice: 1, latency: 0.5 },
      spendShare: 0.8,
      borrow: true,
      raiseEquity: true,
    },
  },
  kingdom: {
    description: 'The Kingdom deal: a Gulf partner funds big LPU campuses for 70% of their revenue until its hurdle, then 5%.',
    params: {
      chipKinds: lpuOnly,
      targetShare: { small: 0.3, mid: 0.4, frontier: 0.12, training: 0 },
      priceFactor: 0.55,
      targetUtilization: 0.65,
      ppaShare: 0.8,
      siteWeights: { powerPrice: 2, latency: 0.4 },
      spendShare: 0.85,
      borrow: true,
      raiseEquity: true,
      partnerDeal: { partnerSharePct: 0.7, upsideSharePct: 0.05, minMw: 50 },
    },
  },
  'power-first': {
    description: 'Cheapest power above all: LPUs in hydro and Gulf sites, fully contracted with PPAs; gas turbines behind the meter where grid queues are long.',
    params: {
      chipKinds: lpuOnly,
      targetShare: { small: 0.3, mid: 0.35, frontier: 0.1, training: 0 },
      priceFactor: 0.6,
      targetUtilization: 0.65,
      ppaShare: 1,
      siteWeights: { powerPrice: 3, latency: 0.2 },
      spendShare: 0.8,
      borrow: true,
      raiseEquity: true,
      onsiteWhenQueueQuarters: 4,
    },
  },
};

/** Parameters a rival's scenario policy maps to. */
export function rivalParams(policy: RivalPolicy): GrowthParams {
  const inference = (1 - policy.trainingFocus) * policy.aggression;
  const lpu = policy.strategy === 'inference-chip';
  return {
    chipKinds: lpu ? ['sram-lpu'] : ['hbm-gpu'],
    targetShare: {
      small: 0.5 * inference,
      mid: 0.55 * inference,
      frontier: 0.8 * inference,
      training: lpu ? 0 : 0.6 * policy.trainingFocus * policy.aggression,
    },
    priceFactor: policy.priceFactor,
    targetUtilization: 0.7,
    ppaShare: 0.6,
    siteWeights: { powerPrice: 1, latency: 1 },
    spendShare: 0.6 + 0.3 * policy.aggression,
    borrow: true,
    raiseEquity: policy.strategy === 'neocloud',
    // Cloud-scale builders put gas turbines behind the meter rather than wait years for the grid.
    onsiteWhenQueueQuarters: policy.strategy === 'gpu-cloud' ? 6 : undefined,
  };
}

export function playerStrategy(name: string): Strategy | null {
  const entry = PLAYER_STRATEGIES[name];
  if (!entry) return null;
  return (state: GameState, companyId: Id) => growthCommands(state, companyId, entry.params);
}

export function rivalStrategy(policy: RivalPolicy): Strategy {
  if (policy.strategy === 'gpu-vendor') return gpuVendorCommands;
  const params = rivalParams(policy);
  return (state: GameState, companyId: Id) => growthCommands(state, companyId, params);
}
