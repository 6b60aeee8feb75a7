/**
 * The scenario file format (JSON), validated with zod. A teacher writes one of these; `tpw scenario validate`
 * reports errors by JSON path. The published JSON Schema (schemas/scenario.schema.json) is generated from this.
 */
import { z } from 'zod';
import { COMMAND_TYPES, type CommandType } from '../commands/schema';
import { ChipSupplyShape, SupplySchema } from './supplySchema';
import { EVENT_KINDS, EventParamsShape, GridSchema, RandomEventSchema, TrainingContractTermsSchema } from './worldSchemas';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'ids are lowercase letters, digits and dashes (max 48)');
const text = (max: number) => z.string().min(1).max(max);
const nonNegative = z.number().finite().min(0);
const positive = z.number().finite().positive();
const fraction = z.number().finite().min(0).max(1);
const usd = z.number().int().min(0).max(1e13);
const perTier = <T extends z.ZodType>(schema: T) => z.strictObject({ small: schema, mid: schema, frontier: schema });

export const RegionSchema = z.strictObject({
  id,
  name: text(60),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  open: z.boolean(),
  inferenceDemandShare: fraction,
  /** Data-center load outside the game's companies (MW) at the start, and its growth per quarter. */
  hyperscalerLoadMw: nonNegative.optional(),
  hyperscalerLoadGrowthMwPerQuarter: nonNegative.optional(),
});

export const SiteSchema = z.strictObject({
  id,
  name: text(60),
  regionId: id,
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  gridHeadroomMw: nonNegative,
  headroomGrowthMwPerQuarter: nonNegative,
  queueQuarters: z.number().int().min(0).max(40),
  /** MW of queued requests connected per quarter (default: 3× headroom growth, at least 10). */
  connectionMwPerQuarter: positive.optional(),
  retrofitAvailableMw: nonNegative,
  basePowerPriceUsdPerMwh: positive.max(2000),
  priceVolatility: z.number().min(0).max(1),
  spotAvailability: fraction,
  capexUsdPerMw: usd,
  buildQuarters: z.number().int().min(1).max(16),
  pue: z.number().min(1).max(3),
  latencyMs: z.record(id, z.number().min(0).max(1000)),
});

export const ChipSchema = z.strictObject({
  id,
  name: text(60),
  kind: z.enum(['hbm-gpu', 'sram-lpu']),
  source: z.enum(['incumbent', 'foundry']),
  ownerCompanyId: id.nullable(),
  unitPriceUsd: usd,
  leadQuarters: z.number().int().min(0).max(12),
  powerW: positive.max(10_000),
  trainingH100e: nonNegative.max(100),
  inferenceTokensPerSec: perTier(nonNegative),
  userSpeedTokensPerSec: perTier(nonNegative),
  sramMb: nonNegative,
  hbmGb: nonNegative,
  usefulLifeQuarters: z.number().int().min(1).max(40),
  availableFromTurn: z.number().int().min(0),
  ...ChipSupplyShape,
});

export const TierSchema = z.strictObject({
  name: text(60),
  modelGb: positive,
  refPricePerMTokUsd: positive,
  priceDeclinePerQuarter: z.number().min(0.05).max(1.5),
  longRunPriceDeclinePerQuarter: z.number().min(0.05).max(1.5),
  efficiencyGainPerQuarter: z.number().min(0.5).max(3),
  refDemandTokens: positive,
  demandGrowthPerQuarter: z.number().min(0.5).max(3),
  longRunDemandGrowthPerQuarter: z.number().min(0.5).max(3),
  elasticity: z.number().min(0).max(5),
  priceSensitivity: z.number().min(0).max(20),
  speedSensitivity: z.number().min(0).max(20),
  referenceSpeedTokensPerSec: positive,
});

export const TrainingSchema = z.strictObject({
  demandH100eHours: positive,
  demandGrowthPerQuarter: z.number().min(0.5).max(3),
  longRunDemandGrowthPerQuarter: z.number().min(0.5).max(3),
  refPriceUsdPerHour: positive,
  priceDeclinePerQuarter: z.number().min(0.05).max(1.5),
  floorPriceUsdPerHour: positive,
  /** Labs' training contracts; left out, training is rented on the spot market only. */
  contracts: TrainingContractTermsSchema.optional(),
});

export const FinanceSchema = z.strictObject({
  baseAnnualRate: z.number().min(0).max(1),
  chipLoanToValue: fraction,
  facilityLoanToValue: fraction,
  chipOpexPerQuarterPct: z.number().min(0).max(0.5),
  facilityOpexUsdPerMwQuarter: usd,
  ppaDiscount: z.number().min(0).max(0.9),
  /** A partner that funds facilities for a share of their revenue (the Gulf deal); none when left out. */
  revenueSharePartner: z
    .strictObject({
      name: text(60),
      /** Regions whose sites it funds. */
      regionIds: z.array(id).min(1).max(20),
      /** Most it funds over all deals together (USD). */
      commitmentUsd: usd,
      /** Annual IRR it asks at a 90% revenue share and a 5% upside share. */
      baseHurdleIrr: z.number().min(0.08).max(0.25),
    })
    .optional(),
});

const workload = z.enum(['small', 'mid', 'frontier', 'training']);

export const CompanySetupSchema = z.strictObject({
  id,
  name: text(60),
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'colour must be #rrggbb'),
  cashUsd: usd,
  reliability: fraction,
  pricesPerMTokUsd: perTier(nonNegative),
  policy: z
    .strictObject({
      strategy: text(40),
      priceFactor: z.number().min(0.05).max(10),
      aggression: fraction,
      trainingFocus: fraction,
    })
    .nullable(),
  facilities: z
    .array(z.strictObject({ siteId: id, capacityMw: positive.max(5000), shell: z.enum(['greenfield', 'retrofit']) }))
    .max(100),
  deployments: z
    .array(z.strictObject({ siteId: id, chipId: id, count: z.number().int().positive().max(10_000_000), workload }))
    .max(200),
  inventory: z.record(id, z.number().int().min(0).max(10_000_000)),
  contracts: z
    .array(z.strictObject({ siteId: id, mw: positive.max(5000), termQuarters: z.number().int().min(1).max(80) }))
    .max(100),
  loans: z
    .array(z.strictObject({ principalUsd: usd, annualRate: z.number().min(0).max(1), termQuarters: z.number().int().min(1).max(80) }))
    .max(20),
});

export const EventSchema = z.strictObject({
  id,
  turn: z.number().int().min(0).max(400),
  kind: z.enum(EVENT_KINDS),
  ...EventParamsShape,
  title: text(80),
  explanation: text(600),
});

export const ConditionSchema = z.strictObject({
  metric: z.enum(['inferenceShare', 'enterpriseValueUsd', 'cashUsd', 'chipsDeployed', 'revenueUsd', 'cumulativeProfitUsd']),
  op: z.enum(['>=', '<=']),
  value: z.number().finite(),
  atTurn: z.number().int().min(1).max(400).optional(),
  label: text(120),
});

export const LessonSchema = z.strictObject({
  objectives: z.array(text(300)).min(1).max(10),
  concepts: z.array(text(80)).min(1).max(20),
  claims: z.array(z.strictObject({ claim: text(300), source: text(200) })).max(10),
  debrief: z.array(text(300)).min(1).max(10),
});

/** A guided tutorial: steps the UI shows one at a time; a step with `expectCommand` is done when that command is accepted. */
export const TutorialSchema = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        title: text(80),
        text: text(800),
        /** The command type that completes the step (e.g. "chips/order"); left out, the player moves on by hand. */
        expectCommand: z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]]).optional(),
      }),
    )
    .min(1)
    .max(40),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().max(200).optional(),
  format: z.literal('tpw-scenario'),
  version: z.literal(1),
  id,
  title: text(80),
  summary: text(1000),
  start: z.strictObject({ year: z.number().int().min(2000).max(2100), quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }),
  lengthTurns: z.number().int().min(1).max(400),
  seedPolicy: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('free') }),
    z.strictObject({ kind: z.literal('fixed'), seed: z.number().int().min(0).max(0xffffffff) }),
  ]),
  world: z.strictObject({
    regions: z.array(RegionSchema).min(1).max(20),
    sites: z.array(SiteSchema).min(1).max(60),
    chips: z.array(ChipSchema).min(1).max(30),
    tiers: perTier(TierSchema),
    training: TrainingSchema,
    finance: FinanceSchema,
    /** Phantom interconnection requests, regional price response and behind-the-meter generation terms. */
    grid: GridSchema.optional(),
    /** Foundry, advanced packaging and HBM suppliers; left out, chip supply is unconstrained. */
    supply: SupplySchema.optional(),
  }),
  player: CompanySetupSchema,
  rivals: z.array(CompanySetupSchema).max(8),
  events: z.array(EventSchema).max(100),
  /** Events drawn each quarter from the `events` stream with these probabilities. */
  randomEvents: z.array(RandomEventSchema).max(50).optional(),
  victory: z.array(ConditionSchema).min(1).max(10),
  defeat: z.array(ConditionSchema).max(10),
  lesson: LessonSchema,
  /** Guided steps for a tutorial scenario; absent in the others. */
  tutorial: TutorialSchema.optional(),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type CompanySetup = z.infer<typeof CompanySetupSchema>;
