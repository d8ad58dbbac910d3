// Helpers for driving the built game in Chromium: a fresh context per test with an audio probe, every
// console error and page error collected, the app's state read through window.__binational, keyboard-only
// navigation (Tab / Shift+Tab to a control, then Enter, Space or arrows), axe-core checks and screenshots.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { AppState, Screen } from '../../../src/app/app-types';
import { ROOT } from './server';

export const SCREENS_DIR = resolve(ROOT, 'test-results/screens');
const T0 = Date.now();

/** E2E_TRACE=1 prints each step with its time, to see where a slow or stuck run spends it. */
export function trace(message: string): void {
  if (process.env.E2E_TRACE === '1') console.log(`[e2e ${((Date.now() - T0) / 1000).toFixed(1)}s] ${message}`);
}
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core');

/**
 * Installed before any page script: records every AudioContext made and every buffer source started,
 * so the tests can see what the sound layer really does (no context before sound is on, which sounds
 * play, whether the bed loops), without reaching into Howler.
 */
const AUDIO_PROBE = `(() => {
  const probe = { contexts: [], starts: [], stops: 0 };
  Object.defineProperty(window, '__audioProbe', { value: probe });
  const Native = window.AudioContext;
  if (!Native) return;
  class ProbedAudioContext extends Native {
    constructor(...args) { super(...args); probe.contexts.push(this); }
  }
  window.AudioContext = ProbedAudioContext;
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (...args) {
    const b = this.buffer;
    probe.starts.push({ at: performance.now(), duration: b ? b.duration : 0, loop: this.loop, state: this.context.state });
    return start.apply(this, args);
  };
  const stop = AudioBufferSourceNode.prototype.stop;
  AudioBufferSourceNode.prototype.stop = function (...args) { probe.stops++; return stop.apply(this, args); };
})();`;

export interface AudioProbe {
  contexts: number;
  open: number;
  states: string[];
  /** Started buffer sources longer than Howler's one-sample unlock buffer. */
  starts: { at: number; duration: number; loop: boolean; state: string }[];
  stops: number;
}

export interface GamePage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Query string, e.g. '?renderer=canvas'. */
  query?: string;
  context?: BrowserContextOptions;
  /** Reuse a context (a second page of the same profile). */
  reuse?: BrowserContext;
  /** Wait for the title screen (default true). */
  waitForTitle?: boolean;
}

export function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url}:${m.location().lineNumber})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e.message}`));
}

export async function openGame(browser: Browser, baseUrl: string, o: OpenOptions = {}): Promise<GamePage> {
  const context = o.reuse ?? (await browser.newContext({ viewport: { width: 1280, height: 720 }, ...o.context }));
  if (!o.reuse) await context.addInitScript(AUDIO_PROBE);
  const page = await context.newPage();
  const errors: string[] = [];
  watchErrors(page, errors);
  await page.goto(new URL(o.query ?? '', baseUrl).href);
  if (o.waitForTitle !== false) await waitForApp(page);
  return {
    context,
    page,
    errors,
    close: async () => {
      if (o.reuse) await page.close();
      else await context.close();
    },
  };
}

/** Waits until the composition root has exposed the controller and the overlay shows a screen. */
export async function waitForApp(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => window.__binational !== undefined && document.querySelector('#ui [data-screen-heading]') !== null, undefined, { timeout });
}

export function appState(page: Page): Promise<AppState> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__binational!.controller.getState())) as AppState);
}

export async function waitForScreen(page: Page, screen: Screen | Screen[], timeout = 30_000): Promise<AppState> {
  const wanted = Array.isArray(screen) ? screen : [screen];
  await page.waitForFunction((w) => (w as string[]).includes(window.__binational?.controller.getState().screen ?? ''), wanted, { timeout });
  return appState(page);
}

// ——— keyboard ———

const sel = (testid: string) => `[data-testid="${testid}"]`;

/**
 * Moves the focus to `selector` with Tab / Shift+Tab only (the direction from the document order), and
 * fails if the control cannot be reached by keyboard (disabled, hidden, or outside the tab order).
 */
export async function tabTo(page: Page, selector: string, maxKeys = 250): Promise<void> {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 15_000 });
  // First a guess at the number of Tab presses from the page's tab order (one round trip), then
  // verified and corrected one key at a time.
  const guess = await page.evaluate(tabDistance, selector);
  for (let i = 0; i < Math.min(Math.abs(guess), maxKeys); i++) await page.keyboard.press(guess > 0 ? 'Tab' : 'Shift+Tab');
  let flips = 0;
  let last: 'before' | 'after' | null = null;
  for (let i = 0; i < maxKeys; i++) {
    const where = await page.evaluate((s) => {
      const target = document.querySelector(s);
      if (!target) return 'missing';
      const active = document.activeElement;
      if (active === target) return 'focused';
      if (!active || active === document.body || active === document.documentElement) return 'after';
      return active.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
    }, selector);
    if (where === 'focused') return;
    if (where === 'missing') {
      await page.waitForTimeout(50);
      continue;
    }
    if (last && where !== last) flips++;
    if (flips > 3) throw new Error(`${selector} is not reachable with the keyboard (focus keeps jumping over it)`);
    last = where;
    await page.keyboard.press(where === 'after' ? 'Tab' : 'Shift+Tab');
  }
  throw new Error(`${selector} not reached after ${maxKeys} key presses`);
}

/**
 * Runs in the page: how many Tab presses (negative: Shift+Tab) move the focus from where it is to
 * `selector`, following the sequential focus order of the overlay (document order; tabindex -1 and
 * disabled or hidden controls skipped; one stop per radio group, its checked button).
 */
function tabDistance(selector: string): number {
  const target = document.querySelector(selector);
  if (!target) return 0;
  const candidates = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]');
  const stops: HTMLElement[] = [];
  for (const el of candidates) {
    if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]') || el.getClientRects().length === 0) continue;
    if (getComputedStyle(el).visibility === 'hidden') continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      const group = [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${el.name}"]`)];
      const stop = group.find((r) => r.checked) ?? group[0];
      if (stop !== el) continue;
    }
    stops.push(el);
  }
  const to = stops.indexOf(target as HTMLElement);
  if (to < 0) return 0;
  const active = document.activeElement;
  const from = active instanceof HTMLElement ? stops.indexOf(active) : -1;
  if (from >= 0) return to - from;
  // Focus on something outside the tab order (a heading): the next Tab goes to the first stop after it.
  const next = active && active !== document.body ? stops.findIndex((s) => active.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) : 0;
  return next < 0 ? 0 : to - next + 1;
}

/** Tabs to a control by its data-testid and presses a key on it (Enter by default). */
export async function press(page: Page, testid: string, key = 'Enter'): Promise<void> {
  trace(`press ${testid} (${key})`);
  await tabTo(page, sel(testid));
  await page.keyboard.press(key);
}

/** Picks a radio button by keyboard: Tab into its group, then arrow keys until it is checked. */
export async function chooseRadio(page: Page, testid: string): Promise<void> {
  const name = await page.locator(sel(testid)).getAttribute('name');
  if (!name) throw new Error(`${testid} is not a named radio`);
  await tabTo(page, `input[type=radio][name="${name}"]:checked`);
  for (let i = 0; i < 12; i++) {
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s) && (document.activeElement as HTMLInputElement).checked, sel(testid))) return;
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(30);
  }
  throw new Error(`could not choose ${testid} with the arrow keys`);
}

/** The autosave record as IndexedDB holds it (src/persist/idb-store.ts: database binational, store kv). */
export function readAutosave(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    // Never create the database here (that would keep the app from making its store).
    if (!(await indexedDB.databases()).some((d) => d.name === 'binational')) return null;
    return new Promise((done, fail) => {
      const req = indexedDB.open('binational');
      req.onerror = () => fail(req.error);
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('kv')) {
          db.close();
          done(null);
          return;
        }
        const get = db.transaction('kv', 'readonly').objectStore('kv').get('autosave');
        get.onsuccess = () => {
          db.close();
          done(get.result ?? null);
        };
        get.onerror = () => fail(get.error);
      };
    });
  });
}

// ——— accessibility, screenshots, audio ———

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  trace('axe');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
}

export function describeViolations(label: string, v: AxeViolation[]): string {
  return v.length === 0 ? '' : `${label}:\n${v.map((x) => `  [${x.impact}] ${x.id}: ${x.help} @ ${x.nodes.join(' ')}`).join('\n')}`;
}

/** How many distinct colours (on a coarse grid) the game's canvas shows, read back through the browser. */
export async function canvasColours(page: Page): Promise<number> {
  const png = await page.locator('#game canvas').first().screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const seen = new Set<number>();
    for (let y = 0; y < c.height; y += 8)
      for (let x = 0; x < c.width; x += 8) {
        const o = (y * c.width + x) * 4;
        seen.add(((data[o]! >> 3) << 10) | ((data[o + 1]! >> 3) << 5) | (data[o + 2]! >> 3));
      }
    return seen.size;
  }, png.toString('base64'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = resolve(SCREENS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path });
  return path;
}

export function audioProbe(page: Page): Promise<AudioProbe> {
  return page.evaluate(() => {
    const p = (window as unknown as { __audioProbe: { contexts: AudioContext[]; starts: AudioProbe['starts']; stops: number } }).__audioProbe;
    return {
      contexts: p.contexts.length,
      open: p.contexts.filter((c) => c.state !== 'closed').length,
      states: p.contexts.map((c) => c.state),
      starts: p.starts.filter((s) => s.duration > 0.01),
      stops: p.stops,
    };
  });
}
