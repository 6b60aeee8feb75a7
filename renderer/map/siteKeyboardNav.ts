/**
 * Keyboard and screen-reader access to the sites on the canvas: a visually hidden list of buttons, one per site, after
 * the canvas in tab order. Focusing a button shows a focus ring on the map and brings the site into view; Enter or
 * Space selects it (native button behaviour), Escape clears the selection. Plain DOM, no PixiJS.
 */
import type { Id } from '../../engine';
import type { SiteView } from './model/siteViews';

export interface SiteKeyboardNavHandlers {
  onFocus(siteId: Id | null): void;
  onSelect(siteId: Id | null): void;
}

const STATUS_TEXT: Record<SiteView['playerStatus'], string> = {
  none: 'no facility of yours',
  building: 'your facility is being built',
  ready: 'your facility is powered',
  throttled: 'your chips are throttled',
};

export class SiteKeyboardNav {
  readonly element: HTMLElement;
  private readonly buttons = new Map<Id, HTMLButtonElement>();

  constructor(private readonly handlers: SiteKeyboardNavHandlers) {
    this.element = document.createElement('div');
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', 'Sites on the map');
    Object.assign(this.element.style, {
      position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap',
    });
    this.element.addEventListener('focusout', (event) => {
      if (!this.element.contains(event.relatedTarget as Node | null)) this.handlers.onFocus(null);
    });
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.handlers.onSelect(null);
    });
  }

  /** Adds or updates one site's button (only changed text is written). */
  upsert(view: SiteView): void {
    let button = this.buttons.get(view.id);
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      const id = view.id;
      button.addEventListener('focus', () => this.handlers.onFocus(id));
      button.addEventListener('click', () => this.handlers.onSelect(id));
      this.buttons.set(id, button);
      this.element.append(button);
    }
    const text = `${view.name}: ${STATUS_TEXT[view.playerStatus]}, ${Math.round(view.totalMw)} MW on site`;
    if (button.textContent !== text) button.textContent = text;
  }

  remove(siteId: Id): void {
    this.buttons.get(siteId)?.remove();
    this.buttons.delete(siteId);
  }

  setSelected(siteId: Id | null): void {
    for (const [id, button] of this.buttons) button.setAttribute('aria-pressed', String(id === siteId));
  }

  destroy(): void {
    this.element.remove();
    this.buttons.clear();
  }
}
