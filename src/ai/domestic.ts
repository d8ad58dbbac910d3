// The domestic phase: spend political capital where it raises the ratification chance of the package we
// are pursuing most — lobbying the least convinced voter, or (for personas that do) a public statement that
// rallies those who like a line we will hold anyway — and pass when nothing helps enough.
import { clamp01, type RngStream, type SideView } from '../engine';
import { findBid, mostRatifiable } from './bidding';
import { type Board, complete, type Judgement, judge, pct } from './board';
import { plan } from './planning';
import { reason } from './reasons';
import type { Tactics } from './tactics';
import type { Decision } from './types';

/** Smallest rise in the ratification chance worth a point of capital. */
const MIN_GAIN = 0.005;

function lobbied(own: SideView, constituency: string, amount: number, effect: number): SideView {
  return { ...own, constituencies: own.constituencies.map((c) => (c.id === constituency ? { ...c, support: clamp01(c.support + effect * amount) } : c)) };
}

function stated(own: SideView, issue: number, option: number, effect: number): SideView {
  return {
    ...own,
    constituencies: own.constituencies.map((c) => {
      const st = c.stakes[issue];
      return st ? { ...c, support: clamp01(c.support + effect * st.weight * (st.values[option]! - st.values[0]!)) } : c;
    }),
  };
}

interface Lobby {
  constituency: string;
  amount: number;
  after: Judgement;
}

/** The voter whose lobbying raises the chance most, and how many points are worth spending on it now. */
function bestLobby(board: Board, focus: Judgement, spendable: number, until: number): Lobby | null {
  const effect = board.view.scenario.rules.lobbyEffect;
  let best: Lobby | null = null;
  for (const v of focus.odds.voters) {
    const after = judge(board, focus.options, focus.cards, lobbied(board.own, v.id, 1, effect));
    if (after.odds.probability - focus.odds.probability >= MIN_GAIN && (!best || after.odds.probability > best.after.odds.probability))
      best = { constituency: v.id, amount: 1, after };
  }
  if (!best) return null;
  while (best.amount < spendable && best.after.odds.probability < until) {
    const more = judge(board, focus.options, focus.cards, lobbied(board.own, best.constituency, best.amount + 1, effect));
    if (more.odds.probability - best.after.odds.probability < MIN_GAIN) break;
    best = { ...best, amount: best.amount + 1, after: more };
  }
  return best;
}

/** Whether all the capital we have and will get could lift a package to our ratification line. */
export function lobbyingCouldReach(board: Board, t: Tactics, j: Judgement): boolean {
  const effect = board.view.scenario.rules.lobbyEffect;
  let own = board.own;
  let cur = j;
  const points = board.own.capital + board.own.capitalPerRound * board.roundsLeft;
  for (let k = 0; k < points && cur.odds.probability < t.minRatification; k++) {
    let next: { own: SideView; j: Judgement } | null = null;
    for (const v of cur.odds.voters) {
      const o = lobbied(own, v.id, 1, effect);
      const after = judge(board, j.options, j.cards, o);
      if (!next || after.odds.probability > next.j.odds.probability) next = { own: o, j: after };
    }
    if (!next || next.j.odds.probability <= cur.odds.probability) break;
    own = next.own;
    cur = next.j;
  }
  return cur.odds.probability >= t.minRatification;
}

interface Statement {
  issue: number;
  option: number;
  after: Judgement;
}

/** A public statement on an issue, for the line we would hold even at our floor (the lesser, for us, of the two bids). */
function statementOn(board: Board, focus: Judgement, floor: Judgement, i: number): Statement {
  const own = board.own;
  const a = focus.options[i]!;
  const b = floor.options[i]!;
  const option = own.values[i]![a]! <= own.values[i]![b]! ? a : b;
  const after = judge(board, focus.options, focus.cards, stated(own, i, option, board.view.scenario.rules.statementEffect), {
    ...board.approval,
    commitments: { ...board.approval.commitments, [i]: option },
  });
  return { issue: i, option, after };
}

function statementDecision(board: Board, focus: Judgement, s: Statement, code: 'statement' | 'commit'): Decision {
  const issue = board.view.scenario.issues[s.issue]!;
  const option = issue.options[s.option]!.id;
  return {
    action: { type: 'statement', seat: board.view.seat, issue: issue.id, option },
    rationale: reason(code, { issue: issue.id, option, before: pct(focus.odds.probability), after: pct(s.after.odds.probability) }, focus, board),
  };
}

function lobbyDecision(board: Board, focus: Judgement, lobby: Lobby): Decision {
  const before = focus.odds.voters.find((v) => v.id === lobby.constituency)!.approval;
  const after = lobby.after.odds.voters.find((v) => v.id === lobby.constituency)!.approval;
  return {
    action: { type: 'lobby', seat: board.view.seat, constituency: lobby.constituency, amount: lobby.amount },
    rationale: reason(
      'lobby',
      {
        constituency: lobby.constituency,
        amount: lobby.amount,
        approvalBefore: pct(before),
        approvalAfter: pct(after),
        before: pct(focus.odds.probability),
        after: pct(lobby.after.odds.probability),
      },
      focus,
      board,
    ),
  };
}

export function domesticMove(board: Board, t: Tactics, rng: RngStream): Decision {
  const seat = board.view.seat;
  const own = board.own;
  if (own.capital <= 0) return { action: { type: 'pass', seat }, rationale: reason('passNoCapital') };
  const p = plan(board, t, rng);
  // The package we pursue: what we would table next, or the closest to ratifiable if nothing is.
  const focus = p.bid ?? mostRatifiable(board, complete(board, {}));
  const pass = (): Decision => ({ action: { type: 'pass', seat }, rationale: reason('pass', { ratification: pct(focus.odds.probability) }, focus, board) });
  // Nothing said or spent after the last round's talks can change an outcome any more.
  if (!t.lobby || board.roundsLeft === 0) return pass();
  const spendable = own.capital - t.capitalReserve;
  const cost = board.view.scenario.rules.statementCost;
  if (spendable <= 0) return pass();

  const canState = t.statements && spendable >= cost;
  const floor = canState && p.best ? (findBid(board, p.model, t, t.floor * p.best.surplus) ?? focus) : focus;
  // Personas that go public commit once, early, to the line they will hold on their weightiest issue:
  // the other side learns where they stand firm, and their own supporters rally (or at least do not fall).
  if (canState && Object.keys(board.approval.commitments).length === 0 && board.open.length > 1) {
    const top = board.open.reduce((a, b) => (own.weights[b]! > own.weights[a]! ? b : a));
    const commit = statementOn(board, focus, floor, top);
    if (commit.after.odds.probability >= focus.odds.probability - 1e-9) return statementDecision(board, focus, commit, 'commit');
  }
  if (focus.odds.probability >= t.lobbyUntil) return pass();

  const lobby = bestLobby(board, focus, spendable, t.lobbyUntil);
  if (canState) {
    // A statement rallies every constituency with a stake at once: worth it when it beats lobbying point for point.
    let best: Statement | null = null;
    for (const i of board.open) {
      if (board.approval.commitments[i] !== undefined) continue;
      const s = statementOn(board, focus, floor, i);
      if (!best || s.after.odds.probability > best.after.odds.probability) best = s;
    }
    const perPoint = lobby ? (lobby.after.odds.probability - focus.odds.probability) / lobby.amount : 0;
    const gain = best ? best.after.odds.probability - focus.odds.probability : 0;
    if (best && gain >= MIN_GAIN && gain >= perPoint * Math.max(1, cost)) return statementDecision(board, focus, best, 'statement');
  }
  return lobby ? lobbyDecision(board, focus, lobby) : pass();
}
