// Channel names and their preload method names. Dependency-free so the sandboxed preload bundles only this file.

/** Renderer → main request/response channels (ipcRenderer.invoke), each mapped to its `window.tpw` method name. */
export const invokeChannels = {
  'app:info': 'appInfo',
  'settings:get': 'settingsGet',
  'settings:set': 'settingsSet',
  'save:open': 'saveOpen',
  'save:save': 'saveSave',
  'save:saveAs': 'saveSaveAs',
  'save:clearCurrent': 'saveClearCurrent',
  'save:confirmOpened': 'saveConfirmOpened',
  'autosave:write': 'autosaveWrite',
  'autosave:list': 'autosaveList',
  'autosave:read': 'autosaveRead',
  'recent:list': 'recentList',
  'recent:open': 'recentOpen',
} as const;

/** Main → renderer event channels (webContents.send), each mapped to its `window.tpw` subscribe method name. */
export const eventChannels = {
  'menu:action': 'onMenuAction',
  'file:opened': 'onFileOpened',
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;

/** Every channel name, for tests and for the IPC registry's own bookkeeping. */
export const invokeChannelNames = Object.keys(invokeChannels) as InvokeChannel[];
export const eventChannelNames = Object.keys(eventChannels) as EventChannel[];

/** Actions the application menu sends to the renderer on `menu:action`. */
export const menuActions = [
  'file:new',
  'file:open',
  'file:save',
  'file:saveAs',
  'edit:undo',
  'help:glossary',
  'help:keyboardShortcuts',
  'help:about',
] as const;
export type MenuAction = (typeof menuActions)[number];
