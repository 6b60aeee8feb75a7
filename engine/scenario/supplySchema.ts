/**
 * Scenario sections for the supply chain (DESIGN §1.5, §1.7): chips' supply inputs and the world's foundry, advanced
 * packaging and HBM suppliers. Left out, supply is unconstrained and orders arrive in full when due.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'ids are lowercase letters, digits and dashes (max 48)');
const text = (max: number) => z.string().min(1).max(max);
const fraction = z.number().finite().min(0).max(1);
const growth = z.number().min(0.5).max(3);
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

/** Fields a chip adds for the supply chain; all optional (defaults in createGame: mature node, no packaging). */
export const ChipSupplyShape = {
  /** Foundry node id it is made on (a key of world.supply.foundry.nodes). */
  processNode: id.optional(),
  diesPerWafer: z.number().finite().positive().max(10_000).optional(),
  dieYield: z.number().finite().positive().max(1).optional(),
  /** CoWoS-like wafers per unit: ~1/29 (H100-class), ~1/16 (B200-class), 0 for an SRAM-LPU. */
  packagingWafersPerUnit: z.number().finite().min(0).max(1).optional(),
  /** Other cost of goods per unit (board, substrate, networking, test), USD. */
  otherBomUsd: z.number().int().min(0).max(1e7).optional(),
  /** Next-generation design: ordering needs a `chips/design` of this base chip (R&D cost, tape-out quarters). */
  designFrom: id.optional(),
  designCostUsd: z.number().int().min(0).max(1e11).optional(),
  tapeOutQuarters: z.number().int().min(1).max(12).optional(),
};

export const SupplySchema = z.strictObject({
  /** The company (a rival) that makes and sells the `source: "incumbent"` chips. */
  incumbentCompanyId: id,
  foundry: z.strictObject({
    name: text(60),
    lon,
    lat,
    nodes: z
      .array(z.strictObject({ id, name: text(60), waferStartsPerQuarter: z.number().finite().min(0), growthPerQuarter: growth, waferPriceUsd: z.number().int().min(0).max(1e6) }))
      .min(1)
      .max(10),
  }),
  packaging: z.strictObject({
    name: text(60),
    lon,
    lat,
    /** Capacity anchors (wafers per quarter at a turn), linear in between; growth per quarter after the last. */
    path: z.array(z.strictObject({ turn: z.number().int().min(0).max(400), wafersPerQuarter: z.number().finite().min(0) })).min(1).max(40),
    longRunGrowthPerQuarter: growth,
    incumbentShare: fraction,
    priceUsdPerWafer: z.number().int().min(0).max(1e6),
  }),
  hbm: z.strictObject({
    suppliers: z
      .array(
        z.strictObject({
          id,
          name: text(60),
          country: text(40),
          lon,
          lat,
          capacityGbPerQuarter: z.number().finite().min(0),
          yield: z.number().finite().positive().max(1),
          growthPerQuarter: growth,
          longRunGrowthPerQuarter: growth,
          priceUsdPerGb: z.number().finite().positive().max(1000),
        }),
      )
      .min(1)
      .max(10),
    otherDemandGb: z.number().finite().min(0),
    otherDemandGrowthPerQuarter: growth,
    longRunOtherDemandGrowthPerQuarter: growth,
    maxLtaShare: fraction,
    /** Agreements in force at the start (from turn 0). */
    ltas: z.array(z.strictObject({ companyId: id, supplierId: id, gbPerQuarter: z.number().int().positive(), quarters: z.number().int().min(1).max(40) })).max(50),
  }),
  outsideDemand: z.strictObject({ packagingWafersPerQuarter: z.number().finite().min(0), growthPerQuarter: growth, longRunGrowthPerQuarter: growth }),
});

export type SupplySetup = z.infer<typeof SupplySchema>;
