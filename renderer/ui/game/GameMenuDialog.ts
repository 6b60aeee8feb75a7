/** The in-game menu (Escape with no panel open, or the Menu button): resume, save (as), load, settings, help, quit. */
import { h } from '../dom';

export interface GameMenuActions {
  save(): void;
  /** Only where Save writes back to the game's own file (the desktop): Save As then picks another. */
  saveAs?: () => void;
  load(): void;
  settings(): void;
  help(): void;
  quit(): void;
}

export class GameMenuDialog {
  readonly el: HTMLDialogElement;
  private status = h('p', { class: 'form-msg', role: 'status', 'aria-live': 'polite' });

  constructor(actions: GameMenuActions) {
    const item = (label: string, fn: () => void, close = true) => h('li', null, h('button', { type: 'button', class: 'menu-item', onclick: () => { if (close) this.el.close(); fn(); } }, label));
    this.el = h('dialog', { class: 'dialog menu-dialog', 'aria-labelledby': 'game-menu-heading' },
      h('header', { class: 'dialog-header' }, h('h2', { id: 'game-menu-heading' }, 'Menu')),
      h('ul', { class: 'title-menu compact' },
        item('Resume', () => {}),
        item('Save game', actions.save, false),
        actions.saveAs ? item('Save as…', actions.saveAs, false) : null,
        item('Load game', actions.load),
        item('Settings', actions.settings),
        item('Help', actions.help),
        item('Quit to title', actions.quit)),
      this.status);
  }

  show(): void {
    this.status.textContent = '';
    if (!this.el.open) this.el.showModal();
    this.el.querySelector<HTMLButtonElement>('button')?.focus();
  }

  say(text: string): void {
    this.status.textContent = text;
  }
}
