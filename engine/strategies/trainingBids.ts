/**
 * Bidding on labs' training contracts for the growth policy: bid on every open contract the company qualifies for
 * now (reliability, region rule, capacity), at the reference rental price × its bid factor, never above the lab's
 * maximum, until its bids cover 1.5× its uncommitted capacity (not every bid wins). Deterministic given the state.
 */
import type { Command } from '../commands/schema';
import type { GameState, Id } from '../state';
import { contractProblem, trainingPosition } from '../trainingContracts';
import type { GrowthParams } from './types';

/** Bids may cover this multiple of uncommitted capacity. */
const OVERBID = 1.5;

export function trainingBids(state: GameState, companyId: Id, p: GrowthParams): Command[] {
  if (p.targetShare.training <= 0 || state.trainingContracts.ids.length === 0) return [];
  const factor = p.trainingBidFactor ?? p.priceFactor;
  const price = Math.round(Math.max(state.training.floorPriceUsdPerHour, state.training.refPriceUsdPerHour * factor) * 100) / 100;
  const position = trainingPosition(state, companyId);
  let room = OVERBID * Math.max(0, position.total - position.committed);
  if (room <= 0) return [];
  const commands: Command[] = [];
  for (const id of state.trainingContracts.ids) {
    const c = state.trainingContracts.byId[id]!;
    if (c.status !== 'open' || c.bids.some((b) => b.companyId === companyId)) continue;
    if (price > c.maxPriceUsdPerHour || c.h100eHoursPerQuarter > room) continue;
    if (contractProblem(state, companyId, c, 0, position) !== null) continue;
    commands.push({ type: 'training/bid', contractId: c.id, priceUsdPerHour: price });
    room -= c.h100eHoursPerQuarter;
  }
  return commands;
}
