// Paints every texture (see art/catalogue.ts) a few at a time, within a time budget per frame, under a
// progress bar; then the router takes over and shows the scene for the current screen.
import Phaser from 'phaser';
import { paintJob, type TextureJob, textureJobs } from '../art/catalogue';
import { hex, PALETTES } from '../palette';
import { routerOf } from '../router';

/** Milliseconds of painting per frame: the page stays responsive and the bar moves, while the few frames
 * drawn keep the boot short where every frame is expensive (software WebGL). */
const BUDGET_MS = 40;

export class PreloaderScene extends Phaser.Scene {
  private jobs: TextureJob[] = [];
  private done = 0;
  private bar: Phaser.GameObjects.Rectangle | null = null;
  private track: Phaser.GameObjects.Rectangle | null = null;
  private finished = false;

  constructor() {
    super({ key: 'Preloader' });
  }

  create(): void {
    const p = PALETTES.home;
    this.jobs = textureJobs().filter((j) => !this.textures.exists(j.key));
    this.done = 0;
    this.finished = false;
    this.track = this.add.rectangle(0, 0, 10, 6, hex(p.idle)).setOrigin(0, 0.5);
    this.bar = this.add.rectangle(0, 0, 0, 6, hex(p.highlight)).setOrigin(0, 0.5);
    this.place();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.place, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, this.place, this);
      this.bar = null;
      this.track = null;
    });
  }

  private place(): void {
    const w = Math.max(this.scale.width, 320);
    const h = Math.max(this.scale.height, 240);
    const width = Math.min(360, w * 0.5);
    this.track?.setPosition(w / 2 - width / 2, h * 0.82).setSize(width, 6);
    this.bar?.setPosition(w / 2 - width / 2, h * 0.82);
    this.progress(width);
  }

  private progress(width = this.track?.width ?? 0): void {
    const total = this.done + this.jobs.length;
    this.bar?.setSize(total === 0 ? width : (width * this.done) / total, 6);
  }

  override update(): void {
    if (this.finished) return;
    const start = performance.now();
    while (this.jobs.length > 0 && performance.now() - start < BUDGET_MS) {
      const job = this.jobs.shift()!;
      if (!this.textures.exists(job.key)) this.textures.addCanvas(job.key, paintJob(job));
      this.done++;
    }
    this.progress();
    if (this.jobs.length === 0) {
      this.finished = true;
      routerOf(this.game).begin();
      this.scene.stop();
    }
  }
}
