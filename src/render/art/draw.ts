// Small canvas-2D helpers the texture painters share. Everything is deterministic (a seeded generator
// for grain and scribbles), so the art is the same on every machine and in every run.
import { rgba } from '../palette';

export type Ctx = CanvasRenderingContext2D;

/** mulberry32: a tiny seeded generator for texture grain (decoration only, never game logic). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  const k = Math.max(0, Math.min(r, w / 2, h / 2));
  ctx.beginPath();
  ctx.moveTo(x + k, y);
  ctx.arcTo(x + w, y, x + w, y + h, k);
  ctx.arcTo(x + w, y + h, x, y + h, k);
  ctx.arcTo(x, y + h, x, y, k);
  ctx.arcTo(x, y, x + w, y, k);
  ctx.closePath();
}

export function star(ctx: Ctx, x: number, y: number, r: number, points = 5, inner = 0.42): void {
  ctx.beginPath();
  for (let i = 0; i < points * 2; i++) {
    const rad = i % 2 === 0 ? r : r * inner;
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    const px = x + rad * Math.cos(a);
    const py = y + rad * Math.sin(a);
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}

/** Speckles of paper grain or film noise. */
export function grain(ctx: Ctx, w: number, h: number, colour: string, count: number, alpha: number, seed: number): void {
  const rnd = seeded(seed);
  ctx.fillStyle = rgba(colour, alpha);
  for (let i = 0; i < count; i++) {
    const s = rnd() < 0.9 ? 1 : 2;
    ctx.fillRect(Math.floor(rnd() * w), Math.floor(rnd() * h), s, s);
  }
}

/** Lines of illegible print: bars of varying length, the look of a column of text. */
export function fauxText(ctx: Ctx, x: number, y: number, w: number, lines: number, lineH: number, colour: string, seed: number, barH = Math.max(1, lineH * 0.4)): void {
  const rnd = seeded(seed);
  ctx.fillStyle = colour;
  for (let i = 0; i < lines; i++) {
    const paragraphEnd = rnd() < 0.12;
    const len = paragraphEnd ? w * (0.3 + rnd() * 0.4) : w * (0.9 + rnd() * 0.1);
    let cx = x;
    // Words: short gaps make it read as print rather than a bar.
    while (cx < x + len) {
      const word = Math.min(x + len - cx, w * (0.05 + rnd() * 0.12));
      ctx.fillRect(cx, y + i * lineH, word, barH);
      cx += word + Math.max(2, lineH * 0.35);
    }
  }
}

/** A soft edge darkening, painted over a finished backdrop. */
export function vignette(ctx: Ctx, w: number, h: number, colour: string, strength: number): void {
  const g = ctx.createRadialGradient(w / 2, h / 2, Math.min(w, h) * 0.35, w / 2, h / 2, Math.max(w, h) * 0.75);
  g.addColorStop(0, rgba(colour, 0));
  g.addColorStop(1, rgba(colour, strength));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

export function verticalGradient(ctx: Ctx, x: number, y: number, w: number, h: number, top: string, bottom: string): void {
  const g = ctx.createLinearGradient(0, y, 0, y + h);
  g.addColorStop(0, top);
  g.addColorStop(1, bottom);
  ctx.fillStyle = g;
  ctx.fillRect(x, y, w, h);
}

/** A soft round glow (for lamps, studio lights and seat lights). */
export function glow(ctx: Ctx, x: number, y: number, r: number, colour: string, alpha: number): void {
  const g = ctx.createRadialGradient(x, y, 0, x, y, r);
  g.addColorStop(0, rgba(colour, alpha));
  g.addColorStop(1, rgba(colour, 0));
  ctx.fillStyle = g;
  ctx.fillRect(x - r, y - r, r * 2, r * 2);
}

/** A hand-drawn looking line: a wobbling stroke through the points. */
export function scribble(ctx: Ctx, pts: [number, number][], width: number, colour: string): void {
  if (pts.length < 2) return;
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(pts[0]![0], pts[0]![1]);
  for (let i = 1; i < pts.length - 1; i++) {
    const [x, y] = pts[i]!;
    const [nx, ny] = pts[i + 1]!;
    ctx.quadraticCurveTo(x, y, (x + nx) / 2, (y + ny) / 2);
  }
  const last = pts[pts.length - 1]!;
  ctx.lineTo(last[0], last[1]);
  ctx.stroke();
}
