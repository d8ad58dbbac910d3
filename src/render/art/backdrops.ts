// The full-window backdrop of each era, painted once at boot (1280×720, scaled to cover the window).
// Detail sits at the edges; the centre, where the overlay's panels are, is kept quiet.
import { type Palette, rgba } from '../palette';
import { type Ctx, fauxText, glow, grain, seeded, verticalGradient, vignette } from './draw';

export const BACKDROP_W = 1280;
export const BACKDROP_H = 720;

function hush(ctx: Ctx, w: number, h: number, p: Palette, alpha: number): void {
  const g = ctx.createRadialGradient(w / 2, h * 0.45, 0, w / 2, h * 0.45, w * 0.42);
  g.addColorStop(0, rgba(p.hush, alpha));
  g.addColorStop(0.7, rgba(p.hush, alpha * 0.6));
  g.addColorStop(1, rgba(p.hush, 0));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

/** A newspaper clipping pinned to the wall, tilted. */
function clipping(ctx: Ctx, x: number, y: number, w: number, h: number, angle: number, p: Palette, seed: number): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(angle);
  ctx.fillStyle = rgba('#000000', 0.12);
  ctx.fillRect(-w / 2 + 4, -h / 2 + 5, w, h);
  ctx.fillStyle = p.paper;
  ctx.fillRect(-w / 2, -h / 2, w, h);
  ctx.fillStyle = rgba(p.ink, 0.75);
  ctx.fillRect(-w / 2 + 8, -h / 2 + 8, w - 16, 10);
  const cols = w > 120 ? 2 : 1;
  const colW = (w - 16 - (cols - 1) * 8) / cols;
  for (let c = 0; c < cols; c++) fauxText(ctx, -w / 2 + 8 + c * (colW + 8), -h / 2 + 26, colW, Math.floor((h - 34) / 6), 6, rgba(p.ink, 0.35), seed + c);
  ctx.fillStyle = p.accent;
  ctx.beginPath();
  ctx.arc(0, -h / 2 + 4, 3, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}

function paint1942(ctx: Ctx, w: number, h: number, p: Palette): void {
  verticalGradient(ctx, 0, 0, w, h, p.skyTop, p.skyBottom);
  // Wallpaper of faint newsprint columns.
  const rnd = seeded(1942);
  for (let x = 10; x < w; x += 92) {
    fauxText(ctx, x, 14 + rnd() * 8, 80, 110, 6, rgba(p.print, 0.09), 100 + x);
    ctx.fillStyle = rgba(p.print, 0.12);
    ctx.fillRect(x + 86, 0, 1, h);
  }
  // Wood wainscot below the dado rail.
  const rail = h * 0.6;
  verticalGradient(ctx, 0, rail, w, h - rail, p.tableMid, p.tableEdge);
  for (let x = 0; x < w; x += 64) {
    ctx.fillStyle = rgba('#000000', 0.15);
    ctx.fillRect(x, rail, 2, h - rail);
  }
  ctx.fillStyle = p.tableGrain;
  ctx.fillRect(0, rail - 6, w, 8);
  ctx.fillStyle = rgba('#000000', 0.25);
  ctx.fillRect(0, rail + 2, w, 2);
  // Clippings pinned at the edges.
  clipping(ctx, 110, 150, 150, 190, -0.06, p, 1);
  clipping(ctx, 70, 360, 110, 130, 0.05, p, 2);
  clipping(ctx, w - 120, 170, 160, 210, 0.05, p, 3);
  clipping(ctx, w - 80, 390, 100, 120, -0.04, p, 4);
  // A hanging lamp's warm pool of light.
  glow(ctx, w / 2, 0, h * 0.7, '#fff3d6', 0.35);
  hush(ctx, w, h, p, 0.5);
  grain(ctx, w, h, p.ink, 9000, 0.1, 42);
  vignette(ctx, w, h, '#2b1a0c', 0.55);
}

function blinds(ctx: Ctx, x: number, y: number, w: number, h: number, p: Palette): void {
  ctx.fillStyle = rgba('#ffffff', 0.55);
  ctx.fillRect(x, y, w, h);
  const g = ctx.createLinearGradient(x, y, x + w, y + h);
  g.addColorStop(0, rgba('#e6f0fa', 0.8));
  g.addColorStop(1, rgba('#9fb4c9', 0.6));
  ctx.fillStyle = g;
  ctx.fillRect(x + 6, y + 6, w - 12, h - 12);
  for (let yy = y + 8; yy < y + h - 6; yy += 9) {
    ctx.fillStyle = rgba(p.ink, 0.12);
    ctx.fillRect(x + 6, yy + 5, w - 12, 2);
    ctx.fillStyle = rgba('#ffffff', 0.5);
    ctx.fillRect(x + 6, yy, w - 12, 4);
  }
  ctx.fillStyle = rgba(p.ink, 0.35);
  ctx.fillRect(x + w / 2, y + 6, 1, h - 12);
}

function paint1995(ctx: Ctx, w: number, h: number, p: Palette): void {
  verticalGradient(ctx, 0, 0, w, h, p.skyTop, p.skyBottom);
  // Ceiling tiles and a strip light.
  ctx.fillStyle = rgba('#ffffff', 0.25);
  ctx.fillRect(0, 0, w, 70);
  ctx.strokeStyle = rgba(p.ink, 0.12);
  ctx.lineWidth = 1;
  for (let x = 0; x <= w; x += 80) {
    ctx.beginPath();
    ctx.moveTo(x + 0.5, 0);
    ctx.lineTo(x + 0.5, 70);
    ctx.stroke();
  }
  ctx.beginPath();
  ctx.moveTo(0, 35.5);
  ctx.lineTo(w, 35.5);
  ctx.moveTo(0, 70.5);
  ctx.lineTo(w, 70.5);
  ctx.stroke();
  ctx.fillStyle = rgba('#ffffff', 0.9);
  ctx.fillRect(w / 2 - 160, 40, 320, 10);
  glow(ctx, w / 2, 45, 360, '#f3f8ff', 0.35);
  // Windows with blinds at the edges.
  blinds(ctx, 40, 110, 190, 250, p);
  blinds(ctx, w - 230, 110, 190, 250, p);
  // A blue chair rail and a carpet-grey lower wall.
  const rail = h * 0.6;
  verticalGradient(ctx, 0, rail, w, h - rail, '#7d8a9a', '#56616f');
  ctx.fillStyle = p.accent;
  ctx.fillRect(0, rail - 5, w, 7);
  // Thermal-fax scan lines over everything.
  ctx.fillStyle = rgba(p.ink, 0.035);
  for (let y = 0; y < h; y += 3) ctx.fillRect(0, y, w, 1);
  // A wall clock.
  ctx.fillStyle = rgba('#ffffff', 0.85);
  ctx.beginPath();
  ctx.arc(w - 135, 430, 28, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = p.ink;
  ctx.lineWidth = 3;
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(w - 135, 430);
  ctx.lineTo(w - 135, 410);
  ctx.moveTo(w - 135, 430);
  ctx.lineTo(w - 122, 436);
  ctx.stroke();
  hush(ctx, w, h, p, 0.55);
  grain(ctx, w, h, p.ink, 5000, 0.06, 95);
  vignette(ctx, w, h, '#1a2430', 0.45);
}

function paint2001(ctx: Ctx, w: number, h: number, p: Palette): void {
  const g = ctx.createRadialGradient(w / 2, h * 0.4, 0, w / 2, h * 0.4, w * 0.7);
  g.addColorStop(0, p.skyTop);
  g.addColorStop(1, p.skyBottom);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
  // A wire globe behind everything.
  ctx.strokeStyle = rgba(p.figureRim, 0.14);
  ctx.lineWidth = 1.5;
  const gx = w / 2;
  const gy = h * 0.46;
  const r = h * 0.5;
  for (let k = -3; k <= 3; k++) {
    ctx.beginPath();
    ctx.ellipse(gx, gy + (k * r) / 4, Math.sqrt(1 - (k / 4) ** 2) * r, r * 0.08, 0, 0, Math.PI * 2);
    ctx.stroke();
  }
  for (let k = 0; k < 6; k++) {
    ctx.beginPath();
    ctx.ellipse(gx, gy, Math.abs(Math.cos((k * Math.PI) / 6)) * r + 0.5, r, 0, 0, Math.PI * 2);
    ctx.stroke();
  }
  // LED walls at the edges.
  for (const x0 of [0, w - 200]) {
    for (let x = x0 + 6; x < x0 + 200; x += 10) {
      for (let y = 80; y < h * 0.62; y += 10) {
        const lit = ((x * 7 + y * 3) % 37) / 37;
        ctx.fillStyle = rgba(lit > 0.8 ? p.accent : p.figureRim, 0.08 + lit * 0.18);
        ctx.fillRect(x, y, 5, 5);
      }
    }
  }
  // Light beams from the rig.
  for (const [x, dir] of [
    [w * 0.15, 1],
    [w * 0.85, -1],
  ] as const) {
    const beam = ctx.createLinearGradient(x, 0, x + dir * 200, h * 0.8);
    beam.addColorStop(0, rgba('#dfe8ff', 0.22));
    beam.addColorStop(1, rgba('#dfe8ff', 0));
    ctx.fillStyle = beam;
    ctx.beginPath();
    ctx.moveTo(x - 20, 0);
    ctx.lineTo(x + 20, 0);
    ctx.lineTo(x + dir * 320 + 120, h * 0.8);
    ctx.lineTo(x + dir * 320 - 120, h * 0.8);
    ctx.closePath();
    ctx.fill();
  }
  // Red swooshes low on the set.
  for (const [x0, dir] of [
    [0, 1],
    [w, -1],
  ] as const) {
    ctx.fillStyle = rgba(p.accent, 0.55);
    ctx.beginPath();
    ctx.moveTo(x0, h * 0.58);
    ctx.quadraticCurveTo(x0 + dir * 260, h * 0.52, x0 + dir * 420, h * 0.64);
    ctx.lineTo(x0 + dir * 420, h * 0.66);
    ctx.quadraticCurveTo(x0 + dir * 250, h * 0.57, x0, h * 0.63);
    ctx.closePath();
    ctx.fill();
  }
  // Studio floor.
  verticalGradient(ctx, 0, h * 0.62, w, h * 0.38, '#0a1738', '#03081a');
  ctx.fillStyle = rgba(p.figureRim, 0.25);
  ctx.fillRect(0, h * 0.62, w, 1);
  hush(ctx, w, h, p, 0.55);
  grain(ctx, w, h, '#ffffff', 3000, 0.03, 2001);
  vignette(ctx, w, h, '#000000', 0.6);
}

function paintHome(ctx: Ctx, w: number, h: number, p: Palette): void {
  verticalGradient(ctx, 0, 0, w, h, p.skyTop, p.skyBottom);
  // Contour lines of a map, at the edges.
  const rnd = seeded(7);
  ctx.strokeStyle = rgba(p.accent, 0.08);
  ctx.lineWidth = 1;
  for (const [cx, cy] of [
    [80, 140],
    [w - 90, 180],
    [140, h - 120],
    [w - 160, h - 90],
  ] as const) {
    for (let k = 1; k < 9; k++) {
      ctx.beginPath();
      const rr = k * 26;
      for (let a = 0; a <= 64; a++) {
        const t = (a / 64) * Math.PI * 2;
        const wob = 1 + 0.12 * Math.sin(t * 3 + k) + 0.05 * (rnd() - 0.5);
        const x = cx + Math.cos(t) * rr * wob * 1.3;
        const y = cy + Math.sin(t) * rr * wob;
        if (a === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.closePath();
      ctx.stroke();
    }
  }
  // The border: a dashed line meandering across, from the Pacific to the Gulf.
  ctx.setLineDash([10, 8]);
  ctx.strokeStyle = rgba(p.accent, 0.3);
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(0, h * 0.74);
  ctx.lineTo(w * 0.28, h * 0.76);
  ctx.lineTo(w * 0.42, h * 0.8);
  ctx.bezierCurveTo(w * 0.55, h * 0.9, w * 0.62, h * 0.72, w * 0.72, h * 0.86);
  ctx.quadraticCurveTo(w * 0.82, h * 0.98, w, h * 0.96);
  ctx.stroke();
  ctx.setLineDash([]);
  hush(ctx, w, h, p, 0.5);
  grain(ctx, w, h, p.paper, 4000, 0.04, 11);
  vignette(ctx, w, h, '#000000', 0.55);
}

export function paintBackdrop(ctx: Ctx, w: number, h: number, p: Palette): void {
  if (p.era === '1942') paint1942(ctx, w, h, p);
  else if (p.era === '1995') paint1995(ctx, w, h, p);
  else if (p.era === '2001') paint2001(ctx, w, h, p);
  else paintHome(ctx, w, h, p);
}

/** The 2001 news ticker band: a red "live" tab and a navy strip (its moving words are Phaser text). */
export function paintTickerBand(ctx: Ctx, w: number, h: number, p: Palette): void {
  verticalGradient(ctx, 0, 0, w, h, '#1b3275', '#0b1840');
  ctx.fillStyle = rgba('#ffffff', 0.25);
  ctx.fillRect(0, 0, w, 1);
  ctx.fillStyle = p.accent;
  ctx.fillRect(0, h - 3, w, 3);
}
