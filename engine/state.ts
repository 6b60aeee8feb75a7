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

/**
 * Deeply read-only view of a row. State tables hold frozen rows that successive states share; the turn engine
 * writes a row only through `editRow` (engine/table.ts), which swaps in a private copy first.
 */
export type Frozen<T> = T extends (infer U)[] ? readonly Frozen<U>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

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
  /** Data-center load in the region outside the game's companies (hyperscalers and others), MW; grows each quarter. */
  hyperscalerLoadMw: number;
  hyperscalerLoadGrowthMwPerQuarter: number;
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
  /** MW of interconnection requests waiting (real and speculative); queueQuarters = queueMw / connectionMwPerQuarter. */
  queueMw: number;
  /** The speculative ("phantom") part of queueMw: requests that will mostly never be built. */
  phantomQueueMw: number;
  /** MW of queued requests the utility studies and connects per quarter. */
  connectionMwPerQuarter: number;
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
  /** Supply inputs (DESIGN §1.5, §1.7; engine/supplyChain.ts). Foundry process node id (e.g. 'n4', 'n14'). */
  processNode: Id;
  /** Candidate dies (one per unit; a two-die package counts as one) per wafer, and the share that work. */
  diesPerWafer: number;
  dieYield: number;
  /** Advanced-packaging (CoWoS-like) wafers one unit uses: ~1/29 for an H100-class, ~1/16 for a B200-class, 0 for an LPU. */
  packagingWafersPerUnit: number;
  /** The maker's other cost per unit (board, substrate, networking, test) in USD; the incumbent's cost of goods. */
  otherBomUsd: number;
  /** A next-generation design: ordering needs a completed `chips/design` of `designFrom` by its owner; null = none. */
  designFrom: Id | null;
  designCostUsd: number;
  tapeOutQuarters: number;
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
  /** How labs post contracts (engine/systems/trainingContracts.ts); null = no contracts, spot rental only. */
  contractTerms: TrainingContractTerms | null;
  /** H100e-hours each company delivered under contracts this quarter (the spot market clears on the rest). */
  contractH100eHoursByCompany: Record<Id, number>;
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
  /**
   * Book value when last set (built, extended or sold to a partner), at books quarter `bookBaseQuarter`; it then
   * falls by capexUsd / FACILITY_LIFE_QUARTERS per quarter once the facility is ready (engine/bookValue.ts), so the
   * row does not change every quarter.
   */
  bookBaseUsd: number;
  bookBaseQuarter: number;
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
  /** Book value when last set (deployed or merged) at books quarter `bookBaseQuarter` (engine/bookValue.ts). */
  bookBaseUsd: number;
  bookBaseQuarter: number;
  /** Straight-line depreciation per quarter (USD) until book value reaches 0. */
  depreciationPerQuarterUsd: number;
  deployedTurn: number;
}

/**
 * A deployment's operations in the last quarter, kept apart from the deployment so that the deployment row itself
 * changes only when chips are added or moved (unchanged rows are shared between states and hashed once).
 */
export interface DeploymentOps {
  /** Share of the chips idled for lack of power (0..1). */
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
  /** The GPU vendor's chip sales, booked on delivery; source = order id or 'world' (buyers outside the game). */
  | 'revenue:chips'
  /** The GPU vendor's cost of goods: HBM (LTA deliveries and spot), foundry wafers, packaging, other bill of materials. */
  | 'cost:chips:hbm'
  | 'cost:chips:wafers'
  | 'cost:chips:packaging'
  | 'cost:chips:other'
  /** Next-generation chip R&D and tape-out, capitalized; source = design id. */
  | 'capex:chipDesign'
  /** Buyers' prepayments the GPU vendor holds until delivery (+ at order, − as chips ship); source = order id. */
  | 'financing:customerPrepayment'
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
  | 'financing:revenueShare'
  /** Fuel for behind-the-meter generation (gas turbines); source = site id. */
  | 'cost:power:onsite';

/** One cash movement (USD, signed integer). Every change of a company's cash is exactly one entry. */
export interface LedgerEntry {
  companyId: Id;
  category: LedgerCategory;
  /** What caused it: a deployment, facility, contract, order, loan or tier id. */
  sourceId: Id;
  amountUsd: number;
  /** What it was, in words, for the player's own entries; '' for rivals' (only the player's books are shown by entry). */
  memo: string;
}

export interface CompanyMetrics {
  cashUsd: number;
  revenueUsd: number;
  inferenceRevenueUsd: number;
  trainingRevenueUsd: number;
  /** Chip sales (the GPU vendor); its cost of goods is in costOfRevenueUsd. */
  chipRevenueUsd: number;
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
  kind: EventKind;
  title: string;
  explanation: string;
  tier?: TierId;
  siteId?: Id;
  regionId?: Id;
  factor?: number;
  quarters?: number;
  /** Additive size (interest-rate shock: annual rate points, 0.02 = +2%). */
  amount?: number;
  /** The chip it concerns (incumbent's new generation: the chip made available). */
  chipId?: Id;
  /** hbmYieldCrisis: the HBM supplier whose output falls to `factor` for `quarters` (default: the largest). */
  supplierId?: Id;
}

/** Every kind of world event (catalog: engine/events/catalog.ts). */
export type EventKind =
  | 'efficiencyShock'
  | 'powerPriceSpike'
  | 'exportControls'
  | 'demandBoom'
  | 'sentimentShock'
  | 'syntheticDataFlywheel'
  | 'hbmYieldCrisis'
  | 'echoCollapse'
  | 'interestRateShock'
  | 'incumbentNewGeneration'
  | 'hyperscalerCapexBoom';

/** What a scheduled or random event may set; unset fields take the catalog's defaults. */
export type EventParams = Partial<Omit<ScheduledEvent, 'id' | 'turn' | 'kind'>>;

/** An event drawn each quarter from the `events` stream with a scenario-set probability. */
export interface RandomEventSpec {
  kind: EventKind;
  probabilityPerQuarter: number;
  /** Turns (completed-turn count) it can fire in, inclusive. */
  fromTurn: number;
  toTurn: number;
  params: EventParams;
}

/** An event that fired (scheduled or random), with the report line that measured its effect. */
export interface FiredEvent {
  id: Id;
  turn: number;
  kind: EventKind;
  title: string;
  text: string;
  /** The factor the sentiment system applies (sentiment crash); 1 otherwise. */
  factor: number;
}

/** An event effect with a duration: `restore` of its catalog entry undoes it at `untilTurn`. */
export interface ActiveEventEffect {
  eventId: Id;
  kind: EventKind;
  title: string;
  untilTurn: number;
  /** What was applied, by key (e.g. a company id → aggression multiplier), so the restore undoes exactly that. */
  applied: Record<string, number>;
}

/** How labs post training contracts (DESIGN §1.6), from the scenario. */
export interface TrainingContractTerms {
  /** Contracts posted per quarter, echoes included. */
  postingsPerQuarter: number;
  /** Share of training demand that labs buy under contracts (the rest rents spot). */
  shareOfDemand: number;
  /** Share of postings that are echoes of another lab request (withdrawn before award). */
  echoShare: number;
  /** Labs' maximum price relative to the reference rental price: uniform in [min, max]. */
  maxPriceFactorMin: number;
  maxPriceFactorMax: number;
  /** Reliability labs require: uniform in [min, max]. */
  reliabilityMin: number;
  reliabilityMax: number;
  regionRules: TrainingRegionRule[];
}

/** Where a lab allows its training to run: only in some regions, or anywhere but some. */
export interface TrainingRegionRule {
  label: string;
  /** Relative frequency among postings. */
  weight: number;
  onlyRegionIds: Id[];
  excludeRegionIds: Id[];
}

/** A company's sealed offer for a training contract (USD per H100e-hour). */
export interface TrainingBid {
  companyId: Id;
  priceUsdPerHour: number;
}

/** A lab's training contract: posted one quarter, awarded at the end of the next, then paid each quarter it runs. */
export interface TrainingContract {
  id: Id;
  lab: string;
  /** H100e-hours per quarter the lab needs; the contract's size is this × durationQuarters. */
  h100eHoursPerQuarter: number;
  durationQuarters: number;
  maxPriceUsdPerHour: number;
  minReliability: number;
  regionRule: Omit<TrainingRegionRule, 'weight'>;
  postedTurn: number;
  /** Echo demand: the same lab request sent to many builders; it is withdrawn before award. Hidden from players' UI. */
  echoOf: Id | null;
  status: 'open' | 'awarded' | 'withdrawn' | 'unawarded' | 'completed';
  /** Sorted by company id; one per company (a new bid replaces the old). */
  bids: TrainingBid[];
  awardedTo: Id | null;
  priceUsdPerHour: number;
  /** Turns it runs: startTurn ≤ turn < endTurn (0 until awarded). */
  startTurn: number;
  endTurn: number;
  /** H100e-hours delivered last quarter. */
  lastDeliveredH100eHours: number;
}

/** Behind-the-meter gas turbines supplying one facility like a PPA, without the grid queue. */
export interface OnsiteGenerator {
  id: Id;
  companyId: Id;
  facilityId: Id;
  siteId: Id;
  mw: number;
  readyTurn: number;
  fuelUsdPerMwh: number;
  tonnesCo2PerMwh: number;
  /** Last quarter's generation and emissions, and emissions since it started. */
  lastMwh: number;
  lastTonnesCo2: number;
  totalTonnesCo2: number;
}

/** Grid dynamics from the scenario (DESIGN §1.8): phantom requests and behind-the-meter terms. */
export interface GridTerms {
  /** Speculative MW requested per quarter at a site per MW of its headroom growth ("requests run 5–10x what is built"). */
  phantomMwPerMwOfGrowth: number;
  /** Growth of speculative requests per quarter (AI hype). */
  phantomGrowthPerQuarter: number;
  /** Share of the phantom queue cancelled each quarter. */
  phantomCancelPerQuarter: number;
  /** Current multiplier on phantom requests (grows by phantomGrowthPerQuarter). */
  phantomFactor: number;
  /** How hard the regional spot price answers regional tightness: × (1 + this × tightness²). */
  regionalPriceSensitivity: number;
  onsiteCapexUsdPerMw: number;
  onsiteBuildQuarters: number;
  onsiteFuelUsdPerMwh: number;
  onsiteTonnesCo2PerMwh: number;
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
  regions: Table<Frozen<Region>>;
  sites: Table<Frozen<Site>>;
  chips: Table<Frozen<ChipModel>>;
  tiers: Record<TierId, Tier>;
  training: TrainingMarket;
  inferenceResults: PerTier<TierMarketResult>;
  companies: Table<Frozen<Company>>;
  facilities: Table<Frozen<Facility>>;
  deployments: Table<Frozen<Deployment>>;
  /** Last quarter's operating figures per deployment id (rewritten every turn; engine/deploymentOps.ts). */
  deploymentOps: Record<Id, DeploymentOps>;
  /** Quarters whose depreciation the finance step has booked: the clock book values are derived from. */
  depreciatedQuarters: number;
  orders: Table<Frozen<ChipOrder>>;
  contracts: Table<Frozen<PowerContract>>;
  loans: Table<Frozen<Loan>>;
  deals: Table<Frozen<RevenueShareDeal>>;
  /** Foundry, advanced packaging and HBM (engine/supplyChain.ts); null = unconstrained (orders arrive in full when due). */
  supply: SupplyChain | null;
  /** Next-generation chip designs started by `chips/design`. */
  designs: Table<Frozen<ChipDesign>>;
  trainingContracts: Table<Frozen<TrainingContract>>;
  onsiteGenerators: Table<Frozen<OnsiteGenerator>>;
  grid: GridTerms;
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
  /** Scenario data the game only reads (shared between states, see stateKeys.ts): read-only, not frozen. */
  events: Frozen<ScheduledEvent[]>;
  randomEvents: Frozen<RandomEventSpec[]>;
  /** Events fired so far (bounded to the last EVENT_LOG_LIMIT), newest last. */
  eventLog: FiredEvent[];
  activeEvents: ActiveEventEffect[];
  victory: Frozen<Condition[]>;
  defeat: Frozen<Condition[]>;
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

/** A foundry process node: wafer starts per quarter open to AI chips. */
export interface FoundryNode {
  id: Id;
  name: string;
  waferStartsPerQuarter: number;
  growthPerQuarter: number;
  waferPriceUsd: number;
}

export interface HbmSupplier {
  id: Id;
  name: string;
  country: string;
  lon: number;
  lat: number;
  /** Gross capacity (GB per quarter); output = capacity × yield × shockFactor. */
  capacityGbPerQuarter: number;
  yield: number;
  growthPerQuarter: number;
  longRunGrowthPerQuarter: number;
  /** Contract price (USD per GB); spot sells at a scarcity premium over it. */
  priceUsdPerGb: number;
  /** Output multiplier from a yield crisis (1 = none) and the first turn it no longer applies. */
  shockFactor: number;
  shockUntilTurn: number;
  /** Last quarter: GB produced and GB delivered under LTAs. */
  lastOutputGb: number;
  lastLtaGb: number;
}

/** An HBM long-term agreement: `gbPerQuarter` from `startTurn` to `endTurn` (exclusive), paid as delivered, non-cancellable. */
export interface HbmLta {
  id: Id;
  companyId: Id;
  supplierId: Id;
  gbPerQuarter: number;
  priceUsdPerGb: number;
  signedTurn: number;
  startTurn: number;
  endTurn: number;
}

export interface ChipDesign {
  id: Id;
  companyId: Id;
  /** The next-generation chip it unlocks, and the chip it was derived from. */
  chipId: Id;
  baseChipId: Id;
  costUsd: number;
  startedTurn: number;
  /** Orders are accepted from this turn on. */
  readyTurn: number;
}

/** Last quarter's supply figures (world), for the report, the map and tests. */
export interface SupplyQuarter {
  /** HBM every maker needed (the GPU vendor's packaging-limited need + other buyers) and what suppliers produced (GB). */
  hbmDemandGb: number;
  hbmSupplyGb: number;
  hbmSpotPriceUsdPerGb: number;
  /** Share of spot demand the spot market met (0..1). */
  hbmSpotFill: number;
  packagingCapacityWafers: number;
  packagingUsedWafers: number;
  /** Packaging wafers the GPU vendor used (its reservation caps it). */
  incumbentPackagingWafers: number;
  /** Share of the GPU vendor's outstanding demand (in-game orders and the world's) it shipped (0..1). */
  incumbentFill: number;
  incumbentUnitsShipped: number;
}

export interface SupplyChain {
  /** The GPU vendor company that makes the `source: 'incumbent'` chips. */
  incumbentCompanyId: Id;
  foundry: { name: string; lon: number; lat: number; nodes: Table<Frozen<FoundryNode>> };
  packaging: {
    name: string;
    lon: number;
    lat: number;
    /** This quarter's capacity (wafers): the piecewise-linear path by turn, then long-run growth after its end. */
    wafersPerQuarter: number;
    path: { turn: number; wafersPerQuarter: number }[];
    longRunGrowthPerQuarter: number;
    /** Share the GPU vendor reserves (a monopsony buyer); the rest is open to other designs. */
    incumbentShare: number;
    priceUsdPerWafer: number;
  };
  hbm: {
    suppliers: Table<Frozen<HbmSupplier>>;
    ltas: Table<Frozen<HbmLta>>;
    /** HBM other chip makers (outside the game) want each quarter (GB), and its growth. */
    otherDemandGb: number;
    otherDemandGrowthPerQuarter: number;
    longRunOtherDemandGrowthPerQuarter: number;
    /** Most of a supplier's current output it commits to LTAs (0..1). */
    maxLtaShare: number;
    /** HBM a company holds (delivered, not yet built into chips), GB by company id. */
    stockGb: Record<Id, number>;
  };
  /** Buyers outside the game ordering the vendor's newest GPU, in packaging wafers per quarter (no backlog kept). */
  outsideDemand: { packagingWafersPerQuarter: number; growthPerQuarter: number; longRunGrowthPerQuarter: number };
  last: SupplyQuarter;
}
