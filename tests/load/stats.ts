// Figures of a load run: latency distributions (nearest-rank percentiles over every sample) and the
// verdict against the targets. Pure, so the unit tests can check the arithmetic.

export interface Distribution {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of ascending samples (p in 0..100): the smallest sample with at least p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The distribution of the samples, or null when there are none. */
export function distribution(samples: readonly number[]): Distribution | null {
  if (samples.length === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  const arr = Array.from(sorted);
  let sum = 0;
  for (const x of arr) sum += x;
  return { count: arr.length, mean: sum / arr.length, p50: percentile(arr, 50), p95: percentile(arr, 95), p99: percentile(arr, 99), max: arr[arr.length - 1]! };
}

export interface Targets {
  p99Ms: number;
  errors: number;
  lostEvents: number;
}

export const TARGETS: Targets = { p99Ms: 150, errors: 0, lostEvents: 0 };

export interface VerdictInput {
  moveLatency: Distribution | null;
  errors: number;
  lostEvents: number;
  /** Seats whose events could be checked against the stored games. */
  seatsChecked: number;
  /** With hostile clients: their requests refused as expected, and those answered otherwise (also counted in errors). */
  hostile?: { expected: number; unexpected: number };
}

export interface Verdict {
  pass: boolean;
  /** One line per target: what was required, what was measured, and whether it holds. */
  checks: { name: string; required: string; measured: string; ok: boolean }[];
}

export function verdict(v: VerdictInput, t: Targets = TARGETS): Verdict {
  const p99 = v.moveLatency?.p99 ?? null;
  const checks = [
    { name: 'p99 latency', required: `≤ ${t.p99Ms} ms`, measured: p99 === null ? 'no moves measured' : `${p99.toFixed(1)} ms`, ok: p99 !== null && p99 <= t.p99Ms },
    { name: 'errors', required: `${t.errors}`, measured: `${v.errors}`, ok: v.errors <= t.errors },
    {
      name: 'lost events',
      required: `${t.lostEvents}`,
      measured: v.seatsChecked === 0 ? 'no seat checked' : `${v.lostEvents} (${v.seatsChecked} seats checked)`,
      ok: v.seatsChecked > 0 && v.lostEvents <= t.lostEvents,
    },
  ];
  if (v.hostile)
    checks.push({
      name: 'hostile requests refused as expected',
      required: 'all, and some sent',
      measured: `${v.hostile.expected} as expected, ${v.hostile.unexpected} otherwise`,
      ok: v.hostile.expected > 0 && v.hostile.unexpected === 0,
    });
  return { pass: checks.every((c) => c.ok), checks };
}
