/**
 * The app shell's loads in real Chromium with a scripted host: one load at a time (Load, Continue, a file opened by
 * the OS, the menu's File > Open are refused while another runs, and the guard is released however a load ends), and
 * the host told to make an opened file current only after it loaded.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serializeSave } from '../../engine/save';
import { App, LOAD_BUSY_MESSAGE } from '../../renderer/app/App';
import type { MenuAction, OpenedText, Platform } from '../../renderer/platform/Platform';
import { defaultSettings } from '../../main/bridge/contract';
import { METADATA, playRecorded } from '../engine/save/play';

const validSave = serializeSave(playRecorded(2).toSave(METADATA));
const validFile: OpenedText = { fileName: 'good.tpw', content: validSave, openId: 'open-1' };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

async function startApp() {
  let fileOpened: (file: OpenedText | { error: string }) => void = () => {};
  let menuAction: (action: MenuAction) => void = () => {};
  const platform = {
    kind: 'browser',
    loadSettings: vi.fn(async () => defaultSettings),
    saveSettings: vi.fn(async () => defaultSettings),
    openSaveFile: vi.fn<Platform['openSaveFile']>(async () => validFile),
    confirmOpened: vi.fn<Platform['confirmOpened']>(async () => {}),
    saveFileAs: vi.fn(async () => null),
    writeAutosave: vi.fn(async () => {}),
    listAutosaves: vi.fn(async () => [{ id: 'a1', turn: 2 }]),
    readAutosave: vi.fn(async () => validSave),
    onMenuAction: (listener) => ((menuAction = listener), () => {}),
    onFileOpened: (listener) => ((fileOpened = listener), () => {}),
  } satisfies Platform;
  const root = document.createElement('div');
  document.body.append(root);
  const app = await App.start(root, platform);
  apps.push(app);
  return { app, platform, root, fileOpened: (file: OpenedText) => fileOpened(file), menuAction: (action: MenuAction) => menuAction(action) };
}

/** Holds a load open until `finish` resolves it (as a long verification would). */
function holdALoad(app: App) {
  const load = deferred<{ ok: true } | { ok: false; error: string }>();
  const running = app.withLoadProgress(() => load.promise);
  return { running, finish: load.resolve, fail: load.reject };
}

/** Runs `act` on a cleared announcer and waits for what the app announces. */
async function announcedAfter(act: () => void): Promise<string> {
  const announcer = document.getElementById('app-announcer')!;
  announcer.textContent = '';
  act();
  await vi.waitFor(() => expect(announcer.textContent).not.toBe(''));
  return announcer.textContent;
}

const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.quitToTitle();
  document.body.replaceChildren();
});

describe('one load at a time', () => {
  it('refuses Load, Continue, File > Open and an OS-opened file while a load runs, then loads again', async () => {
    const { app, platform, root, fileOpened, menuAction } = await startApp();
    const held = holdALoad(app);

    expect(await app.loadGame()).toBe(LOAD_BUSY_MESSAGE);
    expect(platform.openSaveFile).not.toHaveBeenCalled(); // refused before the dialog, not after the pick
    expect(await app.continueGame()).toBe(LOAD_BUSY_MESSAGE);
    expect(platform.readAutosave).not.toHaveBeenCalled();
    root.querySelectorAll<HTMLButtonElement>('.title-menu button')[2]!.click(); // Load on the title screen
    await vi.waitFor(() => expect(root.querySelector('.title-message')!.textContent).toBe(LOAD_BUSY_MESSAGE));
    expect(await announcedAfter(() => menuAction('file:open'))).toBe(LOAD_BUSY_MESSAGE);
    expect(await announcedAfter(() => fileOpened(validFile))).toBe(LOAD_BUSY_MESSAGE);
    expect(platform.openSaveFile).not.toHaveBeenCalled();
    expect(platform.confirmOpened).not.toHaveBeenCalled();
    expect(app.currentScreen).toBe('title');

    held.finish({ ok: false, error: 'the held load ended' });
    expect(await held.running).toEqual({ ok: false, error: 'the held load ended' });
    expect(await app.loadGame()).toBeNull();
    expect(app.currentScreen).toBe('game');
    expect(platform.confirmOpened).toHaveBeenCalledExactlyOnceWith(validFile);
  });

  it('of two quick Load clicks, one loads and the other is refused', async () => {
    const { app, platform } = await startApp();
    const results = await Promise.all([app.loadGame(), app.loadGame()]);
    expect(results.sort()).toEqual([LOAD_BUSY_MESSAGE, null].sort());
    expect(app.currentScreen).toBe('game');
    expect(platform.confirmOpened).toHaveBeenCalledTimes(1);
  });

  it('releases the guard when a load throws, is cancelled or fails', async () => {
    const { app, platform } = await startApp();
    const throwing = holdALoad(app);
    throwing.fail(new Error('boom'));
    await expect(throwing.running).rejects.toThrow('boom');
    expect(app.loadBusyMessage).toBeNull();

    // Cancel on the progress indicator: the load resolves as cancelled
    const cancelled = app.withLoadProgress(async (listener) => {
      await new Promise<void>((resolve) => listener.signal!.addEventListener('abort', () => resolve()));
      return { ok: false as const, error: 'Loading was cancelled.', cancelled: true };
    });
    expect(app.loadBusyMessage).toBe(LOAD_BUSY_MESSAGE);
    await vi.waitFor(() => expect(document.querySelector('.load-progress button')).not.toBeNull());
    document.querySelector<HTMLButtonElement>('.load-progress button')!.click();
    expect(await cancelled).toMatchObject({ ok: false, cancelled: true });
    expect(app.loadBusyMessage).toBeNull();

    platform.openSaveFile.mockResolvedValueOnce({ fileName: 'garbage.tpw', content: 'not a save', openId: 'open-2' });
    expect(await app.loadGame()).toContain('garbage.tpw cannot be opened');
    expect(app.loadBusyMessage).toBeNull();
    expect(platform.confirmOpened).not.toHaveBeenCalled(); // a failed load is never made the current file

    expect(await app.continueGame()).toBeNull(); // Continue: loads, but an autosave is not an opened file
    expect(app.currentScreen).toBe('game');
    expect(platform.confirmOpened).not.toHaveBeenCalled();
  });
});
