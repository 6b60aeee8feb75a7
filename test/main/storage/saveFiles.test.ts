import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { nodeFileSystem } from '../../../main/storage/fileSystem';
import type { FileSystem } from '../../../main/storage/fileSystem';
import { createRecentFiles } from '../../../main/storage/recentFiles';
import { createSaveFiles, readSaveFile } from '../../../main/storage/saveFiles';
import type { SaveDialogs } from '../../../main/storage/saveFiles';
import { OPEN_ID_PATTERN } from '../../../main/bridge/contract';
import type { BridgeResult } from '../../../main/bridge/contract';
import { makeTempDir } from '../tempDir';

/** The openId of a successful open (fails the test otherwise). */
function openIdOf(result: BridgeResult<{ canceled: true } | { openId: string }>): string {
  if (!result.ok || !('openId' in result.value)) throw new Error(`expected an opened file, got ${JSON.stringify(result)}`);
  return result.value.openId;
}

async function setUp(fs: FileSystem = nodeFileSystem) {
  const dir = await makeTempDir();
  const dialogs = {
    chooseFileToOpen: vi.fn<SaveDialogs['chooseFileToOpen']>(async () => undefined),
    chooseFileToSave: vi.fn<SaveDialogs['chooseFileToSave']>(async () => undefined),
  };
  const recentFiles = createRecentFiles({ fs: nodeFileSystem, filePath: path.join(dir, 'recent.json'), logWarning: () => {} });
  return { dir, dialogs, recentFiles, saves: createSaveFiles({ fs, dialogs, recentFiles }) };
}

describe('readSaveFile', () => {
  it('refuses a file over 8 MiB from its size alone, before reading it', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'huge.tpw');
    await writeFile(file, '');
    await truncate(file, 9 * 1024 * 1024);
    const readTextFile = vi.fn(nodeFileSystem.readTextFile);
    const result = await readSaveFile({ ...nodeFileSystem, readTextFile }, file);
    expect(result).toEqual({ ok: false, error: '“huge.tpw” is 9.0 MiB; save files are limited to 8 MiB.' });
    expect(readTextFile).not.toHaveBeenCalled();
  });

  it('refuses folders, missing files and non-UTF-8 bytes with a clear message', async () => {
    const dir = await makeTempDir();
    expect(await readSaveFile(nodeFileSystem, dir)).toMatchObject({ ok: false, error: expect.stringContaining('not a file') });
    expect(await readSaveFile(nodeFileSystem, path.join(dir, 'gone.tpw'))).toMatchObject({ ok: false, error: expect.stringContaining('no longer exists') });
    await writeFile(path.join(dir, 'bin.tpw'), Buffer.from([0xc3, 0x28]));
    expect(await readSaveFile(nodeFileSystem, path.join(dir, 'bin.tpw'))).toMatchObject({ ok: false, error: expect.stringContaining('not UTF-8') });
  });
});

describe('save files', () => {
  it('returns canceled when the player closes a dialog', async () => {
    const { saves } = await setUp();
    expect(await saves.open()).toEqual({ ok: true, value: { canceled: true } });
    expect(await saves.saveAs({ content: '{}', suggestedName: 'x' })).toEqual({ ok: true, value: { canceled: true } });
  });

  it('opens a file, and once the renderer confirms it loaded saves back to it without asking, and remembers it', async () => {
    const { dir, dialogs, saves, recentFiles } = await setUp();
    const file = path.join(dir, 'campaign.tpw');
    await writeFile(file, '{"turn":1}');
    dialogs.chooseFileToOpen.mockResolvedValueOnce(file);
    const opened = await saves.open();
    expect(opened).toEqual({ ok: true, value: { canceled: false, fileName: 'campaign.tpw', content: '{"turn":1}', openId: expect.stringMatching(OPEN_ID_PATTERN) } });
    expect(await recentFiles.list()).toEqual([]); // read is not loaded: nothing remembered yet
    expect(await saves.confirmOpened(openIdOf(opened))).toEqual({ ok: true, value: null });
    expect(await saves.save({ content: '{"turn":2}', suggestedName: 'ignored' })).toEqual({ ok: true, value: { canceled: false, fileName: 'campaign.tpw' } });
    expect(dialogs.chooseFileToSave).not.toHaveBeenCalled();
    expect(await readFile(file, 'utf8')).toBe('{"turn":2}');
    expect((await recentFiles.list()).map((entry) => entry.fileName)).toEqual(['campaign.tpw']);
  });

  it('a file read but never confirmed (its save failed to load) is neither current nor remembered', async () => {
    const { dir, dialogs, saves, recentFiles } = await setUp();
    const garbage = path.join(dir, 'garbage.tpw');
    await writeFile(garbage, 'not a save');
    dialogs.chooseFileToOpen.mockResolvedValueOnce(garbage);
    expect(await saves.open()).toMatchObject({ ok: true, value: { fileName: 'garbage.tpw' } });
    expect(await saves.openPath(garbage)).toMatchObject({ ok: true, value: { fileName: 'garbage.tpw' } }); // OS double-click
    expect(await recentFiles.list()).toEqual([]);
    dialogs.chooseFileToSave.mockResolvedValueOnce(path.join(dir, 'elsewhere.tpw'));
    expect(await saves.save({ content: '{"turn":9}', suggestedName: 'x' })).toEqual({ ok: true, value: { canceled: false, fileName: 'elsewhere.tpw' } });
    expect(dialogs.chooseFileToSave).toHaveBeenCalledTimes(1); // no current file: Save asked instead of writing garbage.tpw
    expect(await readFile(garbage, 'utf8')).toBe('not a save');
  });

  it('a second open that is not confirmed leaves the first file current', async () => {
    const { dir, dialogs, saves, recentFiles } = await setUp();
    const first = path.join(dir, 'first.tpw');
    const second = path.join(dir, 'second.tpw');
    await writeFile(first, '{"first":1}');
    await writeFile(second, '{"second":1}');
    dialogs.chooseFileToOpen.mockResolvedValueOnce(first).mockResolvedValueOnce(second);
    expect(await saves.confirmOpened(openIdOf(await saves.open()))).toMatchObject({ ok: true });
    expect(await saves.open()).toMatchObject({ ok: true, value: { fileName: 'second.tpw' } }); // its load fails or is cancelled
    expect(await saves.save({ content: '{"first":2}', suggestedName: 'x' })).toEqual({ ok: true, value: { canceled: false, fileName: 'first.tpw' } });
    expect(await readFile(first, 'utf8')).toBe('{"first":2}');
    expect(await readFile(second, 'utf8')).toBe('{"second":1}');
    expect((await recentFiles.list()).map((entry) => entry.fileName)).toEqual(['first.tpw']);
  });

  it('confirms the file each openId names, even when another was read meanwhile', async () => {
    const { dir, saves, recentFiles } = await setUp();
    const [a, b] = [path.join(dir, 'a.tpw'), path.join(dir, 'b.tpw')];
    await writeFile(a, 'a');
    await writeFile(b, 'b');
    const openedA = await saves.openPath(a);
    await saves.openPath(b); // e.g. an OS double-click the renderer refused while a.tpw was loading
    expect(await saves.confirmOpened(openIdOf(openedA))).toMatchObject({ ok: true });
    await saves.save({ content: 'a2', suggestedName: 'x' });
    expect(await readFile(a, 'utf8')).toBe('a2');
    expect(await readFile(b, 'utf8')).toBe('b');
    expect((await recentFiles.list()).map((entry) => entry.fileName)).toEqual(['a.tpw']);
  });

  it('refuses an unknown openId and forgets the current file rather than overwrite it with another game', async () => {
    const { dir, dialogs, saves, recentFiles } = await setUp();
    const file = path.join(dir, 'kept.tpw');
    await writeFile(file, 'kept');
    const opened = await saves.openPath(file);
    expect(await saves.confirmOpened(openIdOf(opened))).toMatchObject({ ok: true });
    expect(await saves.confirmOpened(openIdOf(opened))).toMatchObject({ ok: false, error: expect.stringContaining('no longer known') }); // used up
    expect(await saves.confirmOpened('open-999')).toMatchObject({ ok: false });
    await saves.save({ content: 'other game', suggestedName: 'x' });
    expect(dialogs.chooseFileToSave).toHaveBeenCalledTimes(1);
    expect(await readFile(file, 'utf8')).toBe('kept');
    expect((await recentFiles.list()).map((entry) => entry.fileName)).toEqual(['kept.tpw']);
  });

  it('without a current file, save asks like Save As and adds the .tpw extension', async () => {
    const { dir, dialogs, saves } = await setUp();
    dialogs.chooseFileToSave.mockResolvedValueOnce(path.join(dir, 'my game'));
    expect(await saves.save({ content: '{}', suggestedName: 'Inference first' })).toEqual({ ok: true, value: { canceled: false, fileName: 'my game.tpw' } });
    expect(dialogs.chooseFileToSave).toHaveBeenCalledWith('Inference first.tpw');
    expect(await readFile(path.join(dir, 'my game.tpw'), 'utf8')).toBe('{}');
  });

  it('never silently replaces a file the dialog did not confirm', async () => {
    const { dir, dialogs, saves } = await setUp();
    await writeFile(path.join(dir, 'keep.tpw'), 'precious');
    dialogs.chooseFileToSave.mockResolvedValueOnce(path.join(dir, 'keep'));
    expect(await saves.saveAs({ content: 'new', suggestedName: 'keep' })).toMatchObject({ ok: false, error: expect.stringContaining('already exists') });
    expect(await readFile(path.join(dir, 'keep.tpw'), 'utf8')).toBe('precious');
  });

  it('after clearCurrent (new game) save asks for a path again', async () => {
    const { dir, dialogs, saves } = await setUp();
    dialogs.chooseFileToSave.mockResolvedValue(path.join(dir, 'a.tpw'));
    await saves.saveAs({ content: '1', suggestedName: 'a' });
    saves.clearCurrent();
    await saves.save({ content: '2', suggestedName: 'b' });
    expect(dialogs.chooseFileToSave).toHaveBeenCalledTimes(2);
  });

  it('a failed write is an error value and the old save stays intact', async () => {
    const failing: FileSystem = {
      ...nodeFileSystem,
      writeTextFileAtomically: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    const { dir, dialogs, saves } = await setUp(failing);
    const file = path.join(dir, 'round1.tpw');
    await writeFile(file, 'old save');
    dialogs.chooseFileToOpen.mockResolvedValueOnce(file);
    await saves.confirmOpened(openIdOf(await saves.open()));
    expect(await saves.save({ content: 'new save', suggestedName: 'x' })).toEqual({
      ok: false,
      error: 'Could not write “round1.tpw”: permission was denied.',
    });
    expect(await readFile(file, 'utf8')).toBe('old save');
  });

  it('a recent file opened but not confirmed does not become current', async () => {
    const { dir, dialogs, saves, recentFiles } = await setUp();
    const file = path.join(dir, 'recent.tpw');
    await writeFile(file, 'tampered');
    await recentFiles.remember(file);
    const [entry] = await recentFiles.list();
    expect(await saves.openRecent(entry!.id)).toMatchObject({ ok: true, value: { fileName: 'recent.tpw' } });
    await saves.save({ content: 'new game', suggestedName: 'x' });
    expect(dialogs.chooseFileToSave).toHaveBeenCalledTimes(1);
    expect(await readFile(file, 'utf8')).toBe('tampered');
  });

  it('opens recent files by id and forgets ones that disappeared', async () => {
    const { dir, saves, recentFiles } = await setUp();
    const file = path.join(dir, 'r.tpw');
    await writeFile(file, '{"r":1}');
    await recentFiles.remember(file);
    const [entry] = await recentFiles.list();
    expect(await saves.openRecent(entry!.id)).toEqual({ ok: true, value: { canceled: false, fileName: 'r.tpw', content: '{"r":1}', openId: expect.stringMatching(OPEN_ID_PATTERN) } });
    await rm(file);
    expect(await saves.openRecent(entry!.id)).toMatchObject({ ok: false, error: expect.stringContaining('no longer exists') });
    expect(await recentFiles.list()).toEqual([]);
    expect(await saves.openRecent('made-up-id')).toMatchObject({ ok: false });
  });
});
