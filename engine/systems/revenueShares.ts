/**
 * Revenue shares: each deal's partner takes its cut of the quarter's facility revenue (rules in engine/revenueShare.ts),
 * its IRR so far is recomputed by bisection, and the turn report shows the progress toward the hurdle and the flip.
 * Runs after the markets and operations (revenue is booked) and before finance (so a shortfall counts the payments).
 */
import { formatMw, formatPct, formatUsd } from '../format';
import { annualFromQuarterly, irrQuarterly } from '../irr';
import { postLedger } from '../ledger';
import { roundTo } from '../math';
import { facilityRevenueUsd, quarterPayment } from '../revenueShare';
import type { Frozen, GameState, Id, RevenueShareDeal } from '../state';
import { editRow, type Thawed } from '../table';

export function runRevenueShares(draft: GameState): void {
  if (draft.deals.ids.length === 0) return;
  const companies = new Set<Id>();
  for (const id of draft.deals.ids) companies.add(draft.deals.byId[id]!.companyId);
  const revenue = facilityRevenueUsd(draft, companies);
  for (const id of draft.deals.ids) {
    const deal = editRow(draft.deals, id);
    settle(draft, deal, revenue[deal.facilityId] ?? 0);
  }
}

function settle(draft: GameState, deal: Thawed<Frozen<RevenueShareDeal>>, revenueUsd: number): void {
  const partner = draft.finance.revenueSharePartner?.name ?? 'The partner';
  const facility = draft.facilities.byId[deal.facilityId]!;
  const where = `${formatMw(facility.capacityMw)} at ${draft.sites.byId[facility.siteId]!.name}`;
  const { paymentUsd, flips, toHurdleUsd } = quarterPayment(deal, revenueUsd);
  const wasUpside = deal.phase === 'upside';
  deal.flows = [...deal.flows, paymentUsd];
  deal.lastRevenueUsd = Math.round(revenueUsd);
  deal.lastPaymentUsd = paymentUsd;
  const irr = irrQuarterly(deal.flows);
  deal.irrAnnual = irr === null ? null : roundTo(annualFromQuarterly(irr), 6);
  postLedger(draft, deal.companyId, 'financing:revenueShare', deal.id, -paymentUsd, `${partner}'s share of ${where} revenue`);

  const irrText = deal.irrAnnual === null ? 'no IRR yet (nothing received)' : `IRR so far ${formatPct(deal.irrAnnual)}/yr`;
  let text: string;
  if (wasUpside) {
    text = `${partner} (${where}): upside share ${formatPct(deal.upsideSharePct, 0)} of ${formatUsd(deal.lastRevenueUsd)} revenue = ${formatUsd(paymentUsd)}; ${irrText}.`;
  } else if (flips) {
    deal.phase = 'upside';
    deal.flippedTurn = draft.turn + 1;
    text = `${partner} reached its ${formatPct(deal.hurdleIrr)}/yr hurdle on ${where}: it took the ${formatUsd(toHurdleUsd)} that completes it plus ${formatPct(deal.upsideSharePct, 0)} of the rest (${formatUsd(paymentUsd)} in all). From now on it takes ${formatPct(deal.upsideSharePct, 0)} of the facility's revenue instead of ${formatPct(deal.partnerSharePct, 0)}.`;
  } else if (paymentUsd === 0) {
    // Nothing earned yet (building, or no chips): the partner's clock still runs, so what it is owed grows.
    text = `${partner} (${where}): no revenue this quarter; at its ${formatPct(deal.hurdleIrr)} hurdle it is now owed ${formatUsd(toHurdleUsd)} on the ${formatUsd(deal.fundedUsd)} it paid.`;
  } else {
    let received = 0;
    for (const f of deal.flows) if (f > 0) received += f;
    text = `${partner} (${where}): took ${formatPct(deal.partnerSharePct, 0)} of ${formatUsd(deal.lastRevenueUsd)} revenue = ${formatUsd(paymentUsd)}; ${irrText} against its ${formatPct(deal.hurdleIrr)} hurdle; ${formatUsd(received)} of ${formatUsd(deal.fundedUsd)} funded recovered, ${formatUsd(toHurdleUsd - paymentUsd)} still to go to the hurdle.`;
  }
  draft.report.push({ companyId: deal.companyId, kind: 'finance', text });
}
