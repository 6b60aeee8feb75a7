/**
 * Training contracts (DESIGN §1.6), before the spot rental market each quarter:
 * 1. contracts resolved last quarter are cleared; finished ones are marked completed;
 * 2. contracts posted before this quarter are resolved: echoes are withdrawn ("the lab signed elsewhere"); the others
 *    go to the lowest qualifying bid (price, then higher reliability, then company id) whose bidder has the
 *    uncommitted training capacity at allowed sites, and run from this quarter for their duration;
 * 3. running contracts deliver from the winner's training capacity and pay each quarter (pro rata if it falls short);
 * 4. labs post new contracts (the `training` stream): sizes from the training demand, some of them echoes.
 * The spot market (trainingMarket.ts) then clears on the capacity and demand that contracts left.
 */
import { formatCount, formatUsd } from '../format';
import { newId } from '../ids';
import { postLedger } from '../ledger';
import { nextFloat, nextInt, type RngState } from '../math/rng';
import type { Frozen, GameState, Id, TrainingContract } from '../state';
import { editRow, insertRow, removeRow } from '../table';
import { contractProblem, contractSize, trainingCapacity, trainingPosition, withdrawEcho, type TrainingPosition } from '../trainingContracts';

/** Fictional labs that post contracts. */
export const LABS = ['Aleph Labs', 'Borealis AI', 'Cobalt Research', 'Deepwater AI', 'Eigen Systems', 'Fathom Labs', 'Gradient Works', 'Helix AI'] as const;
/** Average contract duration (quarters) when durations are uniform on 1..4: converts a share of demand into postings. */
const MEAN_DURATION_QUARTERS = 2.5;

export function runTrainingContracts(draft: GameState): void {
  clearResolved(draft);
  resolveOpen(draft);
  deliver(draft);
  if (draft.training.contractTerms) postContracts(draft);
}

function clearResolved(draft: GameState): void {
  for (const id of [...draft.trainingContracts.ids]) {
    const c = draft.trainingContracts.byId[id]!;
    if (c.status === 'withdrawn' || c.status === 'unawarded' || c.status === 'completed') removeRow(draft.trainingContracts, id);
    else if (c.status === 'awarded' && c.endTurn <= draft.turn) {
      editRow(draft.trainingContracts, id).status = 'completed';
      draft.report.push({ companyId: c.awardedTo, kind: 'market', text: `Training contract ${c.id} with ${c.lab} completed.` });
    }
  }
}

/** Bids best first: lowest price, then higher reliability, then company id. */
function rankedBids(draft: GameState, contract: Frozen<TrainingContract>): Id[] {
  return contract.bids
    .map((b) => ({ ...b, reliability: draft.companies.byId[b.companyId]!.reliability }))
    .sort((a, b) => a.priceUsdPerHour - b.priceUsdPerHour || b.reliability - a.reliability || (a.companyId < b.companyId ? -1 : a.companyId > b.companyId ? 1 : 0))
    .map((b) => b.companyId);
}

function resolveOpen(draft: GameState): void {
  const awardedNow: Record<Id, number> = {};
  // Positions as the quarter opened (awards of this pass are added through awardedNow).
  const positions: Record<Id, TrainingPosition> = {};
  let awarded = 0;
  let withdrawn = 0;
  let unawarded = 0;
  for (const id of draft.trainingContracts.ids) {
    const c = draft.trainingContracts.byId[id]!;
    if (c.status !== 'open' || c.postedTurn >= draft.turn) continue;
    if (c.echoOf !== null) {
      withdrawEcho(draft, id);
      withdrawn++;
      continue;
    }
    let winner: Id | null = null;
    for (const companyId of rankedBids(draft, c)) {
      if (draft.companies.byId[companyId]!.bankrupt) continue;
      positions[companyId] ??= trainingPosition(draft, companyId);
      if (contractProblem(draft, companyId, c, awardedNow[companyId] ?? 0, positions[companyId]) === null) {
        winner = companyId;
        break;
      }
    }
    if (!winner) {
      editRow(draft.trainingContracts, id).status = 'unawarded';
      unawarded++;
      for (const bid of c.bids) {
        draft.report.push({ companyId: bid.companyId, kind: 'market', text: `Contract ${c.id} from ${c.lab} was not awarded: no bidder qualified (capacity, reliability or region rule) when it closed.` });
      }
      continue;
    }
    const price = c.bids.find((b) => b.companyId === winner)!.priceUsdPerHour;
    const won = editRow(draft.trainingContracts, id);
    won.status = 'awarded';
    won.awardedTo = winner;
    won.priceUsdPerHour = price;
    won.startTurn = draft.turn;
    won.endTurn = draft.turn + c.durationQuarters;
    awardedNow[winner] = (awardedNow[winner] ?? 0) + c.h100eHoursPerQuarter;
    awarded++;
    const value = c.h100eHoursPerQuarter * c.durationQuarters * price;
    for (const bid of c.bids) {
      draft.report.push({
        companyId: bid.companyId,
        kind: 'market',
        text: bid.companyId === winner
          ? `Won training contract ${c.id} from ${c.lab}: ${contractSize(c)} at $${price.toFixed(2)}/h (${formatUsd(value)} over the term).`
          : `Lost training contract ${c.id} from ${c.lab} to ${draft.companies.byId[winner]!.name} at $${price.toFixed(2)}/h (you bid $${bid.priceUsdPerHour.toFixed(2)}/h).`,
      });
    }
  }
  if (awarded + withdrawn + unawarded > 0) {
    const echo = withdrawn > 0 ? `, ${withdrawn} withdrawn — the labs had signed elsewhere (echo demand: one request sent to many builders)` : '';
    draft.report.push({ companyId: null, kind: 'market', text: `Training contracts: ${awarded} awarded${echo}, ${unawarded} unawarded.` });
  }
}

/** Running contracts deliver from their winner's training capacity (contracts in id order) and pay for what ran. */
function deliver(draft: GameState): void {
  const byCompany: Record<Id, number> = {};
  const left: Record<Id, number> = {};
  for (const id of draft.trainingContracts.ids) {
    const c = draft.trainingContracts.byId[id]!;
    if (c.status !== 'awarded' || c.startTurn > draft.turn || c.endTurn <= draft.turn) continue;
    const companyId = c.awardedTo!;
    const company = draft.companies.byId[companyId]!;
    if (left[companyId] === undefined) left[companyId] = company.bankrupt ? 0 : trainingCapacity(draft, companyId).total;
    const hours = Math.min(c.h100eHoursPerQuarter, left[companyId]!);
    left[companyId]! -= hours;
    if (c.lastDeliveredH100eHours !== hours) editRow(draft.trainingContracts, id).lastDeliveredH100eHours = hours;
    byCompany[companyId] = (byCompany[companyId] ?? 0) + hours;
    postLedger(draft, companyId, 'revenue:training', c.id, hours * c.priceUsdPerHour, () => `${formatCount(hours)} H100e-hours for ${c.lab} at $${c.priceUsdPerHour.toFixed(2)}/h (contract)`);
    if (hours < c.h100eHoursPerQuarter * (1 - 1e-9)) {
      draft.report.push({
        companyId,
        kind: 'market',
        text: `Contract ${c.id} with ${c.lab}: delivered ${formatCount(hours)} of ${formatCount(c.h100eHoursPerQuarter)} H100e-hours (training capacity throttled, reassigned or overcommitted); paid for what ran.`,
      });
    }
  }
  draft.training.contractH100eHoursByCompany = byCompany;
}

/** Labs post this quarter's contracts; echoes copy a real request. Ids are given in a shuffled order. */
function postContracts(draft: GameState): void {
  const terms = draft.training.contractTerms!;
  const n = terms.postingsPerQuarter;
  if (n <= 0) return;
  const rng = [...draft.rng['training']!] as RngState;
  const market = draft.training;
  const realPostings = Math.max(1, n * (1 - terms.echoShare));
  const meanSize = (terms.shareOfDemand * market.demandH100eHours) / MEAN_DURATION_QUARTERS / realPostings;
  const weightTotal = terms.regionRules.reduce((s, r) => s + r.weight, 0);
  const drafts: Omit<TrainingContract, 'id' | 'echoOf'>[] = [];
  const echoSource: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const echo = nextFloat(rng) < terms.echoShare && drafts.some((_, k) => echoSource[k] === null);
    if (echo) {
      const reals = drafts.map((_, k) => k).filter((k) => echoSource[k] === null);
      const source = reals[nextInt(rng, 0, reals.length - 1)]!;
      drafts.push({ ...drafts[source]!, bids: [], regionRule: { ...drafts[source]!.regionRule } });
      echoSource.push(source);
      continue;
    }
    const size = Math.round(meanSize * (0.5 + nextFloat(rng)));
    const duration = nextInt(rng, 1, 4);
    const priceFactor = terms.maxPriceFactorMin + (terms.maxPriceFactorMax - terms.maxPriceFactorMin) * nextFloat(rng);
    const reliability = terms.reliabilityMin + (terms.reliabilityMax - terms.reliabilityMin) * nextFloat(rng);
    let pick = nextFloat(rng) * weightTotal;
    let rule = terms.regionRules[terms.regionRules.length - 1]!;
    for (const r of terms.regionRules) {
      if (pick < r.weight) {
        rule = r;
        break;
      }
      pick -= r.weight;
    }
    const lab = LABS[nextInt(rng, 0, LABS.length - 1)]!;
    drafts.push({
      lab, h100eHoursPerQuarter: size, durationQuarters: duration,
      maxPriceUsdPerHour: Math.round(market.refPriceUsdPerHour * priceFactor * 100) / 100,
      minReliability: Math.round(reliability * 1000) / 1000,
      regionRule: { label: rule.label, onlyRegionIds: [...rule.onlyRegionIds], excludeRegionIds: [...rule.excludeRegionIds] },
      postedTurn: draft.turn, status: 'open', bids: [], awardedTo: null, priceUsdPerHour: 0, startTurn: 0, endTurn: 0, lastDeliveredH100eHours: 0,
    });
    echoSource.push(null);
  }
  // Shuffle (Fisher–Yates) so the id order does not tell the original request from its echoes.
  const order = drafts.map((_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const j = nextInt(rng, 0, k);
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  const ids: Id[] = new Array(n);
  for (const k of order) ids[k] = newId(draft, 'tc');
  for (const k of order) insertRow(draft.trainingContracts, { id: ids[k]!, ...drafts[k]!, echoOf: echoSource[k] === null ? null : ids[echoSource[k]!]! });
  draft.rng['training'] = rng;
  const echoes = echoSource.filter((s) => s !== null).length;
  draft.report.push({
    companyId: null,
    kind: 'market',
    text: `Labs posted ${n} training contract(s) for bids this quarter (${formatCount(drafts.reduce((s, d) => s + d.h100eHoursPerQuarter, 0))} H100e-hours a quarter in all${echoes > 0 ? '; some may be the same request sent to many builders' : ''}).`,
  });
}
