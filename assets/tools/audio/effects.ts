// The sound effects (22.05 kHz): each is a short one-shot built from the primitives of dsp.ts.
//   offer    — a sheet of paper slid across the table, landing with a soft tap
//   accept   — a warm major-ninth chord (electric piano over a soft pad)
//   reject   — a low thud
//   shock-*  — a sting per era: a big-band brass hit (1942), a synth stab out of a riser (1995),
//              a news sting with a low boom, string tremolo and a high bell (2001); their lengths
//              differ (1.65 / 1.70 / 1.75 s), so a test can tell which one played
//   signing  — a pen scratching a signature, then a two-note chime
//   vote     — a gavel: two knocks on a wooden block
//   click    — a soft interface tick
import {
  adsr,
  type Buf,
  cents,
  decayEnv,
  echo,
  ensemble,
  epiano,
  fadeEdges,
  filter,
  mixInto,
  mtof,
  multiply,
  noise,
  normalizePeak,
  osc,
  partials,
  Rng,
  reverb,
  seconds,
  sweep,
  withWet,
} from './dsp';

export const EFFECT_RATE = 22050;

function blank(sr: number, s: number): Buf {
  return new Float64Array(seconds(s, sr));
}

/** Peak-normalises and lets the tail die away smoothly over the last tenth of a second or so. */
function done(b: Buf, sr: number, level: number): Buf {
  return fadeEdges(normalizePeak(b, level), sr, 0.001, Math.min(0.15, b.length / sr / 4));
}

export function offer(): Buf {
  const sr = EFFECT_RATE;
  const rng = new Rng(101);
  const out = blank(sr, 0.62);
  // The slide: band-passed noise whose centre rises as the sheet speeds up, with a grainy paper texture.
  const n = seconds(0.46, sr);
  const env = new Float64Array(n);
  let grain = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sr;
    if (i % 40 === 0) grain = 0.6 + 0.4 * rng.next();
    const shape = Math.sin((Math.PI * t) / 0.46) ** 1.5;
    env[i] = shape * grain;
  }
  const slide = sweep(multiply(noise(n, rng), env), 'bandpass', (t) => 1400 + 3200 * (t / 0.46), 1.1, sr);
  mixInto(out, filter(slide, 'highpass', 500, 0.7, sr), 0, 1);
  // The landing: a soft, papery tap.
  const tapN = seconds(0.08, sr);
  const tap = filter(multiply(noise(tapN, rng), decayEnv(tapN, sr, 0.012, 0.001)), 'lowpass', 1800, 0.8, sr);
  mixInto(out, tap, seconds(0.45, sr), 0.9);
  const thump = multiply(osc('sine', 180, tapN, sr), decayEnv(tapN, sr, 0.018));
  mixInto(out, thump, seconds(0.45, sr), 0.4);
  return done(out, sr, 0.7);
}

export function accept(): Buf {
  const sr = EFFECT_RATE;
  const rng = new Rng(102);
  const out = blank(sr, 1.5);
  // B♭maj9, spread, with a gentle strum.
  const chord = [46, 53, 57, 62, 65, 69, 72];
  chord.forEach((note, k) => {
    const e = epiano(mtof(note), 0.9, 0.45 + 0.05 * (k % 2), sr);
    mixInto(out, e, seconds(0.018 * k, sr), 0.45);
  });
  const padEnv = adsr({ attack: 0.12, decay: 0.5, sustain: 0.6, release: 0.5 }, 0.8, sr);
  for (const note of [53, 57, 62, 65]) {
    const v = ensemble('saw', mtof(note), padEnv.length, sr, rng, 3, 8);
    mixInto(out, filter(multiply(v, padEnv), 'lowpass', 1100, 0.7, sr), 0, 0.12);
  }
  const wet = reverb(out, sr, 0.7, 0.45);
  return done(withWet(out, wet, 0.3), sr, 0.85);
}

export function reject(): Buf {
  const sr = EFFECT_RATE;
  const rng = new Rng(103);
  const out = blank(sr, 0.7);
  const n = out.length;
  const body = multiply(osc('sine', 48, n, sr, { glide: (t) => 1 + 1.6 * Math.exp(-t / 0.045) }), decayEnv(n, sr, 0.13, 0.002));
  mixInto(out, body, 0, 1);
  const second = multiply(osc('sine', 97, n, sr, { glide: (t) => 1 + 0.8 * Math.exp(-t / 0.03) }), decayEnv(n, sr, 0.06, 0.002));
  mixInto(out, second, 0, 0.35);
  const hitN = seconds(0.05, sr);
  const hit = filter(multiply(noise(hitN, rng), decayEnv(hitN, sr, 0.01, 0.0008)), 'lowpass', 700, 0.8, sr);
  mixInto(out, hit, 0, 0.6);
  const wet = reverb(out, sr, 0.4, 0.6);
  return done(withWet(out, wet, 0.15), sr, 0.9);
}

/** 1942: a big-band brass hit — a short pickup, then a held diminished chord with a trombone fall. */
export function shock1942(): Buf {
  const sr = EFFECT_RATE;
  const rng = new Rng(104);
  const out = blank(sr, 1.65);
  const voicing = [50, 56, 59, 62, 65, 68]; // D dim7-ish stack with the ninth: tense, period-appropriate
  for (const [start, gate, fall, gain] of [
    [0, 0.1, false, 0.7],
    [0.2, 0.75, true, 1],
  ] as const) {
    const env = adsr({ attack: 0.012, decay: 0.2, sustain: 0.7, release: 0.35 }, gate, sr);
    voicing.forEach((note) => {
      const glide = fall ? (t: number) => (t > 0.55 ? 2 ** (-(((t - 0.55) / 0.4) ** 2) * 0.4) : 1) : undefined;
      // The held chord falls off at the end (a trombone-section fall); the pickup is a full section.
      const tone = glide
        ? multiply(
            withWet(
              osc('saw', mtof(note) * cents(-8), env.length, sr, { glide, phase: rng.next() }),
              osc('saw', mtof(note) * cents(8), env.length, sr, { glide, phase: rng.next(), vibrato: { cents: 10, rate: 5.5, delay: 0.25 } }),
              1,
            ),
            env,
          )
        : multiply(ensemble('saw', mtof(note), env.length, sr, rng, 3, 10), env);
      const bright = sweep(tone, 'lowpass', (t) => 900 + 3400 * Math.exp(-t / 0.12), 0.9, sr);
      mixInto(out, bright, seconds(start, sr), gain * 0.2);
    });
  }
  // Timpani under the held chord.
  const timp = partials(mtof(38), [[1, 1, 0.7], [1.5, 0.5, 0.5], [1.98, 0.3, 0.35]], seconds(1.4, sr), sr);
  mixInto(out, timp, seconds(0.2, sr), 0.5);
  const wet = reverb(out, sr, 0.75, 0.4);
  return done(withWet(out, wet, 0.3), sr, 0.9);
}

/** 1995: a filtered-noise riser into a detuned minor stab with an echo and a low drop. */
export function shock1995(): Buf {
  const sr = EFFECT_RATE;
  const rng = new Rng(105);
  const out = blank(sr, 1.7);
  const riseN = seconds(0.35, sr);
  const riseEnv = new Float64Array(riseN);
  for (let i = 0; i < riseN; i++) riseEnv[i] = (i / riseN) ** 2;
  const riser = sweep(multiply(noise(riseN, rng), riseEnv), 'bandpass', (t) => 600 + 5000 * (t / 0.35), 2, sr);
  mixInto(out, riser, 0, 0.5);
  const env = adsr({ attack: 0.006, decay: 0.35, sustain: 0.3, release: 0.4 }, 0.45, sr);
  for (const note of [50, 57, 60, 65, 69]) {
    const v = ensemble('saw', mtof(note), env.length, sr, rng, 3, 14);
    const stab = sweep(multiply(v, env), 'lowpass', (t) => 500 + 4500 * Math.exp(-t / 0.09), 1.6, sr);
    mixInto(out, stab, seconds(0.35, sr), 0.22);
  }
  const dropN = seconds(0.8, sr);
  const drop = multiply(osc('sine', 55, dropN, sr, { glide: (t) => 2 ** (-t * 1.2) }), decayEnv(dropN, sr, 0.3, 0.004));
  mixInto(out, drop, seconds(0.35, sr), 0.8);
  const tail = echo(out, sr, 0.28, 0.35, 2500);
  const wet = reverb(out, sr, 0.7, 0.4);
  const mixed = withWet(withWet(out, tail, 0.35), wet, 0.25);
  return done(mixed, sr, 0.9);
}

/** 2001: a news sting — low boom, tremolo strings on D minor (add 9) and a high bell. */
export function shock2001(): Buf {
  const sr = EFFECT_RATE;
  const rng = new Rng(106);
  const out = blank(sr, 1.75);
  const boomN = seconds(1.4, sr);
  const boom = multiply(osc('sine', 41, boomN, sr, { glide: (t) => 1 + 1.4 * Math.exp(-t / 0.05) }), decayEnv(boomN, sr, 0.35, 0.003));
  mixInto(out, boom, 0, 0.9);
  const hitN = seconds(0.09, sr);
  mixInto(out, filter(multiply(noise(hitN, rng), decayEnv(hitN, sr, 0.02, 0.001)), 'lowpass', 1500, 0.7, sr), 0, 0.4);
  const env = adsr({ attack: 0.03, decay: 0.6, sustain: 0.5, release: 0.6 }, 0.8, sr);
  const trem = new Float64Array(env.length);
  for (let i = 0; i < trem.length; i++) trem[i] = env[i]! * (0.75 + 0.25 * Math.sin((2 * Math.PI * 12 * i) / sr));
  for (const note of [50, 57, 62, 64, 65, 69]) {
    const v = ensemble('saw', mtof(note), env.length, sr, rng, 4, 9, { cents: 9, rate: 5.5 });
    mixInto(out, filter(multiply(v, trem), 'lowpass', 2600, 0.7, sr), 0, 0.12);
  }
  const bell = partials(mtof(86), [[1, 1, 0.9], [2.76, 0.4, 0.35], [5.4, 0.2, 0.15], [8.93, 0.08, 0.08]], seconds(1.6, sr), sr);
  mixInto(out, bell, seconds(0.01, sr), 0.35);
  const wet = reverb(out, sr, 0.8, 0.35);
  return done(withWet(out, wet, 0.35), sr, 0.9);
}

/** A pen signing: strokes of scratchy noise shaped like a signature, a final flourish, then a chime. */
export function signing(): Buf {
  const sr = EFFECT_RATE;
  const rng = new Rng(107);
  const out = blank(sr, 2.3);
  const strokes: [number, number, number][] = [
    // start, length, centre frequency
    [0.0, 0.16, 3200],
    [0.19, 0.11, 3900],
    [0.33, 0.2, 3400],
    [0.56, 0.09, 4200],
    [0.68, 0.14, 3600],
    [0.85, 0.3, 3000], // the flourish
  ];
  for (const [start, len, centre] of strokes) {
    const n = seconds(len, sr);
    const env = new Float64Array(n);
    let grain = 0;
    for (let i = 0; i < n; i++) {
      if (i % 30 === 0) grain = rng.next() < 0.18 ? 1 : 0.35 + 0.3 * rng.next();
      env[i] = Math.sin((Math.PI * i) / n) ** 0.6 * grain;
    }
    const sweepDir = rng.next() < 0.5 ? -1 : 1;
    const scratch = sweep(multiply(noise(n, rng), env), 'bandpass', (t) => centre * (1 + 0.25 * sweepDir * (t / len)), 2.2, sr);
    mixInto(out, scratch, seconds(start, sr), 1);
  }
  // The full stop: a small tap of the pen.
  const dotN = seconds(0.03, sr);
  mixInto(out, filter(multiply(noise(dotN, rng), decayEnv(dotN, sr, 0.005, 0.0005)), 'bandpass', 2500, 1, sr), seconds(1.2, sr), 0.8);
  // The chime: two bell notes, a fifth apart.
  const chime: [number, number][] = [
    [83, 1.28],
    [88, 1.4],
  ];
  const bellPartials = [
    [1, 1, 0.38],
    [2.0, 0.3, 0.25],
    [2.76, 0.25, 0.18],
    [5.4, 0.1, 0.08],
  ] as const;
  const chimeBus = new Float64Array(out.length);
  for (const [note, start] of chime) {
    mixInto(chimeBus, partials(mtof(note), bellPartials, seconds(1.0, sr), sr), seconds(start, sr), 0.55);
  }
  const wet = reverb(chimeBus, sr, 0.75, 0.3);
  mixInto(out, withWet(chimeBus, wet, 0.35), 0, 1);
  return done(out, sr, 0.85);
}

/** A gavel: two knocks on a hardwood block (resonant modes, a click, a table thump). */
export function vote(): Buf {
  const sr = EFFECT_RATE;
  const rng = new Rng(108);
  const out = blank(sr, 0.95);
  const modes = [
    [1, 1, 0.09],
    [2.47, 0.6, 0.05],
    [4.84, 0.35, 0.03],
    [8.7, 0.2, 0.015],
    [13.6, 0.1, 0.008],
  ] as const;
  for (const [start, gain] of [
    [0, 0.8],
    [0.24, 1],
  ] as const) {
    const n = seconds(0.5, sr);
    const knock = partials(190, modes, n, sr);
    const clickN = seconds(0.004, sr);
    mixInto(knock, filter(multiply(noise(clickN, rng), decayEnv(clickN, sr, 0.001, 0.0002)), 'highpass', 1500, 0.7, sr), 0, 0.6);
    mixInto(knock, multiply(osc('sine', 85, n, sr), decayEnv(n, sr, 0.05, 0.002)), 0, 0.5);
    mixInto(out, knock, seconds(start, sr), gain);
  }
  const wet = reverb(out, sr, 0.45, 0.5);
  return done(withWet(out, wet, 0.25), sr, 0.9);
}

export function click(): Buf {
  const sr = EFFECT_RATE;
  const rng = new Rng(109);
  const out = blank(sr, 0.05);
  mixInto(out, partials(1750, [[1, 1, 0.006], [2.3, 0.3, 0.003]], out.length, sr), 0, 1);
  const n = seconds(0.003, sr);
  mixInto(out, filter(multiply(noise(n, rng), decayEnv(n, sr, 0.001, 0.0002)), 'highpass', 3000, 0.7, sr), 0, 0.3);
  return done(out, sr, 0.5);
}

export const EFFECTS = {
  offer,
  accept,
  reject,
  'shock-1942': shock1942,
  'shock-1995': shock1995,
  'shock-2001': shock2001,
  signing,
  vote,
  click,
} as const;
