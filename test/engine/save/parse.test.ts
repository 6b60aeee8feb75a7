import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSave, serializeSave, verifySave, type ParseSaveResult } from '../../../engine/save';
import { METADATA, playRecorded } from './play';

const FIXTURES = join(import.meta.dirname, '../../fixtures/saves');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'latin1');
const validText = serializeSave(playRecorded(3).toSave(METADATA));

function errorOf(result: ParseSaveResult): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe('parseSave: hostile files refused with a specific message', () => {
  it.each([
    ['empty.tpw', /^the file is empty$/],
    ['truncated.tpw', /^invalid JSON.* at line 1, column \d+ \(position \d+\).*the file may be truncated$/],
    ['garbage.tpw', /^invalid JSON at line 1, column 1 \(position 0\): expected a JSON value, found character U\+0089$/],
    ['proto-top.tpw', /^refused: .*"__proto__".*prototype poisoning/],
    ['proto-nested.tpw', /^refused: .*"__proto__".*prototype poisoning/],
    ['constructor-prototype.tpw', /^refused: .*"constructor".*prototype poisoning/],
    ['wrong-types.tpw', /^invalid save: \$\.seed: .*expected number.*; \$\.turns: .*expected array/],
    ['version-99.tpw', /^saved by a newer version \(v99\); this build reads up to v1$/],
    ['unknown-format.tpw', /^not a Tokens per Watt save: its format is "some-other-game-save" \(expected "tokens-per-watt-save"\)$/],
  ])('%s', (name, message) => {
    expect(errorOf(parseSave(fixture(name)))).toMatch(message);
  });

  it('schema-valid fixtures with a wrong scenario fail verification, not parsing', () => {
    const wrongHash = parseSave(fixture('wrong-scenario-hash.tpw'));
    const unknown = parseSave(fixture('unknown-scenario.tpw'));
    if (!wrongHash.ok || !unknown.ok) throw new Error('fixtures should parse');
    expect(verifySave(wrongHash.save)).toMatchObject({ ok: false, error: expect.stringMatching(/^save was made with a different version of scenario inference-gambit/) as unknown });
    expect(verifySave(unknown.save)).toEqual({ ok: false, error: 'unknown built-in scenario "no-such-scenario": this build does not have it' });
  });

  it('refuses 10,000-deep nesting without recursing', () => {
    const deep = '{"format":"tokens-per-watt-save","x":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
    expect(errorOf(parseSave(deep))).toMatch(/^invalid JSON at line 1, column \d+ \(position \d+\): nesting is deeper than 64 levels$/);
    expect(errorOf(parseSave('{"a":'.repeat(10_000)))).toMatch(/nesting is deeper than 64 levels/);
  });

  it('refuses huge arrays before building them', () => {
    const huge = '{"format":"tokens-per-watt-save","turns":[' + '0,'.repeat(2_000_000) + '0]}';
    expect(errorOf(parseSave(huge))).toMatch(/^invalid JSON at line 1, column 42 \(position 41\): array has more than 100000 elements$/);
    const turns = Array.from({ length: 1001 }, () => ({ commands: [], hash: '0'.repeat(32) }));
    const save = { ...JSON.parse(validText), turns } as object;
    expect(errorOf(parseSave(JSON.stringify(save)))).toMatch(/^invalid save: \$\.turns: Too big: expected array to have <=1000 items/);
  });

  it('refuses oversized text before parsing, naming the size and the limit', () => {
    const big = ' '.repeat(16 * 1024 * 1024 + 1);
    expect(errorOf(parseSave(big))).toBe('file is too large: at least 16.0 MiB (16777217 bytes); the limit is 16 MiB');
    expect(errorOf(parseSave(validText, { maxBytes: 1000 }))).toMatch(/^file is too large: .* \(\d+ bytes\); the limit is 1000 bytes$/);
    // multi-byte characters count as their UTF-8 size
    expect(errorOf(parseSave('"' + 'é'.repeat(600) + '"', { maxBytes: 1000 }))).toBe('file is too large: 1.2 KiB (1202 bytes); the limit is 1000 bytes');
  });

  it('refuses wrong types, bad commands and long strings with the JSON path', () => {
    const base = JSON.parse(validText) as Record<string, unknown> & { turns: { commands: unknown[] }[]; metadata: Record<string, unknown> };
    const withCommand = structuredClone(base);
    withCommand.turns[0]!.commands[0] = { type: 'chips/order', chipId: 'lpu', quantity: -5 };
    expect(errorOf(parseSave(JSON.stringify(withCommand)))).toMatch(/^invalid save: \$\.turns\[0\]\.commands\[0\]\.quantity: Too small/);
    const unknownType = structuredClone(base);
    unknownType.turns[0]!.commands[0] = { type: 'chips/steal' };
    expect(errorOf(parseSave(JSON.stringify(unknownType)))).toMatch(/^invalid save: \$\.turns\[0\]\.commands\[0\]\.type: Invalid discriminator value/);
    const longName = structuredClone(base);
    longName.metadata.playerName = 'x'.repeat(10_001);
    expect(errorOf(parseSave(JSON.stringify(longName)))).toMatch(/^invalid JSON at line 1, column \d+ \(position \d+\): string longer than 10000 characters$/);
    const badDate = structuredClone(base);
    badDate.metadata.createdAt = 'yesterday';
    expect(errorOf(parseSave(JSON.stringify(badDate)))).toMatch(/^invalid save: \$\.metadata\.createdAt: /);
    expect(errorOf(parseSave(JSON.stringify({ ...base, extra: 1 })))).toBe('invalid save: $: Unrecognized key: "extra"');
    expect(errorOf(parseSave('[1,2,3]'))).toBe('not a Tokens per Watt save: the file holds an array, not an object');
    expect(errorOf(parseSave('{"version":1}'))).toBe('not a Tokens per Watt save: it has no "format" field (expected "tokens-per-watt-save")');
  });

  it('reports JSON syntax errors with line, column and position', () => {
    expect(errorOf(parseSave('{\n  "format": "tokens-per-watt-save",\n  "version": 1,,\n}'))).toBe(
      "invalid JSON at line 3, column 16 (position 53): expected a quoted object key, found ','",
    );
    expect(errorOf(parseSave('{"a": tru}'))).toBe("invalid JSON at line 1, column 7 (position 6): expected a JSON value, found 't'");
    expect(errorOf(parseSave('{"a": 01}'))).toBe('invalid JSON at line 1, column 7 (position 6): malformed number');
    expect(errorOf(parseSave('{"a": "x\ty"}'))).toMatch(/^invalid JSON at line 1, column 9 \(position 8\): character U\+0009 inside a string/);
    expect(errorOf(parseSave('{"a": 1} x'))).toBe("invalid JSON at line 1, column 10 (position 9): unexpected 'x' after the end of the document");
  });

  it('accepts a valid save with a byte-order mark and surrounding whitespace', () => {
    expect(parseSave('\ufeff\n' + validText + '\n').ok).toBe(true);
  });

  it('never throws on random corruptions of a valid save, and verify never throws on what still parses', () => {
    fc.assert(
      fc.property(fc.nat(validText.length - 1), fc.nat(validText.length), fc.string({ maxLength: 8 }), (at, cut, insert) => {
        const text = validText.slice(0, at) + insert + validText.slice(Math.min(validText.length, at + (cut % 8)));
        const parsed = parseSave(text);
        if (parsed.ok) expect(typeof verifySave(parsed.save).ok).toBe('boolean');
        else expect(parsed.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 20250601 },
    );
  });
});

describe('parseSave: truncation', () => {
  it('says the file may be truncated wherever it is cut', () => {
    for (const at of [1, 37, 120, validText.length - 1]) {
      expect(errorOf(parseSave(validText.slice(0, at)))).toMatch(/the file may be truncated$/);
    }
  });
});

describe('parseSave: terminal safety', () => {
  it('shows control characters from the file escaped in messages', () => {
    const error = errorOf(parseSave(JSON.stringify({ format: 'evil\u001b[2J', version: 1 })));
    expect(error).toBe('not a Tokens per Watt save: its format is "evil\\u001b[2J" (expected "tokens-per-watt-save")');
    const key = errorOf(parseSave(validText.replace('"settings":{}', '"settings":{"\\u001b[31m":1}')));
    expect(key).not.toMatch(/\u001b/);
    expect(key).toContain('\\u001b[31m');
  });
});

describe('parseSave: repeated keys', () => {
  it('refuses a key given twice in one object, escaped or not, and allows the same key in different objects', () => {
    expect(errorOf(parseSave(validText.replace('"seed":42', '"seed":42,"se\\u0065d":7')))).toMatch(/^invalid JSON at line 1, column \d+ \(position \d+\): duplicate key "seed" in one object$/);
    expect(parseSave(validText).ok).toBe(true); // "type" and "hash" recur across objects
  });
});
