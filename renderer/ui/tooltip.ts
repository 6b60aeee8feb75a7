/**
 * One styled tooltip for the whole page, shown on hover and on keyboard focus (native `title` tooltips are neither
 * styleable nor shown on focus). Plain tips come from `data-tip`; rich ones (KPI breakdowns) from `richTip(el, build)`,
 * built when shown so they always read the current state. The tip is linked with aria-describedby while visible.
 */
import { h } from './dom';

const builders = new WeakMap<Element, () => Node>();
const SHOW_DELAY_MS = 350;

/** Gives an element a tooltip whose content is built on demand. */
export function richTip(el: HTMLElement, build: () => Node): void {
  builders.set(el, build);
  el.dataset['tip'] ??= '';
}

export function installTooltips(root: HTMLElement = document.body): { hide(): void } {
  const tip = h('div', { id: 'tooltip', class: 'tooltip', role: 'tooltip', hidden: true });
  root.append(tip);
  let owner: HTMLElement | null = null;
  let timer = 0;

  const targetOf = (node: EventTarget | null): HTMLElement | null =>
    node instanceof Element ? (node.closest<HTMLElement>('[data-tip]') ?? null) : null;

  function show(el: HTMLElement): void {
    const build = builders.get(el);
    const text = el.dataset['tip'];
    if (!build && !text) return;
    tip.replaceChildren(build ? build() : (text ?? ''));
    tip.classList.toggle('is-rich', Boolean(build));
    tip.hidden = false;
    owner = el;
    const described = el.getAttribute('aria-describedby') ?? '';
    if (!described.split(' ').includes(tip.id)) el.setAttribute('aria-describedby', `${described} ${tip.id}`.trim());
    place(el);
  }

  function place(el: HTMLElement): void {
    const r = el.getBoundingClientRect();
    const t = tip.getBoundingClientRect();
    const margin = 8;
    let top = r.bottom + margin;
    if (top + t.height > innerHeight - margin) top = Math.max(margin, r.top - t.height - margin);
    const left = Math.min(Math.max(margin, r.left + r.width / 2 - t.width / 2), innerWidth - t.width - margin);
    tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  function hide(): void {
    clearTimeout(timer);
    if (owner) {
      const rest = (owner.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== tip.id);
      if (rest.length) owner.setAttribute('aria-describedby', rest.join(' '));
      else owner.removeAttribute('aria-describedby');
    }
    owner = null;
    tip.hidden = true;
  }

  document.addEventListener('pointerover', (e) => {
    const el = targetOf(e.target);
    if (el === owner) return;
    hide();
    if (el) timer = window.setTimeout(() => show(el), SHOW_DELAY_MS);
  });
  document.addEventListener('pointerdown', hide);
  document.addEventListener('focusin', (e) => {
    const el = targetOf(e.target);
    hide();
    if (el && el.matches(':focus-visible')) show(el);
  });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && owner) {
      hide();
      e.stopPropagation();
    }
  }, true);
  window.addEventListener('resize', hide);
  return { hide };
}
