/**
 * `finance/revenueShareDeal`: the scenario's partner (the Gulf fund) pays for a facility — one the company has, at its
 * book value, or a new build, at its capex — in exchange for a share of that facility's revenue. Rules and terms in
 * engine/revenueShare.ts; the quarterly payments in systems/revenueShares.ts.
 */
import { formatMw, formatPct, formatUsd } from '../format';
import { newId } from '../ids';
import { postLedger } from '../ledger';
import { dealOnFacility, partnerCommittedUsd, PARTNER_MIN_FUNDING_USD, requiredHurdleIrr } from '../revenueShare';
import type { Id } from '../state';
import { editRow, insertRow } from '../table';
import { buildCostUsd, buildProblem, facilityOf, startConstruction, type CommandEvent } from './construction';
import type { CommandHandler } from './handlers';
import type { CommandOf } from './schema';
import { facilityBookValue, setFacilityBookValue } from '../bookValue';

export const revenueShareDealHandler: CommandHandler<CommandOf<'finance/revenueShareDeal'>> = {
  check(state, companyId, c) {
    const partner = state.finance.revenueSharePartner;
    if (!partner) return 'No revenue-share partner is active in this scenario.';
    if (c.facilityId !== undefined && c.build !== undefined) return 'Name either an existing facility (facilityId) or a new build (build) for the partner to fund, not both.';
    let siteId: Id;
    let fundingUsd: number;
    if (c.facilityId !== undefined) {
      const problem = facilityOf(state, companyId, c.facilityId);
      if (problem) return problem;
      const facility = state.facilities.byId[c.facilityId]!;
      const existing = dealOnFacility(state, facility.id);
      if (existing) return `The facility at ${state.sites.byId[facility.siteId]!.name} is already under a revenue-share deal (${existing.id}).`;
      siteId = facility.siteId;
      fundingUsd = Math.round(facilityBookValue(state, facility));
    } else if (c.build !== undefined) {
      const problem = buildProblem(state, c.build.siteId, c.build.capacityMw, c.build.shell);
      if (problem) return problem;
      siteId = c.build.siteId;
      fundingUsd = buildCostUsd(state, siteId, c.build.capacityMw, c.build.shell);
    } else return 'Name the facility the partner pays for (facilityId) or the new build it funds (build).';
    const site = state.sites.byId[siteId]!;
    if (!partner.regionIds.includes(site.regionId)) {
      const regions = partner.regionIds.map((id) => state.regions.byId[id]?.name ?? id).join(', ');
      return `${partner.name} funds sites in ${regions} only; ${site.name} is in ${state.regions.byId[site.regionId]!.name}.`;
    }
    if (fundingUsd < PARTNER_MIN_FUNDING_USD) {
      return `${partner.name} funds campuses worth at least ${formatUsd(PARTNER_MIN_FUNDING_USD)}; this ${c.build ? 'build costs' : "facility's book value is"} ${formatUsd(fundingUsd)}.`;
    }
    const left = partner.commitmentUsd - partnerCommittedUsd(state);
    if (fundingUsd > left) return `${partner.name} has ${formatUsd(Math.max(0, left))} of its ${formatUsd(partner.commitmentUsd)} commitment left; this deal needs ${formatUsd(fundingUsd)}.`;
    const required = requiredHurdleIrr(partner, c.partnerSharePct, c.upsideSharePct);
    if (c.hurdleIrr + 1e-9 < required) {
      return `For a ${formatPct(c.partnerSharePct)} revenue share and a ${formatPct(c.upsideSharePct)} upside share, ${partner.name} asks a hurdle IRR of at least ${formatPct(required, 2)}/yr; ${formatPct(c.hurdleIrr, 2)} offered.`;
    }
    return null;
  },
  apply(draft, companyId, c) {
    const partner = draft.finance.revenueSharePartner!;
    const events: CommandEvent[] = [];
    let facilityId = c.facilityId ?? '';
    if (c.build) {
      const started = startConstruction(draft, companyId, c.build.siteId, c.build.capacityMw, c.build.shell);
      facilityId = started.id;
      events.push(started.event);
    }
    const facility = editRow(draft.facilities, facilityId);
    const where = `${formatMw(facility.capacityMw)} at ${draft.sites.byId[facility.siteId]!.name}`;
    const fundedUsd = Math.round(facilityBookValue(draft, facility));
    // The facility becomes the partner's: off the company's books (no depreciation, no loan collateral), still run by it.
    setFacilityBookValue(draft, facility, 0);
    const id = newId(draft, 'deal');
    insertRow(draft.deals, {
      id, companyId, facilityId, partnerSharePct: c.partnerSharePct, hurdleIrr: c.hurdleIrr, upsideSharePct: c.upsideSharePct,
      signedTurn: draft.turn, fundedUsd, flows: [-fundedUsd], phase: 'hurdle', flippedTurn: null, lastRevenueUsd: 0, lastPaymentUsd: 0, irrAnnual: null,
    });
    postLedger(draft, companyId, 'financing:revenueShare', id, fundedUsd, `${partner.name} funds the facility (${where})`);
    events.push({
      text: `${partner.name} pays ${formatUsd(fundedUsd)} for the facility (${where}). It takes ${formatPct(c.partnerSharePct, 0)} of the facility's revenue every quarter until its IRR reaches ${formatPct(c.hurdleIrr)}/yr, then ${formatPct(c.upsideSharePct, 0)} for as long as the facility runs.`,
    });
    return events;
  },
};
