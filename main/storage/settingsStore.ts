// settings.json under userData: read once and validated field by field; a damaged file yields defaults and is
// left untouched on disk until the player changes a setting (then the new, valid settings replace it).
import secureJsonParse from 'secure-json-parse';
import { defaultSettings, settingsSchema } from '../bridge/contract';
import type { BridgeResult, Settings } from '../bridge/contract';
import { fail, ok } from '../result';
import { describeFileError } from './describeFileError';
import type { FileSystem } from './fileSystem';
import { createSerialQueue } from './serialQueue';

const SETTINGS_FORMAT_VERSION = 1;
/** A settings file is a few KiB; anything much larger is not ours. */
const MAX_SETTINGS_BYTES = 256 * 1024;

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Applies the given fields; on a failed write the stored settings stay as they were. */
  update(patch: Partial<Settings>): Promise<BridgeResult<Settings>>;
}

export interface SettingsStoreOptions {
  fs: FileSystem;
  filePath: string;
  logWarning?: (message: string) => void;
}

export function createSettingsStore({ fs, filePath, logWarning = console.warn }: SettingsStoreOptions): SettingsStore {
  const serially = createSerialQueue();
  let loaded: Promise<Settings> | undefined;
  const current = (): Promise<Settings> => (loaded ??= loadSettings(fs, filePath, logWarning));

  return {
    get: current,
    update: (patch) =>
      serially(async () => {
        const next = settingsSchema.parse({ ...(await current()), ...definedFields(patch) });
        try {
          await fs.writeTextFileAtomically(filePath, `${JSON.stringify({ version: SETTINGS_FORMAT_VERSION, settings: next }, null, 2)}\n`);
        } catch (error) {
          return fail(describeFileError(error, 'the settings file', 'write'));
        }
        loaded = Promise.resolve(next);
        return ok(next);
      }),
  };
}

/** Drops `{ field: undefined }` so an explicit undefined never erases a stored value. */
function definedFields(patch: Partial<Settings>): Partial<Settings> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

async function loadSettings(fs: FileSystem, filePath: string, logWarning: (message: string) => void): Promise<Settings> {
  let text: string;
  try {
    if ((await fs.stat(filePath)) === undefined) return defaultSettings;
    const read = await fs.readTextFile(filePath, MAX_SETTINGS_BYTES);
    if (read.kind !== 'text') {
      logWarning(`[settings] ${filePath} is not a readable settings file; using defaults`);
      return defaultSettings;
    }
    text = read.text;
  } catch (error) {
    logWarning(`[settings] cannot read ${filePath} (${String(error)}); using defaults`);
    return defaultSettings;
  }
  const stored = parseStoredSettings(text);
  if (stored.damaged) logWarning(`[settings] ${filePath} is damaged; invalid fields use their defaults`);
  return stored.settings;
}

/** Keeps every valid field of a stored file; anything unparsable or invalid falls back to its default. */
export function parseStoredSettings(text: string): { settings: Settings; damaged: boolean } {
  let envelope: unknown;
  try {
    envelope = secureJsonParse(text, null, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    return { settings: defaultSettings, damaged: true };
  }
  const stored = (envelope as { settings?: unknown } | null)?.settings;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { settings: defaultSettings, damaged: true };
  const settings: Record<string, unknown> = { ...defaultSettings };
  let damaged = false;
  for (const [field, schema] of Object.entries(settingsSchema.shape)) {
    if (!Object.hasOwn(stored, field)) continue;
    const parsed = schema.safeParse((stored as Record<string, unknown>)[field]);
    if (parsed.success) settings[field] = parsed.data;
    else damaged = true;
  }
  return { settings: settings as Settings, damaged };
}
