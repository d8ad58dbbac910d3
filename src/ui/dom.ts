// A tiny element builder: the overlay is plain DOM, built fresh for each state and never parsed from HTML
// strings (so no scenario or save text can inject markup).
export type Child = Node | string | number | null | undefined | false | Child[];
type Handler = (ev: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A heading that the overlay moves focus to when its screen appears. */
export function screenHeading(level: 1 | 2, text: string, id: string): HTMLHeadingElement {
  return h(level === 1 ? 'h1' : 'h2', { id, tabindex: -1, class: 'screen-heading', 'data-screen-heading': true }, text);
}

/** A bar of `value` (0..1) with its text alternative: the number is always written next to it. */
export function meter(value: number, label: string, extraClass = ''): HTMLElement {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  const bar = h('span', { class: `meter ${extraClass}`.trim(), role: 'img', 'aria-label': label });
  bar.appendChild(h('span', { class: 'meter-fill', style: `width:${pct}%` }));
  return bar;
}
