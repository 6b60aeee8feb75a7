/**
 * Settings shape and defaults on the renderer side. The shape is main's (`Settings` in the bridge contract, imported
 * as a type); the browser store validates what it reads field by field, so one bad field does not reset the rest.
 */
import { z } from 'zod';
import type { Settings } from '../../main/bridge/contract';

/** Action names like `turn.end`, as the contract's KEY_BINDING_ACTION_PATTERN (a value main does not export to us). */
const ACTION_NAME = /^[a-z][A-Za-z0-9.:-]{0,63}$/;

const fieldSchemas = {
  uiScale: z.number().min(0.75).max(2),
  palette: z.enum(['default', 'colorblind']),
  reducedMotion: z.boolean(),
  keyBindings: z.record(z.string().regex(ACTION_NAME), z.string().min(1).max(32)),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> };

export const UI_SCALES = [0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

export function defaultSettings(prefersReducedMotion = false): Settings {
  return { uiScale: 1, palette: 'default', reducedMotion: prefersReducedMotion, keyBindings: {} };
}

/** Whatever is stored (untrusted JSON), as valid settings: each invalid or missing field takes its default. */
export function settingsFrom(stored: unknown, defaults: Settings): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const pick = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = fieldSchemas[key].safeParse(record[key]);
    return parsed.success ? (parsed.data as Settings[K]) : defaults[key];
  };
  return { uiScale: pick('uiScale'), palette: pick('palette'), reducedMotion: pick('reducedMotion'), keyBindings: pick('keyBindings') };
}
