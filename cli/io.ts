/** File access for the CLI: size-checked reads (stat before read) and atomic writes (temp file + rename). */
import { readFile, stat } from 'node:fs/promises';
import writeFileAtomicModule from 'write-file-atomic';
import { formatBytes } from '../engine/save';
import { CliError } from './errors';

/** Reads a UTF-8 text file (strictly: other bytes are refused), refusing anything larger than `maxBytes` before reading a byte of it. */
export async function readTextFileLimited(path: string, maxBytes: number): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(`${path} is not a file`);
    size = info.size;
  } catch (e) {
    throw asCliError(e, path);
  }
  if (size > maxBytes) throw new CliError(`${path} is too large: ${formatBytes(size)} (${size} bytes); the limit is ${formatBytes(maxBytes)}`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw asCliError(e, path);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${path} is not UTF-8 text`);
  }
}

/** Writes the whole file or nothing: a temp file in the same folder, then a rename. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomicModule(path, text, { encoding: 'utf8' });
  } catch (e) {
    throw asCliError(e, path);
  }
}

function asCliError(e: unknown, path: string): CliError {
  if (e instanceof CliError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return new CliError(`${path}: no such file or directory`);
  if (code === 'EACCES' || code === 'EPERM') return new CliError(`${path}: permission denied`);
  if (code === 'EISDIR') return new CliError(`${path} is a directory`);
  return new CliError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
}
