/**
 * Game rules for every command: `check` reads the state and returns a reason to refuse (or null),
 * `apply` changes the state's working copy (turnCommit.ts; rows through editRow) and cannot fail. The table is typed so a missing handler does not compile.
 */
import { replicaChips, chipsFacilityMw } from '../capacity';
import { borrowingCapacityUsd, COVENANT_MAX_NET_DEBT_TO_EBITDA, enterpriseValueUsd, newLoan } from '../finance';
import { formatCount, formatMw, formatUsd } from '../format';
import { newId } from '../ids';
import { postLedger } from '../ledger';
import { editNested, editRow, insertRow, removeRow, hasRow } from '../table';
import { removeOps } from '../deploymentOps';
import type { Deployment, GameState, Id, Workload } from '../state';
import { buildOnsitePowerHandler } from './buildOnsitePower';
import { buildCostUsd, buildProblem, facilityOf, startConstruction, RETROFIT_CAPEX_SHARE, RETROFIT_QUARTERS, type CommandEvent } from './construction';
import { revenueShareDealHandler } from './revenueShareDeal';
import { designChipHandler, orderSupplyProblem, receiveVendorPrepayment, signHbmLtaHandler } from './supply';
import { trainingBidHandler } from './trainingBid';
import type { CommandOf, CommandType } from './schema';
import { deploymentBookValue, setDeploymentBookValue } from '../bookValue';

/** Re-exported for the strategies and tests that read them here. */
export { buildCostUsd, RETROFIT_CAPEX_SHARE, RETROFIT_QUARTERS };

export type { CommandEvent };

export interface CommandHandler<C> {
  check(state: GameState, companyId: Id, command: C): string | null;
  apply(draft: GameState, companyId: Id, command: C): CommandEvent[];
}

export type HandlerTable = { [T in CommandType]: CommandHandler<CommandOf<T>> };

/** `count` is the chips that would serve together (merged with a matching deployment already in the facility). */
function workloadProblem(state: GameState, chipId: Id, count: number, workload: Workload): string | null {
  const chip = state.chips.byId[chipId]!;
  if (workload === 'training') {
    return chip.trainingH100e > 0
      ? null
      : `${chip.name} cannot train: an SRAM-LPU keeps the model in on-chip SRAM and has no HBM for training.`;
  }
  if (chip.inferenceTokensPerSec[workload] <= 0) return `${chip.name} cannot serve the ${workload} tier.`;
  const replica = replicaChips(chip, state.tiers[workload]);
  if (count < replica) {
    return `One ${state.tiers[workload].name} replica on ${chip.name} needs ${formatCount(replica)} chips (model held in SRAM); ${formatCount(count)} would serve nothing.`;
  }
  return null;
}

export const handlers: HandlerTable = {
  'site/build': {
    check(state, companyId, c) {
      const problem = buildProblem(state, c.siteId, c.capacityMw, c.shell);
      if (problem) return problem;
      const site = state.sites.byId[c.siteId]!;
      const cost = buildCostUsd(state, c.siteId, c.capacityMw, c.shell);
      const cash = state.companies.byId[companyId]!.cashUsd;
      if (cost > cash) return `Building ${formatMw(c.capacityMw)} at ${site.name} costs ${formatUsd(cost)}; cash is ${formatUsd(cash)}.`;
      return null;
    },
    apply(draft, companyId, c) {
      return [startConstruction(draft, companyId, c.siteId, c.capacityMw, c.shell).event];
    },
  },

  'power/signPpa': {
    check(state, companyId, c) {
      if (!hasRow(state.sites, c.siteId)) return `Unknown site "${c.siteId}".`;
      const site = state.sites.byId[c.siteId]!;
      let facilityMw = 0;
      for (const id of state.facilities.ids) {
        const f = state.facilities.byId[id]!;
        if (f.companyId === companyId && f.siteId === c.siteId) facilityMw += f.capacityMw;
      }
      if (facilityMw === 0) return `You have no facility at ${site.name} to supply; build one first.`;
      const contracted = contractedMw(state, companyId, c.siteId, state.turn);
      if (contracted + c.mw > facilityMw + 1e-9) {
        return `PPAs at ${site.name} would cover ${formatMw(contracted + c.mw)} but your facilities there total ${formatMw(facilityMw)}.`;
      }
      return null;
    },
    apply(draft, companyId, c) {
      const site = draft.sites.byId[c.siteId]!;
      const price = Math.round(site.basePowerPriceUsdPerMwh * (1 - draft.finance.ppaDiscount) * 100) / 100;
      const id = newId(draft, 'ppa');
      insertRow(draft.contracts, {
        id, companyId, siteId: c.siteId, mw: c.mw, priceUsdPerMwh: price, startTurn: draft.turn, endTurn: draft.turn + c.termQuarters,
      });
      return [{ text: `PPA signed: ${formatMw(c.mw)} at ${site.name} for ${c.termQuarters} quarters at $${price}/MWh, take-or-pay.` }];
    },
  },

  'chips/order': {
    check(state, companyId, c) {
      if (!hasRow(state.chips, c.chipId)) return `Unknown chip "${c.chipId}".`;
      const chip = state.chips.byId[c.chipId]!;
      if (chip.availableFromTurn > state.turn) return `${chip.name} is not available yet.`;
      if (chip.ownerCompanyId !== null && chip.ownerCompanyId !== companyId) return `${chip.name} is another company's design.`;
      const supplyProblem = orderSupplyProblem(state, companyId, chip);
      if (supplyProblem) return supplyProblem;
      const cost = c.quantity * chip.unitPriceUsd;
      const cash = state.companies.byId[companyId]!.cashUsd;
      if (cost > cash) return `${formatCount(c.quantity)} × ${chip.name} cost ${formatUsd(cost)} (prepaid); cash is ${formatUsd(cash)}.`;
      return null;
    },
    apply(draft, companyId, c) {
      const chip = draft.chips.byId[c.chipId]!;
      const id = newId(draft, 'ord');
      const lead = Math.max(1, chip.leadQuarters);
      insertRow(draft.orders, {
        id, companyId, chipId: c.chipId, quantity: c.quantity, delivered: 0, unitPriceUsd: chip.unitPriceUsd,
        orderedTurn: draft.turn, dueTurn: draft.turn + lead,
      });
      postLedger(draft, companyId, 'capex:chips', id, -c.quantity * chip.unitPriceUsd, () => `${formatCount(c.quantity)} × ${chip.name}`);
      receiveVendorPrepayment(draft, id, companyId, chip, c.quantity * chip.unitPriceUsd);
      const supplied = draft.supply ? ' if foundry, packaging and HBM allow (short inputs mean partial delivery and a backlog)' : '';
      return [{ text: `Ordered ${formatCount(c.quantity)} × ${chip.name}; delivery in ${lead} quarter(s)${supplied}.` }];
    },
  },

  'chips/deploy': {
    check(state, companyId, c) {
      if (!hasRow(state.chips, c.chipId)) return `Unknown chip "${c.chipId}".`;
      const problem = facilityOf(state, companyId, c.facilityId);
      if (problem) return problem;
      const facility = state.facilities.byId[c.facilityId]!;
      const site = state.sites.byId[facility.siteId]!;
      if (facility.status !== 'ready') return `The facility at ${site.name} is still under construction (ready in ${facility.readyTurn - state.turn} quarter(s)).`;
      const have = state.companies.byId[companyId]!.inventory[c.chipId] ?? 0;
      const chip = state.chips.byId[c.chipId]!;
      if (have < c.count) return `Only ${formatCount(have)} × ${chip.name} in inventory; ${formatCount(c.count)} requested.`;
      const { joined, committedMw } = facilityDeployments(state, c.facilityId, c.chipId, c.workload);
      const workload = workloadProblem(state, c.chipId, c.count + (joined?.count ?? 0), c.workload);
      if (workload) return workload;
      const free = facility.capacityMw - committedMw;
      const need = chipsFacilityMw(state, c.chipId, c.count, facility.siteId);
      if (need > free + 1e-9) return `${formatCount(c.count)} × ${chip.name} need ${formatMw(need)} with cooling; the facility at ${site.name} has ${formatMw(free)} free.`;
      return null;
    },
    apply(draft, companyId, c) {
      const facility = draft.facilities.byId[c.facilityId]!;
      const chip = draft.chips.byId[c.chipId]!;
      const company = editRow(draft.companies, companyId);
      editNested(company, 'inventory')[c.chipId] = (company.inventory[c.chipId] ?? 0) - c.count;
      const value = c.count * chip.unitPriceUsd;
      const perQuarter = value / chip.usefulLifeQuarters;
      const match = matchingDeployment(draft, c.facilityId, c.chipId, c.workload);
      const existing = match ? editRow(draft.deployments, match.id) : undefined;
      if (existing) {
        existing.count += c.count;
        setDeploymentBookValue(draft, existing, deploymentBookValue(draft, existing) + value);
        existing.depreciationPerQuarterUsd += perQuarter;
      } else {
        insertRow(draft.deployments, {
          id: newId(draft, 'dep'), companyId, facilityId: c.facilityId, siteId: facility.siteId, chipId: c.chipId,
          count: c.count, workload: c.workload, bookBaseUsd: value, bookBaseQuarter: draft.depreciatedQuarters,
          depreciationPerQuarterUsd: perQuarter, deployedTurn: draft.turn,
        });
      }
      const site = draft.sites.byId[facility.siteId]!;
      const events = [{ text: `Deployed ${formatCount(c.count)} × ${chip.name} at ${site.name} on ${c.workload}.` }];
      if (c.workload !== 'training') {
        const replica = replicaChips(chip, draft.tiers[c.workload]);
        const idle = (existing ? existing.count : c.count) % replica;
        if (idle > 0) events.push({ text: `${formatCount(idle)} chips are a partial replica and serve nothing until more arrive.` });
      }
      return events;
    },
  },

  'chips/reassign': {
    check(state, companyId, c) {
      if (!hasRow(state.deployments, c.deploymentId)) return `There is no deployment ${c.deploymentId}.`;
      const d = state.deployments.byId[c.deploymentId]!;
      if (d.companyId !== companyId) return `Deployment ${c.deploymentId} belongs to another company.`;
      if (d.workload === c.workload) return `That deployment already runs ${c.workload}.`;
      const joined = matchingDeployment(state, d.facilityId, d.chipId, c.workload);
      return workloadProblem(state, d.chipId, d.count + (joined?.count ?? 0), c.workload);
    },
    apply(draft, _companyId, c) {
      const d = editRow(draft.deployments, c.deploymentId);
      const match = matchingDeployment(draft, d.facilityId, d.chipId, c.workload);
      if (match) {
        // Chips of one kind on one workload in one facility serve together: merge, so replicas count as a whole.
        const into = editRow(draft.deployments, match.id);
        into.count += d.count;
        setDeploymentBookValue(draft, into, deploymentBookValue(draft, into) + deploymentBookValue(draft, d));
        into.depreciationPerQuarterUsd += d.depreciationPerQuarterUsd;
        const moved = d.count;
        removeRow(draft.deployments, d.id);
        removeOps(draft, d.id);
        return [{ text: `${formatCount(moved)} chips switched to ${c.workload}, joining ${formatCount(into.count - moved)} already there.` }];
      }
      d.workload = c.workload;
      return [{ text: `${formatCount(d.count)} chips switched to ${c.workload}.` }];
    },
  },

  'market/setPrice': {
    check(state, _companyId, c) {
      const tier = state.tiers[c.tier];
      if (c.pricePerMTokUsd > tier.refPricePerMTokUsd * 20) {
        return `$${c.pricePerMTokUsd} per M tokens is over 20× the ${tier.name} reference price ($${tier.refPricePerMTokUsd.toFixed(3)}).`;
      }
      return null;
    },
    apply(draft, companyId, c) {
      editNested(editRow(draft.companies, companyId), 'pricesPerMTokUsd')[c.tier] = c.pricePerMTokUsd;
      const tier = draft.tiers[c.tier];
      return [{ text: c.pricePerMTokUsd === 0 ? `${tier.name}: not offered.` : `${tier.name} price set to $${c.pricePerMTokUsd} per M tokens.` }];
    },
  },

  'finance/borrow': {
    check(state, companyId, c) {
      const capacity = borrowingCapacityUsd(state, companyId);
      if (c.amountUsd > capacity) return `Lenders will advance ${formatUsd(capacity)} more against your chips and facilities; ${formatUsd(c.amountUsd)} requested.`;
      return null;
    },
    apply(draft, companyId, c) {
      const rate = draft.finance.baseAnnualRate;
      const id = newId(draft, 'loan');
      insertRow(draft.loans, newLoan(id, companyId, c.amountUsd, rate, c.termQuarters, draft.turn));
      postLedger(draft, companyId, 'financing:loan', id, c.amountUsd, () => `loan at ${(rate * 100).toFixed(1)}%/yr over ${c.termQuarters} quarters`);
      return [{ text: `Borrowed ${formatUsd(c.amountUsd)} at ${(rate * 100).toFixed(1)}% a year over ${c.termQuarters} quarters. Covenant: net debt at most ${COVENANT_MAX_NET_DEBT_TO_EBITDA}× annualized EBITDA, tested every quarter end.` }];
    },
  },

  'finance/repay': {
    check(state, companyId, c) {
      if (!hasRow(state.loans, c.loanId)) return `There is no loan ${c.loanId}.`;
      const loan = state.loans.byId[c.loanId]!;
      if (loan.companyId !== companyId) return `Loan ${c.loanId} belongs to another company.`;
      if (c.amountUsd > loan.balanceUsd) return `The loan balance is ${formatUsd(loan.balanceUsd)}; ${formatUsd(c.amountUsd)} offered.`;
      const cash = state.companies.byId[companyId]!.cashUsd;
      if (c.amountUsd > cash) return `Cash is ${formatUsd(cash)}; cannot repay ${formatUsd(c.amountUsd)}.`;
      return null;
    },
    apply(draft, companyId, c) {
      const loan = editRow(draft.loans, c.loanId);
      loan.balanceUsd -= c.amountUsd;
      postLedger(draft, companyId, 'financing:principal', loan.id, -c.amountUsd, 'early repayment');
      if (loan.balanceUsd === 0) removeRow(draft.loans, loan.id);
      return [{ text: `Repaid ${formatUsd(c.amountUsd)}.` }];
    },
  },

  'finance/raiseEquity': {
    check(state, companyId, c) {
      const company = state.companies.byId[companyId]!;
      if (state.turn - company.lastEquityRaiseTurn < 2) return 'Investors wait at least two quarters between rounds.';
      const preMoney = preMoneyValuationUsd(state, companyId);
      if (preMoney <= 0) return 'No investor will price a round at a valuation of zero.';
      if (c.amountUsd > preMoney / 2) return `At a ${formatUsd(preMoney)} valuation investors put in at most ${formatUsd(Math.floor(preMoney / 2))} (${valuationBasis(state, companyId)}).`;
      return null;
    },
    apply(draft, companyId, c) {
      const preMoney = preMoneyValuationUsd(draft, companyId);
      const company = editRow(draft.companies, companyId);
      company.ownershipShare *= preMoney / (preMoney + c.amountUsd);
      company.lastEquityRaiseTurn = draft.turn;
      postLedger(draft, companyId, 'financing:equity', companyId, c.amountUsd, () => `equity at ${formatUsd(preMoney)} pre-money`);
      return [{ text: `Raised ${formatUsd(c.amountUsd)} at ${formatUsd(preMoney)} pre-money (${valuationBasis(draft, companyId)}); existing holders now own ${(company.ownershipShare * 100).toFixed(1)}%.` }];
    },
  },

  'finance/revenueShareDeal': revenueShareDealHandler,

  'training/bid': trainingBidHandler,

  'power/buildOnsite': buildOnsitePowerHandler,

  'supply/signHbmLta': signHbmLtaHandler,

  'chips/design': designChipHandler,
};

/**
 * A facility's deployments in one pass: the one a new deployment of that chip and workload would join (as
 * matchingDeployment) and the MW already committed there (as facilityCommittedMw, summed in the same order).
 */
function facilityDeployments(state: GameState, facilityId: Id, chipId: Id, workload: Workload): { joined: Deployment | undefined; committedMw: number } {
  let joined: Deployment | undefined;
  let committedMw = 0;
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (d.facilityId !== facilityId) continue;
    committedMw += chipsFacilityMw(state, d.chipId, d.count, d.siteId);
    if (!joined && d.chipId === chipId && d.workload === workload) joined = d;
  }
  return { joined, committedMw };
}

/** The deployment of that chip and workload already in a facility, if any (they merge). */
function matchingDeployment(state: GameState, facilityId: Id, chipId: Id, workload: Workload): Deployment | undefined {
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (d.facilityId === facilityId && d.chipId === chipId && d.workload === workload) return d;
  }
  return undefined;
}

/** PPA MW a company holds at a site in a given turn. */
/** PPA MW a company has in force at each of its sites in `turn` (contractedMw for every site, in one pass). */
export function contractedMwBySite(state: GameState, companyId: Id, turn: number): Record<Id, number> {
  const out: Record<Id, number> = {};
  for (const id of state.contracts.ids) {
    const p = state.contracts.byId[id]!;
    if (p.companyId === companyId && p.startTurn <= turn && turn < p.endTurn) out[p.siteId] = (out[p.siteId] ?? 0) + p.mw;
  }
  return out;
}

export function contractedMw(state: GameState, companyId: Id, siteId: Id, turn: number): number {
  let mw = 0;
  for (const id of state.contracts.ids) {
    const p = state.contracts.byId[id]!;
    if (p.companyId === companyId && p.siteId === siteId && p.startTurn <= turn && turn < p.endTurn) mw += p.mw;
  }
  return mw;
}

/** The enterprise value investors start from: last quarter's (or book value before any quarter). */
export function lastEnterpriseValueUsd(state: GameState, companyId: Id): number {
  const last = state.history[state.history.length - 1];
  if (last) return last.companies[companyId]!.enterpriseValueUsd;
  return enterpriseValueUsd(state, companyId, 0, 0);
}

/** Investors price a round at enterprise value × market sentiment (DESIGN §1.9's "beauty contest"). */
export function preMoneyValuationUsd(state: GameState, companyId: Id): number {
  return Math.round(lastEnterpriseValueUsd(state, companyId) * state.capitalMarkets.sentiment);
}

function valuationBasis(state: GameState, companyId: Id): string {
  return `enterprise value ${formatUsd(lastEnterpriseValueUsd(state, companyId))} × investor sentiment ${state.capitalMarkets.sentiment.toFixed(2)}`;
}
