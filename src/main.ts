// The composition root of the browser game: the controller with its save store and sound, the DOM
// overlay (controls, text, announcer) and the Phaser scenes (decoration). Nothing else wires them.
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

async function main() {
  const params = new URLSearchParams(location.search);
  const controller = new AppController(new IdbSaveStore(), new HowlerSound());
  await controller.init();
  mountUi(document.getElementById('ui')!, document.getElementById('announcer')!, controller);
  const game = startGame(document.getElementById('game')!, controller, { renderer: params.get('renderer') === 'canvas' ? 'canvas' : 'auto' });
  window.__binational = { controller, renderer: () => game.rendererName() };
}

void main();
