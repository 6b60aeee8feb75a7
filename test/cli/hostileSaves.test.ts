/**
 * The hostile-save corpus through the CLI: `verify --json` refuses each file with its specific message (exit 2 for a
 * file that cannot be read or parsed, 1 for one that does not replay), never a stack trace or a hang, and writes
 * nothing; `compare --csv` with one hostile save writes no CSV.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesOf, committedHostileSaves, generatedHostileSaves, type HostileCase } from '../support/hostileSaves';
import { ROOT, expectNoStackTrace, tpw } from './runTpw';

const FIXTURES = join(ROOT, 'test/fixtures/saves');
const dir = mkdtempSync(join(tmpdir(), 'tpw-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases: HostileCase[] = [...(await committedHostileSaves((file) => readFileSync(join(FIXTURES, file)))), ...generatedHostileSaves()];
for (const c of cases) {
  const path = join(dir, c.name);
  if ('zeroBytes' in c.content) {
    writeFileSync(path, '');
    truncateSync(path, c.content.zeroBytes); // sparse: instant, takes no disk
  } else writeFileSync(path, bytesOf(c.content));
}
const listing = () => readdirSync(dir).map((name) => `${name} ${statSync(join(dir, name)).size} ${statSync(join(dir, name)).mtimeMs}`);
const before = listing();

describe.concurrent('tpw verify refuses every hostile save with a specific message', () => {
  it('has at least 30 cases, every committed file listed in the manifest', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(readdirSync(FIXTURES).filter((f) => f.endsWith('.tpw')).sort()).toEqual(cases.filter((c) => 'bytes' in c.content).map((c) => c.name).sort());
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const run = await tpw('verify', join(dir, name), '--json');
    expect(run.code, run.stderr).toBe(c.stage === 'verify' ? 1 : 2);
    const result = JSON.parse(run.stdout) as { ok: boolean; error: string; turn?: number };
    expect(result.ok).toBe(false);
    expect(result.error).toContain(c.error);
    expectNoStackTrace(run);
  });

  it('compare with one hostile save fails the same way and writes no CSV', async () => {
    const good = cases.find((c) => c.name === 'altered-hash.tpw')!; // parses; fails at turn 3
    const csv = join(dir, 'out.csv');
    const [parseFail, verifyFail] = await Promise.all([
      tpw('compare', join(dir, 'huge-array.tpw'), join(dir, 'duplicate-keys.tpw'), '--csv', csv, '--json'),
      tpw('compare', join(dir, good.name), join(dir, 'checkpoint-altered.tpw'), '--csv', csv),
    ]);
    expect(parseFail.code).toBe(2);
    expect(JSON.parse(parseFail.stdout)).toEqual({ ok: false, error: expect.stringContaining('huge-array.tpw: invalid JSON') as unknown });
    expect(verifyFail.code).toBe(1);
    expect(verifyFail.stderr).toMatch(/^FAILED at turn 3: .*altered-hash\.tpw: turn 3: the replayed state hash/m);
    for (const run of [parseFail, verifyFail]) expectNoStackTrace(run);
    expect(readdirSync(dir)).not.toContain('out.csv');
  });
});

describe('after the corpus', () => {
  it('nothing in the folder was written, added or removed', () => {
    expect(listing()).toEqual(before);
  });
});
