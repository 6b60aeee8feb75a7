/**
 * Every decision a company can take, as one discriminated union keyed by `type: 'domain/verb'`.
 * The schema checks shape and ranges; the handlers (commands/handlers.ts) check the game rules.
 */
import { z } from 'zod';
import { TIER_IDS } from '../state';

const id = z.string().min(1).max(64);
const tier = z.enum(TIER_IDS);

export const CommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('site/build'),
    siteId: id,
    capacityMw: z.number().finite().positive().max(5000),
    shell: z.enum(['greenfield', 'retrofit']),
  }),
  z.strictObject({
    type: z.literal('power/signPpa'),
    siteId: id,
    mw: z.number().finite().positive().max(5000),
    termQuarters: z.number().int().min(4).max(80),
  }),
  z.strictObject({
    type: z.literal('chips/order'),
    chipId: id,
    quantity: z.number().int().positive().max(2_000_000),
  }),
  /** Starts the R&D and tape-out of the company's next-generation chip derived from `baseChipId` (scenario data). */
  z.strictObject({
    type: z.literal('chips/design'),
    baseChipId: id,
    name: z.string().min(1).max(60).optional(),
  }),
  /** An HBM long-term agreement: first delivery after `leadQuarters` (default and minimum 2), paid as delivered, non-cancellable. */
  z.strictObject({
    type: z.literal('supply/signHbmLta'),
    supplierId: id,
    gbPerQuarter: z.number().int().positive().max(1e10),
    quarters: z.number().int().min(1).max(20),
    leadQuarters: z.number().int().min(0).max(8).optional(),
  }),
  z.strictObject({
    type: z.literal('chips/deploy'),
    chipId: id,
    facilityId: id,
    count: z.number().int().positive().max(2_000_000),
    workload: z.enum([...TIER_IDS, 'training']),
  }),
  z.strictObject({
    type: z.literal('chips/reassign'),
    deploymentId: id,
    workload: z.enum([...TIER_IDS, 'training']),
  }),
  z.strictObject({
    type: z.literal('market/setPrice'),
    tier,
    pricePerMTokUsd: z.number().finite().min(0).max(1000),
  }),
  z.strictObject({
    type: z.literal('finance/borrow'),
    amountUsd: z.number().int().positive().max(1e12),
    termQuarters: z.number().int().min(4).max(40),
  }),
  z.strictObject({
    type: z.literal('finance/repay'),
    loanId: id,
    amountUsd: z.number().int().positive().max(1e12),
  }),
  z.strictObject({
    type: z.literal('finance/raiseEquity'),
    amountUsd: z.number().int().positive().max(1e12),
  }),
  /**
   * Revenue-share financing (engine/revenueShare.ts): the partner pays for an existing facility (`facilityId`) or for
   * a new one (`build`) — exactly one of the two — for a share of that facility's revenue. Shares are fractions
   * (0.7 = 70%); the hurdle is an annual IRR.
   */
  z.strictObject({
    type: z.literal('finance/revenueShareDeal'),
    facilityId: id.optional(),
    build: z
      .strictObject({ siteId: id, capacityMw: z.number().finite().positive().max(5000), shell: z.enum(['greenfield', 'retrofit']) })
      .optional(),
    partnerSharePct: z.number().finite().min(0.3).max(0.9),
    hurdleIrr: z.number().finite().min(0.08).max(0.25),
    upsideSharePct: z.number().finite().min(0.01).max(0.2),
  }),
  /** A sealed bid on a lab's open training contract (USD per H100e-hour); replaces the company's earlier bid. */
  z.strictObject({
    type: z.literal('training/bid'),
    contractId: id,
    priceUsdPerHour: z.number().finite().positive().max(1000),
  }),
  /** Behind-the-meter gas turbines for one of the company's facilities (MW, at most the facility's capacity). */
  z.strictObject({
    type: z.literal('power/buildOnsite'),
    facilityId: id,
    mw: z.number().finite().positive().max(5000),
  }),
]);

export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export const COMMAND_TYPES = CommandSchema.options.map((o) => o.shape.type.value) as CommandType[];
