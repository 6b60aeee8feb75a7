/** Set-ups for training-contract tests: an open contract, and training GPUs for a company at a site. */
import { newId } from '../../../engine/ids';
import type { GameState, Id, TrainingContract } from '../../../engine/state';
import { insertRow } from '../../../engine/table';
import { addDeployment, addFacility } from './game';

/** Inserts an open, real (not echo) contract posted last turn: 1M H100e-hours a quarter for 2 quarters, max $4/h. */
export function addContract(draft: GameState, overrides: Partial<TrainingContract> = {}): Id {
  const id = overrides.id ?? newId(draft, 'tc');
  insertRow(draft.trainingContracts, {
    id, lab: 'Aleph Labs', h100eHoursPerQuarter: 1_000_000, durationQuarters: 2, maxPriceUsdPerHour: 4, minReliability: 0.9,
    regionRule: { label: 'any region', onlyRegionIds: [], excludeRegionIds: [] }, postedTurn: draft.turn - 1, echoOf: null, status: 'open',
    bids: [], awardedTo: null, priceUsdPerHour: 0, startTurn: 0, endTurn: 0, lastDeliveredH100eHours: 0, ...overrides,
  });
  return id;
}

/** `count` H100-class GPUs on training for a company in a new 20 MW facility at `siteId` (2,190 H100e-hours each a quarter). */
export function addTrainingGpus(draft: GameState, companyId: Id, siteId: Id, count: number): Id {
  const facility = addFacility(draft, companyId, siteId, 20);
  return addDeployment(draft, facility, 'vg-h100', count, 'training');
}
