/**
 * `tpw compare`: saves of the same scenario and seed played with different strategies diverge at the first turn
 * whose commands differ; identical saves never diverge; saves of different seeds are labelled as such; --csv writes
 * one row per game and turn; usage errors exit 2.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace, tpw } from './runTpw';

const dir = mkdtempSync(join(tmpdir(), 'tpw-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);

interface CompareJson {
  ok: boolean;
  games: { game: string; seed: number; turns: number; scenario: string }[];
  differences: string[];
  differencesText: string[];
  divergenceTurn: number | null;
  sharedTurns: number;
  turns: { turn: number; differs: boolean; games: { metrics: Record<string, number> | null; commands: unknown[] | null; only: unknown[] }[] }[];
}

const saves = Promise.all([
  tpw('sim', '--scenario', 'inference-gambit', '--seed', '42', '--strategy', 'inference-first', '--out', path('a.tpw')),
  tpw('sim', '--scenario', 'inference-gambit', '--seed', '42', '--strategy', 'hybrid', '--out', path('b.tpw')),
  tpw('sim', '--scenario', 'inference-gambit', '--seed', '7', '--strategy', 'inference-first', '--out', path('c.tpw')),
]).then((runs) => {
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  copyFileSync(path('a.tpw'), path('a-copy.tpw'));
});

/** The first turn whose command lists differ, read straight from the files. */
function firstDifferentTurn(a: string, b: string): number | null {
  const turns = (file: string) => (JSON.parse(readFileSync(path(file), 'utf8')) as { turns: { commands: unknown[] }[] }).turns.map((t) => JSON.stringify(t.commands));
  const [x, y] = [turns(a), turns(b)];
  const i = x.findIndex((commands, t) => t < y.length && commands !== y[t]);
  return i === -1 ? null : i + 1;
}

describe.concurrent('tpw compare', () => {
  it('--json reports the divergence turn of two strategies on the same scenario and seed', async () => {
    await saves;
    const run = await tpw('compare', path('a.tpw'), path('b.tpw'), '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as CompareJson;
    const expected = firstDifferentTurn('a.tpw', 'b.tpw');
    expect(expected).not.toBeNull();
    expect(result.divergenceTurn).toBe(expected);
    expect(result.differences).not.toContain('seed');
    expect(result.differences).not.toContain('scenario');
    expect(result.games.map((g) => [g.game, g.seed])).toEqual([['A', 42], ['B', 42]]);
    const diverged = result.turns[expected! - 1]!;
    expect(diverged.differs).toBe(true);
    expect(diverged.games.some((g) => g.only.length > 0)).toBe(true);
    expect(result.turns.slice(0, expected! - 1).every((t) => !t.differs)).toBe(true);
    expect(Object.keys(result.turns[0]!.games[0]!.metrics!)).toEqual(['cashUsd', 'revenueUsd', 'grossMargin', 'costPerMTokUsd', 'joulesPerToken', 'inferenceShare', 'enterpriseValueUsd']);
  });

  it('--json gives divergenceTurn null and no differences for identical saves', async () => {
    await saves;
    const run = await tpw('compare', path('a.tpw'), path('a-copy.tpw'), '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as CompareJson;
    expect(result).toMatchObject({ ok: true, divergenceTurn: null, differences: [] });
    expect(result.turns.every((t) => !t.differs && t.games.every((g) => g.only.length === 0))).toBe(true);
    expect(result.turns[5]!.games[0]!.metrics).toEqual(result.turns[5]!.games[1]!.metrics);
  });

  it('labels saves of different seeds and still compares them', async () => {
    await saves;
    const [json, human] = await Promise.all([tpw('compare', path('a.tpw'), path('c.tpw'), '--json'), tpw('compare', path('a.tpw'), path('c.tpw'))]);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as CompareJson;
    expect(result.differences).toContain('seed');
    expect(result.differencesText).toContain('different seeds (42, 7)');
    expect(result.turns.length).toBeGreaterThan(0);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^Differences besides the decisions: different seeds \(42, 7\)/m);
  });

  it('prints a per-turn table and the decision diff, and writes the CSV atomically', async () => {
    await saves;
    const run = await tpw('compare', path('a.tpw'), path('b.tpw'), path('c.tpw'), '--csv', path('out.csv'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^A {2}.*a\.tpw: inference-gambit, seed 42, \d+ turns/m);
    expect(run.stdout).toMatch(/^C {2}.*c\.tpw: inference-gambit, seed 7/m);
    expect(run.stdout).toMatch(/^The decisions diverge at turn \d+ \(\d{4} Q[1-4]\)\.$/m);
    expect(run.stdout).toMatch(/^turn +quarter +game +cash +revenue +gross margin +\$\/M tokens +J\/token +inference share +enterprise value +decisions$/m);
    expect(run.stdout).toMatch(/^ +1 +2024 Q1 +B +/m);
    expect(run.stdout).toMatch(/^Decision diff \(commands only some games made\):\nturn \d+ \(\d{4} Q[1-4]\)\n {2}A: /m);
    const csv = readFileSync(path('out.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('game,file,scenario,seed,turn,quarter,cashUsd,revenueUsd,grossMargin,costPerMTokUsd,joulesPerToken,inferenceShare,enterpriseValueUsd,commands,decisionsDiffer,onlyThisGame');
    const turnsOf = (file: string) => (JSON.parse(readFileSync(path(file), 'utf8')) as { turns: unknown[] }).turns.length;
    expect(csv.length - 1).toBe(turnsOf('a.tpw') + turnsOf('b.tpw') + turnsOf('c.tpw'));
    expect(csv[1]).toMatch(/^A,.*a\.tpw,inference-gambit,42,1,2024 Q1,-?\d/);
    expect(readdirSync(dir).filter((f) => f.startsWith('out.csv'))).toEqual(['out.csv']); // no temp file left
  });

  it('refuses wrong usage with exit 2 and one line', async () => {
    await saves;
    const runs = await Promise.all([
      tpw('compare', path('a.tpw')),
      tpw('compare', path('a.tpw'), path('a.tpw'), path('a.tpw'), path('a.tpw'), path('a.tpw')),
      tpw('compare', path('a.tpw'), path('b.tpw'), '--csv', path('b.tpw')),
      tpw('compare', path('a.tpw'), path('missing.tpw'), '--json'),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expectNoStackTrace(run);
    }
    expect(runs[0]!.stderr.trim()).toBe('tpw: compare takes 2 to 4 saves (got 1); usage: tpw compare <a.tpw> <b.tpw> [<c.tpw> <d.tpw>] [--csv <out.csv>] [--json]');
    expect(runs[2]!.stderr).toMatch(/would overwrite one of the saves/);
    expect(JSON.parse(runs[3]!.stdout)).toEqual({ ok: false, error: `${path('missing.tpw')}: no such file or directory` });
    expect(readFileSync(path('b.tpw'), 'utf8')).toMatch(/^\{"format":"tokens-per-watt-save"/);
  });
});
