// The file system as an injected port: storage code takes it as a parameter so tests can make any step fail.
import { open, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';

export interface FileStat {
  sizeBytes: number;
  isFile: boolean;
  modifiedMs: number;
}

export type TextReadResult = { kind: 'text'; text: string } | { kind: 'tooLarge' } | { kind: 'notUtf8' };

export interface FileSystem {
  /** undefined when nothing exists at the path. */
  stat(filePath: string): Promise<FileStat | undefined>;
  /** Reads at most maxBytes (a file that grew after a stat is still refused) and decodes strict UTF-8. */
  readTextFile(filePath: string, maxBytes: number): Promise<TextReadResult>;
  /** Temp file + fsync + rename: the old file stays whole if anything fails. */
  writeTextFileAtomically(filePath: string, text: string): Promise<void>;
  /** Entry names of a folder; [] when the folder does not exist. */
  listFileNames(dirPath: string): Promise<string[]>;
  /** Removes a file; no error when it is already gone. */
  removeFile(filePath: string): Promise<void>;
  ensureDirectory(dirPath: string): Promise<void>;
}

const errorCode = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

async function statOrUndefined(filePath: string): Promise<FileStat | undefined> {
  try {
    const stats = await stat(filePath);
    return { sizeBytes: stats.size, isFile: stats.isFile(), modifiedMs: Math.round(stats.mtimeMs) };
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}

async function readTextFileBounded(filePath: string, maxBytes: number): Promise<TextReadResult> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1); // one byte past the limit tells "too large"
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) return { kind: 'tooLarge' };
    try {
      return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, filled)) };
    } catch {
      return { kind: 'notUtf8' };
    }
  } finally {
    await handle.close();
  }
}

export const nodeFileSystem: FileSystem = {
  stat: statOrUndefined,
  readTextFile: readTextFileBounded,
  writeTextFileAtomically: (filePath, text) => writeFileAtomic(filePath, text, { encoding: 'utf8', fsync: true }),
  async listFileNames(dirPath) {
    try {
      return await readdir(dirPath);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
  },
  async removeFile(filePath) {
    try {
      await unlink(filePath);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  },
  async ensureDirectory(dirPath) {
    await mkdir(dirPath, { recursive: true });
  },
};
