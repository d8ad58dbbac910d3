// Building rationales from what a policy computed. Numbers are whole percentages of values the policy
// used; nothing here computes anything new, so a reason cannot state a number the policy did not use.
import { SAFE_RATIFICATION } from '../content/persona-schema';
import { type Board, fullPackage, type Judgement, pct } from './board';
import type { RationaleCode } from './rationale-codes';
import type { Rationale } from './types';

export function reason(code: RationaleCode, params: Rationale['params'] = {}, about?: Judgement, board?: Board): Rationale {
  const r: Rationale = { code, params };
  if (about && board) {
    r.package = fullPackage(board, about.options);
    if (about.cards.length) r.cards = [...about.cards];
  }
  return r;
}

export function withNotes(r: Rationale, notes: (Rationale | null | undefined)[]): Rationale {
  const kept = notes.filter((n): n is Rationale => !!n);
  return kept.length ? { ...r, notes: [...(r.notes ?? []), ...kept] } : r;
}

export const issueList = (board: Board, issues: readonly number[]): string => issues.map((i) => board.view.scenario.issues[i]!.id).join(',');

/** A shock that landed this round: we have re-read our numbers, the deadline and the time left. */
export function shockNote(board: Board): Rationale | null {
  const view = board.view;
  const fresh = view.fired.filter((f) => f.round === view.round);
  // Said once: with our first move of the round.
  if (!fresh.length || view.offers.some((o) => o.round === view.round && o.by === board.side)) return null;
  return reason('shock', { shock: fresh[fresh.length - 1]!.id, roundsLeft: board.roundsLeft });
}

/** A declared gambler says so whenever it signs or tables below the safe ratification line. */
export function gambleNote(j: Judgement): Rationale | null {
  return j.odds.probability < SAFE_RATIFICATION ? reason('gamble', { ratification: pct(j.odds.probability) }) : null;
}

export function linkageNote(j: Judgement): Rationale | null {
  return j.cards.length ? reason('linkage', { cards: j.cards.join(',') }) : null;
}

/**
 * Why our side would not ratify a package: its least convinced voter, the issue that costs that voter
 * most, and the numbers (approval against the threshold, and the ratification chance).
 */
export function domesticObjection(board: Board, j: Judgement): Rationale['params'] {
  const voters = j.odds.voters;
  let weakest = voters[0]!;
  for (const v of voters) if (v.approval < weakest.approval) weakest = v;
  const c = board.own.constituencies.find((x) => x.id === weakest.id)!;
  let issue = -1;
  let worst = Number.POSITIVE_INFINITY;
  let heaviest = -1;
  c.stakes.forEach((st, i) => {
    if (!st) return;
    const effect = st.weight * (st.values[j.options[i]!]! - st.values[0]!);
    if (effect < worst - 1e-12) {
      worst = effect;
      issue = i;
    }
    if (heaviest < 0 || st.weight > c.stakes[heaviest]!.weight) heaviest = i;
  });
  if (worst >= 0) issue = heaviest;
  return {
    constituency: weakest.id,
    issue: issue >= 0 ? board.view.scenario.issues[issue]!.id : board.view.scenario.issues[0]!.id,
    approval: pct(weakest.approval),
    threshold: pct(j.odds.threshold),
    ratification: pct(j.odds.probability),
  };
}
