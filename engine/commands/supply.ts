/**
 * Supply-chain commands: HBM long-term agreements (`supply/signHbmLta`) and next-generation chip designs
 * (`chips/design`), plus the supply rules `chips/order` applies (design unlocks, the vendor's prepayment).
 */
import { formatCount, formatUsd } from '../format';
import { newId } from '../ids';
import { postLedger } from '../ledger';
import { quarterAt, quarterLabel } from '../quarter';
import type { ChipModel, GameState, Id } from '../state';
import { LTA_MIN_LEAD_QUARTERS, designProblem, ltaRoomGb } from '../supplyChain';
import { hasRow, insertRow } from '../table';
import type { CommandEvent } from './construction';
import type { CommandOf } from './schema';
import { editRow } from '../table';

interface Handler<C> {
  check(state: GameState, companyId: Id, command: C): string | null;
  apply(draft: GameState, companyId: Id, command: C): CommandEvent[];
}

/** Quarters of LTA payments a supplier wants to see in cash before it signs. */
export const LTA_PROOF_OF_FUNDS_QUARTERS = 2;

export const signHbmLtaHandler: Handler<CommandOf<'supply/signHbmLta'>> = {
  check(state, companyId, c) {
    const supply = state.supply;
    if (!supply) return 'This scenario has no HBM market: chips are supplied without agreements.';
    if (!hasRow(supply.hbm.suppliers, c.supplierId)) return `Unknown HBM supplier "${c.supplierId}".`;
    const supplier = supply.hbm.suppliers.byId[c.supplierId]!;
    const lead = c.leadQuarters ?? LTA_MIN_LEAD_QUARTERS;
    if (lead < LTA_MIN_LEAD_QUARTERS) {
      return `${supplier.name} signs LTAs at least ${LTA_MIN_LEAD_QUARTERS} quarters before the first delivery (HBM wafers start months ahead); first delivery in ${lead} quarter(s) requested.`;
    }
    const start = state.turn + lead;
    const room = ltaRoomGb(state, c.supplierId, start, start + c.quarters);
    if (c.gbPerQuarter > room) {
      return `${supplier.name} has ${formatCount(room)} GB per quarter left to commit from ${quarterLabel(quarterAt(state.start, start))} for ${c.quarters} quarter(s); ${formatCount(c.gbPerQuarter)} GB requested.`;
    }
    const perQuarter = c.gbPerQuarter * supplier.priceUsdPerGb;
    const cash = state.companies.byId[companyId]!.cashUsd;
    if (perQuarter * LTA_PROOF_OF_FUNDS_QUARTERS > cash) {
      return `${supplier.name} wants cash for ${LTA_PROOF_OF_FUNDS_QUARTERS} quarters of payments (${formatUsd(perQuarter * LTA_PROOF_OF_FUNDS_QUARTERS)}) before signing; cash is ${formatUsd(cash)}.`;
    }
    return null;
  },
  apply(draft, companyId, c) {
    const supply = draft.supply!;
    const supplier = supply.hbm.suppliers.byId[c.supplierId]!;
    const start = draft.turn + (c.leadQuarters ?? LTA_MIN_LEAD_QUARTERS);
    insertRow(supply.hbm.ltas, {
      id: newId(draft, 'lta'), companyId, supplierId: c.supplierId, gbPerQuarter: c.gbPerQuarter, priceUsdPerGb: supplier.priceUsdPerGb,
      signedTurn: draft.turn, startTurn: start, endTurn: start + c.quarters,
    });
    const total = c.gbPerQuarter * supplier.priceUsdPerGb * c.quarters;
    return [{
      text: `HBM LTA signed with ${supplier.name}: ${formatCount(c.gbPerQuarter)} GB per quarter for ${c.quarters} quarter(s) from ${quarterLabel(quarterAt(draft.start, start))} at $${supplier.priceUsdPerGb}/GB — ${formatUsd(total)} in all, paid as delivered (take-or-pay) and non-cancellable.`,
    }];
  },
};

/** The next-generation chip a company may design from a base chip (its own, in the scenario's data), or null. */
export function nextGeneration(state: GameState, companyId: Id, baseChipId: Id): ChipModel | null {
  for (const id of state.chips.ids) {
    const chip = state.chips.byId[id]!;
    if (chip.designFrom === baseChipId && chip.ownerCompanyId === companyId) return chip;
  }
  return null;
}

export const designChipHandler: Handler<CommandOf<'chips/design'>> = {
  check(state, companyId, c) {
    if (!hasRow(state.chips, c.baseChipId)) return `Unknown chip "${c.baseChipId}".`;
    const base = state.chips.byId[c.baseChipId]!;
    const next = nextGeneration(state, companyId, c.baseChipId);
    if (!next) return `No next-generation design of ${base.name} is open to you (it must be your own chip with a successor in the scenario).`;
    for (const id of state.designs.ids) {
      const d = state.designs.byId[id]!;
      if (d.companyId === companyId && d.chipId === next.id) {
        return d.readyTurn > state.turn ? `${next.name} is already taping out (ready in ${d.readyTurn - state.turn} quarter(s)).` : `${next.name} is already designed.`;
      }
    }
    const cash = state.companies.byId[companyId]!.cashUsd;
    if (next.designCostUsd > cash) return `Designing ${next.name} costs ${formatUsd(next.designCostUsd)} of R&D and tape-out; cash is ${formatUsd(cash)}.`;
    return null;
  },
  apply(draft, companyId, c) {
    const next = editRow(draft.chips, nextGeneration(draft, companyId, c.baseChipId)!.id);
    if (c.name) next.name = c.name;
    const id = newId(draft, 'design');
    const readyTurn = draft.turn + next.tapeOutQuarters;
    insertRow(draft.designs, { id, companyId, chipId: next.id, baseChipId: c.baseChipId, costUsd: next.designCostUsd, startedTurn: draft.turn, readyTurn });
    postLedger(draft, companyId, 'capex:chipDesign', id, -next.designCostUsd, `R&D and tape-out of ${next.name}`);
    return [{ text: `Design of ${next.name} started: ${formatUsd(next.designCostUsd)} of R&D; after ${next.tapeOutQuarters} quarter(s) of tape-out it can be ordered from ${quarterLabel(quarterAt(draft.start, readyTurn))}.` }];
  },
};

/** Supply rules for `chips/order`: the design must be done; the vendor does not buy its own GPUs. */
export function orderSupplyProblem(state: GameState, companyId: Id, chip: ChipModel): string | null {
  if (chip.source === 'incumbent' && state.supply?.incumbentCompanyId === companyId) return `You make ${chip.name}; your output goes to your customers.`;
  return designProblem(state, companyId, chip);
}

/** The buyer's prepayment for the vendor's GPUs is the vendor's cash (held as a prepayment until the chips ship). */
export function receiveVendorPrepayment(draft: GameState, orderId: Id, buyerId: Id, chip: ChipModel, amountUsd: number): void {
  const vendorId = draft.supply?.incumbentCompanyId;
  if (chip.source !== 'incumbent' || !vendorId || !draft.companies.byId[vendorId]) return;
  postLedger(draft, vendorId, 'financing:customerPrepayment', orderId, amountUsd, () => `prepayment by ${draft.companies.byId[buyerId]!.name} for ${chip.name}`);
}
