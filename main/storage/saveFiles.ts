// Opening and saving .tpw files the player picks. Paths come only from native dialogs, the OS (double-click)
// or the recent list; the renderer never names one. The current file's path is kept here for save:save. A file read
// for opening is only pending (under an opaque openId) until the renderer confirms it loaded: a save that fails to
// parse or verify never becomes the current file (which save:save would overwrite) nor goes on the recent list.
import path from 'node:path';
import { MAX_SAVE_BYTES } from '../bridge/contract';
import type { BridgeResult, OpenFileResult, OpenedFile, SaveFileResult, SaveFileText } from '../bridge/contract';
import { fail, ok } from '../result';
import { describeFileError, formatMebibytes, quoted } from './describeFileError';
import type { FileSystem } from './fileSystem';
import type { RecentFiles } from './recentFiles';

export const SAVE_FILE_EXTENSION = '.tpw';
/** Reads awaiting confirmation that are kept; older ones (loads never confirmed, e.g. replays viewed) are dropped. */
const MAX_PENDING_OPENS = 8;

/** Native dialogs, bound to the app window by main.ts; undefined when the player cancels. */
export interface SaveDialogs {
  chooseFileToOpen(): Promise<string | undefined>;
  chooseFileToSave(suggestedFileName: string): Promise<string | undefined>;
}

export interface SaveRequest {
  content: string;
  suggestedName: string;
}

export interface SaveFiles {
  open(): Promise<BridgeResult<OpenFileResult>>;
  /** Reads a file the OS asked us to open; it stays pending until confirmOpened with the returned openId. */
  openPath(filePath: string): Promise<BridgeResult<OpenedFile>>;
  openRecent(id: string): Promise<BridgeResult<OpenFileResult>>;
  /** The file read under `openId` loaded: it becomes the current file and is remembered as recent. */
  confirmOpened(openId: string): Promise<BridgeResult<null>>;
  save(request: SaveRequest): Promise<BridgeResult<SaveFileResult>>;
  saveAs(request: SaveRequest): Promise<BridgeResult<SaveFileResult>>;
  clearCurrent(): void;
}

export interface SaveFilesOptions {
  fs: FileSystem;
  dialogs: SaveDialogs;
  recentFiles: RecentFiles;
}

/** `game` → `game.tpw`; a name already ending in .tpw (any case) is kept. */
export function withSaveFileExtension(name: string): string {
  return name.toLowerCase().endsWith(SAVE_FILE_EXTENSION) ? name : `${name}${SAVE_FILE_EXTENSION}`;
}

/** Size check before reading: an oversized or non-file path is refused without reading a byte of it. */
export async function readSaveFile(fs: FileSystem, filePath: string): Promise<BridgeResult<SaveFileText>> {
  const fileName = path.basename(filePath);
  const tooLarge = (bytes?: number) =>
    fail<SaveFileText>(`${quoted(fileName)} is ${bytes === undefined ? 'larger than 8 MiB' : formatMebibytes(bytes)}; save files are limited to 8 MiB.`);
  try {
    const stat = await fs.stat(filePath);
    if (stat === undefined) return fail(`Could not read ${quoted(fileName)}: it no longer exists.`);
    if (!stat.isFile) return fail(`Could not read ${quoted(fileName)}: it is not a file.`);
    if (stat.sizeBytes > MAX_SAVE_BYTES) return tooLarge(stat.sizeBytes);
    const read = await fs.readTextFile(filePath, MAX_SAVE_BYTES);
    if (read.kind === 'tooLarge') return tooLarge();
    if (read.kind === 'notUtf8') return fail(`${quoted(fileName)} is not a Tokens per Watt save (not UTF-8 text).`);
    return ok({ fileName, content: read.text });
  } catch (error) {
    return fail(describeFileError(error, quoted(fileName), 'read'));
  }
}

export function createSaveFiles({ fs, dialogs, recentFiles }: SaveFilesOptions): SaveFiles {
  let currentPath: string | undefined;
  /** openId → path of files read but not yet confirmed as loaded; insertion order is age. */
  const pendingOpens = new Map<string, string>();
  let openCount = 0;

  async function openPath(filePath: string): Promise<BridgeResult<OpenedFile>> {
    const result = await readSaveFile(fs, filePath);
    if (!result.ok) return result;
    const openId = `open-${++openCount}`;
    pendingOpens.set(openId, filePath);
    for (const stale of [...pendingOpens.keys()].slice(0, -MAX_PENDING_OPENS)) pendingOpens.delete(stale);
    return ok({ ...result.value, openId });
  }

  async function confirmOpened(openId: string): Promise<BridgeResult<null>> {
    const filePath = pendingOpens.get(openId);
    if (filePath === undefined) {
      // The game on screen came from a file we can no longer name: a later save:save must ask, not overwrite another.
      currentPath = undefined;
      return fail('That opened file is no longer known; Save will ask where to save.');
    }
    pendingOpens.delete(openId);
    currentPath = filePath;
    await recentFiles.remember(filePath);
    return ok(null);
  }

  async function writeTo(filePath: string, content: string): Promise<BridgeResult<SaveFileResult>> {
    const fileName = path.basename(filePath);
    try {
      await fs.writeTextFileAtomically(filePath, content);
    } catch (error) {
      return fail(describeFileError(error, quoted(fileName), 'write'));
    }
    currentPath = filePath;
    await recentFiles.remember(filePath);
    return ok({ canceled: false, fileName });
  }

  async function saveAs({ content, suggestedName }: SaveRequest): Promise<BridgeResult<SaveFileResult>> {
    const chosen = await dialogs.chooseFileToSave(withSaveFileExtension(suggestedName));
    if (chosen === undefined) return ok({ canceled: true });
    const target = withSaveFileExtension(chosen);
    // The dialog confirmed overwriting `chosen`, not the name we extended it to: never replace that silently.
    if (target !== chosen && (await fs.stat(target)) !== undefined) {
      return fail(`${quoted(path.basename(target))} already exists; choose it in Save As to replace it.`);
    }
    return writeTo(target, content);
  }

  const asOpenFileResult = (result: BridgeResult<OpenedFile>): BridgeResult<OpenFileResult> =>
    result.ok ? ok({ canceled: false, ...result.value }) : result;

  return {
    async open() {
      const chosen = await dialogs.chooseFileToOpen();
      return chosen === undefined ? ok({ canceled: true }) : asOpenFileResult(await openPath(chosen));
    },
    openPath,
    async openRecent(id) {
      const filePath = await recentFiles.resolve(id);
      if (filePath === undefined) return fail('That recent file is no longer on the list; refresh it.');
      const result = await openPath(filePath);
      if (!result.ok && (await fs.stat(filePath).catch(() => undefined)) === undefined) await recentFiles.forget(filePath);
      return asOpenFileResult(result);
    },
    confirmOpened,
    save: (request) => (currentPath === undefined ? saveAs(request) : writeTo(currentPath, request.content)),
    saveAs,
    clearCurrent: () => {
      currentPath = undefined;
    },
  };
}
