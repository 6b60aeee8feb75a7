/**
 * The GPU vendor's policy (rival strategy 'gpu-vendor'): it keeps its HBM covered by long-term agreements for the
 * output its packaging reservation allows, signed the minimum two quarters ahead and split among the suppliers by
 * their output. It sells to everyone through the supply system; it does not build capacity or set token prices.
 */
import type { Command } from '../commands/schema';
import type { GameState, Id } from '../state';
import { LTA_MIN_LEAD_QUARTERS, hbmOutputGb, ltaRoomGb, newestIncumbentChip, packagingCapacityWafers } from '../supplyChain';

/** Share of its expected HBM need the vendor locks in with LTAs (the rest it buys spot). */
export const VENDOR_LTA_COVERAGE = 0.9;
export const VENDOR_LTA_QUARTERS = 4;

export function gpuVendorCommands(state: GameState, companyId: Id): Command[] {
  const supply = state.supply;
  if (!supply || supply.incumbentCompanyId !== companyId) return [];
  const turn = state.turn + LTA_MIN_LEAD_QUARTERS;
  const chip = newestIncumbentChip(state, turn);
  if (!chip) return [];
  // Outside demand two quarters on at today's growth, capped by the packaging it reserves then.
  const o = supply.outsideDemand;
  const wafers = Math.min(packagingCapacityWafers(supply, turn) * supply.packaging.incumbentShare, o.packagingWafersPerQuarter * o.growthPerQuarter * o.growthPerQuarter);
  const targetGb = (wafers / chip.packagingWafersPerUnit) * chip.hbmGb * VENDOR_LTA_COVERAGE;
  let contracted = 0;
  let output = 0;
  for (const id of supply.hbm.ltas.ids) {
    const l = supply.hbm.ltas.byId[id]!;
    if (l.companyId === companyId && l.startTurn <= turn && turn < l.endTurn) contracted += l.gbPerQuarter;
  }
  for (const id of supply.hbm.suppliers.ids) output += hbmOutputGb(supply.hbm.suppliers.byId[id]!);
  const gap = targetGb - contracted;
  if (gap <= 0 || output <= 0) return [];
  const commands: Command[] = [];
  for (const id of supply.hbm.suppliers.ids) {
    const share = hbmOutputGb(supply.hbm.suppliers.byId[id]!) / output;
    const gb = Math.floor(Math.min(gap * share, ltaRoomGb(state, id, turn, turn + VENDOR_LTA_QUARTERS)));
    if (gb >= 1_000_000) commands.push({ type: 'supply/signHbmLta', supplierId: id, gbPerQuarter: gb, quarters: VENDOR_LTA_QUARTERS });
  }
  return commands;
}
