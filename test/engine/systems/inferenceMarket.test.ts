import { describe, expect, it } from 'vitest';
import { deploymentTokenCapacity } from '../../../engine/capacity';
import { runInferenceMarket } from '../../../engine/systems/inferenceMarket';
import type { GameState, Id, TierId } from '../../../engine/state';
import { TOKENS_PER_MTOK } from '../../../engine/units';
import { INCUMBENT, NEOCLOUD, PLAYER, addDeployment, addFacility, clearAssets, edit, entries, newGame, playerDeployment, expectRelClose, runSystem } from '../support/game';
import { deploymentOps, writableOps } from '../../../engine/deploymentOps';

interface Provider {
  companyId: Id;
  siteId: Id;
  chipId: Id;
  count: number;
  price: number;
}

/**
 * A world where only the listed providers serve `tier` (every other price is 0), all with the same reliability;
 * `demandScale` multiplies the tier's reference demand.
 */
function market(tier: TierId, providers: Provider[], demandScale = 1): GameState {
  return edit(newGame(), (d) => {
    clearAssets(d);
    for (const id of d.companies.ids) {
      const c = d.companies.byId[id]!;
      c.pricesPerMTokUsd = { small: 0, mid: 0, frontier: 0 };
      c.reliability = 0.95;
    }
    d.tiers[tier].refDemandTokens *= demandScale;
    for (const p of providers) {
      const fac = addFacility(d, p.companyId, p.siteId, 1000);
      addDeployment(d, fac, p.chipId, p.count, tier);
      d.companies.byId[p.companyId]!.pricesPerMTokUsd[tier] = p.price;
    }
  });
}

function capacityOf(state: GameState, companyId: Id, tier: TierId): number {
  let cap = 0;
  for (const id of state.deployments.ids) {
    const d = state.deployments.byId[id]!;
    if (d.companyId === companyId && d.workload === tier) cap += deploymentTokenCapacity(state, d);
  }
  return cap;
}

const served = (state: GameState, tier: TierId, companyId: Id): number => state.inferenceResults[tier].servedByCompany[companyId] ?? 0;

describe('runInferenceMarket', () => {
  it('no provider serves more than its capacity, and the overflow goes to providers with room', () => {
    // A cheap, fast LPU start-up with one replica next to an incumbent with a huge fleet.
    const state = market('mid', [
      { companyId: PLAYER, siteId: 'quebec', chipId: 'lpu-v1', count: 544, price: 0.3 },
      { companyId: INCUMBENT, siteId: 'virginia', chipId: 'vg-h100', count: 300_000, price: 0.9 },
    ]);
    const after = runSystem(state, runInferenceMarket);
    const result = after.inferenceResults.mid;
    const playerCap = capacityOf(state, PLAYER, 'mid');
    const incumbentCap = capacityOf(state, INCUMBENT, 'mid');
    expect(incumbentCap).toBeGreaterThan(result.demandTokens);
    // The start-up is full ...
    expect(served(after, 'mid', PLAYER)).toBeLessThanOrEqual(playerCap * (1 + 1e-12));
    expect(served(after, 'mid', PLAYER)).toBeGreaterThan(playerCap * 0.999);
    // ... and the demand it could not take is served by the incumbent, so nothing is left unserved.
    expectRelClose(result.servedTokens, result.demandTokens);
    expect(served(after, 'mid', INCUMBENT)).toBeLessThanOrEqual(incumbentCap);
  });

  it('when total capacity is short every provider is full and the shortfall is reported', () => {
    const state = market('mid', [
      { companyId: PLAYER, siteId: 'quebec', chipId: 'lpu-v1', count: 1088, price: 0.5 },
      { companyId: NEOCLOUD, siteId: 'texas', chipId: 'vg-h100', count: 2000, price: 0.8 },
    ]);
    const after = runSystem(state, runInferenceMarket);
    for (const id of [PLAYER, NEOCLOUD]) {
      const cap = capacityOf(state, id, 'mid');
      expect(served(after, 'mid', id)).toBeLessThanOrEqual(cap * (1 + 1e-12));
      expect(served(after, 'mid', id)).toBeGreaterThan(cap * 0.999);
    }
    expect(after.report.some((r) => r.kind === 'market' && r.text.includes('unserved'))).toBe(true);
  });

  it('all else equal, the higher price wins the lower share', () => {
    const providers = (playerPrice: number, rivalPrice: number): Provider[] => [
      { companyId: PLAYER, siteId: 'virginia', chipId: 'vg-h100', count: 300_000, price: playerPrice },
      { companyId: NEOCLOUD, siteId: 'virginia', chipId: 'vg-h100', count: 300_000, price: rivalPrice },
    ];
    const even = runSystem(market('mid', providers(0.7, 0.7)), runInferenceMarket);
    expectRelClose(served(even, 'mid', PLAYER), served(even, 'mid', NEOCLOUD));

    const dearer = runSystem(market('mid', providers(0.7, 0.9)), runInferenceMarket);
    expect(served(dearer, 'mid', NEOCLOUD)).toBeLessThan(served(dearer, 'mid', PLAYER));
    const dearest = runSystem(market('mid', providers(0.7, 1.2)), runInferenceMarket);
    expect(served(dearest, 'mid', NEOCLOUD)).toBeLessThan(served(dearer, 'mid', NEOCLOUD));
  });

  it('a provider with no capacity on the tier serves nothing and earns nothing', () => {
    const state = market('mid', [{ companyId: INCUMBENT, siteId: 'virginia', chipId: 'vg-h100', count: 50_000, price: 0.8 }]);
    const priced = edit(state, (d) => {
      d.companies.byId[PLAYER]!.pricesPerMTokUsd.mid = 0.1; // offers a price but has no chips on mid
    });
    const after = runSystem(priced, runInferenceMarket);
    expect(served(after, 'mid', PLAYER)).toBe(0);
    expect(entries(after.ledger, PLAYER, 'revenue:')).toEqual([]);
  });

  it('a partial LPU replica serves nothing', () => {
    const state = market('mid', [
      { companyId: PLAYER, siteId: 'quebec', chipId: 'lpu-v1', count: 543, price: 0.1 },
      { companyId: INCUMBENT, siteId: 'virginia', chipId: 'vg-h100', count: 50_000, price: 0.8 },
    ]);
    expect(capacityOf(state, PLAYER, 'mid')).toBe(0);
    const after = runSystem(state, runInferenceMarket);
    expect(served(after, 'mid', PLAYER)).toBe(0);
    expect(entries(after.ledger, PLAYER, 'revenue:')).toEqual([]);
  });

  it('closed regions add no demand: with one provider, demand scales with the open regions’ share', () => {
    const solo: Provider[] = [{ companyId: INCUMBENT, siteId: 'virginia', chipId: 'vg-h100', count: 300_000, price: 0.79 }];
    const base = runSystem(market('mid', solo), runInferenceMarket);
    const closedNa = runSystem(edit(market('mid', solo), (d) => { d.regions.byId.na!.open = false; }), runInferenceMarket);
    const openShare = (s: GameState) =>
      s.regions.ids.map((id) => s.regions.byId[id]!).filter((r) => r.open).reduce((a, r) => a + r.inferenceDemandShare, 0);
    const openBefore = openShare(market('mid', solo));
    const openAfter = openBefore - newGame().regions.byId.na!.inferenceDemandShare;
    expect(closedNa.inferenceResults.mid.demandTokens / base.inferenceResults.mid.demandTokens).toBeCloseTo(openAfter / openBefore, 9);
  });

  it('when every region is closed nobody serves anything', () => {
    const state = edit(market('mid', [{ companyId: INCUMBENT, siteId: 'virginia', chipId: 'vg-h100', count: 300_000, price: 0.8 }]), (d) => {
      for (const id of d.regions.ids) d.regions.byId[id]!.open = false;
    });
    const after = runSystem(state, runInferenceMarket);
    expect(after.inferenceResults.mid.demandTokens).toBe(0);
    expect(after.inferenceResults.mid.servedTokens).toBe(0);
    expect(after.ledger.filter((e) => e.category === 'revenue:inference')).toEqual([]);
  });

  it('revenue entries equal tokens served × price, one per company and tier', () => {
    const after = runSystem(newGame(4), runInferenceMarket);
    const revenue = after.ledger.filter((e) => e.category === 'revenue:inference');
    expect(revenue.length).toBeGreaterThan(0);
    for (const e of revenue) {
      const tier = e.sourceId as TierId;
      const tokens = after.inferenceResults[tier].servedByCompany[e.companyId]!;
      const price = newGame(4).companies.byId[e.companyId]!.pricesPerMTokUsd[tier];
      expect(e.amountUsd).toBe(Math.round((tokens / TOKENS_PER_MTOK) * price));
    }
    const keys = revenue.map((e) => `${e.companyId}|${e.sourceId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('served tokens never exceed demand, and deployments split their company’s tokens pro rata to capacity', () => {
    const after = runSystem(newGame(5), runInferenceMarket);
    for (const tier of ['small', 'mid', 'frontier'] as const) {
      const r = after.inferenceResults[tier];
      const sum = Object.values(r.servedByCompany).reduce((a, b) => a + b, 0);
      expectRelClose(sum, r.servedTokens);
      expect(r.servedTokens).toBeLessThanOrEqual(r.demandTokens * (1 + 1e-12));
      for (const companyId of Object.keys(r.servedByCompany)) {
        let deploymentsSum = 0;
        for (const id of after.deployments.ids) {
          const d = after.deployments.byId[id]!;
          if (d.companyId !== companyId || d.workload !== tier) continue;
          deploymentsSum += deploymentOps(after, id).servedTokens;
          expect(deploymentOps(after, id).utilization).toBeGreaterThanOrEqual(0);
          expect(deploymentOps(after, id).utilization).toBeLessThanOrEqual(1 + 1e-12);
        }
        expectRelClose(deploymentsSum, r.servedByCompany[companyId]!);
      }
    }
  });

  it('moves each tier to next quarter’s reference price and demand', () => {
    const state = newGame();
    const after = runSystem(state, runInferenceMarket);
    for (const tier of ['small', 'mid', 'frontier'] as const) {
      const t = state.tiers[tier];
      expect(after.tiers[tier].refPricePerMTokUsd).toBeCloseTo(t.refPricePerMTokUsd * t.priceDeclinePerQuarter, 12);
      expectRelClose(after.tiers[tier].refDemandTokens, t.refDemandTokens * t.demandGrowthPerQuarter);
      expect(after.tiers[tier].efficiencyMultiplier).toBeCloseTo(t.efficiencyMultiplier * t.efficiencyGainPerQuarter, 12);
    }
  });

  // BUG: deployments of a company that does not offer the tier this quarter (price 0, bankrupt, or no serving
  // capacity left) keep last quarter's servedTokens and utilization, so operations bills their power as if busy.
  it('a deployment whose company stops offering the tier shows zero utilization and tokens', () => {
    const served = edit(newGame(), (d) => {
      const ops = writableOps(d, playerDeployment(d, 'mid'));
      ops.utilization = 1; // as left by last quarter's market
      ops.servedTokens = 7.7e12;
      d.companies.byId[PLAYER]!.pricesPerMTokUsd.mid = 0; // player withdraws from mid
    });
    const after = runSystem(served, runInferenceMarket);
    const dep = deploymentOps(after, playerDeployment(after, 'mid'));
    expect(dep.utilization).toBe(0);
    expect(dep.servedTokens).toBe(0);
  });
});
