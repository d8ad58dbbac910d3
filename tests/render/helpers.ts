// Shared by the headless render tests: a real AppController with an in-memory save store and a silent
// sound port, a game container with a window-like size (jsdom does no layout), and a HEADLESS game booted
// through the same launch() the app uses.
import Phaser from 'phaser';
import type { AppState } from '../../src/app/app-types';
import { MemoryStore, SilentSound } from '../helpers/app-doubles';
import { AppController } from '../../src/app/controller';
import * as kit from '../../src/app/game-session';
import type { Side } from '../../src/engine';
import type { SceneKey } from '../../src/render/router';
import { launch } from '../../src/render/start-game';



/** The controller, with a count of the subscriptions currently open on it. */
export function controller(): { c: AppController; open: () => number } {
  const c = new AppController(new MemoryStore(), new SilentSound(), { kit });
  let open = 0;
  const subscribe = c.subscribe.bind(c);
  c.subscribe = (listener: (s: AppState) => void) => {
    open++;
    const off = subscribe(listener);
    let closed = false;
    return () => {
      if (!closed) open--;
      closed = true;
      return off();
    };
  };
  return { c, open: () => open };
}

/** A container that reports the given size, as the browser's layout would. */
export type Container = HTMLElement & { size: (w: number, h: number) => void };

export function container(width: number, height: number): Container {
  let w = width;
  let h = height;
  const el = Object.assign(document.createElement('div'), {
    size(nw: number, nh: number) {
      w = nw;
      h = nh;
    },
  });
  el.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, right: w, bottom: h, width: w, height: h, toJSON: () => ({}) }) as DOMRect;
  document.body.appendChild(el);
  return el;
}

export async function until(cond: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export type Handle = ReturnType<typeof launch>;

export function bootHeadless(c: AppController, parent = container(1280, 720), fallback: number | null = null): Handle {
  return launch(parent, c, Phaser.HEADLESS, fallback);
}

/** The scenes running now. */
export function running(game: Phaser.Game): string[] {
  return game.scene.getScenes(true).map((s) => s.sys.settings.key);
}

export async function showing(h: Handle, key: SceneKey): Promise<void> {
  await until(() => h.game.scene.isActive(key) && running(h.game).length === 1, `scene ${key} (running: ${running(h.game).join(', ')})`);
}

export async function destroy(h: Handle): Promise<void> {
  const game = h.game;
  const gone = new Promise<void>((r) => game.events.once(Phaser.Core.Events.DESTROY, () => r()));
  game.destroy(true);
  await gone;
}

/**
 * Plays the player's side simply until `stop`: 'agree' accepts and tables the other side's last terms,
 * 'stall' offers one issue, rejects and passes, so the rounds go by.
 */
export function playUntil(c: AppController, seat: Side, stop: (s: AppState) => boolean, mode: 'agree' | 'stall' = 'agree', maxSteps = 300): void {
  for (let i = 0; i < maxSteps; i++) {
    const s = c.getState();
    if (stop(s)) return;
    if (s.screen === 'interlude' || s.screen === 'signing' || s.screen === 'ratification') {
      c.ack();
      continue;
    }
    if (s.screen !== 'table' || !s.view) throw new Error(`cannot play on from screen ${s.screen}`);
    const v = s.view;
    if (v.phase === 'response' && v.turn === seat) c.act(mode === 'agree' ? { type: 'accept', seat } : { type: 'reject', seat });
    else if (v.phase === 'proposal' && v.turn === seat && mode === 'stall') {
      const open = v.scenario.issues.find((i) => !(i.id in v.ledger))!;
      c.act({ type: 'propose', seat, package: { [open.id]: open.options[0]!.id } });
    } else if (v.phase === 'proposal' && v.turn === seat) {
      const last = [...v.offers].reverse().find((o) => o.by !== seat);
      const pkg: Record<string, string> = {};
      for (const issue of v.scenario.issues) {
        if (!(issue.id in v.ledger)) pkg[issue.id] = last?.package[issue.id] ?? issue.options[Math.floor(issue.options.length / 2)]!.id;
      }
      c.act({ type: 'propose', seat, package: pkg });
    } else if (v.phase === 'domestic' && v.awaiting.includes(seat)) c.act({ type: 'pass', seat });
    else throw new Error(`no move for ${seat} in ${v.phase}`);
  }
  throw new Error('the game did not reach the expected state');
}
