// The news between rounds, styled by era: a 1942 front page, a 1995 fax coming off the machine, a 2001
// broadcast with a lower third and a crawling ticker. The big headline is the shock's title (the overlay
// repeats it as text); with no shock, the round's date and label.
import type Phaser from 'phaser';
import type { AppState } from '../../app/app-types';
import type { View } from '../../engine';
import type { Locale } from '../../i18n/translate';
import { tex } from '../art/catalogue';
import { FAX, NEWSPAPER } from '../art/papers';
import type { Frame } from '../layout';
import { hex } from '../palette';
import { dateLine, kicker, words } from '../words';
import { DecorScene } from './decor-scene';
import { Delegation, Ticker } from './pieces';

export interface Headline {
  title: string;
  kicker: string;
  date: string;
}

/** What the page says: the first shock of the round, or the round itself when nothing happened. */
export function headlineOf(state: AppState): Headline {
  const lang: Locale = state.settings.lang;
  const view = state.view;
  const round = view?.scenario.calendar[view.round];
  const date = round ? dateLine(lang, round.date) : '';
  const shock = state.news[0];
  if (shock) return { title: shock.title[lang], kicker: kicker(lang, shock.type), date };
  return { title: round?.label[lang] ?? '', kicker: '', date };
}

export class InterludeScene extends DecorScene {
  /** The page (1942, 1995) in a container that is scaled and tilted as one. */
  page: Phaser.GameObjects.Container | null = null;
  pageImage: Phaser.GameObjects.Image | null = null;
  headline: Phaser.GameObjects.Text | null = null;
  kicker: Phaser.GameObjects.Text | null = null;
  dateText: Phaser.GameObjects.Text | null = null;
  masthead: Phaser.GameObjects.Text | null = null;
  ticker: Ticker | null = null;
  lowerThird: Phaser.GameObjects.Rectangle[] = [];
  camera: Phaser.GameObjects.Image | null = null;
  flags: Delegation[] = [];
  shown: Headline | null = null;

  constructor() {
    super('Interlude');
  }

  protected build(state: AppState): void {
    const p = this.palette;
    this.addBackdrop();
    this.shown = null;
    this.lowerThird = [];
    this.flags = [];
    this.page = null;
    this.ticker = null;
    this.camera = null;
    if (this.era === '1942' || this.era === '1995') {
      const paper = this.era === '1942' ? 'newspaper' : 'faxsheet';
      this.pageImage = this.add.image(0, 0, tex(paper, this.era));
      const w = this.pageImage.width;
      const top = -this.pageImage.height / 2;
      const ink = p.ink;
      const mono = this.era === '1995';
      this.masthead = this.add
        .text(0, top + (mono ? FAX.header : NEWSPAPER.masthead), '', { fontFamily: p.displayFont, fontStyle: 'bold', fontSize: mono ? '24px' : '96px', color: ink })
        .setOrigin(0.5, 0.5);
      this.dateText = this.add.text(0, top + NEWSPAPER.date, '', { fontFamily: p.bodyFont, fontSize: '20px', color: ink }).setOrigin(0.5, 0.5);
      this.kicker = this.add
        .text(0, top + (mono ? FAX.kicker : NEWSPAPER.kicker), '', { fontFamily: p.bodyFont, fontStyle: 'bold', fontSize: '22px', color: p.accent })
        .setOrigin(0.5, 0.5);
      this.headline = this.add
        .text(0, top + (mono ? FAX.headTop : NEWSPAPER.headTop), '', {
          fontFamily: p.displayFont,
          fontStyle: 'bold',
          fontSize: '60px',
          color: ink,
          align: 'center',
          wordWrap: { width: w * 0.88 },
        })
        .setOrigin(0.5, 0);
      this.page = this.add.container(0, 0, [this.pageImage, this.masthead, this.dateText, this.kicker, this.headline]).setDepth(5);
      this.tweens.add({ targets: this.page, alpha: { from: 0, to: 1 }, duration: 500, ease: 'Quad.easeOut' });
    } else {
      this.pageImage = null;
      this.flags = [new Delegation(this, 'us', this.era, { flagOnly: true }), new Delegation(this, 'mx', this.era, { flagOnly: true })];
      const band = this.add.rectangle(0, 0, 10, 10, 0x0b1840, 0.92).setOrigin(0, 0).setDepth(10);
      const tab = this.add.rectangle(0, 0, 10, 10, hex(p.accent)).setOrigin(0, 0).setDepth(11);
      this.camera = this.era === '2001' ? this.add.image(0, 0, tex('prop', this.era)).setOrigin(0.5, 1).setDepth(9) : null;
      this.lowerThird = [band, tab];
      this.masthead = this.add.text(0, 0, '', { fontFamily: p.displayFont, fontStyle: 'bold', color: '#ffffff' }).setOrigin(0, 0.5).setDepth(12);
      this.kicker = this.add.text(0, 0, '', { fontFamily: p.bodyFont, fontStyle: 'bold', color: '#ffcc33' }).setOrigin(0, 0.5).setDepth(12);
      this.headline = this.add.text(0, 0, '', { fontFamily: p.displayFont, fontStyle: 'bold', color: '#ffffff' }).setOrigin(0, 0.5).setDepth(12);
      this.dateText = this.add.text(0, 0, '', { fontFamily: p.bodyFont, color: '#c9d4f2' }).setOrigin(1, 0.5).setDepth(12);
      if (this.era === '2001') this.ticker = new Ticker(this, p, 'bottom');
      for (const o of [band, tab, this.masthead, this.kicker, this.headline]) this.tweens.add({ targets: o, alpha: { from: 0, to: o.alpha }, duration: 400 });
    }
    this.write(state);
  }

  protected layout(f: Frame): void {
    this.layoutBackdrop(f);
    const s = f.unit;
    if (this.page && this.pageImage) {
      const k = Math.min((f.h * 1.02) / this.pageImage.height, (f.w * 0.8) / this.pageImage.width);
      this.page
        .setPosition(f.cx, f.cy + f.h * 0.04)
        .setScale(k)
        .setAngle(this.era === '1942' ? -1.5 : 1);
      return;
    }
    for (const d of this.flags) d.layout(f);
    const y = f.h * 0.74;
    const bandH = 96 * s;
    const [band, tab] = this.lowerThird;
    band?.setPosition(0, y).setSize(f.w, bandH);
    const left = Math.max(24 * s, f.margin * 0.5);
    this.masthead?.setPosition(left, y - 15 * s).setFontSize(Math.round(18 * s));
    tab?.setPosition(0, y - 30 * s).setSize((this.masthead?.width ?? 160 * s) + 2 * left, 30 * s);
    this.camera?.setPosition(f.w - Math.max(70 * s, f.side * 0.3), y - 30 * s).setScale(0.9 * s);
    this.kicker?.setPosition(left, y + 22 * s).setFontSize(Math.round(16 * s));
    this.headline?.setPosition(left, y + 58 * s).setFontSize(Math.round(34 * s));
    this.dateText?.setPosition(f.w - left, y + 22 * s).setFontSize(Math.round(15 * s));
    this.ticker?.layout(f, 40);
  }

  protected override refresh(next: AppState, prev: AppState | null): void {
    if (prev && (prev.news !== next.news || prev.settings.lang !== next.settings.lang || prev.view?.round !== next.view?.round)) {
      this.write(next);
      this.layout(this.frame);
    }
  }

  /** Sets the page's words; on paper the headline shrinks until it fits its band. */
  private write(state: AppState): void {
    const lang = state.settings.lang;
    const w = words(lang);
    const h = headlineOf(state);
    this.shown = h;
    const paperPage = this.page !== null;
    if (this.era === '1995') this.masthead?.setText(`${w.fax}  ·  ${h.date}  ·  ${w.page}`);
    else if (this.era === '1942') this.masthead?.setText(w.extra);
    else this.masthead?.setText(w.breaking);
    this.dateText?.setText(this.era === '1995' ? '' : h.date);
    this.kicker?.setText(h.kicker.toUpperCase());
    const headline = this.headline;
    if (headline) {
      headline.setText(this.era === '2001' ? h.title : h.title.toUpperCase());
      if (paperPage) {
        const band = this.era === '1942' ? NEWSPAPER.headBottom - NEWSPAPER.headTop : FAX.headBottom - FAX.headTop;
        for (let size = this.era === '1942' ? 68 : 50; size >= 26; size -= 4) {
          headline.setFontSize(size);
          if (headline.height <= band) break;
        }
      }
    }
    if (this.ticker) this.ticker.set(w.live, this.crawlOf(state));
  }

  private crawlOf(state: AppState): string {
    const lang = state.settings.lang;
    const items = state.news.length > 0 ? state.news.map((n) => n.title[lang]) : [headlineOf(state).title];
    const view: View | null = state.view;
    if (view) items.push(...view.foreseen.map((f) => f.title[lang]));
    return items.join('   ·   ');
  }

  protected override teardown(): void {
    this.page = null;
    this.pageImage = null;
    this.headline = null;
    this.kicker = null;
    this.dateText = null;
    this.masthead = null;
    this.ticker = null;
    this.lowerThird = [];
    this.flags = [];
    this.camera = null;
  }
}
