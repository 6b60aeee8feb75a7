import { describe, expect, it } from 'vitest';
import { applyCommand, canonicalJson, computeStateHash, createGame, endTurn, findBuiltInScenario, playerStrategy } from '../../engine/index';
import { editNested, editRow, insertRow, removeRow } from '../../engine/table';
import { runOnWorkingCopy } from '../../engine/turn';
import { accept } from './support/commands';
import { PLAYER, edit, newGame } from './support/game';

describe('endTurn', () => {
  it('advances one quarter and stores the hash of the new state', () => {
    const state = newGame();
    const next = endTurn(state);
    expect(next.turn).toBe(state.turn + 1);
    expect(next.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(next.hash).toBe(computeStateHash(next));
    expect(next.hash).not.toBe(state.hash);
  });

  it('moves the whole turn’s ledger, including the player’s commands, to lastLedger', () => {
    const ordered = accept(newGame(), { type: 'chips/order', chipId: 'lpu-v1', quantity: 100 }).state;
    const commandEntries = ordered.ledger;
    expect(commandEntries).toHaveLength(1);
    const next = endTurn(ordered);
    expect(next.ledger).toEqual([]);
    expect(next.lastLedger.slice(0, 1)).toEqual(commandEntries);
    expect(next.lastLedger.length).toBeGreaterThan(1);
  });

  it('cash changes of the turn add up to the ledger, company by company', () => {
    const start = newGame(9);
    const ordered = accept(start, { type: 'chips/order', chipId: 'lpu-v1', quantity: 100 }).state;
    const next = endTurn(ordered);
    for (const id of next.companies.ids) {
      const sum = next.lastLedger.filter((e) => e.companyId === id).reduce((a, e) => a + e.amountUsd, 0);
      expect(next.companies.byId[id]!.cashUsd - start.companies.byId[id]!.cashUsd).toBe(sum);
    }
  });

  it('starts a fresh report each quarter', () => {
    const state = edit(newGame(), (d) => {
      d.report.push({ companyId: PLAYER, kind: 'market', text: 'stale line from last quarter' });
    });
    expect(endTurn(state).report.some((r) => r.text === 'stale line from last quarter')).toBe(false);
  });

  it('does not mutate its input', () => {
    const state = newGame();
    const json = canonicalJson(state);
    endTurn(state);
    expect(canonicalJson(state)).toBe(json);
  });

  it('a player who runs out of cash with nothing to borrow against goes bankrupt, and the game ends there', () => {
    // No chips, no buildings, no cash — only the take-or-pay PPA at Quebec still to pay.
    const broke = edit(newGame(), (d) => {
      for (const id of [...d.deployments.ids]) if (d.deployments.byId[id]!.companyId === PLAYER) removeRow(d.deployments, id);
      for (const id of [...d.facilities.ids]) if (d.facilities.byId[id]!.companyId === PLAYER) removeRow(d.facilities, id);
      d.companies.byId[PLAYER]!.inventory = {};
      d.companies.byId[PLAYER]!.cashUsd = 0;
    });
    const next = endTurn(broke);
    expect(next.companies.byId[PLAYER]!.bankrupt).toBe(true);
    expect(next.outcome).toMatchObject({ result: 'lost', turn: 1 });
    expect(next.outcome!.reason).toMatch(/ran out of cash in \d{4} Q[1-4]: revenue .* against power /);
    expect(next.report.some((r) => r.kind === 'finance' && r.companyId === PLAYER)).toBe(true);
    expect(endTurn(next)).toBe(next);
    expect(applyCommand(next, { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 }).ok).toBe(false);
  });

  it('returns the same state once the game is over', () => {
    const over = edit(newGame(), (d) => {
      d.outcome = { result: 'won', turn: 28, reason: 'test' };
    });
    expect(endTurn(over)).toBe(over);
  });

  it('the same seed and commands give the same hash every turn; another seed does not', () => {
    let a = newGame(123);
    let b = newGame(123);
    let c = newGame(124);
    for (let t = 0; t < 3; t++) {
      a = endTurn(a);
      b = endTurn(b);
      c = endTurn(c);
      expect(a.hash).toBe(b.hash);
      expect(a.hash).not.toBe(c.hash);
    }
  });
});

describe('reconcile (turn commit with structural sharing)', () => {
  it('keeps unchanged subtrees, replaces changed ones, and handles removed keys down to an empty object', async () => {
    const { reconcile } = await import('../../engine/turnCommit');
    const keep = Object.freeze({ x: 1 });
    const prev = Object.freeze({ same: keep, table: Object.freeze({ a: Object.freeze({ v: 1 }) }), list: Object.freeze([1, 2, 3]) });
    const next = { same: { x: 1 }, table: {} as Record<string, unknown>, list: [1, 2] };
    const out = reconcile(prev as unknown, next as unknown) as typeof next;
    expect(out.same).toBe(keep);
    expect(out.table).toEqual({});
    expect(out.list).toEqual([1, 2]);
    // Objects are frozen; arrays are read-only by type but not frozen (V8 reads frozen arrays several times slower).
    expect(Object.isFrozen(out) && Object.isFrozen(out.table)).toBe(true);
    expect(Object.isFrozen(out.list)).toBe(false);
    expect(reconcile(prev as unknown, JSON.parse(JSON.stringify(prev)))).toBe(prev);
  });
});

describe('turns and commands never write the state they are given', () => {
  it('leaves every earlier state of a played game exactly as it was, arrays included', () => {
    const scenario = findBuiltInScenario('cornered-resource')!.scenario;
    const strategy = playerStrategy('hybrid')!;
    let state = createGame(scenario, 3);
    const seen: { state: typeof state; json: string }[] = [];
    while (!state.outcome && state.turn < 12) {
      seen.push({ state, json: JSON.stringify(state) });
      for (const command of strategy(state, state.playerId, () => 0.5)) {
        const result = applyCommand(state, command);
        if (result.ok) {
          seen.push({ state: result.state, json: JSON.stringify(result.state) });
          state = result.state;
        }
      }
      state = endTurn(state);
    }
    expect(seen.length).toBeGreaterThan(20);
    for (const { state: earlier, json } of seen) expect(JSON.stringify(earlier)).toBe(json);
  });
});

describe('table writes', () => {
  it('refuse a committed table before anything changes, and change only the working copy otherwise', () => {
    const state = newGame();
    const before = JSON.stringify(state);
    const site = state.sites.byId[state.sites.ids[0]!]!;
    const row = { ...state.facilities.byId[state.facilities.ids[0]!]!, id: 'fac-zzz' };
    expect(() => insertRow(state.facilities, row)).toThrow(TypeError);
    expect(() => removeRow(state.sites, site.id)).toThrow(TypeError);
    expect(() => editRow(state.sites, site.id)).toThrow(TypeError);
    expect(JSON.stringify(state)).toBe(before);

    const next = runOnWorkingCopy(state, (work) => {
      insertRow(work.facilities, row);
      removeRow(work.sites, site.id);
      editRow(work.companies, PLAYER).cashUsd += 1;
    });
    expect(JSON.stringify(state)).toBe(before);
    expect(next.facilities.ids).toContain('fac-zzz');
    expect(next.sites.byId[site.id]).toBeUndefined();
    expect(next.sites.ids).not.toContain(site.id);
    expect(next.companies.byId[PLAYER]!.cashUsd).toBe(state.companies.byId[PLAYER]!.cashUsd + 1);
    // Untouched tables and rows are the previous state's own objects.
    expect(next.chips).toBe(state.chips);
    expect(next.sites.byId[state.sites.ids[1]!]).toBe(state.sites.byId[state.sites.ids[1]!]);
  });

  it('copy a row shallowly: a nested record is copied only through editNested, a nested list is replaced', () => {
    const state = newGame();
    const before = JSON.stringify(state);
    const chipId = Object.keys(state.companies.byId[PLAYER]!.inventory)[0] ?? 'lpu-v1';
    const next = runOnWorkingCopy(state, (work) => {
      const company = editRow(work.companies, PLAYER);
      expect(company.pricesPerMTokUsd).toBe(state.companies.byId[PLAYER]!.pricesPerMTokUsd); // shared, still frozen
      expect(() => ((company.pricesPerMTokUsd as Record<string, number>).mid = 1)).toThrow(TypeError);
      const inventory = editNested(company, 'inventory');
      expect(editNested(company, 'inventory')).toBe(inventory); // copied once
      inventory[chipId] = (inventory[chipId] ?? 0) + 5;
    });
    expect(JSON.stringify(state)).toBe(before);
    const prev = state.companies.byId[PLAYER]!;
    const row = next.companies.byId[PLAYER]!;
    expect(row.inventory[chipId]).toBe((prev.inventory[chipId] ?? 0) + 5);
    expect(row.pricesPerMTokUsd).toBe(prev.pricesPerMTokUsd); // untouched nested records stay the previous state's
    expect(Object.isFrozen(row.inventory)).toBe(true);
    expect(() => editNested({ flows: [1, 2] }, 'flows')).toThrow(/list; assign a new one/);
  });
});
