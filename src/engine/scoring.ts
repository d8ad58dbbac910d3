// Judging an outcome: the Pareto frontier of complete packages, the Nash bargaining point,
// how far the agreement lies from the frontier, and how far from what history produced.
import type { Scenario } from '../content/scenario-schema';
import { indexScenario } from './model';
import { timeOf } from './step';
import { packageUtility, ratificationOdds } from './utility';
import type { GameState, Outcome, Side, SideModel } from './types';

export interface FrontierPoint {
  us: number;
  mx: number;
  /** Option index per issue. */
  options: number[];
  cards: string[];
}

/**
 * Utilities are additive over issues (and cards), so the frontier of the whole package space is built
 * issue by issue: combine every kept point with every option, keep the non-dominated ones. Exact, and
 * far faster than enumerating up to 5^7 packages.
 */
export function paretoFrontier(s: Scenario, sides: Record<Side, SideModel>, withdrawn: Readonly<Record<number, number[]>> = {}): FrontierPoint[] {
  let points: FrontierPoint[] = [{ us: 0, mx: 0, options: [], cards: [] }];
  const prune = (ps: FrontierPoint[]) => {
    // Utilities equal up to rounding error count as equal, so the larger mx of the two survives.
    const q = (x: number) => Math.round(x * 1e10);
    ps.sort((a, b) => q(b.us) - q(a.us) || b.mx - a.mx);
    const kept: FrontierPoint[] = [];
    let bestMx = Number.NEGATIVE_INFINITY;
    for (const p of ps) {
      if (p.mx > bestMx + 1e-12) {
        kept.push(p);
        bestMx = p.mx;
      }
    }
    return kept;
  };
  s.issues.forEach((issue, i) => {
    const next: FrontierPoint[] = [];
    const gone = withdrawn[i] ?? [];
    for (const p of points)
      issue.options.forEach((_, o) => {
        if (gone.includes(o) && o !== 0) return;
        next.push({
          us: p.us + sides.us.weights[i]! * sides.us.values[i]![o]!,
          mx: p.mx + sides.mx.weights[i]! * sides.mx.values[i]![o]!,
          options: [...p.options, o],
          cards: p.cards,
        });
      });
    points = prune(next);
  });
  for (const card of s.cards) {
    const next: FrontierPoint[] = [...points];
    for (const p of points) next.push({ us: p.us + card.value.us, mx: p.mx + card.value.mx, options: p.options, cards: [...p.cards, card.id] });
    points = prune(next);
  }
  return points.sort((a, b) => a.us - b.us);
}

/** The package maximising the product of both sides' gains over their reservation values. */
export function nashPoint(frontier: readonly FrontierPoint[], reservation: Record<Side, number>): FrontierPoint | null {
  let best: FrontierPoint | null = null;
  let bestProduct = 0;
  for (const p of frontier) {
    const g = (p.us - reservation.us) * (p.mx - reservation.mx);
    if (p.us > reservation.us && p.mx > reservation.mx && g > bestProduct) {
      best = p;
      bestProduct = g;
    }
  }
  return best;
}

/** Euclidean distance in utility space from (us, mx) to the nearest frontier point (0 on the frontier). */
export function distanceToFrontier(frontier: readonly FrontierPoint[], us: number, mx: number): number {
  let d = Number.POSITIVE_INFINITY;
  for (const p of frontier) {
    // A point that dominates nothing of ours costs nothing: measure only the shortfall.
    const du = Math.max(0, p.us - us);
    const dm = Math.max(0, p.mx - mx);
    if (du === 0 && dm === 0) return 0;
    d = Math.min(d, Math.hypot(p.us - us, p.mx - mx));
  }
  return d;
}

export interface HistoryComparison {
  /** Whether the game's agreement (ratified by both) matches whether history had one. */
  sameAgreement: boolean;
  issues: { issue: string; agreed: string; historical: string; distance: number; cite: string[] }[];
  /** Mean over issues of the distance along each option scale, 0 (same) .. 1 (opposite ends). */
  mean: number;
}

export function compareWithHistory(s: Scenario, outcome: Outcome): HistoryComparison {
  const idx = indexScenario(s);
  const ratified = outcome.agreement && outcome.ratified.us && outcome.ratified.mx;
  const issues = s.issues.map((issue, i) => {
    const agreed = ratified && outcome.package ? outcome.package[issue.id]! : issue.options[0]!.id;
    const historical = s.history.package[issue.id]!;
    const a = idx.optionIndex[i]!.get(agreed)!;
    const h = idx.optionIndex[i]!.get(historical)!;
    return { issue: issue.id, agreed, historical, distance: Math.abs(a - h) / (issue.options.length - 1), cite: s.history.issueCites[issue.id]! };
  });
  return {
    sameAgreement: ratified === (s.history.agreement && s.history.ratified.us && s.history.ratified.mx),
    issues,
    mean: issues.reduce((a, b) => a + b.distance, 0) / issues.length,
  };
}

export interface GameAnalysis {
  frontier: FrontierPoint[];
  nash: FrontierPoint | null;
  /** The agreement's undiscounted utilities, or the reservation values without one. */
  point: Record<Side, number>;
  distanceToFrontier: number;
  /** Joint gain over both reservation values, of the final payoffs. */
  jointGain: number;
  history: HistoryComparison;
}

export function analyseGame(state: GameState): GameAnalysis {
  if (!state.outcome) throw new Error('analyseGame: the game has not ended');
  const s = state.scenario;
  const frontier = paretoFrontier(s, state.sides);
  const reservation = { us: state.sides.us.reservation, mx: state.sides.mx.reservation };
  const o = state.outcome;
  const point = o.utility ?? reservation;
  return {
    frontier,
    nash: nashPoint(frontier, reservation),
    point,
    distanceToFrontier: distanceToFrontier(frontier, point.us, point.mx),
    jointGain: o.payoff.us - reservation.us + (o.payoff.mx - reservation.mx),
    history: compareWithHistory(s, o),
  };
}

/**
 * Whether the two win-sets overlap at the end of a game: is there a package that beats acting alone for
 * both sides (discounted to the last date) and that each side would ratify? Votes here are chances, so
 * "would ratify" needs a confidence: `line`, by default 90% on each side — a package both sides pass
 * with that confidence is ratified at least 81% of the time, which is what "a deal was there to be had"
 * must mean for the 80% self-play bar. Judged with both sides' secrets, after the fact: an evaluation
 * tool, never a policy input.
 */
export function winSetsOverlap(state: GameState, line = 0.9): boolean {
  const s = state.scenario;
  const idx = indexScenario(s);
  const t = timeOf(s, state.round);
  const choices = s.issues.map((issue, i) => issue.options.map((_, o) => o).filter((o) => o === 0 || !(state.withdrawn[i] ?? []).includes(o)));
  const ok = (side: Side, p: number[]) => {
    const m = state.sides[side];
    if (packageUtility(m, p) * m.discount ** t <= m.reservation) return false;
    const ctx = { trust: m.trust, trustApprovalEffect: s.rules.trustApprovalEffect, commitments: state.commitments[side], audienceCost: s.rules.audienceCost };
    return ratificationOdds(m, idx.instrumentRank[side], p, ctx).probability >= line;
  };
  const p = new Array<number>(s.issues.length).fill(0);
  const walk = (k: number): boolean => {
    if (k === s.issues.length) return ok('us', p) && ok('mx', p);
    for (const o of choices[k]!) {
      p[k] = o;
      if (walk(k + 1)) return true;
    }
    return false;
  };
  return walk(0);
}
