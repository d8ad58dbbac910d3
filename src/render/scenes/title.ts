// The title: the two flags at the top corners, the three eras as medallions at the edges, a dashed border
// meandering across the backdrop, and a warm light that comes up behind each medallion. The game's name is in the overlay.
import type Phaser from 'phaser';
import type { Era } from '../../app/app-types';
import { tex } from '../art/catalogue';
import type { Frame } from '../layout';
import { PALETTES } from '../palette';
import { DecorScene } from './decor-scene';
import { Delegation } from './pieces';

export const ERAS: readonly Era[] = ['1942', '1995', '2001'];

export class TitleScene extends DecorScene {
  flags: Delegation[] = [];
  medals: { era: Era; medal: Phaser.GameObjects.Image; year: Phaser.GameObjects.Text; light: Phaser.GameObjects.Image }[] = [];

  constructor() {
    super('Title');
  }

  protected build(): void {
    this.addBackdrop('home');
    this.flags = [new Delegation(this, 'us', 'home', { flagOnly: true }), new Delegation(this, 'mx', 'home', { flagOnly: true })];
    this.medals = ERAS.map((era, i) => {
      const p = PALETTES[era];
      const light = this.add.image(0, 0, 'glow-warm').setAlpha(0);
      const medal = this.add.image(0, 0, tex('medal', era));
      const year = this.add.text(0, 0, era, { fontFamily: p.displayFont, fontStyle: 'bold', color: p.era === '2001' ? '#ffffff' : p.ink }).setOrigin(0.5);
      this.tweens.add({ targets: light, alpha: { from: 0, to: 0.25 }, duration: 1600, delay: 200 + i * 300, ease: 'Sine.easeOut' });
      return { era, medal, year, light };
    });
  }

  protected layout(f: Frame): void {
    this.layoutBackdrop(f);
    for (const d of this.flags) d.layout(f);
    const s = f.unit;
    const x = Math.max(70 * s, f.side * 0.5);
    const spots = [
      { x, y: f.h * 0.62 },
      { x: f.w - x, y: f.h * 0.62 },
      { x: f.cx, y: f.h - 64 * s },
    ];
    this.medals.forEach((m, i) => {
      const spot = spots[i]!;
      const k = (i === 2 ? 0.6 : 0.8) * s;
      m.medal.setPosition(spot.x, spot.y).setScale(k);
      m.light.setPosition(spot.x, spot.y).setScale(k * 2.4);
      m.year.setPosition(spot.x, spot.y).setFontSize(Math.round(34 * k));
    });
  }

  protected override teardown(): void {
    this.flags = [];
    this.medals = [];
  }
}
