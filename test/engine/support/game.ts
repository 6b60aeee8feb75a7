/**
 * Shared set-up for engine tests: a fresh Inference Gambit game, helpers that add rows to a draft so a test can build
 * the one situation it needs, and `runSystem` to call one system on a state (state in → state out).
 */
import { produce, type Draft } from 'immer';
import { runOnWorkingCopy } from '../../../engine/turn';
import { expect } from 'vitest';
import { createGame, findBuiltInScenario, type Scenario } from '../../../engine/index';
import { newId } from '../../../engine/ids';
import { sumLedger } from '../../../engine/ledger';
import { editRow, insertRow, removeRow } from '../../../engine/table';
import type { Facility, GameState, Id, LedgerEntry, Table, Workload } from '../../../engine/state';

export const SCENARIO: Scenario = findBuiltInScenario('inference-gambit')!.scenario;
/** Company ids of the scenario: the player (LPU start-up) and two GPU rivals. */
export const PLAYER = 'lattice';
export const INCUMBENT = 'hyperion';
export const NEOCLOUD = 'stratus';

export function newGame(seed = 1): GameState {
  return createGame(SCENARIO, seed);
}

/** Runs one system (or any draft recipe) on a state through immer, as endTurn does. */
/** Runs one system the way endTurn does (on a working copy whose rows are shared and frozen until edited). */
export function runSystem(state: GameState, system: (draft: GameState) => void): GameState {
  return runOnWorkingCopy(state, system);
}

/** A test's change to a state, through immer (the draft's rows are writable). */
export function edit(state: GameState, recipe: (draft: Draft<GameState>) => void): GameState {
  return produce(state, (draft) => {
    recipe(draft);
  });
}

/** Removes every deployment, facility, PPA, order, loan and revenue-share deal so a test starts from an empty world. */
export function clearAssets(draft: GameState, companyIds: readonly Id[] = draft.companies.ids): void {
  const tables: Table<{ id: Id; companyId: Id }>[] = [draft.deployments, draft.facilities, draft.contracts, draft.orders, draft.loans, draft.deals];
  for (const table of tables) {
    for (const id of [...table.ids]) {
      if (companyIds.includes(table.byId[id]!.companyId)) removeRow(table, id);
    }
  }
  for (const id of companyIds) editRow(draft.companies, id).inventory = {};
}

export function addFacility(
  draft: GameState,
  companyId: Id,
  siteId: Id,
  capacityMw: number,
  overrides: Partial<Facility> = {},
): Id {
  const capex = Math.round(capacityMw * draft.sites.byId[siteId]!.capexUsdPerMw);
  const id = newId(draft, 'fac');
  insertRow(draft.facilities, {
    id, companyId, siteId, capacityMw, shell: 'greenfield', status: 'ready', startedTurn: 0, readyTurn: 0,
    bookBaseUsd: capex, bookBaseQuarter: draft.depreciatedQuarters, capexUsd: capex, ...overrides,
  });
  return id;
}

export function addDeployment(draft: GameState, facilityId: Id, chipId: Id, count: number, workload: Workload): Id {
  const facility = draft.facilities.byId[facilityId]!;
  const chip = draft.chips.byId[chipId]!;
  const value = count * chip.unitPriceUsd;
  const id = newId(draft, 'dep');
  insertRow(draft.deployments, {
    id, companyId: facility.companyId, facilityId, siteId: facility.siteId, chipId, count, workload,
    bookBaseUsd: value, bookBaseQuarter: draft.depreciatedQuarters, depreciationPerQuarterUsd: value / chip.usefulLifeQuarters,
    deployedTurn: draft.turn,
  });
  return id;
}

export function addContract(draft: GameState, companyId: Id, siteId: Id, mw: number, priceUsdPerMwh: number, quarters = 40): Id {
  const id = newId(draft, 'ppa');
  insertRow(draft.contracts, { id, companyId, siteId, mw, priceUsdPerMwh, startTurn: draft.turn, endTurn: draft.turn + quarters });
  return id;
}

/** Ledger entries of one company and category prefix. */
export function entries(ledger: readonly LedgerEntry[], companyId: Id, categoryPrefix = ''): LedgerEntry[] {
  return ledger.filter((e) => e.companyId === companyId && e.category.startsWith(categoryPrefix));
}

export { sumLedger };

/** The player's deployment on a workload at the start of the scenario. */
export function playerDeployment(state: GameState, workload: Workload): Id {
  const id = state.deployments.ids.find((d) => state.deployments.byId[d]!.companyId === PLAYER && state.deployments.byId[d]!.workload === workload);
  if (!id) throw new Error(`no ${workload} deployment for the player`);
  return id;
}

export function playerFacility(state: GameState, siteId = 'quebec'): Id {
  const id = state.facilities.ids.find((f) => state.facilities.byId[f]!.companyId === PLAYER && state.facilities.byId[f]!.siteId === siteId);
  if (!id) throw new Error(`no player facility at ${siteId}`);
  return id;
}

/** Asserts |actual − expected| ≤ rel × max(|expected|, 1): for token and dollar figures where fixed digits mislead. */
export function expectRelClose(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1));
}
