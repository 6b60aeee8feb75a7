import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../main/storage/fileSystem';
import { RECENT_FILES_CAPACITY, createRecentFiles } from '../../../main/storage/recentFiles';
import { makeTempDir } from '../tempDir';

async function recentIn() {
  const dir = await makeTempDir();
  const filePath = path.join(dir, 'recent-files.json');
  let next = 0;
  const make = () => createRecentFiles({ fs: nodeFileSystem, filePath, newId: () => `id-${++next}`, logWarning: () => {} });
  return { filePath, recent: make(), make };
}

describe('recent files', () => {
  it('lists newest first without duplicates, capped, with ids instead of paths', async () => {
    const { recent } = await recentIn();
    for (let i = 1; i <= RECENT_FILES_CAPACITY + 2; i++) await recent.remember(`/home/ada/Documents/game-${i}.tpw`);
    await recent.remember('/home/ada/Documents/game-5.tpw');
    const listed = await recent.list();
    expect(listed).toHaveLength(RECENT_FILES_CAPACITY);
    expect(listed[0]).toEqual({ id: expect.stringMatching(/^id-\d+$/), fileName: 'game-5.tpw', label: 'Documents' });
    expect(listed.map((entry) => entry.fileName).filter((name) => name === 'game-5.tpw')).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain('/home/ada');
  });

  it('resolves only ids of files still on the list', async () => {
    const { recent } = await recentIn();
    await recent.remember('/saves/a.tpw');
    const [entry] = await recent.list();
    expect(await recent.resolve(entry!.id)).toBe('/saves/a.tpw');
    await recent.forget('/saves/a.tpw');
    expect(await recent.resolve(entry!.id)).toBeUndefined();
    expect(await recent.resolve('/saves/a.tpw')).toBeUndefined();
  });

  it('survives a relaunch and ignores a damaged or hostile list', async () => {
    const { recent, make, filePath } = await recentIn();
    await Promise.all([recent.remember('/saves/a.tpw'), recent.remember('/saves/b.tpw')]);
    expect((await make().list()).map((entry) => entry.fileName)).toEqual(['b.tpw', 'a.tpw']);
    await writeFile(filePath, '{"version":1,"paths":["relative/evil.tpw","/ok.tpw"]}');
    expect((await make().list()).map((entry) => entry.fileName)).toEqual(['ok.tpw']);
    await writeFile(filePath, '{"paths":');
    expect(await make().list()).toEqual([]);
    expect(await readFile(filePath, 'utf8')).toBe('{"paths":');
  });
});
