import { describe, expect, it, vi } from 'vitest';
import { buildBridgeApi } from '../../../main/bridge/buildBridgeApi';
import type { IpcRendererLike } from '../../../main/bridge/buildBridgeApi';
import { eventChannels, invokeChannels } from '../../../main/bridge/contract';
import type { BridgeResult, OpenedFile } from '../../../main/bridge/contract';

class FakeIpcRenderer implements IpcRendererLike {
  readonly invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } }));
  readonly listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  emit(channel: string, payload: unknown): void {
    const secretEvent = { sender: 'ipcRenderer itself' };
    for (const listener of this.listeners.get(channel) ?? []) listener(secretEvent, payload);
  }
}

describe('buildBridgeApi (window.tpw)', () => {
  it('exposes exactly one named function per channel and nothing else', () => {
    const api = buildBridgeApi(new FakeIpcRenderer());
    const expected = [...Object.values(invokeChannels), ...Object.values(eventChannels)].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('each method invokes exactly its own channel, forwarding at most one payload', async () => {
    const ipc = new FakeIpcRenderer();
    const api = buildBridgeApi(ipc) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const [channel, method] of Object.entries(invokeChannels)) {
      ipc.invoke.mockClear();
      await api[method]?.({ probe: channel }, 'smuggled second argument');
      expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(channel, { probe: channel });
    }
    ipc.invoke.mockClear();
    await buildBridgeApi(ipc).settingsGet();
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith('settings:get');
  });

  it('passes menu actions to subscribers without the IPC event, and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const api = buildBridgeApi(ipc);
    const listener = vi.fn();
    const unsubscribe = api.onMenuAction(listener);
    ipc.emit('menu:action', 'file:save');
    expect(listener).toHaveBeenCalledExactlyOnceWith('file:save');
    unsubscribe();
    ipc.emit('menu:action', 'file:open');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipc.listeners.get('menu:action')).toHaveLength(1); // one IPC listener, however many subscribers
  });

  it('keeps a file opened at launch until the renderer subscribes', () => {
    const ipc = new FakeIpcRenderer();
    const api = buildBridgeApi(ipc);
    const opened: BridgeResult<OpenedFile> = { ok: true, value: { fileName: 'class.tpw', content: '{}', openId: 'open-1' } };
    ipc.emit('file:opened', opened);
    ipc.emit('menu:action', 'file:new'); // menu actions are not kept: stale by the time anyone listens
    const fileListener = vi.fn();
    const menuListener = vi.fn();
    api.onFileOpened(fileListener);
    api.onMenuAction(menuListener);
    expect(fileListener).toHaveBeenCalledExactlyOnceWith(opened);
    expect(menuListener).not.toHaveBeenCalled();
    const second = vi.fn();
    api.onFileOpened(second);
    expect(second).not.toHaveBeenCalled(); // delivered once, not replayed
  });

  it('rejects a non-function listener', () => {
    const api = buildBridgeApi(new FakeIpcRenderer());
    expect(() => api.onMenuAction('nope' as never)).toThrow(TypeError);
  });
});
