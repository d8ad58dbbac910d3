// The debrief: a calm, dimmed backdrop with both flags, a soft light that comes up once, and, when both sides
// ratified, the signed agreement lying at the foot of the screen. The charts and tables are the overlay's.
import type Phaser from 'phaser';
import type { AppState } from '../../app/app-types';
import { tex } from '../art/catalogue';
import type { Frame } from '../layout';
import { hex } from '../palette';
import { DecorScene } from './decor-scene';
import { Delegation } from './pieces';

export class DebriefScene extends DecorScene {
  veil: Phaser.GameObjects.Rectangle | null = null;
  light: Phaser.GameObjects.Image | null = null;
  flags: Delegation[] = [];
  treaty: Phaser.GameObjects.Image | null = null;

  constructor() {
    super('Debrief');
  }

  protected build(state: AppState): void {
    this.addBackdrop();
    this.veil = this.add.rectangle(0, 0, 10, 10, hex(this.palette.hush), 0.45).setOrigin(0, 0).setDepth(-90);
    this.light = this.add.image(0, 0, 'glow-warm').setAlpha(0).setDepth(-80);
    this.tweens.add({ targets: this.light, alpha: { from: 0, to: 0.16 }, duration: 2400, ease: 'Sine.easeOut' });
    this.flags = [new Delegation(this, 'us', this.era, { flagOnly: true }), new Delegation(this, 'mx', this.era, { flagOnly: true })];
    const o = state.view?.outcome;
    const signed = o?.agreement && o.ratified.us && o.ratified.mx;
    this.treaty = signed && this.era !== 'home' ? this.add.image(0, 0, tex('treaty', this.era)).setOrigin(0.5, 0).setAngle(-3) : null;
  }

  protected layout(f: Frame): void {
    this.layoutBackdrop(f);
    this.veil?.setPosition(0, 0).setSize(f.w, f.h);
    this.light?.setPosition(f.cx, f.h * 0.3).setScale(f.w / 128);
    for (const d of this.flags) d.layout(f);
    this.treaty?.setPosition(f.cx, f.h - 70 * f.unit).setScale(0.5 * f.unit);
  }

  protected override teardown(): void {
    this.veil = null;
    this.light = null;
    this.flags = [];
    this.treaty = null;
  }
}
