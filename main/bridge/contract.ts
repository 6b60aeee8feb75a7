// THE typed bridge between renderer and main: channel → request schema, request type, response type.
// The renderer imports this file with `import type` only; main validates every request with `requestSchemas`.
import { z } from 'zod';
import type { EventChannel, InvokeChannel, MenuAction, eventChannels, invokeChannels } from './channels';

export * from './channels';

/** Largest save file main reads or writes, in bytes of UTF-8 (untrusted input: checked before reading). */
export const MAX_SAVE_BYTES = 8 * 1024 * 1024;
/** How many autosaves the ring keeps, newest first. */
export const AUTOSAVE_CAPACITY = 10;
/** Highest turn number accepted (one turn = one quarter; far beyond any scenario). */
export const MAX_TURN = 9_999_999;
/** Autosave file name = id: write time (ms since epoch), a same-millisecond sequence, and the turn. */
export const AUTOSAVE_ID_PATTERN = /^autosave-(\d{13})-(\d{3})-t(\d{1,7})\.tpw$/;
/** Opaque handle main gives each file it reads for opening, confirmed by save:confirmOpened once the game loads. */
export const OPEN_ID_PATTERN = /^open-\d{1,15}$/;
/** Opaque ids main hands out for recent files (never paths). */
export const RECENT_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
/** Key-binding action names, e.g. `turn.end`; also keeps `__proto__` and friends out of the record. */
export const KEY_BINDING_ACTION_PATTERN = /^[a-z][A-Za-z0-9.:-]{0,63}$/;
const MAX_KEY_BINDINGS = 200;

/** Every response: a value, or an error message the renderer can show as is. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** UTF-8 size of a string in bytes, without allocating (the renderer has no Buffer). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export const settingsSchema = z.strictObject({
  /** Multiplier on the whole UI; 1 = 100 %. */
  uiScale: z.number().min(0.75).max(2),
  palette: z.enum(['default', 'colorblind']),
  reducedMotion: z.boolean(),
  /** Overrides only: action name → key string (e.g. `Ctrl+E`); the renderer owns the default bindings. */
  keyBindings: z
    .record(z.string().regex(KEY_BINDING_ACTION_PATTERN, 'must be an action name like "turn.end"'), z.string().min(1).max(32))
    .refine((bindings) => Object.keys(bindings).length <= MAX_KEY_BINDINGS, `at most ${MAX_KEY_BINDINGS} key bindings`),
});
export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = { uiScale: 1, palette: 'default', reducedMotion: false, keyBindings: {} };

const saveContentSchema = z
  .string()
  .max(MAX_SAVE_BYTES, 'save content exceeds 8 MiB')
  .refine((text) => utf8ByteLength(text) <= MAX_SAVE_BYTES, 'save content exceeds 8 MiB');
/** A name for the dialog to propose, never a path. */
const suggestedNameSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^(?![.\s])[^\\/:*?"<>|\u0000-\u001f\u007f]+$/, 'must be a plain file name without folders');
const saveRequestSchema = z.strictObject({ content: saveContentSchema, suggestedName: suggestedNameSchema });
const noPayload = z.undefined();

export const requestSchemas = {
  'app:info': noPayload,
  'settings:get': noPayload,
  /** Fields given replace the stored ones; `keyBindings` is replaced as a whole. */
  'settings:set': settingsSchema.partial(),
  'save:open': noPayload,
  /** Writes to the file opened or saved last; without one it asks like save:saveAs. */
  'save:save': saveRequestSchema,
  'save:saveAs': saveRequestSchema,
  /** Forget the current file (new game, back to title) so a later save:save asks for a path. */
  'save:clearCurrent': noPayload,
  /**
   * The file read under `openId` (save:open, recent:open or file:opened) loaded and verified: it becomes the current
   * file and goes on the recent list. Until then a read file is only pending, so a save that fails to load changes
   * neither.
   */
  'save:confirmOpened': z.strictObject({ openId: z.string().regex(OPEN_ID_PATTERN, 'must be the openId of a file main read') }),
  'autosave:write': z.strictObject({ turn: z.int().min(0).max(MAX_TURN), content: saveContentSchema }),
  'autosave:list': noPayload,
  'autosave:read': z.strictObject({
    id: z.string().max(64).regex(AUTOSAVE_ID_PATTERN, 'must be an id listed by autosave:list'),
  }),
  'recent:list': noPayload,
  'recent:open': z.strictObject({ id: z.string().regex(RECENT_ID_PATTERN, 'must be an id listed by recent:list') }),
} satisfies { [C in InvokeChannel]: z.ZodType };

export interface AppInfo {
  appVersion: string;
  platform: string;
  /** Where settings and autosaves live, for display (home folder shown as `~`). */
  userDataLabel: string;
}
export type OpenFileResult = { canceled: true } | ({ canceled: false } & OpenedFile);
export type SaveFileResult = { canceled: true } | { canceled: false; fileName: string };
export interface AutosaveEntry {
  id: string;
  turn: number;
  modifiedMs: number;
  bytes: number;
}
export interface AutosaveContent {
  id: string;
  turn: number;
  content: string;
}
/** A recently used save file; the path stays in main, `id` is opaque. `label` is the containing folder's name. */
export interface RecentFileEntry {
  id: string;
  fileName: string;
  label: string;
}
/** A save file's text as read (size and UTF-8 checked, not yet parsed). */
export interface SaveFileText {
  fileName: string;
  content: string;
}
/** A file read for opening; `openId` is for save:confirmOpened once it has loaded. */
export interface OpenedFile extends SaveFileText {
  openId: string;
}

/** Response value per channel; indexing with a channel missing here is a compile error. */
export type ResponseValues = {
  'app:info': AppInfo;
  'settings:get': Settings;
  'settings:set': Settings;
  'save:open': OpenFileResult;
  'save:save': SaveFileResult;
  'save:saveAs': SaveFileResult;
  'save:clearCurrent': null;
  'save:confirmOpened': null;
  'autosave:write': AutosaveEntry;
  'autosave:list': AutosaveEntry[];
  'autosave:read': AutosaveContent;
  'recent:list': RecentFileEntry[];
  'recent:open': OpenFileResult;
};

/** Payload main pushes on each event channel. */
export type EventPayloads = {
  'menu:action': MenuAction;
  /**
   * A .tpw file the OS asked us to open (double-click, argv, macOS open-file), read by main after its size check;
   * pending until the renderer sends save:confirmOpened.
   */
  'file:opened': BridgeResult<OpenedFile>;
};

/** What the renderer sends on channel C. */
export type BridgeRequest<C extends InvokeChannel> = z.input<(typeof requestSchemas)[C]>;
/** What main's handler for C receives after validation. */
export type ValidatedRequest<C extends InvokeChannel> = z.output<(typeof requestSchemas)[C]>;
export type BridgeResponse<C extends InvokeChannel> = BridgeResult<ResponseValues[C]>;

type InvokeMethod<C extends InvokeChannel> = undefined extends BridgeRequest<C>
  ? () => Promise<BridgeResponse<C>>
  : (request: BridgeRequest<C>) => Promise<BridgeResponse<C>>;
type SubscribeMethod<E extends EventChannel> = (listener: (payload: EventPayloads[E]) => void) => () => void;

/** `window.tpw` as exposed by the preload: one method per channel; subscribe methods return an unsubscribe function. */
export type TpwBridge = {
  readonly [C in InvokeChannel as (typeof invokeChannels)[C]]: InvokeMethod<C>;
} & {
  readonly [E in EventChannel as (typeof eventChannels)[E]]: SubscribeMethod<E>;
};
