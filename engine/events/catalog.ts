/**
 * The world-event catalog (DESIGN §1.10): for every kind, a title and plain explanation (defaults a scenario may
 * override), default parameters, and one run function that changes the world and returns its measured effect for the
 * turn report. Kinds with a duration return what they applied; `restore` undoes exactly that when they end.
 * Run functions draw randomness only from the `events` stream they are given.
 */
import { formatCount, formatMw, formatPct, formatUsd } from '../format';
import { queueWaitQuarters } from '../grid';
import { pow } from '../math';
import { nextInt, type RngState } from '../math/rng';
import type { ActiveEventEffect, EventKind, EventParams, GameState, ScheduledEvent } from '../state';
import { startHbmYieldCrisis } from '../supplyChain';
import { withdrawEcho } from '../trainingContracts';
import { editNested, editRow, hasRow } from '../table';

/** What running an event did: the report's effect text, and for events with a duration what to undo and when. */
export interface EventOutcome {
  effect: string;
  duration?: { quarters: number; applied: Record<string, number> };
}

export interface EventDefinition {
  title: string;
  explanation: string;
  defaults: EventParams;
  run(draft: GameState, event: ScheduledEvent, rng: RngState): EventOutcome;
  /** Undoes a duration's effect; returns the report text of the end. */
  restore?(draft: GameState, active: ActiveEventEffect): string;
}

const pct = (factor: number) => `${factor >= 1 ? '+' : '−'}${Math.abs(Math.round((factor - 1) * 100))}%`;

export const EVENT_CATALOG: Record<EventKind, EventDefinition> = {
  efficiencyShock: {
    title: 'Efficiency shock',
    explanation: 'A lab shows the same capability at a fraction of the compute per token; prices fall and volume jumps.',
    defaults: { tier: 'mid', factor: 10 },
    run(draft, event) {
      const factor = event.factor!;
      const tier = draft.tiers[event.tier!];
      const before = tier.refDemandTokens;
      tier.efficiencyMultiplier *= factor;
      tier.refPricePerMTokUsd /= factor;
      // Cheaper tokens unlock new uses: volume rises with the tier's elasticity, damped.
      tier.refDemandTokens *= pow(factor, Math.min(1, tier.elasticity) * 0.8);
      return { effect: `${tier.name}: compute per token ÷${factor}, reference price now $${tier.refPricePerMTokUsd.toFixed(3)}/M tokens, demand ${pct(tier.refDemandTokens / before)} → ${formatCount(tier.refDemandTokens)} tokens.` };
    },
  },

  powerPriceSpike: {
    title: 'Regional power price spike',
    explanation: 'A heat wave, a gas shortage or a plant outage: wholesale power in the region costs far more for a while.',
    defaults: { factor: 1.8, quarters: 2 },
    run(draft, event, rng) {
      const factor = event.factor!;
      const quarters = event.quarters!;
      let { siteId, regionId } = event;
      if (!siteId && !regionId) regionId = draft.regions.ids[nextInt(rng, 0, draft.regions.ids.length - 1)]!;
      const hit: string[] = [];
      for (const id of draft.sites.ids) {
        if (id !== siteId && draft.sites.byId[id]!.regionId !== regionId) continue;
        const site = editRow(draft.sites, id);
        site.priceShockFactor = factor;
        site.priceShockUntilTurn = draft.turn + quarters;
        hit.push(`${site.name} ~$${Math.round(site.basePowerPriceUsdPerMwh)} → ~$${Math.round(site.basePowerPriceUsdPerMwh * factor)}/MWh`);
      }
      return { effect: `Power prices ×${factor} for ${quarters} quarter(s)${hit.length ? `: ${hit.join(', ')}` : ''}.` };
    },
  },

  exportControls: {
    title: 'Export controls',
    explanation: 'A government bars AI compute exports to a region: it can no longer be served from abroad.',
    defaults: {},
    run(draft, event) {
      const region = hasRow(draft.regions, event.regionId ?? '') ? editRow(draft.regions, event.regionId!) : undefined;
      if (region) region.open = false;
      const share = region ? ` (${formatPct(region.inferenceDemandShare, 0)} of world inference demand)` : '';
      return { effect: `${region?.name ?? event.regionId} can no longer be served from abroad${share}.` };
    },
  },

  demandBoom: {
    title: 'Demand boom',
    explanation: 'A new application takes off and demand jumps.',
    defaults: { factor: 1.5 },
    run(draft, event) {
      const factor = event.factor!;
      if (event.tier) {
        const tier = draft.tiers[event.tier];
        tier.refDemandTokens *= factor;
        return { effect: `${tier.name} inference demand ×${factor} → ${formatCount(tier.refDemandTokens)} tokens.` };
      }
      draft.training.demandH100eHours *= factor;
      return { effect: `Training demand ×${factor} → ${formatCount(draft.training.demandH100eHours)} H100e-hours.` };
    },
  },

  sentimentShock: {
    title: 'Sentiment crash',
    explanation: 'Investors lose faith in AI infrastructure stories; equity gets dearer for everyone.',
    defaults: { factor: 0.75 },
    run(_draft, event) {
      // Applied by the sentiment system later this quarter, with the other events' effects on investors.
      return { effect: `Investor sentiment ×${event.factor!}.` };
    },
  },

  syntheticDataFlywheel: {
    title: 'Synthetic-data flywheel',
    explanation: 'Labs train on data their own models generate: every model makes the next one hungrier for compute, for a while.',
    defaults: { factor: 1.3, quarters: 4 },
    run(draft, event) {
      const factor = event.factor!;
      draft.training.demandH100eHours *= factor;
      return {
        effect: `Training demand ${pct(factor)} → ${formatCount(draft.training.demandH100eHours)} H100e-hours a quarter, for ${event.quarters!} quarter(s).`,
        duration: { quarters: event.quarters!, applied: { trainingDemand: factor } },
      };
    },
    restore(draft, active) {
      draft.training.demandH100eHours /= active.applied['trainingDemand']!;
      return `training demand back on trend at ${formatCount(draft.training.demandH100eHours)} H100e-hours a quarter.`;
    },
  },

  hbmYieldCrisis: {
    title: 'HBM supplier yield crisis',
    explanation: 'A memory maker’s new HBM stacks fail qualification: its output falls for several quarters.',
    // Default: the largest supplier's output falls to 60% for two quarters; the supply chain restores it.
    defaults: { factor: 0.6, quarters: 2 },
    run(draft, event) {
      return { effect: startHbmYieldCrisis(draft, event.supplierId, event.factor!, event.quarters!) };
    },
  },

  echoCollapse: {
    title: 'Echo demand collapses',
    explanation: 'It turns out the same lab requests and data-center plans were shopped to many builders at once: the copies vanish.',
    defaults: { factor: 0.6 },
    run(draft, event) {
      let contracts = 0;
      let hours = 0;
      for (const id of draft.trainingContracts.ids) {
        const c = draft.trainingContracts.byId[id]!;
        if (c.status !== 'open' || c.echoOf === null) continue;
        withdrawEcho(draft, id);
        contracts++;
        hours += c.h100eHoursPerQuarter;
      }
      let cancelled = 0;
      const moved: string[] = [];
      for (const id of draft.sites.ids) {
        const drop = draft.sites.byId[id]!.phantomQueueMw * event.factor!;
        if (drop <= 0) continue;
        const site = editRow(draft.sites, id);
        cancelled += drop;
        site.phantomQueueMw -= drop;
        site.queueMw = Math.max(0, site.queueMw - drop);
        const before = site.queueQuarters;
        site.queueQuarters = queueWaitQuarters(site);
        if (site.queueQuarters !== before) moved.push(`${site.name} ${before} → ${site.queueQuarters} q`);
      }
      const queues = moved.length ? ` (queues ${moved.join(', ')})` : '';
      return { effect: `${contracts} echo training contract(s) withdrawn (${formatCount(hours)} H100e-hours a quarter that never existed); ${formatMw(cancelled)} of speculative interconnection requests cancelled${queues}.` };
    },
  },

  interestRateShock: {
    title: 'Interest-rate shock',
    explanation: 'The central bank tightens: lenders reprice, and every new loan costs more (existing fixed-rate loans do not change).',
    defaults: { amount: 0.02, quarters: 6 },
    run(draft, event) {
      const before = draft.finance.baseAnnualRate;
      const amount = Math.max(-before, event.amount!);
      draft.finance.baseAnnualRate = Math.round((before + amount) * 1e6) / 1e6;
      return {
        effect: `Base loan rate ${formatPct(before)} → ${formatPct(draft.finance.baseAnnualRate)} for ${event.quarters!} quarter(s): new loans dearer.`,
        duration: { quarters: event.quarters!, applied: { rate: amount } },
      };
    },
    restore(draft, active) {
      draft.finance.baseAnnualRate = Math.max(0, Math.round((draft.finance.baseAnnualRate - active.applied['rate']!) * 1e6) / 1e6);
      return `base loan rate back to ${formatPct(draft.finance.baseAnnualRate)}.`;
    },
  },

  incumbentNewGeneration: {
    title: 'Incumbent launches a new GPU generation',
    explanation: 'The GPU vendor ships its next generation early and cuts the price of the old one to clear inventory.',
    defaults: { factor: 0.7 },
    run(draft, event) {
      const factor = event.factor!;
      let next = event.chipId ? draft.chips.byId[event.chipId] : undefined;
      if (!next) {
        for (const id of draft.chips.ids) {
          const chip = draft.chips.byId[id]!;
          if (chip.source !== 'incumbent' || chip.availableFromTurn <= draft.turn) continue;
          if (!next || chip.availableFromTurn < next.availableFromTurn) next = chip;
        }
      }
      const parts: string[] = [];
      if (next && next.availableFromTurn > draft.turn) {
        parts.push(`${next.name} available now (was due in ${next.availableFromTurn - draft.turn} quarter(s))`);
        editRow(draft.chips, next.id).availableFromTurn = draft.turn;
      } else if (next) parts.push(`${next.name} already available`);
      for (const id of draft.chips.ids) {
        const seen = draft.chips.byId[id]!;
        if (seen.source !== 'incumbent' || seen.id === next?.id || seen.availableFromTurn > draft.turn) continue;
        const chip = editRow(draft.chips, id);
        const before = chip.unitPriceUsd;
        chip.unitPriceUsd = Math.round(before * factor);
        parts.push(`${chip.name} ${formatUsd(before)} → ${formatUsd(chip.unitPriceUsd)} (${pct(factor)})`);
      }
      return { effect: parts.length ? `${parts.join('; ')}.` : 'no incumbent chips in this scenario.' };
    },
  },

  hyperscalerCapexBoom: {
    title: 'Hyperscaler capex boom',
    explanation: 'The hyperscalers race to out-build each other: rivals grow harder and their data centers take grid capacity faster.',
    defaults: { factor: 1.3, quarters: 4 },
    run(draft, event) {
      const factor = event.factor!;
      const applied: Record<string, number> = {};
      const rivals: string[] = [];
      for (const id of draft.companies.ids) {
        const company = draft.companies.byId[id]!;
        if (company.isPlayer || company.bankrupt || !company.policy) continue;
        const before = company.policy.aggression;
        const after = Math.min(1, before * factor);
        if (before <= 0 || after === before) continue;
        editNested(editRow(draft.companies, id), 'policy')!.aggression = after;
        applied[`company:${id}`] = after / before;
        rivals.push(`${company.name} ${before.toFixed(2)} → ${after.toFixed(2)}`);
      }
      for (const id of draft.regions.ids) {
        if (draft.regions.byId[id]!.hyperscalerLoadGrowthMwPerQuarter <= 0) continue;
        editRow(draft.regions, id).hyperscalerLoadGrowthMwPerQuarter *= factor;
        applied[`region:${id}`] = factor;
      }
      const who = rivals.length ? ` (${rivals.join(', ')})` : ' (all at their maximum already)';
      return {
        effect: `Rivals' aggression ${pct(factor)} for ${event.quarters!} quarter(s)${who}; hyperscalers' grid load growth ×${factor}.`,
        duration: { quarters: event.quarters!, applied },
      };
    },
    restore(draft, active) {
      for (const key of Object.keys(active.applied).sort()) {
        const [kind, id] = key.split(':') as [string, string];
        const m = active.applied[key]!;
        if (kind === 'company') {
          const policy = hasRow(draft.companies, id) ? editNested(editRow(draft.companies, id), 'policy') : null;
          if (policy) policy.aggression = Math.min(1, policy.aggression / m);
        } else if (hasRow(draft.regions, id)) {
          editRow(draft.regions, id).hyperscalerLoadGrowthMwPerQuarter /= m;
        }
      }
      return 'rivals back to their usual aggression, hyperscalers to their usual pace.';
    },
  },
};

/** An event with the catalog's defaults under the given fields. */
export function withDefaults(event: ScheduledEvent): ScheduledEvent {
  return { ...EVENT_CATALOG[event.kind].defaults, ...definedOnly(event) } as ScheduledEvent;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(o) as (keyof T)[]) if (o[key] !== undefined) out[key] = o[key];
  return out;
}
