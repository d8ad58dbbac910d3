// Where the decoration goes. The DOM overlay sits in a centred column at most OVERLAY_MAX pixels wide, so
// the canvas keeps that column quiet and dresses the edges: figures and flags at the sides, the table
// along the bottom, the calendar on the table's front edge. Pure geometry, no Phaser.

export const OVERLAY_MAX = 1100;
/** Height of the overlay's toolbar along the top of the window (CSS pixels, whatever the window size). */
export const TOOLBAR = 56;
/** Smallest size laid out; a smaller window (or a test DOM with no layout) is drawn as if this big. */
export const MIN_W = 640;
export const MIN_H = 400;

export interface Frame {
  w: number;
  h: number;
  cx: number;
  cy: number;
  /** The overlay's column. */
  columnLeft: number;
  columnRight: number;
  /** Width of the free margin on each side of the column (0 when the window is narrower than it). */
  margin: number;
  /** Width given to each side's decoration: the margin, or a band that slips under the column's edge. */
  side: number;
  /** The first row below the overlay's toolbar. */
  top: number;
  /** Top of the table band. */
  tableTop: number;
  /** A size unit that follows the window's height (1 at 720 px). */
  unit: number;
}

export function frameOf(width: number, height: number): Frame {
  const w = Math.max(MIN_W, Math.round(width) || 0);
  const h = Math.max(MIN_H, Math.round(height) || 0);
  const column = Math.min(OVERLAY_MAX, w);
  const margin = Math.max(0, (w - column) / 2);
  const unit = h / 720;
  return {
    w,
    h,
    cx: w / 2,
    cy: h / 2,
    columnLeft: margin,
    columnRight: w - margin,
    margin,
    side: Math.max(margin, Math.min(w * 0.2, 260 * unit)),
    top: TOOLBAR,
    tableTop: Math.round(h * 0.7),
    unit,
  };
}

/** Scale that makes a w×h image cover the frame. */
export function coverScale(frame: Frame, w: number, h: number): number {
  return Math.max(frame.w / w, frame.h / h);
}

export interface Dot {
  x: number;
  y: number;
}

/** The calendar: one dot per round along the table's front edge, spread across the whole width. */
export function calendarDots(frame: Frame, rounds: number): Dot[] {
  if (rounds <= 0) return [];
  const y = frame.h - Math.max(18, 22 * frame.unit);
  const pad = Math.max(48, frame.w * 0.06);
  if (rounds === 1) return [{ x: frame.cx, y }];
  const step = (frame.w - 2 * pad) / (rounds - 1);
  return Array.from({ length: rounds }, (_, i) => ({ x: pad + i * step, y }));
}

/** The ledger: one document slot per issue, laid on the table in a row. */
export function ledgerSlots(frame: Frame, issues: number): Dot[] {
  if (issues <= 0) return [];
  const y = frame.tableTop + (frame.h - frame.tableTop) * 0.45;
  const span = Math.min(frame.w * 0.8, issues * 120 * frame.unit + 80);
  const step = issues === 1 ? 0 : span / (issues - 1);
  const x0 = frame.cx - (step * (issues - 1)) / 2;
  return Array.from({ length: issues }, (_, i) => ({ x: x0 + i * step, y: y + (i % 2 === 0 ? 0 : 6 * frame.unit) }));
}

/** Where each delegation sits: the US on the left, Mexico on the right (as on the flags behind them). */
export function seatOf(frame: Frame, side: 'us' | 'mx'): { x: number; y: number; dir: 1 | -1 } {
  const x = Math.max(frame.side * 0.5, 90 * frame.unit);
  return side === 'us' ? { x, y: frame.tableTop, dir: 1 } : { x: frame.w - x, y: frame.tableTop, dir: -1 };
}

/**
 * The chamber: `count` seats on concentric arcs (a hemicycle) around (cx, baseY), filled from the front row
 * outwards, in the order the votes are listed.
 */
export function hemicycle(cx: number, baseY: number, inner: number, rowGap: number, count: number, rows: number): Dot[] {
  const out: Dot[] = [];
  if (count <= 0 || rows <= 0) return out;
  const radii = Array.from({ length: rows }, (_, r) => inner + r * rowGap);
  const total = radii.reduce((a, r) => a + r, 0);
  let left = count;
  const perRow = radii.map((r, i) => {
    const n = i === rows - 1 ? left : Math.max(1, Math.round((count * r) / total));
    left -= n;
    return Math.max(0, n);
  });
  // Seats are ordered by angle across rows, so a constituency's block reads as a wedge of the chamber.
  const seats: { angle: number; dot: Dot }[] = [];
  radii.forEach((r, i) => {
    const n = perRow[i]!;
    for (let k = 0; k < n; k++) {
      const angle = Math.PI - (n === 1 ? Math.PI / 2 : (k / (n - 1)) * Math.PI);
      seats.push({ angle, dot: { x: cx + r * Math.cos(angle), y: baseY - r * Math.sin(angle) } });
    }
  });
  seats.sort((a, b) => b.angle - a.angle);
  for (const s of seats) out.push(s.dot);
  return out;
}
