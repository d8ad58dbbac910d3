// The space of packages over the open issues, enumerated as mixed-radix codes (the last issue varies
// fastest). Utilities are additive over issues, so each issue's contribution is added once per prefix
// rather than once per package; ordering uses buckets so large spaces stay linear. Plain arrays, not
// typed ones: short-lived typed-array buffers live outside the heap and their churn triggers full GCs.

export interface Space {
  /** Open issue indices, in scenario order. */
  issues: number[];
  /** Options that may be chosen, per listed issue. */
  choices: number[][];
  size: number;
}

export function makeSpace(issues: readonly number[], choices: readonly (readonly number[])[]): Space {
  const size = choices.reduce((a, c) => a * c.length, 1);
  return { issues: [...issues], choices: choices.map((c) => [...c]), size };
}

/** The complete option list for a code: `base` (the ledger) with the open issues filled in. */
export function optionsOf(space: Space, code: number, base: readonly number[]): number[] {
  const out = [...base];
  let c = code;
  for (let k = space.issues.length - 1; k >= 0; k--) {
    const n = space.choices[k]!.length;
    out[space.issues[k]!] = space.choices[k]![c % n]!;
    c = Math.floor(c / n);
  }
  return out;
}

/** Like optionsOf, into an existing list (no allocation while screening many candidates). */
export function decodeInto(space: Space, code: number, out: number[]): void {
  let c = code;
  for (let k = space.issues.length - 1; k >= 0; k--) {
    const n = space.choices[k]!.length;
    out[space.issues[k]!] = space.choices[k]![c % n]!;
    c = Math.floor(c / n);
  }
}

/** Per code, the sum over open issues of contribution[issue][option]. */
export function sums(space: Space, contribution: readonly (readonly number[])[]): number[] {
  let prev = [0];
  space.issues.forEach((issue, k) => {
    const ch = space.choices[k]!;
    const row = contribution[issue]!;
    const next = new Array<number>(prev.length * ch.length);
    for (let c = 0; c < prev.length; c++) {
      const base = prev[c]!;
      const at = c * ch.length;
      for (let j = 0; j < ch.length; j++) next[at + j] = base + row[ch[j]!]!;
    }
    prev = next;
  });
  return prev;
}

/**
 * Indices of `values`, highest value first (ties in index order), for repeated searches over one table.
 * One pass drops them into buckets by value; a bucket is sorted the first time a search reaches it, so a
 * search that stops early (the usual case) never pays for sorting the rest.
 */
export class Ranking {
  private readonly order: number[];
  private readonly start: number[];
  private readonly sorted: boolean[];

  constructor(private readonly values: readonly number[]) {
    const n = values.length;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const buckets = Math.max(1, Math.min(1024, n >> 3));
    const scale = hi - lo > 1e-12 ? (buckets - 1) / (hi - lo) : 0;
    const bucketOf = (v: number) => Math.floor((hi - v) * scale);
    this.start = new Array<number>(buckets + 1).fill(0);
    for (const v of values) this.start[bucketOf(v) + 1]!++;
    for (let b = 1; b <= buckets; b++) this.start[b]! += this.start[b - 1]!;
    this.order = new Array<number>(n);
    const fill = this.start.slice(0, buckets);
    for (let i = 0; i < n; i++) this.order[fill[bucketOf(values[i]!)]!++] = i;
    this.sorted = new Array<boolean>(buckets).fill(false);
  }

  /** Indices that pass `keep`, best first. */
  *descending(keep: (index: number) => boolean): Generator<number> {
    const { order, start, values } = this;
    for (let b = 0; b < this.sorted.length; b++) {
      const from = start[b]!;
      const to = start[b + 1]!;
      if (!this.sorted[b]) {
        if (to - from > 1) {
          const slice = order.slice(from, to).sort((x, y) => values[y]! - values[x]! || x - y);
          for (let k = 0; k < slice.length; k++) order[from + k] = slice[k]!;
        }
        this.sorted[b] = true;
      }
      for (let k = from; k < to; k++) if (keep(order[k]!)) yield order[k]!;
    }
  }
}

/**
 * Indices 0..n-1 that pass `keep`, highest `value` first (ties in index order): filtered first, then
 * bucketed, each bucket sorted only when reached. For a one-off search whose filter is selective.
 */
export function* descending(n: number, value: (index: number) => number, keep: (index: number) => boolean): Generator<number> {
  const kept: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue;
    kept.push(i);
    vals.push(value(i));
  }
  const ranking = new Ranking(vals);
  for (const k of ranking.descending(() => true)) yield kept[k]!;
}
