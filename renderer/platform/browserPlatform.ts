/**
 * The browser host (web build, classrooms, end-to-end tests): settings in localStorage; autosaves in IndexedDB (a ring
 * of the AUTOSAVE_RING_SIZE newest, as on the desktop; via idb-keyval); files through the file picker and downloads.
 */
import { createStore, delMany, get, keys, set, type UseStore } from 'idb-keyval';
import { AUTOSAVE_RING_SIZE, MAX_SAVE_BYTES, type AutosaveInfo, type OpenedText, type Platform, type Settings } from './Platform';
import { defaultSettings, settingsFrom } from './settings';

const SETTINGS_KEY = 'tpw.settings.v1';
export const AUTOSAVE_DB = 'tokens-per-watt';
export const AUTOSAVE_STORE = 'autosaves';
/** Autosave keys: a zero-padded write sequence (so keys sort by age) and the turn. */
const AUTOSAVE_KEY = /^autosave-(\d{12})-t(\d{1,7})$/;

function readJson(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

export function createBrowserPlatform(): Platform {
  const defaults = defaultSettings(matchMedia('(prefers-reduced-motion: reduce)').matches);
  const autosaves = createAutosaveRing();
  return {
    kind: 'browser',
    async loadSettings() {
      return settingsFrom(readJson(SETTINGS_KEY), defaults);
    },
    async saveSettings(patch: Partial<Settings>) {
      const next = settingsFrom({ ...settingsFrom(readJson(SETTINGS_KEY), defaults), ...patch }, defaults);
      try {
        localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      } catch {
        throw new Error('The browser refused to store settings (private mode or storage full).');
      }
      return next;
    },
    openSaveFile: pickTextFile,
    // No current file or recent list in a browser: it cannot overwrite a file, so Save and Save As both download.
    keepsCurrentFile: false,
    async confirmOpened() {},
    saveFile: download,
    saveFileAs: download,
    async forgetCurrentFile() {},
    ...autosaves,
    onMenuAction: () => () => {},
    onFileOpened: () => () => {},
  };
}

/** Saves `content` as a download named `suggestedName` (where it goes is the browser's setting); that name. */
async function download(content: string, suggestedName: string): Promise<string> {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: suggestedName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return suggestedName;
}

/** The autosave ring in IndexedDB. Writes run one at a time; a browser without IndexedDB has no autosaves. */
function createAutosaveRing(): Pick<Platform, 'writeAutosave' | 'listAutosaves' | 'readAutosave'> {
  let store: UseStore | null = null;
  const db = (): UseStore => (store ??= createStore(AUTOSAVE_DB, AUTOSAVE_STORE));
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  };

  /** Our keys, newest first; anything else in the store is ignored. */
  async function listed(): Promise<{ key: string; info: AutosaveInfo }[]> {
    const all = await keys(db());
    return all
      .filter((k): k is string => typeof k === 'string' && AUTOSAVE_KEY.test(k))
      .sort()
      .reverse()
      .map((key) => ({ key, info: { id: key, turn: Number(AUTOSAVE_KEY.exec(key)![2]) } }));
  }

  async function write(turn: number, content: string): Promise<void> {
    const existing = await listed();
    const sequence = existing.length ? Number(AUTOSAVE_KEY.exec(existing[0]!.key)![1]) + 1 : 1;
    await set(`autosave-${String(sequence).padStart(12, '0')}-t${turn}`, content, db());
    await delMany(existing.slice(AUTOSAVE_RING_SIZE - 1).map((e) => e.key), db());
  }

  return {
    writeAutosave: (turn, content) =>
      serially(async () => {
        try {
          await write(turn, content);
        } catch {
          throw new Error('Autosave failed: browser storage is full or disabled.');
        }
      }),
    listAutosaves: () =>
      serially(async () => {
        try {
          return (await listed()).map((e) => e.info);
        } catch {
          return []; // no IndexedDB (disabled or a private mode without it): no autosaves
        }
      }),
    readAutosave: (id) =>
      serially(async () => {
        const turn = AUTOSAVE_KEY.exec(id)?.[2];
        const content: unknown = turn === undefined ? undefined : await get(id, db()).catch(() => undefined);
        if (content === undefined) throw new Error('That autosave no longer exists.');
        if (typeof content !== 'string' || content.length > MAX_SAVE_BYTES) throw new Error(`The autosave of turn ${turn} is damaged (not save text).`);
        return content;
      }),
  };
}

/** Opens the browser's file picker; resolves null when the player cancels. */
function pickTextFile(): Promise<OpenedText | null> {
  return new Promise((resolve, reject) => {
    const input = Object.assign(document.createElement('input'), { type: 'file', accept: '.tpw,.json,application/json' });
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      readPickedFile(file).then(resolve, reject);
    });
    input.click();
  });
}

/** A picked file as text: refused from its size alone when over MAX_SAVE_BYTES, and unless it is UTF-8 (as on the desktop). */
export async function readPickedFile(file: Blob & { name: string }): Promise<OpenedText> {
  const name = `“${file.name}”`;
  if (file.size > MAX_SAVE_BYTES) throw new Error(`${name} is ${(file.size / 1048576).toFixed(1)} MiB; save files are limited to 8 MiB.`);
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    throw new Error(`Could not read ${name}.`);
  }
  try {
    return { fileName: file.name, content: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new Error(`${name} is not a Tokens per Watt save (not UTF-8 text).`);
  }
}
