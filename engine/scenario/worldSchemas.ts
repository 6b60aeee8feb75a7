/**
 * Scenario sections for world events, training contracts and grid dynamics (DESIGN §1.6, §1.8, §1.10), kept apart
 * from schema.ts so each can be read alone. All optional in a scenario: left out, the mechanic is off (or defaults).
 */
import { z } from 'zod';
import { TIER_IDS, type EventKind } from '../state';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'ids are lowercase letters, digits and dashes (max 48)');
const fraction = z.number().finite().min(0).max(1);

/** Every event kind a scenario may schedule or draw (catalog: engine/events/catalog.ts). */
export const EVENT_KINDS = [
  'efficiencyShock',
  'powerPriceSpike',
  'exportControls',
  'demandBoom',
  'sentimentShock',
  'syntheticDataFlywheel',
  'hbmYieldCrisis',
  'echoCollapse',
  'interestRateShock',
  'incumbentNewGeneration',
  'hyperscalerCapexBoom',
] as const satisfies readonly EventKind[];

/** Fields an event may set; unset ones take the catalog's defaults. */
export const EventParamsShape = {
  title: z.string().min(1).max(80).optional(),
  explanation: z.string().min(1).max(600).optional(),
  tier: z.enum(TIER_IDS).optional(),
  siteId: id.optional(),
  regionId: id.optional(),
  factor: z.number().min(0.01).max(100).optional(),
  quarters: z.number().int().min(1).max(40).optional(),
  /** Additive size: for an interest-rate shock, annual rate points (0.02 = +2%). */
  amount: z.number().min(-1).max(1).optional(),
  chipId: id.optional(),
  /** hbmYieldCrisis: the HBM supplier hit (default: the largest). */
  supplierId: id.optional(),
};

export const RandomEventSchema = z.strictObject({
  kind: z.enum(EVENT_KINDS),
  probabilityPerQuarter: fraction,
  fromTurn: z.number().int().min(0).max(400).optional(),
  toTurn: z.number().int().min(0).max(400).optional(),
  params: z.strictObject(EventParamsShape).optional(),
});

export const TrainingContractTermsSchema = z.strictObject({
  postingsPerQuarter: z.number().int().min(0).max(20),
  shareOfDemand: fraction,
  echoShare: z.number().min(0).max(0.9),
  maxPriceFactorMin: z.number().min(0.1).max(5),
  maxPriceFactorMax: z.number().min(0.1).max(5),
  reliabilityMin: fraction,
  reliabilityMax: fraction,
  regionRules: z
    .array(
      z.strictObject({
        label: z.string().min(1).max(60),
        weight: z.number().min(0).max(100),
        onlyRegionIds: z.array(id).max(20).optional(),
        excludeRegionIds: z.array(id).max(20).optional(),
      }),
    )
    .min(1)
    .max(10),
});

export const GridSchema = z.strictObject({
  phantomMwPerMwOfGrowth: z.number().min(0).max(50),
  phantomGrowthPerQuarter: z.number().min(0.5).max(2),
  phantomCancelPerQuarter: fraction,
  /** Share of each site's starting queue that is speculative. */
  initialPhantomShare: fraction,
  regionalPriceSensitivity: z.number().min(0).max(10),
  onsiteCapexUsdPerMw: z.number().int().min(0).max(1e9),
  onsiteBuildQuarters: z.number().int().min(1).max(12),
  onsiteFuelUsdPerMwh: z.number().min(0).max(2000),
  onsiteTonnesCo2PerMwh: z.number().min(0).max(5),
});

/** Defaults when a scenario leaves `world.grid` out: gas turbines at ~$1.25M/MW, ready in 2 quarters, ~$70/MWh fuel. */
export const DEFAULT_GRID: z.infer<typeof GridSchema> = {
  phantomMwPerMwOfGrowth: 0,
  phantomGrowthPerQuarter: 1,
  phantomCancelPerQuarter: 0,
  initialPhantomShare: 0,
  regionalPriceSensitivity: 0,
  onsiteCapexUsdPerMw: 1_250_000,
  onsiteBuildQuarters: 2,
  onsiteFuelUsdPerMwh: 70,
  onsiteTonnesCo2PerMwh: 0.4,
};

/** A site's connection rate when the scenario sets none: three times its headroom growth, at least 10 MW a quarter. */
export function defaultConnectionMwPerQuarter(headroomGrowthMwPerQuarter: number): number {
  return Math.max(10, 3 * headroomGrowthMwPerQuarter);
}
