import { describe, expect, it, vi } from 'vitest';
import { menuActions } from '../../main/bridge/contract';
import { buildMenuModel, toMenuTemplate } from '../../main/menu';
import type { MenuEntry, MenuSection } from '../../main/menu';

const entries = (model: MenuSection[]): MenuEntry[] => model.flatMap((section) => section.entries);
const linux = buildMenuModel({ platform: 'linux', productName: 'Tokens per Watt', includeDeveloperTools: false });
const mac = buildMenuModel({ platform: 'darwin', productName: 'Tokens per Watt', includeDeveloperTools: false });

function acceleratorOf(model: MenuSection[], match: (entry: MenuEntry) => boolean): string | undefined {
  const entry = entries(model).find(match);
  return entry && entry.kind !== 'separator' ? entry.accelerator : undefined;
}

describe('application menu model', () => {
  it('has the usual sections', () => {
    expect(linux.map((section) => section.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(mac.map((section) => section.label)).toEqual(['Tokens per Watt', 'File', 'Edit', 'View', 'Help']);
  });

  it.each([
    ['file:new', 'CmdOrCtrl+N'],
    ['file:open', 'CmdOrCtrl+O'],
    ['file:save', 'CmdOrCtrl+S'],
    ['file:saveAs', 'CmdOrCtrl+Shift+S'],
    ['edit:undo', 'CmdOrCtrl+Z'],
  ])('binds %s to %s', (action, accelerator) => {
    for (const model of [linux, mac]) {
      expect(acceleratorOf(model, (entry) => entry.kind === 'action' && entry.action === action)).toBe(accelerator);
    }
  });

  it('quits with CmdOrCtrl+Q and toggles full screen with F11 on every platform', () => {
    for (const model of [linux, mac]) {
      expect(acceleratorOf(model, (entry) => entry.kind === 'role' && entry.role === 'quit')).toBe('CmdOrCtrl+Q');
      expect(acceleratorOf(model, (entry) => entry.kind === 'role' && entry.role === 'togglefullscreen')).toBe('F11');
    }
  });

  it('offers every menu action exactly once and no accelerator twice', () => {
    for (const model of [linux, mac]) {
      const actions = entries(model).flatMap((entry) => (entry.kind === 'action' ? [entry.action] : []));
      expect([...actions].sort()).toEqual([...menuActions].sort());
      const accelerators = entries(model).flatMap((entry) => (entry.kind !== 'separator' && entry.accelerator ? [entry.accelerator] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });

  it('shows developer tools only when asked (unpackaged builds)', () => {
    const roles = (model: MenuSection[]) => entries(model).flatMap((entry) => (entry.kind === 'role' ? [entry.role] : []));
    expect(roles(linux)).not.toContain('toggleDevTools');
    expect(roles(linux)).not.toContain('reload');
    expect(roles(buildMenuModel({ platform: 'linux', productName: 'x', includeDeveloperTools: true }))).toContain('toggleDevTools');
  });

  it('becomes an Electron template whose items send their action', () => {
    const sendAction = vi.fn();
    const template = toMenuTemplate(linux, sendAction);
    const file = template.find((item) => item.label === 'File');
    const submenu = file?.submenu as { label?: string; accelerator?: string; click?: () => void }[];
    const save = submenu.find((item) => item.label === 'Save');
    expect(save?.accelerator).toBe('CmdOrCtrl+S');
    save?.click?.();
    expect(sendAction).toHaveBeenCalledExactlyOnceWith('file:save');
    expect(submenu.find((item) => item.label === 'Quit')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
  });
});
