/** The events ticker: what your commands did and the headlines of each turn, newest first (an ARIA log). */
import { h } from '../dom';

export type TickerTone = 'command' | 'undo' | 'news' | 'warning';

const KEEP = 60;

export class EventsTicker {
  readonly el: HTMLElement;
  private list: HTMLElement;
  private toggle: HTMLButtonElement;

  constructor() {
    this.list = h('ol', { class: 'ticker-list', role: 'log', 'aria-label': 'Events', 'aria-live': 'polite', id: 'ticker-list' });
    this.toggle = h('button', { type: 'button', class: 'ticker-toggle', 'aria-expanded': 'false', 'aria-controls': 'ticker-list', onclick: () => this.setExpanded(this.toggle.getAttribute('aria-expanded') !== 'true') }, 'Events');
    this.el = h('section', { class: 'ticker', 'aria-label': 'Events ticker' }, this.toggle, this.list);
  }

  push(quarter: string, text: string, tone: TickerTone): void {
    const item = h('li', { class: `ticker-item is-${tone}` }, h('span', { class: 'ticker-when' }, quarter), h('span', { class: 'ticker-text' }, text));
    this.list.prepend(item);
    while (this.list.children.length > KEEP) this.list.lastElementChild!.remove();
    item.classList.add('is-new');
    setTimeout(() => item.classList.remove('is-new'), 1200);
  }

  private setExpanded(on: boolean): void {
    this.toggle.setAttribute('aria-expanded', String(on));
    this.el.classList.toggle('is-expanded', on);
  }
}
