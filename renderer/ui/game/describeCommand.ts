/** One line naming a command in the player's terms ("Order 5,000 × Lattice LPU v1"), for Undo and the ticker. */
import type { Command, GameState } from '../../../engine/index';
import { formatCount, formatMw, formatPricePerMTok, formatUsd, formatInt } from '../format';
import { workloadName } from './selectors';

export function describeCommand(state: GameState, c: Command): string {
  switch (c.type) {
    case 'site/build':
      return `Build ${formatMw(c.capacityMw)} (${c.shell}) at ${state.sites.byId[c.siteId]?.name ?? c.siteId}`;
    case 'power/signPpa':
      return `PPA ${formatMw(c.mw)} at ${state.sites.byId[c.siteId]?.name ?? c.siteId} for ${c.termQuarters} quarters`;
    case 'chips/order':
      return `Order ${formatInt(c.quantity)} × ${state.chips.byId[c.chipId]?.name ?? c.chipId}`;
    case 'chips/deploy':
      return `Deploy ${formatInt(c.count)} × ${state.chips.byId[c.chipId]?.name ?? c.chipId} on ${workloadName(state, c.workload)}`;
    case 'chips/reassign':
      return `Reassign deployment ${c.deploymentId} to ${workloadName(state, c.workload)}`;
    case 'market/setPrice':
      return `${state.tiers[c.tier].name} price ${formatPricePerMTok(c.pricePerMTokUsd)} per M tokens`;
    case 'finance/borrow':
      return `Borrow ${formatUsd(c.amountUsd)} over ${c.termQuarters} quarters`;
    case 'finance/repay':
      return `Repay ${formatUsd(c.amountUsd)}`;
    case 'finance/raiseEquity':
      return `Raise ${formatUsd(c.amountUsd)} of equity`;
    case 'finance/revenueShareDeal': {
      const siteId = c.build?.siteId ?? state.facilities.byId[c.facilityId ?? '']?.siteId ?? '';
      return `Revenue-share deal (${Math.round(c.partnerSharePct * 100)}% until ${Math.round(c.hurdleIrr * 1000) / 10}% IRR, then ${Math.round(c.upsideSharePct * 100)}%) at ${state.sites.byId[siteId]?.name ?? siteId}`;
    }
    case 'chips/design': {
      const next = state.chips.ids.map((id) => state.chips.byId[id]!).find((x) => x.designFrom === c.baseChipId && x.ownerCompanyId === state.playerId);
      return `Design ${c.name ?? next?.name ?? 'the successor'} of ${state.chips.byId[c.baseChipId]?.name ?? c.baseChipId}`;
    }
    case 'supply/signHbmLta':
      return `HBM LTA with ${state.supply?.hbm.suppliers.byId[c.supplierId]?.name ?? c.supplierId}: ${formatCount(c.gbPerQuarter)} GB a quarter for ${c.quarters} quarters`;
    case 'training/bid': {
      const contract = state.trainingContracts.byId[c.contractId];
      return `Bid $${c.priceUsdPerHour.toFixed(2)} per H100e-hour on ${contract ? `${contract.lab}'s contract ${contract.id}` : `contract ${c.contractId}`}`;
    }
    case 'power/buildOnsite': {
      const f = state.facilities.byId[c.facilityId];
      return `Build ${formatMw(c.mw)} of gas turbines at ${f ? state.sites.byId[f.siteId]?.name ?? f.siteId : c.facilityId}`;
    }
    default:
      // A command type newer than this renderer: still listed (by its type) in Undo and the ticker.
      return (c as { type: string }).type;
  }
}
