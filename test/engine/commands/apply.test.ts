import { describe, expect, it } from 'vitest';
import { applyCommand, canonicalJson, computeStateHash, parseCommand } from '../../../engine/index';
import { accept, reject } from '../support/commands';
import { NEOCLOUD, PLAYER, edit, newGame, playerFacility } from '../support/game';

describe('applyCommand: schema rejections', () => {
  const state = newGame();
  const cases: [string, unknown, RegExp][] = [
    ['an unknown command type', { type: 'chips/steal', chipId: 'lpu-v1' }, /Invalid command "chips\/steal" at type: .*'site\/build'/],
    ['no type at all', { chipId: 'lpu-v1', quantity: 1 }, /Invalid command "\?"/],
    ['a wrong value type', { type: 'chips/order', chipId: 'lpu-v1', quantity: '1000' }, /Invalid command "chips\/order" at quantity/],
    ['an extra key', { type: 'chips/order', chipId: 'lpu-v1', quantity: 1000, discount: 0.5 }, /Invalid command "chips\/order": Unrecognized key: "discount"/],
    ['a negative quantity', { type: 'chips/order', chipId: 'lpu-v1', quantity: -5 }, /at quantity/],
    ['a zero quantity', { type: 'chips/deploy', chipId: 'lpu-v1', facilityId: 'fac-000001', count: 0, workload: 'mid' }, /at count/],
    ['a fractional chip count', { type: 'chips/order', chipId: 'lpu-v1', quantity: 10.5 }, /at quantity/],
    ['a missing field', { type: 'site/build', siteId: 'texas', shell: 'retrofit' }, /at capacityMw/],
    ['an unknown enum value', { type: 'site/build', siteId: 'texas', capacityMw: 5, shell: 'tent' }, /at shell/],
    ['an unknown tier', { type: 'market/setPrice', tier: 'huge', pricePerMTokUsd: 1 }, /at tier/],
    ['a negative price', { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: -0.01 }, /at pricePerMTokUsd/],
    ['Infinity', { type: 'power/signPpa', siteId: 'quebec', mw: Infinity, termQuarters: 20 }, /at mw/],
    ['NaN', { type: 'power/signPpa', siteId: 'quebec', mw: NaN, termQuarters: 20 }, /at mw/],
    ['a huge amount', { type: 'finance/borrow', amountUsd: 1e15, termQuarters: 8 }, /at amountUsd/],
    ['a too short PPA term', { type: 'power/signPpa', siteId: 'quebec', mw: 1, termQuarters: 1 }, /at termQuarters/],
    ['an empty id', { type: 'chips/reassign', deploymentId: '', workload: 'mid' }, /at deploymentId/],
    ['an over-long id', { type: 'finance/repay', loanId: 'x'.repeat(65), amountUsd: 1 }, /at loanId/],
    ['null', null, /Invalid command/],
    ['a number', 42, /Invalid command/],
    ['a string', 'chips/order', /Invalid command/],
    ['an array', [{ type: 'chips/order', chipId: 'lpu-v1', quantity: 1 }], /Invalid command/],
  ];
  for (const [what, input, reason] of cases) {
    it(`rejects ${what} with a message, returning the same state`, () => {
      reject(state, input, reason);
      expect(parseCommand(input).ok).toBe(false);
    });
  }

  it('truncates a long bogus type in the message', () => {
    const message = reject(state, { type: 'x'.repeat(500) }, /Invalid command "x{40}"/);
    expect(message).not.toContain('x'.repeat(41));
  });
});

describe('applyCommand: who may act', () => {
  it('rejects every command once the game is over', () => {
    const over = edit(newGame(), (d) => {
      d.outcome = { result: 'lost', turn: 4, reason: 'Missed a milestone.' };
    });
    reject(over, { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 }, /The game is over \(lost\)/);
  });

  it('rejects an unknown company and a bankrupt one', () => {
    reject(newGame(), { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 }, /Unknown company "nobody"/, 'nobody');
    const bankrupt = edit(newGame(), (d) => {
      d.companies.byId[NEOCLOUD]!.bankrupt = true;
    });
    reject(bankrupt, { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 }, /Stratus GPU Cloud is bankrupt/, NEOCLOUD);
  });

  it('acts for the player by default and for another company when named', () => {
    const mine = accept(newGame(), { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 }).state;
    expect(mine.companies.byId[PLAYER]!.pricesPerMTokUsd.mid).toBe(0.5);
    const theirs = accept(newGame(), { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 }, NEOCLOUD).state;
    expect(theirs.companies.byId[NEOCLOUD]!.pricesPerMTokUsd.mid).toBe(0.5);
    expect(theirs.companies.byId[PLAYER]!.pricesPerMTokUsd.mid).toBe(newGame().companies.byId[PLAYER]!.pricesPerMTokUsd.mid);
  });
});

describe('applyCommand: accepted commands', () => {
  it('return a new state and leave the input untouched (structural sharing, no mutation)', () => {
    const state = newGame();
    const json = canonicalJson(state);
    const hash = computeStateHash(state);
    const { state: next } = accept(state, { type: 'chips/order', chipId: 'lpu-v1', quantity: 10 });
    expect(canonicalJson(state)).toBe(json);
    expect(computeStateHash(state)).toBe(hash);
    expect(computeStateHash(next)).not.toBe(hash);
    // Untouched parts are shared, so the renderer can skip them.
    expect(next.sites).toBe(state.sites);
    expect(next.deployments).toBe(state.deployments);
  });

  it('do not update the stored end-of-turn hash (only endTurn does)', () => {
    const state = newGame();
    const { state: next } = accept(state, { type: 'market/setPrice', tier: 'small', pricePerMTokUsd: 0.05 });
    expect(next.hash).toBe(state.hash);
  });

  it('strip nothing and add nothing: the parsed command equals the input', () => {
    const input = { type: 'chips/deploy', chipId: 'lpu-v1', facilityId: playerFacility(newGame()), count: 26, workload: 'small' };
    const parsed = parseCommand(input);
    expect(parsed).toEqual({ ok: true, command: input });
  });

  it('the same command on the same state gives the same result', () => {
    const a = applyCommand(newGame(), { type: 'site/build', siteId: 'texas', capacityMw: 5, shell: 'retrofit' });
    const b = applyCommand(newGame(), { type: 'site/build', siteId: 'texas', capacityMw: 5, shell: 'retrofit' });
    expect(a.ok && b.ok).toBe(true);
    expect(computeStateHash(a.state)).toBe(computeStateHash(b.state));
  });
});
