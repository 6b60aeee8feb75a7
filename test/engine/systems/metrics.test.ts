import { describe, expect, it } from 'vitest';
import { SYSTEMS } from '../../../engine/systems/order';
import { HISTORY_LIMIT, runMetrics } from '../../../engine/systems/metrics';
import type { GameState } from '../../../engine/state';
import { TIER_IDS } from '../../../engine/state';
import { JOULES_PER_MWH, TOKENS_PER_MTOK } from '../../../engine/units';
import { INCUMBENT, NEOCLOUD, PLAYER, edit, expectRelClose, newGame, runSystem, sumLedger } from '../support/game';
import { deploymentBookValue, facilityBookValue } from '../../../engine/bookValue';
import { deploymentOps } from '../../../engine/deploymentOps';

/** Runs every system of a quarter up to and including metrics; `state.ledger` still holds the quarter's entries. */
function throughMetrics(state: GameState): GameState {
  const upTo = SYSTEMS.findIndex((s) => s.name === 'metrics');
  return runSystem(state, (d) => {
    for (const system of SYSTEMS.slice(0, upTo + 1)) system.run(d);
  });
}

describe('runMetrics', () => {
  const after = throughMetrics(newGame(11));
  const record = after.history.at(-1)!;

  it('appends one record for the quarter just played, with every company', () => {
    expect(after.history).toHaveLength(1);
    expect(record.turn).toBe(1);
    expect(Object.keys(record.companies).sort()).toEqual([...after.companies.ids]);
  });

  it('revenue, cost of revenue and gross margin come from the quarter’s ledger and depreciation', () => {
    for (const id of after.companies.ids) {
      const m = record.companies[id]!;
      const revenue = sumLedger(after.ledger, id, 'revenue:');
      // The GPU vendor's chip sales count as revenue, their cost of goods (cost:chips:*) as cost of revenue.
      const cost = -sumLedger(after.ledger, id, 'cost:power:') - sumLedger(after.ledger, id, 'cost:opex:') - sumLedger(after.ledger, id, 'cost:chips:') + after.companies.byId[id]!.lastDepreciationUsd;
      expect(m.revenueUsd).toBe(revenue);
      expect(m.inferenceRevenueUsd + m.trainingRevenueUsd + m.chipRevenueUsd).toBe(revenue);
      expect(m.costOfRevenueUsd).toBe(cost);
      expect(revenue).toBeGreaterThan(0);
      expect(m.grossMarginPct).toBeCloseTo((revenue - cost) / revenue, 4);
      expect(m.netIncomeUsd).toBe(revenue - cost + sumLedger(after.ledger, id, 'financing:interest'));
      expect(after.cumulativeProfitUsd[id]).toBe(m.netIncomeUsd);
    }
  });

  it('cost per million tokens is the full inference cost over the tokens served (the player runs only inference)', () => {
    const m = record.companies[PLAYER]!;
    let tokens = 0;
    for (const tier of TIER_IDS) tokens += after.inferenceResults[tier].servedByCompany[PLAYER] ?? 0;
    let depreciation = 0;
    for (const id of after.deployments.ids) {
      const d = after.deployments.byId[id]!;
      if (d.companyId === PLAYER && deploymentBookValue(after, d) > 0) depreciation += d.depreciationPerQuarterUsd;
    }
    // Buildings too: straight-line over 60 quarters while they have book value (the player runs only inference).
    for (const id of after.facilities.ids) {
      const f = after.facilities.byId[id]!;
      if (f.companyId === PLAYER && f.status === 'ready' && facilityBookValue(after, f) > 0) depreciation += f.capexUsd / 60;
    }
    const cost = -sumLedger(after.ledger, PLAYER, 'cost:opex:') - sumLedger(after.ledger, PLAYER, 'cost:power:') + depreciation;
    expect(tokens).toBeGreaterThan(0);
    expectRelClose(m.costPerMTokUsd, cost / (tokens / TOKENS_PER_MTOK), 1e-3);
    expect(m.inferenceTokens).toBe(Math.round(tokens));
  });

  it('energy per token is the inference deployments’ energy over the tokens served', () => {
    for (const id of [PLAYER, INCUMBENT, NEOCLOUD]) {
      const m = record.companies[id]!;
      let energyMwh = 0;
      for (const depId of after.deployments.ids) {
        const d = after.deployments.byId[depId]!;
        if (d.companyId === id && d.workload !== 'training') energyMwh += deploymentOps(after, depId).energyMwh;
      }
      expectRelClose(m.joulesPerToken, (energyMwh * JOULES_PER_MWH) / m.inferenceTokens, 1e-3);
    }
    // The point of the scenario: LPUs spend fewer joules per token than the incumbent's GPUs.
    expect(record.companies[PLAYER]!.joulesPerToken).toBeLessThan(record.companies[INCUMBENT]!.joulesPerToken);
  });

  it('inference shares are each within [0, 1] and the tokens behind them never exceed what was served', () => {
    let tokens = 0;
    for (const id of after.companies.ids) {
      const share = record.companies[id]!.inferenceShare;
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
      tokens += record.companies[id]!.inferenceTokens;
    }
    expect(tokens).toBeLessThanOrEqual(record.world.inferenceServedTokens + after.companies.ids.length);
  });

  it('shares are zero, not NaN, in a quarter where nothing was served', () => {
    const empty = runSystem(edit(newGame(), (d) => {
      for (const tier of TIER_IDS) d.inferenceResults[tier] = { demandTokens: 0, servedTokens: 0, avgPricePerMTokUsd: 1, servedByCompany: {} };
    }), runMetrics);
    for (const id of empty.companies.ids) {
      const m = empty.history.at(-1)!.companies[id]!;
      expect(m.inferenceShare).toBe(0);
      expect(m.costPerMTokUsd).toBe(0);
      expect(m.joulesPerToken).toBe(0);
    }
  });

  // BUG: each share is rounded to 4 decimals on its own (metrics.ts round4), so the stored shares can sum to 1.0001.
  // Seen in real play (seed 7, inference-first strategy, turns 2, 7, 14, 23, 28).
  it('stored inference shares of all companies sum to at most 1', () => {
    const state = runSystem(edit(newGame(), (d) => {
      for (const tier of TIER_IDS) d.inferenceResults[tier] = { demandTokens: 0, servedTokens: 0, avgPricePerMTokUsd: 1, servedByCompany: {} };
      d.inferenceResults.mid = {
        demandTokens: 100_000,
        servedTokens: 100_000,
        avgPricePerMTokUsd: 1,
        servedByCompany: { [INCUMBENT]: 33_336, [PLAYER]: 33_336, [NEOCLOUD]: 33_328 },
      };
    }), runMetrics);
    const shares = state.companies.ids.map((id) => state.history.at(-1)!.companies[id]!.inferenceShare);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('keeps at most HISTORY_LIMIT records, dropping the oldest', () => {
    const full = edit(newGame(), (d) => {
      const template = after.history[0]!;
      d.history = Array.from({ length: HISTORY_LIMIT }, (_, i) => ({ ...template, turn: i + 1 }));
    });
    const next = runSystem(full, runMetrics);
    expect(next.history).toHaveLength(HISTORY_LIMIT);
    expect(next.history[0]!.turn).toBe(2);
  });
});
