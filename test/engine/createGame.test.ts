import { describe, expect, it } from 'vitest';
import { canonicalJson, computeStateHash, createGame } from '../../engine/index';
import { TIER_IDS } from '../../engine/state';
import { PLAYER, SCENARIO, newGame } from './support/game';

describe('createGame', () => {
  it('is pure: the same scenario and seed give the identical state', () => {
    expect(canonicalJson(newGame(42))).toBe(canonicalJson(newGame(42)));
  });

  it('stores its own hash', () => {
    const state = newGame(42);
    expect(state.hash).toBe(computeStateHash(state));
  });

  it('seeds every random stream from the seed, one per subsystem and rival', () => {
    const a = newGame(1);
    const b = newGame(2);
    expect(Object.keys(a.rng).sort()).toEqual(['events', 'market', 'power', 'training', ...SCENARIO.rivals.map((r) => `rival:${r.id}`)].sort());
    for (const stream of Object.keys(a.rng)) {
      expect(a.rng[stream]).not.toEqual(b.rng[stream]);
      for (const word of a.rng[stream]!) expect(Number.isInteger(word)).toBe(true);
    }
    const streams = Object.values(a.rng).map((s) => s.join(','));
    expect(new Set(streams).size).toBe(streams.length);
  });

  it.each([-1, 1.5, 2 ** 32, Number.NaN])('rejects the seed %s', (seed) => {
    expect(() => createGame(SCENARIO, seed)).toThrow(/Seed must be an integer/);
  });

  it('accepts the extreme seeds 0 and 2^32 − 1', () => {
    expect(createGame(SCENARIO, 0).seed).toBe(0);
    expect(createGame(SCENARIO, 0xffffffff).seed).toBe(0xffffffff);
  });

  it('sets up the scenario’s companies with sorted table ids and no turn history', () => {
    const state = newGame();
    expect(state.turn).toBe(0);
    expect(state.playerId).toBe(PLAYER);
    expect(state.companies.byId[PLAYER]!.isPlayer).toBe(true);
    for (const table of [state.regions, state.sites, state.chips, state.companies, state.facilities, state.deployments, state.contracts, state.loans]) {
      expect(table.ids).toEqual([...table.ids].sort());
      expect(Object.keys(table.byId).sort()).toEqual([...table.ids].sort());
    }
    for (const tier of TIER_IDS) expect(state.tiers[tier].efficiencyMultiplier).toBe(1);
    expect(state.history).toEqual([]);
    expect(state.ledger).toEqual([]);
    expect(state.outcome).toBeNull();
  });

  it('starts with no revenue-share deals, neutral investor sentiment, and the scenario’s partner copied in', () => {
    const state = newGame();
    expect(state.deals).toEqual({ byId: {}, ids: [] });
    expect(state.capitalMarkets).toEqual({ sentiment: 1, sentimentChange: 0 });
    expect(state.finance.revenueSharePartner).toEqual(SCENARIO.world.finance.revenueSharePartner);
    expect(state.finance.revenueSharePartner!.regionIds).not.toBe(SCENARIO.world.finance.revenueSharePartner!.regionIds);
    const { revenueSharePartner: _, ...noPartner } = SCENARIO.world.finance;
    expect(createGame({ ...SCENARIO, world: { ...SCENARIO.world, finance: noPartner } }, 1).finance.revenueSharePartner).toBeNull();
  });

  it('is plain JSON data: a JSON round trip gives an equal state', () => {
    const state = newGame();
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  });
});
