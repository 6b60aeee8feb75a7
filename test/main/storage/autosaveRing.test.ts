import { mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autosaveId, createAutosaveRing } from '../../../main/storage/autosaveRing';
import { nodeFileSystem } from '../../../main/storage/fileSystem';
import type { FileSystem } from '../../../main/storage/fileSystem';
import { makeTempDir } from '../tempDir';

async function ringIn(options: { fs?: FileSystem; clock?: () => number } = {}) {
  const dir = path.join(await makeTempDir(), 'autosaves');
  let ms = 1_712_000_000_000;
  const now = options.clock ?? (() => (ms += 1000));
  const ring = createAutosaveRing({ fs: options.fs ?? nodeFileSystem, dir, now, logWarning: () => {} });
  return { dir, ring };
}

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('autosave ring', () => {
  it('keeps the 10 newest autosaves, newest first', async () => {
    const { dir, ring } = await ringIn();
    for (let turn = 1; turn <= 13; turn++) valueOf(await ring.write(turn, `{"turn":${turn}}`));
    const listed = valueOf(await ring.list());
    expect(listed.map((entry) => entry.turn)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
    expect((await readdir(dir)).length).toBe(10);
    expect(listed[0]).toMatchObject({ bytes: '{"turn":13}'.length });
    expect(valueOf(await ring.read(listed[0]!.id))).toEqual({ id: listed[0]!.id, turn: 13, content: '{"turn":13}' });
  });

  it('orders by write, not by turn: loading an older turn and autosaving makes it the newest', async () => {
    const { ring } = await ringIn();
    await ring.write(20, 'a');
    await ring.write(5, 'b');
    expect(valueOf(await ring.list()).map((entry) => entry.turn)).toEqual([5, 20]);
  });

  it('stays ordered when writes share a millisecond or the clock goes backwards', async () => {
    const times = [5_000_000_000_000, 5_000_000_000_000, 4_000_000_000_000];
    const { ring } = await ringIn({ clock: () => times.shift() ?? 1 });
    await ring.write(1, 'a');
    await ring.write(2, 'b');
    await ring.write(3, 'c');
    expect(valueOf(await ring.list()).map((entry) => entry.turn)).toEqual([3, 2, 1]);
  });

  it('ignores foreign files and removes its own damaged ones and stale temp files', async () => {
    const { dir, ring } = await ringIn();
    await mkdir(dir, { recursive: true });
    const foreign = ['notes.txt', 'autosave-latest.tpw', `${autosaveId(1_700_000_000_000, 0, 1)}.bak`, 'Autosave-1700000000000-000-t1.tpw'];
    for (const name of foreign) await writeFile(path.join(dir, name), 'not ours');
    const empty = autosaveId(1_700_000_000_001, 0, 2);
    await writeFile(path.join(dir, empty), '');
    const oversized = autosaveId(1_700_000_000_002, 0, 3);
    await writeFile(path.join(dir, oversized), '');
    await truncate(path.join(dir, oversized), 9 * 1024 * 1024);
    const staleTemp = `${autosaveId(1_700_000_000_003, 0, 4)}.123456789`;
    await writeFile(path.join(dir, staleTemp), '{"half":');
    await mkdir(path.join(dir, autosaveId(1_700_000_000_004, 0, 5))); // a folder wearing our name
    const good = autosaveId(1_700_000_000_005, 0, 6);
    await writeFile(path.join(dir, good), '{}');

    expect(valueOf(await ring.list()).map((entry) => entry.id)).toEqual([good]);
    const remaining = await readdir(dir);
    for (const name of foreign) expect(remaining).toContain(name);
    expect(remaining).not.toContain(empty);
    expect(remaining).not.toContain(oversized);
    expect(remaining).not.toContain(staleTemp);
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('not ours');
  });

  it('foreign files never count toward the ring or get evicted', async () => {
    const { dir, ring } = await ringIn();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'my-notes.tpw'), 'keep me');
    for (let turn = 1; turn <= 11; turn++) await ring.write(turn, '{}');
    expect(valueOf(await ring.list())).toHaveLength(10);
    expect(await readFile(path.join(dir, 'my-notes.tpw'), 'utf8')).toBe('keep me');
  });

  it('reads only ids it lists: no paths, no unlisted names', async () => {
    const { dir, ring } = await ringIn();
    await ring.write(1, '{}');
    await writeFile(path.join(path.dirname(dir), 'x'), 'secret next to the folder');
    for (const id of ['../x', '..', '/etc/passwd', `../${autosaveId(1_712_000_001_000, 0, 1)}`, autosaveId(1_600_000_000_000, 0, 1)]) {
      const result = await ring.read(id);
      expect(result.ok, id).toBe(false);
    }
  });

  it('reports a failed write as a value and keeps the existing autosaves', async () => {
    const { dir, ring } = await ringIn();
    valueOf(await ring.write(1, '{"turn":1}'));
    const failing: FileSystem = {
      ...nodeFileSystem,
      async writeTextFileAtomically(filePath) {
        await writeFile(`${filePath}.4242`, '{"tu'); // what a crash mid-write leaves
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const broken = createAutosaveRing({ fs: failing, dir, now: () => 1_800_000_000_000, logWarning: () => {} });
    expect(await broken.write(2, '{"turn":2}')).toEqual({ ok: false, error: 'Could not write the autosave of turn 2: the disk is full.' });
    const listed = valueOf(await ring.list());
    expect(listed.map((entry) => entry.turn)).toEqual([1]);
    expect(valueOf(await ring.read(listed[0]!.id)).content).toBe('{"turn":1}');
    expect(await readdir(dir)).toEqual([listed[0]!.id]); // the leftover temp file was collected
  });
});
