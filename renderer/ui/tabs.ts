/**
 * The ARIA tabs pattern: a tablist whose arrow keys move between tabs (Home/End to the ends), each tab controlling
 * one tabpanel. Used by Help and the charts' metric picker.
 */
import { h, uid } from './dom';

export interface TabSpec {
  id: string;
  label: string;
  panel: HTMLElement;
}

export interface Tabs {
  list: HTMLElement;
  panels: HTMLElement[];
  select(id: string, focus?: boolean): void;
  readonly selected: string;
}

export function createTabs(label: string, specs: readonly TabSpec[], onSelect?: (id: string) => void): Tabs {
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tablist' });
  const buttons: HTMLButtonElement[] = [];
  let selected = specs[0]!.id;
  for (const spec of specs) {
    const tabId = uid('tab');
    spec.panel.id ||= uid('tabpanel');
    spec.panel.setAttribute('role', 'tabpanel');
    spec.panel.setAttribute('aria-labelledby', tabId);
    spec.panel.tabIndex = 0;
    const button = h('button', { type: 'button', role: 'tab', id: tabId, 'aria-controls': spec.panel.id, class: 'tab', onclick: () => tabs.select(spec.id, true) }, spec.label);
    buttons.push(button);
    list.append(button);
  }
  list.addEventListener('keydown', (e) => {
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    tabs.select(specs[(next + specs.length) % specs.length]!.id, true);
  });
  const tabs: Tabs = {
    list,
    panels: specs.map((s) => s.panel),
    get selected() {
      return selected;
    },
    select(id, focus = false) {
      selected = id;
      specs.forEach((spec, i) => {
        const on = spec.id === id;
        buttons[i]!.setAttribute('aria-selected', String(on));
        buttons[i]!.tabIndex = on ? 0 : -1;
        spec.panel.hidden = !on;
        if (on && focus) buttons[i]!.focus();
      });
      onSelect?.(id);
    },
  };
  tabs.select(selected);
  return tabs;
}
