// What we would table now: a time-dependent concession curve (Boulware, linear or Conceder, after
// Genius's TimeDependentAgent: target = floor + (best − floor)(1 − t^(1/e))), adjusted by reciprocity —
// a concession from the other side is answered in kind, a retraction is met by holding our position —
// and never below what the other side has already offered us.
import type { RngStream } from '../engine';
import { bestSurplus, findBid } from './bidding';
import { type Board, indicesOf, type Judgement, judge } from './board';
import { learnOpponent, type OpponentModel } from './opponent-model';
import type { Tactics } from './tactics';

export type PlanMode = 'open' | 'curve' | 'reciprocate' | 'hold' | 'theirs';

export interface Plan {
  model: OpponentModel;
  /** Our best ratifiable package, or null when our side would ratify nothing that beats acting alone. */
  best: Judgement | null;
  /** What we would table now (null only when `best` is null). */
  bid: Judgement | null;
  target: number;
  mode: PlanMode;
  /** Our previous offer, judged as things stand now. */
  lastMine: Judgement | null;
  /** Our previous offer's options (issue index -> option index). */
  lastMineOptions: Record<number, number> | null;
  /** What the other side's latest offer gained us over its previous one, in our utility (negative: it asked back). */
  theirMove: number;
  /** The best complete offer the other side has made (without its cards), judged now; null if none covers the open issues. */
  theirBest: Judgement | null;
}

/** The concession curve's demanded surplus at normalised time `time`. */
export function curveTarget(best: number, t: Tactics, time: number): number {
  const floor = t.floor * best;
  const f = Math.min(1, Math.max(0, time)) ** (1 / t.exponent);
  return floor + (best - floor) * (1 - f);
}

/** Normalised time of the next round (1 at or after the deadline). */
export function nextTime(board: Board): number {
  const deadline = board.view.deadline;
  return deadline > 0 ? Math.min(1, (board.view.round + 1) / deadline) : 1;
}

/** Whether the offer we make now is the game's last word: the last round, and no counter can follow it. */
export function finalSay(board: Board): boolean {
  const v = board.view;
  if (board.roundsLeft > 0) return false;
  const max = v.scenario.rules.maxCounters;
  return v.phase === 'response' ? v.counters + 1 >= max : max === 0;
}

/** Below this (our utility), a move by the other side is noise, not a concession or a retraction. */
const MOVE_NOISE = 0.01;
/** Reciprocity answers at most this share of our best surplus in one move: a wild swing is not matched. */
const MAX_ANSWER = 0.15;

/** What the other side's later offer gives us over its earlier one, on the issues both name, in our utility. */
function gainToUs(board: Board, before: Record<number, number>, after: Record<number, number>): number {
  let d = 0;
  for (const key in after) {
    const i = Number(key);
    if (before[i] === undefined) continue;
    d += board.own.weights[i]! * (board.own.values[i]![after[i]!]! - board.own.values[i]![before[i]!]!);
  }
  return d;
}

/** Whether, by the opponent model, the other side asked back more than it gave (a real retraction, not a trade). */
function askedBack(model: OpponentModel, before: Record<number, number>, after: Record<number, number>): boolean {
  let d = 0;
  for (const key in after) {
    const i = Number(key);
    if (before[i] !== undefined) d += model.weights[i]! * (model.values[i]![after[i]!]! - model.values[i]![before[i]!]!);
  }
  return d > MOVE_NOISE;
}

/** Their best offer for us among those that name every open issue (the ledger fills the rest). */
function bestOfTheirs(board: Board): Judgement | null {
  let best: Judgement | null = null;
  for (const offer of board.view.offers) {
    if (offer.by !== board.opponent) continue;
    const named = indicesOf(board, offer.package);
    if (!board.open.every((i) => named[i] !== undefined && board.allowed[i]!.includes(named[i]!))) continue;
    const j = judge(
      board,
      board.ledger.map((o, i) => (o >= 0 ? o : named[i]!)),
    );
    if (!best || j.surplus > best.surplus) best = j;
  }
  return best;
}

export function plan(board: Board, t: Tactics, rng: RngStream, time = board.time): Plan {
  const model = learnOpponent(board, t.learning);
  const best = bestSurplus(board, t);
  const mine = board.view.offers.filter((o) => o.by === board.side);
  const theirs = board.view.offers.filter((o) => o.by === board.opponent).slice(-2);
  const last = mine[mine.length - 1];
  const lastMineOptions = last ? indicesOf(board, last.package) : null;
  const lastMine = lastMineOptions
    ? judge(
        board,
        board.ledger.map((o, i) => (o >= 0 ? o : (lastMineOptions[i] ?? 0))),
        last!.cards.filter((c) => board.cards.some((x) => x.id === c)),
      )
    : null;
  let theirMove = 0;
  let retracted = false;
  if (theirs.length === 2) {
    const before = indicesOf(board, theirs[0]!.package);
    const after = indicesOf(board, theirs[1]!.package);
    theirMove = gainToUs(board, before, after);
    retracted = theirMove < -MOVE_NOISE && askedBack(model, before, after);
  }
  const theirBest = bestOfTheirs(board);
  const base = { model, best, lastMine, lastMineOptions, theirMove, theirBest };
  if (!best) return { ...base, bid: null, target: 0, mode: 'curve' };

  const floor = t.floor * best.surplus;
  let target = curveTarget(best.surplus, t, time);
  if (t.noise > 0) target -= rng.float() * t.noise * Math.max(0, target - floor);
  let mode: PlanMode = lastMine ? 'curve' : 'open';
  if (lastMine) {
    // Tit-for-tat on concessions: our step is a blend of the curve's step and a mirror of theirs, so an
    // opponent that does not move slows us down. In the last rounds the curve alone decides.
    const curveStep = Math.max(0, lastMine.surplus - target);
    const mirror = Math.min(Math.max(0, theirMove) * board.discountNow, MAX_ANSWER * best.surplus);
    let step = curveStep;
    if (retracted && board.roundsLeft >= 2) {
      step = 0;
      mode = 'hold';
    } else if (board.roundsLeft >= 2) {
      step = (1 - t.reciprocity) * curveStep + t.reciprocity * mirror;
      if (theirMove > MOVE_NOISE && mirror > curveStep) mode = 'reciprocate';
    }
    target = Math.max(lastMine.surplus - step, Math.min(floor, lastMine.surplus));
  }
  // Our last offer of the game, which they can only take or leave: any deal that beats none is worth
  // making, so ask for no more than the curve's floor — the package they should like best among those.
  if (finalSay(board)) target = Math.min(target, 0);
  // Never settle for less than the other side has already put on the table.
  if (theirBest && theirBest.surplus > target) {
    target = theirBest.surplus;
    if (mode !== 'open') mode = 'theirs';
  }
  target = Math.max(target, 0);
  const bid = (lastMineOptions && findBid(board, model, t, target, lastMineOptions)) || findBid(board, model, t, target) || best;
  return { ...base, bid, target, mode };
}
