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
const NONE: number[] = [];

export function plannedPackage(view: View, target: number): number[] {
  const own = view.own!;
  const issues = view.scenario.issues;
  const n = issues.length;
  let lastTheirs: View['offers'][number] | undefined;
  for (let k = view.offers.length - 1; k >= 0 && !lastTheirs; k--) if (view.offers[k]!.by !== view.side) lastTheirs = view.offers[k];
  const open: boolean[] = [];
  const hint: number[] = [];
  // Withdrawn options are rare: an empty list for most issues, no sets to build.
  const gone: number[][] = [];
  const cur = packageIndices(view, {});
  for (let i = 0; i < n; i++) {
    const issue = issues[i]!;
    open.push(view.ledger[issue.id] === undefined);
    const w = view.withdrawn[issue.id];
    gone.push(w ? w.map((id) => issue.options.findIndex((o) => o.id === id)) : NONE);
    const h = lastTheirs?.package[issue.id];
    hint.push(h === undefined ? -1 : issue.options.findIndex((o) => o.id === h));
    if (!open[i]) continue;
    const vals = own.values[i]!;
    let best = -1;
    for (let o = 0; o < vals.length; o++) if (!gone[i]!.includes(o) && (best < 0 || vals[o]! > vals[best]!)) best = o;
    cur[i] = best;
  }
  // Every accepted step is a strict concession (own utility falls), so the loop ends. Utility changes
  // are computed issue by issue: u' = u - w·v[cur] + w·v[o].
  let curU = packageUtility(own, cur);
  for (;;) {
    let bestI = -1;
    let bestO = -1;
    let bestU = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (!open[i]) continue;
      const vals = own.values[i]!;
      const c = cur[i]!;
      const h = hint[i]!;
      let o = -1;
      if (h >= 0 && h !== c) o = c + Math.sign(h - c);
      else {
        // No hint: the next option down in own value.
        for (let k = 0; k < vals.length; k++) {
          if (gone[i]!.includes(k) || vals[k]! >= vals[c]!) continue;
          if (o < 0 || vals[k]! > vals[o]!) o = k;
        }
      }
      if (o < 0 || gone[i]!.includes(o)) continue;
      const u = curU + own.weights[i]! * (vals[o]! - vals[c]!);
      if (u < curU - 1e-12 && u >= target - 1e-9 && u > bestU) {
        bestI = i;
        bestO = o;
        bestU = u;
      }
    }
    if (bestI < 0) return cur;
    cur[bestI] = bestO;
    curU = bestU;
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
  // Nothing to spend at home: pass without planning.
  if (view.phase === 'domestic' && own.capital <= 0) return { type: 'pass', seat };
  let best = 0;
  own.values.forEach((vals, i) => {
    best += own.weights[i]! * Math.max(...vals);
  });
  const target = linearTarget(best, own.reservation, view.t);
  const plan = plannedPackage(view, target);
  const planU = packageUtility(own, plan);

  if (view.phase === 'domestic') {
    // Spend capital on the least convinced voter of the planned package.
    const ev = evaluateDraft(view, openPackage(view, plan));
    const weakest = [...ev.ratification.voters].sort((a, b) => a.approval - b.approval)[0];
    if (own.capital > 0 && weakest && weakest.approval < 0.6 && ev.ratification.probability < 0.7)
      // As many points as it takes to bring that voter to 60%, as far as capital allows.
      return {
        type: 'lobby',
        seat,
        constituency: weakest.id,
        amount: Math.max(1, Math.min(own.capital, Math.ceil((0.6 - weakest.approval) / Math.max(1e-9, view.scenario.rules.lobbyEffect)))),
      };
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
