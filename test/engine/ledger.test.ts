import { describe, expect, it } from 'vitest';
import { postLedger, sumLedger } from '../../engine/ledger';
import { NEOCLOUD, PLAYER, edit, newGame } from './support/game';

describe('ledger', () => {
  it('posts a whole-dollar entry and moves cash by exactly that amount', () => {
    const state = newGame();
    const after = edit(state, (d) => postLedger(d, PLAYER, 'cost:power:spot', 'quebec', -1234.6, 'test'));
    expect(after.ledger).toEqual([{ companyId: PLAYER, category: 'cost:power:spot', sourceId: 'quebec', amountUsd: -1235, memo: 'test' }]);
    expect(after.companies.byId[PLAYER]!.cashUsd).toBe(state.companies.byId[PLAYER]!.cashUsd - 1235);
  });

  it('keeps the text of the player\'s entries only: a rival\'s entry has its category, source and amount', () => {
    const state = newGame();
    const after = edit(state, (d) => postLedger(d, NEOCLOUD, 'cost:power:spot', 'texas', -10, 'spot power at Texas'));
    expect(after.ledger).toEqual([{ companyId: NEOCLOUD, category: 'cost:power:spot', sourceId: 'texas', amountUsd: -10, memo: '' }]);
    expect(after.companies.byId[NEOCLOUD]!.cashUsd).toBe(state.companies.byId[NEOCLOUD]!.cashUsd - 10);
  });

  it('skips amounts that round to zero, so no empty lines reach the UI', () => {
    const state = newGame();
    const after = edit(state, (d) => postLedger(d, PLAYER, 'revenue:inference', 'mid', 0.4, 'dust'));
    expect(after.ledger).toEqual([]);
    expect(after.companies.byId[PLAYER]!.cashUsd).toBe(state.companies.byId[PLAYER]!.cashUsd);
  });

  it('sums by company and category prefix', () => {
    const after = edit(newGame(), (d) => {
      postLedger(d, PLAYER, 'revenue:inference', 'mid', 100, 'a');
      postLedger(d, PLAYER, 'revenue:training', 'training', 50, 'b');
      postLedger(d, PLAYER, 'cost:power:ppa', 'ppa', -30, 'c');
      postLedger(d, 'hyperion', 'revenue:inference', 'mid', 1000, 'd');
    });
    expect(sumLedger(after.ledger, PLAYER, 'revenue:')).toBe(150);
    expect(sumLedger(after.ledger, PLAYER)).toBe(120);
    expect(sumLedger(after.ledger, 'hyperion', 'revenue:inference')).toBe(1000);
  });
});
