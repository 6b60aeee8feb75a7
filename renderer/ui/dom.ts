/**
 * A tiny hyperscript: `h('button', { class: 'primary', onclick }, 'End turn')`. Text is always set as text (never
 * HTML): scenario and save content is untrusted. Attributes with value false/null/undefined are left out.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];
type Listener = (event: never) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Listener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function setAttrs(el: HTMLElement, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else if (key === 'checked' && el instanceof HTMLInputElement) el.checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child as readonly Child[]);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let nextUid = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  nextUid += 1;
  return `${prefix}-${nextUid}`;
}

/** Rewrites a select's options, keeping the chosen value when it still exists. */
export function setOptions(select: HTMLSelectElement, options: readonly { value: string; label: string; disabled?: boolean }[], placeholder?: string): void {
  const previous = select.value;
  select.replaceChildren();
  if (placeholder && options.length === 0) select.append(h('option', { value: '', disabled: true, selected: true }, placeholder));
  for (const o of options) select.append(h('option', { value: o.value, disabled: o.disabled }, o.label));
  if (options.some((o) => o.value === previous && !o.disabled)) select.value = previous;
}

/** A labelled field: <label for> + control + optional hint, wired with aria-describedby. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement, hint?: HTMLElement | string): HTMLElement {
  control.id ||= uid('f');
  const hintEl = hint === undefined ? null : typeof hint === 'string' ? h('span', { class: 'hint' }, hint) : hint;
  if (hintEl) {
    hintEl.id ||= uid('hint');
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

/** True when a key press there is typing, not a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type);
  return false;
}

/** Re-renders a container without losing keyboard focus: the focused element's `data-key` is focused again after. */
export function keepFocus(container: Element, render: () => void): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset['key'] : undefined;
  render();
  if (key) container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}
