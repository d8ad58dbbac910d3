// RIFF/WAVE writing and reading for the generated sounds. Two encodings:
// - 16-bit linear PCM (format tag 1) for the short effects, at full quality;
// - 8-bit G.711 µ-law (format tag 7) for the long music beds: half the size of 16-bit PCM, with a
//   logarithmic step so quiet passages stay clean (an 8-bit linear file hisses at low levels).
// Both decode natively in Chromium, Firefox and Safari (`decodeAudioData` and <audio>).

export type WavEncoding = 'pcm16' | 'mulaw';

export interface WavInfo {
  /** 'RIFF' size field plus 8: the whole file, as declared by the header. */
  declaredSize: number;
  formatTag: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  bitsPerSample: number;
  /** Sample frames in the data chunk. */
  frames: number;
  /** Chunk ids in file order (e.g. fmt, fact, LIST, data). */
  chunks: string[];
  /** LIST/INFO text fields (INAM, ICOP, ISFT…). */
  info: Record<string, string>;
  /** The decoded samples, -1..1. */
  samples: Float32Array;
}

export interface WavMeta {
  /** INAM: title. */
  title: string;
  /** ICOP: copyright / licence line. */
  copyright: string;
  /** ISFT: the generator. */
  software: string;
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_MULAW = 7;

function ascii(view: DataView, offset: number, text: string) {
  for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
}

/** Dither-free, deterministic clamp to 16-bit. Dither (if any) is added by the caller with its seeded rng. */
function toInt16(x: number): number {
  const v = Math.round(x * 32767);
  return Math.min(32767, Math.max(-32768, v));
}

/** G.711 µ-law encoder (the classic Sun/CCITT algorithm: bias 0x84, clip 32635). */
export function linearToMulaw(sample16: number): number {
  const BIAS = 0x84;
  const CLIP = 32635;
  let s = sample16;
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  if (s > CLIP) s = CLIP;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** G.711 µ-law decoder, to 16-bit linear. */
export function mulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const sign = u & 0x80;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
  return sign ? -magnitude : magnitude;
}

function infoChunk(meta: WavMeta): Uint8Array {
  const fields: [string, string][] = [
    ['INAM', meta.title],
    ['ICOP', meta.copyright],
    ['ISFT', meta.software],
  ];
  const parts: Uint8Array[] = [];
  for (const [id, text] of fields) {
    const bytes = new TextEncoder().encode(`${text}\0`);
    const padded = bytes.length + (bytes.length % 2);
    const chunk = new Uint8Array(8 + padded);
    const v = new DataView(chunk.buffer);
    ascii(v, 0, id);
    v.setUint32(4, bytes.length, true);
    chunk.set(bytes, 8);
    parts.push(chunk);
  }
  const body = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(12 + body);
  const v = new DataView(out.buffer);
  ascii(v, 0, 'LIST');
  v.setUint32(4, 4 + body, true);
  ascii(v, 8, 'INFO');
  let o = 12;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Encodes mono samples (-1..1) as a complete WAV file. */
export function encodeWav(samples: Float32Array | Float64Array, sampleRate: number, encoding: WavEncoding, meta: WavMeta): Uint8Array {
  const frames = samples.length;
  const bytesPerSample = encoding === 'pcm16' ? 2 : 1;
  const dataBytes = frames * bytesPerSample;
  const dataPad = dataBytes % 2;
  const fmtSize = encoding === 'pcm16' ? 16 : 18; // non-PCM formats carry cbSize (WAVEFORMATEX)
  const fact = encoding === 'mulaw' ? 12 : 0; // non-PCM formats need a 'fact' chunk (sample count)
  const list = infoChunk(meta);
  const total = 12 + (8 + fmtSize) + fact + list.length + 8 + dataBytes + dataPad;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  ascii(v, 0, 'RIFF');
  v.setUint32(4, total - 8, true);
  ascii(v, 8, 'WAVE');
  let o = 12;
  ascii(v, o, 'fmt ');
  v.setUint32(o + 4, fmtSize, true);
  v.setUint16(o + 8, encoding === 'pcm16' ? WAVE_FORMAT_PCM : WAVE_FORMAT_MULAW, true);
  v.setUint16(o + 10, 1, true); // mono
  v.setUint32(o + 12, sampleRate, true);
  v.setUint32(o + 16, sampleRate * bytesPerSample, true);
  v.setUint16(o + 20, bytesPerSample, true);
  v.setUint16(o + 22, bytesPerSample * 8, true);
  if (fmtSize === 18) v.setUint16(o + 24, 0, true);
  o += 8 + fmtSize;
  if (fact) {
    ascii(v, o, 'fact');
    v.setUint32(o + 4, 4, true);
    v.setUint32(o + 8, frames, true);
    o += 12;
  }
  out.set(list, o);
  o += list.length;
  ascii(v, o, 'data');
  v.setUint32(o + 4, dataBytes, true);
  o += 8;
  for (let i = 0; i < frames; i++) {
    const s = toInt16(samples[i]!);
    if (encoding === 'pcm16') {
      v.setInt16(o, s, true);
      o += 2;
    } else {
      v.setUint8(o, linearToMulaw(s));
      o += 1;
    }
  }
  return out;
}

/** Parses a WAV file (the subset written above, plus any unknown chunks), validating the header. */
export function parseWav(bytes: Uint8Array): WavInfo {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (o: number) => String.fromCharCode(v.getUint8(o), v.getUint8(o + 1), v.getUint8(o + 2), v.getUint8(o + 3));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  const declaredSize = v.getUint32(4, true) + 8;
  if (declaredSize !== bytes.length) throw new Error(`RIFF size ${declaredSize} does not match the file (${bytes.length})`);
  const chunks: string[] = [];
  const info: Record<string, string> = {};
  let fmt: Omit<WavInfo, 'declaredSize' | 'frames' | 'chunks' | 'info' | 'samples'> | null = null;
  let samples: Float32Array | null = null;
  let o = 12;
  while (o + 8 <= bytes.length) {
    const id = tag(o);
    const size = v.getUint32(o + 4, true);
    const body = o + 8;
    if (body + size > bytes.length) throw new Error(`chunk ${id} overruns the file`);
    chunks.push(id.trim());
    if (id === 'fmt ') {
      fmt = {
        formatTag: v.getUint16(body, true),
        channels: v.getUint16(body + 2, true),
        sampleRate: v.getUint32(body + 4, true),
        byteRate: v.getUint32(body + 8, true),
        blockAlign: v.getUint16(body + 12, true),
        bitsPerSample: v.getUint16(body + 14, true),
      };
    } else if (id === 'LIST' && tag(body) === 'INFO') {
      let p = body + 4;
      while (p + 8 <= body + size) {
        const fid = tag(p);
        const fsize = v.getUint32(p + 4, true);
        const text = new TextDecoder().decode(bytes.subarray(p + 8, p + 8 + fsize));
        info[fid] = text.replace(/\0+$/, '');
        p += 8 + fsize + (fsize % 2);
      }
    } else if (id === 'data') {
      if (!fmt) throw new Error('data chunk before fmt chunk');
      if (fmt.formatTag === WAVE_FORMAT_PCM && fmt.bitsPerSample === 16) {
        samples = new Float32Array(size / 2);
        for (let i = 0; i < samples.length; i++) samples[i] = v.getInt16(body + 2 * i, true) / 32768;
      } else if (fmt.formatTag === WAVE_FORMAT_MULAW && fmt.bitsPerSample === 8) {
        samples = new Float32Array(size);
        for (let i = 0; i < size; i++) samples[i] = mulawToLinear(v.getUint8(body + i)) / 32768;
      } else {
        throw new Error(`unsupported format ${fmt.formatTag}/${fmt.bitsPerSample}`);
      }
    }
    o = body + size + (size % 2);
  }
  if (!fmt) throw new Error('no fmt chunk');
  if (!samples) throw new Error('no data chunk');
  return { declaredSize, ...fmt, frames: samples.length / fmt.channels, chunks, info, samples };
}
