/**
 * The app shell's loads and saves in real Chromium with a scripted host: one load at a time (Load, Continue, a file
 * opened by the OS, the menu's File > Open are refused while another runs, and the guard is released however a load
 * ends), and the host told to make an opened file current only after it loaded. Save writes to the file the game
 * belongs to without asking, or asks when it has none; Save As always asks; the file is forgotten when the game on
 * screen stops being its game (new game, Continue, quit to title), but not when another file fails to load.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtInScenarios } from '../../engine/index';
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

async function startApp(keepsCurrentFile = true) {
  let fileOpened: (file: OpenedText | { error: string }) => void = () => {};
  let menuAction: (action: MenuAction) => void = () => {};
  /** The desktop host's current file (main's currentPath), the files written by name, and its Save As dialog. */
  const host = {
    current: null as string | null,
    files: new Map<string, string>(),
    /** The name the player picks in the Save As dialog; null cancels. */
    chooseFileToSave: vi.fn((suggestedName: string): string | null => suggestedName),
  };
  const saveAs = (content: string, suggestedName: string) => {
    const chosen = host.chooseFileToSave(suggestedName);
    if (chosen !== null) host.files.set((host.current = chosen), content);
    return chosen;
  };
  const platform = {
    kind: 'electron',
    keepsCurrentFile,
    loadSettings: vi.fn(async () => defaultSettings),
    saveSettings: vi.fn(async () => defaultSettings),
    openSaveFile: vi.fn<Platform['openSaveFile']>(async () => validFile),
    confirmOpened: vi.fn<Platform['confirmOpened']>(async (file) => void (host.current = file.fileName)),
    saveFile: vi.fn(async (content: string, suggestedName: string) => (host.current === null ? saveAs(content, suggestedName) : (host.files.set(host.current, content), host.current))),
    saveFileAs: vi.fn(async (content: string, suggestedName: string) => saveAs(content, suggestedName)),
    forgetCurrentFile: vi.fn(async () => void (host.current = null)),
    writeAutosave: vi.fn(async () => {}),
    listAutosaves: vi.fn(async () => [{ id: 'a1', turn: 2 }]),
    readAutosave: vi.fn(async () => validSave),
    onMenuAction: (listener) => ((menuAction = listener), () => {}),
    onFileOpened: (listener) => ((fileOpened = listener), () => {}),
  } satisfies Platform;
  document.title = 'Tokens per Watt'; // as index.html
  const root = document.createElement('div');
  document.body.append(root);
  const app = await App.start(root, platform);
  apps.push(app);
  return { app, platform, host, root, fileOpened: (file: OpenedText) => fileOpened(file), menuAction: (action: MenuAction) => menuAction(action) };
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

describe('Save and Save As', () => {
  const scenario = builtInScenarios()[0]!;
  const suggestedName = `${scenario.scenario.id}-2024-Q1.tpw`;
  const newGame = (app: App) => app.startNewGame(scenario.scenario, scenario.hash, 7);
  const pressCtrl = (key: string) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, shiftKey: key !== key.toLowerCase(), bubbles: true, cancelable: true }));

  it('Save asks while the game belongs to no file, then writes to the chosen file without asking', async () => {
    const { app, platform, host, menuAction } = await startApp();
    newGame(app);
    expect(await announcedAfter(() => menuAction('file:save'))).toBe(`Saved as ${suggestedName}.`);
    expect(host.chooseFileToSave).toHaveBeenCalledExactlyOnceWith(suggestedName);
    expect(app.currentFileName).toBe(suggestedName);
    expect(document.title).toBe(`${suggestedName} — Tokens per Watt`);

    expect(await announcedAfter(() => pressCtrl('s'))).toBe(`Saved to ${suggestedName}.`); // the game screen's Ctrl+S
    expect(await announcedAfter(() => menuAction('file:save'))).toBe(`Saved to ${suggestedName}.`);
    expect(host.chooseFileToSave).toHaveBeenCalledTimes(1);
    expect(platform.saveFile).toHaveBeenCalledTimes(2);
    expect(JSON.parse(host.files.get(suggestedName)!)).toMatchObject({ format: 'tokens-per-watt-save', seed: 7 });
  });

  it('Save As always asks, and Save then writes to the file chosen', async () => {
    const { app, host, menuAction } = await startApp();
    expect(await app.loadGame()).toBeNull();
    expect(app.currentFileName).toBe('good.tpw');
    host.chooseFileToSave.mockReturnValueOnce('copy.tpw');
    expect(await announcedAfter(() => menuAction('file:saveAs'))).toBe('Saved as copy.tpw.');
    host.chooseFileToSave.mockReturnValueOnce('copy 2.tpw');
    expect(await announcedAfter(() => pressCtrl('S'))).toBe('Saved as copy 2.tpw.'); // the game screen's Ctrl+Shift+S
    expect(host.chooseFileToSave).toHaveBeenCalledTimes(2);
    expect(await announcedAfter(() => menuAction('file:save'))).toBe('Saved to copy 2.tpw.');
    expect(host.chooseFileToSave).toHaveBeenCalledTimes(2);
    expect([...host.files.keys()]).toEqual(['copy.tpw', 'copy 2.tpw']); // good.tpw itself never written

    host.chooseFileToSave.mockReturnValueOnce(null);
    expect(await announcedAfter(() => menuAction('file:saveAs'))).toBe('Save cancelled.');
    expect(app.currentFileName).toBe('copy 2.tpw');
  });

  it('a loaded file is where Save writes, without asking', async () => {
    const { app, host, root } = await startApp();
    expect(await app.loadGame()).toBeNull();
    root.querySelector<HTMLButtonElement>('button[aria-label="Menu"]')!.click();
    const menu = root.querySelector<HTMLDialogElement>('.menu-dialog')!;
    [...menu.querySelectorAll('button')].find((b) => b.textContent === 'Save game')!.click();
    await vi.waitFor(() => expect(menu.querySelector('[role="status"]')!.textContent).toBe('Saved to good.tpw.'));
    expect(host.chooseFileToSave).not.toHaveBeenCalled();
    expect(host.files.has('good.tpw')).toBe(true);

    // The menu's Save as… asks, and the file chosen becomes the game's.
    host.chooseFileToSave.mockReturnValueOnce('copy.tpw');
    [...menu.querySelectorAll('button')].find((b) => b.textContent === 'Save as…')!.click();
    await vi.waitFor(() => expect(menu.querySelector('[role="status"]')!.textContent).toBe('Saved as copy.tpw.'));
    expect(host.chooseFileToSave).toHaveBeenCalledOnce();
    expect(app.currentFileName).toBe('copy.tpw');
  });

  it('offers Save as… in the game menu only where Save writes back to a file', async () => {
    for (const keeps of [true, false]) {
      const { app, root } = await startApp(keeps);
      newGame(app);
      const labels = [...root.querySelectorAll('.menu-dialog button')].map((b) => b.textContent);
      expect(labels.includes('Save as…')).toBe(keeps);
      expect(labels).toContain('Save game');
      app.quitToTitle();
      root.remove();
    }
  });

  it.each([
    ['a new game', async (app: App) => newGame(app)],
    ['Continue from an autosave', async (app: App) => expect(await app.continueGame()).toBeNull()],
    ['quitting to the title and starting again', async (app: App) => (app.quitToTitle(), newGame(app))],
  ])('after %s, Save asks again instead of overwriting the last game’s file', async (_, next) => {
    const { app, host, menuAction } = await startApp();
    expect(await app.loadGame()).toBeNull();
    expect(host.current).toBe('good.tpw');
    await next(app);
    await vi.waitFor(() => expect(host.current).toBeNull()); // the host forgot it too
    expect(app.currentFileName).toBeNull();
    expect(document.title).toBe('Tokens per Watt');
    host.chooseFileToSave.mockReturnValueOnce('other.tpw');
    expect(await announcedAfter(() => menuAction('file:save'))).toBe('Saved as other.tpw.');
    expect(host.files.has('good.tpw')).toBe(false);
    expect(host.current).toBe('other.tpw');
  });

  it('a file that fails to load leaves the game on screen with its own file', async () => {
    const { app, platform, host, menuAction } = await startApp();
    expect(await app.loadGame()).toBeNull();
    platform.openSaveFile.mockResolvedValueOnce({ fileName: 'garbage.tpw', content: 'not a save', openId: 'open-2' });
    expect(await app.loadGame()).toContain('garbage.tpw cannot be opened');
    expect(app.currentFileName).toBe('good.tpw');
    expect(platform.forgetCurrentFile).not.toHaveBeenCalled();
    expect(await announcedAfter(() => menuAction('file:save'))).toBe('Saved to good.tpw.');
    expect(host.chooseFileToSave).not.toHaveBeenCalled();
  });

  it('a save still writing when the player starts another game does not make its file that game’s', async () => {
    const { app, platform, host } = await startApp();
    expect(await app.loadGame()).toBeNull();
    const write = deferred<void>();
    platform.saveFile.mockImplementationOnce(async () => (await write.promise, (host.current = 'good.tpw'))); // as main: current once written
    const saving = app.game!.saveToFile();
    newGame(app); // forgets good.tpw, but only after the save has finished
    write.resolve();
    expect(await saving).toBe('Saved to good.tpw.');
    await vi.waitFor(() => expect(platform.forgetCurrentFile).toHaveBeenCalled());
    await vi.waitFor(() => expect(host.current).toBeNull());
    expect(app.currentFileName).toBeNull();
  });
});
