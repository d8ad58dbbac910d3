// Small, deterministic synthesis toolkit for the generated sounds: a seeded rng, band-limited wavetable
// oscillators, envelopes, RBJ biquads, a Karplus–Strong string, an FM electric piano, additive partials,
// a Freeverb-style reverb and an echo. Everything is plain float64 arithmetic over arrays, so the same
// code gives the same bytes on every run (no Math.random, no clock, no platform audio API).

export type Buf = Float64Array;

/** mulberry32: a tiny seeded PRNG with a 32-bit state. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Uniform in [-1, 1). */
  bi(): number {
    return this.next() * 2 - 1;
  }
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
}

export const TAU = Math.PI * 2;

/** MIDI note number to Hz (A4 = 69 = 440 Hz). */
export function mtof(m: number): number {
  return 440 * 2 ** ((m - 69) / 12);
}

const CENT_LN = Math.LN2 / 1200;

/** Cents to a frequency ratio. */
export function cents(c: number): number {
  return 2 ** (c / 1200);
}

export function seconds(s: number, sr: number): number {
  return Math.round(s * sr);
}

/** Adds src into dst at `at`, scaled; samples falling outside dst are dropped. */
export function mixInto(dst: Buf, src: Buf, at: number, gain = 1): void {
  const from = Math.max(0, -at);
  const to = Math.min(src.length, dst.length - at);
  for (let i = from; i < to; i++) dst[at + i]! += src[i]! * gain;
}

/** Adds src into dst at `at`, wrapping around the end (note tails of a loop fall into its beginning). */
export function mixCircular(dst: Buf, src: Buf, at: number, gain = 1): void {
  const n = dst.length;
  let j = ((at % n) + n) % n;
  for (let i = 0; i < src.length; i++) {
    dst[j]! += src[i]! * gain;
    j++;
    if (j === n) j = 0;
  }
}

/**
 * Runs a stateful process (filters, reverb, echo) over a loop so that its output is itself a seamless
 * loop: the process sees the loop twice and the second pass, whose state already carries the tail of
 * the first, is kept.
 */
export function periodic(loop: Buf, process: (b: Buf) => Buf): Buf {
  const n = loop.length;
  const twice = new Float64Array(n * 2);
  twice.set(loop, 0);
  twice.set(loop, n);
  const out = process(twice);
  return out.slice(n, 2 * n);
}

export function scale(b: Buf, g: number): Buf {
  for (let i = 0; i < b.length; i++) b[i]! *= g;
  return b;
}

export function peak(b: Buf): number {
  let p = 0;
  for (let i = 0; i < b.length; i++) p = Math.max(p, Math.abs(b[i]!));
  return p;
}

export function rms(b: Buf): number {
  let s = 0;
  for (let i = 0; i < b.length; i++) s += b[i]! * b[i]!;
  return Math.sqrt(s / Math.max(1, b.length));
}

/** Scales so the peak is `target`. */
export function normalizePeak(b: Buf, target: number): Buf {
  const p = peak(b);
  return p > 0 ? scale(b, target / p) : b;
}

/** Scales to an RMS level, then limits the peak (for music beds of even loudness). */
export function normalizeLoudness(b: Buf, targetRms: number, maxPeak: number): Buf {
  const r = rms(b);
  if (r > 0) scale(b, targetRms / r);
  const p = peak(b);
  if (p > maxPeak) scale(b, maxPeak / p);
  return b;
}

/** Short linear fades at both ends (for one-shot effects: no click at start or end). */
export function fadeEdges(b: Buf, sr: number, inS = 0.002, outS = 0.02): Buf {
  const a = Math.max(1, seconds(inS, sr));
  const r = Math.max(1, seconds(outS, sr));
  for (let i = 0; i < a && i < b.length; i++) b[i]! *= i / a;
  for (let i = 0; i < r && i < b.length; i++) b[b.length - 1 - i]! *= (i / r) ** 2;
  return b;
}

/** TPDF dither at the 16-bit step, from the seeded rng (keeps quiet tails smooth, stays deterministic). */
export function dither16(b: Buf, rng: Rng): Buf {
  const lsb = 1 / 32768;
  for (let i = 0; i < b.length; i++) b[i]! += (rng.next() - rng.next()) * lsb;
  return b;
}

// ——— wavetable oscillators ———

export type Shape = 'sine' | 'saw' | 'square' | 'triangle';
const TABLE_SIZE = 2048;
const tables = new Map<string, Float64Array>();

/** A one-period band-limited table with `harmonics` partials, peak-normalised (no aliasing by construction). */
function wavetable(shape: Shape, harmonics: number): Float64Array {
  const key = `${shape}:${harmonics}`;
  const cached = tables.get(key);
  if (cached) return cached;
  const t = new Float64Array(TABLE_SIZE + 1);
  for (let k = 1; k <= harmonics; k++) {
    let amp = 0;
    if (shape === 'sine') amp = k === 1 ? 1 : 0;
    else if (shape === 'saw') amp = 1 / k;
    else if (shape === 'square') amp = k % 2 === 1 ? 1 / k : 0;
    else amp = k % 2 === 1 ? (((k - 1) / 2) % 2 === 0 ? 1 : -1) / (k * k) : 0;
    if (amp === 0) continue;
    for (let i = 0; i < TABLE_SIZE; i++) t[i]! += amp * Math.sin((TAU * k * i) / TABLE_SIZE);
  }
  let p = 0;
  for (let i = 0; i < TABLE_SIZE; i++) p = Math.max(p, Math.abs(t[i]!));
  for (let i = 0; i < TABLE_SIZE; i++) t[i]! /= p;
  t[TABLE_SIZE] = t[0]!;
  tables.set(key, t);
  return t;
}

export interface OscOptions {
  /** Starting phase, 0..1. */
  phase?: number;
  /** Vibrato depth in cents and rate in Hz, after a delay in seconds. */
  vibrato?: { cents: number; rate: number; delay?: number; phase?: number };
  /** A pitch glide: the frequency multiplier over time (1 = none). */
  glide?: (tSeconds: number) => number;
}

/** n samples of a band-limited oscillator at `freq`. */
export function osc(shape: Shape, freq: number, n: number, sr: number, o: OscOptions = {}): Buf {
  const out = new Float64Array(n);
  const harmonics = Math.max(1, Math.floor((0.45 * sr) / (freq * 1.06)));
  const table = wavetable(shape, shape === 'sine' ? 1 : harmonics);
  let phase = o.phase ?? 0;
  const vib = o.vibrato;
  const vibDelay = vib ? seconds(vib.delay ?? 0, sr) : 0;
  const modulated = vib !== undefined || o.glide !== undefined;
  let inc = freq / sr;
  for (let i = 0; i < n; i++) {
    // Pitch modulation runs at a control rate (every 16 samples): inaudible steps, a fraction of the cost.
    if (modulated && (i & 15) === 0) {
      let fr = freq;
      if (vib && i >= vibDelay) {
        const ramp = Math.min(1, (i - vibDelay) / (0.4 * sr));
        fr *= Math.exp(CENT_LN * vib.cents * ramp * Math.sin(TAU * vib.rate * (i / sr) + (vib.phase ?? 0)));
      }
      if (o.glide) fr *= o.glide(i / sr);
      inc = fr / sr;
    }
    const x = phase * TABLE_SIZE;
    const k = x | 0;
    out[i] = table[k]! + (table[k + 1]! - table[k]!) * (x - k);
    phase += inc;
    if (phase >= 1) phase -= Math.floor(phase);
  }
  return out;
}

/** White noise from the rng. */
export function noise(n: number, rng: Rng): Buf {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.bi();
  return out;
}

// ——— envelopes ———

export interface Adsr {
  attack: number;
  decay: number;
  sustain: number;
  release: number;
}

/**
 * An ADSR envelope for a note held `gate` seconds then released. Length: gate + release.
 * Attack is linear; decay and release are exponential-like curves.
 */
export function adsr(e: Adsr, gate: number, sr: number): Buf {
  const g = seconds(gate, sr);
  const r = Math.max(1, seconds(e.release, sr));
  const a = Math.max(1, seconds(e.attack, sr));
  const d = Math.max(1, seconds(e.decay, sr));
  const out = new Float64Array(g + r);
  let level = 0;
  for (let i = 0; i < g; i++) {
    if (i < a) level = i / a;
    else level = e.sustain + (1 - e.sustain) * Math.exp((-4.6 * (i - a)) / d);
    out[i] = level;
  }
  const from = g > 0 ? level : 0;
  for (let i = 0; i < r; i++) out[g + i] = from * (1 - i / r) ** 3;
  return out;
}

/** Exponential decay with time constant tau seconds, with a short linear attack. */
export function decayEnv(n: number, sr: number, tau: number, attack = 0.002): Buf {
  const out = new Float64Array(n);
  const a = Math.max(1, seconds(attack, sr));
  for (let i = 0; i < n; i++) out[i] = (i < a ? i / a : 1) * Math.exp(-i / (tau * sr));
  return out;
}

export function multiply(a: Buf, b: Buf): Buf {
  const n = Math.min(a.length, b.length);
  const out = new Float64Array(a.length);
  for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!;
  return out;
}

// ——— filters ———

export type FilterType = 'lowpass' | 'highpass' | 'bandpass' | 'peak' | 'lowshelf';

/** An RBJ-cookbook biquad; `set` may be called between blocks for swept filters. */
export class Biquad {
  private b0 = 1;
  private b1 = 0;
  private b2 = 0;
  private a1 = 0;
  private a2 = 0;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;
  constructor(
    private readonly type: FilterType,
    freq: number,
    q: number,
    private readonly sr: number,
    private readonly gainDb = 0,
  ) {
    this.set(freq, q);
  }
  set(freq: number, q: number): void {
    const f = Math.min(Math.max(freq, 10), this.sr * 0.49);
    const w = (TAU * f) / this.sr;
    const cw = Math.cos(w);
    const sw = Math.sin(w);
    const alpha = sw / (2 * q);
    const A = 10 ** (this.gainDb / 40);
    let b0: number;
    let b1: number;
    let b2: number;
    let a0: number;
    let a1: number;
    let a2: number;
    switch (this.type) {
      case 'lowpass':
        b0 = (1 - cw) / 2;
        b1 = 1 - cw;
        b2 = (1 - cw) / 2;
        a0 = 1 + alpha;
        a1 = -2 * cw;
        a2 = 1 - alpha;
        break;
      case 'highpass':
        b0 = (1 + cw) / 2;
        b1 = -(1 + cw);
        b2 = (1 + cw) / 2;
        a0 = 1 + alpha;
        a1 = -2 * cw;
        a2 = 1 - alpha;
        break;
      case 'bandpass':
        b0 = alpha;
        b1 = 0;
        b2 = -alpha;
        a0 = 1 + alpha;
        a1 = -2 * cw;
        a2 = 1 - alpha;
        break;
      case 'peak':
        b0 = 1 + alpha * A;
        b1 = -2 * cw;
        b2 = 1 - alpha * A;
        a0 = 1 + alpha / A;
        a1 = -2 * cw;
        a2 = 1 - alpha / A;
        break;
      case 'lowshelf': {
        const s = 2 * Math.sqrt(A) * alpha;
        b0 = A * (A + 1 - (A - 1) * cw + s);
        b1 = 2 * A * (A - 1 - (A + 1) * cw);
        b2 = A * (A + 1 - (A - 1) * cw - s);
        a0 = A + 1 + (A - 1) * cw + s;
        a1 = -2 * (A - 1 + (A + 1) * cw);
        a2 = A + 1 + (A - 1) * cw - s;
        break;
      }
    }
    this.b0 = b0 / a0;
    this.b1 = b1 / a0;
    this.b2 = b2 / a0;
    this.a1 = a1 / a0;
    this.a2 = a2 / a0;
  }
  tick(x: number): number {
    const y = this.b0 * x + this.b1 * this.x1 + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
  /** Filters b in place. */
  run(b: Buf): Buf {
    for (let i = 0; i < b.length; i++) b[i] = this.tick(b[i]!);
    return b;
  }
}

export function filter(b: Buf, type: FilterType, freq: number, q: number, sr: number, gainDb = 0): Buf {
  return new Biquad(type, freq, q, sr, gainDb).run(b);
}

/** A filter whose cutoff follows `freqAt(t)` (recomputed every 32 samples). */
export function sweep(b: Buf, type: FilterType, freqAt: (t: number) => number, q: number, sr: number): Buf {
  const f = new Biquad(type, freqAt(0), q, sr);
  for (let i = 0; i < b.length; i++) {
    if (i % 32 === 0) f.set(freqAt(i / sr), q);
    b[i] = f.tick(b[i]!);
  }
  return b;
}

// ——— instruments ———

export interface PluckOptions {
  /** Seconds for the string to fall by 60 dB. */
  t60: number;
  /** 0 (dark, thumb on a bass) .. 1 (bright pick). */
  brightness: number;
  /** Seconds the note is held before it is damped. */
  gate: number;
}

/** A Karplus–Strong plucked string, tuned with a first-order allpass (Jaffe–Smith). */
export function pluck(freq: number, sr: number, rng: Rng, o: PluckOptions): Buf {
  const period = sr / freq;
  const L = Math.max(2, Math.floor(period - 0.5 - 0.1));
  const frac = period - 0.5 - L;
  const C = (1 - frac) / (1 + frac);
  const line = new Float64Array(L);
  // Excitation: a lowpassed noise burst blended with a soft triangle (less hiss than pure noise).
  const lp = new Biquad('lowpass', 200 + 5000 * o.brightness * o.brightness, 0.7, sr);
  for (let i = 0; i < L; i++) {
    const tri = 1 - Math.abs((2 * i) / L - 1) * 2;
    line[i] = 0.6 * tri + 0.5 * lp.tick(rng.bi());
  }
  const gate = seconds(o.gate, sr);
  const release = seconds(0.06, sr);
  const n = gate + release;
  const out = new Float64Array(n);
  const rho = 0.001 ** (1 / (freq * o.t60));
  const S = 0.5 - 0.2 * o.brightness;
  let idx = 0;
  let prev = 0;
  let apX = 0;
  let apY = 0;
  for (let i = 0; i < n; i++) {
    const x = line[idx]!;
    const damp = i < gate ? rho : rho * (1 - (i - gate) / release) ** 0.25;
    const avg = damp * ((1 - S) * x + S * prev);
    prev = x;
    const y = C * avg + apX - C * apY;
    apX = avg;
    apY = y;
    line[idx] = y;
    out[i] = x;
    idx++;
    if (idx === L) idx = 0;
  }
  // Remove the DC the excitation may carry.
  return filter(out, 'highpass', Math.max(20, freq * 0.5), 0.7, sr);
}

/** A two-operator FM electric piano (a Rhodes-like tone: bell attack, mellow sustain). */
export function epiano(freq: number, gate: number, velocity: number, sr: number): Buf {
  const release = 0.18;
  const n = seconds(gate + release, sr);
  const g = seconds(gate, sr);
  const out = new Float64Array(n);
  const tau = 1.5 * (261.6 / freq) ** 0.35;
  const tineRatio = 14;
  const tine = tineRatio * freq < 0.45 * sr;
  for (let i = 0; i < n; i++) {
    const t = i / sr;
    const index = (0.6 + 1.6 * velocity) * Math.exp(-t / 0.3) + 0.25;
    const mod = Math.sin(TAU * freq * t);
    let s = Math.sin(TAU * freq * t + index * mod);
    if (tine) s += 0.12 * velocity * Math.exp(-t / 0.03) * Math.sin(TAU * tineRatio * freq * t);
    const attack = Math.min(1, i / (0.002 * sr));
    const rel = i < g ? 1 : Math.max(0, 1 - (i - g) / (release * sr)) ** 2;
    out[i] = s * attack * rel * Math.exp(-t / tau) * (0.4 + 0.6 * velocity);
  }
  return out;
}

/** Sums decaying sinusoidal partials: [ratio, amplitude, tau seconds] (bells, wood, struck strings). */
export function partials(freq: number, list: readonly (readonly [number, number, number])[], n: number, sr: number, detuneCents = 0): Buf {
  const out = new Float64Array(n);
  for (const [ratio, amp, tau] of list) {
    for (const d of detuneCents ? [-detuneCents, detuneCents] : [0]) {
      const f = freq * ratio * cents(d);
      if (f >= 0.47 * sr) continue;
      // A rotating phasor (exact per-step rotation), renormalised now and then.
      const w = (TAU * f) / sr;
      const cw = Math.cos(w);
      const sw = Math.sin(w);
      let c = 1;
      let s = 0;
      const k = Math.exp(-1 / (tau * sr));
      let a = detuneCents ? amp / 2 : amp;
      for (let i = 0; i < n; i++) {
        out[i]! += a * s;
        const c2 = c * cw - s * sw;
        s = s * cw + c * sw;
        c = c2;
        a *= k;
        if ((i & 1023) === 1023) {
          const m = Math.hypot(c, s);
          c /= m;
          s /= m;
        }
        if (a < 1e-6) break;
      }
    }
  }
  return out;
}

/** A piano-like struck string: harmonic partials (slightly stretched), two strings per note, hammer noise. */
export function piano(freq: number, gate: number, velocity: number, sr: number, rng: Rng): Buf {
  const n = seconds(gate + 0.25, sr);
  const list: [number, number, number][] = [];
  const B = 0.0003;
  const tau1 = 0.9 * (261.6 / freq) ** 0.5;
  for (let k = 1; k <= 14; k++) {
    const ratio = k * Math.sqrt(1 + B * k * k);
    const amp = (1 / k ** (1.6 - 0.5 * velocity)) * (k === 1 ? 0.8 : 1);
    list.push([ratio, amp, tau1 / (1 + 0.45 * (k - 1))]);
  }
  const out = partials(freq, list, n, sr, 0.8);
  const hammer = filter(multiply(noise(seconds(0.012, sr), rng), decayEnv(seconds(0.012, sr), sr, 0.003)), 'bandpass', freq * 4, 1, sr);
  mixInto(out, hammer, 0, 0.15 * velocity);
  // The damper falls at the end of the gate.
  const g = seconds(gate, sr);
  for (let i = g; i < n; i++) out[i]! *= Math.max(0, 1 - (i - g) / (0.25 * sr)) ** 2;
  return scale(out, 0.5 + 0.5 * velocity);
}

/** Several detuned band-limited voices of one note (ensemble strings, pads, reed and brass sections). */
export function ensemble(shape: Shape, freq: number, n: number, sr: number, rng: Rng, voices: number, spreadCents: number, vibrato?: OscOptions['vibrato']): Buf {
  const out = new Float64Array(n);
  for (let v = 0; v < voices; v++) {
    const det = voices === 1 ? 0 : -spreadCents + (2 * spreadCents * v) / (voices - 1);
    const vib = vibrato ? { ...vibrato, rate: vibrato.rate * rng.range(0.9, 1.1), phase: rng.range(0, TAU) } : undefined;
    const o = osc(shape, freq * cents(det), n, sr, { phase: rng.next(), ...(vib ? { vibrato: vib } : {}) });
    mixInto(out, o, 0, 1 / Math.sqrt(voices));
  }
  return out;
}

// ——— effects ———

/** A mono Freeverb (8 damped combs, 4 allpasses); returns the wet signal only. */
export function reverb(b: Buf, sr: number, room = 0.75, damp = 0.4): Buf {
  const scaleLen = sr / 44100;
  const combLens = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617].map((l) => Math.max(2, Math.round(l * scaleLen)));
  const apLens = [556, 441, 341, 225].map((l) => Math.max(2, Math.round(l * scaleLen)));
  const feedback = room * 0.28 + 0.7;
  const combs = combLens.map((l) => ({ buf: new Float64Array(l), i: 0, store: 0 }));
  const aps = apLens.map((l) => ({ buf: new Float64Array(l), i: 0 }));
  const out = new Float64Array(b.length);
  for (let n = 0; n < b.length; n++) {
    const input = b[n]! * 0.015;
    let acc = 0;
    for (const c of combs) {
      const y = c.buf[c.i]!;
      c.store = y * (1 - damp) + c.store * damp;
      c.buf[c.i] = input + c.store * feedback;
      c.i = c.i + 1 === c.buf.length ? 0 : c.i + 1;
      acc += y;
    }
    for (const a of aps) {
      const y = a.buf[a.i]!;
      a.buf[a.i] = acc + y * 0.5;
      a.i = a.i + 1 === a.buf.length ? 0 : a.i + 1;
      acc = y - acc;
    }
    out[n] = acc;
  }
  return out;
}

/** A feedback echo with a darkening loop; returns the wet signal only. */
export function echo(b: Buf, sr: number, delaySeconds: number, feedback: number, toneHz: number): Buf {
  const d = Math.max(1, seconds(delaySeconds, sr));
  const line = new Float64Array(d);
  const lp = new Biquad('lowpass', toneHz, 0.7, sr);
  const out = new Float64Array(b.length);
  let j = 0;
  for (let i = 0; i < b.length; i++) {
    const y = line[j]!;
    line[j] = b[i]! + lp.tick(y) * feedback;
    out[i] = y;
    j = j + 1 === d ? 0 : j + 1;
  }
  return out;
}

/** dry + wet·gain, as a new buffer. */
export function withWet(dry: Buf, wet: Buf, gain: number): Buf {
  const out = new Float64Array(dry.length);
  for (let i = 0; i < dry.length; i++) out[i] = dry[i]! + wet[i]! * gain;
  return out;
}

/** Gentle tanh saturation (glues a mix, tames peaks). */
export function saturate(b: Buf, drive: number): Buf {
  const norm = Math.tanh(drive);
  for (let i = 0; i < b.length; i++) b[i] = Math.tanh(b[i]! * drive) / norm;
  return b;
}
