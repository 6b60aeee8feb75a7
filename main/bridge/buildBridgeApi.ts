// Builds `window.tpw` from the channel lists: one named function per channel, nothing else. Takes ipcRenderer
// as a parameter (tested with a fake) and never hands it, or an IPC event, to the page.
import { eventChannels, invokeChannels } from './channels';
import type { EventChannel } from './channels';
import type { EventPayloads, TpwBridge } from './contract';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** file:opened may arrive before the renderer subscribes (double-clicked file at launch): keep a few until then. */
const BUFFERED_EVENTS: ReadonlySet<EventChannel> = new Set<EventChannel>(['file:opened']);
const MAX_BUFFERED_EVENTS = 8;

export function buildBridgeApi(ipc: IpcRendererLike): TpwBridge {
  const api: Record<string, unknown> = {};
  for (const [channel, method] of Object.entries(invokeChannels)) {
    api[method] = (...args: unknown[]) => ipc.invoke(channel, ...args.slice(0, 1));
  }
  for (const [channel, method] of Object.entries(eventChannels) as [EventChannel, string][]) {
    api[method] = subscribeTo(ipc, channel);
  }
  return Object.freeze(api) as unknown as TpwBridge;
}

function subscribeTo<E extends EventChannel>(ipc: IpcRendererLike, channel: E) {
  type Listener = (payload: EventPayloads[E]) => void;
  const listeners = new Set<Listener>();
  const pending: EventPayloads[E][] = [];
  ipc.on(channel, (_event, payload) => {
    if (listeners.size === 0 && BUFFERED_EVENTS.has(channel)) {
      if (pending.length < MAX_BUFFERED_EVENTS) pending.push(payload as EventPayloads[E]);
      return;
    }
    for (const listener of listeners) listener(payload as EventPayloads[E]);
  });
  return (listener: Listener): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError(`${channel}: listener must be a function`);
    // Wrap: contextBridge passes a fresh proxy per call, so the page's own function can't be the Set key.
    const wrapped: Listener = (payload) => listener(payload);
    listeners.add(wrapped);
    for (const payload of pending.splice(0)) wrapped(payload);
    return () => {
      listeners.delete(wrapped);
    };
  };
}
