// Mounting the overlay on a real AppController in jsdom, with an in-memory save store, a silent sound
// port and a stand-in chart library (jsdom has no canvas), and small helpers to drive it like a player.
import { MemoryStore, SilentSound } from '../helpers/app-doubles';

export { MemoryStore };
import { AppController } from '../../src/app/controller';
import * as kit from '../../src/app/game-session';
import * as screens from '../../src/ui/game-screens';
import { chartLoader } from '../../src/ui/debrief/chart';
import { mountUi, type ScreensSource } from '../../src/ui/mount';



/** What the chart module drew, instead of a real Chart.js chart. */
export const charts: { datasets: number }[] = [];
class FakeChart {
  constructor(_canvas: HTMLCanvasElement, config: { data: { datasets: unknown[] } }) {
    charts.push({ datasets: config.data.datasets.length });
  }
  destroy() {}
}
chartLoader.load = async () => ({ default: FakeChart });

export interface Mounted {
  controller: AppController;
  store: MemoryStore;
  root: HTMLElement;
  announcer: HTMLElement;
}

/**
 * Mounts the overlay. By default the game module and the game screens are handed over already loaded, so
 * that the tests can drive the overlay synchronously; `lazy` leaves them to the dynamic imports the
 * browser uses.
 */
export async function mount(store = new MemoryStore(), o: { lazy?: boolean; screens?: ScreensSource } = {}): Promise<Mounted> {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
  document.title = 'Binational';
  const game = document.createElement('div');
  game.id = 'game';
  game.setAttribute('aria-hidden', 'true');
  const root = document.createElement('div');
  root.id = 'ui';
  const announcer = document.createElement('div');
  announcer.id = 'announcer';
  announcer.className = 'visually-hidden';
  announcer.setAttribute('aria-live', 'polite');
  document.body.append(game, root, announcer);
  const controller = o.lazy ? new AppController(store, new SilentSound()) : new AppController(store, new SilentSound(), { kit });
  await controller.init();
  if (o.lazy) mountUi(root, announcer, controller, o.screens);
  else mountUi(root, announcer, controller, screens);
  return { controller, store, root, announcer };
}

export function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no element with data-testid="${id}"`);
  return el;
}

export const maybeTestId = <T extends HTMLElement = HTMLElement>(id: string): T | null => document.querySelector<T>(`[data-testid="${id}"]`);

export function click(id: string): void {
  const el = byTestId<HTMLButtonElement>(id);
  if (el.disabled) throw new Error(`"${id}" is disabled`);
  el.click();
}

/** Checks a radio or checkbox the way a browser does for a click: the change event follows. */
export function check(id: string, on = true): void {
  const el = byTestId<HTMLInputElement>(id);
  if (el.disabled) throw new Error(`"${id}" is disabled`);
  el.checked = on;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

export const heading = (): string => document.querySelector('[data-screen-heading]')?.textContent ?? '';
export const announced = (a: HTMLElement): string => a.textContent ?? '';
export const flush = () => new Promise((r) => setTimeout(r, 0));

/** From the title to the table, through the select screen and the briefing, with clicks. */
export async function toTable(m: Mounted, scenario = 'whole-enchilada-2001', seat: 'us' | 'mx' = 'mx'): Promise<void> {
  click('new-game');
  check(`scenario-${scenario}`);
  check(`seat-${seat}`);
  click('start');
  click('ready');
  while (m.controller.getState().screen === 'interlude') click('continue');
}
