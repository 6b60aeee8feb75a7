/**
 * Golden replays: committed saves whose every turn hash must still verify. If this fails, a change altered game
 * outcomes: if that was intended, regenerate with `node scripts/update-golden.mjs` in the same commit and say why.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSave, verifySave } from '../../engine';

const dir = 'test/fixtures/golden';
const files = readdirSync(dir).filter((f) => f.endsWith('.tpw')).sort();

describe('golden saves', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of files) {
    it(`${file} replays to every recorded turn hash`, () => {
      const parsed = parseSave(readFileSync(`${dir}/${file}`, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error);
      const result = verifySave(parsed.save);
      if (!result.ok) throw new Error(`turn ${'turn' in result ? result.turn : '?'}: ${result.error}`);
      expect(result.turns).toBe(parsed.save.turns.length);
      expect(result.finalHash).toBe(parsed.save.turns.at(-1)!.hash);
    });
  }
});
