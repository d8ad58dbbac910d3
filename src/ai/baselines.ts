// Baselines for evaluating the AI: random legal play, the pure time-dependent negotiators of Genius
// (Boulware e = 0.2, linear e = 1, Conceder e = 2; target = reservation + (best − reservation)(1 − t^(1/e)),
// bid the package closest above the target, accept what beats the next bid), a naive tit-for-tat that
// concedes exactly what the other side conceded, and an immovable agent that never concedes. None of them
// looks at ratification or spends political capital.
import type { Action, RngStream, View } from '../engine';
import { type Board, complete, indicesOf, judge, openPackage, readBoard } from './board';
import { reason } from './reasons';
import { scriptedPolicy } from './scripted';
import { makeSpace, optionsOf, sums } from './space';
import type { Decision, Policy } from './types';

const EPS = 1e-9;
const pick = <T>(rng: RngStream, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

// The baselines' package tables, kept per weights array (replaced by the engine when a weight moves).
const spaces = new WeakMap<object, Map<string, { space: ReturnType<typeof makeSpace>; utility: number[] }>>();

function fullSpace(board: Board) {
  const key = `${board.ledger.join(',')}|${JSON.stringify(board.allowed)}`;
  let perWeights = spaces.get(board.own.weights);
  if (!perWeights) {
    perWeights = new Map();
    spaces.set(board.own.weights, perWeights);
  }
  const hit = perWeights.get(key);
  if (hit) return hit;
  const space = makeSpace(
    board.open,
    board.open.map((i) => board.allowed[i]!),
  );
  const contribution = board.own.values.map((vals, i) => vals.map((v) => board.own.weights[i]! * v));
  let ledgerValue = 0;
  board.ledger.forEach((o, i) => {
    if (o >= 0) ledgerValue += contribution[i]![o]!;
  });
  const u = sums(space, contribution);
  for (let c = 0; c < u.length; c++) u[c]! += ledgerValue;
  const table = { space, utility: u };
  perWeights.set(key, table);
  return table;
}

/** The package whose utility is closest to the target from above (the best one if none reaches it). */
function closestAbove(board: Board, target: number, rng: RngStream): number[] {
  const { space, utility } = fullSpace(board);
  let bestU = Number.POSITIVE_INFINITY;
  let top = Number.NEGATIVE_INFINITY;
  for (const u of utility) {
    if (u >= target - EPS && u < bestU) bestU = u;
    if (u > top) top = u;
  }
  const aim = Number.isFinite(bestU) ? bestU : top;
  const ties: number[] = [];
  for (let c = 0; c < utility.length; c++) if (Math.abs(utility[c]! - aim) < 1e-6) ties.push(c);
  return optionsOf(space, pick(rng, ties), board.ledger);
}

function bestUtility(board: Board): number {
  const { utility } = fullSpace(board);
  let top = Number.NEGATIVE_INFINITY;
  for (const u of utility) if (u > top) top = u;
  return top;
}

/** Responds by the offer's own utility (open issues it leaves out at our bid) against our next bid. */
function respondByUtility(board: Board, bid: readonly number[], code: Decision['rationale']['code']): Decision {
  const view = board.view;
  const seat = view.seat;
  const offered = indicesOf(board, view.offer!.package);
  const options = board.ledger.map((o, i) => (o >= 0 ? o : (offered[i] ?? bid[i]!)));
  const cards = view.offer!.cards.filter((c) => view.cards.some((x) => x.id === c && x.available && !x.used));
  const offerU = judge(board, options, cards).utility;
  const bidU = judge(board, bid).utility;
  if (offerU >= bidU - EPS && offerU > board.reservation) return { action: { type: 'accept', seat }, rationale: reason(code) };
  if (view.counters < view.scenario.rules.maxCounters)
    return { action: { type: 'counter', seat, package: openPackage(board, bid) }, rationale: reason(code) };
  return { action: { type: 'reject', seat }, rationale: reason(code) };
}

function tableOrRespond(board: Board, bid: readonly number[], code: Decision['rationale']['code']): Decision {
  const seat = board.view.seat;
  if (board.view.phase === 'domestic') return { action: { type: 'pass', seat }, rationale: reason(code) };
  if (board.view.phase === 'response' && board.view.offer) return respondByUtility(board, bid, code);
  return { action: { type: 'propose', seat, package: openPackage(board, bid) }, rationale: reason(code) };
}

/** Genius's TimeDependentAgent with exponent e. */
export function timeDependentPolicy(e: number): Policy {
  return (view, rng) => {
    const board = readBoard(view);
    const best = bestUtility(board);
    const target = board.reservation + (best - board.reservation) * (1 - board.time ** (1 / e));
    return tableOrRespond(board, closestAbove(board, target, rng), 'baselineCurve');
  };
}

/** Naive tit-for-tat: opens with its best and then concedes, in its own utility, what the other side just conceded. */
export const titForTatPolicy: Policy = (view, rng) => {
  const board = readBoard(view);
  const mine = view.offers.filter((o) => o.by === board.side);
  const theirs = view.offers.filter((o) => o.by === board.opponent);
  let target = bestUtility(board);
  const last = mine[mine.length - 1];
  if (last) {
    const lastU = judge(board, complete(board, indicesOf(board, last.package))).utility;
    let conceded = 0;
    if (theirs.length >= 2) {
      const a = judge(board, complete(board, indicesOf(board, theirs[theirs.length - 2]!.package))).utility;
      const b = judge(board, complete(board, indicesOf(board, theirs[theirs.length - 1]!.package))).utility;
      conceded = Math.max(0, b - a);
    }
    target = Math.max(board.reservation, lastU - conceded);
  }
  return tableOrRespond(board, closestAbove(board, target, rng), 'baselineMirror');
};

/** Never concedes: tables its best package every time and accepts nothing. */
export const immovablePolicy: Policy = (view, rng) => {
  const board = readBoard(view);
  const best = closestAbove(board, Number.POSITIVE_INFINITY, rng);
  const seat = view.seat;
  if (view.phase === 'response') {
    const action: Action =
      view.counters < view.scenario.rules.maxCounters ? { type: 'counter', seat, package: openPackage(board, best) } : { type: 'reject', seat };
    return { action, rationale: reason('baselineImmovable') };
  }
  return tableOrRespond(board, best, 'baselineImmovable');
};

/** A legal move picked at random (a few illegal-looking choices are avoided by construction). */
export const randomPolicy: Policy = (view: View, rng: RngStream) => {
  const board = readBoard(view);
  const seat = view.seat;
  const r = rng.float();
  const rationale = reason('baselineRandom');
  const randomPackage = () => {
    const chosen = board.open.filter(() => rng.float() < 0.6);
    const issues = chosen.length ? chosen : [pick(rng, board.open)];
    const options = complete(board, {});
    for (const i of issues) options[i] = pick(rng, board.allowed[i]!);
    return openPackage(board, options, issues);
  };
  if (view.phase === 'domestic') {
    if (r < 0.15 && board.own.capital > 0) {
      const c = pick(rng, board.own.constituencies);
      return { action: { type: 'lobby', seat, constituency: c.id, amount: 1 + rng.int(board.own.capital) }, rationale };
    }
    return { action: { type: 'pass', seat }, rationale };
  }
  if (view.phase === 'response' && view.offer) {
    const offered = Object.keys(view.offer.package);
    if (r < 0.3) return { action: { type: 'accept', seat }, rationale };
    if (r < 0.45) return { action: { type: 'accept', seat, issues: offered.filter(() => rng.float() < 0.5).concat(offered[0]!) }, rationale };
    if (r < 0.7 && view.counters < view.scenario.rules.maxCounters) return { action: { type: 'counter', seat, package: randomPackage() }, rationale };
    if (r < 0.71) return { action: { type: 'walkAway', seat }, rationale };
    return { action: { type: 'reject', seat }, rationale };
  }
  return { action: { type: 'propose', seat, package: randomPackage() }, rationale };
};

/** The simple scripted opponent, as a baseline. */
export const scriptedBaseline: Policy = (view) => ({ action: scriptedPolicy(view), rationale: reason('baselineScripted') });
