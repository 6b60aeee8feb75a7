/**
 * The hostile-save corpus through the desktop app's load paths, in Node (no Electron binary here): the real main
 * stack (dialogs → saveFiles → IPC validation → bridge) under the renderer's Electron platform, then the renderer's
 * load (sessionFromSaveText) — for Open and for Continue with the file as the newest autosave. Each is refused with
 * its specific message; the autosaves folder and the documents folder are unchanged afterwards, and so are the recent
 * files and the current file (where Save writes): a file that does not load is never confirmed as opened.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBridgeApi } from '../../main/bridge/buildBridgeApi';
import type { InvokeChannel } from '../../main/bridge/contract';
import { autosaveId } from '../../main/storage/autosaveRing';
import { serializeSave } from '../../engine/save';
import { openNewestAutosave } from '../../renderer/app/autosaves';
import { sessionFromSaveText } from '../../renderer/app/saveFile';
import { createElectronPlatform } from '../../renderer/platform/electronPlatform';
import type { OpenedText } from '../../renderer/platform/Platform';
import { METADATA, playRecorded } from '../engine/save/play';
import { bytesOf, committedHostileSaves, expectAppRefuses, generatedHostileSaves } from '../support/hostileSaves';
import { bridgeOverRealFiles } from './bridgeOverRealFiles';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/saves');
const cases = [...(await committedHostileSaves((file) => readFileSync(path.join(FIXTURES, file)))), ...generatedHostileSaves()];

/** Names, sizes, times and (for files under 64 MiB) content hashes of every file in the folders. */
function snapshot(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const { size, mtimeMs } = statSync(file);
        const digest = size < 64 * 1024 * 1024 ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'large';
        return `${file} ${size} ${mtimeMs} ${digest}`;
      })
      .sort(),
  );
}

describe('hostile saves in the desktop app', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tpw-hostile-desktop-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const folders = { userData: path.join(root, 'Tokens per Watt'), documents: path.join(root, 'Documents') };
  for (const dir of Object.values(folders)) mkdirSync(dir);
  const { userData, documents, dialogs, invoke } = await bridgeOverRealFiles(folders);
  const bridge = buildBridgeApi({ invoke: (channel, ...args) => invoke(channel as InvokeChannel, ...args), on: () => undefined });
  const platform = createElectronPlatform(bridge);
  await platform.writeAutosave(1, serializeSave(playRecorded(1).toSave(METADATA)));
  const autosaves = path.join(userData, 'autosaves');
  for (const c of cases) {
    const file = path.join(documents, c.name);
    if ('zeroBytes' in c.content) {
      writeFileSync(file, '');
      truncateSync(file, c.content.zeroBytes); // sparse: instant, takes no disk
    } else writeFileSync(file, bytesOf(c.content));
  }
  const before = snapshot(autosaves, documents);

  // the game the player had open before trying the hostile files: the current file and the only recent one
  const keptGame = serializeSave(playRecorded(2).toSave(METADATA));
  const kept = path.join(root, 'Kept', 'kept.tpw');
  mkdirSync(path.dirname(kept));
  writeFileSync(kept, keptGame);
  dialogs.chooseFileToOpen.mockResolvedValueOnce(kept);
  const keptFile = (await platform.openSaveFile())!;
  expect((await sessionFromSaveText(keptFile.content, keptFile.fileName)).ok).toBe(true);
  await platform.confirmOpened(keptFile);
  const recentBefore = await invoke('recent:list');
  expect(recentBefore).toMatchObject({ ok: true, value: [{ fileName: 'kept.tpw' }] });

  it.each(cases.map((c) => [c.name, c] as const))('%s', { timeout: 20_000 }, async (name, c) => {
    const expected = c.appError ?? c.error;
    dialogs.chooseFileToOpen.mockResolvedValueOnce(path.join(documents, name));
    let file: OpenedText | null = null;
    await expectAppRefuses(
      c,
      async () => (file = (await platform.openSaveFile())!).content,
      async (content) => {
        const loaded = await sessionFromSaveText(content, name);
        if (loaded.ok) await platform.confirmOpened(file!); // as App does after a load; never for a hostile file
        return loaded;
      },
    );
    expect(await invoke('recent:list')).toEqual(recentBefore);
    expect(await invoke('save:save', { content: keptGame, suggestedName: 'ignored' })).toEqual({ ok: true, value: { canceled: false, fileName: 'kept.tpw' } });
    expect(dialogs.chooseFileToSave).not.toHaveBeenCalled();

    // the same bytes as the newest autosave (a damaged one, not empty: the ring itself drops empty files)
    if ('zeroBytes' in c.content || bytesOf(c.content).length === 0) return;
    const damaged = path.join(autosaves, autosaveId(Date.now() + 86_400_000, 0, 9));
    writeFileSync(damaged, bytesOf(c.content));
    try {
      const newest = await openNewestAutosave(platform, sessionFromSaveText);
      expect(newest).toMatchObject({ ok: true, autosave: { turn: 1 }, skipped: [expect.stringContaining(expected)] });
    } finally {
      rmSync(damaged, { force: true });
    }
  });

  it('changed nothing in the autosaves or documents folders', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(snapshot(autosaves, documents)).toEqual(before);
  });
});
