// recent-files.json under userData: the last opened or saved files. Paths never leave main; the renderer gets
// opaque ids that are valid only for paths currently on the list.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import secureJsonParse from 'secure-json-parse';
import { z } from 'zod';
import type { RecentFileEntry } from '../bridge/contract';
import type { FileSystem } from './fileSystem';
import { createSerialQueue } from './serialQueue';

const RECENT_FILES_FORMAT_VERSION = 1;
export const RECENT_FILES_CAPACITY = 10;
const MAX_RECENT_FILES_BYTES = 128 * 1024;
const storedRecentFilesSchema = z.object({
  paths: z.array(z.string().min(1).max(4096)).max(100),
});

export interface RecentFiles {
  list(): Promise<RecentFileEntry[]>;
  /** The path behind an id from list(), if that path is still on the list. */
  resolve(id: string): Promise<string | undefined>;
  /** Moves a file to the top (after it was opened or saved). Never throws: a failed write only loses history. */
  remember(filePath: string): Promise<void>;
  forget(filePath: string): Promise<void>;
}

export interface RecentFilesOptions {
  fs: FileSystem;
  filePath: string;
  newId?: () => string;
  logWarning?: (message: string) => void;
}

export function createRecentFiles({ fs, filePath, newId = randomUUID, logWarning = console.warn }: RecentFilesOptions): RecentFiles {
  const serially = createSerialQueue();
  const idByPath = new Map<string, string>();
  let loaded: Promise<string[]> | undefined;
  const paths = (): Promise<string[]> => (loaded ??= loadPaths(fs, filePath, logWarning));
  const idFor = (filePath: string): string => {
    let id = idByPath.get(filePath);
    if (id === undefined) {
      id = newId();
      idByPath.set(filePath, id);
    }
    return id;
  };
  /** Read-modify-write in one queued step, so two quick saves both land on the list. */
  const update = (change: (current: string[]) => string[]): Promise<void> =>
    serially(async () => {
      const next = change(await paths());
      loaded = Promise.resolve(next);
      try {
        await fs.writeTextFileAtomically(filePath, `${JSON.stringify({ version: RECENT_FILES_FORMAT_VERSION, paths: next }, null, 2)}\n`);
      } catch (error) {
        logWarning(`[recent] cannot write ${filePath}: ${String(error)}`);
      }
    });

  return {
    list: async () =>
      (await paths()).map((p) => ({ id: idFor(p), fileName: path.basename(p), label: path.basename(path.dirname(p)) })),
    resolve: async (id) => (await paths()).find((p) => idByPath.get(p) === id),
    remember: (saved) => update((current) => [saved, ...current.filter((p) => p !== saved)].slice(0, RECENT_FILES_CAPACITY)),
    forget: (gone) => update((current) => current.filter((p) => p !== gone)),
  };
}

async function loadPaths(fs: FileSystem, filePath: string, logWarning: (message: string) => void): Promise<string[]> {
  try {
    if ((await fs.stat(filePath)) === undefined) return [];
    const read = await fs.readTextFile(filePath, MAX_RECENT_FILES_BYTES);
    if (read.kind !== 'text') throw new Error(read.kind);
    const stored = storedRecentFilesSchema.parse(secureJsonParse(read.text, null, { protoAction: 'error', constructorAction: 'error' }));
    return stored.paths.filter((p) => path.isAbsolute(p)).slice(0, RECENT_FILES_CAPACITY);
  } catch (error) {
    logWarning(`[recent] ignoring unreadable ${filePath}: ${String(error)}`);
    return [];
  }
}
