/** Reading a save file for a command: size-checked read, then parseSave. Failures are CliErrors (exit 2) naming the file. */
import { DEFAULT_JSON_LIMITS, parseSave, type Save } from '../engine/save';
import { CliError } from './errors';
import { readTextFileLimited } from './io';

export async function readSaveFile(path: string): Promise<Save> {
  const text = await readTextFileLimited(path, DEFAULT_JSON_LIMITS.maxBytes);
  const parsed = parseSave(text);
  if (!parsed.ok) throw new CliError(`${path}: ${parsed.error}`);
  return parsed.save;
}
