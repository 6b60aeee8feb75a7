/**
 * The browser host (web build, classrooms, end-to-end tests): settings and the latest autosave in localStorage,
 * files through the file picker and downloads. IndexedDB (an autosave ring) can replace localStorage later.
 */
import { MAX_SAVE_BYTES, type OpenedText, type Platform, type Settings } from './Platform';
import { defaultSettings, settingsFrom } from './settings';

const SETTINGS_KEY = 'tpw.settings.v1';
const AUTOSAVE_KEY = 'tpw.autosave.v1';

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
    async saveFileAs(content: string, suggestedName: string) {
      const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: suggestedName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return suggestedName;
    },
    async writeAutosave(_turn: number, content: string) {
      try {
        localStorage.setItem(AUTOSAVE_KEY, content);
      } catch {
        throw new Error('Autosave failed: browser storage is full or disabled.');
      }
    },
    async readLatestAutosave() {
      try {
        return localStorage.getItem(AUTOSAVE_KEY);
      } catch {
        return null;
      }
    },
    onMenuAction: () => () => {},
    onFileOpened: () => () => {},
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
      if (file.size > MAX_SAVE_BYTES) return reject(new Error(`${file.name} is ${(file.size / 1048576).toFixed(1)} MiB; saves are at most 8 MiB.`));
      file.text().then((content) => resolve({ fileName: file.name, content }), () => reject(new Error(`Could not read ${file.name}.`)));
    });
    input.click();
  });
}
