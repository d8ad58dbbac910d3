// Small marks the scenes tint and place: dots, rings, glows, the trust gauge, the chamber's benches, the era
// medallions of the title screen.
import { type Palette, rgba } from '../palette';
import { type Ctx, glow, roundRect } from './draw';

export function paintDot(ctx: Ctx, w: number, h: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.arc(w / 2, h / 2, Math.min(w, h) / 2 - 1, 0, Math.PI * 2);
  ctx.fill();
}

export function paintRing(ctx: Ctx, w: number, h: number, colour: string): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = Math.max(2, w / 10);
  ctx.beginPath();
  ctx.arc(w / 2, h / 2, Math.min(w, h) / 2 - ctx.lineWidth, 0, Math.PI * 2);
  ctx.stroke();
}

export function paintGlow(ctx: Ctx, w: number, h: number, colour: string): void {
  glow(ctx, w / 2, h / 2, Math.min(w, h) / 2, colour, 1);
}

/** The deadline marker: a small flag on a pin. */
export function paintPin(ctx: Ctx, w: number, h: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.fillRect(w * 0.2, 0, 3, h);
  ctx.beginPath();
  ctx.moveTo(w * 0.2 + 3, 1);
  ctx.lineTo(w - 1, h * 0.22);
  ctx.lineTo(w * 0.2 + 3, h * 0.44);
  ctx.closePath();
  ctx.fill();
}

/** A half dial from tension (left, red) to trust (right, green). The needle is a separate image. */
export function paintGauge(ctx: Ctx, w: number, h: number, p: Palette): void {
  const cx = w / 2;
  const cy = h - 8;
  const r = Math.min(w / 2, h) - 10;
  ctx.fillStyle = rgba(p.era === '2001' ? '#000000' : p.paper, 0.55);
  ctx.beginPath();
  ctx.arc(cx, cy, r + 8, Math.PI, 0);
  ctx.closePath();
  ctx.fill();
  const steps = 24;
  for (let i = 0; i < steps; i++) {
    const t = i / (steps - 1);
    const a0 = Math.PI + (i / steps) * Math.PI;
    const a1 = Math.PI + ((i + 1) / steps) * Math.PI - 0.02;
    ctx.strokeStyle = t < 0.5 ? rgba(p.no, 0.9 - t) : rgba(p.yes, 0.4 + (t - 0.5));
    ctx.lineWidth = r * 0.22;
    ctx.beginPath();
    ctx.arc(cx, cy, r * 0.82, a0, a1);
    ctx.stroke();
  }
  ctx.fillStyle = p.era === '2001' ? '#ffffff' : p.ink;
  ctx.beginPath();
  ctx.arc(cx, cy, 6, 0, Math.PI * 2);
  ctx.fill();
}

export function paintNeedle(ctx: Ctx, w: number, h: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.moveTo(w / 2 - 3, h);
  ctx.lineTo(w / 2, 0);
  ctx.lineTo(w / 2 + 3, h);
  ctx.closePath();
  ctx.fill();
}

/** The chamber: tiered benches in a hemicycle and a rostrum, in the era's wood, grey or navy. */
export function paintBenches(ctx: Ctx, w: number, h: number, p: Palette): void {
  const cx = w / 2;
  const base = h - 10;
  for (let r = 0; r < 5; r++) {
    const radius = h * 0.3 + r * h * 0.14;
    ctx.strokeStyle = r % 2 === 0 ? p.tableMid : p.tableTop;
    ctx.lineWidth = h * 0.09;
    ctx.beginPath();
    ctx.arc(cx, base, radius, Math.PI, 0);
    ctx.stroke();
    ctx.strokeStyle = rgba('#000000', 0.25);
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(cx, base, radius + h * 0.045, Math.PI, 0);
    ctx.stroke();
  }
  // Aisles.
  ctx.strokeStyle = rgba(p.era === '2001' ? '#000000' : p.skyBottom, 0.8);
  ctx.lineWidth = 8;
  for (const a of [Math.PI * 0.25, Math.PI * 0.5, Math.PI * 0.75]) {
    ctx.beginPath();
    ctx.moveTo(cx + Math.cos(a) * h * 0.25, base - Math.sin(a) * h * 0.25);
    ctx.lineTo(cx + Math.cos(a) * h * 0.95, base - Math.sin(a) * h * 0.95);
    ctx.stroke();
  }
  // Rostrum.
  ctx.fillStyle = p.tableEdge;
  roundRect(ctx, cx - w * 0.08, base - h * 0.16, w * 0.16, h * 0.16, 6);
  ctx.fill();
  ctx.fillStyle = rgba(p.accent, 0.8);
  ctx.fillRect(cx - w * 0.08, base - h * 0.16, w * 0.16, 4);
}

/** The seat light: a disc with a soft halo, in yes, no or unlit colours. */
export function paintSeat(ctx: Ctx, w: number, h: number, colour: string, halo: boolean): void {
  if (halo) glow(ctx, w / 2, h / 2, w / 2, colour, 0.45);
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.arc(w / 2, h / 2, w * 0.22, 0, Math.PI * 2);
  ctx.fill();
}

/** A medallion for an era (title and scenario choice): rings in the era's colours. */
export function paintMedal(ctx: Ctx, w: number, h: number, p: Palette): void {
  const cx = w / 2;
  const cy = h / 2;
  const r = Math.min(w, h) / 2 - 4;
  ctx.fillStyle = p.skyBottom;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
  const g = ctx.createRadialGradient(cx, cy - r * 0.3, 0, cx, cy, r);
  g.addColorStop(0, p.skyTop);
  g.addColorStop(1, p.skyBottom);
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.arc(cx, cy, r - 6, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = p.accent;
  ctx.lineWidth = 4;
  ctx.beginPath();
  ctx.arc(cx, cy, r - 3, 0, Math.PI * 2);
  ctx.stroke();
  ctx.strokeStyle = rgba(p.accent, 0.5);
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(cx, cy, r - 12, 0, Math.PI * 2);
  ctx.stroke();
}
