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
  /** What it costs us, below acting alone, when our own side rejects a deal we signed (public rule). */
  failureCost: number;
  /** Instrument rank each option needs on the other side (public). */
  partnerRanks: readonly (readonly number[])[];
  /** Believed chance the other side ratifies, by that instrument rank. */
  partnerOdds: readonly number[];
}

export interface Judgement {
  options: number[];
  cards: string[];
  utility: number;
  discounted: number;
  odds: RatificationOdds;
  /** Believed chance the other side ratifies it (from the instrument it needs there). */
  partner: number;
  /** Expected gain over acting alone: the deal pays only if both sides ratify, and our own rejection costs (a gambler ignores both). */
  surplus: number;
}

/** A board that ignores the other side's ratification (baselines, tests). */
export const NO_PARTNER_RISK: readonly number[] = [1, 1, 1];

const optionIndex = (view: View, i: number, id: string | undefined) =>
  id === undefined ? -1 : view.scenario.issues[i]!.options.findIndex((o) => o.id === id);

export function readBoard(view: View, gambler = false, partnerOdds: readonly number[] = NO_PARTNER_RISK): Board {
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
    failureCost: view.scenario.rules.failedRatificationCost,
    partnerRanks: instrumentRanks(view)[other(side)],
    partnerOdds,
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
  const partner = partnerOddsOf(board, options, partnerCardRanks(board, cards));
  return { options: [...options], cards: [...cards], utility, discounted, odds, partner, surplus: expectedSurplus(board, odds.probability, discounted - board.reservation, partner) };
}

/** Instrument ranks the ledger's cards and the given ones need on the other side. */
export function partnerCardRanks(board: Board, cards: readonly string[]): number[] {
  const out: number[] = [];
  for (const c of [...board.ledgerCards, ...cards])
    out.push(instrumentRank((board.view.scenario.cards.find((x) => x.id === c)?.instrument[board.opponent] ?? 'executive') as 'executive'));
  return out;
}

/** The believed chance the other side ratifies a package: by the highest instrument it needs there. */
export function partnerOddsOf(board: Board, options: readonly number[], cardRanks: readonly number[]): number {
  let rank = 0;
  for (let i = 0; i < options.length; i++) rank = Math.max(rank, board.partnerRanks[i]![options[i]!]!);
  for (const r of cardRanks) rank = Math.max(rank, r);
  return board.partnerOdds[rank]!;
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

/**
 * A package's expected gain over acting alone: `gain` if both sides ratify it (ours with `probability`, theirs
 * with the believed `partner` chance), minus the failure cost if our own side rejects it. A gambler counts on
 * ratification.
 */
export const expectedSurplus = (board: Board, probability: number, gain: number, partner = 1): number =>
  board.gambler ? gain : probability * partner * gain - (1 - probability) * board.failureCost;
