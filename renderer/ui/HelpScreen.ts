/** Help: how to play, the glossary (searchable), the keyboard shortcuts (current bindings) and about. */
import { ENGINE_VERSION } from '../../engine/index';
import type { App, Screen } from '../app/App';
import { SHORTCUT_ACTIONS, displayKey } from '../app/keyBindings';
import { h, replace } from './dom';
import { GLOSSARY } from './glossary';
import { createTabs, type Tabs } from './tabs';

export type HelpTab = 'play' | 'glossary' | 'shortcuts' | 'about';

export class HelpScreen implements Screen {
  readonly el: HTMLElement;
  private tabs: Tabs;
  private glossaryList: HTMLElement;
  private shortcutsBody: HTMLElement;
  private search: HTMLInputElement;

  constructor(private app: App) {
    this.glossaryList = h('dl', { class: 'glossary' });
    this.search = h('input', { type: 'search', id: 'glossary-search', placeholder: 'Filter terms…', oninput: () => this.renderGlossary() });
    this.shortcutsBody = h('div', { class: 'shortcut-groups' });
    this.tabs = createTabs('Help topics', [
      { id: 'play', label: 'How to play', panel: this.howToPlay() },
      { id: 'glossary', label: 'Glossary', panel: h('div', { class: 'help-panel' }, h('div', { class: 'field' }, h('label', { for: 'glossary-search' }, 'Filter the glossary'), this.search), this.glossaryList) },
      { id: 'shortcuts', label: 'Keyboard shortcuts', panel: h('div', { class: 'help-panel' }, this.shortcutsBody) },
      { id: 'about', label: 'About', panel: this.about() },
    ]);
    this.el = h(
      'section',
      { class: 'screen help-screen', 'aria-labelledby': 'help-heading', hidden: true },
      h('header', { class: 'screen-header' },
        h('button', { type: 'button', class: 'button ghost back', onclick: () => app.back() }, '← Back'),
        h('h1', { id: 'help-heading', tabindex: '-1' }, 'Help')),
      h('div', { class: 'help-body' }, this.tabs.list, this.tabs.panels),
    );
    this.renderGlossary();
  }

  onShow(): void {
    this.renderShortcuts();
    this.el.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }

  showTab(tab: HelpTab): void {
    this.tabs.select(tab, true);
  }

  private renderGlossary(): void {
    const q = this.search.value.trim().toLowerCase();
    const entries = GLOSSARY.filter((e) => !q || e.term.toLowerCase().includes(q) || e.definition.toLowerCase().includes(q) || e.aliases.some((a) => a.includes(q)));
    replace(this.glossaryList, entries.length === 0 ? h('p', null, 'No term matches.') : entries.map((e) => [
      h('dt', { id: `term-${e.id}` }, e.term),
      h('dd', null, h('p', null, e.definition), h('p', { class: 'in-game' }, h('strong', null, 'In the game: '), e.inGame)),
    ]));
  }

  private renderShortcuts(): void {
    const groups = ['Turn', 'Panels', 'Map', 'General'] as const;
    replace(this.shortcutsBody, groups.map((g) => h('section', { class: 'shortcut-group' }, h('h2', null, g),
      h('table', { class: 'data-table' }, h('tbody', null, SHORTCUT_ACTIONS.filter((a) => a.group === g).map((a) =>
        h('tr', null, h('th', { scope: 'row' }, a.label), h('td', null, this.app.bindings.keysOf(a.id).map((k) => h('kbd', null, displayKey(k)))))))))),
      h('p', { class: 'hint' }, 'Tab and Shift+Tab move between controls; Enter or Space activates. Change keys in Settings.'));
  }

  private howToPlay(): HTMLElement {
    const steps: [string, string][] = [
      ['Each turn is a quarter.', 'Make decisions in the panels, then End turn. The engine resolves deliveries, construction, power, markets and finance, and the turn report explains what happened.'],
      ['Chips (1).', 'Order chips (prepaid; they arrive after their lead time), deploy them to a ready facility on a workload — small, mid or frontier inference, or training — and reassign them later. LPUs need a whole model replica (hundreds of chips) before they serve anything.'],
      ['Sites (2).', 'Build facility capacity: greenfield (cheap per MW, slow: construction plus the grid queue) or retrofit an existing shell (2 quarters, limited). Capacity includes cooling (PUE).'],
      ['Power (3).', 'Sign PPAs for cheap, fixed-price power; you pay for contracted MW whether you use them or not. The rest comes from the spot market, if the grid has it — otherwise chips are throttled.'],
      ['Markets (4).', 'Set your price per million tokens for each model tier. Reference prices fall about 10x a year; buyers weigh price, speed and latency.'],
      ['Training (5) and Finance (6).', 'Rent out GPUs for training; borrow against your chips and facilities, repay, or raise equity at your last valuation.'],
      ['Everything is explained.', 'Hover or focus a number in the top bar for its breakdown; Undo takes back this turn\'s commands; Charts (7) show the whole game.'],
    ];
    return h('div', { class: 'help-panel how-to' }, h('ol', { class: 'steps' }, steps.map(([t, d]) => h('li', null, h('strong', null, t), ' ', d))));
  }

  private about(): HTMLElement {
    return h('div', { class: 'help-panel' },
      h('p', null, 'Tokens per Watt is a strategy game about the economics of AI compute: chips, the HBM and packaging chokepoints, power, data centers and financing. Company and supplier names are fictional; the lesson cards cite the public facts they are based on.'),
      h('p', null, `Engine ${ENGINE_VERSION} · the same seed and decisions always replay to the same game.`));
  }
}
