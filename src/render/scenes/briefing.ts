// The briefing: the player's own delegation only (the other side's brief is secret, so its table stays
// empty), under its flag, with the dossier lying on the table at the other edge.
import type Phaser from 'phaser';
import type { AppState } from '../../app/app-types';
import type { Side } from '../../engine';
import { tex } from '../art/catalogue';
import type { Frame } from '../layout';
import { DecorScene } from './decor-scene';
import { Delegation } from './pieces';

export class BriefingScene extends DecorScene {
  side: Side = 'us';
  delegation: Delegation | null = null;
  table: Phaser.GameObjects.Image | null = null;
  folder: Phaser.GameObjects.Image | null = null;
  stamp: Phaser.GameObjects.Image | null = null;

  constructor() {
    super('Briefing');
  }

  protected build(state: AppState): void {
    this.side = state.view?.side ?? state.seat ?? 'us';
    this.addBackdrop();
    this.delegation = new Delegation(this, this.side, this.era);
    this.table = this.era === 'home' ? null : this.add.image(0, 0, tex('table', this.era)).setOrigin(0.5, 0).setDepth(-20);
    this.folder = this.era === 'home' ? null : this.add.image(0, 0, tex('folder', this.era)).setDepth(1);
    this.stamp = this.era === 'home' ? null : this.add.image(0, 0, tex('stamp', this.era)).setDepth(2).setAngle(-14).setAlpha(0.9);
    if (this.folder) this.tweens.add({ targets: this.folder, alpha: { from: 0, to: 1 }, duration: 500 });
  }

  protected layout(f: Frame): void {
    this.layoutBackdrop(f);
    this.delegation?.layout(f);
    const s = f.unit;
    this.table?.setPosition(f.cx, f.tableTop - 16 * s).setDisplaySize(f.w, f.h - f.tableTop + 24 * s);
    const dir = this.side === 'us' ? -1 : 1;
    const x = dir === -1 ? f.w - Math.max(120 * s, f.side * 0.5) : Math.max(120 * s, f.side * 0.5);
    const y = f.tableTop + (f.h - f.tableTop) * 0.42;
    this.folder?.setPosition(x, y).setScale(0.55 * s).setAngle(dir * 6);
    this.stamp?.setPosition(x + 40 * s, y + 14 * s).setScale(0.6 * s);
  }

  protected override teardown(): void {
    this.delegation = null;
    this.table = null;
    this.folder = null;
    this.stamp = null;
  }
}
