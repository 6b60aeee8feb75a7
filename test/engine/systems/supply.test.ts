import { describe, expect, it } from 'vitest';
import { applyCommand, endTurn, type GameState } from '../../../engine/index';
import { runSupply } from '../../../engine/systems/supply';
import { PLAYER, edit, newGame, runSystem } from '../support/game';

/** The player orders `quantity` LPUs (lead time 2 quarters) on turn 0. */
function withOrder(quantity: number): { state: GameState; orderId: string } {
  const result = applyCommand(newGame(), { type: 'chips/order', chipId: 'lpu-v1', quantity });
  if (!result.ok) throw new Error(result.error);
  const orderId = result.state.orders.ids.find((id) => result.state.orders.byId[id]!.companyId === PLAYER)!;
  return { state: result.state, orderId };
}

describe('runSupply', () => {
  it('keeps an order that is not yet due and adds nothing to inventory', () => {
    const { state, orderId } = withOrder(1000);
    expect(state.orders.byId[orderId]!.dueTurn).toBe(state.turn + 2);
    const after = runSystem(state, runSupply);
    expect(after.orders.byId[orderId]).toEqual(state.orders.byId[orderId]);
    expect(after.companies.byId[PLAYER]!.inventory['lpu-v1']).toBe(state.companies.byId[PLAYER]!.inventory['lpu-v1']);
    expect(after.report.filter((r) => r.companyId === PLAYER && r.kind === 'delivery')).toEqual([]);
  });

  it('delivers an order due next quarter into inventory, removes it and reports it', () => {
    const { state, orderId } = withOrder(1000);
    const before = edit(state, (d) => {
      d.turn = d.orders.byId[orderId]!.dueTurn - 1;
    });
    const inventoryBefore = before.companies.byId[PLAYER]!.inventory['lpu-v1'] ?? 0;
    const after = runSystem(before, runSupply);
    expect(after.companies.byId[PLAYER]!.inventory['lpu-v1']).toBe(inventoryBefore + 1000);
    expect(after.orders.ids).not.toContain(orderId);
    const delivery = after.report.filter((r) => r.companyId === PLAYER && r.kind === 'delivery');
    expect(delivery).toHaveLength(1);
    expect(delivery[0]!.text).toContain('Lattice LPU v1');
    expect(delivery[0]!.text).toContain('1.0k');
  });

  it('delivers only what is still outstanding on a partly delivered order', () => {
    const { state, orderId } = withOrder(1000);
    const before = edit(state, (d) => {
      d.orders.byId[orderId]!.delivered = 400;
      d.turn = d.orders.byId[orderId]!.dueTurn - 1;
    });
    const inventoryBefore = before.companies.byId[PLAYER]!.inventory['lpu-v1'] ?? 0;
    const after = runSystem(before, runSupply);
    expect(after.companies.byId[PLAYER]!.inventory['lpu-v1']).toBe(inventoryBefore + 600);
  });

  it('through endTurn: chips ordered with a 2-quarter lead are in inventory after exactly two turns', () => {
    const { state } = withOrder(1000);
    const inventory0 = state.companies.byId[PLAYER]!.inventory['lpu-v1'] ?? 0;
    const one = endTurn(state);
    expect(one.companies.byId[PLAYER]!.inventory['lpu-v1'] ?? 0).toBe(inventory0);
    const two = endTurn(one);
    expect(two.companies.byId[PLAYER]!.inventory['lpu-v1']).toBe(inventory0 + 1000);
  });
});
