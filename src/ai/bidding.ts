// Choosing packages. Each candidate is judged by its expected surplus for our side: the chance our own
// constituencies ratify it times what it is worth over acting alone (discounted to now). A bid is the
// package the other side should like best (by the opponent model) among those that still meet our
// target and that our side would ratify — the Genius recipe with a domestic check added.
import { type Board, expectedSurplus, type Judgement, judge, partnerCardRanks, partnerOddsOf } from './board';
import { fastOdds, type OddsFn } from './fast-odds';
import { type OpponentModel, opponentContribution } from './opponent-model';
import { decodeInto, descending, makeSpace, optionsOf, Ranking, type Space, sums } from './space';
import type { Tactics } from './tactics';

/** Candidates screened per search are bounded, so a decision stays within a few milliseconds. */
const MAX_SCREENED = 3000;
const EPS = 1e-9;

/**
 * Every package over the open issues, times each subset of our cards, with our utility for each. It depends
 * only on our weights and values, the ledger, what is withdrawn and which cards are ours to play, so it
 * is kept across decisions (the engine replaces the weights array whenever a shock moves a weight).
 */
interface Table {
  space: Space;
  /** Card subsets per package code. */
  m: number;
  /** Own utility per extended index (code × m + card subset), ledger included. */
  utility: number[];
  cardSets: string[][];
  /** Instrument ranks of the ledger's cards and of each card subset, on our side and on the other. */
  cardRanks: number[][];
  partnerCardRanks: number[][];
  /** Extended indices by own utility, highest first (built when first needed). */
  byUtility?: Ranking;
}

/** The table with this decision's ratification odds and a scratch option list to decode into. */
interface Grid extends Table {
  table: Table;
  odds: OddsFn;
  scratch: number[];
}

const tables = new WeakMap<object, Map<string, Table>>();

function cardSets(board: Board, useCards: boolean): { sets: string[][]; own: number[]; ranks: number[][]; partnerRanks: number[][] } {
  const cards = useCards ? board.cards.slice(0, 3) : [];
  const rankOf = (i: string) => ['executive', 'legislation', 'treaty'].indexOf(i);
  const ledgerRanks = board.ledgerCards.map((id) => rankOf(board.view.scenario.cards.find((c) => c.id === id)!.instrument[board.side]));
  const sets: string[][] = [];
  const own: number[] = [];
  const ranks: number[][] = [];
  const partnerRanks: number[][] = [];
  for (let m = 0; m < 1 << cards.length; m++) {
    const set = cards.filter((_, k) => m & (1 << k));
    sets.push(set.map((c) => c.id));
    own.push(set.reduce((a, c) => a + c.ownValue, 0));
    ranks.push([...ledgerRanks, ...set.map((c) => c.rank)]);
    partnerRanks.push(partnerCardRanks(board, sets[m]!));
  }
  return { sets, own, ranks, partnerRanks };
}

function tableOf(board: Board, useCards: boolean): Table {
  const own = board.own;
  const key = `${useCards}|${board.ledger.join(',')}|${board.ledgerCards.join(',')}|${JSON.stringify(board.allowed)}|${board.cards.map((c) => c.id).join(',')}`;
  let perWeights = tables.get(own.weights);
  if (!perWeights) {
    perWeights = new Map();
    tables.set(own.weights, perWeights);
  }
  const hit = perWeights.get(key);
  if (hit) return hit;
  const contribution = own.values.map((vals, i) => vals.map((v) => own.weights[i]! * v));
  let ledgerValue = 0;
  board.ledger.forEach((o, i) => {
    if (o >= 0) ledgerValue += contribution[i]![o]!;
  });
  for (const c of board.ledgerCards) ledgerValue += board.view.cards.find((x) => x.id === c)?.ownValue ?? 0;
  const space = makeSpace(
    board.open,
    board.open.map((i) => board.allowed[i]!),
  );
  const issueSums = sums(space, contribution);
  const cards = cardSets(board, useCards);
  const m = cards.sets.length;
  const utility = new Array<number>(issueSums.length * m);
  for (let c = 0; c < issueSums.length; c++) for (let k = 0; k < m; k++) utility[c * m + k] = ledgerValue + issueSums[c]! + cards.own[k]!;
  const table: Table = { space, m, utility, cardSets: cards.sets, cardRanks: cards.ranks, partnerCardRanks: cards.partnerRanks };
  perWeights.set(key, table);
  return table;
}

function gridOf(board: Board, useCards: boolean): Grid {
  const key = useCards ? 'grid+cards' : 'grid';
  const hit = board.memo.get(key) as Grid | undefined;
  if (hit) return hit;
  const table = tableOf(board, useCards);
  // The odds (our constituencies' support and trust now) and the scratch list belong to this decision.
  const g: Grid = { ...table, table, odds: fastOdds(board), scratch: [...board.ledger] };
  board.memo.set(key, g);
  return g;
}

const judgeAt = (board: Board, g: Grid, ext: number): Judgement =>
  judge(board, optionsOf(g.space, Math.floor(ext / g.m), board.ledger), g.cardSets[ext % g.m]!);

/** The ratification chance of a candidate, without building a judgement (it leaves the package in g.scratch). */
function oddsAt(g: Grid, ext: number): number {
  decodeInto(g.space, Math.floor(ext / g.m), g.scratch);
  return g.odds(g.scratch, g.cardRanks[ext % g.m]!);
}

/** The believed chance the other side ratifies the candidate last decoded by oddsAt. */
const partnerAt = (board: Board, g: Grid, ext: number): number => partnerOddsOf(board, g.scratch, g.partnerCardRanks[ext % g.m]!);

const ratifiable = (j: Judgement, t: Tactics, board: Board) => j.odds.probability >= t.minRatification - EPS && j.discounted > board.reservation + EPS;

// The best surplus depends on our numbers, the ledger, what is withdrawn and the date: cached per
// own-numbers object (the engine replaces it whenever one of them changes).
const bestCache = new WeakMap<object, Map<string, Judgement | null>>();

/** The package with the highest expected surplus that our side would ratify, or null if there is none. */
export function bestSurplus(board: Board, t: Tactics): Judgement | null {
  const key = `${board.view.round}|${board.ledger.join(',')}|${JSON.stringify(board.allowed)}|${board.cards.map((c) => c.id).join(',')}|${t.minRatification}|${t.useCards}|${board.gambler}|${board.partnerOdds.join(',')}|${JSON.stringify(board.approval.commitments)}`;
  let perOwn = bestCache.get(board.own);
  if (!perOwn) {
    perOwn = new Map();
    bestCache.set(board.own, perOwn);
  }
  const hit = perOwn.get(key);
  if (hit !== undefined) return hit;
  const g = gridOf(board, t.useCards);
  const d = board.discountNow;
  let bestE = -1;
  let bestS = Number.NEGATIVE_INFINITY;
  let n = 0;
  const u = g.utility;
  g.table.byUtility ??= new Ranking(u);
  for (const e of g.table.byUtility.descending((e) => u[e]! * d > board.reservation + EPS)) {
    const gain = g.utility[e]! * d - board.reservation;
    // Surplus can never exceed the discounted gain, so once that is below the best found, stop.
    if (gain <= bestS) break;
    const p = oddsAt(g, e);
    const surplus = expectedSurplus(board, p, gain, partnerAt(board, g, e));
    if (p >= t.minRatification - EPS && surplus > bestS) {
      bestS = surplus;
      bestE = e;
    }
    if (++n >= MAX_SCREENED) break;
  }
  const best = bestE >= 0 ? judgeAt(board, g, bestE) : null;
  const result = best && ratifiable(best, t, board) ? best : null;
  perOwn.set(key, result);
  return result;
}

/**
 * Our bid for a target surplus: among packages that our side would ratify and that meet the target, the
 * one the opponent model rates highest. With `below` (our previous offer), no issue is asked back: asking
 * for more than we last offered costs the other side's trust.
 */
export function findBid(board: Board, model: OpponentModel, t: Tactics, target: number, below?: Readonly<Record<number, number>>): Judgement | null {
  const g = gridOf(board, t.useCards);
  const { space, m, utility } = g;
  const theirs = opponentContribution(model);
  const cardWorth = g.cardSets.map((set) => set.reduce((a, id) => a + (model.cardValue[id] ?? 0), 0));
  const options = [...board.ledger];
  const d = board.discountNow;
  const need = Math.max(target, EPS);
  // Only candidates that can meet the target (and ask nothing back) are decoded and scored.
  const keep = (e: number) => {
    if (utility[e]! * d - board.reservation < need - EPS) return false;
    if (!below) return true;
    decodeInto(space, Math.floor(e / m), options);
    for (const i of space.issues) if (below[i] !== undefined && board.own.values[i]![options[i]!]! > board.own.values[i]![below[i]!]! + EPS) return false;
    return true;
  };
  // The opponent model's estimate of the package's worth to them; ties go to the package better for us.
  const score = (e: number) => {
    decodeInto(space, Math.floor(e / m), options);
    let v = cardWorth[e % m]! + 1e-6 * utility[e]!;
    for (const i of space.issues) v += theirs[i]![options[i]!]!;
    return v;
  };
  let n = 0;
  for (const e of descending(utility.length, score, keep)) {
    const p = oddsAt(g, e);
    if (p >= t.minRatification - EPS && expectedSurplus(board, p, utility[e]! * d - board.reservation, partnerAt(board, g, e)) >= target - EPS) {
      const j = judgeAt(board, g, e);
      if (ratifiable(j, t, board) && j.surplus >= target - 1e-6) return j;
    }
    if (++n >= MAX_SCREENED) break;
  }
  return null;
}

/** Hill-climbs towards the package our side is most likely to ratify while still beating acting alone. */
export function mostRatifiable(board: Board, start: readonly number[]): Judgement {
  let cur = judge(board, start);
  for (let guard = 0; guard < 50; guard++) {
    let next: Judgement | null = null;
    for (const i of board.open)
      for (const o of board.allowed[i]!) {
        if (o === cur.options[i]) continue;
        const options = [...cur.options];
        options[i] = o;
        const j = judge(board, options);
        if (j.discounted <= board.reservation + EPS) continue;
        if (j.odds.probability > (next ?? cur).odds.probability + EPS) next = j;
      }
    if (!next) break;
    cur = next;
  }
  return cur;
}
