// Evaluating a package from a delegation's own projection: what the table screen shows live while a
// player drafts, and what the AI reasons with. It reads the View only, so it cannot use hidden numbers.
import { instrumentRank } from './model';
import type { View } from './projection';
import type { Package } from './types';
import { discounted, packageUtility, type RatificationOdds, ratificationOdds } from './utility';

/** Option index per issue: the ledger, then the package, then the status quo for anything left open. */
export function packageIndices(view: View, pkg: Package): number[] {
  return view.scenario.issues.map((issue) => {
    const id = view.ledger[issue.id] ?? pkg[issue.id];
    const o = id === undefined ? 0 : issue.options.findIndex((x) => x.id === id);
    return Math.max(0, o);
  });
}

/** The named complete package for option indices. */
export function packageFromIndices(view: View, options: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  view.scenario.issues.forEach((issue, i) => {
    out[issue.id] = issue.options[options[i]!]!.id;
  });
  return out;
}

const rankCache = new WeakMap<object, Record<'us' | 'mx', number[][]>>();

export function instrumentRanks(view: View): Record<'us' | 'mx', number[][]> {
  const hit = rankCache.get(view.scenario);
  if (hit) return hit;
  const r = {
    us: view.scenario.issues.map((i) => i.options.map((o) => instrumentRank(o.instrument.us as 'executive'))),
    mx: view.scenario.issues.map((i) => i.options.map((o) => instrumentRank(o.instrument.mx as 'executive'))),
  };
  rankCache.set(view.scenario, r);
  return r;
}

export interface DraftEvaluation {
  /** Own utility of the completed package (ledger + draft + status quo elsewhere) and of the given cards. */
  utility: number;
  /** The same, discounted to now. */
  discounted: number;
  reservation: number;
  ratification: RatificationOdds;
}

export function evaluateDraft(view: View, pkg: Package, cards: readonly string[] = []): DraftEvaluation {
  const own = view.own;
  const side = view.side;
  if (!own || !side) throw new Error('evaluateDraft needs a delegation seat');
  const options = packageIndices(view, pkg);
  const allCards = [...view.ledgerCards, ...cards];
  const cardValue = allCards.reduce((a, c) => a + (view.cards.find((x) => x.id === c)?.ownValue ?? 0), 0);
  const cardRanks = allCards.map((c) => instrumentRank((view.scenario.cards.find((x) => x.id === c)?.instrument[side] ?? 'executive') as 'executive'));
  const utility = packageUtility(own, options, cardValue);
  return {
    utility,
    discounted: discounted(utility, own.discount, view.t),
    reservation: own.reservation,
    ratification: ratificationOdds(
      own,
      instrumentRanks(view)[side],
      options,
      {
        trust: own.trust,
        trustApprovalEffect: view.scenario.rules.trustApprovalEffect,
        commitments: commitmentIndices(view),
        audienceCost: view.scenario.rules.audienceCost,
      },
      cardRanks,
    ),
  };
}

function commitmentIndices(view: View): Record<number, number> {
  const out: Record<number, number> = {};
  if (!view.side) return out;
  const mine = view.commitments[view.side];
  view.scenario.issues.forEach((issue, i) => {
    const id = mine[issue.id];
    if (id !== undefined) out[i] = issue.options.findIndex((o) => o.id === id);
  });
  return out;
}
