// The whole main-side stack behind the bridge (storage services, handlers, IPC validation and sender checks), over
// real files in temp folders with scripted dialogs. Shared by the handler tests and the hostile-save tests.
import path from 'node:path';
import { vi } from 'vitest';
import type { BridgeResult, InvokeChannel } from '../../main/bridge/contract';
import { createBridgeHandlers, labelForPath } from '../../main/handlers';
import { createSenderCheck, registerIpcHandlers } from '../../main/ipc';
import type { InvokeEvent } from '../../main/ipc';
import { createAutosaveRing } from '../../main/storage/autosaveRing';
import { nodeFileSystem } from '../../main/storage/fileSystem';
import { createRecentFiles } from '../../main/storage/recentFiles';
import { createSaveFiles } from '../../main/storage/saveFiles';
import { createSettingsStore } from '../../main/storage/settingsStore';
import { makeTempDir } from './tempDir';

/** Folders default to fresh ones removed after each test; pass your own to keep them across tests. */
export async function bridgeOverRealFiles(folders?: { userData: string; documents: string }) {
  const userData = folders?.userData ?? (await makeTempDir());
  const documents = folders?.documents ?? (await makeTempDir());
  const quiet = () => {};
  const recentFiles = createRecentFiles({ fs: nodeFileSystem, filePath: path.join(userData, 'recent-files.json'), logWarning: quiet });
  const dialogs = { chooseFileToOpen: vi.fn(async () => undefined as string | undefined), chooseFileToSave: vi.fn(async (name: string): Promise<string | undefined> => path.join(documents, name)) };
  const handlers = createBridgeHandlers({
    appInfo: { appVersion: '0.1.0', platform: 'linux', userDataLabel: labelForPath(userData, path.dirname(userData)) },
    settings: createSettingsStore({ fs: nodeFileSystem, filePath: path.join(userData, 'settings.json'), logWarning: quiet }),
    autosaves: createAutosaveRing({ fs: nodeFileSystem, dir: path.join(userData, 'autosaves'), logWarning: quiet }),
    saveFiles: createSaveFiles({ fs: nodeFileSystem, dialogs, recentFiles }),
    recentFiles,
  });
  const listeners = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const frame = { url: 'app://tpw/index.html', parent: null, processId: 1, routingId: 1 };
  registerIpcHandlers({ handle: (channel, listener) => listeners.set(channel, listener) }, handlers, createSenderCheck(() => [frame]));
  const invoke = async (channel: InvokeChannel, ...args: unknown[]) =>
    (await listeners.get(channel)!({ senderFrame: frame }, ...args)) as BridgeResult<any>;
  return { userData, documents, dialogs, invoke };
}
