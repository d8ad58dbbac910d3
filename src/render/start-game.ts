// The canvas layer's factory: a Phaser game behind the DOM overlay, filling the window, drawing era-styled
// decoration for whatever the app controller shows. WebGL when the browser has it (Phaser.AUTO), Canvas on
// request (?renderer=canvas) or when the WebGL context is lost. It never takes input or audio: the overlay
// owns every control and Howler owns the sound.
import Phaser from 'phaser';
import type { AppController } from '../app/controller';
import { FrameGate } from './frame-gate';
import { hex, PALETTES } from './palette';
import { type StateSource, SceneRouter } from './router';
import { BootScene } from './scenes/boot';
import { BriefingScene } from './scenes/briefing';
import { DebriefScene } from './scenes/debrief';
import { ErrorScene } from './scenes/error';
import { InterludeScene } from './scenes/interlude';
import { PreloaderScene } from './scenes/preloader';
import { RatificationScene } from './scenes/ratification';
import { SelectScene } from './scenes/select';
import { SigningScene } from './scenes/signing';
import { TableScene } from './scenes/table';
import { TitleScene } from './scenes/title';

export type RendererName = 'WEBGL' | 'CANVAS' | 'NONE';

export interface GameHandle {
  /** The running game (a new one after a fallback to the Canvas renderer). */
  readonly game: Phaser.Game;
  rendererName(): RendererName;
}

export const SCENES = [BootScene, PreloaderScene, TitleScene, SelectScene, BriefingScene, TableScene, InterludeScene, SigningScene, RatificationScene, DebriefScene, ErrorScene];

function configFor(parent: HTMLElement, type: number): Phaser.Types.Core.GameConfig {
  return {
    type,
    parent,
    backgroundColor: hex(PALETTES.home.skyBottom),
    banner: false,
    audio: { noAudio: true },
    // Decoration only: no keyboard capture, no pointer handling, no focus stealing from the overlay.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false, windowEvents: false },
    autoFocus: false,
    disableContextMenu: false,
    canvasStyle: 'display:block;pointer-events:none',
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%', autoRound: true },
    // One texture per batch: with multi-texture batches, SwiftShader (and so headless Chromium) drew one
    // triangle of some quads from the wrong texture. The scenes have a few dozen images, so the extra
    // draw calls cost nothing that matters.
    render: { antialias: true, powerPreference: 'default', maxTextures: 1 },
    scene: SCENES,
  };
}

export function rendererNameOf(game: Phaser.Game): RendererName {
  switch (game.config.renderType) {
    case Phaser.WEBGL:
      return 'WEBGL';
    case Phaser.CANVAS:
      return 'CANVAS';
    default:
      return 'NONE';
  }
}

/** Without CSS of its own, the game's container is made to fill the window behind the overlay. */
function fillWindow(parent: HTMLElement): void {
  const style = parent.ownerDocument.defaultView?.getComputedStyle(parent);
  if (!style || style.position === 'static') {
    parent.style.position = 'fixed';
    parent.style.inset = '0';
    parent.style.overflow = 'hidden';
  }
}

/**
 * Boots a game of the given renderer type. When `fallback` is set, a lost WebGL context (the
 * `webglcontextlost` event on the canvas) destroys this game and boots another of that type in its place.
 * The headless tests use it with Phaser.HEADLESS; the app goes through startGame.
 */
export function launch(
  parent: HTMLElement,
  source: StateSource,
  type: number,
  fallback: number | null,
): GameHandle & { readonly router: SceneRouter; readonly gate: FrameGate } {
  let current = boot(parent, source, type);
  if (fallback !== null) {
    const first = current;
    const onLost = () => {
      first.game.canvas?.removeEventListener('webglcontextlost', onLost);
      if (current !== first) return;
      // The lost game goes away (its canvas with it) and a game of the fallback type takes its place.
      if (first.game.canvas) first.game.canvas.style.display = 'none';
      first.router.destroy();
      first.game.destroy(true);
      current = boot(parent, source, fallback);
    };
    if (first.game.canvas) first.game.canvas.addEventListener('webglcontextlost', onLost);
    else first.game.events.once(Phaser.Core.Events.BOOT, () => first.game.canvas.addEventListener('webglcontextlost', onLost));
  }
  return {
    get game() {
      return current.game;
    },
    get router() {
      return current.router;
    },
    get gate() {
      return current.gate;
    },
    rendererName: () => rendererNameOf(current.game),
  };
}

function boot(parent: HTMLElement, source: StateSource, type: number): { game: Phaser.Game; router: SceneRouter; gate: FrameGate } {
  const game = new Phaser.Game(configFor(parent, type));
  const gate = new FrameGate(game);
  return { game, gate, router: new SceneRouter(game, source, gate.poke) };
}

export function startGame(parent: HTMLElement, controller: AppController, opts: { renderer: 'auto' | 'canvas' }): { game: Phaser.Game; rendererName(): RendererName } {
  fillWindow(parent);
  const canvas = opts.renderer === 'canvas';
  return launch(parent, controller, canvas ? Phaser.CANVAS : Phaser.AUTO, canvas ? null : Phaser.CANVAS);
}
