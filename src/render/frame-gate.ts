// Draws a frame only when something changed. The game loop keeps stepping (tweens keep their time), but a
// frame with nothing new skips the renderer, so an idle scene costs nothing: the canvas keeps its last
// picture and the browser does not composite it again. A frame is drawn while the preloader works, while
// any tween runs, for a couple of frames after every state change, scene start or resize, and whenever a
// snapshot of the canvas has been asked for.
import Phaser from 'phaser';

/** Frames drawn after a change: one to show it, one more in case a change landed mid-step. */
const AFTER_CHANGE = 2;

export class FrameGate {
  /** Frames drawn and frames skipped since boot (for the e2e run and for bug reports). */
  drawn = 0;
  skipped = 0;
  private owed = AFTER_CHANGE;
  private installed = false;

  constructor(private readonly game: Phaser.Game) {
    game.events.once(Phaser.Core.Events.PRE_STEP, () => this.install());
    game.events.on(Phaser.Core.Events.VISIBLE, this.poke);
    game.scale.on(Phaser.Scale.Events.RESIZE, this.poke);
    game.events.once(Phaser.Core.Events.DESTROY, () => {
      game.events.off(Phaser.Core.Events.VISIBLE, this.poke);
      game.scale?.off(Phaser.Scale.Events.RESIZE, this.poke);
    });
  }

  /** Something changed: draw the next frames. */
  readonly poke = (): void => {
    this.owed = AFTER_CHANGE;
  };

  /** Whether the gate decides frames (only a game with a renderer has frames to skip). */
  get active(): boolean {
    return this.installed;
  }

  // The loop starts stepping with game.step; from its first step on, each step goes through the gate.
  private install(): void {
    const game = this.game;
    if (!game.renderer) return;
    this.installed = true;
    game.loop.callback = (time: number, delta: number) => {
      if (this.mustDraw()) {
        this.drawn++;
        game.step(time, delta);
      } else {
        this.skipped++;
        game.headlessStep(time, delta);
      }
    };
  }

  /** Whether the coming frame has anything new to show. */
  mustDraw(): boolean {
    if (this.owed > 0) {
      this.owed--;
      return true;
    }
    // A snapshot is taken at the end of a drawn frame; its callback is cleared once it is taken.
    const snapshot: unknown = this.game.renderer?.snapshotState?.callback;
    if (snapshot) return true;
    for (const scene of this.game.scene.getScenes(true)) {
      const key = scene.sys.settings.key;
      if (key === 'Boot' || key === 'Preloader') return true;
      if (scene.tweens.getTweens().length > 0) return true;
    }
    return false;
  }
}
