import { describe, expect, it } from 'vitest';
import { SAVE_VERSION, SAVE_VERSIONS, migrateSave, type SaveVersion } from '../../../engine/save';

describe('save migrations', () => {
  it('lists each version once, in order, ending at the version this build writes', () => {
    expect(SAVE_VERSIONS.map((v) => v.version)).toEqual(SAVE_VERSIONS.map((_, i) => i + 1));
    expect(SAVE_VERSIONS[0]).toMatchObject({ version: 1, name: 'v1-command-log', up: null });
    expect(SAVE_VERSION).toBe(SAVE_VERSIONS[SAVE_VERSIONS.length - 1]!.version);
    for (const v of SAVE_VERSIONS.slice(1)) expect(typeof v.up).toBe('function');
  });

  it('leaves a current save alone', () => {
    expect(migrateSave({ version: 1, a: 1 })).toEqual({ ok: true, save: { version: 1, a: 1 }, applied: [] });
  });

  it('upgrades through every named step in order (a test-only v0 → v1 → v2 chain)', () => {
    const chain: SaveVersion[] = [
      { version: 0, name: 'v0-test', up: null },
      { version: 1, name: 'v1-test-rename-options', up: ({ options, ...rest }) => ({ ...rest, settings: options ?? {} }) },
      { version: 2, name: 'v2-test-add-pending', up: (v1) => ({ ...v1, pending: [] }) },
    ];
    expect(migrateSave({ version: 0, options: { hard: true } }, chain)).toEqual({
      ok: true,
      save: { version: 2, settings: { hard: true }, pending: [] },
      applied: ['v1-test-rename-options', 'v2-test-add-pending'],
    });
    expect(migrateSave({ version: 1, settings: {} }, chain)).toMatchObject({ ok: true, applied: ['v2-test-add-pending'] });
  });

  it('explains versions it cannot read', () => {
    expect(migrateSave({ version: 99 })).toEqual({ ok: false, error: 'saved by a newer version (v99); this build reads up to v1' });
    expect(migrateSave({ version: 0 })).toEqual({ ok: false, error: 'unknown save version v0; this build reads v1 to v1' });
    expect(migrateSave({ version: '1' })).toEqual({ ok: false, error: 'the save has no valid "version" (found "1")' });
    expect(migrateSave({})).toEqual({ ok: false, error: 'the save has no valid "version" (found nothing)' });
  });
});
