// userData/autosaves/: a ring of the newest autosaves. The file name is the id and encodes write order and turn,
// so listing needs no index file. Foreign files are left alone; our own damaged files and stale temp files are
// removed; everything beyond the capacity is removed, oldest first.
import path from 'node:path';
import { AUTOSAVE_CAPACITY, AUTOSAVE_ID_PATTERN, MAX_SAVE_BYTES } from '../bridge/contract';
import type { AutosaveContent, AutosaveEntry, BridgeResult } from '../bridge/contract';
import { fail, ok } from '../result';
import { describeFileError } from './describeFileError';
import type { FileSystem } from './fileSystem';
import { createSerialQueue } from './serialQueue';

/** write-file-atomic's temp name: target + "." + a number. Stale ones are left by a crash mid-write. */
const TEMP_FILE_PATTERN = /^autosave-\d{13}-\d{3}-t\d{1,7}\.tpw\.\d+$/;
const MAX_SEQUENCE = 999;

export interface AutosaveRing {
  write(turn: number, content: string): Promise<BridgeResult<AutosaveEntry>>;
  /** Newest first. */
  list(): Promise<BridgeResult<AutosaveEntry[]>>;
  read(id: string): Promise<BridgeResult<AutosaveContent>>;
}

export interface AutosaveRingOptions {
  fs: FileSystem;
  dir: string;
  /** Wall clock in ms since epoch (injected for tests). */
  now?: () => number;
  capacity?: number;
  logWarning?: (message: string) => void;
}

interface RingFile {
  entry: AutosaveEntry;
  writtenMs: number;
  sequence: number;
}

export function parseAutosaveId(id: string): { writtenMs: number; sequence: number; turn: number } | undefined {
  const match = AUTOSAVE_ID_PATTERN.exec(id);
  if (match === null) return undefined;
  return { writtenMs: Number(match[1]), sequence: Number(match[2]), turn: Number(match[3]) };
}

export function autosaveId(writtenMs: number, sequence: number, turn: number): string {
  return `autosave-${String(writtenMs).padStart(13, '0')}-${String(sequence).padStart(3, '0')}-t${turn}.tpw`;
}

export function createAutosaveRing({
  fs,
  dir,
  now = Date.now,
  capacity = AUTOSAVE_CAPACITY,
  logWarning = console.warn,
}: AutosaveRingOptions): AutosaveRing {
  const serially = createSerialQueue(); // also keeps list() from removing the temp file of a write in progress

  /** Our valid files, newest first, after removing damaged and surplus ones. */
  async function scanAndCollect(): Promise<RingFile[]> {
    const files: RingFile[] = [];
    for (const name of await fs.listFileNames(dir)) {
      const fullPath = path.join(dir, name);
      if (TEMP_FILE_PATTERN.test(name)) {
        await removeQuietly(fullPath);
        continue;
      }
      const parsed = parseAutosaveId(name);
      if (parsed === undefined) continue; // not ours: never touched
      const stat = await fs.stat(fullPath);
      if (stat === undefined || !stat.isFile) continue;
      if (stat.sizeBytes === 0 || stat.sizeBytes > MAX_SAVE_BYTES) {
        await removeQuietly(fullPath); // damaged: an empty or oversized autosave cannot be loaded
        continue;
      }
      files.push({
        entry: { id: name, turn: parsed.turn, modifiedMs: stat.modifiedMs, bytes: stat.sizeBytes },
        writtenMs: parsed.writtenMs,
        sequence: parsed.sequence,
      });
    }
    files.sort((a, b) => b.writtenMs - a.writtenMs || b.sequence - a.sequence);
    for (const surplus of files.splice(capacity)) await removeQuietly(path.join(dir, surplus.entry.id));
    return files;
  }

  async function removeQuietly(filePath: string): Promise<void> {
    try {
      await fs.removeFile(filePath);
    } catch (error) {
      logWarning(`[autosave] cannot remove ${filePath}: ${String(error)}`);
    }
  }

  /** Strictly after the newest existing file, even if the clock went backwards. */
  function nextSlot(newest: RingFile | undefined): { writtenMs: number; sequence: number } {
    const nowMs = Math.floor(now());
    if (newest === undefined || nowMs > newest.writtenMs) return { writtenMs: nowMs, sequence: 0 };
    if (newest.sequence < MAX_SEQUENCE) return { writtenMs: newest.writtenMs, sequence: newest.sequence + 1 };
    return { writtenMs: newest.writtenMs + 1, sequence: 0 };
  }

  return {
    write: (turn, content) =>
      serially(async () => {
        try {
          await fs.ensureDirectory(dir);
          const slot = nextSlot((await scanAndCollect())[0]);
          const id = autosaveId(slot.writtenMs, slot.sequence, turn);
          await fs.writeTextFileAtomically(path.join(dir, id), content);
          const written = (await scanAndCollect()).find((file) => file.entry.id === id);
          if (written === undefined) return fail(`Autosave of turn ${turn} vanished right after writing.`);
          return ok(written.entry);
        } catch (error) {
          return fail(describeFileError(error, `the autosave of turn ${turn}`, 'write'));
        }
      }),
    list: () =>
      serially(async () => {
        try {
          return ok((await scanAndCollect()).map((file) => file.entry));
        } catch (error) {
          return fail(describeFileError(error, 'the autosaves folder', 'read'));
        }
      }),
    read: (id) =>
      serially(async () => {
        const listed = parseAutosaveId(id) === undefined ? undefined : (await scanAndCollect()).find((file) => file.entry.id === id);
        if (listed === undefined) return fail('That autosave no longer exists; refresh the list.');
        try {
          const read = await fs.readTextFile(path.join(dir, id), MAX_SAVE_BYTES);
          if (read.kind !== 'text') return fail(`Autosave of turn ${listed.entry.turn} is damaged (${read.kind === 'tooLarge' ? 'too large' : 'not UTF-8 text'}).`);
          return ok({ id, turn: listed.entry.turn, content: read.text });
        } catch (error) {
          return fail(describeFileError(error, `the autosave of turn ${listed.entry.turn}`, 'read'));
        }
      }),
  };
}
