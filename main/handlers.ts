// One handler per bridge channel, each a one-liner onto the storage services (all file system work lives there).
import type { AppInfo } from './bridge/contract';
import type { BridgeHandlers } from './ipc';
import { ok } from './result';
import type { AutosaveRing } from './storage/autosaveRing';
import type { RecentFiles } from './storage/recentFiles';
import type { SaveFiles } from './storage/saveFiles';
import type { SettingsStore } from './storage/settingsStore';

export interface BridgeServices {
  appInfo: AppInfo;
  settings: SettingsStore;
  saveFiles: SaveFiles;
  autosaves: AutosaveRing;
  recentFiles: RecentFiles;
}

export function createBridgeHandlers(services: BridgeServices): BridgeHandlers {
  const { appInfo, settings, saveFiles, autosaves, recentFiles } = services;
  return {
    'app:info': async () => ok(appInfo),
    'settings:get': async () => ok(await settings.get()),
    'settings:set': (patch) => settings.update(patch),
    'save:open': () => saveFiles.open(),
    'save:save': (request) => saveFiles.save(request),
    'save:saveAs': (request) => saveFiles.saveAs(request),
    'save:clearCurrent': async () => {
      saveFiles.clearCurrent();
      return ok(null);
    },
    'save:confirmOpened': ({ openId }) => saveFiles.confirmOpened(openId),
    'autosave:write': ({ turn, content }) => autosaves.write(turn, content),
    'autosave:list': () => autosaves.list(),
    'autosave:read': ({ id }) => autosaves.read(id),
    'recent:list': async () => ok(await recentFiles.list()),
    'recent:open': ({ id }) => saveFiles.openRecent(id),
  };
}

/** `/home/ada/.config/Tokens per Watt` → `~/.config/Tokens per Watt`, for display only. */
export function labelForPath(fullPath: string, homeDir: string): string {
  if (homeDir !== '' && (fullPath === homeDir || fullPath.startsWith(`${homeDir}/`) || fullPath.startsWith(`${homeDir}\\`))) {
    return `~${fullPath.slice(homeDir.length)}`;
  }
  return fullPath;
}
