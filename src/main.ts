// The composition root of the browser game: the controller with its save store, sound and classroom
// memory, the DOM overlay (controls, text, announcer) and the Phaser scenes (decoration). Nothing else
// wires them. It also reads the classroom's addresses from the fragment (#/join/CODE, #/class/new,
// #/console/ID/SECRET) and keeps the fragment in step with the classroom screen on show.
import { BrowserClassMemory } from './app/classroom-memory';
import { fragmentOf, openRoute, parseFragment } from './app/classroom-routes';
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

async function main() {
  const params = new URLSearchParams(location.search);
  const classMemory = new BrowserClassMemory(storage('localStorage'), storage('sessionStorage'));
  const controller = new AppController(new IdbSaveStore(), new HowlerSound(), { classMemory });
  await controller.init();
  mountUi(document.getElementById('ui')!, document.getElementById('announcer')!, controller);
  const game = startGame(document.getElementById('game')!, controller, { renderer: params.get('renderer') === 'canvas' ? 'canvas' : 'auto' });
  window.__binational = { controller, renderer: () => game.rendererName() };
  const route = () => openRoute(controller, parseFragment(location.hash), setFragment);
  await route();
  controller.subscribe((s) => setFragment(fragmentOf(s)));
  window.addEventListener('hashchange', () => void route());
}

void main();
