/**
 * What the renderer needs from its host, whichever it is: the Electron shell (files, dialogs, autosave ring under the
 * user-data folder, application menu) or a plain browser (IndexedDB autosave ring, file picker, downloads).
 * Failures reject with an Error whose message can be shown to the player as is.
 */
import type { MenuAction, Settings } from '../../main/bridge/contract';

export type { MenuAction, Settings };

/** Largest save accepted, as main's MAX_SAVE_BYTES: saves are untrusted input, refused before parsing when larger. */
export const MAX_SAVE_BYTES = 8 * 1024 * 1024;

/** Autosaves kept, newest first, in both hosts (main's AUTOSAVE_CAPACITY on the desktop). */
export const AUTOSAVE_RING_SIZE = 10;

export interface AutosaveInfo {
  /** Opaque, host-specific. */
  id: string;
  turn: number;
}

export interface OpenedText {
  fileName: string;
  content: string;
  /** The host's handle on the file for confirmOpened (desktop only; a browser keeps no current file). */
  openId?: string;
}

export interface Platform {
  readonly kind: 'browser' | 'electron';
  /** Stored settings over the defaults; a damaged store gives the defaults, never an error. */
  loadSettings(): Promise<Settings>;
  /** Stores the given fields and returns the whole settings as now stored. */
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Asks the player for a save file; null when they cancel. */
  openSaveFile(): Promise<OpenedText | null>;
  /**
   * The game in `file` (from openSaveFile or onFileOpened) loaded and verified: the desktop makes it the current file
   * (where Save writes) and adds it to the recent files. Never called for a load that failed or was cancelled.
   */
  confirmOpened(file: OpenedText): Promise<void>;
  /**
   * True when the host keeps a current file (the desktop): the file opened or saved last, where saveFile writes again.
   * A browser cannot write to a file twice: it downloads a copy each time.
   */
  readonly keepsCurrentFile: boolean;
  /**
   * Save: writes to the current file without asking, or asks like saveFileAs when there is none (a browser downloads);
   * the file name written, or null when cancelled.
   */
  saveFile(content: string, suggestedName: string): Promise<string | null>;
  /** Save As: asks where to save (a browser downloads) and the file chosen becomes current; its name, or null when cancelled. */
  saveFileAs(content: string, suggestedName: string): Promise<string | null>;
  /** The game on screen no longer belongs to the current file (new game, Continue, back to title): a later Save asks. */
  forgetCurrentFile(): Promise<void>;
  /** Keeps the game of this turn so "Continue" can resume it. */
  writeAutosave(turn: number, content: string): Promise<void>;
  /** The autosaves kept, newest first ([] when there are none). */
  listAutosaves(): Promise<AutosaveInfo[]>;
  /** One listed autosave's content; rejects when it is gone or damaged. */
  readAutosave(id: string): Promise<string>;
  /** Application-menu actions (Electron only; the browser never calls the listener). Returns an unsubscribe. */
  onMenuAction(listener: (action: MenuAction) => void): () => void;
  /** A save file the OS asked the app to open (Electron only). Returns an unsubscribe. */
  onFileOpened(listener: (file: OpenedText | { error: string }) => void): () => void;
}
