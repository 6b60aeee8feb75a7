import { describe, expect, it } from 'vitest';
import type { Command } from '../../../engine';
import { compareGames, comparedGame, describeDifferences, openReplay, type ComparedGame, type Save } from '../../../engine/save';
import { METADATA, playRecorded } from './play';

function gameOf(save: Save, label = 'g'): ComparedGame {
  const opened = openReplay(save);
  if (!opened.ok) throw new Error(opened.error);
  return comparedGame(label, save, opened.replay.final);
}

const base = playRecorded(4).toSave(METADATA);
const a = gameOf(base, 'a');

describe('compareGames', () => {
  it('finds no divergence and no differences between identical games, with every turn metric', () => {
    const result = compareGames([a, gameOf(structuredClone(base), 'b')]);
    expect(result).toMatchObject({ divergenceTurn: null, differences: [], sharedTurns: 4 });
    expect(result.turns.map((t) => t.differs)).toEqual([false, false, false, false]);
    expect(result.turns[3]!.metrics[0]).toEqual(result.turns[3]!.metrics[1]);
    expect(result.turns[3]!.metrics[0]!.cashUsd).toEqual(expect.any(Number));
    expect(a.quarters).toEqual(['2024 Q1', '2024 Q2', '2024 Q3', '2024 Q4']);
  });

  it('diverges at the first turn whose commands differ and lists what only each game did', () => {
    const commands = (cs: Command[]) => ({ ...structuredClone(base), turns: base.turns.map((t, i) => (i === 1 ? { ...t, commands: cs } : t)) });
    const extra: Command = { type: 'finance/borrow', amountUsd: 1_000_000, termQuarters: 8 };
    const b = { ...a, label: 'b', commands: commands([...base.turns[1]!.commands, extra]).turns.map((t) => t.commands) };
    const c = { ...a, label: 'c', commands: commands([...base.turns[1]!.commands].reverse()).turns.map((t) => t.commands) };
    const result = compareGames([a, b, c]);
    expect(result.divergenceTurn).toBe(2);
    expect(result.turns[1]!.only).toEqual([[], [extra], []]); // order alone is a divergence, not a diff entry
    expect(result.turns[0]!.differs).toBe(false);
    expect(compareGames([a, { ...a, commands: [...a.commands, ...a.commands] }]).divergenceTurn).toBeNull();
  });

  it('counts repeated commands: the second copy is a difference', () => {
    const once = [{ type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 } as Command];
    const twice = [once[0]!, { pricePerMTokUsd: 0.5, tier: 'mid', type: 'market/setPrice' } as Command];
    const result = compareGames([{ ...a, commands: [once] }, { ...a, commands: [twice] }]);
    expect(result.turns[0]!.only).toEqual([[], [twice[1]]]);
  });

  it('names what differs besides the decisions: seed, scenario, length', () => {
    const other = gameOf(playRecorded(2, 7).toSave(METADATA), 'seed 7');
    const result = compareGames([a, other]);
    expect(result.differences).toEqual(['seed', 'turns']);
    expect(result.sharedTurns).toBe(2);
    expect(result.turns).toHaveLength(4);
    expect(result.turns[3]!.commands[1]).toBeNull();
    expect(describeDifferences([a, other], result.differences)).toEqual(['different seeds (42, 7)', 'different lengths (4, 2 turns)']);
    const renamed = { ...a, scenarioHash: '0'.repeat(32) };
    expect(describeDifferences([a, renamed], compareGames([a, renamed]).differences)).toEqual(['different versions of scenario inference-gambit']);
    expect(describeDifferences([a, { ...a, scenarioId: 'sandbox' }], ['scenario'])).toEqual(['different scenarios (inference-gambit, sandbox)']);
  });
});

describe('openReplay', () => {
  const full = playRecorded(1000);
  const save = full.toSave(METADATA);

  it('seeks to any turn, in any order, reproducing the recorded hashes', () => {
    const opened = openReplay(save);
    if (!opened.ok) throw new Error(opened.error);
    const { replay } = opened;
    expect(replay.turns).toBe(save.turns.length);
    for (const turn of [17, 3, 3, 4, 28, 0, 9, 8, 1, replay.turns]) {
      const state = replay.stateAt(turn);
      expect(state.turn).toBe(turn);
      if (turn > 0) expect(state.hash, `turn ${turn}`).toBe(save.turns[turn - 1]!.hash);
    }
    expect(replay.stateAt(-5).turn).toBe(0);
    expect(replay.stateAt(10_000)).toBe(replay.final);
  });

  it('refuses a save that does not verify', () => {
    const altered = structuredClone(save);
    altered.turns[4]!.hash = '0'.repeat(32);
    expect(openReplay(altered)).toMatchObject({ ok: false, turn: 5 });
  });
});
