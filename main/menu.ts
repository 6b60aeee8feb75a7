// The application menu as plain data (tested as such), and its translation to Electron's template.
// Game actions go to the renderer on `menu:action`; window/OS actions use Electron roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from './bridge/contract';

type MenuRole = NonNullable<MenuItemConstructorOptions['role']>;

export type MenuEntry =
  | { kind: 'action'; action: MenuAction; label: string; accelerator?: string }
  | { kind: 'role'; role: MenuRole; label?: string; accelerator?: string }
  | { kind: 'separator' };

export interface MenuSection {
  label: string;
  entries: MenuEntry[];
}

export interface MenuModelOptions {
  platform: string;
  productName: string;
  /** Reload and DevTools, for unpackaged development builds only. */
  includeDeveloperTools: boolean;
}

const separator: MenuEntry = { kind: 'separator' };
const quit: MenuEntry = { kind: 'role', role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' };
const about: MenuEntry = { kind: 'action', action: 'help:about', label: 'About Tokens per Watt' };

export function buildMenuModel({ platform, productName, includeDeveloperTools }: MenuModelOptions): MenuSection[] {
  const isMac = platform === 'darwin';
  const appSection: MenuSection = {
    label: productName,
    entries: [about, separator, { kind: 'role', role: 'hide' }, { kind: 'role', role: 'hideOthers' }, { kind: 'role', role: 'unhide' }, separator, quit],
  };
  const file: MenuSection = {
    label: 'File',
    entries: [
      { kind: 'action', action: 'file:new', label: 'New Game', accelerator: 'CmdOrCtrl+N' },
      { kind: 'action', action: 'file:open', label: 'Open…', accelerator: 'CmdOrCtrl+O' },
      separator,
      { kind: 'action', action: 'file:save', label: 'Save', accelerator: 'CmdOrCtrl+S' },
      { kind: 'action', action: 'file:saveAs', label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S' },
      ...(isMac ? [] : [separator, quit]),
    ],
  };
  const edit: MenuSection = {
    label: 'Edit',
    entries: [
      { kind: 'action', action: 'edit:undo', label: 'Undo Command', accelerator: 'CmdOrCtrl+Z' },
      separator,
      { kind: 'role', role: 'cut' },
      { kind: 'role', role: 'copy' },
      { kind: 'role', role: 'paste' },
      { kind: 'role', role: 'selectAll' },
    ],
  };
  const developerEntries: MenuEntry[] = includeDeveloperTools
    ? [separator, { kind: 'role', role: 'reload' }, { kind: 'role', role: 'toggleDevTools' }]
    : [];
  const view: MenuSection = {
    label: 'View',
    entries: [{ kind: 'role', role: 'togglefullscreen', label: 'Toggle Full Screen', accelerator: 'F11' }, ...developerEntries],
  };
  const help: MenuSection = {
    label: 'Help',
    entries: [
      { kind: 'action', action: 'help:glossary', label: 'Glossary' },
      { kind: 'action', action: 'help:keyboardShortcuts', label: 'Keyboard Shortcuts' },
      ...(isMac ? [] : [separator, about]),
    ],
  };
  return isMac ? [appSection, file, edit, view, help] : [file, edit, view, help];
}

/** Electron's Menu.buildFromTemplate input; `sendAction` forwards an action to the focused app window. */
export function toMenuTemplate(model: readonly MenuSection[], sendAction: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  return model.map((section) => ({ label: section.label, submenu: section.entries.map((entry) => toMenuItem(entry, sendAction)) }));
}

function toMenuItem(entry: MenuEntry, sendAction: (action: MenuAction) => void): MenuItemConstructorOptions {
  switch (entry.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return { role: entry.role, ...(entry.label === undefined ? {} : { label: entry.label }), ...(entry.accelerator === undefined ? {} : { accelerator: entry.accelerator }) };
    case 'action':
      return {
        label: entry.label,
        ...(entry.accelerator === undefined ? {} : { accelerator: entry.accelerator }),
        click: () => sendAction(entry.action),
      };
  }
}
