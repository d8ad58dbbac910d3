// The debrief's utility space: every offer made (with the ledger as it stood, and the status quo on
// issues left open) as a point (US utility, Mexican utility), with the Pareto frontier, the Nash point,
// the outcome and the point where both act alone. Numbers on the 0–100 scale of the briefs.
import { type GameAnalysis, type GameEvent, packageUtility, type Side, type SideView, type View } from '../../engine';

export type PointKind = 'offer-us' | 'offer-mx' | 'nash' | 'outcome' | 'reservation';

export interface SpacePoint {
  kind: PointKind;
  /** 1-based round of an offer. */
  round: number | null;
  us: number;
  mx: number;
}

/** A (possibly partial) offer's utility for one side, in points: the engine's utility, status quo where the offer is silent. */
function utilityOf(view: View, side: SideView, pkg: Readonly<Record<string, string>>): number {
  const options = view.scenario.issues.map((issue) => Math.max(0, issue.options.findIndex((x) => x.id === pkg[issue.id])));
  return packageUtility(side, options) * 100;
}

export function offerPoints(view: View, events: readonly GameEvent[]): SpacePoint[] {
  const sides = view.reveal?.sides;
  if (!sides) return [];
  const out: SpacePoint[] = [];
  const ledger: Record<string, string> = {};
  let offer: Record<string, string> = {};
  let round = 0;
  for (const e of events) {
    if (e.type === 'roundStarted') round = e.round;
    else if (e.type === 'proposed') {
      offer = e.options;
      const pkg = { ...offer, ...ledger };
      out.push({ kind: e.side === 'us' ? 'offer-us' : 'offer-mx', round: round + 1, us: utilityOf(view, sides.us, pkg), mx: utilityOf(view, sides.mx, pkg) });
    } else if (e.type === 'accepted') {
      for (const i of e.issues) if (offer[i] !== undefined) ledger[i] = offer[i]!;
    } else if (e.type === 'reneged') delete ledger[e.issue];
  }
  return out;
}

export function referencePoints(view: View, analysis: GameAnalysis): SpacePoint[] {
  const sides = view.reveal?.sides;
  const out: SpacePoint[] = [];
  if (analysis.nash) out.push({ kind: 'nash', round: null, us: analysis.nash.us * 100, mx: analysis.nash.mx * 100 });
  out.push({ kind: 'outcome', round: null, us: analysis.point.us * 100, mx: analysis.point.mx * 100 });
  if (sides) out.push({ kind: 'reservation', round: null, us: sides.us.reservation * 100, mx: sides.mx.reservation * 100 });
  return out;
}

export const frontierPoints = (analysis: GameAnalysis): { us: number; mx: number }[] => analysis.frontier.map((p) => ({ us: p.us * 100, mx: p.mx * 100 }));

export const sideOfOffer = (kind: PointKind): Side | null => (kind === 'offer-us' ? 'us' : kind === 'offer-mx' ? 'mx' : null);
