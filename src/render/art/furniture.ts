// The negotiating table of each era and what stands on it: a wooden table and a typewriter (1942), a
// conference table with microphones and a fax machine (1995), a glossy summit table and podiums (2001).
import { type Palette, rgba } from '../palette';
import { type Ctx, roundRect, seeded, verticalGradient } from './draw';

export const TABLE_W = 1280;
export const TABLE_H = 240;

export function paintTable(ctx: Ctx, w: number, h: number, p: Palette): void {
  const top = 8;
  const front = h * 0.62;
  const inset = w * 0.06;
  // Top surface in perspective.
  ctx.beginPath();
  ctx.moveTo(inset, top);
  ctx.lineTo(w - inset, top);
  ctx.lineTo(w, front);
  ctx.lineTo(0, front);
  ctx.closePath();
  const g = ctx.createLinearGradient(0, top, 0, front);
  g.addColorStop(0, p.tableMid);
  g.addColorStop(1, p.tableTop);
  ctx.fillStyle = g;
  ctx.fill();
  ctx.save();
  ctx.clip();
  if (p.era === '1942' || p.era === 'home') {
    // Planks and grain.
    const rnd = seeded(12);
    for (let y = top; y < front; y += 3 + rnd() * 4) {
      ctx.strokeStyle = rgba(p.tableGrain, 0.25 + rnd() * 0.25);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(0, y);
      for (let x = 0; x <= w; x += 80) ctx.lineTo(x, y + Math.sin(x / 140 + y) * 2);
      ctx.stroke();
    }
    for (let k = 1; k < 4; k++) {
      ctx.fillStyle = rgba('#000000', 0.25);
      ctx.fillRect(0, top + ((front - top) * k) / 4, w, 2);
    }
  } else if (p.era === '1995') {
    // Laminate with a blotter strip down the middle.
    ctx.fillStyle = rgba('#ffffff', 0.06);
    for (let y = top; y < front; y += 6) ctx.fillRect(0, y, w, 1);
    ctx.fillStyle = rgba(p.accent, 0.25);
    ctx.fillRect(0, (top + front) / 2 - 10, w, 20);
  } else {
    // Gloss: the studio lights reflected in the lacquer.
    const r = ctx.createLinearGradient(0, top, w, front);
    r.addColorStop(0, rgba('#ffffff', 0));
    r.addColorStop(0.35, rgba('#ffffff', 0.12));
    r.addColorStop(0.42, rgba('#ffffff', 0));
    r.addColorStop(0.7, rgba('#ffffff', 0.08));
    r.addColorStop(0.76, rgba('#ffffff', 0));
    ctx.fillStyle = r;
    ctx.fillRect(0, top, w, front - top);
  }
  ctx.restore();
  // Front edge and apron.
  verticalGradient(ctx, 0, front, w, h - front, p.tableEdge, rgba(p.tableEdge, 0.9));
  ctx.fillStyle = rgba('#ffffff', p.era === '2001' ? 0.35 : 0.18);
  ctx.fillRect(0, front, w, 2);
  if (p.era === '2001') {
    ctx.fillStyle = p.accent;
    ctx.fillRect(0, front + 10, w, 4);
  }
}

export function paintMicrophone(ctx: Ctx, w: number, h: number, p: Palette): void {
  // Base, gooseneck and head.
  ctx.fillStyle = p.metal;
  ctx.beginPath();
  ctx.ellipse(w / 2, h - 8, w * 0.4, 7, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = p.metal;
  ctx.lineWidth = 4;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(w / 2, h - 10);
  ctx.bezierCurveTo(w / 2, h * 0.45, w * 0.75, h * 0.3, w * 0.8, h * 0.15);
  ctx.stroke();
  ctx.fillStyle = '#15181c';
  roundRect(ctx, w * 0.66, 2, w * 0.28, h * 0.18, 5);
  ctx.fill();
  ctx.fillStyle = '#d33';
  ctx.beginPath();
  ctx.arc(w * 0.3, h - 10, 3, 0, Math.PI * 2);
  ctx.fill();
}

export function paintPodium(ctx: Ctx, w: number, h: number, p: Palette): void {
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.lineTo(w, 0);
  ctx.lineTo(w * 0.88, h);
  ctx.lineTo(w * 0.12, h);
  ctx.closePath();
  const g = ctx.createLinearGradient(0, 0, w, 0);
  g.addColorStop(0, '#0b1636');
  g.addColorStop(0.5, '#1f3470');
  g.addColorStop(1, '#0b1636');
  ctx.fillStyle = g;
  ctx.fill();
  ctx.fillStyle = rgba('#ffffff', 0.25);
  ctx.fillRect(0, 0, w, 3);
  ctx.fillStyle = p.accent;
  ctx.fillRect(w * 0.1, h * 0.3, w * 0.8, 6);
  // A seal on the front: rings and a star.
  ctx.strokeStyle = rgba('#ffffff', 0.6);
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(w / 2, h * 0.58, w * 0.14, 0, Math.PI * 2);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(w / 2, h * 0.58, w * 0.1, 0, Math.PI * 2);
  ctx.stroke();
}

export function paintTypewriter(ctx: Ctx, w: number, h: number, p: Palette): void {
  const body = '#1f1a16';
  // Paper in the roller.
  ctx.fillStyle = p.paper;
  ctx.fillRect(w * 0.3, 0, w * 0.4, h * 0.42);
  ctx.fillStyle = rgba(p.ink, 0.4);
  for (let i = 0; i < 5; i++) ctx.fillRect(w * 0.34, h * 0.08 + i * 7, w * (0.25 + (i % 2) * 0.06), 2);
  // Roller and carriage.
  ctx.fillStyle = body;
  roundRect(ctx, w * 0.12, h * 0.36, w * 0.76, h * 0.12, 6);
  ctx.fill();
  ctx.fillStyle = p.metal;
  ctx.fillRect(w * 0.06, h * 0.4, w * 0.06, 5);
  // Body.
  ctx.fillStyle = body;
  ctx.beginPath();
  ctx.moveTo(w * 0.14, h * 0.5);
  ctx.lineTo(w * 0.86, h * 0.5);
  ctx.lineTo(w * 0.96, h * 0.9);
  ctx.lineTo(w * 0.04, h * 0.9);
  ctx.closePath();
  ctx.fill();
  // Keys.
  ctx.fillStyle = rgba(p.paper, 0.75);
  for (let r = 0; r < 3; r++) {
    for (let k = 0; k < 10 - r; k++) {
      ctx.beginPath();
      ctx.arc(w * (0.17 + r * 0.035) + k * w * 0.07, h * (0.64 + r * 0.08), 3.5, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  ctx.fillStyle = rgba('#000000', 0.3);
  ctx.fillRect(w * 0.04, h * 0.9, w * 0.92, h * 0.06);
}

export function paintFaxMachine(ctx: Ctx, w: number, h: number, p: Palette): void {
  // A sheet curling out of the top.
  ctx.fillStyle = p.paper;
  ctx.beginPath();
  ctx.moveTo(w * 0.25, h * 0.32);
  ctx.bezierCurveTo(w * 0.22, h * 0.12, w * 0.3, 0, w * 0.35, 0);
  ctx.lineTo(w * 0.78, 0);
  ctx.bezierCurveTo(w * 0.72, h * 0.08, w * 0.74, h * 0.2, w * 0.75, h * 0.32);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = rgba(p.ink, 0.35);
  for (let i = 0; i < 4; i++) ctx.fillRect(w * 0.38, h * 0.05 + i * 6, w * 0.3, 2);
  // Body.
  ctx.fillStyle = '#d9dcd8';
  roundRect(ctx, w * 0.06, h * 0.3, w * 0.88, h * 0.6, 10);
  ctx.fill();
  ctx.fillStyle = rgba('#000000', 0.15);
  ctx.fillRect(w * 0.06, h * 0.82, w * 0.88, h * 0.08);
  // Handset.
  ctx.fillStyle = '#3a3f45';
  roundRect(ctx, w * 0.08, h * 0.36, w * 0.16, h * 0.44, 8);
  ctx.fill();
  // Display and keypad.
  ctx.fillStyle = '#9fb49a';
  ctx.fillRect(w * 0.34, h * 0.42, w * 0.3, h * 0.1);
  ctx.fillStyle = '#3a3f45';
  for (let r = 0; r < 3; r++) for (let c = 0; c < 4; c++) ctx.fillRect(w * (0.34 + c * 0.08), h * (0.58 + r * 0.07), w * 0.05, h * 0.04);
  ctx.fillStyle = p.accent;
  ctx.fillRect(w * 0.72, h * 0.42, w * 0.14, h * 0.06);
}

/** A broadcast camera on a pedestal (2001). */
export function paintCamera(ctx: Ctx, w: number, h: number, p: Palette): void {
  ctx.fillStyle = '#0b1020';
  roundRect(ctx, w * 0.1, h * 0.12, w * 0.62, h * 0.34, 10);
  ctx.fill();
  ctx.fillStyle = '#1b2440';
  ctx.fillRect(w * 0.72, h * 0.18, w * 0.2, h * 0.22);
  ctx.fillStyle = rgba(p.figureRim, 0.7);
  ctx.beginPath();
  ctx.arc(w * 0.92, h * 0.29, h * 0.1, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = p.accent;
  ctx.beginPath();
  ctx.arc(w * 0.18, h * 0.2, 4, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = '#0b1020';
  ctx.lineWidth = 6;
  ctx.beginPath();
  ctx.moveTo(w * 0.4, h * 0.46);
  ctx.lineTo(w * 0.4, h * 0.9);
  ctx.moveTo(w * 0.4, h * 0.9);
  ctx.lineTo(w * 0.12, h);
  ctx.moveTo(w * 0.4, h * 0.9);
  ctx.lineTo(w * 0.68, h);
  ctx.stroke();
  ctx.fillStyle = rgba('#ffffff', 0.2);
  ctx.fillRect(w * 0.1, h * 0.12, w * 0.62, 2);
}
