// The signing: both delegations at the table, the agreement laid between them, and the two signatures
// written one after the other while the press cameras flash.
import type Phaser from 'phaser';
import type { Side } from '../../engine';
import { tex } from '../art/catalogue';
import type { Frame } from '../layout';
import { DecorScene } from './decor-scene';
import { Delegation, TablePiece } from './pieces';

export class SigningScene extends DecorScene {
  delegations: Record<Side, Delegation> | null = null;
  tablePiece: TablePiece | null = null;
  treaty: Phaser.GameObjects.Container | null = null;
  signatures: Phaser.GameObjects.Image[] = [];
  flashes: Phaser.GameObjects.Image[] = [];

  constructor() {
    super('Signing');
  }

  protected build(): void {
    const era = this.era;
    this.addBackdrop();
    this.delegations = { us: new Delegation(this, 'us', era), mx: new Delegation(this, 'mx', era) };
    this.tablePiece = era === 'home' ? null : new TablePiece(this, era);
    this.signatures = [];
    this.flashes = [];
    this.treaty = null;
    if (era === 'home') return;
    const doc = this.add.image(0, 0, tex('treaty', era));
    const w = doc.width;
    const h = doc.height;
    // Signature lines are at 80 % of the height, at 10–42 % and 58–90 % of the width (see paintTreaty).
    this.signatures = (['sig-a', 'sig-b'] as const).map((key, i) => {
      const sig = this.add.image((i === 0 ? 0.26 : 0.74) * w - w / 2, 0.8 * h - h / 2 - 22, tex(key, era)).setScale(0.7);
      sig.setCrop(0, 0, 0, sig.height);
      return sig;
    });
    this.treaty = this.add.container(0, 0, [doc, ...this.signatures]).setDepth(4);
    this.signatures.forEach((sig, i) => {
      const reveal = { w: 0 };
      this.tweens.add({
        targets: reveal,
        w: sig.width,
        delay: 500 + i * 1300,
        duration: 1000,
        ease: 'Sine.easeInOut',
        onUpdate: () => sig.setCrop(0, 0, reveal.w, sig.height),
      });
    });
    for (let i = 0; i < 6; i++) {
      const flash = this.add.image(0, 0, 'glow').setDepth(30).setAlpha(0);
      this.flashes.push(flash);
      this.tweens.add({ targets: flash, alpha: { from: 0.9, to: 0 }, delay: 900 + i * 430 + (i % 3) * 170, duration: 380, ease: 'Quad.easeOut' });
    }
  }

  protected layout(f: Frame): void {
    this.layoutBackdrop(f);
    const d = this.delegations;
    if (d) {
      d.us.layout(f);
      d.mx.layout(f);
      this.tablePiece?.layout(f, { us: d.us.leaderX, mx: d.mx.leaderX });
    }
    const s = f.unit;
    this.treaty?.setPosition(f.cx, f.tableTop + (f.h - f.tableTop) * 0.3).setScale(0.45 * s);
    this.flashes.forEach((fl, i) => {
      const left = i % 2 === 0;
      const x = left ? f.side * (0.2 + 0.25 * (i % 3)) : f.w - f.side * (0.2 + 0.2 * (i % 3));
      fl.setPosition(x, f.h * (0.2 + 0.12 * (i % 3))).setScale(1.4 * s);
    });
  }

  protected override teardown(): void {
    this.delegations = null;
    this.tablePiece = null;
    this.treaty = null;
    this.signatures = [];
    this.flashes = [];
  }
}
