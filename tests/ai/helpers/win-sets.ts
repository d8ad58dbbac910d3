// Test-only judgement with the full state (both sides' secrets): do the two win-sets overlap — is there a
// package each side would ratify (probability at least `line`) that beats acting alone for both, at the
// game's last date? Policies never see this; tests use it to pick the games where a deal was possible.
import { type GameState, indexScenario, packageUtility, ratificationOdds, type Side, timeOf } from '../../../src/engine';

export function winSetsOverlap(state: GameState, line = 0.5): boolean {
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

/** The highest chance that both sides ratify, over packages that beat acting alone for both (0 if none). */
export function bestJointRatification(state: GameState): number {
  const s = state.scenario;
  const idx = indexScenario(s);
  const t = timeOf(s, state.round);
  const odds = (side: Side, p: number[]) => {
    const m = state.sides[side];
    if (packageUtility(m, p) * m.discount ** t <= m.reservation) return 0;
    const ctx = { trust: m.trust, trustApprovalEffect: s.rules.trustApprovalEffect, commitments: state.commitments[side], audienceCost: s.rules.audienceCost };
    return ratificationOdds(m, idx.instrumentRank[side], p, ctx).probability;
  };
  let best = 0;
  const p = new Array<number>(s.issues.length).fill(0);
  const walk = (k: number): void => {
    if (k === s.issues.length) {
      best = Math.max(best, odds('us', p) * odds('mx', p));
      return;
    }
    for (const o of s.issues[k]!.options.keys()) {
      if (o !== 0 && (state.withdrawn[k] ?? []).includes(o)) continue;
      p[k] = o;
      walk(k + 1);
    }
  };
  walk(0);
  return best;
}
