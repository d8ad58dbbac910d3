// Seeded randomness whose whole state is a JSON array kept in the game state, so replays are exact.
// Never Math.random in the engine, the AI or the lab.
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

export type RngState = number[];

export function seedRng(seed: number): RngState {
  return [...xoroshiro128plus(seed | 0).getState()];
}

/** A float in [0, 1) and the next state. */
export function nextFloat(state: readonly number[]): [number, RngState] {
  const g = xoroshiro128plusFromState(state);
  const hi = g.next() >>> 0;
  const lo = g.next() >>> 0;
  // 53 bits of randomness, like Math.random.
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
