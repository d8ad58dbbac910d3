// Groups of images several scenes share: a delegation (its flag and its three silhouettes), the era's
// table with what stands on it, and the calendar. Each builds its objects once and lays them out on
// resize; the scenes decide what they show.
import type Phaser from 'phaser';
import type { Side } from '../../engine';
import { figureKey, tex } from '../art/catalogue';
import { CAST } from '../art/figures';
import { calendarDots, type Frame, seatOf } from '../layout';
import { type EraKey, hex, type Palette } from '../palette';

/** Room left under the toolbar for the 2001 news ticker, so the flags hang below it in every era. */
const TICKER_ROOM = 34;

export class Delegation {
  readonly pole: Phaser.GameObjects.Image;
  readonly flag: Phaser.GameObjects.Image;
  /** Leader first, then the two advisers. */
  readonly figures: Phaser.GameObjects.Image[];
  readonly spotlight: Phaser.GameObjects.Image;

  constructor(
    scene: Phaser.Scene,
    readonly side: Side,
    era: EraKey,
    opts: { flagOnly?: boolean } = {},
  ) {
    this.pole = scene.add.image(0, 0, tex('pole', era)).setOrigin(0.5, 0).setDepth(-50);
    // Both flags hang to the right of their poles, hoist at the pole, so both show their obverse.
    this.flag = scene.add
      .image(0, 0, tex(side === 'us' ? 'flag-us' : 'flag-mx', era))
      .setOrigin(0, 0)
      .setDepth(-51);
    this.spotlight = scene.add.image(0, 0, 'glow').setDepth(-41).setAlpha(0);
    // 'home' (no scenario) has flags but nobody at the table.
    this.figures =
      opts.flagOnly || era === 'home'
        ? []
        : CAST[era][side].map((style, i) =>
            scene.add
              .image(0, 0, figureKey(style, era))
              .setOrigin(0.5, 1)
              .setFlipX(side === 'mx')
              .setDepth(i === 0 ? -30 : -40 + i),
          );
  }

  layout(frame: Frame): void {
    const s = frame.unit;
    const dir = this.side === 'us' ? 1 : -1;
    const edge = this.side === 'us' ? 0 : frame.w;
    const flagW = Math.min(frame.side * 0.75, 240 * s);
    const inset = Math.max(24 * s, frame.side * 0.1);
    const poleX = this.side === 'us' ? inset : frame.w - inset - flagW - 3 * s;
    const poleTop = frame.top + TICKER_ROOM * s;
    this.pole.setPosition(poleX, poleTop).setScale(s * 0.9);
    this.flag.setPosition(poleX + 3 * s, poleTop + 18 * s).setScale(flagW / this.flag.width);
    const seat = seatOf(frame, this.side);
    const leaderX = edge + dir * Math.max(frame.side * 0.62, 120 * s);
    const spots = [
      { x: leaderX, y: frame.tableTop + 40 * s, k: 0.95 },
      { x: leaderX - dir * 92 * s, y: frame.tableTop + 10 * s, k: 0.8 },
      { x: leaderX - dir * 168 * s, y: frame.tableTop + 4 * s, k: 0.74 },
    ];
    this.figures.forEach((f, i) => {
      const spot = spots[i]!;
      f.setPosition(spot.x, spot.y).setScale(spot.k * s);
    });
    this.spotlight.setPosition(leaderX, seat.y - 130 * s).setScale(3 * s);
  }

  /** Lights the leader from behind (whose move it is), or not. */
  setSpotlight(on: boolean): void {
    this.spotlight.setAlpha(on ? 0.2 : 0);
  }

  get leaderX(): number {
    return this.figures[0]?.x ?? this.flag.x;
  }
}

export class TablePiece {
  readonly table: Phaser.GameObjects.Image;
  /** A typewriter (1942) or a fax machine (1995) on the table. */
  readonly prop: Phaser.GameObjects.Image | null;
  /** Microphones (1995) or podiums (2001) in front of each leader. */
  readonly stands: Phaser.GameObjects.Image[] = [];

  constructor(
    scene: Phaser.Scene,
    private readonly era: EraKey,
  ) {
    this.table = scene.add.image(0, 0, tex('table', era)).setOrigin(0.5, 0).setDepth(-20);
    this.prop = era === '2001' ? null : scene.add.image(0, 0, tex('prop', era)).setOrigin(0.5, 1).setDepth(-10);
    if (era === '1995') for (let i = 0; i < 2; i++) this.stands.push(scene.add.image(0, 0, tex('mic', era)).setOrigin(0.5, 1).setDepth(-9));
    if (era === '2001') for (let i = 0; i < 2; i++) this.stands.push(scene.add.image(0, 0, tex('podium', era)).setOrigin(0.5, 1).setDepth(-25));
  }

  layout(frame: Frame, leaders: { us: number; mx: number }): void {
    const h = frame.h - frame.tableTop + 24 * frame.unit;
    this.table.setPosition(frame.cx, frame.tableTop - 16 * frame.unit).setDisplaySize(frame.w, h);
    const s = frame.unit;
    this.prop?.setPosition(frame.w - Math.max(110 * s, frame.side * 0.42), frame.tableTop + 62 * s).setScale(s * 0.62);
    this.stands.forEach((st, i) => {
      const x = i === 0 ? leaders.us : leaders.mx;
      if (this.era === '2001') st.setPosition(x + (i === 0 ? 30 : -30) * s, frame.tableTop + 90 * s).setScale(s * 0.7);
      else st.setPosition(x + (i === 0 ? 70 : -70) * s, frame.tableTop + 40 * s).setScale(s * 0.7).setFlipX(i === 1);
    });
  }
}

export type DotState = 'past' | 'current' | 'future' | 'deadline' | 'beyond';

/** The calendar: a dot per round, the current one ringed, the deadline flagged. */
export class Calendar {
  readonly dots: Phaser.GameObjects.Image[] = [];
  readonly ring: Phaser.GameObjects.Image;
  readonly pin: Phaser.GameObjects.Image;
  readonly rail: Phaser.GameObjects.Rectangle;
  round = -1;
  deadline = -1;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly era: EraKey,
  ) {
    this.rail = scene.add.rectangle(0, 0, 10, 10, 0x000000, 0.35).setDepth(5);
    this.ring = scene.add.image(0, 0, tex('ring', era)).setDepth(7);
    this.pin = scene.add.image(0, 0, tex('pin', era)).setOrigin(0.2, 1).setDepth(7);
  }

  /** Sets the number of rounds, the current one and the deadline; returns whether anything changed. */
  set(rounds: number, round: number, deadline: number): boolean {
    if (this.dots.length === rounds && this.round === round && this.deadline === deadline) return false;
    while (this.dots.length < rounds) this.dots.push(this.scene.add.image(0, 0, tex('dot-future', this.era)).setDepth(6));
    while (this.dots.length > rounds) this.dots.pop()?.destroy();
    const moved = this.round !== round && this.round >= 0;
    this.round = round;
    this.deadline = deadline;
    this.dots.forEach((d, i) => {
      const state = stateOf(i, round, deadline);
      d.setData('state', state)
        .setTexture(tex(`dot-${state}`, this.era))
        .setAlpha(state === 'beyond' ? 0.3 : state === 'current' ? 1 : 0.85);
    });
    if (moved) {
      this.scene.tweens.add({ targets: this.ring, scale: { from: this.ring.scale * 1.8, to: this.ring.scale }, alpha: { from: 0, to: 1 }, duration: 450, ease: 'Back.easeOut' });
    }
    return true;
  }

  layout(frame: Frame): void {
    const pts = calendarDots(frame, this.dots.length);
    const s = frame.unit;
    this.dots.forEach((d, i) => {
      const pt = pts[i]!;
      const big = d.getData('state') === 'current' ? 0.5 : 0.32;
      d.setPosition(pt.x, pt.y).setScale(big * s);
    });
    const first = pts[0];
    const last = pts[pts.length - 1];
    if (first && last) this.rail.setPosition((first.x + last.x) / 2, first.y).setSize(last.x - first.x + 24 * s, 20 * s);
    const cur = pts[this.round];
    this.ring.setVisible(cur !== undefined);
    if (cur) this.ring.setPosition(cur.x, cur.y).setScale(0.9 * s);
    const dl = pts[Math.min(this.deadline, pts.length - 1)];
    this.pin.setVisible(dl !== undefined);
    if (dl) this.pin.setPosition(dl.x, dl.y - 6 * s).setScale(0.7 * s);
  }
}

export function stateOf(i: number, round: number, deadline: number): DotState {
  if (i === round) return 'current';
  if (i > deadline) return 'beyond';
  if (i === deadline) return 'deadline';
  return i < round ? 'past' : 'future';
}

/**
 * The 2001 news ticker: a band with a red "live" tab, and words that slide in from the right edge when
 * they change and then rest (a crawl that never stopped would redraw the canvas every frame).
 */
export class Ticker {
  readonly band: Phaser.GameObjects.Image;
  readonly tab: Phaser.GameObjects.Rectangle;
  readonly bug: Phaser.GameObjects.Text;
  readonly crawl: Phaser.GameObjects.Text;
  private frame: Frame | null = null;
  private height = 30;
  private readonly atBottom: boolean;

  constructor(
    private readonly scene: Phaser.Scene,
    palette: Palette,
    where: 'top' | 'bottom',
  ) {
    this.atBottom = where === 'bottom';
    this.band = scene.add.image(0, 0, tex('ticker', '2001')).setOrigin(0, 0).setDepth(20);
    this.tab = scene.add.rectangle(0, 0, 10, 10, hex(palette.accent)).setOrigin(0, 0).setDepth(22);
    this.bug = scene.add.text(0, 0, '', { fontFamily: palette.displayFont, fontStyle: 'bold', color: '#ffffff' }).setOrigin(0.5, 0.5).setDepth(23);
    this.crawl = scene.add.text(0, 0, '', { fontFamily: palette.bodyFont, color: '#ffffff' }).setOrigin(0, 0.5).setDepth(21);
  }

  /** Sets the tab's word and the crawl's words; new words slide in. */
  set(live: string, words: string): void {
    if (this.bug.text === live && this.crawl.text === words) return;
    this.bug.setText(live);
    this.crawl.setText(words);
    if (!this.frame) return;
    this.layout(this.frame, this.height);
    this.scene.tweens.add({ targets: this.crawl, x: { from: this.frame.w, to: this.crawl.x }, duration: 1800, ease: 'Cubic.easeOut' });
  }

  layout(frame: Frame, height = 30): void {
    this.frame = frame;
    this.height = height;
    const s = frame.unit;
    const bandH = height * s;
    const y = this.atBottom ? frame.h - bandH : frame.top;
    this.band.setPosition(0, y).setDisplaySize(frame.w, bandH);
    this.bug.setFontSize(Math.round(15 * s * (height / 30))).setPosition(0, y + bandH / 2);
    const tabW = Math.max(70 * s, this.bug.width + 24 * s);
    this.tab.setPosition(0, y).setSize(tabW, bandH);
    this.bug.setX(tabW / 2);
    this.scene.tweens.killTweensOf(this.crawl);
    this.crawl.setFontSize(Math.round(14 * s * (height / 30))).setPosition(tabW + 14 * s, y + bandH / 2);
  }
}
