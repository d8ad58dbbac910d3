// What every screen's scene shares: it reads the router's state and era when it starts, builds its game
// objects once, lays them out for the window (again on every resize), and redraws only what a new state
// changes. Nothing runs per frame except Phaser's own tweens.
import Phaser from 'phaser';
import type { AppState } from '../../app/app-types';
import { tex } from '../art/catalogue';
import { coverScale, type Frame, frameOf } from '../layout';
import { type EraKey, hex, type Palette, PALETTES } from '../palette';
import { routerOf, type SceneKey, type SceneRouter } from '../router';

export abstract class DecorScene extends Phaser.Scene {
  protected router!: SceneRouter;
  /** The era this scene was started for (the router restarts the scene when it changes). */
  era: EraKey = 'home';
  palette: Palette = PALETTES.home;
  frame: Frame = frameOf(0, 0);
  /** The full-window backdrop image. */
  backdrop: Phaser.GameObjects.Image | null = null;

  constructor(key: SceneKey) {
    super({ key });
  }

  create(): void {
    this.router = routerOf(this.game);
    this.era = this.router.era;
    this.palette = PALETTES[this.era];
    this.frame = frameOf(this.scale.width, this.scale.height);
    this.cameras.main.setBackgroundColor(hex(this.palette.skyBottom));
    const state = this.router.state;
    this.build(state);
    this.layout(this.frame);
    this.refresh(state, null);
    const off = this.router.onChange((next, prev) => this.refresh(next, prev));
    const onResize = (size: Phaser.Structs.Size) => {
      this.frame = frameOf(size.width, size.height);
      this.layout(this.frame);
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      off();
      this.scale.off(Phaser.Scale.Events.RESIZE, onResize);
      this.tweens.killAll();
      this.backdrop = null;
      this.teardown();
    });
  }

  /** Creates the scene's game objects for the state it starts with. */
  protected abstract build(state: AppState): void;
  /** Places them for the window. */
  protected abstract layout(frame: Frame): void;
  /** Redraws what changed between two states (prev is null right after build). */
  protected refresh(_next: AppState, _prev: AppState | null): void {}
  /** Drops references to game objects when the scene stops (Phaser destroys the objects themselves). */
  protected teardown(): void {}

  protected addBackdrop(era: EraKey = this.era): Phaser.GameObjects.Image {
    this.backdrop = this.add.image(0, 0, tex('backdrop', era)).setDepth(-100);
    return this.backdrop;
  }

  /** Scales the backdrop to cover the window. */
  protected layoutBackdrop(frame: Frame): void {
    if (!this.backdrop) return;
    const s = coverScale(frame, this.backdrop.width, this.backdrop.height);
    this.backdrop.setPosition(frame.cx, frame.cy).setScale(s);
  }
}
