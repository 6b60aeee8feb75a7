import { readFile, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../main/bridge/contract';
import { nodeFileSystem } from '../../../main/storage/fileSystem';
import type { FileSystem } from '../../../main/storage/fileSystem';
import { createSettingsStore, parseStoredSettings } from '../../../main/storage/settingsStore';
import { makeTempDir } from '../tempDir';

async function storeIn(fs: FileSystem = nodeFileSystem) {
  const dir = await makeTempDir();
  const filePath = path.join(dir, 'settings.json');
  const logWarning = vi.fn();
  return { dir, filePath, logWarning, store: createSettingsStore({ fs, filePath, logWarning }) };
}

describe('settings store', () => {
  it('starts from defaults without creating a file', async () => {
    const { dir, store } = await storeIn();
    expect(await store.get()).toEqual(defaultSettings);
    expect(await readdir(dir)).toEqual([]);
  });

  it('persists changes for the next launch', async () => {
    const { filePath, store } = await storeIn();
    await store.update({ uiScale: 1.25, keyBindings: { 'turn.end': 'Ctrl+E' } });
    const relaunched = createSettingsStore({ fs: nodeFileSystem, filePath });
    expect(await relaunched.get()).toEqual({ ...defaultSettings, uiScale: 1.25, keyBindings: { 'turn.end': 'Ctrl+E' } });
  });

  it.each([
    ['truncated JSON', '{"version":1,"settings":{"uiSca'],
    ['not JSON at all', '\u0000\u0001garbage'],
    ['prototype poisoning', '{"version":1,"settings":{"__proto__":{"uiScale":2}}}'],
    ['an array', '[1,2,3]'],
    ['no settings object', '{"version":1}'],
  ])('falls back to defaults on %s and leaves the file untouched until a setting changes', async (_name, text) => {
    const { filePath, store, logWarning } = await storeIn();
    await writeFile(filePath, text);
    expect(await store.get()).toEqual(defaultSettings);
    expect(await readFile(filePath, 'utf8')).toBe(text);
    expect(logWarning).toHaveBeenCalled();
    await store.update({ reducedMotion: true });
    expect(JSON.parse(await readFile(filePath, 'utf8'))).toEqual({ version: 1, settings: { ...defaultSettings, reducedMotion: true } });
  });

  it('keeps the valid fields of a partly damaged file', () => {
    const { settings, damaged } = parseStoredSettings(
      JSON.stringify({ version: 1, settings: { uiScale: 1.5, palette: 'neon', reducedMotion: true, keyBindings: { 'turn.end': 7 } } }),
    );
    expect(damaged).toBe(true);
    expect(settings).toEqual({ uiScale: 1.5, palette: 'default', reducedMotion: true, keyBindings: {} });
  });

  it('never lets an explicit undefined erase a stored value', async () => {
    const { store } = await storeIn();
    await store.update({ palette: 'colorblind' });
    expect(await store.update({ palette: undefined, uiScale: 2 })).toEqual({ ok: true, value: { ...defaultSettings, palette: 'colorblind', uiScale: 2 } });
  });

  it('applies quick successive changes in order, losing none', async () => {
    const { store, filePath } = await storeIn();
    await Promise.all([store.update({ uiScale: 1.5 }), store.update({ palette: 'colorblind' }), store.update({ reducedMotion: true })]);
    const expected = { ...defaultSettings, uiScale: 1.5, palette: 'colorblind', reducedMotion: true };
    expect(await store.get()).toEqual(expected);
    expect(JSON.parse(await readFile(filePath, 'utf8')).settings).toEqual(expected);
  });

  it('on a failed write returns an error and keeps both the file and the settings in use', async () => {
    const failing: FileSystem = {
      ...nodeFileSystem,
      writeTextFileAtomically: async () => {
        throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
      },
    };
    const { filePath, store } = await storeIn(failing);
    const stored = `${JSON.stringify({ version: 1, settings: { ...defaultSettings, uiScale: 1.5 } })}\n`;
    await writeFile(filePath, stored);
    expect(await store.update({ uiScale: 2 })).toEqual({ ok: false, error: 'Could not write the settings file: the disk is read-only.' });
    expect((await store.get()).uiScale).toBe(1.5);
    expect(await readFile(filePath, 'utf8')).toBe(stored);
  });
});
