// Utilities, domestic approval and ratification odds. These work on a SideModel, which is exactly what
// a delegation sees of itself in its projection, so the UI, the AI and the engine share one definition.
import { INSTRUMENTS, type Instrument, type SideView } from './types';

export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Utility of a complete package (option index per issue) plus the value of the cards it carries. */
export function packageUtility(m: SideView, options: readonly number[], cardValue = 0): number {
  let u = cardValue;
  for (let i = 0; i < options.length; i++) u += m.weights[i]! * m.values[i]![options[i]!]!;
  return u;
}

/** Value left of utility u agreed at normalised time t (0 = first round, 1 = the calendar's end). */
export const discounted = (u: number, discount: number, t: number): number => u * discount ** t;

/** Best and worst utility this side can get from any package (cards with positive / negative value included). */
export function utilityRange(m: SideView, cardValues: readonly number[] = []): { best: number; worst: number } {
  let best = 0;
  let worst = 0;
  for (let i = 0; i < m.weights.length; i++) {
    best += m.weights[i]! * Math.max(...m.values[i]!);
    worst += m.weights[i]! * Math.min(...m.values[i]!);
  }
  for (const v of cardValues) {
    if (v > 0) best += v;
    else worst += v;
  }
  return { best, worst };
}

/**
 * The 0–100 score: 50 is the reservation value (what acting alone is worth), 100 the best package,
 * 0 the worst; linear on each side of 50.
 */
export function score(payoff: number, reservation: number, best: number, worst: number): number {
  let s: number;
  if (payoff >= reservation) s = best > reservation ? 50 + (50 * (payoff - reservation)) / (best - reservation) : 50;
  else s = reservation > worst ? (50 * (payoff - worst)) / (reservation - worst) : 50;
  return Math.round(Math.min(100, Math.max(0, s)) * 10) / 10;
}

export interface ApprovalContext {
  /** Trust of this side in the other, and how much it moves approval. */
  trust: number;
  trustApprovalEffect: number;
  /** Public commitments of this side: issue index -> option index. */
  commitments: Readonly<Record<number, number>>;
  audienceCost: number;
}

/** Commitments the package falls short of, judged by this side's own values. */
export function brokenCommitments(m: SideView, options: readonly number[], commitments: Readonly<Record<number, number>>): number {
  let n = 0;
  for (const key in commitments) {
    const i = Number(key);
    if (m.values[i]![options[i]!]! < m.values[i]![commitments[key]!]!) n++;
  }
  return n;
}

/** Approval of each constituency for a complete package, 0..1. */
export function approvals(m: SideView, options: readonly number[], ctx: ApprovalContext): number[] {
  const shift = ctx.trustApprovalEffect * (ctx.trust - 0.5) - ctx.audienceCost * brokenCommitments(m, options, ctx.commitments);
  return m.constituencies.map((c) => {
    let a = c.support + shift;
    for (let i = 0; i < options.length; i++) {
      const st = c.stakes[i];
      if (st) a += st.weight * (st.values[options[i]!]! - st.values[0]!);
    }
    return clamp01(a);
  });
}

/** The instrument a package needs on this side: the highest any of its options (or cards) needs. */
export function requiredInstrument(ranks: readonly (readonly number[])[], options: readonly number[], cardRanks: readonly number[] = []): Instrument {
  let r = 0;
  for (let i = 0; i < options.length; i++) r = Math.max(r, ranks[i]![options[i]!]!);
  for (const c of cardRanks) r = Math.max(r, c);
  return INSTRUMENTS[r]!;
}

/**
 * Exact probability that the vote passes when each voter says yes with its approval as probability:
 * the sum over all yes/no combinations whose yes weight reaches the threshold.
 */
export function passProbability(weights: readonly number[], approval: readonly number[], threshold: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  const need = threshold * total - 1e-9;
  let p = 0;
  const n = weights.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    let w = 0;
    let prob = 1;
    for (let k = 0; k < n; k++) {
      if (mask & (1 << k)) {
        w += weights[k]!;
        prob *= approval[k]!;
      } else prob *= 1 - approval[k]!;
    }
    if (w >= need) p += prob;
  }
  return p;
}

export interface RatificationOdds {
  instrument: Instrument;
  threshold: number;
  /** Probability the package is ratified on this side. */
  probability: number;
  /** Per voting constituency: its id and approval. */
  voters: { id: string; approval: number; weight: number }[];
  /** Every constituency's approval (voters or not), for the UI's support bars. */
  approvals: number[];
}

export function ratificationOdds(
  m: SideView,
  ranks: readonly (readonly number[])[],
  options: readonly number[],
  ctx: ApprovalContext,
  cardRanks: readonly number[] = [],
): RatificationOdds {
  const instrument = requiredInstrument(ranks, options, cardRanks);
  const all = approvals(m, options, ctx);
  const idx = m.voters[instrument];
  const voters = idx.map((k) => ({ id: m.constituencies[k]!.id, approval: all[k]!, weight: m.constituencies[k]!.ratificationWeight }));
  const threshold = Math.min(1, Math.max(0.01, m.thresholds[instrument]));
  return {
    instrument,
    threshold,
    probability: passProbability(
      voters.map((v) => v.weight),
      voters.map((v) => v.approval),
      threshold,
    ),
    voters,
    approvals: all,
  };
}
