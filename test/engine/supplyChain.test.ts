/**
 * The supply chain in the Inference Gambit (engine/supplyChain.ts, systems/supply.ts, commands/supply.ts): allocation
 * within supply, backlog and its report, HBM LTAs, the GPU vendor's economics, next-generation designs.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand, endTurn, playerStrategy, type GameState } from '../../engine/index';
import { runEvents } from '../../engine/systems/events';
import { runSupply } from '../../engine/systems/supply';
import { accept, reject } from './support/commands';
import { PLAYER, edit, newGame, runSystem, sumLedger } from './support/game';

const VENDOR = 'verdant';
const cashOf = (s: GameState, id: string) => s.companies.byId[id]!.cashUsd;
/** A new game without the end-2024 chip milestone, so tests that hold chips in inventory run past turn 4. */
const game = () => edit(newGame(), (d) => { d.victory = d.victory.filter((c) => c.atTurn === undefined); });

/** The baseline game: the player plays inference-first (milestones waived so it runs), `turns` quarters. */
function baseline(turns: number, seed = 1): GameState[] {
  const strategy = playerStrategy('inference-first')!;
  let state = edit(newGame(seed), (d) => { d.victory = d.victory.filter((c) => c.atTurn === undefined); });
  const states: GameState[] = [];
  for (let t = 0; t < turns; t++) {
    for (const command of strategy(state, PLAYER, () => 0.5)) {
      const r = applyCommand(state, command);
      if (r.ok) state = r.state;
    }
    state = endTurn(state);
    states.push(state);
  }
  return states;
}
const BASELINE = baseline(12);

/** The player, rich, orders `quantity` H100-class GPUs from the vendor on turn 0. */
function gpuOrder(quantity: number): { state: GameState; orderId: string } {
  const rich = edit(newGame(), (d) => {
    d.companies.byId[PLAYER]!.cashUsd = 20_000_000_000;
    d.victory = d.victory.filter((c) => c.atTurn === undefined); // the chips stay in inventory: no milestone loss
  });
  const { state } = accept(rich, { type: 'chips/order', chipId: 'vg-h100', quantity });
  return { state, orderId: state.orders.ids.find((id) => state.orders.byId[id]!.companyId === PLAYER)! };
}

describe('allocation', () => {
  it('never uses more packaging than the vendor reserves, nor more HBM than suppliers make', () => {
    for (const s of BASELINE) {
      const supply = s.supply!;
      const packagingWafers = -sumLedger(s.lastLedger, VENDOR, 'cost:chips:packaging') / supply.packaging.priceUsdPerWafer;
      expect(packagingWafers).toBeLessThanOrEqual(supply.last.packagingCapacityWafers * supply.packaging.incumbentShare + 1);
      let output = 0;
      let lta = 0;
      for (const id of supply.hbm.suppliers.ids) {
        const h = supply.hbm.suppliers.byId[id]!;
        expect(h.lastLtaGb).toBeLessThanOrEqual(h.lastOutputGb);
        output += h.lastOutputGb;
        lta += h.lastLtaGb;
      }
      const spotGb = s.lastLedger.filter((e) => e.sourceId === 'hbm-spot').reduce((a, e) => a - e.amountUsd / supply.last.hbmSpotPriceUsdPerGb, 0);
      expect(lta + spotGb).toBeLessThanOrEqual(output + 1);
      for (const gb of Object.values(supply.hbm.stockGb)) expect(gb).toBeGreaterThanOrEqual(0);
    }
  });

  it('a large GPU order arrives in part, the rest carries over as backlog and eventually arrives in full', () => {
    const { state, orderId } = gpuOrder(400_000);
    const inventory0 = state.companies.byId[PLAYER]!.inventory['vg-h100'] ?? 0;
    let s = state;
    for (let t = 0; t < 3; t++) s = endTurn(s);
    const order = s.orders.byId[orderId]!;
    expect(order.delivered).toBeGreaterThan(0);
    expect(order.delivered).toBeLessThan(order.quantity);
    expect(s.companies.byId[PLAYER]!.inventory['vg-h100']).toBe(inventory0 + order.delivered);
    const line = s.report.find((r) => r.companyId === PLAYER && r.kind === 'shortfall');
    expect(line?.text).toMatch(/^(Packaging|HBM|Foundry) short: \d+% of your order of Verdant H-class GPU delayed — [\d.]+k of 400\.0k due arrived, [\d.]+k carried over to next quarter\. Why: .*advanced packaging short/);
    let turns = 3;
    while (s.orders.byId[orderId] && turns < 12) {
      s = endTurn(s);
      turns++;
    }
    expect(s.orders.byId[orderId], 'backlog cleared').toBeUndefined();
    expect(s.companies.byId[PLAYER]!.inventory['vg-h100']).toBe(inventory0 + 400_000);
  });

  it('allocation is pro rata to order size: a big and a small order get the same share, the small one at least one unit', () => {
    const { state } = gpuOrder(300_000);
    const both = accept(state, { type: 'chips/order', chipId: 'vg-h100', quantity: 10 }).state;
    const due = edit(both, (d) => { d.turn = 2; });
    const after = runSystem(due, runSupply);
    const [big, small] = both.orders.ids.filter((id) => both.orders.byId[id]!.companyId === PLAYER).map((id) => after.orders.byId[id]!);
    expect(big.delivered / big.quantity).toBeLessThan(1);
    expect(small.delivered).toBeGreaterThanOrEqual(1);
    // The small order's share is rounded up to whole chips: within one chip of the big order's share.
    expect(small.delivered / small.quantity - big.delivered / big.quantity).toBeGreaterThanOrEqual(0);
    expect(small.delivered / small.quantity - big.delivered / big.quantity).toBeLessThanOrEqual(1 / small.quantity);
  });

  it('the LPU needs no HBM or packaging: a mature-node order arrives in full when due', () => {
    const { state } = accept(newGame(), { type: 'chips/order', chipId: 'lpu-v1', quantity: 40_000 });
    const two = endTurn(endTurn(state));
    expect(two.companies.byId[PLAYER]!.inventory['lpu-v1']).toBe((state.companies.byId[PLAYER]!.inventory['lpu-v1'] ?? 0) + 40_000);
    expect(two.report.some((r) => r.companyId === PLAYER && r.kind === 'shortfall')).toBe(false);
  });
});

describe('calibration (DESIGN §6)', () => {
  it('HBM demand exceeds supply in every quarter of 2024 and 2025', () => {
    for (const s of BASELINE.slice(0, 8)) expect(s.supply!.last.hbmDemandGb, `turn ${s.turn}`).toBeGreaterThan(s.supply!.last.hbmSupplyGb);
  });

  it('HBM shares ~50/45/5 in 2024 Q1 shift to ~62/17/21 by mid-2025', () => {
    const shares = (s: GameState) => {
      const h = s.supply!.hbm.suppliers;
      const total = h.ids.reduce((a, id) => a + h.byId[id]!.lastOutputGb, 0);
      return { hanseong: h.byId.hanseong!.lastOutputGb / total, daejin: h.byId.daejin!.lastOutputGb / total, sawtooth: h.byId.sawtooth!.lastOutputGb / total };
    };
    const q1 = shares(BASELINE[0]!);
    expect(q1.hanseong).toBeCloseTo(0.5, 1);
    expect(q1.daejin).toBeCloseTo(0.45, 1);
    expect(q1.sawtooth).toBeCloseTo(0.05, 1);
    const mid2025 = shares(BASELINE[5]!);
    expect(Math.abs(mid2025.hanseong - 0.62)).toBeLessThan(0.04);
    expect(Math.abs(mid2025.daejin - 0.17)).toBeLessThan(0.04);
    expect(Math.abs(mid2025.sawtooth - 0.21)).toBeLessThan(0.04);
  });

  it('packaging follows the path (~35k wafers/month end 2024, ~70k end 2025) and the vendor uses 60–65% of it', () => {
    expect(BASELINE[3]!.supply!.last.packagingCapacityWafers / 3).toBeCloseTo(35_000, -3);
    expect(BASELINE[7]!.supply!.last.packagingCapacityWafers / 3).toBeCloseTo(70_000, -3);
    for (const s of BASELINE.slice(0, 8)) {
      const share = s.supply!.last.incumbentPackagingWafers / s.supply!.last.packagingCapacityWafers;
      expect(share).toBeGreaterThanOrEqual(0.6);
      expect(share).toBeLessThanOrEqual(0.65);
    }
  });

  it('the vendor sells at a 70–75% gross margin every quarter', () => {
    for (const s of BASELINE) {
      const m = s.history.at(-1)!.companies[VENDOR]!;
      expect(m.chipRevenueUsd).toBeGreaterThan(0);
      expect(m.grossMarginPct, `turn ${s.turn}`).toBeGreaterThanOrEqual(0.7);
      expect(m.grossMarginPct, `turn ${s.turn}`).toBeLessThanOrEqual(0.75);
    }
  });
});

describe('money between companies', () => {
  it('a GPU order moves the prepayment from buyer to vendor; all companies’ cash is conserved; delivery turns it into revenue', () => {
    const rich = edit(game(), (d) => { d.companies.byId[PLAYER]!.cashUsd = 20_000_000_000; });
    const total = (s: GameState) => s.companies.ids.reduce((a, id) => a + cashOf(s, id), 0);
    const { state } = accept(rich, { type: 'chips/order', chipId: 'vg-h100', quantity: 1000 });
    const price = 1000 * 27_500;
    expect(cashOf(state, PLAYER) - cashOf(rich, PLAYER)).toBe(-price);
    expect(cashOf(state, VENDOR) - cashOf(rich, VENDOR)).toBe(price);
    expect(total(state)).toBe(total(rich));
    const orderId = state.orders.ids.find((id) => state.orders.byId[id]!.companyId === PLAYER)!;
    let s = state;
    let delivered = 0;
    for (let t = 0; t < 10; t++) {
      const before = s;
      s = endTurn(s);
      // lastLedger holds the turn's command entries (already in `before`'s cash) and the systems' entries.
      for (const id of s.companies.ids) expect(cashOf(s, id) - cashOf(before, id) + sumLedger(before.ledger, id)).toBe(sumLedger(s.lastLedger, id));
      const revenue = s.lastLedger.filter((e) => e.companyId === VENDOR && e.sourceId === orderId);
      const booked = revenue.filter((e) => e.category === 'revenue:chips').reduce((a, e) => a + e.amountUsd, 0);
      // The negative prepayment entries are those applied on delivery (the positive one is the order's own, on turn 1).
      const applied = revenue.filter((e) => e.category === 'financing:customerPrepayment' && e.amountUsd < 0).reduce((a, e) => a + e.amountUsd, 0);
      expect(booked + applied).toBe(0);
      delivered += booked;
    }
    expect(delivered).toBe(price);
  });
});

describe('supply/signHbmLta', () => {
  const lta = { type: 'supply/signHbmLta', supplierId: 'sawtooth', gbPerQuarter: 1_000_000, quarters: 4 } as const;

  it('starts deliveries two quarters after signing and pays for the GB delivered every quarter (take-or-pay), used or not', () => {
    const { state, events } = accept(game(), lta);
    expect(events[0]!.text).toMatch(/from 2024 Q3 .* paid as delivered \(take-or-pay\) and non-cancellable/);
    const row = state.supply!.hbm.ltas.byId[state.supply!.hbm.ltas.ids.find((id) => state.supply!.hbm.ltas.byId[id]!.companyId === PLAYER)!]!;
    expect(row.startTurn).toBe(2);
    expect(row.endTurn).toBe(6);
    let s = state;
    const paid: number[] = [];
    for (let t = 0; t < 7; t++) {
      s = endTurn(s);
      paid.push(-s.lastLedger.filter((e) => e.companyId === PLAYER && e.sourceId === row.id).reduce((a, e) => a + e.amountUsd, 0));
    }
    expect(paid.map((x) => x + 0).join(' ')).toBe([0, 0, 18_000_000, 18_000_000, 18_000_000, 18_000_000, 0].join(' '));
    expect(s.supply!.hbm.stockGb[PLAYER]).toBe(4_000_000);
  });

  it('is refused less than two quarters ahead, beyond the supplier’s uncommitted output, or without cash for two quarters; there is no cancel', () => {
    reject(newGame(), { ...lta, leadQuarters: 1 }, /at least 2 quarters before the first delivery .* first delivery in 1 quarter\(s\) requested/);
    reject(newGame(), { ...lta, supplierId: 'hanseong', gbPerQuarter: 60_000_000 }, /Hanseong Memory has [\d.]+M GB per quarter left to commit from 2024 Q3 for 4 quarter\(s\); 60\.00M GB requested/);
    reject(newGame(), { ...lta, supplierId: 'hanseong', gbPerQuarter: 11_000_000 }, /Hanseong Memory wants cash for 2 quarters of payments \(\$374\.0M\) before signing; cash is \$350\.0M/);
    reject(newGame(), { type: 'supply/cancelHbmLta', ltaId: 'lta-000001' }, /Invalid command "supply\/cancelHbmLta"/);
  });

  it('a yield crisis cuts the supplier’s output for its quarters and its LTAs deliver pro rata', () => {
    const state = edit(newGame(), (d) => {
      d.events = [{ id: 'crisis', turn: 0, kind: 'hbmYieldCrisis', supplierId: 'hanseong', factor: 0.3, quarters: 2, title: 'Yield crisis', explanation: 'Stacks fail.' }];
    });
    const hit = runSystem(state, runEvents);
    expect(hit.supply!.hbm.suppliers.byId.hanseong!.shockFactor).toBe(0.3);
    expect(hit.report.at(-1)!.text).toMatch(/Hanseong Memory \(South Korea\) HBM output ×0\.3 for 2 quarter\(s\)/);
    const after = runSystem(hit, runSupply);
    const h = after.supply!.hbm.suppliers.byId.hanseong!;
    expect(h.lastOutputGb).toBe(Math.floor(125_000_000 * 0.8 * 0.3));
    expect(h.lastLtaGb).toBeLessThanOrEqual(h.lastOutputGb);
    expect(h.lastLtaGb).toBeGreaterThan(h.lastOutputGb * 0.99);
    let s = endTurn(state);
    s = endTurn(s);
    expect(s.supply!.hbm.suppliers.byId.hanseong!.shockFactor).toBe(0.3);
    s = endTurn(s);
    expect(s.supply!.hbm.suppliers.byId.hanseong!.shockFactor).toBe(1);
  });
});

describe('chips/design', () => {
  it('costs R&D now and unlocks orders of the next generation after its tape-out, not before', () => {
    const start = newGame();
    reject(start, { type: 'chips/order', chipId: 'lpu-v2', quantity: 1000 }, /Lattice LPU v2 \(4 nm\) must be designed first .*\$120\.0M of R&D, 3 quarters of tape-out/);
    const { state, events } = accept(start, { type: 'chips/design', baseChipId: 'lpu-v1' });
    expect(events[0]!.text).toMatch(/ordered from 2024 Q4/);
    expect(cashOf(state, PLAYER) - cashOf(start, PLAYER)).toBe(-120_000_000);
    expect(state.ledger.at(-1)!.category).toBe('capex:chipDesign');
    reject(state, { type: 'chips/design', baseChipId: 'lpu-v1' }, /already taping out \(ready in 3 quarter\(s\)\)/);
    let s = state;
    for (const turn of [1, 2]) {
      s = endTurn(s);
      expect(s.turn).toBe(turn);
      reject(s, { type: 'chips/order', chipId: 'lpu-v2', quantity: 1000 }, new RegExp(`still taping out: orders open in ${3 - turn} quarter`));
    }
    s = endTurn(s);
    accept(s, { type: 'chips/order', chipId: 'lpu-v2', quantity: 1000 });
    reject(newGame(), { type: 'chips/design', baseChipId: 'lpu-v1' }, /No next-generation design of Lattice LPU v1 \(14 nm\) is open to you/, 'cerulean');
  });
});
