// Generates the app icons into assets/icons/: `npm run icons` (tsx assets/tools/generate-icons.ts).
// The mark: two overlapping discs — the two delegations — on the home screen's dark ground, their overlap
// (the agreement) in the title's gold. An SVG for browsers that take one, and PNGs rasterised here
// (4×4 supersampling, a small PNG encoder over node:zlib) for the web manifest and iOS. Deterministic;
// the files are committed and a test checks they match. Licence of the output: CC0-1.0.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

const GROUND = [0x1d, 0x1c, 0x19] as const;
const US = [0x3b, 0x5b, 0x8a] as const;
const MX = [0x3f, 0x7a, 0x4f] as const;
const GOLD = [0xb8, 0x86, 0x3b] as const;
const hex = (c: readonly number[]) => `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;

/** Geometry on a 512-unit square. */
const R = 132;
const LEFT = { x: 206, y: 256 };
const RIGHT = { x: 306, y: 256 };
const CORNER = 96;

export interface IconAsset {
  file: string;
  bytes: Uint8Array;
  /** PNG side in pixels (SVG: null). */
  size: number | null;
  purpose: 'any' | 'maskable' | 'apple';
}

export function iconSvg(): string {
  const half = Math.sqrt(R * R - ((RIGHT.x - LEFT.x) / 2) ** 2);
  const mid = (LEFT.x + RIGHT.x) / 2;
  const top = (LEFT.y - half).toFixed(2);
  const bottom = (LEFT.y + half).toFixed(2);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" role="img" aria-label="Binational">',
    `  <rect width="512" height="512" rx="${CORNER}" fill="${hex(GROUND)}"/>`,
    `  <circle cx="${LEFT.x}" cy="${LEFT.y}" r="${R}" fill="${hex(US)}"/>`,
    `  <circle cx="${RIGHT.x}" cy="${RIGHT.y}" r="${R}" fill="${hex(MX)}"/>`,
    `  <path d="M ${mid} ${top} A ${R} ${R} 0 0 1 ${mid} ${bottom} A ${R} ${R} 0 0 1 ${mid} ${top} Z" fill="${hex(GOLD)}"/>`,
    '</svg>',
    '',
  ].join('\n');
}

function inRoundedSquare(x: number, y: number, corner: number): boolean {
  if (x < 0 || y < 0 || x > 512 || y > 512) return false;
  const cx = Math.min(Math.max(x, corner), 512 - corner);
  const cy = Math.min(Math.max(y, corner), 512 - corner);
  return (x - cx) ** 2 + (y - cy) ** 2 <= corner * corner;
}

/**
 * Rasterises the mark at `size` pixels. `scale` shrinks the discs toward the centre (maskable icons keep
 * their content inside the central safe circle); `corner` 0 gives a full-bleed square.
 */
export function rasterise(size: number, scale: number, corner: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const SS = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = ((px + (sx + 0.5) / SS) / size) * 512;
          const y = ((py + (sy + 0.5) / SS) / size) * 512;
          if (!inRoundedSquare(x, y, corner)) continue;
          // Undo the content scale around the centre to test the discs.
          const ux = 256 + (x - 256) / scale;
          const uy = 256 + (y - 256) / scale;
          const l = (ux - LEFT.x) ** 2 + (uy - LEFT.y) ** 2 <= R * R;
          const rr = (ux - RIGHT.x) ** 2 + (uy - RIGHT.y) ** 2 <= R * R;
          const c = l && rr ? GOLD : l ? US : rr ? MX : GROUND;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes 8-bit RGBA pixels as a PNG (no filtering, zlib level 9). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = new Uint8Array(height * (1 + width * 4));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (1 + width * 4) + 1);
  const idat = new Uint8Array(deflateSync(raw, { level: 9 }));
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function renderIcons(): IconAsset[] {
  const png = (file: string, size: number, purpose: IconAsset['purpose'], scale: number, corner: number): IconAsset => ({
    file,
    size,
    purpose,
    bytes: encodePng(rasterise(size, scale, corner), size, size),
  });
  return [
    { file: 'icon.svg', size: null, purpose: 'any', bytes: new TextEncoder().encode(iconSvg()) },
    png('icon-192.png', 192, 'any', 1, CORNER),
    png('icon-512.png', 512, 'any', 1, CORNER),
    // Maskable: full bleed, the discs inside the central 80 % safe zone.
    png('icon-maskable-512.png', 512, 'maskable', 0.8, 0),
    // iOS rounds the corners itself and dislikes transparency.
    png('apple-touch-icon.png', 180, 'apple', 0.9, 0),
  ];
}

export const ICON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../icons');

export function writeIcons(dir = ICON_DIR): IconAsset[] {
  const icons = renderIcons();
  mkdirSync(dir, { recursive: true });
  for (const i of icons) writeFileSync(join(dir, i.file), i.bytes);
  return icons;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const i of writeIcons()) console.log(`${i.file.padEnd(22)} ${String(i.size ?? 'svg').padStart(4)}  ${i.purpose.padEnd(8)} ${(i.bytes.length / 1024).toFixed(1)} KiB`);
  console.log(`icons written to ${ICON_DIR}`);
}
