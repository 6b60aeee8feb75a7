/**
 * Keyboard shortcuts: every action's default keys, the player's overrides (settings.keyBindings: action → one key,
 * replacing that action's defaults), and matching a KeyboardEvent to an action. Key strings read like "Ctrl+Z",
 * "E", "ArrowUp", "+"; Ctrl also matches ⌘ on a Mac.
 */
export interface ShortcutAction {
  id: string;
  label: string;
  group: 'Turn' | 'Panels' | 'Map' | 'General';
  keys: readonly string[];
}

export const SHORTCUT_ACTIONS: readonly ShortcutAction[] = [
  { id: 'turn.end', label: 'End turn', group: 'Turn', keys: ['E', 'Enter'] },
  { id: 'edit.undo', label: 'Undo the last command of this turn', group: 'Turn', keys: ['Ctrl+Z'] },
  { id: 'report.show', label: 'Show the last turn report', group: 'Turn', keys: ['R'] },
  { id: 'panel.chips', label: 'Chips panel', group: 'Panels', keys: ['1'] },
  { id: 'panel.sites', label: 'Sites panel', group: 'Panels', keys: ['2'] },
  { id: 'panel.power', label: 'Power panel', group: 'Panels', keys: ['3'] },
  { id: 'panel.markets', label: 'Markets panel', group: 'Panels', keys: ['4'] },
  { id: 'panel.training', label: 'Training panel', group: 'Panels', keys: ['5'] },
  { id: 'panel.finance', label: 'Finance panel', group: 'Panels', keys: ['6'] },
  { id: 'panel.charts', label: 'Charts', group: 'Panels', keys: ['7'] },
  { id: 'panel.close', label: 'Close the panel, tooltip or dialog', group: 'Panels', keys: ['Escape'] },
  { id: 'map.focus', label: 'Focus the map', group: 'Map', keys: ['M'] },
  { id: 'map.panUp', label: 'Pan the map up', group: 'Map', keys: ['W', 'ArrowUp'] },
  { id: 'map.panLeft', label: 'Pan the map left', group: 'Map', keys: ['A', 'ArrowLeft'] },
  { id: 'map.panDown', label: 'Pan the map down', group: 'Map', keys: ['S', 'ArrowDown'] },
  { id: 'map.panRight', label: 'Pan the map right', group: 'Map', keys: ['D', 'ArrowRight'] },
  { id: 'map.zoomIn', label: 'Zoom in', group: 'Map', keys: ['+', '='] },
  { id: 'map.zoomOut', label: 'Zoom out', group: 'Map', keys: ['-'] },
  { id: 'map.reset', label: 'Reset the map view', group: 'Map', keys: ['0'] },
  { id: 'game.save', label: 'Save the game', group: 'General', keys: ['Ctrl+S'] },
  { id: 'game.saveAs', label: 'Save the game to a new file', group: 'General', keys: ['Ctrl+Shift+S'] },
  { id: 'help.open', label: 'Help and glossary', group: 'General', keys: ['F1', '?'] },
];

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/** The key string of a key press, or null for a lone modifier. */
export function keyString(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string | null {
  if (MODIFIER_KEYS.has(event.key)) return null;
  let key = event.key === ' ' ? 'Space' : event.key;
  const printable = key.length === 1;
  if (printable) key = key.toUpperCase();
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  // A printable key already carries Shift ("?" not "Shift+/"), except a letter with Ctrl or Alt (Ctrl+Shift+S is not
  // Ctrl+S); named keys keep it.
  const shiftedLetter = /^[A-Z]$/.test(key) && (event.ctrlKey || event.metaKey || event.altKey);
  if (event.shiftKey && (!printable || shiftedLetter)) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

export class KeyBindings {
  private byKey = new Map<string, string>();

  constructor(private overrides: Readonly<Record<string, string>> = {}) {
    this.rebuild();
  }

  setOverrides(overrides: Readonly<Record<string, string>>): void {
    this.overrides = overrides;
    this.rebuild();
  }

  keysOf(actionId: string): readonly string[] {
    const override = this.overrides[actionId];
    if (override) return [override];
    return SHORTCUT_ACTIONS.find((a) => a.id === actionId)?.keys ?? [];
  }

  /** "E or Enter", for tooltips and help. */
  describe(actionId: string): string {
    return this.keysOf(actionId).map(displayKey).join(' or ');
  }

  /** The aria-keyshortcuts value of an action. */
  aria(actionId: string): string {
    return this.keysOf(actionId).map((k) => k.replace(/^Ctrl\+/, 'Control+').replace(/^\+$/, 'Plus').replace(/\+\+$/, '+Plus')).join(' ');
  }

  actionFor(event: KeyboardEvent): string | null {
    const key = keyString(event);
    return key ? (this.byKey.get(key) ?? null) : null;
  }

  /** Other actions already using a key (for the settings screen's conflict warning). */
  conflicts(actionId: string, key: string): string[] {
    return SHORTCUT_ACTIONS.filter((a) => a.id !== actionId && this.keysOf(a.id).includes(key)).map((a) => a.label);
  }

  private rebuild(): void {
    this.byKey.clear();
    for (const action of SHORTCUT_ACTIONS) for (const key of this.keysOf(action.id)) if (!this.byKey.has(key)) this.byKey.set(key, action.id);
  }
}

/** How a key string is shown: arrows as symbols, the rest as is. */
export function displayKey(key: string): string {
  const names: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' };
  return key
    .split(/\+(?=.)/)
    .map((part) => names[part] ?? part)
    .join('+');
}
