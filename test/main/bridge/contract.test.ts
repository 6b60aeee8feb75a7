import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AUTOSAVE_ID_PATTERN,
  MAX_SAVE_BYTES,
  defaultSettings,
  eventChannels,
  invokeChannelNames,
  invokeChannels,
  requestSchemas,
  settingsSchema,
  utf8ByteLength,
} from '../../../main/bridge/contract';
import type { BridgeResult, OpenFileResult, Settings, TpwBridge } from '../../../main/bridge/contract';

describe('bridge contract', () => {
  it('has a request schema for every channel and unique preload method names', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...invokeChannelNames].sort());
    const methods = [...Object.values(invokeChannels), ...Object.values(eventChannels)];
    expect(new Set(methods).size).toBe(methods.length);
  });

  it('accepts the default settings and the documented bounds', () => {
    expect(settingsSchema.safeParse(defaultSettings).success).toBe(true);
    const patch = requestSchemas['settings:set'];
    expect(patch.safeParse({ uiScale: 0.75 }).success).toBe(true);
    expect(patch.safeParse({ uiScale: 2 }).success).toBe(true);
    expect(patch.safeParse({ uiScale: 0.74 }).success).toBe(false);
    expect(patch.safeParse({ uiScale: Number.NaN }).success).toBe(false);
    expect(patch.safeParse({ palette: 'colorblind', reducedMotion: true }).success).toBe(true);
    expect(patch.safeParse({ keyBindings: { 'turn.end': 'Ctrl+Shift+Enter' } }).success).toBe(true);
    expect(patch.safeParse({ keyBindings: { 'turn.end': '' } }).success).toBe(false);
    const poisoned = patch.parse({ keyBindings: JSON.parse('{"__proto__":{"polluted":true},"turn.end":"E"}') });
    expect(Object.keys(poisoned.keyBindings ?? {})).toEqual(['turn.end']); // zod drops __proto__ keys
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const tooMany = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`action${i}`, 'A']));
    expect(patch.safeParse({ keyBindings: tooMany }).success).toBe(false);
  });

  it('measures UTF-8 like Node does, so the 8 MiB limit is in bytes', () => {
    for (const text of ['', 'plain', 'é', '€', '😀', 'a😀b€é', '\ud800', 'x\udc00y']) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
    const save = requestSchemas['autosave:write'];
    expect(save.safeParse({ turn: 0, content: 'a'.repeat(MAX_SAVE_BYTES) }).success).toBe(true);
    expect(save.safeParse({ turn: 0, content: 'a'.repeat(MAX_SAVE_BYTES + 1) }).success).toBe(false);
    expect(save.safeParse({ turn: 0, content: '€'.repeat(MAX_SAVE_BYTES / 2) }).success).toBe(false); // 1.5× in bytes
  });

  it('autosave ids are plain file names, never paths', () => {
    expect(AUTOSAVE_ID_PATTERN.test('autosave-1712345678901-000-t12.tpw')).toBe(true);
    for (const id of ['../autosave-1712345678901-000-t12.tpw', 'autosave-1712345678901-000-t12.tpw/..', 'a/autosave-1712345678901-000-t1.tpw', 'autosave-1-0-t1.tpw']) {
      expect(AUTOSAVE_ID_PATTERN.test(id), id).toBe(false);
    }
  });

  it('types window.tpw from the contract', () => {
    expectTypeOf<TpwBridge['settingsGet']>().toEqualTypeOf<() => Promise<BridgeResult<Settings>>>();
    expectTypeOf<TpwBridge['saveOpen']>().toEqualTypeOf<() => Promise<BridgeResult<OpenFileResult>>>();
    expectTypeOf<Parameters<TpwBridge['settingsSet']>[0]>().toEqualTypeOf<Partial<Settings>>();
    expectTypeOf<Parameters<TpwBridge['onMenuAction']>[0]>().parameter(0).toEqualTypeOf<
      'file:new' | 'file:open' | 'file:save' | 'file:saveAs' | 'edit:undo' | 'help:glossary' | 'help:keyboardShortcuts' | 'help:about'
    >();
  });
});
