// Choosing a scenario: the three eras as windows down the left edge (each its own backdrop in small) and
// their medallions down the right, so the palettes the player is about to enter are already in view.
import type Phaser from 'phaser';
import type { Era } from '../../app/app-types';
import { tex } from '../art/catalogue';
import type { Frame } from '../layout';
import { hex, PALETTES } from '../palette';
import { DecorScene } from './decor-scene';
import { ERAS } from './title';

export class SelectScene extends DecorScene {
  windows: { era: Era; border: Phaser.GameObjects.Rectangle; view: Phaser.GameObjects.Image; medal: Phaser.GameObjects.Image; year: Phaser.GameObjects.Text }[] = [];

  constructor() {
    super('Select');
  }

  protected build(): void {
    this.addBackdrop('home');
    this.windows = ERAS.map((era) => {
      const p = PALETTES[era];
      return {
        era,
        border: this.add.rectangle(0, 0, 10, 10, hex(p.accent)),
        view: this.add.image(0, 0, tex('backdrop', era)),
        medal: this.add.image(0, 0, tex('medal', era)),
        year: this.add.text(0, 0, era, { fontFamily: p.displayFont, fontStyle: 'bold', color: era === '2001' ? '#ffffff' : p.ink }).setOrigin(0.5),
      };
    });
  }

  protected layout(f: Frame): void {
    this.layoutBackdrop(f);
    const s = f.unit;
    const w = Math.max(120 * s, f.side * 0.78);
    const h = (w * 9) / 16;
    const gap = 18 * s;
    const top = (f.h - (h * 3 + gap * 2)) / 2;
    const x = Math.max(w / 2 + 12 * s, f.side * 0.5);
    const k = Math.min(h / 160, 0.7 * s);
    this.windows.forEach((win, i) => {
      const y = top + h / 2 + i * (h + gap);
      win.border.setPosition(x, y).setSize(w + 6 * s, h + 6 * s);
      win.view.setPosition(x, y).setDisplaySize(w, h);
      win.medal.setPosition(f.w - x, y).setScale(k);
      win.year.setPosition(f.w - x, y).setFontSize(Math.round(34 * k));
    });
  }

  protected override teardown(): void {
    this.windows = [];
  }
}
