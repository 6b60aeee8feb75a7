/**
 * The web build's saves in real Chromium: the IndexedDB autosave ring (10 newest, newest first), Continue falling
 * back past damaged autosaves, and the hostile-save corpus through the web load paths (file picker → session or
 * replay viewer; autosave → Continue) — each refused with its specific message, nothing stored changed. Save and
 * Save As both download (a browser cannot write a file twice), and there is no current file to forget.
 */
import { clear, createStore, del, entries, set } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeSave } from '../../engine/save';
import { openNewestAutosave } from '../../renderer/app/autosaves';
import { replayFromSaveText } from '../../renderer/app/replay';
import { sessionFromSaveText } from '../../renderer/app/saveFile';
import { AUTOSAVE_DB, AUTOSAVE_STORE, createBrowserPlatform, readPickedFile } from '../../renderer/platform/browserPlatform';
import { METADATA, playRecorded } from '../engine/save/play';
import { bytesOf, committedHostileSaves, expectAppRefuses, generatedHostileSaves, type HostileCase } from '../support/hostileSaves';

const store = createStore(AUTOSAVE_DB, AUTOSAVE_STORE);
const urls = import.meta.glob('../fixtures/saves/*.tpw', { query: '?url', import: 'default', eager: true }) as Record<string, string>;
const fetchBytes = async (file: string) => new Uint8Array(await (await fetch(urls[`../fixtures/saves/${file}`]!)).arrayBuffer());
const cases: HostileCase[] = [...(await committedHostileSaves(fetchBytes)), ...generatedHostileSaves({ oversizedBytes: 64 * 1024 * 1024 })];
const valid = (turns: number) => serializeSave(playRecorded(turns).toSave(METADATA));

beforeEach(async () => {
  await clear(store);
});

describe('IndexedDB autosave ring', () => {
  it('keeps the 10 newest autosaves, newest first, and reads them back', async () => {
    const platform = createBrowserPlatform();
    expect(await platform.listAutosaves()).toEqual([]);
    for (let turn = 1; turn <= 13; turn++) await platform.writeAutosave(turn, `{"turn":${turn}}`);
    const list = await platform.listAutosaves();
    expect(list.map((a) => a.turn)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
    expect(await platform.readAutosave(list[0]!.id)).toBe('{"turn":13}');
    expect((await entries(store)).length).toBe(10);
    // a second tab (another platform object) sees the same ring and continues its order
    await createBrowserPlatform().writeAutosave(2, '{"turn":2}');
    expect((await platform.listAutosaves()).map((a) => a.turn).slice(0, 2)).toEqual([2, 13]);
  });

  it('orders by write, not turn, and ignores keys that are not its own', async () => {
    const platform = createBrowserPlatform();
    await set('notes', 'not an autosave', store);
    await Promise.all([platform.writeAutosave(20, 'a'), platform.writeAutosave(5, 'b')]);
    expect((await platform.listAutosaves()).map((a) => a.turn)).toEqual([5, 20]);
    await expect(platform.readAutosave('notes')).rejects.toThrow('That autosave no longer exists.');
  });

  it('reports a damaged entry instead of returning it', async () => {
    const platform = createBrowserPlatform();
    await set('autosave-000000000001-t3', { not: 'text' }, store);
    await expect(platform.readAutosave('autosave-000000000001-t3')).rejects.toThrow('The autosave of turn 3 is damaged (not save text).');
  });
});

describe('Save and Save As in a browser', () => {
  it('both download the save under the suggested name, every time; forgetting the current file does nothing', async () => {
    const platform = createBrowserPlatform();
    expect(platform.keepsCurrentFile).toBe(false);
    const downloads: { name: string; content: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const link = this;
      void fetch(link.href).then(async (response) => downloads.push({ name: link.download, content: await response.text() }));
    });
    try {
      expect(await platform.saveFileAs('{"turn":1}', 'game-2024-Q1.tpw')).toBe('game-2024-Q1.tpw');
      expect(await platform.saveFile('{"turn":2}', 'game-2024-Q2.tpw')).toBe('game-2024-Q2.tpw');
      await platform.forgetCurrentFile();
      expect(await platform.saveFile('{"turn":3}', 'game-2024-Q3.tpw')).toBe('game-2024-Q3.tpw');
      await vi.waitFor(() => expect(downloads).toHaveLength(3));
      expect(downloads.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { name: 'game-2024-Q1.tpw', content: '{"turn":1}' },
        { name: 'game-2024-Q2.tpw', content: '{"turn":2}' },
        { name: 'game-2024-Q3.tpw', content: '{"turn":3}' },
      ]);
      expect(document.querySelector('a[download]')).toBeNull(); // the links are removed once clicked
    } finally {
      click.mockRestore();
    }
  });
});

describe('Continue', () => {
  it('opens the newest valid autosave and falls back past damaged ones', async () => {
    const platform = createBrowserPlatform();
    await platform.writeAutosave(2, valid(2));
    await platform.writeAutosave(3, valid(3).replace('"seed":42', '"seed":43'));
    await platform.writeAutosave(4, valid(4).slice(0, 500));
    const newest = await openNewestAutosave(platform, sessionFromSaveText);
    if (!newest.ok) throw new Error(newest.error);
    expect(newest.autosave.turn).toBe(2);
    expect(newest.opened.session.state.turn).toBe(2);
    expect(newest.skipped).toEqual([
      expect.stringMatching(/^The autosave of turn 4 cannot be opened: invalid JSON.*the file may be truncated\.$/),
      expect.stringMatching(/^The autosave of turn 3 does not replay: turn 1: the replayed state hash/),
    ]);
  });

  it('says so when no autosave can be opened, or there is none', async () => {
    const platform = createBrowserPlatform();
    expect(await openNewestAutosave(platform, sessionFromSaveText)).toEqual({ ok: false, error: 'There is no autosave yet: start a new game.' });
    await platform.writeAutosave(1, '');
    expect(await openNewestAutosave(platform, sessionFromSaveText)).toEqual({ ok: false, error: 'No autosave can be opened. The autosave of turn 1 cannot be opened: the file is empty.' });
  });
});

describe('hostile saves in the web build', () => {
  /** Everything the web build stores: the autosave ring and localStorage. */
  const snapshot = async () => JSON.stringify({ autosaves: await entries(store), local: { ...localStorage } });

  it('covers at least 30 files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: refused through the file picker, the replay viewer and Continue', async (name, c) => {
    const platform = createBrowserPlatform();
    const good = valid(1);
    await platform.writeAutosave(1, good);
    const before = await snapshot();
    const expected = c.appError ?? c.error;

    const file = 'zeroBytes' in c.content ? new File([new Uint8Array(c.content.zeroBytes)], name) : new File([bytesOf(c.content) as Uint8Array<ArrayBuffer>], name);
    const text = await expectAppRefuses(c, async () => (await readPickedFile(file)).content, (content) => sessionFromSaveText(content, name));
    if (text !== null) {
      const replay = await replayFromSaveText(text, name);
      if (name === 'pending-rejected.tpw') expect(replay.ok).toBe(true); // the viewer shows the completed turns, which verify
      else expect(replay.ok ? '' : replay.error).toContain(expected);

      // the same text as the newest autosave: Continue names what is wrong and resumes the older valid one
      await platform.writeAutosave(9, text);
      const newest = await openNewestAutosave(platform, sessionFromSaveText);
      expect(newest).toMatchObject({ ok: true, autosave: { turn: 1 }, skipped: [expect.stringContaining(expected)] });
      const [hostileId] = (await platform.listAutosaves()).map((a) => a.id);
      await del(hostileId!, store);
    }
    expect(await snapshot()).toBe(before);
  });
});
