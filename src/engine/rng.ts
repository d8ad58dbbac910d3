// Seeded randomness whose whole state is a JSON array kept in the game state, so replays are exact.
// The engine, the AI and the lab draw only from this seeded stream, never from the platform's generator.
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

export type RngState = number[];

/** SplitMix32-style mixing: neighbouring seeds give unrelated streams. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/**
 * pure-rand's own seeding puts the seed straight into the state, so consecutive seeds start with
 * correlated outputs (seeds 0..n would ratify together). The seed is mixed into all four words first,
 * and the high part of seeds beyond 32 bits is kept.
 */
export function seedRng(seed: number): RngState {
  const lo = seed | 0;
  const hi = Math.floor(seed / 4294967296) | 0;
  const a = mix32(lo ^ 0x5bd1e995);
  const b = mix32(a ^ hi);
  const c = mix32(b ^ 0x27d4eb2f);
  const d = mix32(c ^ lo);
  const state = a | b | c | d ? [a, b, c, d] : [...xoroshiro128plus(1).getState()];
  // Discard a few outputs so the first draws are well mixed too.
  const g = xoroshiro128plusFromState(state);
  for (let i = 0; i < 8; i++) g.next();
  return [...g.getState()];
}

/** A float in [0, 1) and the next state. */
export function nextFloat(state: readonly number[]): [number, RngState] {
  const g = xoroshiro128plusFromState(state);
  const hi = g.next() >>> 0;
  const lo = g.next() >>> 0;
  // 53 bits of randomness: a double in [0, 1).
  const value = ((hi >>> 5) * 67108864 + (lo >>> 6)) / 9007199254740992;
  return [value, [...g.getState()]];
}

/** Draws n floats at once (one generator, one copy of the state). */
export function nextFloats(state: readonly number[], n: number): [number[], RngState] {
  const g = xoroshiro128plusFromState(state);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const hi = g.next() >>> 0;
    const lo = g.next() >>> 0;
    out.push(((hi >>> 5) * 67108864 + (lo >>> 6)) / 9007199254740992);
  }
  return [out, [...g.getState()]];
}

/** A mutable stream for callers (AI, lab) that draw many numbers inside one pure call. */
export class RngStream {
  private g;
  constructor(state: readonly number[]) {
    this.g = xoroshiro128plusFromState(state);
  }
  static fromSeed(seed: number): RngStream {
    return new RngStream(seedRng(seed));
  }
  float(): number {
    const hi = this.g.next() >>> 0;
    const lo = this.g.next() >>> 0;
    return ((hi >>> 5) * 67108864 + (lo >>> 6)) / 9007199254740992;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }
  state(): number[] {
    return [...this.g.getState()];
  }
}
