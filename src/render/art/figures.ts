// Head-and-shoulders silhouettes in profile (facing right; the scenes mirror them for the right-hand
// delegation), with period hats and hairstyles. A rim of light along the outline separates them from dark
// backdrops. Nobody is portrayed: these are types of the period, not likenesses.
import type { Era } from '../../app/app-types';
import { type EraKey, type Palette, rgba } from '../palette';
import type { Ctx } from './draw';

export const FIGURE_W = 220;
export const FIGURE_H = 280;

export type FigureStyle = 'fedora' | 'peaked-cap' | 'slick' | 'victory-rolls' | 'side-part' | 'bob' | 'short' | 'long';

/** Who sits at each delegation's table in each era: the leader first, then two advisers. */
export const CAST: Record<Era, Record<'us' | 'mx', FigureStyle[]>> = {
  '1942': { us: ['fedora', 'peaked-cap', 'victory-rolls'], mx: ['slick', 'fedora', 'victory-rolls'] },
  '1995': { us: ['side-part', 'bob', 'short'], mx: ['short', 'side-part', 'bob'] },
  '2001': { us: ['short', 'long', 'side-part'], mx: ['side-part', 'short', 'long'] },
};

/** The styles an era needs textures for ('home' seats nobody). */
export function stylesOf(era: EraKey): FigureStyle[] {
  if (era === 'home') return [];
  const set = new Set<FigureStyle>([...CAST[era].us, ...CAST[era].mx]);
  return [...set];
}

/** The bust: shoulders, neck and a profile head facing right, in a 220×280 box. */
function bust(ctx: Ctx): void {
  ctx.beginPath();
  ctx.moveTo(0, 280);
  ctx.bezierCurveTo(4, 236, 30, 214, 74, 206);
  ctx.lineTo(84, 196);
  // back of the neck and head
  ctx.bezierCurveTo(80, 178, 70, 166, 66, 150);
  ctx.bezierCurveTo(50, 118, 56, 62, 96, 48);
  // crown and forehead
  ctx.bezierCurveTo(128, 38, 150, 54, 152, 80);
  // brow, nose, lips, chin
  ctx.bezierCurveTo(153, 92, 154, 98, 156, 104);
  ctx.lineTo(168, 126);
  ctx.bezierCurveTo(169, 131, 163, 133, 158, 134);
  ctx.bezierCurveTo(160, 139, 158, 142, 156, 144);
  ctx.bezierCurveTo(159, 147, 158, 151, 155, 154);
  ctx.bezierCurveTo(158, 164, 154, 172, 146, 175);
  // jaw to the front of the neck
  ctx.bezierCurveTo(136, 178, 126, 178, 124, 184);
  ctx.lineTo(126, 202);
  // collar and chest
  ctx.bezierCurveTo(160, 210, 196, 226, 210, 280);
  ctx.closePath();
}

function hair(ctx: Ctx, style: FigureStyle): void {
  ctx.beginPath();
  switch (style) {
    case 'fedora':
      // crown with a pinch, band, and a brim tilted down at the front
      ctx.moveTo(64, 66);
      ctx.bezierCurveTo(66, 30, 82, 18, 108, 20);
      ctx.bezierCurveTo(120, 26, 128, 18, 140, 24);
      ctx.bezierCurveTo(150, 34, 148, 52, 148, 66);
      ctx.closePath();
      ctx.moveTo(36, 66);
      ctx.bezierCurveTo(70, 56, 140, 56, 180, 72);
      ctx.bezierCurveTo(150, 78, 70, 76, 36, 70);
      ctx.closePath();
      break;
    case 'peaked-cap':
      ctx.moveTo(60, 70);
      ctx.bezierCurveTo(56, 40, 80, 28, 112, 28);
      ctx.bezierCurveTo(150, 28, 162, 42, 156, 60);
      ctx.lineTo(150, 70);
      ctx.closePath();
      ctx.moveTo(142, 62);
      ctx.bezierCurveTo(160, 62, 176, 68, 180, 74);
      ctx.bezierCurveTo(168, 76, 154, 74, 142, 72);
      ctx.closePath();
      break;
    case 'slick':
      ctx.moveTo(60, 110);
      ctx.bezierCurveTo(50, 60, 86, 36, 120, 40);
      ctx.bezierCurveTo(144, 44, 152, 56, 150, 72);
      ctx.bezierCurveTo(120, 60, 96, 70, 80, 100);
      ctx.closePath();
      break;
    case 'victory-rolls':
      ctx.arc(132, 46, 16, 0, Math.PI * 2);
      ctx.moveTo(120, 36);
      ctx.arc(104, 36, 18, 0, Math.PI * 2);
      ctx.moveTo(80, 50);
      ctx.arc(76, 54, 18, 0, Math.PI * 2);
      // hair gathered into a roll at the nape
      ctx.moveTo(58, 90);
      ctx.bezierCurveTo(44, 120, 48, 170, 72, 176);
      ctx.bezierCurveTo(92, 178, 96, 160, 84, 150);
      ctx.bezierCurveTo(78, 130, 80, 110, 92, 96);
      ctx.closePath();
      break;
    case 'side-part':
      ctx.moveTo(60, 104);
      ctx.bezierCurveTo(46, 56, 80, 30, 118, 32);
      ctx.bezierCurveTo(146, 34, 160, 50, 154, 70);
      ctx.bezierCurveTo(136, 56, 110, 58, 92, 70);
      ctx.bezierCurveTo(80, 80, 72, 96, 70, 112);
      ctx.closePath();
      break;
    case 'bob':
      ctx.moveTo(146, 60);
      ctx.bezierCurveTo(138, 30, 90, 22, 66, 44);
      ctx.bezierCurveTo(40, 70, 42, 140, 54, 172);
      ctx.bezierCurveTo(74, 180, 100, 176, 110, 168);
      ctx.bezierCurveTo(100, 150, 98, 120, 104, 96);
      ctx.bezierCurveTo(120, 80, 140, 78, 154, 84);
      ctx.closePath();
      break;
    case 'long':
      ctx.moveTo(150, 64);
      ctx.bezierCurveTo(140, 28, 86, 22, 62, 48);
      ctx.bezierCurveTo(34, 84, 40, 170, 44, 230);
      ctx.bezierCurveTo(70, 240, 96, 236, 108, 220);
      ctx.bezierCurveTo(98, 190, 96, 150, 102, 110);
      ctx.bezierCurveTo(116, 86, 138, 80, 156, 86);
      ctx.closePath();
      break;
    case 'short':
      ctx.moveTo(62, 96);
      ctx.bezierCurveTo(52, 58, 82, 38, 114, 40);
      ctx.bezierCurveTo(140, 40, 152, 54, 150, 68);
      ctx.bezierCurveTo(124, 60, 96, 66, 74, 100);
      ctx.closePath();
      break;
  }
  ctx.fill();
}

/** Lapel, collar and tie picked out by the rim light: it reads as a suit without breaking the silhouette. */
function tailoring(ctx: Ctx, style: FigureStyle, rim: string): void {
  ctx.strokeStyle = rgba(rim, 0.45);
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(128, 206);
  ctx.bezierCurveTo(136, 230, 140, 250, 138, 280);
  ctx.stroke();
  if (style === 'victory-rolls' || style === 'bob' || style === 'long') {
    // a blouse collar
    ctx.beginPath();
    ctx.moveTo(124, 200);
    ctx.lineTo(150, 222);
    ctx.stroke();
  } else {
    // shirt collar and tie
    ctx.beginPath();
    ctx.moveTo(124, 198);
    ctx.lineTo(146, 214);
    ctx.lineTo(134, 222);
    ctx.stroke();
  }
}

export function paintFigure(ctx: Ctx, style: FigureStyle, p: Palette): void {
  // Rim light: the figure filled in the rim colour, offset towards the light, then the figure on top.
  ctx.save();
  ctx.translate(3, -2);
  ctx.fillStyle = rgba(p.figureRim, 0.85);
  bust(ctx);
  ctx.fill();
  hair(ctx, style);
  ctx.restore();
  ctx.fillStyle = p.figure;
  bust(ctx);
  ctx.fill();
  hair(ctx, style);
  tailoring(ctx, style, p.figureRim);
}
