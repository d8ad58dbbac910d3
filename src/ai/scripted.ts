// A simple scripted opponent: linear concession from its best package towards its reservation value,
// stepping towards the other side's last offer, accepting what is at least as good as its own next
// offer. It stands in the terminal game until the negotiating AI (src/ai policies) takes its seat.
import { evaluateDraft, packageFromIndices, packageIndices } from '../engine/evaluate';
import type { Action, View } from '../engine';
import { packageUtility } from '../engine';

const MIN_RATIFICATION = 0.3;

/** Own utility the script still demands at time t: linear from its best to just above its reservation value. */
export function linearTarget(best: number, reservation: number, t: number): number {
  const floor = Math.min(best, reservation + 0.02);
  return best - (best - floor) * Math.min(1, Math.max(0, t));
}

/** The package the script would table now: issue by issue, the cheapest step towards the other side. */
export function plannedPackage(view: View, target: number): number[] {
  const own = view.own!;
  const issues = view.scenario.issues;
  const open = issues.map((issue) => view.ledger[issue.id] === undefined);
  const withdrawn = (i: number, o: number) => (view.withdrawn[issues[i]!.id] ?? []).includes(issues[i]!.options[o]!.id);
  const lastTheirs = [...view.offers].reverse().find((o) => o.by !== view.side);
  const hint = issues.map((issue) => {
    const id = lastTheirs?.package[issue.id];
    return id === undefined ? -1 : issue.options.findIndex((o) => o.id === id);
  });
  const cur = packageIndices(view, {});
  issues.forEach((issue, i) => {
    if (!open[i]) return;
    let best = -1;
    issue.options.forEach((_, o) => {
      if (withdrawn(i, o)) return;
      if (best < 0 || own.values[i]![o]! > own.values[i]![best]!) best = o;
    });
    cur[i] = best;
  });
  // Every accepted step is a strict concession (own utility falls), so the loop ends.
  for (;;) {
    const curU = packageUtility(own, cur);
    let bestMove: { i: number; o: number; u: number } | null = null;
    issues.forEach((issue, i) => {
      if (!open[i]) return;
      const h = hint[i]!;
      let o: number;
      if (h >= 0 && h !== cur[i]) o = cur[i]! + Math.sign(h - cur[i]!);
      else {
        // No hint: the next option down in own value.
        o = -1;
        issue.options.forEach((_, k) => {
          if (withdrawn(i, k) || own.values[i]![k]! >= own.values[i]![cur[i]!]!) return;
          if (o < 0 || own.values[i]![k]! > own.values[i]![o]!) o = k;
        });
      }
      if (o < 0 || withdrawn(i, o)) return;
      const next = [...cur];
      next[i] = o;
      const u = packageUtility(own, next);
      if (u < curU - 1e-12 && u >= target - 1e-9 && (!bestMove || u > bestMove.u)) bestMove = { i, o, u };
    });
    if (!bestMove) return cur;
    const m = bestMove as { i: number; o: number };
    cur[m.i] = m.o;
  }
}

function openPackage(view: View, options: readonly number[]): Record<string, string> {
  const all = packageFromIndices(view, options);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) if (view.ledger[k] === undefined) out[k] = v;
  return out;
}

export function scriptedPolicy(view: View): Action {
  const side = view.side!;
  const seat = view.seat;
  const own = view.own!;
  let best = 0;
  own.values.forEach((vals, i) => {
    best += own.weights[i]! * Math.max(...vals);
  });
  const target = linearTarget(best, own.reservation, view.t);
  const plan = plannedPackage(view, target);
  const planU = packageUtility(own, plan);

  if (view.phase === 'domestic') {
    // Spend capital on the least convinced voter of the planned package, a point at a time.
    const ev = evaluateDraft(view, openPackage(view, plan));
    const weakest = [...ev.ratification.voters].sort((a, b) => a.approval - b.approval)[0];
    if (own.capital > 0 && weakest && weakest.approval < 0.6 && ev.ratification.probability < 0.7)
      return { type: 'lobby', seat, constituency: weakest.id, amount: 1 };
    return { type: 'pass', seat };
  }
  if (view.phase === 'proposal') return { type: 'propose', seat, package: openPackage(view, plan) };

  // Response: judge the offer completed with the script's own plan for the issues it leaves open.
  const offer = view.offer!;
  const merged = { ...openPackage(view, plan), ...offer.package };
  const ev = evaluateDraft(view, merged, offer.cards);
  const coversAll = view.scenario.issues.every((i) => view.ledger[i.id] !== undefined || offer.package[i.id] !== undefined);
  const ratifiable = !coversAll || ev.ratification.probability >= MIN_RATIFICATION;
  if (ev.utility >= planU - 1e-9 && ev.utility > own.reservation && ratifiable) return { type: 'accept', seat: side };
  const good = view.scenario.issues
    .map((issue, i) => ({ issue, i }))
    .filter(({ issue, i }) => {
      const id = offer.package[issue.id];
      if (id === undefined) return false;
      const o = issue.options.findIndex((x) => x.id === id);
      return own.values[i]![o]! >= own.values[i]![plan[i]!]! - 1e-9;
    })
    .map(({ issue }) => issue.id);
  // Banking the last open issue would sign the package: only do that when the whole offer is acceptable.
  const openCount = view.scenario.issues.filter((i) => view.ledger[i.id] === undefined).length;
  if (good.length > 0 && good.length < openCount) return { type: 'accept', seat: side, issues: good };
  if (view.counters < view.scenario.rules.maxCounters) return { type: 'counter', seat: side, package: openPackage(view, plan) };
  return { type: 'reject', seat: side };
}
