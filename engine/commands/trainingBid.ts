/**
 * `training/bid`: a sealed offer on an open training contract (DESIGN §1.6), in USD per H100e-hour. Checked now against
 * the lab's maximum price, reliability and region rule and the company's uncommitted training capacity; awarded at the
 * end of the quarter (systems/trainingContracts.ts), when capacity is checked again. A new bid replaces the old one.
 */
import { formatUsd } from '../format';
import type { GameState, Id } from '../state';
import { hasRow } from '../table';
import { contractProblem, contractSize } from '../trainingContracts';
import type { CommandEvent } from './construction';
import type { CommandOf } from './schema';
import { editRow } from '../table';

type TrainingBidCommand = CommandOf<'training/bid'>;

export const trainingBidHandler = {
  check(state: GameState, companyId: Id, c: TrainingBidCommand): string | null {
    if (!hasRow(state.trainingContracts, c.contractId)) return `Unknown training contract "${c.contractId}".`;
    const contract = state.trainingContracts.byId[c.contractId]!;
    if (contract.status !== 'open') return `Contract ${contract.id} from ${contract.lab} is no longer open (${contract.status}).`;
    if (c.priceUsdPerHour > contract.maxPriceUsdPerHour) {
      return `$${c.priceUsdPerHour.toFixed(2)}/h is above ${contract.lab}'s maximum of $${contract.maxPriceUsdPerHour.toFixed(2)}/h for contract ${contract.id}.`;
    }
    return contractProblem(state, companyId, contract);
  },
  apply(draft: GameState, companyId: Id, c: TrainingBidCommand): CommandEvent[] {
    const contract = editRow(draft.trainingContracts, c.contractId);
    const bids = contract.bids.filter((b) => b.companyId !== companyId);
    bids.push({ companyId, priceUsdPerHour: c.priceUsdPerHour });
    bids.sort((a, b) => (a.companyId < b.companyId ? -1 : a.companyId > b.companyId ? 1 : 0));
    contract.bids = bids;
    const value = contract.h100eHoursPerQuarter * contract.durationQuarters * c.priceUsdPerHour;
    return [{ text: `Bid $${c.priceUsdPerHour.toFixed(2)}/h on ${contract.lab}'s contract ${contract.id} (${contractSize(contract)}; ${formatUsd(value)} if awarded at the end of the quarter).` }];
  },
};
