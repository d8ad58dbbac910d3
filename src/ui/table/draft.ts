// The player's draft package: kept by the overlay between renders, started afresh for each new wait
// (a new round, a new offer to answer), from the most useful starting point for that wait.
import type { PublicOffer, Side, View } from '../../engine';
import type { TableMemory } from '../context';

export function waitKey(view: View): string {
  return [view.scenario.id, view.round, view.phase, view.turn ?? '-', view.counters, view.offers.length, Object.keys(view.ledger).length].join(':');
}

export function lastOfferBy(view: View, side: Side): PublicOffer | null {
  for (let k = view.offers.length - 1; k >= 0; k--) if (view.offers[k]!.by === side) return view.offers[k]!;
  return null;
}

/** Issues still open, each with the options that may still be offered. */
export function openIssues(view: View): { id: string; options: string[] }[] {
  return view.scenario.issues
    .filter((i) => view.ledger[i.id] === undefined)
    .map((i) => ({ id: i.id, options: i.options.map((o) => o.id).filter((o) => !(view.withdrawn[i.id] ?? []).includes(o)) }));
}

/** An offer's terms on the issues still open (and still offerable). */
export function openPart(view: View, pkg: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!pkg) return out;
  for (const { id, options } of openIssues(view)) {
    const o = pkg[id];
    if (o !== undefined && options.includes(o)) out[id] = o;
  }
  return out;
}

/** The best option for the player on every open issue: an opening ask. */
export function idealDraft(view: View): Record<string, string> {
  const own = view.own!;
  const out: Record<string, string> = {};
  for (const { id, options } of openIssues(view)) {
    const i = view.scenario.issues.findIndex((x) => x.id === id);
    const issue = view.scenario.issues[i]!;
    let best = options[0];
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const o of options) {
      const v = own.values[i]?.[issue.options.findIndex((x) => x.id === o)] ?? 0;
      if (v > bestValue) [best, bestValue] = [o, v];
    }
    if (best !== undefined) out[id] = best;
  }
  return out;
}

function startingDraft(view: View, previous: TableMemory | null): Record<string, string> {
  const side = view.side!;
  const theirs = view.offer && view.offer.by !== side ? view.offer : null;
  if (view.phase === 'response' && theirs) return openPart(view, theirs.package);
  if (view.phase === 'domestic' && previous) return openPart(view, previous.draft);
  const mine = lastOfferBy(view, side);
  if (mine) {
    const kept = openPart(view, mine.package);
    if (Object.keys(kept).length) return kept;
  }
  return idealDraft(view);
}

/** The overlay's table memory for this view: kept while the wait is the same, else started afresh. */
export function tableMemory(view: View, previous: TableMemory | null): TableMemory {
  const key = waitKey(view);
  if (previous && previous.key === key) return previous;
  const available = new Set(view.cards.filter((c) => c.holder === view.side && c.available && !c.used).map((c) => c.id));
  return {
    key,
    draft: startingDraft(view, previous),
    cards: (previous?.cards ?? []).filter((c) => available.has(c)),
    bank: [],
    confirm: null,
    renegeIssue: previous?.renegeIssue ?? null,
    lobby: previous?.lobby ?? { constituency: null, amount: 1 },
    statement: { issue: null, option: null },
  };
}
