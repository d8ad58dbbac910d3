// The composition root of the browser game: the controller with its save store, sound and classroom
// memory, the DOM overlay (controls, text, announcer) and the Phaser scenes (decoration). Nothing else
// wires them. It also reads the classroom's addresses from the fragment (#/join/CODE, #/class/new,
// #/console/ID/SECRET) and keeps the fragment in step with the classroom screen on show.
import type { AppState } from './app/app-types';
import { BrowserClassMemory } from './app/classroom-memory';
import { AppController } from './app/controller';
import { HowlerSound } from './audio/howler-sound';
import { IdbSaveStore } from './persist/idb-store';
import { startGame } from './render/start-game';
import { mountUi } from './ui/mount';

declare global {
  interface Window {
    /** A read-only hook for the end-to-end tests and for bug reports. */
    __binational?: { controller: AppController; renderer: () => string };
  }
}

/** Web Storage, or null where the browser refuses it (private modes, blocked cookies). */
function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

/** Replaces the fragment without a history entry (and without a hashchange event). */
function setFragment(fragment: string): void {
  if (location.hash === fragment || (fragment === '' && location.hash === '')) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}${fragment}`);
}

/** Opens what the fragment names. A console's secret is read once, then kept for this tab only and dropped from the address. */
async function route(controller: AppController): Promise<void> {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map((p) => decodeURIComponent(p));
  const [head, a, b] = parts;
  if (head === 'join') {
    controller.openJoin(a ?? '');
    return;
  }
  if (head === 'class' && a === 'new') {
    await controller.openClassSetup();
    return;
  }
  if (head === 'console' && a) {
    if (b) {
      setFragment(`#/console/${encodeURIComponent(a)}`);
      await controller.openConsole(a, b);
    } else if (!(await controller.resumeConsole(a))) controller.openJoin();
    return;
  }
  // A seat this browser holds (a reload, a closed tab): straight back to it.
  await controller.resumeSeat();
}

/** The fragment for the classroom screen on show, so a reload comes back to it (the secret never goes back into it). */
function fragmentOf(s: AppState): string {
  const c = s.classroom;
  if (c.joined) return '#/class';
  if (c.console && ['console', 'class-debrief', 'lab'].includes(s.screen)) return `#/console/${encodeURIComponent(c.console.classId)}`;
  if (s.screen === 'join') return c.joinCode ? `#/join/${encodeURIComponent(c.joinCode)}` : '#/join';
  if (s.screen === 'class-setup') return '#/class/new';
  return '';
}

async function main() {
  const params = new URLSearchParams(location.search);
  const classMemory = new BrowserClassMemory(storage('localStorage'), storage('sessionStorage'));
  const controller = new AppController(new IdbSaveStore(), new HowlerSound(), { classMemory });
  await controller.init();
  mountUi(document.getElementById('ui')!, document.getElementById('announcer')!, controller);
  const game = startGame(document.getElementById('game')!, controller, { renderer: params.get('renderer') === 'canvas' ? 'canvas' : 'auto' });
  window.__binational = { controller, renderer: () => game.rendererName() };
  await route(controller);
  controller.subscribe((s) => setFragment(fragmentOf(s)));
  window.addEventListener('hashchange', () => void route(controller));
}

void main();
