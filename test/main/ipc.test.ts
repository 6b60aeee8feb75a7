import { describe, expect, it, vi } from 'vitest';
import { invokeChannelNames } from '../../main/bridge/contract';
import type { BridgeResult } from '../../main/bridge/contract';
import { createSenderCheck, registerIpcHandlers } from '../../main/ipc';
import type { BridgeHandlers, InvokeEvent, IpcMainLike, SenderFrame } from '../../main/ipc';
import { ok } from '../../main/result';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<BridgeResult<unknown>> {
    const listener = this.listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args) as Promise<BridgeResult<unknown>>;
  }
}

const appFrame: SenderFrame = { url: 'app://tpw/index.html', parent: null, processId: 7, routingId: 1 };
const fromApp: InvokeEvent = { senderFrame: appFrame };

function stubHandlers(): BridgeHandlers {
  const entry = { id: 'autosave-1712345678901-000-t3.tpw', turn: 3, modifiedMs: 1, bytes: 2 };
  const settings = { uiScale: 1, palette: 'default' as const, reducedMotion: false, keyBindings: {} };
  return {
    'app:info': vi.fn(async () => ok({ appVersion: '0.1.0', platform: 'linux', userDataLabel: '~/.config/tpw' })),
    'settings:get': vi.fn(async () => ok(settings)),
    'settings:set': vi.fn(async (patch) => ok({ ...settings, ...patch })),
    'save:open': vi.fn(async () => ok({ canceled: true as const })),
    'save:save': vi.fn(async () => ok({ canceled: false as const, fileName: 'a.tpw' })),
    'save:saveAs': vi.fn(async () => ok({ canceled: true as const })),
    'save:clearCurrent': vi.fn(async () => ok(null)),
    'save:confirmOpened': vi.fn(async () => ok(null)),
    'autosave:write': vi.fn(async () => ok(entry)),
    'autosave:list': vi.fn(async () => ok([entry])),
    'autosave:read': vi.fn(async ({ id }) => ok({ id, turn: 3, content: '{}' })),
    'recent:list': vi.fn(async () => ok([])),
    'recent:open': vi.fn(async () => ok({ canceled: true as const })),
  };
}

function setUp(isTrusted = createSenderCheck(() => [appFrame])) {
  const ipc = new FakeIpcMain();
  const handlers = stubHandlers();
  const logError = vi.fn();
  registerIpcHandlers(ipc, handlers, isTrusted, logError);
  return { ipc, handlers, logError };
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel', () => {
    const { ipc } = setUp();
    expect([...ipc.listeners.keys()].sort()).toEqual([...invokeChannelNames].sort());
  });

  it('routes a valid request to its handler and returns its result', async () => {
    const { ipc, handlers } = setUp();
    await expect(ipc.invoke('settings:set', fromApp, { uiScale: 1.5 })).resolves.toEqual({
      ok: true,
      value: { uiScale: 1.5, palette: 'default', reducedMotion: false, keyBindings: {} },
    });
    expect(handlers['settings:set']).toHaveBeenCalledWith({ uiScale: 1.5 });
    await expect(ipc.invoke('app:info', fromApp)).resolves.toMatchObject({ ok: true, value: { appVersion: '0.1.0' } });
    await expect(ipc.invoke('autosave:read', fromApp, { id: 'autosave-1712345678901-000-t3.tpw' })).resolves.toMatchObject({ ok: true });
  });

  it.each([
    ['a file:// page', { url: 'file:///home/x/index.html', parent: null, processId: 7, routingId: 1 }],
    ['a remote page', { url: 'http://evil.example/', parent: null, processId: 7, routingId: 1 }],
    ['an https page', { url: 'https://evil.example/', parent: null, processId: 7, routingId: 1 }],
    ['a subframe of our window', { url: 'app://tpw/frame.html', parent: appFrame, processId: 7, routingId: 2 }],
    ['another app:// frame that is not our window', { url: 'app://tpw/index.html', parent: null, processId: 9, routingId: 1 }],
    ['another app:// host', { url: 'app://evil/index.html', parent: null, processId: 7, routingId: 1 }],
  ])('refuses %s without calling the handler', async (_name, frame) => {
    const { ipc, handlers } = setUp();
    const result = await ipc.invoke('settings:get', { senderFrame: frame });
    expect(result).toEqual({ ok: false, error: "settings:get: refused: the sender is not the app's own window" });
    expect(handlers['settings:get']).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone, or whose check throws', async () => {
    const { ipc } = setUp();
    await expect(ipc.invoke('app:info', { senderFrame: null })).resolves.toMatchObject({ ok: false });
    const throwing = setUp(() => {
      throw new Error('Render frame was disposed');
    });
    await expect(throwing.ipc.invoke('app:info', fromApp)).resolves.toMatchObject({ ok: false, error: expect.stringContaining('refused') });
  });

  it.each([
    ['settings:set', { uiScale: 5 }, 'field "uiScale"'],
    ['settings:set', { uiScale: 'big' }, 'field "uiScale"'],
    ['settings:set', { palette: 'neon' }, 'field "palette"'],
    ['settings:set', { reducedMotion: 'yes' }, 'field "reducedMotion"'],
    ['settings:set', { keyBindings: { 'turn.end': 'x'.repeat(33) } }, 'field "keyBindings.turn.end"'],
    ['settings:set', { keyBindings: { __proto__bad: 'E' } }, 'field "keyBindings'],
    ['settings:set', { theme: 'dark' }, 'unknown field "theme"'],
    ['autosave:write', { turn: -1, content: '{}' }, 'field "turn"'],
    ['autosave:write', { turn: 1.5, content: '{}' }, 'field "turn"'],
    ['autosave:write', { turn: 1 }, 'field "content"'],
    ['autosave:read', { id: '../x' }, 'field "id"'],
    ['autosave:read', { id: '/etc/passwd' }, 'field "id"'],
    ['save:save', { content: '{}', suggestedName: '../../.bashrc' }, 'field "suggestedName"'],
    ['save:saveAs', { content: '{}', suggestedName: 'C:\\Windows\\x' }, 'field "suggestedName"'],
    ['save:saveAs', { content: 42, suggestedName: 'a' }, 'field "content"'],
    ['recent:open', { id: '/home/ada/game.tpw' }, 'field "id"'],
    ['recent:open', 'abc', 'field "payload"'],
    ['save:open', { path: '/etc/passwd' }, 'takes no payload'],
    ['save:confirmOpened', undefined, 'field "payload"'],
    ['save:confirmOpened', { openId: '/home/ada/game.tpw' }, 'field "openId"'],
    ['save:confirmOpened', { openId: 'open-1', path: '/etc/passwd' }, 'unknown field "path"'],
  ] as const)('%s rejects %j naming %s', async (channel, payload, fieldText) => {
    const { ipc, handlers } = setUp();
    const result = await ipc.invoke(channel, fromApp, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(`${channel}: invalid payload`);
    expect(result.error).toContain(fieldText);
    expect(result.error).not.toMatch(/\n\s+at /); // no stack trace
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('rejects extra arguments', async () => {
    const { ipc } = setUp();
    await expect(ipc.invoke('app:info', fromApp, undefined, 'extra')).resolves.toEqual({
      ok: false,
      error: 'app:info: expected at most one payload argument, got 2',
    });
  });

  it('turns a throwing handler into an error value without leaking the stack or paths', async () => {
    const { ipc, handlers, logError } = setUp();
    vi.mocked(handlers['recent:list']).mockRejectedValue(new Error("EACCES: permission denied, open '/home/ada/secret'"));
    const result = await ipc.invoke('recent:list', fromApp);
    expect(result).toEqual({ ok: false, error: 'recent:list: failed unexpectedly (details are in the app log)' });
    expect(logError).toHaveBeenCalledTimes(1);
  });

  it('does not compile with a handler missing or mistyped', () => {
    const ipc = new FakeIpcMain();
    const { 'recent:open': _missing, ...incomplete } = stubHandlers();
    // @ts-expect-error: every channel needs a handler; dropping 'recent:open' must be a compile error.
    registerIpcHandlers(ipc, incomplete, () => true);
    const mistyped = { ...stubHandlers(), 'app:info': async () => ok('not app info') };
    // @ts-expect-error: a handler must return its channel's response type.
    registerIpcHandlers(new FakeIpcMain(), mistyped, () => true);
    expect(ipc.listeners.size).toBe(invokeChannelNames.length);
  });
});
