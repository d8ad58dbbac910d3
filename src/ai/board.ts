// One decision's reading of the table, built from the delegation's projection only: which issues are
// open, which options may be offered, the delegation's own numbers, and how a package is judged —
// with exactly the engine functions evaluateDraft uses, so the AI and the player's screen agree.
import {
  type ApprovalContext,
  other,
  packageUtility,
  type RatificationOdds,
  ratificationOdds,
  type Side,
  type SideView,
  type View,
} from '../engine';
import { instrumentRanks } from '../engine/evaluate';
import { instrumentRank } from '../engine/model';

export interface OwnCard {
  id: string;
  ownValue: number;
  rank: number;
}

export interface Board {
  view: View;
  side: Side;
  opponent: Side;
  own: SideView;
  issueCount: number;
  /** Option index per issue from the ledger, or -1 while open. */
  ledger: number[];
  open: number[];
  /** Options that may still be offered, per issue. */
  allowed: number[][];
  ranks: readonly (readonly number[])[];
  approval: ApprovalContext;
  /** Own linkage cards that can still go on the table. */
  cards: OwnCard[];
  ledgerCards: readonly string[];
  /** Discount factor applied to a deal signed now (engine time, view.t). */
  discountNow: number;
  /** Normalised time towards the current deadline, 0..1 (moves when a shock moves the deadline). */
  time: number;
  roundsLeft: number;
  reservation: number;
  /** Working tables of this one decision (dropped with the board, so they never outlive it). */
  memo: Map<string, unknown>;
  /** A declared gambler values a package as if its own side will ratify it (it still keeps its own line). */
  gambler: boolean;
}

export interface Judgement {
  options: number[];
  cards: string[];
  utility: number;
  discounted: number;
  odds: RatificationOdds;
  /** Expected gain over acting alone, counting only this side's ratification risk (a gambler ignores it). */
  surplus: number;
}

const optionIndex = (view: View, i: number, id: string | undefined) =>
  id === undefined ? -1 : view.scenario.issues[i]!.options.findIndex((o) => o.id === id);

export function readBoard(view: View, gambler = false): Board {
  const own = view.own;
  const side = view.side;
  if (!own || !side) throw new Error('a policy needs a delegation seat');
  const issues = view.scenario.issues;
  const ledger = issues.map((issue, i) => optionIndex(view, i, view.ledger[issue.id]));
  const commitments: Record<number, number> = {};
  issues.forEach((issue, i) => {
    const o = optionIndex(view, i, view.commitments[side][issue.id]);
    if (o >= 0) commitments[i] = o;
  });
  const allowed = issues.map((issue) => {
    const gone = view.withdrawn[issue.id] ?? [];
    return issue.options.map((_, o) => o).filter((o) => !gone.includes(issue.options[o]!.id));
  });
  const cards = view.cards
    .filter((c) => c.holder === side && c.available && !c.used)
    .map((c) => ({
      id: c.id,
      ownValue: c.ownValue ?? 0,
      rank: instrumentRank((view.scenario.cards.find((x) => x.id === c.id)?.instrument[side] ?? 'executive') as 'executive'),
    }));
  const deadline = Math.max(view.deadline, 0);
  return {
    view,
    side,
    opponent: other(side),
    own,
    issueCount: issues.length,
    ledger,
    open: ledger.flatMap((o, i) => (o < 0 ? [i] : [])),
    allowed,
    ranks: instrumentRanks(view)[side],
    approval: {
      trust: own.trust,
      trustApprovalEffect: view.scenario.rules.trustApprovalEffect,
      commitments,
      audienceCost: view.scenario.rules.audienceCost,
    },
    cards,
    ledgerCards: view.ledgerCards,
    discountNow: own.discount ** view.t,
    time: deadline > 0 ? Math.min(1, view.round / deadline) : 1,
    roundsLeft: Math.max(0, deadline - view.round),
    reservation: own.reservation,
    memo: new Map(),
    gambler,
  };
}

/** Card value and instrument ranks of the ledger's cards plus the given ones, in evaluateDraft's order. */
function cardTerms(board: Board, cards: readonly string[]): { value: number; ranks: number[] } {
  const view = board.view;
  let value = 0;
  const ranks: number[] = [];
  for (const c of [...board.ledgerCards, ...cards]) {
    value += view.cards.find((x) => x.id === c)?.ownValue ?? 0;
    ranks.push(instrumentRank((view.scenario.cards.find((x) => x.id === c)?.instrument[board.side] ?? 'executive') as 'executive'));
  }
  return { value, ranks };
}

/** Judges a complete package (option index per issue) with the given cards, as evaluateDraft would. */
export function judge(board: Board, options: readonly number[], cards: readonly string[] = [], own: SideView = board.own, approval = board.approval): Judgement {
  const terms = cardTerms(board, cards);
  const utility = packageUtility(own, options, terms.value);
  const discounted = utility * own.discount ** board.view.t;
  const odds = ratificationOdds(own, board.ranks, options, approval, terms.ranks);
  return { options: [...options], cards: [...cards], utility, discounted, odds, surplus: riskWeight(board, odds.probability) * (discounted - board.reservation) };
}

/** The complete package: the ledger, then the given options for open issues, then the status quo. */
export function complete(board: Board, partial: Readonly<Record<number, number>>): number[] {
  return board.ledger.map((o, i) => (o >= 0 ? o : (partial[i] ?? 0)));
}

/** Option indices of a public package (issue id -> option id). */
export function indicesOf(board: Board, pkg: Readonly<Record<string, string>>): Record<number, number> {
  const out: Record<number, number> = {};
  board.view.scenario.issues.forEach((issue, i) => {
    const o = optionIndex(board.view, i, pkg[issue.id]);
    if (o >= 0) out[i] = o;
  });
  return out;
}

/** The public form of the open part of a package (what a proposal names). */
export function openPackage(board: Board, options: readonly number[], only?: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  const issues = board.view.scenario.issues;
  for (const i of only ?? board.open) out[issues[i]!.id] = issues[i]!.options[options[i]!]!.id;
  return out;
}

/** The public form of a complete package. */
export function fullPackage(board: Board, options: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  board.view.scenario.issues.forEach((issue, i) => {
    out[issue.id] = issue.options[options[i]!]!.id;
  });
  return out;
}

export const pct = (x: number): number => Math.round(x * 100);

/** How much the chance of our own ratification weighs in a package's worth: fully, or not at all for a gambler. */
export const riskWeight = (board: Board, probability: number): number => (board.gambler ? 1 : probability);
