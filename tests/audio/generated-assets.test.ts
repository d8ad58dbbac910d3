// The generated assets: the audio generator is deterministic (same bytes every run), writes valid WAV
// files of the promised formats and lengths, stays within its size budget, and what is committed under
// assets/ is exactly what the generators make (so nobody edits a generator and forgets to re-run it).
// The icons get the same checks. Every file is listed in assets/ATTRIBUTION.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { linearToMulaw, mulawToLinear, parseWav, type WavInfo } from '../../assets/tools/audio/wav';
import { AUDIO_DIR, type AudioAsset, renderAudioAssets } from '../../assets/tools/generate-audio';
import { crc32, ICON_DIR, type IconAsset, renderIcons } from '../../assets/tools/generate-icons';

const EFFECTS = ['offer', 'accept', 'reject', 'shock-1942', 'shock-1995', 'shock-2001', 'signing', 'vote', 'click'];
const MUSIC = ['music-1942', 'music-1995', 'music-2001'];
const ATTRIBUTION = readFileSync(join(AUDIO_DIR, '..', 'ATTRIBUTION.md'), 'utf8');

let first: AudioAsset[];
let parsed: Map<string, WavInfo>;

beforeAll(() => {
  first = renderAudioAssets();
  parsed = new Map(first.map((a) => [a.file, parseWav(a.bytes)]));
});

describe('audio generator', () => {
  test('is deterministic: a second run gives the same bytes', () => {
    const second = renderAudioAssets();
    expect(second.map((a) => a.file)).toEqual(first.map((a) => a.file));
    for (const [k, a] of second.entries()) expect(Buffer.from(a.bytes).equals(Buffer.from(first[k]!.bytes)), a.file).toBe(true);
  });

  test('makes the three era beds and every effect', () => {
    expect(first.map((a) => a.file.replace('.wav', '')).sort()).toEqual([...MUSIC, ...EFFECTS].sort());
  });

  test('writes valid WAV headers: RIFF size, fmt fields, fact for µ-law, mono, licence and generator in LIST/INFO', () => {
    for (const a of first) {
      const w = parsed.get(a.file)!;
      expect(w.declaredSize, a.file).toBe(a.bytes.length);
      expect(w.channels, a.file).toBe(1);
      expect(w.sampleRate, a.file).toBe(a.sampleRate);
      expect(w.blockAlign, a.file).toBe(w.bitsPerSample / 8);
      expect(w.byteRate, a.file).toBe(w.sampleRate * w.blockAlign);
      if (a.encoding === 'pcm16') {
        expect([w.formatTag, w.bitsPerSample], a.file).toEqual([1, 16]);
        expect(w.chunks, a.file).toEqual(['fmt', 'LIST', 'data']);
      } else {
        expect([w.formatTag, w.bitsPerSample], a.file).toEqual([7, 8]);
        expect(w.chunks, a.file).toEqual(['fmt', 'fact', 'LIST', 'data']);
        const fact = Buffer.from(a.bytes).readUInt32LE(12 + 8 + 18 + 8);
        expect(fact, a.file).toBe(w.frames);
      }
      expect(w.info.ICOP, a.file).toMatch(/CC0-1\.0/);
      expect(w.info.ISFT, a.file).toMatch(/generate-audio\.ts/);
      expect(w.frames / w.sampleRate, a.file).toBeCloseTo(a.seconds, 6);
    }
  });

  test('beds are 30–60 s loops at 11.025 kHz µ-law; effects are short 22.05 kHz 16-bit files', () => {
    for (const a of first) {
      const w = parsed.get(a.file)!;
      if (a.kind === 'music') {
        expect(w.sampleRate).toBe(11025);
        expect(a.encoding).toBe('mulaw');
        expect(a.seconds).toBeGreaterThanOrEqual(30);
        expect(a.seconds).toBeLessThanOrEqual(60);
      } else {
        expect(w.sampleRate).toBe(22050);
        expect(a.encoding).toBe('pcm16');
        expect(a.seconds).toBeLessThan(3);
      }
    }
    // The three shock stings have distinct lengths (the e2e test tells them apart by it).
    const stings = ['shock-1942', 'shock-1995', 'shock-2001'].map((n) => first.find((a) => a.file === `${n}.wav`)!.seconds);
    expect(new Set(stings).size).toBe(3);
  });

  test('the whole set stays under 1.5 MB', () => {
    const total = first.reduce((n, a) => n + a.bytes.length, 0);
    expect(total).toBeLessThan(1_500_000);
  });

  test('levels: audible, never clipped, effects fade in and out, beds loop without a seam', () => {
    for (const a of first) {
      const s = parsed.get(a.file)!.samples;
      let peak = 0;
      let sum = 0;
      for (const x of s) {
        peak = Math.max(peak, Math.abs(x));
        sum += x * x;
      }
      const rmsDb = 10 * Math.log10(sum / s.length);
      expect(peak, a.file).toBeLessThan(0.97);
      expect(peak, a.file).toBeGreaterThan(0.3);
      if (a.kind === 'effect') {
        expect(Math.abs(s[0]!), `${a.file} starts at silence`).toBeLessThan(0.01);
        expect(Math.abs(s[s.length - 1]!), `${a.file} ends at silence`).toBeLessThan(0.01);
      } else {
        // Even loudness across the beds, and the wrap-around step no bigger than the music's own steps.
        expect(rmsDb, a.file).toBeGreaterThan(-22);
        expect(rmsDb, a.file).toBeLessThan(-16);
        const steps = Array.from({ length: s.length - 1 }, (_, i) => Math.abs(s[i + 1]! - s[i]!)).sort((x, y) => x - y);
        const p99 = steps[Math.floor(steps.length * 0.99)]!;
        expect(Math.abs(s[0]! - s[s.length - 1]!), `${a.file} loop seam`).toBeLessThanOrEqual(p99);
      }
    }
  });

  test('µ-law codec matches G.711 reference points', () => {
    expect(linearToMulaw(0)).toBe(0xff);
    expect(linearToMulaw(32767)).toBe(0x80);
    expect(linearToMulaw(-32768)).toBe(0x00);
    expect(mulawToLinear(0xff)).toBe(0);
    expect(mulawToLinear(0x80)).toBe(32124);
    expect(mulawToLinear(0x00)).toBe(-32124);
    // Round trip error stays within the segment's step (logarithmic: ~3 % of the value, 4 near zero).
    for (let v = -32000; v <= 32000; v += 97) {
      const back = mulawToLinear(linearToMulaw(v));
      expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.max(8, Math.abs(v) * 0.035));
    }
  });

  test('the committed files under assets/audio are exactly the generated ones', () => {
    const onDisk = readdirSync(AUDIO_DIR).filter((f) => f.endsWith('.wav')).sort();
    expect(onDisk).toEqual(first.map((a) => a.file).sort());
    for (const a of first) expect(readFileSync(join(AUDIO_DIR, a.file)).equals(Buffer.from(a.bytes)), `${a.file}: run npm run audio`).toBe(true);
  });

  test('every sound is listed in assets/ATTRIBUTION.md', () => {
    for (const a of first) expect(ATTRIBUTION, a.file).toContain(`audio/${a.file}`);
  });
});

describe('icon generator', () => {
  let icons: IconAsset[];
  beforeAll(() => {
    icons = renderIcons();
  });

  test('is deterministic and the committed icons match it', () => {
    const again = renderIcons();
    for (const [k, i] of icons.entries()) {
      expect(Buffer.from(again[k]!.bytes).equals(Buffer.from(i.bytes)), i.file).toBe(true);
      expect(readFileSync(join(ICON_DIR, i.file)).equals(Buffer.from(i.bytes)), `${i.file}: run npm run icons`).toBe(true);
    }
  });

  test('PNGs have a valid signature, IHDR of the right size (RGBA 8-bit) and correct chunk CRCs', () => {
    for (const i of icons.filter((x) => x.size !== null)) {
      const b = Buffer.from(i.bytes);
      expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), i.file).toBe(true);
      expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect([b.readUInt32BE(16), b.readUInt32BE(20), b[24], b[25]], i.file).toEqual([i.size, i.size, 8, 6]);
      let o = 8;
      const chunks: string[] = [];
      while (o < b.length) {
        const len = b.readUInt32BE(o);
        const type = b.subarray(o + 4, o + 8);
        chunks.push(type.toString('latin1'));
        expect(b.readUInt32BE(o + 8 + len), `${i.file} ${type} crc`).toBe(crc32(b.subarray(o + 4, o + 8 + len)));
        o += 12 + len;
      }
      expect(chunks, i.file).toEqual(['IHDR', 'IDAT', 'IEND']);
    }
    const svg = new TextDecoder().decode(icons.find((i) => i.file === 'icon.svg')!.bytes);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 512 512"/);
  });

  test('every icon is listed in assets/ATTRIBUTION.md', () => {
    for (const i of icons) expect(ATTRIBUTION, i.file).toContain(`icons/${i.file}`);
  });
});
