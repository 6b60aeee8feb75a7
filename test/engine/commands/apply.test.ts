import { describe, expect, it } from 'vitest';
import { applyCommand, applyCommands, canonicalJson, computeStateHash, parseCommand, type GameState } from '../../../engine/index';
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

describe('applyCommands: a turn of commands as one batch', () => {
  /** Each of `inputs` through applyCommand in turn: the reference a batch must match. */
  function oneByOne(state: GameState, inputs: unknown[]): { state: GameState; errors: (string | null)[] } {
    const errors: (string | null)[] = [];
    for (const input of inputs) {
      const result = applyCommand(state, input);
      errors.push(result.ok ? null : result.error);
      state = result.state;
    }
    return { state, errors };
  }

  it('gives the state and the verdicts a chain of applyCommand gives, later commands seeing earlier ones', () => {
    const state = newGame(3);
    const facilityId = playerFacility(state);
    const inputs: unknown[] = [
      { type: 'chips/order', chipId: 'lpu-v1', quantity: 2000 },
      { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.35 },
      { type: 'finance/repay', loanId: 'no-such-loan', amountUsd: 1 }, // rejected, the rest still run
      { type: 'chips/order', chipId: 'lpu-v1', quantity: -1 }, // schema rejection
      { type: 'finance/borrow', amountUsd: 10_000_000, termQuarters: 8 },
    ];
    // A repayment of the loan just taken: valid only after the borrow above.
    const loanId = oneByOne(state, inputs).state.loans.ids.find((id) => !state.loans.ids.includes(id))!;
    inputs.push({ type: 'finance/repay', loanId, amountUsd: 1_000_000 }, { type: 'chips/deploy', chipId: 'lpu-v1', facilityId, count: 1, workload: 'mid' });
    const reference = oneByOne(state, inputs);
    const json = canonicalJson(state);
    const batch = applyCommands(state, inputs);
    expect(batch.outcomes.map((o) => (o.ok ? null : o.error))).toEqual(reference.errors);
    expect(reference.errors.filter((e) => e === null).length).toBe(5);
    expect(canonicalJson(batch.state)).toBe(canonicalJson(reference.state));
    expect(computeStateHash(batch.state)).toBe(computeStateHash(reference.state));
    expect(canonicalJson(state)).toBe(json); // the input state is untouched
    expect(Object.isFrozen(batch.state) && Object.isFrozen(batch.state.companies.byId[PLAYER])).toBe(true);
    // Accepted outcomes carry the parsed command (what a recorder writes to the save).
    expect(batch.outcomes[0]).toMatchObject({ ok: true, command: inputs[0] });
  });

  it('stops at the first rejection when asked (replaying a save), keeping what came before', () => {
    const state = newGame(3);
    const inputs: unknown[] = [
      { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.35 },
      { type: 'finance/repay', loanId: 'no-such-loan', amountUsd: 1 },
      { type: 'market/setPrice', tier: 'small', pricePerMTokUsd: 0.1 },
    ];
    const batch = applyCommands(state, inputs, PLAYER, { stopAtRejection: true });
    expect(batch.outcomes.map((o) => o.ok)).toEqual([true, false]);
    expect(canonicalJson(batch.state)).toBe(canonicalJson(oneByOne(state, inputs.slice(0, 1)).state));
  });

  it('returns the same state object when nothing is accepted, and acts for the company named', () => {
    const state = newGame(3);
    const none = applyCommands(state, [{ type: 'finance/repay', loanId: 'nope', amountUsd: 1 }, null, []]);
    expect(none.state).toBe(state);
    expect(none.outcomes.every((o) => !o.ok && o.error.length > 0)).toBe(true);
    expect(applyCommands(state, []).state).toBe(state);
    const rival = applyCommands(state, [{ type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 }], NEOCLOUD);
    expect(canonicalJson(rival.state)).toBe(canonicalJson(applyCommand(state, { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 }, NEOCLOUD).state));
  });
});
