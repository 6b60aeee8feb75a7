/**
 * The `tpw` CLI end to end: each case spawns the real command (`node --import tsx cli/tpw.ts`, ~1 s each), so
 * independent cases run in parallel and the number of spawns stays small.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBuiltInScenario } from '../../engine';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/saves');
const dir = mkdtempSync(join(tmpdir(), 'tpw-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tpw(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'cli/tpw.ts', ...args], { cwd: ROOT, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** No stack trace lines ("    at fn (file:line)") anywhere in the output. */
function expectNoStackTrace(run: Run): void {
  expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
}

describe('tpw sim and verify', () => {
  const save = join(dir, 'gambit-42.tpw');
  const sims = Promise.all([
    tpw('sim', '--scenario', 'inference-gambit', '--seed', '42', '--out', save),
    tpw('sim', '--scenario', 'inference-gambit', '--seed', '42', '--json'),
    tpw('sim', '--scenario', 'inference-gambit', '--seed', '43', '--json'),
  ]);

  it('prints the per-turn table and writes a save that verify accepts', async () => {
    const [table] = await sims;
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^quarter +cash +revenue +gross margin +\$\/M tokens +J\/token +tokens\/J +inference share$/m);
    expect(table.stdout).toMatch(/^2024 Q1 +-?\$[\d.]+[kMB]? /m);
    expect(table.stdout).toMatch(/^(WON|LOST) after turn \d+: .+|^stopped after \d+ turns/m);
    const finalHash = /^final hash ([0-9a-f]{32})$/m.exec(table.stdout)?.[1];
    expect(finalHash).toBeDefined();

    const verified = await tpw('verify', save, '--json');
    expect(verified.code, verified.stderr).toBe(0);
    const result = JSON.parse(verified.stdout) as { ok: boolean; turns: number; finalHash: string };
    expect(result).toEqual({ ok: true, turns: expect.any(Number) as unknown, finalHash });
    expect(result.turns).toBeGreaterThan(0);
  });

  it('gives the same final hash for the same seed and a different one for another seed', async () => {
    const [table, same, other] = await sims;
    const a = JSON.parse(same.stdout) as { finalHash: string; seed: number; strategy: string; rows: { quarter: string; tokensPerJoule: number | null }[]; outcome: unknown };
    const b = JSON.parse(other.stdout) as { finalHash: string };
    expect(a.finalHash).toBe(/^final hash ([0-9a-f]{32})$/m.exec(table.stdout)?.[1]);
    expect(b.finalHash).toMatch(/^[0-9a-f]{32}$/);
    expect(b.finalHash).not.toBe(a.finalHash);
    expect(a).toMatchObject({ scenario: 'inference-gambit', seed: 42, strategy: 'inference-first' });
    expect(a.rows[0]).toMatchObject({ turn: 1, quarter: '2024 Q1' });
  });

  it('fails verification (exit 1) naming the turn of an altered command', async () => {
    await sims;
    const data = JSON.parse(readFileSync(save, 'utf8')) as { turns: { commands: { type: string; pricePerMTokUsd?: number }[] }[] };
    const turn = data.turns.findIndex((t) => t.commands.some((c) => c.type === 'market/setPrice'));
    const command = data.turns[turn]!.commands.find((c) => c.type === 'market/setPrice')!;
    command.pricePerMTokUsd = command.pricePerMTokUsd! * 0.9;
    const altered = join(dir, 'altered.tpw');
    writeFileSync(altered, JSON.stringify(data));
    const [json, human] = await Promise.all([tpw('verify', altered, '--json'), tpw('verify', altered)]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, turn: turn + 1, error: expect.stringContaining(`turn ${turn + 1}:`) as unknown });
    expect(human.code).toBe(1);
    expect(human.stderr.trim().split('\n')).toHaveLength(1);
    expect(human.stderr).toMatch(new RegExp(`^FAILED at turn ${turn + 1}: `));
  });
});

describe.concurrent('tpw verify: unreadable and hostile files exit 2 without a stack trace', () => {
  const oversized = join(dir, 'huge.tpw');
  truncateSync(writeEmpty(oversized), 1024 ** 3); // sparse: instant, takes no disk

  it.each([
    ['truncated.tpw', /the file may be truncated/],
    ['garbage.tpw', /garbage\.tpw is not UTF-8 text/],
    ['proto-nested.tpw', /prototype poisoning/],
    ['version-99.tpw', /saved by a newer version \(v99\); this build reads up to v1/],
  ])('%s', async (name, message) => {
    const run = await tpw('verify', join(FIXTURES, name), '--json');
    expect(run.code).toBe(2);
    const result = JSON.parse(run.stdout) as { ok: boolean; error: string };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(message);
    expectNoStackTrace(run);
  });

  it('refuses a 1 GB file from its size alone', async () => {
    const run = await tpw('verify', oversized);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/huge\.tpw is too large: 1 GiB \(1073741824 bytes\); the limit is 16 MiB/);
    expectNoStackTrace(run);
  });

  it('reports a missing file and bad usage in one line', async () => {
    const [missing, usage, badOption] = await Promise.all([tpw('verify', join(dir, 'nope.tpw'), '--json'), tpw('verify'), tpw('sim', '--scenario', 'inference-gambit', '--seed', 'x1')]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toEqual({ ok: false, error: `${join(dir, 'nope.tpw')}: no such file or directory` });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: tpw verify <file\.tpw>/);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr.trim()).toBe('tpw: --seed must be an integer from 0 to 4294967295 (got "x1")');
    for (const run of [missing, usage, badOption]) expectNoStackTrace(run);
  });
});

describe.concurrent('tpw scenario and help', () => {
  it('lists the built-in scenarios as JSON', async () => {
    const run = await tpw('scenario', 'list', '--json');
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as { id: string; title: string; turns: number; start: string }[];
    expect(list).toContainEqual(expect.objectContaining({ id: 'inference-gambit', title: 'The Inference Gambit', start: '2024 Q1' }));
  });

  it('prints the JSON paths of a broken scenario and exits 2', async () => {
    const scenario = structuredClone(findBuiltInScenario('inference-gambit')!.scenario) as unknown as { world: { sites: Record<string, unknown>[] } };
    scenario.world.sites[0]!.pue = 9;
    delete scenario.world.sites[1]!.capexUsdPerMw;
    const file = join(dir, 'broken-scenario.json');
    writeFileSync(file, JSON.stringify(scenario));
    const [human, json] = await Promise.all([tpw('scenario', 'validate', file), tpw('scenario', 'validate', file, '--json')]);
    expect(human.code).toBe(2);
    expect(human.stderr).toMatch(/^ {2}\$\.world\.sites\[0\]\.pue: .*3/m);
    expect(human.stderr).toMatch(/^ {2}\$\.world\.sites\[1\]\.capexUsdPerMw: /m);
    expect(json.code).toBe(2);
    const paths = (JSON.parse(json.stdout) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['$.world.sites[0].pue', '$.world.sites[1].capexUsdPerMw']));
    expectNoStackTrace(human);
  });

  it('runs a user strategy module and reports its rejected commands', async () => {
    const strategy = join(dir, 'strategy.ts');
    writeFileSync(
      strategy,
      `export function decide(state: { turn: number }) {\n  return [{ type: 'finance/repay', loanId: 'none', amountUsd: 1 }, { type: 'market/setPrice', tier: 'mid', pricePerMTokUsd: 0.5 }];\n}\n`,
    );
    const run = await tpw('sim', '--scenario', 'inference-gambit', '--seed', '1', '--turns', '2', '--strategy', strategy, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^2024 Q1: skipped finance\/repay: /m);
    expect(run.stderr).toMatch(/^2024 Q2: skipped finance\/repay: /m);
    expect(JSON.parse(run.stdout)).toMatchObject({ turns: 2, strategy });
  });

  it('prints usage to stderr and exits 2 for help, no command or an unknown one', async () => {
    const runs = await Promise.all([tpw('help'), tpw(), tpw('frobnicate')]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/usage: npm run tpw -- <command>/);
    }
    expect(runs[2]!.stderr).toMatch(/^tpw: unknown command "frobnicate"/);
  });
});

function writeEmpty(path: string): string {
  writeFileSync(path, '');
  return path;
}
