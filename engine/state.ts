/**
 * The whole game as plain JSON data (DESIGN §1.1): no classes, Maps, Sets, Dates or undefined holes.
 * Collections are `Table`s: records by id plus the ids in ascending order, which is the only iteration order used.
 * Units are in the names: Usd (integer dollars for money), Mw/Mwh, Tokens, H100eHours, PerQuarter.
 */
import type { RngState } from './math/rng';

export type Id = string;

/** A collection keyed by id; `ids` is sorted ascending (code-unit order) and is the iteration order. */
export interface Table<T extends { id: Id }> {
  byId: Record<Id, T>;
  ids: Id[];
}

export const TIER_IDS = ['small', 'mid', 'frontier'] as const;
/** Model tiers: small ~8B, mid ~70B, frontier (largest open-weight class). */
export type TierId = (typeof TIER_IDS)[number];
export type Workload = TierId | 'training';
export type PerTier<T> = Record<TierId, T>;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface Region {
  id: Id;
  name: string;
  lon: number;
  lat: number;
  /** Closed regions (export controls) cannot be served from outside. */
  open: boolean;
  /** Share of world inference demand in this region (0..1; open and closed regions sum to 1). */
  inferenceDemandShare: number;
}

export interface Site {
  id: Id;
  name: string;
  regionId: Id;
  lon: number;
  lat: number;
  /** Grid capacity still free for new facilities; grows slowly each quarter. */
  gridHeadroomMw: number;
  headroomGrowthMwPerQuarter: number;
  /** Interconnection queue: quarters a greenfield facility waits for its grid connection. */
  queueQuarters: number;
  /** Greenfield MW requested at this site so far; every QUEUE_MW_PER_QUARTER of it adds a quarter to the queue. */
  queueRequestedMw: number;
  /** Existing shells that can be retrofitted quickly (colocation); consumed by retrofit builds. */
  retrofitAvailableMw: number;
  /** Long-run wholesale price; the quarter's spot price moves around it. */
  basePowerPriceUsdPerMwh: number;
  spotPriceUsdPerMwh: number;
  /** Standard deviation of quarterly spot noise as a fraction of price. */
  priceVolatility: number;
  /** Multiplier on spot price from events (1 = none). */
  priceShockFactor: number;
  priceShockUntilTurn: number;
  /** Share of a facility's power that the spot market can supply beyond its PPAs this quarter (0..1). */
  spotAvailability: number;
  capexUsdPerMw: number;
  buildQuarters: number;
  pue: number;
  latencyMs: Record<Id, number>;
}

export type ChipKind = 'hbm-gpu' | 'sram-lpu';

export interface ChipModel {
  id: Id;
  name: string;
  kind: ChipKind;
  /** Who makes it: bought from the incumbent GPU vendor, or the company's own design made at the foundry. */
  source: 'incumbent' | 'foundry';
  /** Company allowed to order a foundry design (its owner); incumbent chips are open to all. */
  ownerCompanyId: Id | null;
  unitPriceUsd: number;
  leadQuarters: number;
  /** IT power per chip including its share of host, network and memory (W). */
  powerW: number;
  /** Training throughput relative to one H100 (0 = cannot train). */
  trainingH100e: number;
  /** Aggregate tokens/s per chip at target latency, before the tier's algorithmic efficiency multiplier. */
  inferenceTokensPerSec: PerTier<number>;
  /** Tokens/s one user sees. */
  userSpeedTokensPerSec: PerTier<number>;
  /** On-chip SRAM (MB) for SRAM-LPUs: a model replica needs ceil(model MB / SRAM MB) chips. */
  sramMb: number;
  hbmGb: number;
  usefulLifeQuarters: number;
  availableFromTurn: number;
}

export interface Tier {
  id: TierId;
  name: string;
  /** Model weights + activations to hold in memory (GB); sizes SRAM-LPU replicas. */
  modelGb: number;
  /** Reference market price this quarter (USD per million tokens). */
  refPricePerMTokUsd: number;
  /** Price multiplier per quarter now (0.5623 = 10x per year) and where it tends in the long run. */
  priceDeclinePerQuarter: number;
  longRunPriceDeclinePerQuarter: number;
  /** Throughput multiplier from algorithmic efficiency (quantization, distillation, decoding); starts at 1. */
  efficiencyMultiplier: number;
  efficiencyGainPerQuarter: number;
  /** Reference demand this quarter in tokens (world, at the reference price). */
  refDemandTokens: number;
  demandGrowthPerQuarter: number;
  longRunDemandGrowthPerQuarter: number;
  /** Price elasticity of demand; above 1 means cheaper tokens raise total spend (Jevons). */
  elasticity: number;
  /** Choice-model weights. */
  priceSensitivity: number;
  speedSensitivity: number;
  referenceSpeedTokensPerSec: number;
}

export interface TrainingMarket {
  /** H100e-hours demanded per quarter by labs renting capacity. */
  demandH100eHours: number;
  demandGrowthPerQuarter: number;
  longRunDemandGrowthPerQuarter: number;
  /** Reference rental price and its floor (USD per H100e-hour). */
  refPriceUsdPerHour: number;
  priceDeclinePerQuarter: number;
  floorPriceUsdPerHour: number;
  /** Price that cleared last quarter. */
  clearingPriceUsdPerHour: number;
  lastSoldH100eHours: number;
  lastOfferedH100eHours: number;
}

/** Last quarter's inference market for one tier (world, open regions). */
export interface TierMarketResult {
  demandTokens: number;
  servedTokens: number;
  /** Share-weighted price buyers faced (USD per M tokens). */
  avgPricePerMTokUsd: number;
  servedByCompany: Record<Id, number>;
}

export interface RivalPolicy {
  /** Which built-in policy drives this company. */
  strategy: string;
  /** Price relative to the reference price (1 = at reference). */
  priceFactor: number;
  /** 0..1: how hard it grows capacity when utilization is high. */
  aggression: number;
  /** Share of new GPUs put on training rather than inference. */
  trainingFocus: number;
}

export interface Company {
  id: Id;
  name: string;
  color: string;
  isPlayer: boolean;
  policy: RivalPolicy | null;
  cashUsd: number;
  /** Delivered chips not yet deployed. */
  inventory: Record<Id, number>;
  /** Offered inference price per tier (USD per million tokens); 0 = not offered. */
  pricesPerMTokUsd: PerTier<number>;
  /** Probability a request is served within SLA (0..1); drops when throttled, recovers toward the base. */
  reliability: number;
  baseReliability: number;
  /** Founders' and early holders' share of the company after equity raises (0..1). */
  ownershipShare: number;
  lastEquityRaiseTurn: number;
  /** Non-cash depreciation booked in the last finance step (USD). */
  lastDepreciationUsd: number;
  bankrupt: boolean;
}

export interface Facility {
  id: Id;
  companyId: Id;
  siteId: Id;
  /** Total facility power including cooling (PUE): IT load × PUE must fit. */
  capacityMw: number;
  shell: 'greenfield' | 'retrofit';
  status: 'building' | 'ready';
  startedTurn: number;
  readyTurn: number;
  bookValueUsd: number;
  capexUsd: number;
}

export interface Deployment {
  id: Id;
  companyId: Id;
  facilityId: Id;
  siteId: Id;
  chipId: Id;
  count: number;
  workload: Workload;
  bookValueUsd: number;
  /** Straight-line depreciation per quarter (USD) until book value reaches 0. */
  depreciationPerQuarterUsd: number;
  deployedTurn: number;
  /** Last quarter's operations. */
  throttle: number;
  utilization: number;
  servedTokens: number;
  soldH100eHours: number;
  energyMwh: number;
}

export interface ChipOrder {
  id: Id;
  companyId: Id;
  chipId: Id;
  quantity: number;
  delivered: number;
  unitPriceUsd: number;
  orderedTurn: number;
  dueTurn: number;
}

export interface PowerContract {
  id: Id;
  companyId: Id;
  siteId: Id;
  mw: number;
  priceUsdPerMwh: number;
  startTurn: number;
  /** First turn no longer covered. */
  endTurn: number;
}

export interface Loan {
  id: Id;
  companyId: Id;
  principalUsd: number;
  balanceUsd: number;
  annualRate: number;
  termQuarters: number;
  /** Fixed quarterly payment (annuity) covering interest and principal. */
  paymentUsd: number;
  /** Scheduled payments still to make; the last one clears the balance. */
  paymentsLeft: number;
  startTurn: number;
  /** Covenant: the company's net debt (loans − cash) may be at most this many times its annualized EBITDA. */
  covenantMaxNetDebtToEbitda: number;
  /** Consecutive quarter-end tests this loan's covenant failed (0 = in compliance). */
  covenantBreaches: number;
  /** The penalty rate (COVENANT_PENALTY_RATE) has been added after a second consecutive breach; it applies once. */
  covenantPenaltyApplied: boolean;
}

/** The revenue-share partner a scenario offers (the Gulf fund); terms in `engine/revenueShare.ts`. */
export interface RevenueSharePartner {
  name: string;
  /** Regions whose sites it funds. */
  regionIds: Id[];
  /** Most it funds over all deals together (USD). */
  commitmentUsd: number;
  /** Annual IRR it asks at a 90% revenue share and a 5% upside share; other terms move it (requiredHurdleIrr). */
  baseHurdleIrr: number;
}

/**
 * A revenue-share deal: the partner paid for a facility; every quarter it takes `partnerSharePct` of the facility's
 * revenue until its IRR reaches `hurdleIrr`, then `upsideSharePct` for as long as the facility runs.
 */
export interface RevenueShareDeal {
  id: Id;
  companyId: Id;
  facilityId: Id;
  /** Fractions of the facility's revenue (0.7 = 70%), and the annual (effective) hurdle IRR. */
  partnerSharePct: number;
  hurdleIrr: number;
  upsideSharePct: number;
  signedTurn: number;
  fundedUsd: number;
  /**
   * The partner's quarterly cash flows (integer USD, its point of view): [−funded at signing, then what it received
   * for each quarter since]. Index k is k quarters after signing; the IRR is computed from these.
   */
  flows: number[];
  /** 'hurdle' until the partner's IRR reaches the hurdle, then 'upside'. */
  phase: 'hurdle' | 'upside';
  /** Turn number (completed turns) after which the upside share applies; null before the flip. */
  flippedTurn: number | null;
  /** Last quarter: the facility's attributed revenue (USD, unrounded) and what the partner received (USD). */
  lastRevenueUsd: number;
  lastPaymentUsd: number;
  /** Partner IRR so far, annual effective; null while it has received nothing. */
  irrAnnual: number | null;
}

export type LedgerCategory =
  | 'revenue:inference'
  | 'revenue:training'
  | 'cost:power:ppa'
  | 'cost:power:spot'
  | 'cost:opex:chips'
  | 'cost:opex:facilities'
  | 'capex:chips'
  | 'capex:facilities'
  | 'financing:loan'
  | 'financing:principal'
  | 'financing:interest'
  | 'financing:equity'
  /** Partner funding received (+) and revenue shares paid (−) under revenue-share deals; source = deal id. */
  | 'financing:revenueShare';

/** One cash movement (USD, signed integer). Every change of a company's cash is exactly one entry. */
export interface LedgerEntry {
  companyId: Id;
  category: LedgerCategory;
  /** What caused it: a deployment, facility, contract, order, loan or tier id. */
  sourceId: Id;
  amountUsd: number;
  memo: string;
}

export interface CompanyMetrics {
  cashUsd: number;
  revenueUsd: number;
  inferenceRevenueUsd: number;
  trainingRevenueUsd: number;
  /** Power, chip and facility opex and depreciation. */
  costOfRevenueUsd: number;
  grossMarginPct: number;
  /** Revenue − power − opex − revenue shares paid to partners. */
  ebitdaUsd: number;
  /** After depreciation, interest and revenue shares paid to partners. */
  netIncomeUsd: number;
  depreciationUsd: number;
  /** Paid to revenue-share partners this quarter (positive). */
  revenueSharePaidUsd: number;
  debtUsd: number;
  enterpriseValueUsd: number;
  inferenceTokens: number;
  inferenceShare: number;
  /** Full cost of inference per million tokens served (USD). */
  costPerMTokUsd: number;
  /** Energy per token served (J). */
  joulesPerToken: number;
  chipsDeployed: number;
  powerDrawMw: number;
  throttledPct: number;
  trainingH100eHours: number;
}

export interface TurnMetrics {
  turn: number;
  companies: Record<Id, CompanyMetrics>;
  /** World figures for the quarter. */
  world: {
    inferenceDemandTokens: number;
    inferenceServedTokens: number;
    trainingDemandH100eHours: number;
    trainingPriceUsdPerHour: number;
    midRefPricePerMTokUsd: number;
    /** Investor sentiment index at the end of the quarter (0.5..1.5). */
    sentiment: number;
  };
}

export type ReportKind =
  | 'delivery'
  | 'shortfall'
  | 'construction'
  | 'power'
  | 'throttle'
  | 'market'
  | 'finance'
  | 'event'
  | 'rival'
  | 'outcome';

/** One line of the turn report: what happened and why. `companyId` null = world news. */
export interface ReportItem {
  companyId: Id | null;
  kind: ReportKind;
  text: string;
}

export interface ScheduledEvent {
  id: Id;
  turn: number;
  kind: 'efficiencyShock' | 'powerPriceSpike' | 'exportControls' | 'demandBoom' | 'sentimentShock';
  title: string;
  explanation: string;
  tier?: TierId;
  siteId?: Id;
  regionId?: Id;
  factor?: number;
  quarters?: number;
}

export type ConditionMetric = 'inferenceShare' | 'enterpriseValueUsd' | 'cashUsd' | 'chipsDeployed' | 'revenueUsd' | 'cumulativeProfitUsd';

export interface Condition {
  metric: ConditionMetric;
  op: '>=' | '<=';
  value: number;
  /** Checked after this turn (1-based count of completed turns); defaults to the last turn. */
  atTurn?: number;
  label: string;
}

export interface Outcome {
  result: 'won' | 'lost';
  turn: number;
  reason: string;
}

export interface GameState {
  format: 'tpw-state';
  engineVersion: string;
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  start: Quarter;
  lengthTurns: number;
  /** Completed turns; the current quarter is start + turn. */
  turn: number;
  playerId: Id;
  /** Independent PRNG streams (one per subsystem and rival) so a new draw in one shifts no other. */
  rng: Record<string, RngState>;
  /** Counter for new entity ids (stable across runtimes). */
  nextId: number;
  regions: Table<Region>;
  sites: Table<Site>;
  chips: Table<ChipModel>;
  tiers: Record<TierId, Tier>;
  training: TrainingMarket;
  inferenceResults: PerTier<TierMarketResult>;
  companies: Table<Company>;
  facilities: Table<Facility>;
  deployments: Table<Deployment>;
  orders: Table<ChipOrder>;
  contracts: Table<PowerContract>;
  loans: Table<Loan>;
  deals: Table<RevenueShareDeal>;
  /**
   * Investors' mood, one index for the whole market (a Keynesian "beauty contest": prices follow what investors think
   * other investors think). 1 = neutral, kept in [0.5, 1.5]; equity rounds price at enterprise value × sentiment.
   */
  capitalMarkets: {
    sentiment: number;
    /** Last quarter's change of the index (carries momentum into the next). */
    sentimentChange: number;
  };
  finance: {
    baseAnnualRate: number;
    chipLoanToValue: number;
    facilityLoanToValue: number;
    chipOpexPerQuarterPct: number;
    facilityOpexUsdPerMwQuarter: number;
    ppaDiscount: number;
    /** Null when the scenario offers no revenue-share partner. */
    revenueSharePartner: RevenueSharePartner | null;
  };
  events: ScheduledEvent[];
  victory: Condition[];
  defeat: Condition[];
  /** Cash movements of the turn in progress (commands) and, after endTurn, of the turn just ended. */
  ledger: LedgerEntry[];
  lastLedger: LedgerEntry[];
  report: ReportItem[];
  history: TurnMetrics[];
  cumulativeProfitUsd: Record<Id, number>;
  outcome: Outcome | null;
  /** Hash of the state after the last endTurn (computed with this field blank). */
  hash: string;
}
