// Layout checks for a screen size: nothing scrolls sideways, every control lies inside the viewport's
// width, is not covered by anything else where it would be pressed, and — for touch — is big enough to hit.
import type { Page } from 'playwright-core';

export interface LayoutOptions {
  /** Smallest width and height of a control's hit area (the control, or the label that activates it). */
  minHit: number;
}

/** Runs in the page: every problem found on the current screen, described (empty: none). */
export function layoutProblems(page: Page, o: LayoutOptions): Promise<string[]> {
  return page.evaluate(async ({ minHit }) => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    if (document.documentElement.scrollWidth > vw + 1) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${vw})`);
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.id;
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${text ? ` "${text}"` : ''}`;
    };
    const controls = [...document.querySelectorAll<HTMLElement>('button, input:not([type=hidden]), select, textarea, summary, a[href]')].filter((el) => {
      if (el.closest('[inert], [aria-hidden="true"]') || el.getClientRects().length === 0) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none';
    });
    for (const el of controls) {
      // A visually hidden radio or checkbox is hit through its label.
      const labels = el instanceof HTMLInputElement && el.labels ? [...el.labels] : [];
      const small = (r: DOMRect) => r.width <= 2 && r.height <= 2;
      const own = el.getBoundingClientRect();
      const target: HTMLElement | null = small(own) ? (labels[0] ?? null) : el;
      if (!target) {
        if (el.tabIndex >= 0 && !(el instanceof HTMLInputElement && el.type === 'file')) problems.push(`${name(el)} is hidden but focusable, with no label to press`);
        continue;
      }
      target.scrollIntoView({ block: 'center', inline: 'nearest' });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const r = target.getBoundingClientRect();
      if (r.left < -1 || r.right > vw + 1) problems.push(`${name(el)} is cut off at the side (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
      // Hit size: the label of a checkbox or radio counts with it.
      const hit = labels.length && target === el ? labels.map((l) => l.getBoundingClientRect()).concat([r]) : [r];
      const w = Math.max(...hit.map((x) => x.width));
      const h = Math.max(...hit.map((x) => x.height));
      if (w < minHit || h < minHit) problems.push(`${name(el)} is ${Math.round(w)}×${Math.round(h)} px, under ${minHit}×${minHit}`);
      // Not covered where it would be pressed (its centre, clipped to the viewport).
      const x = Math.min(Math.max(r.left + r.width / 2, 0), vw - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), vh - 1);
      const top = document.elementFromPoint(x, y);
      const ok = top !== null && (target.contains(top) || top.contains(target) || labels.some((l) => l.contains(top)) || (top instanceof HTMLLabelElement && top.control === el));
      if (!ok) problems.push(`${name(el)} is covered at its centre by ${top ? name(top) : 'nothing (off screen)'}`);
    }
    window.scrollTo(0, 0);
    return [...new Set(problems)];
  }, o);
}
