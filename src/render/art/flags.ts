// The two flags, simplified, in the colours of their period: the 48-star US flag of 1942 (50 stars later),
// and Mexico's green-white-red tricolour with a simplified eagle-on-cactus emblem. Each era tones its flags
// to its print (sepia for 1942) and drapes them with soft folds.
import { type Palette, rgba } from '../palette';
import { type Ctx, star } from './draw';

export const FLAG_W = 300;
export const FLAG_H = 180;

const US_RED = '#b22234';
const US_BLUE = '#3c3b6e';
const MX_GREEN = '#006847';
const MX_RED = '#ce1126';
const WHITE = '#f7f4ec';

function drape(ctx: Ctx, w: number, h: number): void {
  ctx.save();
  ctx.globalCompositeOperation = 'source-atop';
  const g = ctx.createLinearGradient(0, 0, w, 0);
  const folds = 4;
  for (let i = 0; i <= folds * 2; i++) {
    const t = i / (folds * 2);
    g.addColorStop(t, i % 2 === 0 ? 'rgba(255,255,255,0.10)' : 'rgba(0,0,0,0.22)');
  }
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
  ctx.restore();
}

function tone(ctx: Ctx, w: number, h: number, p: Palette): void {
  if (p.flagTone <= 0) return;
  ctx.save();
  ctx.globalCompositeOperation = 'source-atop';
  ctx.fillStyle = rgba(p.flagToneColour, p.flagTone);
  ctx.fillRect(0, 0, w, h);
  ctx.restore();
}

/** A slight wave: the flag is drawn in vertical slices shifted on a sine. */
function wave(ctx: Ctx, src: HTMLCanvasElement, w: number, h: number): void {
  const slices = 30;
  const sw = w / slices;
  for (let i = 0; i < slices; i++) {
    const x = i * sw;
    const dy = Math.sin((i / slices) * Math.PI * 2.2) * 5 * (i / slices);
    ctx.drawImage(src, x, 0, sw + 1, h, x, 6 + dy, sw + 1, h - 12);
  }
}

export function paintUsFlag(ctx: Ctx, w: number, h: number, p: Palette, stars: 48 | 50): void {
  const flat = document.createElement('canvas');
  flat.width = w;
  flat.height = h;
  const f = flat.getContext('2d');
  if (!f) return;
  const stripe = h / 13;
  for (let i = 0; i < 13; i++) {
    f.fillStyle = i % 2 === 0 ? US_RED : WHITE;
    f.fillRect(0, Math.floor(i * stripe), w, Math.ceil(stripe) + 1);
  }
  const cw = w * 0.4;
  const ch = stripe * 7;
  f.fillStyle = US_BLUE;
  f.fillRect(0, 0, cw, ch);
  f.fillStyle = WHITE;
  if (stars === 48) {
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 8; c++) {
        star(f, (cw / 8) * (c + 0.5), (ch / 6) * (r + 0.5), Math.min(cw / 8, ch / 6) * 0.36);
        f.fill();
      }
    }
  } else {
    for (let r = 0; r < 9; r++) {
      const n = r % 2 === 0 ? 6 : 5;
      for (let c = 0; c < n; c++) {
        const x = (cw / 12) * (r % 2 === 0 ? 1 + c * 2 : 2 + c * 2);
        star(f, x, (ch / 10) * (r + 1), Math.min(cw / 12, ch / 10) * 0.62);
        f.fill();
      }
    }
  }
  wave(ctx, flat, w, h);
  drape(ctx, w, h);
  tone(ctx, w, h, p);
}

function emblem(ctx: Ctx, cx: number, cy: number, s: number): void {
  // Wreath: two arcs of leaves under the eagle.
  ctx.fillStyle = '#2f6b2f';
  for (let i = 0; i < 9; i++) {
    const a = Math.PI * (0.15 + (i / 8) * 0.7);
    for (const side of [-1, 1]) {
      const x = cx + side * Math.cos(a) * s * 0.95;
      const y = cy + Math.sin(a) * s * 0.9;
      ctx.beginPath();
      ctx.ellipse(x, y, s * 0.11, s * 0.06, a * side, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  // Cactus on a rock.
  ctx.fillStyle = '#3e7d3a';
  ctx.beginPath();
  ctx.ellipse(cx, cy + s * 0.45, s * 0.14, s * 0.28, 0, 0, Math.PI * 2);
  ctx.ellipse(cx - s * 0.25, cy + s * 0.35, s * 0.12, s * 0.2, -0.4, 0, Math.PI * 2);
  ctx.ellipse(cx + s * 0.26, cy + s * 0.38, s * 0.11, s * 0.19, 0.4, 0, Math.PI * 2);
  ctx.fill();
  // The eagle: body, spread wing, head in profile, the serpent in its beak.
  ctx.fillStyle = '#6b4423';
  ctx.beginPath();
  ctx.ellipse(cx, cy - s * 0.05, s * 0.26, s * 0.34, 0.15, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(cx - s * 0.1, cy - s * 0.2);
  ctx.quadraticCurveTo(cx - s * 0.7, cy - s * 0.75, cx - s * 0.55, cy + s * 0.05);
  ctx.quadraticCurveTo(cx - s * 0.35, cy - s * 0.1, cx - s * 0.05, cy + s * 0.1);
  ctx.closePath();
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(cx + s * 0.16, cy - s * 0.42, s * 0.11, s * 0.1, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#c99a2e';
  ctx.beginPath();
  ctx.moveTo(cx + s * 0.25, cy - s * 0.45);
  ctx.lineTo(cx + s * 0.36, cy - s * 0.4);
  ctx.lineTo(cx + s * 0.25, cy - s * 0.37);
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = '#4f7a2f';
  ctx.lineWidth = Math.max(1, s * 0.04);
  ctx.beginPath();
  ctx.moveTo(cx + s * 0.34, cy - s * 0.4);
  ctx.bezierCurveTo(cx + s * 0.55, cy - s * 0.3, cx + s * 0.2, cy - s * 0.15, cx + s * 0.45, cy);
  ctx.stroke();
}

export function paintMxFlag(ctx: Ctx, w: number, h: number, p: Palette): void {
  const flat = document.createElement('canvas');
  flat.width = w;
  flat.height = h;
  const f = flat.getContext('2d');
  if (!f) return;
  const band = w / 3;
  f.fillStyle = MX_GREEN;
  f.fillRect(0, 0, Math.ceil(band), h);
  f.fillStyle = WHITE;
  f.fillRect(Math.floor(band), 0, Math.ceil(band) + 1, h);
  f.fillStyle = MX_RED;
  f.fillRect(Math.floor(band * 2), 0, Math.ceil(band) + 1, h);
  emblem(f, w / 2, h / 2, h * 0.3);
  wave(ctx, flat, w, h);
  drape(ctx, w, h);
  tone(ctx, w, h, p);
}

/** A flag pole with its finial (an eagle-less ball for 1942, a spear point later). */
export function paintPole(ctx: Ctx, w: number, h: number, p: Palette): void {
  const x = w / 2;
  const g = ctx.createLinearGradient(x - 4, 0, x + 4, 0);
  g.addColorStop(0, p.metal);
  g.addColorStop(0.5, rgba('#ffffff', 0.8));
  g.addColorStop(1, p.metal);
  ctx.fillStyle = g;
  ctx.fillRect(x - 3, 18, 6, h - 18);
  ctx.fillStyle = p.era === '1942' ? '#b08d3c' : p.metal;
  ctx.beginPath();
  if (p.era === '1942') ctx.arc(x, 12, 8, 0, Math.PI * 2);
  else {
    ctx.moveTo(x, 0);
    ctx.lineTo(x + 7, 16);
    ctx.lineTo(x - 7, 16);
    ctx.closePath();
  }
  ctx.fill();
}
