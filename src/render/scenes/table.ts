// The negotiating table: both delegations facing each other across it under their flags, the issues agreed
// so far as stamped documents on the table, the offer on the table as papers that slide across when it is
// tabled, the calendar along the front edge, and a small trust/tension gauge.
import type Phaser from 'phaser';
import type { AppState } from '../../app/app-types';
import type { PublicOffer, Side, View } from '../../engine';
import { tex } from '../art/catalogue';
import { type Frame, ledgerSlots, seatOf } from '../layout';
import { DecorScene } from './decor-scene';
import { Calendar, Delegation, TablePiece, Ticker } from './pieces';
import { words } from '../words';

interface LedgerItem {
  issue: string;
  slot: Phaser.GameObjects.Image;
  doc: Phaser.GameObjects.Image;
  stamp: Phaser.GameObjects.Image;
}

/** Needle angle for a trust level: -90° (tension) to +90° (trust). */
export const needleAngle = (trust: number): number => -90 + 180 * Math.min(1, Math.max(0, trust));

export class TableScene extends DecorScene {
  delegations: Record<Side, Delegation> | null = null;
  tablePiece: TablePiece | null = null;
  calendar: Calendar | null = null;
  ledger: LedgerItem[] = [];
  papers: Phaser.GameObjects.Image | null = null;
  /** The offer the papers stand for (null when nothing is on the table). */
  shownOffer: PublicOffer | null = null;
  gauge: Phaser.GameObjects.Image | null = null;
  needle: Phaser.GameObjects.Image | null = null;
  tension: Phaser.GameObjects.Image | null = null;
  trust = 0.5;
  ticker: Ticker | null = null;

  constructor() {
    super('Table');
  }

  protected build(state: AppState): void {
    const era = this.era;
    const p = this.palette;
    this.addBackdrop();
    this.delegations = { us: new Delegation(this, 'us', era), mx: new Delegation(this, 'mx', era) };
    this.tablePiece = new TablePiece(this, era);
    this.ticker = era === '2001' ? new Ticker(this, p, 'top') : null;
    const issues = state.view?.scenario.issues ?? [];
    this.ledger = issues.map((issue, i) => ({
      issue: issue.id,
      slot: this.add.image(0, 0, tex('slot', era)).setDepth(0),
      doc: this.add
        .image(0, 0, tex('doc', era))
        .setDepth(1)
        .setVisible(false)
        .setAngle(i % 2 === 0 ? -4 : 3),
      stamp: this.add
        .image(0, 0, tex('stamp', era))
        .setDepth(2)
        .setVisible(false)
        .setAngle(i % 2 === 0 ? 12 : -9),
    }));
    this.papers = this.add.image(0, 0, tex('papers', era)).setDepth(3).setVisible(false);
    this.shownOffer = null;
    this.calendar = new Calendar(this, era);
    this.tension = this.add.image(0, 0, 'glow-tension').setDepth(8).setAlpha(0);
    this.gauge = this.add.image(0, 0, tex('gauge', era)).setOrigin(0.5, 1).setDepth(9);
    this.needle = this.add.image(0, 0, tex('needle', era)).setOrigin(0.5, 1).setDepth(10);
    this.trust = 0.5;
  }

  protected layout(f: Frame): void {
    this.layoutBackdrop(f);
    const s = f.unit;
    const d = this.delegations;
    if (d) {
      d.us.layout(f);
      d.mx.layout(f);
      this.tablePiece?.layout(f, { us: d.us.leaderX, mx: d.mx.leaderX });
    }
    this.ticker?.layout(f);
    const slots = ledgerSlots(f, this.ledger.length);
    this.ledger.forEach((item, i) => {
      const pt = slots[i]!;
      // A resize mid-animation settles the document where it lands.
      this.tweens.killTweensOf([item.doc, item.stamp]);
      item.doc.setAlpha(1);
      item.stamp.setAlpha(0.9);
      item.slot.setPosition(pt.x, pt.y).setScale(0.55 * s);
      item.doc.setPosition(pt.x, pt.y).setScale(0.55 * s);
      item.stamp.setPosition(pt.x + 8 * s, pt.y + 14 * s).setScale(0.5 * s);
    });
    if (this.papers && this.shownOffer) {
      const to = this.offerTarget(this.shownOffer.by);
      this.tweens.killTweensOf(this.papers);
      this.papers.setPosition(to.x, to.y).setScale(0.8 * s);
    }
    this.calendar?.layout(f);
    const gx = f.w - Math.max(90 * s, f.side * 0.3);
    const gy = f.h - 44 * s;
    this.gauge?.setPosition(gx, gy).setScale(0.6 * s);
    this.needle?.setPosition(gx, gy - 5 * s).setScale(0.6 * s);
    this.tension?.setPosition(gx, gy - 20 * s).setScale(1.6 * s);
  }

  protected override refresh(next: AppState, prev: AppState | null): void {
    const view = next.view;
    if (!view) return;
    const before = prev?.view ?? null;
    if (this.calendar?.set(view.scenario.calendar.length, view.round, view.deadline)) this.calendar.layout(this.frame);
    if (!before || before.ledger !== view.ledger) this.showLedger(view.ledger, before !== null);
    if (!before || before.offer !== view.offer) this.showOffer(view.offer, before !== null);
    if (!before || before.turn !== view.turn || before.awaiting !== view.awaiting) this.showTurn(view);
    if (this.ticker && (!prev || prev.settings.lang !== next.settings.lang || before?.round !== view.round)) {
      const lang = next.settings.lang;
      const label = view.scenario.calendar[view.round]?.label[lang] ?? '';
      this.ticker.set(words(lang).live, `${label}   ·   ${view.scenario.title[lang]}`);
    }
    const trust = view.own?.trust ?? 0.5;
    if (!before || trust !== this.trust || before.suspendedUntil !== view.suspendedUntil) this.showTrust(trust, view, before !== null);
  }

  private showLedger(ledger: Record<string, string>, animate: boolean): void {
    this.ledger.forEach((item, i) => {
      const agreed = item.issue in ledger;
      if (agreed === item.doc.visible) return;
      item.doc.setVisible(agreed);
      item.stamp.setVisible(agreed);
      item.slot.setVisible(!agreed);
      if (agreed && animate) {
        const s = this.frame.unit;
        this.tweens.add({ targets: item.doc, alpha: { from: 0, to: 1 }, y: { from: item.doc.y - 30 * s, to: item.doc.y }, duration: 350, delay: i * 60, ease: 'Quad.easeOut' });
        this.tweens.add({ targets: item.stamp, alpha: { from: 0, to: 0.9 }, scale: { from: item.stamp.scale * 2.2, to: item.stamp.scale }, duration: 260, delay: 320 + i * 60, ease: 'Quad.easeIn' });
      } else {
        item.doc.setAlpha(1);
        item.stamp.setAlpha(0.9);
      }
    });
  }

  private offerTarget(by: Side): { x: number; y: number } {
    const f = this.frame;
    const dir = by === 'us' ? 1 : -1;
    return { x: f.cx + dir * f.w * 0.06, y: f.tableTop + (f.h - f.tableTop) * 0.14 };
  }

  private showOffer(offer: PublicOffer | null, animate: boolean): void {
    const papers = this.papers;
    if (!papers) return;
    this.tweens.killTweensOf(papers);
    this.shownOffer = offer;
    if (!offer) {
      if (animate && papers.visible) this.tweens.add({ targets: papers, alpha: 0, duration: 300, onComplete: () => papers.setVisible(false) });
      else papers.setVisible(false);
      return;
    }
    const s = this.frame.unit;
    const to = this.offerTarget(offer.by);
    const from = seatOf(this.frame, offer.by);
    papers
      .setVisible(true)
      .setAlpha(1)
      .setScale(0.8 * s)
      .setAngle(offer.by === 'us' ? -6 : 6);
    if (!animate) {
      papers.setPosition(to.x, to.y);
      return;
    }
    papers.setPosition(from.x + (offer.by === 'us' ? 140 : -140) * s, to.y + 30 * s);
    this.tweens.add({ targets: papers, x: to.x, y: to.y, angle: offer.by === 'us' ? 4 : -4, duration: 700, ease: 'Cubic.easeOut' });
  }

  private showTurn(view: View): void {
    const d = this.delegations;
    if (!d) return;
    for (const side of ['us', 'mx'] as const) d[side].setSpotlight(view.turn === side || (view.turn === null && view.awaiting.includes(side)));
  }

  private showTrust(trust: number, view: View, animate: boolean): void {
    this.trust = trust;
    const suspended = view.suspendedUntil > view.round;
    const tension = suspended ? 0.6 : Math.max(0, 0.4 - trust) * 1.2;
    const needle = this.needle;
    if (!needle) return;
    this.tweens.killTweensOf(needle);
    if (animate) this.tweens.add({ targets: needle, angle: needleAngle(trust), duration: 600, ease: 'Back.easeOut' });
    else needle.setAngle(needleAngle(trust));
    this.tension?.setAlpha(tension);
  }

  protected override teardown(): void {
    this.delegations = null;
    this.tablePiece = null;
    this.calendar = null;
    this.ledger = [];
    this.papers = null;
    this.shownOffer = null;
    this.gauge = null;
    this.needle = null;
    this.tension = null;
    this.ticker = null;
  }
}
