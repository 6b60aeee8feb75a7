/** createGame: a fresh GameState from a validated scenario and a seed. Pure; the same inputs give the same state. */
import { newLoan } from './finance';
import { hashGameState } from './stateHash';
import { newId } from './ids';
import { seedRng, type RngState } from './math/rng';
import type { Scenario, CompanySetup } from './scenario/schema';
import { scenarioHash } from './scenario/load';
import { addStartingLtas, chipSupplyDefaults, supplyOf } from './supplyChain';
import { DEFAULT_GRID, defaultConnectionMwPerQuarter } from './scenario/worldSchemas';
import { emptyTable, insertRow } from './table';
import type { Company, GameState, PerTier, RevenueSharePartner, Tier, TierMarketResult } from './state';
import { TIER_IDS } from './state';
import { ENGINE_VERSION } from './version';
import { deepFreeze } from './turnCommit';

export interface GameOptions {
  /** Label only; settings that change rules would go here and into the save. */
  playerName?: string;
}

export function createGame(scenario: Scenario, seed: number, _options: GameOptions = {}): GameState {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`Seed must be an integer from 0 to 4294967295 (got ${seed}).`);
  const rng: Record<string, RngState> = {
    events: seedRng(seed, 'events'),
    market: seedRng(seed, 'market'),
    power: seedRng(seed, 'power'),
    training: seedRng(seed, 'training'),
  };
  for (const rival of scenario.rivals) rng[`rival:${rival.id}`] = seedRng(seed, `rival:${rival.id}`);

  const trainingData = { ...scenario.world.training };
  delete trainingData.contracts;
  const tiers = {} as PerTier<Tier>;
  const results = {} as PerTier<TierMarketResult>;
  for (const id of TIER_IDS) {
    const t = scenario.world.tiers[id];
    tiers[id] = { id, ...t, efficiencyMultiplier: 1, efficiencyGainPerQuarter: t.efficiencyGainPerQuarter };
    results[id] = { demandTokens: 0, servedTokens: 0, avgPricePerMTokUsd: t.refPricePerMTokUsd, servedByCompany: {} };
  }

  const state: GameState = {
    format: 'tpw-state',
    engineVersion: ENGINE_VERSION,
    scenarioId: scenario.id,
    scenarioHash: scenarioHash(scenario),
    seed,
    start: { ...scenario.start },
    lengthTurns: scenario.lengthTurns,
    turn: 0,
    playerId: scenario.player.id,
    rng,
    nextId: 0,
    regions: emptyTable(),
    sites: emptyTable(),
    chips: emptyTable(),
    tiers,
    training: {
      ...trainingData,
      clearingPriceUsdPerHour: scenario.world.training.refPriceUsdPerHour,
      lastSoldH100eHours: 0,
      lastOfferedH100eHours: 0,
      contractTerms: contractTermsOf(scenario),
      contractH100eHoursByCompany: {},
    },
    inferenceResults: results,
    companies: emptyTable(),
    facilities: emptyTable(),
    deployments: emptyTable(),
    deploymentOps: {},
    depreciatedQuarters: 0,
    orders: emptyTable(),
    contracts: emptyTable(),
    loans: emptyTable(),
    deals: emptyTable(),
    supply: supplyOf(scenario),
    designs: emptyTable(),
    trainingContracts: emptyTable(),
    onsiteGenerators: emptyTable(),
    grid: gridOf(scenario),
    capitalMarkets: { sentiment: 1, sentimentChange: 0 },
    finance: { ...scenario.world.finance, revenueSharePartner: partnerOf(scenario) },
    events: scenario.events.map((e) => ({ ...e })),
    randomEvents: (scenario.randomEvents ?? []).map((e) => ({
      kind: e.kind, probabilityPerQuarter: e.probabilityPerQuarter, fromTurn: e.fromTurn ?? 0, toTurn: e.toTurn ?? 400, params: { ...e.params },
    })),
    eventLog: [],
    activeEvents: [],
    victory: scenario.victory.map((c) => ({ ...c })),
    defeat: scenario.defeat.map((c) => ({ ...c })),
    ledger: [],
    lastLedger: [],
    report: [],
    history: [],
    cumulativeProfitUsd: {},
    outcome: null,
    hash: '',
  };
  for (const r of scenario.world.regions) {
    insertRow(state.regions, { ...r, hyperscalerLoadMw: r.hyperscalerLoadMw ?? 0, hyperscalerLoadGrowthMwPerQuarter: r.hyperscalerLoadGrowthMwPerQuarter ?? 0 });
  }
  for (const s of scenario.world.sites) {
    insertRow(state.sites, {
      ...s,
      latencyMs: { ...s.latencyMs },
      spotPriceUsdPerMwh: s.basePowerPriceUsdPerMwh,
      priceShockFactor: 1,
      priceShockUntilTurn: 0,
      ...queueOf(s, scenario),
    });
  }
  for (const c of scenario.world.chips) {
    insertRow(state.chips, { ...c, ...chipSupplyDefaults(c), inferenceTokensPerSec: { ...c.inferenceTokensPerSec }, userSpeedTokensPerSec: { ...c.userSpeedTokensPerSec } });
  }
  setUpCompany(state, scenario.player, true);
  for (const rival of scenario.rivals) setUpCompany(state, rival, false);
  addStartingLtas(state, scenario);
  state.hash = '';
  state.hash = hashGameState(state);
  // Frozen like every state the engine returns: accidental mutation throws, and the hash memo can trust subtrees.
  return deepFreeze(state) as GameState;
}

function setUpCompany(state: GameState, setup: CompanySetup, isPlayer: boolean): void {
  const company: Company = {
    id: setup.id,
    name: setup.name,
    color: setup.color,
    isPlayer,
    policy: setup.policy ? { ...setup.policy } : null,
    cashUsd: setup.cashUsd,
    inventory: { ...setup.inventory },
    pricesPerMTokUsd: { ...setup.pricesPerMTokUsd },
    reliability: setup.reliability,
    baseReliability: setup.reliability,
    ownershipShare: 1,
    lastEquityRaiseTurn: -2,
    lastDepreciationUsd: 0,
    bankrupt: false,
  };
  insertRow(state.companies, company);
  state.cumulativeProfitUsd[setup.id] = 0;
  for (const f of setup.facilities) {
    const site = state.sites.byId[f.siteId]!;
    const value = Math.round(f.capacityMw * site.capexUsdPerMw);
    insertRow(state.facilities, {
      id: newId(state, 'fac'), companyId: setup.id, siteId: f.siteId, capacityMw: f.capacityMw, shell: f.shell,
      status: 'ready', startedTurn: 0, readyTurn: 0, bookBaseUsd: value, bookBaseQuarter: 0, capexUsd: value,
    });
  }
  for (const d of setup.deployments) {
    const chip = state.chips.byId[d.chipId]!;
    const site = state.sites.byId[d.siteId]!;
    const facilityId = state.facilities.ids.find((id) => {
      const f = state.facilities.byId[id]!;
      return f.companyId === setup.id && f.siteId === d.siteId;
    });
    if (!facilityId) throw new Error(`${setup.id}: no facility at ${d.siteId} for its starting chips.`);
    const value = d.count * chip.unitPriceUsd;
    insertRow(state.deployments, {
      id: newId(state, 'dep'), companyId: setup.id, facilityId, siteId: site.id, chipId: chip.id, count: d.count,
      workload: d.workload, bookBaseUsd: value, bookBaseQuarter: 0, depreciationPerQuarterUsd: value / chip.usefulLifeQuarters,
      deployedTurn: 0,
    });
  }
  for (const p of setup.contracts) {
    const site = state.sites.byId[p.siteId]!;
    insertRow(state.contracts, {
      id: newId(state, 'ppa'), companyId: setup.id, siteId: p.siteId, mw: p.mw,
      priceUsdPerMwh: Math.round(site.basePowerPriceUsdPerMwh * (1 - state.finance.ppaDiscount) * 100) / 100,
      startTurn: 0, endTurn: p.termQuarters,
    });
  }
  for (const l of setup.loans) insertRow(state.loans, newLoan(newId(state, 'loan'), setup.id, l.principalUsd, l.annualRate, l.termQuarters, 0));
}

/** A site's starting interconnection queue: its wait in quarters × its connection rate, part of it speculative. */
function queueOf(site: Scenario['world']['sites'][number], scenario: Scenario): { queueMw: number; phantomQueueMw: number; connectionMwPerQuarter: number } {
  const connectionMwPerQuarter = site.connectionMwPerQuarter ?? defaultConnectionMwPerQuarter(site.headroomGrowthMwPerQuarter);
  const queueMw = site.queueQuarters * connectionMwPerQuarter;
  return { queueMw, phantomQueueMw: queueMw * (scenario.world.grid?.initialPhantomShare ?? 0), connectionMwPerQuarter };
}

function gridOf(scenario: Scenario): GameState['grid'] {
  const g = scenario.world.grid ?? DEFAULT_GRID;
  return {
    phantomMwPerMwOfGrowth: g.phantomMwPerMwOfGrowth, phantomGrowthPerQuarter: g.phantomGrowthPerQuarter, phantomCancelPerQuarter: g.phantomCancelPerQuarter,
    phantomFactor: 1, regionalPriceSensitivity: g.regionalPriceSensitivity, onsiteCapexUsdPerMw: g.onsiteCapexUsdPerMw,
    onsiteBuildQuarters: g.onsiteBuildQuarters, onsiteFuelUsdPerMwh: g.onsiteFuelUsdPerMwh, onsiteTonnesCo2PerMwh: g.onsiteTonnesCo2PerMwh,
  };
}

function contractTermsOf(scenario: Scenario): GameState['training']['contractTerms'] {
  const t = scenario.world.training.contracts;
  if (!t) return null;
  return {
    ...t,
    regionRules: t.regionRules.map((r) => ({ label: r.label, weight: r.weight, onlyRegionIds: [...(r.onlyRegionIds ?? [])], excludeRegionIds: [...(r.excludeRegionIds ?? [])] })),
  };
}

/** The scenario's revenue-share partner, copied (the state is frozen; the scenario must stay usable). */
function partnerOf(scenario: Scenario): RevenueSharePartner | null {
  const p = scenario.world.finance.revenueSharePartner;
  return p ? { name: p.name, regionIds: [...p.regionIds], commitmentUsd: p.commitmentUsd, baseHurdleIrr: p.baseHurdleIrr } : null;
}
