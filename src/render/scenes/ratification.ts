// Ratification at home: the player's own chamber in a hemicycle, one block of seats per voting
// constituency, lit one after another in yes or no (from view.outcome.ratification for the player's side).
// A passed agreement gets its stamp on the rostrum.
import type Phaser from 'phaser';
import type { AppState } from '../../app/app-types';
import type { RatificationResult, Side } from '../../engine';
import { tex } from '../art/catalogue';
import { hemicycle, type Frame } from '../layout';
import { DecorScene } from './decor-scene';
import { Delegation } from './pieces';

/** Seats in the chamber, shared out evenly between the voting constituencies (the chamber shows how
 * each voted, not head counts). */
export const CHAMBER_SEATS = 96;

export const seatsPerBlock = (blocks: number): number => Math.floor(CHAMBER_SEATS / Math.max(1, blocks));

export type SeatVote = 'yes' | 'no' | 'idle';

export class RatificationScene extends DecorScene {
  chamber: Phaser.GameObjects.Container | null = null;
  benches: Phaser.GameObjects.Image | null = null;
  seats: Phaser.GameObjects.Image[] = [];
  stamp: Phaser.GameObjects.Image | null = null;
  flag: Delegation | null = null;
  /** The result shown, for the side shown. */
  result: RatificationResult | null = null;
  side: Side = 'us';

  constructor() {
    super('Ratification');
  }

  protected build(state: AppState): void {
    this.side = state.view?.side ?? state.seat ?? 'us';
    this.addBackdrop();
    this.flag = new Delegation(this, this.side, this.era, { flagOnly: true });
    this.seats = [];
    this.result = null;
    this.chamber = null;
    this.benches = null;
    this.stamp = null;
    if (this.era === 'home') return;
    this.benches = this.add.image(0, 0, tex('benches', this.era)).setOrigin(0.5, 1);
    this.stamp = this.add.image(0, -this.benches.height * 0.12, tex('stamp', this.era)).setScale(1.6).setAlpha(0).setAngle(-12);
    this.chamber = this.add.container(0, 0, [this.benches, this.stamp]).setDepth(2);
  }

  protected layout(f: Frame): void {
    this.layoutBackdrop(f);
    this.flag?.layout(f);
    if (this.chamber && this.benches) {
      const k = Math.min((f.w * 0.92) / this.benches.width, (f.h * 0.62) / this.benches.height);
      this.chamber.setPosition(f.cx, f.h - 12 * f.unit).setScale(k);
    }
  }

  protected override refresh(next: AppState): void {
    const result = next.view?.outcome?.ratification?.[this.side] ?? null;
    if (result === this.result && this.seats.length > 0) return;
    this.result = result;
    this.seat(result);
  }

  /** Lays out a block of seats per vote and lights them in turn. */
  private seat(result: RatificationResult | null): void {
    const chamber = this.chamber;
    const benches = this.benches;
    if (!chamber || !benches) return;
    // A seat's lighting tween may still be pending (a class's table sends a fresh view on every update): stop it before the seat goes.
    for (const s of this.seats) {
      this.tweens.killTweensOf(s);
      s.destroy();
    }
    this.seats = [];
    const votes = result?.votes ?? [];
    const per = seatsPerBlock(votes.length);
    const h = benches.height;
    const pts = hemicycle(0, -10, h * 0.3, h * 0.14, Math.max(1, votes.length) * per, 5);
    pts.forEach((pt, i) => {
      const vote = votes[Math.floor(i / per)];
      const lit: SeatVote = vote ? (vote.yes ? 'yes' : 'no') : 'idle';
      const seat = this.add.image(pt.x, pt.y, tex('seat-idle', this.era)).setScale(0.8).setData('vote', lit);
      chamber.add(seat);
      this.seats.push(seat);
      if (lit !== 'idle') {
        this.tweens.add({
          targets: seat,
          scale: { from: 1.3, to: 0.8 },
          delay: 300 + i * 22,
          duration: 220,
          onStart: () => seat.setTexture(tex(lit === 'yes' ? 'seat-yes' : 'seat-no', this.era)),
        });
      }
    });
    if (this.stamp) chamber.bringToTop(this.stamp);
    if (this.stamp && result?.passed) {
      this.tweens.add({ targets: this.stamp, alpha: { from: 0, to: 0.95 }, scale: { from: 3.2, to: 1.6 }, delay: 500 + pts.length * 22, duration: 280, ease: 'Quad.easeIn' });
    }
  }

  protected override teardown(): void {
    this.chamber = null;
    this.benches = null;
    this.seats = [];
    this.stamp = null;
    this.flag = null;
    this.result = null;
  }
}
