// Paper in every form the game shows: agreed documents and their stamps, the offer's stack of papers, the
// treaty and its signatures, the 1942 front page, the 1995 fax sheet and the briefing dossier. The print is
// illegible on purpose: every word the player needs is in the DOM overlay.
import { type Palette, rgba } from '../palette';
import { type Ctx, fauxText, grain, roundRect, seeded, scribble, star } from './draw';

function sheet(ctx: Ctx, x: number, y: number, w: number, h: number, p: Palette, seed: number, fold = true): void {
  ctx.fillStyle = rgba('#000000', 0.18);
  ctx.fillRect(x + 3, y + 4, w, h);
  ctx.fillStyle = p.paper;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + w - (fold ? 14 : 0), y);
  ctx.lineTo(x + w, y + (fold ? 14 : 0));
  ctx.lineTo(x + w, y + h);
  ctx.lineTo(x, y + h);
  ctx.closePath();
  ctx.fill();
  if (fold) {
    ctx.fillStyle = p.paperShade;
    ctx.beginPath();
    ctx.moveTo(x + w - 14, y);
    ctx.lineTo(x + w - 14, y + 14);
    ctx.lineTo(x + w, y + 14);
    ctx.closePath();
    ctx.fill();
  }
  if (p.era === '1995') {
    ctx.fillStyle = rgba(p.ink, 0.5);
    ctx.fillRect(x + 6, y + 5, w * 0.6, 2);
  } else if (p.era === '2001') {
    ctx.fillStyle = p.accent;
    ctx.fillRect(x, y, w - (fold ? 14 : 0), 5);
  }
  fauxText(ctx, x + 8, y + 16, w - 16, Math.floor((h - 26) / 7), 7, rgba(p.era === '2001' ? '#1a2440' : p.ink, 0.45), seed);
}

/** An agreed issue: a document lying on the table (its stamp is a separate image, put on with a thump). */
export function paintDocument(ctx: Ctx, w: number, h: number, p: Palette): void {
  sheet(ctx, 2, 2, w - 8, h - 8, p, 5);
}

/** An issue not yet agreed: the empty place on the table where its document will go. */
export function paintSlot(ctx: Ctx, w: number, h: number, p: Palette): void {
  ctx.setLineDash([6, 5]);
  ctx.strokeStyle = rgba(p.era === '2001' ? '#ffffff' : p.paper, 0.35);
  ctx.lineWidth = 2;
  roundRect(ctx, 4, 4, w - 8, h - 8, 4);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** A rubber stamp's mark: double ring, star and rays, a little uneven like real ink. */
export function paintStamp(ctx: Ctx, w: number, h: number, p: Palette): void {
  const cx = w / 2;
  const cy = h / 2;
  const r = Math.min(w, h) / 2 - 3;
  const rnd = seeded(77);
  ctx.strokeStyle = rgba(p.stamp, 0.9);
  ctx.lineWidth = 4;
  for (let a = 0; a < Math.PI * 2; a += 0.35) {
    ctx.beginPath();
    ctx.arc(cx, cy, r, a, a + 0.3 + rnd() * 0.05);
    ctx.stroke();
  }
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(cx, cy, r * 0.72, 0, Math.PI * 2);
  ctx.stroke();
  ctx.fillStyle = rgba(p.stamp, 0.9);
  star(ctx, cx, cy, r * 0.45);
  ctx.fill();
  for (let i = 0; i < 16; i++) {
    const a = (i / 16) * Math.PI * 2;
    ctx.fillRect(cx + Math.cos(a) * r * 0.8 - 1, cy + Math.sin(a) * r * 0.8 - 1, 2, 2);
  }
  // Ink that did not take.
  ctx.save();
  ctx.globalCompositeOperation = 'destination-out';
  grain(ctx, w, h, '#000000', 160, 0.8, 78);
  ctx.restore();
}

/** The offer on the table: a small stack of papers held by a clip. */
export function paintPapers(ctx: Ctx, w: number, h: number, p: Palette): void {
  sheet(ctx, 14, 12, w - 30, h - 20, p, 21, false);
  sheet(ctx, 8, 6, w - 30, h - 20, p, 22, false);
  sheet(ctx, 2, 2, w - 30, h - 20, p, 23);
  ctx.strokeStyle = p.metal;
  ctx.lineWidth = 3;
  roundRect(ctx, 14, -2, 14, 30, 6);
  ctx.stroke();
}

/** The agreement: a bordered document with seals and two signature lines. */
export function paintTreaty(ctx: Ctx, w: number, h: number, p: Palette): void {
  sheet(ctx, 4, 4, w - 12, h - 12, p, 31, false);
  ctx.strokeStyle = rgba(p.era === '2001' ? '#1a2440' : p.ink, 0.55);
  ctx.lineWidth = 2;
  roundRect(ctx, 18, 18, w - 40, h - 40, 6);
  ctx.stroke();
  ctx.lineWidth = 1;
  roundRect(ctx, 24, 24, w - 52, h - 52, 4);
  ctx.stroke();
  // Signature lines.
  ctx.fillStyle = rgba(p.era === '2001' ? '#1a2440' : p.ink, 0.7);
  ctx.fillRect(w * 0.1, h * 0.8, w * 0.32, 2);
  ctx.fillRect(w * 0.58, h * 0.8, w * 0.32, 2);
  // Seals.
  for (const x of [w * 0.5]) {
    ctx.fillStyle = rgba(p.stamp, 0.85);
    ctx.beginPath();
    ctx.arc(x, h * 0.8, h * 0.07, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = rgba('#ffffff', 0.5);
    star(ctx, x, h * 0.8, h * 0.04);
    ctx.fill();
  }
}

/** A signature: a few loops and a flourish, different for each seed. */
export function paintSignature(ctx: Ctx, w: number, h: number, p: Palette, seed: number): void {
  const rnd = seeded(seed);
  const pts: [number, number][] = [];
  const n = 9 + Math.floor(rnd() * 4);
  for (let i = 0; i <= n; i++) {
    const x = 8 + ((w - 30) * i) / n;
    const y = h * 0.55 + (rnd() - 0.5) * h * 0.6 * (i % 2 === 0 ? 1 : -1);
    pts.push([x, y]);
  }
  pts.push([w - 10, h * 0.3]);
  scribble(ctx, pts, 2.5, p.era === '2001' ? '#10204a' : p.era === '1995' ? '#1f3f8f' : '#1c1410');
  scribble(
    ctx,
    [
      [10, h * 0.85],
      [w * 0.5, h * 0.78],
      [w - 14, h * 0.88],
    ],
    2,
    p.era === '2001' ? '#10204a' : p.era === '1995' ? '#1f3f8f' : '#1c1410',
  );
}

/**
 * Where the page's own words go (in page pixels from the top): the scenes print the masthead, date line,
 * kicker and headline in these bands; the painted page leaves them blank.
 */
export const NEWSPAPER = { masthead: 70, rule: 130, date: 156, kicker: 184, headTop: 204, headBottom: 404 } as const;
export const FAX = { header: 40, kicker: 118, headTop: 146, headBottom: 320 } as const;

/** The 1942 front page. The masthead and headline are left blank for the scene's own text. */
export function paintNewspaper(ctx: Ctx, w: number, h: number, p: Palette): void {
  ctx.fillStyle = p.paper;
  ctx.fillRect(0, 0, w, h);
  grain(ctx, w, h, p.ink, 6000, 0.12, 1931);
  ctx.fillStyle = p.ink;
  ctx.fillRect(24, NEWSPAPER.rule, w - 48, 4);
  ctx.fillRect(24, NEWSPAPER.rule + 8, w - 48, 1);
  const body = NEWSPAPER.headBottom + 10;
  ctx.fillRect(24, body, w - 48, 2);
  const cols = 5;
  const gap = 14;
  const colW = (w - 48 - gap * (cols - 1)) / cols;
  for (let c = 0; c < cols; c++) {
    const x = 24 + c * (colW + gap);
    if (c > 0) {
      ctx.fillStyle = rgba(p.ink, 0.4);
      ctx.fillRect(x - gap / 2, body + 14, 1, h - body - 40);
    }
    // A photograph in halftone in the middle columns.
    if (c === 1 || c === 2) {
      if (c === 1) {
        const pw = colW * 2 + gap;
        const ph = 220;
        ctx.fillStyle = rgba(p.ink, 0.2);
        ctx.fillRect(x, body + 20, pw, ph);
        for (let yy = body + 26; yy < body + 20 + ph; yy += 6) {
          for (let xx = x + 3; xx < x + pw; xx += 6) {
            const d = 1 + 1.6 * Math.abs(Math.sin(xx / 37) * Math.cos(yy / 23));
            ctx.fillStyle = rgba(p.ink, 0.55);
            ctx.beginPath();
            ctx.arc(xx, yy, d, 0, Math.PI * 2);
            ctx.fill();
          }
        }
      }
      fauxText(ctx, x, body + 260, colW, Math.floor((h - body - 290) / 9), 9, rgba(p.ink, 0.55), 300 + c);
      continue;
    }
    ctx.fillStyle = rgba(p.ink, 0.75);
    ctx.fillRect(x, body + 22, colW * 0.9, 12);
    fauxText(ctx, x, body + 46, colW, Math.floor((h - body - 70) / 9), 9, rgba(p.ink, 0.55), 200 + c);
  }
  const edge = ctx.createLinearGradient(0, 0, w, 0);
  edge.addColorStop(0, rgba('#6b4a22', 0.25));
  edge.addColorStop(0.08, rgba('#6b4a22', 0));
  edge.addColorStop(0.92, rgba('#6b4a22', 0));
  edge.addColorStop(1, rgba('#6b4a22', 0.3));
  ctx.fillStyle = edge;
  ctx.fillRect(0, 0, w, h);
}

/** The 1995 fax: thermal paper, a transmission header, scan streaks; the title is the scene's text. */
export function paintFaxSheet(ctx: Ctx, w: number, h: number, p: Palette): void {
  ctx.fillStyle = '#f3f1e8';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = rgba(p.ink, 0.7);
  for (let x = 20; x < w - 20; x += 7) ctx.fillRect(x, 18, 4, 3);
  ctx.fillRect(20, FAX.headBottom + 10, w - 40, 2);
  fauxText(ctx, 40, FAX.headBottom + 40, w - 80, Math.floor((h - FAX.headBottom - 90) / 12), 12, rgba(p.ink, 0.5), 1995, 4);
  const rnd = seeded(95);
  for (let i = 0; i < 14; i++) {
    ctx.fillStyle = rgba(p.ink, 0.04 + rnd() * 0.06);
    ctx.fillRect(0, rnd() * h, w, 1 + rnd() * 2);
  }
  ctx.fillStyle = rgba('#b9b3a0', 0.5);
  ctx.fillRect(0, 0, 10, h);
  ctx.fillRect(w - 10, 0, 10, h);
  // Sprocket-like perforations of the roll's edge.
  ctx.fillStyle = rgba('#8d8778', 0.5);
  for (let y = 10; y < h; y += 24) {
    ctx.fillRect(3, y, 4, 8);
    ctx.fillRect(w - 7, y, 4, 8);
  }
}

/** The briefing dossier: a folder with a tab and papers peeking out. */
export function paintFolder(ctx: Ctx, w: number, h: number, p: Palette): void {
  const cover = p.era === '1942' ? '#c9a66b' : p.era === '1995' ? '#8f9aa6' : p.era === '2001' ? '#1d2f63' : '#8a7350';
  sheet(ctx, w * 0.12, 6, w * 0.76, h * 0.5, p, 41);
  ctx.fillStyle = cover;
  roundRect(ctx, 0, h * 0.18, w * 0.34, 34, 8);
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(0, h * 0.24);
  ctx.lineTo(w, h * 0.24);
  ctx.lineTo(w, h);
  ctx.lineTo(0, h);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = rgba('#000000', 0.12);
  ctx.fillRect(0, h * 0.24, w, 4);
  ctx.fillStyle = rgba(p.stamp, 0.8);
  ctx.fillRect(w * 0.1, h * 0.55, w * 0.8, 6);
  ctx.fillRect(w * 0.1, h * 0.55 + 12, w * 0.8, 2);
}
