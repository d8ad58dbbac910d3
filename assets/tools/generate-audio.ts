// Generates every sound of the game into assets/audio/*.wav: `npm run audio` (tsx assets/tools/generate-audio.ts).
// Pure TypeScript synthesis (assets/tools/audio/), seeded, so each run writes the same bytes; the files are
// committed and a test checks they match what this script produces. Licence of the output: CC0-1.0.
//
// Formats: the effects are 16-bit PCM at 22.05 kHz (short, full quality); the three 30-second music beds
// are 8-bit µ-law at 11.025 kHz, so the whole set stays under 1.5 MB (16-bit beds would be ~4 MB).
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Buf, dither16, Rng } from './audio/dsp';
import { EFFECT_RATE, EFFECTS } from './audio/effects';
import { MUSIC, MUSIC_RATE } from './audio/music';
import { encodeWav, type WavEncoding } from './audio/wav';

export const LICENCE = 'CC0-1.0 (public domain dedication), Binational project';
export const GENERATOR = 'Binational assets/tools/generate-audio.ts';

export interface AudioAsset {
  /** File name under assets/audio/. */
  file: string;
  kind: 'music' | 'effect';
  sampleRate: number;
  encoding: WavEncoding;
  bytes: Uint8Array;
  seconds: number;
}

function asset(name: string, kind: AudioAsset['kind'], samples: Buf, sampleRate: number, encoding: WavEncoding, seed: number): AudioAsset {
  if (encoding === 'pcm16') dither16(samples, new Rng(seed));
  const bytes = encodeWav(samples, sampleRate, encoding, { title: `Binational — ${name}`, copyright: LICENCE, software: GENERATOR });
  return { file: `${name}.wav`, kind, sampleRate, encoding, bytes, seconds: samples.length / sampleRate };
}

/** Renders every asset in memory (no file is touched). */
export function renderAudioAssets(): AudioAsset[] {
  const out: AudioAsset[] = [];
  let seed = 7000;
  for (const [name, render] of Object.entries(MUSIC)) out.push(asset(name, 'music', render(), MUSIC_RATE, 'mulaw', seed++));
  for (const [name, render] of Object.entries(EFFECTS)) out.push(asset(name, 'effect', render(), EFFECT_RATE, 'pcm16', seed++));
  return out;
}

export const AUDIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../audio');

/** Writes the assets, removing stale .wav files the generator no longer makes. */
export function writeAudioAssets(dir = AUDIO_DIR): AudioAsset[] {
  const assets = renderAudioAssets();
  mkdirSync(dir, { recursive: true });
  const keep = new Set(assets.map((a) => a.file));
  for (const f of readdirSync(dir)) if (f.endsWith('.wav') && !keep.has(f)) unlinkSync(join(dir, f));
  for (const a of assets) writeFileSync(join(dir, a.file), a.bytes);
  return assets;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const t0 = performance.now();
  const assets = writeAudioAssets();
  let total = 0;
  for (const a of assets) {
    total += a.bytes.length;
    console.log(`${a.file.padEnd(18)} ${a.kind.padEnd(6)} ${a.seconds.toFixed(2).padStart(6)} s  ${a.sampleRate} Hz ${a.encoding.padEnd(5)} ${(a.bytes.length / 1024).toFixed(1).padStart(7)} KiB`);
  }
  console.log(`${assets.length} files, ${(total / 1024).toFixed(1)} KiB in ${AUDIO_DIR} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
