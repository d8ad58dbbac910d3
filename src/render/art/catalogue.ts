// Every texture the scenes use, as a list of painting jobs the preloader runs at boot (a few per frame, so
// its progress bar moves). No image files: each texture is painted on a canvas and handed to Phaser.
import { ERA_KEYS, type EraKey, PALETTES } from '../palette';
import { BACKDROP_H, BACKDROP_W, paintBackdrop, paintTickerBand } from './backdrops';
import type { Ctx } from './draw';
import { FLAG_H, FLAG_W, paintMxFlag, paintPole, paintUsFlag } from './flags';
import { FIGURE_H, FIGURE_W, type FigureStyle, paintFigure, stylesOf } from './figures';
import { paintCamera, paintFaxMachine, paintMicrophone, paintPodium, paintTable, paintTypewriter, TABLE_H, TABLE_W } from './furniture';
import { paintBenches, paintDot, paintGauge, paintGlow, paintMedal, paintNeedle, paintPin, paintRing, paintSeat } from './marks';
import { paintDocument, paintFaxSheet, paintFolder, paintNewspaper, paintPapers, paintSignature, paintSlot, paintStamp, paintTreaty } from './papers';

export type TextureName =
  | 'backdrop'
  | 'table'
  | 'flag-us'
  | 'flag-mx'
  | 'pole'
  | 'doc'
  | 'slot'
  | 'stamp'
  | 'papers'
  | 'treaty'
  | 'sig-a'
  | 'sig-b'
  | 'folder'
  | 'gauge'
  | 'benches'
  | 'medal'
  | 'prop'
  | 'mic'
  | 'podium'
  | 'ticker'
  | 'newspaper'
  | 'faxsheet'
  | 'dot-past'
  | 'dot-current'
  | 'dot-future'
  | 'dot-deadline'
  | 'dot-beyond'
  | 'ring'
  | 'pin'
  | 'needle'
  | 'seat-yes'
  | 'seat-no'
  | 'seat-idle';

/** Glows shared by every era (white light, warm lamplight, the red of tension). */
export type GlowName = 'glow' | 'glow-warm' | 'glow-tension';

/** The key of an era's texture in Phaser's texture manager. */
export const tex = (name: TextureName, era: EraKey): string => `${name}@${era}`;
export const figureKey = (style: FigureStyle, era: EraKey): string => `figure-${style}@${era}`;

export interface TextureJob {
  key: string;
  w: number;
  h: number;
  paint: (ctx: Ctx, w: number, h: number) => void;
}

export const SIZES = {
  backdrop: [BACKDROP_W, BACKDROP_H],
  table: [TABLE_W, TABLE_H],
  flag: [FLAG_W, FLAG_H],
  pole: [24, 420],
  figure: [FIGURE_W, FIGURE_H],
  doc: [96, 124],
  stamp: [72, 72],
  papers: [150, 110],
  treaty: [560, 380],
  signature: [240, 70],
  folder: [360, 260],
  gauge: [180, 100],
  needle: [12, 70],
  benches: [1100, 480],
  medal: [160, 160],
  prop: [220, 150],
  mic: [60, 110],
  podium: [170, 200],
  camera: [200, 220],
  ticker: [1280, 44],
  newspaper: [900, 1200],
  faxsheet: [850, 1100],
  seat: [40, 40],
  dot: [32, 32],
  pin: [24, 40],
  glow: [128, 128],
} as const;

function eraJobs(era: EraKey): TextureJob[] {
  const p = PALETTES[era];
  const job = (name: TextureName, [w, h]: readonly [number, number], paint: (ctx: Ctx, w: number, h: number) => void): TextureJob => ({
    key: tex(name, era),
    w,
    h,
    paint,
  });
  const jobs: TextureJob[] = [
    job('backdrop', SIZES.backdrop, (c, w, h) => paintBackdrop(c, w, h, p)),
    job('flag-us', SIZES.flag, (c, w, h) => paintUsFlag(c, w, h, p, era === '1942' ? 48 : 50)),
    job('flag-mx', SIZES.flag, (c, w, h) => paintMxFlag(c, w, h, p)),
    job('pole', SIZES.pole, (c, w, h) => paintPole(c, w, h, p)),
    job('medal', SIZES.medal, (c, w, h) => paintMedal(c, w, h, p)),
  ];
  if (era === 'home') return jobs;
  jobs.push(
    job('table', SIZES.table, (c, w, h) => paintTable(c, w, h, p)),
    job('doc', SIZES.doc, (c, w, h) => paintDocument(c, w, h, p)),
    job('slot', SIZES.doc, (c, w, h) => paintSlot(c, w, h, p)),
    job('stamp', SIZES.stamp, (c, w, h) => paintStamp(c, w, h, p)),
    job('papers', SIZES.papers, (c, w, h) => paintPapers(c, w, h, p)),
    job('treaty', SIZES.treaty, (c, w, h) => paintTreaty(c, w, h, p)),
    job('sig-a', SIZES.signature, (c, w, h) => paintSignature(c, w, h, p, 101)),
    job('sig-b', SIZES.signature, (c, w, h) => paintSignature(c, w, h, p, 202)),
    job('folder', SIZES.folder, (c, w, h) => paintFolder(c, w, h, p)),
    job('gauge', SIZES.gauge, (c, w, h) => paintGauge(c, w, h, p)),
    job('benches', SIZES.benches, (c, w, h) => paintBenches(c, w, h, p)),
    // Marks come pre-coloured: the Canvas renderer does not tint.
    job('dot-past', SIZES.dot, (c, w, h) => paintDot(c, w, h, p.paperShade)),
    job('dot-current', SIZES.dot, (c, w, h) => paintDot(c, w, h, p.paper)),
    job('dot-future', SIZES.dot, (c, w, h) => paintDot(c, w, h, p.idle)),
    job('dot-deadline', SIZES.dot, (c, w, h) => paintDot(c, w, h, p.no)),
    job('dot-beyond', SIZES.dot, (c, w, h) => paintDot(c, w, h, p.idle)),
    job('ring', SIZES.dot, (c, w, h) => paintRing(c, w, h, p.highlight)),
    job('pin', SIZES.pin, (c, w, h) => paintPin(c, w, h, p.no)),
    job('needle', SIZES.needle, (c, w, h) => paintNeedle(c, w, h, era === '2001' ? '#ffffff' : p.ink)),
    job('seat-yes', SIZES.seat, (c, w, h) => paintSeat(c, w, h, p.yes, true)),
    job('seat-no', SIZES.seat, (c, w, h) => paintSeat(c, w, h, p.no, true)),
    job('seat-idle', SIZES.seat, (c, w, h) => paintSeat(c, w, h, p.idle, false)),
  );
  for (const style of stylesOf(era)) {
    const [w, h] = SIZES.figure;
    jobs.push({ key: figureKey(style, era), w, h, paint: (c) => paintFigure(c, style, p) });
  }
  if (era === '1942') {
    jobs.push(job('prop', SIZES.prop, (c, w, h) => paintTypewriter(c, w, h, p)));
    jobs.push(job('newspaper', SIZES.newspaper, (c, w, h) => paintNewspaper(c, w, h, p)));
  } else if (era === '1995') {
    jobs.push(job('prop', SIZES.prop, (c, w, h) => paintFaxMachine(c, w, h, p)));
    jobs.push(job('mic', SIZES.mic, (c, w, h) => paintMicrophone(c, w, h, p)));
    jobs.push(job('faxsheet', SIZES.faxsheet, (c, w, h) => paintFaxSheet(c, w, h, p)));
  } else {
    jobs.push(job('prop', SIZES.camera, (c, w, h) => paintCamera(c, w, h, p)));
    jobs.push(job('podium', SIZES.podium, (c, w, h) => paintPodium(c, w, h, p)));
    jobs.push(job('ticker', SIZES.ticker, (c, w, h) => paintTickerBand(c, w, h, p)));
  }
  return jobs;
}

export function textureJobs(): TextureJob[] {
  const [gw, gh] = SIZES.glow;
  const glows: Record<GlowName, string> = { glow: '#ffffff', 'glow-warm': '#ffe2a8', 'glow-tension': '#e0344f' };
  const shared: TextureJob[] = Object.entries(glows).map(([key, colour]) => ({ key, w: gw, h: gh, paint: (c: Ctx, w: number, h: number) => paintGlow(c, w, h, colour) }));
  return [...shared, ...ERA_KEYS.flatMap(eraJobs)];
}

/** Paints one job on a fresh canvas. (The texture is created from the finished canvas, which needs no
 * refresh, so it works the same under WebGL, Canvas and the headless test renderer.) */
export function paintJob(job: TextureJob): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = job.w;
  canvas.height = job.h;
  const ctx = canvas.getContext('2d');
  if (ctx) job.paint(ctx, job.w, job.h);
  return canvas;
}
