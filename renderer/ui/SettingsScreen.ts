/**
 * Settings, stored as soon as they change: UI scale (root font size), colour-blind-safe palette, reduced motion, and
 * key bindings (press "Change", then the new key; Escape cancels the capture).
 */
import type { App, Screen } from '../app/App';
import { SHORTCUT_ACTIONS, displayKey, keyString } from '../app/keyBindings';
import { UI_SCALES } from '../platform/settings';
import { h, replace } from './dom';

export class SettingsScreen implements Screen {
  readonly el: HTMLElement;
  private scale: HTMLSelectElement;
  private paletteDefault: HTMLInputElement;
  private paletteSafe: HTMLInputElement;
  private motion: HTMLInputElement;
  private bindingsBody: HTMLElement;
  private status: HTMLElement;
  private capturing: string | null = null;

  constructor(private app: App) {
    this.status = h('p', { class: 'form-msg', role: 'status', 'aria-live': 'polite' });
    this.scale = h('select', { id: 'set-scale', onchange: () => void this.save({ uiScale: Number(this.scale.value) }, `UI scale ${Math.round(Number(this.scale.value) * 100)}%.`) },
      UI_SCALES.map((s) => h('option', { value: String(s) }, `${Math.round(s * 100)}%`)));
    const onPalette = () => void this.save({ palette: this.paletteSafe.checked ? 'colorblind' : 'default' }, this.paletteSafe.checked ? 'Colour-blind-safe palette on.' : 'Default palette.');
    this.paletteDefault = h('input', { type: 'radio', name: 'palette', id: 'pal-default', value: 'default', onchange: onPalette });
    this.paletteSafe = h('input', { type: 'radio', name: 'palette', id: 'pal-safe', value: 'colorblind', onchange: onPalette });
    this.motion = h('input', { type: 'checkbox', id: 'set-motion', onchange: () => void this.save({ reducedMotion: this.motion.checked }, this.motion.checked ? 'Reduced motion on.' : 'Reduced motion off.') });
    this.bindingsBody = h('tbody');

    this.el = h(
      'section',
      { class: 'screen settings-screen', 'aria-labelledby': 'settings-heading', hidden: true, onkeydown: (e: KeyboardEvent) => this.onKey(e) },
      h('header', { class: 'screen-header' },
        h('button', { type: 'button', class: 'button ghost back', onclick: () => app.back() }, '← Back'),
        h('h1', { id: 'settings-heading', tabindex: '-1' }, 'Settings')),
      h('div', { class: 'settings-body' },
        h('section', { class: 'card', 'aria-labelledby': 'set-display' },
          h('h2', { id: 'set-display' }, 'Display'),
          h('div', { class: 'field' }, h('label', { for: 'set-scale' }, 'UI scale'), this.scale, h('span', { class: 'hint' }, 'Text and panels grow together; the map is unaffected.')),
          h('fieldset', { class: 'field' }, h('legend', null, 'Palette'),
            h('label', { class: 'choice', for: 'pal-default' }, this.paletteDefault, 'Default'),
            h('label', { class: 'choice', for: 'pal-safe' }, this.paletteSafe, 'Colour-blind safe', h('span', { class: 'swatches', 'aria-hidden': 'true' }, ['#0072b2', '#e69f00', '#009e73', '#cc79a7'].map((c) => h('span', { class: 'swatch', style: `background:${c}` }))))),
          h('div', { class: 'field' }, h('label', { class: 'choice', for: 'set-motion' }, this.motion, 'Reduced motion'), h('span', { class: 'hint' }, 'No animated flows on the map, no sliding panels.')),
          this.status),
        h('section', { class: 'card wide', 'aria-labelledby': 'set-keys' },
          h('h2', { id: 'set-keys' }, 'Key bindings'),
          h('p', { class: 'hint' }, 'Shortcuts work when you are not typing in a field. Rebinding an action replaces its default keys.'),
          h('table', { class: 'data-table keys-table' }, h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Action'), h('th', { scope: 'col' }, 'Keys'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Change')))), this.bindingsBody),
          h('button', { type: 'button', class: 'button ghost', onclick: () => void this.save({ keyBindings: {} }, 'All key bindings reset.') }, 'Reset all keys'))),
    );
  }

  onShow(): void {
    const s = this.app.settings;
    this.scale.value = String(UI_SCALES.includes(s.uiScale as (typeof UI_SCALES)[number]) ? s.uiScale : 1);
    this.paletteDefault.checked = s.palette === 'default';
    this.paletteSafe.checked = s.palette === 'colorblind';
    this.motion.checked = s.reducedMotion;
    this.status.textContent = '';
    this.renderBindings();
    this.el.querySelector<HTMLElement>('h1')?.focus();
  }

  private renderBindings(): void {
    const b = this.app.bindings;
    replace(this.bindingsBody, SHORTCUT_ACTIONS.map((a) => {
      const changed = this.app.settings.keyBindings[a.id] !== undefined;
      const button = h('button', { type: 'button', class: 'button small', 'aria-label': `Change key for ${a.label}` }, 'Change');
      button.addEventListener('click', () => this.capture(a.id, button));
      return h('tr', null,
        h('th', { scope: 'row' }, a.label),
        h('td', null, b.keysOf(a.id).map((k) => h('kbd', null, displayKey(k)))),
        h('td', { class: 'actions' }, button,
          changed && h('button', { type: 'button', class: 'button small ghost', 'aria-label': `Reset key for ${a.label}`, onclick: () => void this.resetKey(a.id) }, 'Reset')));
    }));
  }

  private capture(actionId: string, button: HTMLButtonElement): void {
    this.capturing = actionId;
    button.textContent = 'Press a key…';
    button.classList.add('is-capturing');
    this.status.textContent = 'Press the new key, or Escape to cancel.';
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.capturing) return;
    event.preventDefault();
    event.stopPropagation();
    const actionId = this.capturing;
    if (event.key === 'Escape') {
      this.capturing = null;
      this.renderBindings();
      this.status.textContent = 'Unchanged.';
      return;
    }
    const key = keyString(event);
    if (!key) return;
    this.capturing = null;
    const clash = this.app.bindings.conflicts(actionId, key);
    const label = SHORTCUT_ACTIONS.find((a) => a.id === actionId)!.label;
    void this.save({ keyBindings: { ...this.app.settings.keyBindings, [actionId]: key } },
      `${label}: ${displayKey(key)}.${clash.length ? ` Also used by ${clash.join(', ')} — the first listed wins.` : ''}`).then(() => {
      this.el.querySelector<HTMLButtonElement>(`[aria-label="Change key for ${label}"]`)?.focus();
    });
  }

  private async resetKey(actionId: string): Promise<void> {
    const rest = { ...this.app.settings.keyBindings };
    delete rest[actionId];
    await this.save({ keyBindings: rest }, 'Key reset to its default.');
  }

  private async save(patch: Parameters<App['updateSettings']>[0], done: string): Promise<void> {
    try {
      await this.app.updateSettings(patch);
      this.status.textContent = `Saved. ${done}`;
    } catch (e) {
      this.status.textContent = (e as Error).message;
    }
    if ('keyBindings' in patch) this.renderBindings();
  }
}
