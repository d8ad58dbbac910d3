// What the other delegation seems to want, learned only from what it has done in public: its offers,
// how it moved between them (issues it never moves on are the ones it holds firm on — the frequency
// model of Genius's BOA agents), and its public statements. Before it has offered anything the model
// assumes the opposite of our own preferences.
import type { Board } from './board';

export interface OpponentModel {
  /** Estimated weight per issue (all issues; sums to 1). */
  weights: number[];
  /** Estimated value per issue per option, 0..1. */
  values: number[][];
  /** Issues on which the other side has never moved across two or more offers that named them. */
  firm: number[];
  /** Estimated worth to the other side of each of our linkage cards, by id. */
  cardValue: Record<string, number>;
  offers: number;
}

/** Our own values rescaled to 0..1, reversed: the zero-sum prior. */
function mirrored(values: readonly number[]): number[] {
  const hi = Math.max(...values);
  const lo = Math.min(...values);
  return values.map((v) => (hi - lo > 1e-12 ? (hi - v) / (hi - lo) : 0.5));
}

export function learnOpponent(board: Board, learning: number): OpponentModel {
  const view = board.view;
  const issues = view.scenario.issues;
  const n = issues.length;
  const theirs = view.offers.filter((o) => o.by === board.opponent);
  const idx = (i: number, id: string | undefined) => (id === undefined ? -1 : issues[i]!.options.findIndex((o) => o.id === id));
  const anchor = new Array<number>(n).fill(-1);
  const freq = issues.map((issue) => new Array<number>(issue.options.length).fill(0));
  const holds = new Array<number>(n).fill(0);
  const moves = new Array<number>(n).fill(0);
  let prev: number[] | null = null;
  for (const offer of theirs) {
    const cur = issues.map((issue, i) => idx(i, offer.package[issue.id]));
    cur.forEach((o, i) => {
      if (o < 0) return;
      if (anchor[i]! < 0) anchor[i] = o;
      freq[i]![o]!++;
      if (prev && prev[i]! >= 0) {
        if (prev[i] === o) holds[i]!++;
        else moves[i]!++;
      }
    });
    prev = cur;
  }
  // A public statement is a commitment: treat it as their anchor and as firmness.
  const stated = view.commitments[board.opponent];
  issues.forEach((issue, i) => {
    const o = idx(i, stated[issue.id]);
    if (o >= 0) {
      anchor[i] = o;
      holds[i]! += 2;
    }
  });

  const values = issues.map((issue, i) => {
    const prior = mirrored(board.own.values[i]!);
    const a = anchor[i]!;
    if (a < 0 || learning <= 0) return prior;
    const span = Math.max(1, issue.options.length - 1);
    const top = Math.max(1, ...freq[i]!);
    // Single-peaked around their opening ask, nudged by how often they named each option.
    const learned = issue.options.map((_, o) => 0.8 * (1 - Math.abs(o - a) / span) + 0.2 * (freq[i]![o]! / top));
    return prior.map((p, o) => (1 - learning) * p + learning * learned[o]!);
  });
  const raw = issues.map((_, i) => Math.max(0.2, 1 + learning * (holds[i]! - 0.5 * moves[i]!)));
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / total);
  // Linkage is a trade outside migration: assume a card costs its holder less than it is worth to the other side.
  const cardValue: Record<string, number> = {};
  for (const c of board.cards) cardValue[c.id] = Math.max(0.03, -2.5 * c.ownValue);
  return {
    weights,
    values,
    firm: issues.flatMap((_, i) => (holds[i]! >= 1 && moves[i] === 0 && board.ledger[i]! < 0 ? [i] : [])),
    cardValue,
    offers: theirs.length,
  };
}

/** Per issue per option: estimated weight × value, the model's additive contribution. */
export function opponentContribution(model: OpponentModel): number[][] {
  return model.values.map((vals, i) => vals.map((v) => model.weights[i]! * v));
}
