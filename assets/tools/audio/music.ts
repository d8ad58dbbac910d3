// The three era music beds: seamless mono loops of 30 s, meant to sit quietly under the negotiation.
// Each is composed here as notes on a bar grid and rendered with the instruments of dsp.ts; note tails
// and effect tails wrap around the loop point, so the loop has no seam.
//   1942 — a two-beat swing: plucked upright bass, stride piano on 2 and 4, a soft reed section, brass
//          punctuations at phrase ends, brushes and a ride cymbal. F major, 128 bpm, 16 bars.
//   1995 — a soft synth pad with electric-piano arpeggios through a dotted-eighth echo, a round sine-ish
//          bass and a light shaker. D major (maj9 colours), 96 bpm, 12 bars.
//   2001 — a broadcast-news pulse (staccato synth ostinato, a ticking clock, soft kick, timpani at the
//          top of each phrase) under ensemble strings and a bell motif. D minor, 128 bpm, 16 bars.
import {
  adsr,
  type Buf,
  decayEnv,
  echo,
  ensemble,
  epiano,
  filter,
  mixCircular,
  mixInto,
  mtof,
  multiply,
  noise,
  normalizeLoudness,
  osc,
  partials,
  periodic,
  piano,
  pluck,
  Rng,
  reverb,
  saturate,
  seconds,
  sweep,
  TAU,
  withWet,
} from './dsp';

export const MUSIC_RATE = 11025;

interface Grid {
  sr: number;
  beat: number;
  bars: number;
  length: number;
}

function grid(sr: number, bpm: number, bars: number): Grid {
  const beat = 60 / bpm;
  return { sr, beat, bars, length: seconds(bars * 4 * beat, sr) };
}

/** Sample index of a position given in bars and beats from the loop start. */
function at(g: Grid, bar: number, beat: number, jitterSeconds = 0): number {
  return Math.round(((bar * 4 + beat) * g.beat + jitterSeconds) * g.sr);
}

function bus(g: Grid): Buf {
  return new Float64Array(g.length);
}

/** Mixes buses (with their gains) into a new loop buffer. */
function sum(g: Grid, parts: [Buf, number][]): Buf {
  const out = bus(g);
  for (const [b, gain] of parts) mixInto(out, b, 0, gain);
  return out;
}

/** A loop-periodic reverb send. */
function roomOf(b: Buf, sr: number, room: number, damp: number): Buf {
  return periodic(b, (x) => reverb(x, sr, room, damp));
}

// ——— drums, shared ———

function brushSwish(sr: number, rng: Rng, length: number): Buf {
  const n = seconds(length, sr);
  const env = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / sr;
    env[i] = Math.min(1, t / (length * 0.35)) * Math.exp(-Math.max(0, t - length * 0.35) / (length * 0.25));
  }
  return filter(multiply(noise(n, rng), env), 'bandpass', 2400, 0.6, sr);
}

function brushTap(sr: number, rng: Rng): Buf {
  const n = seconds(0.16, sr);
  return filter(multiply(noise(n, rng), decayEnv(n, sr, 0.045, 0.003)), 'bandpass', 1900, 0.8, sr);
}

function ride(sr: number, rng: Rng, velocity: number): Buf {
  const n = seconds(0.7, sr);
  const hiss = filter(multiply(noise(n, rng), decayEnv(n, sr, 0.18, 0.001)), 'bandpass', 4300, 1.5, sr);
  const ping = partials(2937, [[1, 0.5, 0.35], [1.34, 0.3, 0.25], [1.71, 0.2, 0.18]], n, sr);
  const out = new Float64Array(n);
  mixInto(out, hiss, 0, 0.6 * velocity);
  mixInto(out, ping, 0, 0.25 * velocity);
  return out;
}

function softKick(sr: number, freq: number, tau: number): Buf {
  const n = seconds(tau * 5, sr);
  const body = osc('sine', freq, n, sr, { glide: (t) => 1 + 1.2 * Math.exp(-t / 0.02) });
  return multiply(body, decayEnv(n, sr, tau, 0.003));
}

// ——— 1942 ———

interface SwingChord {
  root: number;
  fifth: number;
  voicing: number[];
  third: number;
}

const F6: SwingChord = { root: 41, fifth: 48, third: 45, voicing: [57, 60, 62, 65] };
const F6C: SwingChord = { root: 36, fifth: 41, third: 45, voicing: [57, 60, 62, 65] };
const F7: SwingChord = { root: 41, fifth: 48, third: 45, voicing: [57, 60, 63, 65] };
const D7: SwingChord = { root: 38, fifth: 45, third: 42, voicing: [54, 57, 60, 62] };
const G7: SwingChord = { root: 43, fifth: 38, third: 47, voicing: [53, 55, 59, 62] };
const Gm7: SwingChord = { root: 43, fifth: 38, third: 46, voicing: [53, 55, 58, 62] };
const C7: SwingChord = { root: 36, fifth: 43, third: 40, voicing: [52, 55, 58, 60] };
const Bb6: SwingChord = { root: 46, fifth: 41, third: 50, voicing: [58, 62, 65, 67] };
const Bbm6: SwingChord = { root: 46, fifth: 41, third: 49, voicing: [58, 61, 65, 67] };

/** Sixteen bars; a bar holds one chord, or two (two beats each). */
const FORM_1942: SwingChord[][] = [
  [F6],
  [D7],
  [G7],
  [C7],
  [F6],
  [F7],
  [Bb6],
  [Bbm6],
  [F6C],
  [D7],
  [G7],
  [C7],
  [F6],
  [D7],
  [Gm7, C7],
  [F6, C7],
];

export function bed1942(): Buf {
  const sr = MUSIC_RATE;
  const rng = new Rng(1942);
  const g = grid(sr, 128, FORM_1942.length);
  const swing = 2 / 3; // the off-beat eighth sits two thirds into the beat
  const bass = bus(g);
  const keys = bus(g);
  const reeds = bus(g);
  const brass = bus(g);
  const drums = bus(g);

  FORM_1942.forEach((chords, bar) => {
    const phraseEnd = bar % 4 === 3;
    const next = FORM_1942[(bar + 1) % FORM_1942.length]![0]!;
    const first = chords[0]!;
    // Plucked upright bass: two-beat (root, fifth), walking into each new phrase.
    const bassNotes: [number, number][] =
      chords.length === 2
        ? [
            [0, first.root],
            [2, chords[1]!.root],
          ]
        : phraseEnd
          ? [
              [0, first.root],
              [1, first.third],
              [2, first.fifth],
              [3, next.root + (next.root > first.fifth ? -1 : 1)],
            ]
          : [
              [0, first.root],
              [2, first.fifth],
            ];
    for (const [beat, note] of bassNotes) {
      const walking = bassNotes.length === 4;
      const b = pluck(mtof(note), sr, rng, { t60: 1.6, brightness: 0.3, gate: (walking ? 0.9 : 1.8) * g.beat });
      mixCircular(bass, b, at(g, bar, beat, rng.range(-0.004, 0.004)), beat === 0 ? 1 : 0.85);
    }
    // Stride piano: chords on 2 and 4, a swung push before each phrase's end.
    chords.forEach((chord, half) => {
      const beats = chords.length === 2 ? [half * 2 + 1] : [1, 3];
      for (const beat of beats) {
        const vel = rng.range(0.45, 0.6);
        chord.voicing.forEach((note, k) => {
          const p = piano(mtof(note), 0.2 * g.beat * 2, vel, sr, rng);
          mixCircular(keys, p, at(g, bar, beat, 0.006 * k + rng.range(-0.003, 0.003)), 0.3);
        });
      }
      // Reed section: the chord held softly, with a slow swell and vibrato.
      const gate = (chords.length === 2 ? 2 : 4) * g.beat * 0.98;
      const env = adsr({ attack: 0.18, decay: 0.5, sustain: 0.75, release: 0.4 }, gate, sr);
      for (const note of chord.voicing) {
        const v = ensemble('saw', mtof(note), env.length, sr, rng, 3, 7, { cents: 12, rate: 5.3, delay: 0.35 });
        mixCircular(reeds, multiply(v, env), at(g, bar, half * 2), 0.2);
      }
    });
    // Brass punctuation: two swung stabs at the end of phrases 1–3 (the fourth turns around quietly).
    if (phraseEnd && bar !== FORM_1942.length - 1) {
      for (const [beat, len] of [
        [1 + swing, 0.18],
        [2 + swing, 0.34],
      ] as const) {
        const env = adsr({ attack: 0.015, decay: 0.12, sustain: 0.55, release: 0.12 }, len, sr);
        for (const note of first.voicing) {
          const v = ensemble('saw', mtof(note + 12), env.length, sr, rng, 3, 9);
          const stab = sweep(multiply(v, env), 'lowpass', (t) => 700 + 2600 * Math.exp(-t / 0.08), 0.9, sr);
          mixCircular(brass, stab, at(g, bar, beat), 0.22);
        }
      }
    }
    // Brushes, ride and a feathered kick.
    for (let beat = 0; beat < 4; beat++) {
      mixCircular(drums, brushSwish(sr, rng, g.beat * 0.9), at(g, bar, beat), 0.18);
      if (beat % 2 === 1) mixCircular(drums, brushTap(sr, rng), at(g, bar, beat), 0.5);
      mixCircular(drums, ride(sr, rng, beat % 2 === 0 ? 0.7 : 0.85), at(g, bar, beat), 0.35);
      if (beat % 2 === 1) mixCircular(drums, ride(sr, rng, 0.5), at(g, bar, beat + swing), 0.35);
      mixCircular(drums, softKick(sr, 58, 0.09), at(g, bar, beat), 0.25);
    }
  });

  const reedsF = periodic(reeds, (b) => filter(b, 'lowpass', 1500, 0.7, sr));
  const mix = sum(g, [
    [bass, 0.8],
    [keys, 0.8],
    [reedsF, 0.42],
    [brass, 0.5],
    [drums, 0.45],
  ]);
  const send = sum(g, [
    [keys, 0.5],
    [reedsF, 0.7],
    [brass, 0.8],
    [drums, 0.3],
  ]);
  const out = withWet(mix, roomOf(send, sr, 0.55, 0.45), 0.35);
  return finish(out, sr);
}

// ——— 1995 ———

interface PadChord {
  bass: number;
  pad: number[];
  arp: number[];
}

const Dmaj9: PadChord = { bass: 38, pad: [54, 57, 61, 64], arp: [62, 66, 69, 73, 76] };
const Bm9: PadChord = { bass: 35, pad: [54, 57, 61, 62], arp: [59, 62, 66, 69, 73] };
const Gmaj9: PadChord = { bass: 43, pad: [54, 57, 59, 62], arp: [55, 59, 62, 66, 69] };
const A13sus: PadChord = { bass: 45, pad: [55, 59, 62, 66], arp: [57, 62, 64, 67, 71] };
const FsM7: PadChord = { bass: 42, pad: [52, 57, 61, 64], arp: [54, 57, 61, 64, 69] };
const Em9: PadChord = { bass: 40, pad: [55, 59, 62, 66], arp: [52, 55, 59, 62, 66] };
const Gmaj7s11: PadChord = { bass: 43, pad: [54, 59, 61, 62], arp: [55, 59, 61, 66, 71] };

const FORM_1995: PadChord[] = [Dmaj9, Bm9, Gmaj9, A13sus, Dmaj9, FsM7, Gmaj9, A13sus, Bm9, Gmaj7s11, Em9, A13sus];
const ARPS_1995 = [
  [0, 1, 2, 3, 4, 3, 2, 1],
  [0, 2, 1, 3, 2, 4, 3, 1],
  [4, 3, 2, 1, 2, 3, 4, 2],
];

export function bed1995(): Buf {
  const sr = MUSIC_RATE;
  const rng = new Rng(1995);
  const g = grid(sr, 96, FORM_1995.length);
  const pad = bus(g);
  const keys = bus(g);
  const bass = bus(g);
  const perc = bus(g);
  const barSeconds = 4 * g.beat;

  FORM_1995.forEach((chord, bar) => {
    // Pad: long, overlapping swells.
    const env = adsr({ attack: 1.1, decay: 1.2, sustain: 0.85, release: 1.6 }, barSeconds, sr);
    for (const note of chord.pad) {
      const v = ensemble('saw', mtof(note), env.length, sr, rng, 3, 9, { cents: 4, rate: 0.4 });
      mixCircular(pad, multiply(v, env), at(g, bar, 0), 0.22);
    }
    // Electric piano arpeggio in eighths, one pattern per four-bar pass.
    const pattern = ARPS_1995[Math.floor(bar / 4) % ARPS_1995.length]!;
    pattern.forEach((k, step) => {
      const accent = step % 2 === 0 ? 1 : 0.75;
      const vel = rng.range(0.35, 0.55) * accent;
      const e = epiano(mtof(chord.arp[k]!), g.beat * 0.45, vel, sr);
      mixCircular(keys, e, at(g, bar, step / 2, rng.range(-0.005, 0.005)), 0.28);
    });
    // Bass: root on 1, a soft push on the and of 3.
    for (const [beat, len, gain] of [
      [0, 2.2, 1],
      [2.5, 1.2, 0.7],
    ] as const) {
      const e = adsr({ attack: 0.03, decay: 0.9, sustain: 0.55, release: 0.25 }, len * g.beat, sr);
      const tone = osc('triangle', mtof(chord.bass), e.length, sr);
      mixCircular(bass, multiply(tone, e), at(g, bar, beat), gain * 0.6);
    }
    // Shaker in sixteenths and a soft kick on 1 and 3.
    for (let s = 0; s < 16; s++) {
      const n = seconds(0.06, sr);
      const hit = filter(multiply(noise(n, rng), decayEnv(n, sr, 0.018, 0.004)), 'bandpass', 4200, 0.9, sr);
      const accent = [0.55, 0.22, 0.35, 0.22][s % 4]!;
      mixCircular(perc, hit, at(g, bar, s / 4, rng.range(-0.003, 0.003)), accent * 0.35);
    }
    for (const beat of [0, 2]) mixCircular(perc, softKick(sr, 52, 0.12), at(g, bar, beat), 0.3);
  });

  // The pad's filter breathes twice per loop (an integer number of cycles, so the loop stays seamless).
  const loopSeconds = g.length / sr;
  const padF = periodic(pad, (b) => sweep(b, 'lowpass', (t) => 1250 + 450 * Math.sin((TAU * 2 * t) / loopSeconds), 0.8, sr));
  const keyEcho = periodic(keys, (b) => echo(b, sr, g.beat * 0.75, 0.38, 2200));
  const bassF = periodic(bass, (b) => filter(b, 'lowpass', 420, 0.7, sr));
  const mix = sum(g, [
    [padF, 0.75],
    [keys, 0.85],
    [keyEcho, 0.32],
    [bassF, 0.55],
    [perc, 0.4],
  ]);
  const send = sum(g, [
    [padF, 0.6],
    [keys, 0.6],
    [keyEcho, 0.4],
  ]);
  const out = withWet(mix, roomOf(send, sr, 0.82, 0.35), 0.5);
  return finish(out, sr);
}

// ——— 2001 ———

interface NewsChord {
  root: number;
  strings: number[];
  /** The ostinato's notes, relative to the root, for eight eighths. */
  figure: number[];
}

const FIG_A = [0, 0, 12, 0, 0, 12, 0, 7];
const FIG_B = [0, 0, 12, 0, 7, 0, 12, 10];
const Dm: NewsChord = { root: 38, strings: [50, 57, 62, 65, 69], figure: FIG_A };
const Bbmaj7: NewsChord = { root: 34, strings: [50, 58, 62, 65, 69], figure: FIG_A };
const Gm9: NewsChord = { root: 43, strings: [55, 58, 62, 65, 69], figure: FIG_B };
const Asus4: NewsChord = { root: 45, strings: [52, 57, 62, 64, 69], figure: FIG_B };
const A7: NewsChord = { root: 45, strings: [52, 57, 61, 64, 67], figure: FIG_B };
const FoverC: NewsChord = { root: 36, strings: [48, 57, 60, 64, 65], figure: FIG_A };

const FORM_2001: NewsChord[] = [Dm, Dm, Bbmaj7, Bbmaj7, Gm9, Gm9, Asus4, A7, Dm, Dm, FoverC, FoverC, Gm9, Gm9, Asus4, A7];
const BELL = [
  [1, 1, 1.1],
  [2.76, 0.35, 0.45],
  [5.4, 0.15, 0.18],
  [8.93, 0.06, 0.08],
] as const;

export function bed2001(): Buf {
  const sr = MUSIC_RATE;
  const rng = new Rng(2001);
  const g = grid(sr, 128, FORM_2001.length);
  const strings = bus(g);
  const pulse = bus(g);
  const ticks = bus(g);
  const low = bus(g);
  const bells = bus(g);

  FORM_2001.forEach((chord, bar) => {
    const prev = FORM_2001[(bar + FORM_2001.length - 1) % FORM_2001.length]!;
    // Strings: a new swell whenever the harmony changes, held across repeated bars.
    if (prev !== chord || bar % 2 === 0) {
      let span = 1;
      while (span < 2 && FORM_2001[(bar + span) % FORM_2001.length] === chord && (bar + span) % 2 === 1) span++;
      const env = adsr({ attack: 0.8, decay: 1.5, sustain: 0.85, release: 1.3 }, span * 4 * g.beat, sr);
      for (const note of chord.strings) {
        const v = ensemble('saw', mtof(note), env.length, sr, rng, 4, 10, { cents: 11, rate: 5.1, delay: 0.5 });
        mixCircular(strings, multiply(v, env), at(g, bar, 0), 0.2);
      }
    }
    // The pulse: a staccato synth ostinato in eighths.
    chord.figure.forEach((rel, step) => {
      const e = adsr({ attack: 0.004, decay: 0.11, sustain: 0.0, release: 0.04 }, 0.16, sr);
      const tone = osc('square', mtof(chord.root + 12 + rel), e.length, sr);
      const blip = sweep(multiply(tone, e), 'lowpass', (t) => 500 + 1500 * Math.exp(-t / 0.05), 1.2, sr);
      mixCircular(pulse, blip, at(g, bar, step / 2), step % 2 === 0 ? 0.5 : 0.38);
    });
    // The ticking clock in sixteenths, accented on the beat.
    for (let s = 0; s < 16; s++) {
      const n = seconds(0.04, sr);
      const click = partials(s % 4 === 0 ? 2350 : 2100, [[1, 1, 0.008]], n, sr);
      mixInto(click, filter(multiply(noise(n, rng), decayEnv(n, sr, 0.004, 0.0005)), 'highpass', 2500, 0.7, sr), 0, 0.5);
      mixCircular(ticks, click, at(g, bar, s / 4), s % 4 === 0 ? 0.5 : 0.22);
    }
    // Soft kick on 1 and 3; timpani at the top of each eight-bar phrase.
    for (const beat of [0, 2]) mixCircular(low, softKick(sr, 55, 0.1), at(g, bar, beat), 0.55);
    if (bar % 8 === 0) {
      const n = seconds(2.5, sr);
      const timp = partials(mtof(chord.root), [[1, 1, 0.9], [1.5, 0.5, 0.6], [1.98, 0.3, 0.4], [2.44, 0.15, 0.3]], n, sr);
      const mallet = filter(multiply(noise(seconds(0.03, sr), rng), decayEnv(seconds(0.03, sr), sr, 0.008)), 'lowpass', 900, 0.7, sr);
      mixInto(timp, mallet, 0, 0.5);
      mixCircular(low, timp, at(g, bar, 0), 0.6);
    }
    // A three-note bell motif every four bars.
    if (bar % 4 === 0) {
      const motif = bar % 8 === 0 ? [86, 81, 86] : [82, 79, 81];
      motif.forEach((note, k) => {
        const b = partials(mtof(note), BELL, seconds(2.2, sr), sr);
        mixCircular(bells, b, at(g, bar, [0, 0.5, 1][k]!), 0.16);
      });
    }
  });

  const stringsF = periodic(strings, (b) => filter(filter(b, 'lowpass', 2200, 0.7, sr), 'highpass', 110, 0.7, sr));
  const mix = sum(g, [
    [stringsF, 0.65],
    [pulse, 0.85],
    [ticks, 0.45],
    [low, 0.7],
    [bells, 0.55],
  ]);
  const send = sum(g, [
    [stringsF, 0.6],
    [pulse, 0.25],
    [bells, 0.8],
    [low, 0.3],
  ]);
  const out = withWet(mix, roomOf(send, sr, 0.8, 0.4), 0.45);
  return finish(out, sr);
}

/** The master: a little glue, nothing above the band, and an even loudness across the three beds. */
function finish(b: Buf, sr: number): Buf {
  const x = periodic(b, (y) => filter(filter(y, 'highpass', 35, 0.7, sr), 'lowpass', sr * 0.45, 0.7, sr));
  saturate(x, 1.1);
  return normalizeLoudness(x, 0.11, 0.92);
}

export const MUSIC = {
  'music-1942': bed1942,
  'music-1995': bed1995,
  'music-2001': bed2001,
} as const;
