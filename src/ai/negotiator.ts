// The negotiating AI: a pure function of the delegation's projection, its tactics (persona × difficulty)
// and a seeded stream, returning an action and its reason. Proposals and responses live here; the
// domestic phase is in domestic.ts.
import type { RngStream, View } from '../engine';
import { mostRatifiable } from './bidding';
import { type Board, complete, indicesOf, type Judgement, judge, openPackage, pct, readBoard } from './board';
import { lobbyingCouldReach, domesticMove } from './domestic';
import { curveTarget, nextTime, type Plan, plan } from './planning';
import { domesticObjection, gambleNote, issueList, linkageNote, reason, shockNote, withNotes } from './reasons';
import type { Tactics } from './tactics';
import type { Decision, Rationale } from './types';

const EPS = 1e-9;

export function negotiate(view: View, t: Tactics, rng: RngStream): Decision {
  const board = readBoard(view, t.gambler, t.partnerOdds);
  if (view.phase === 'domestic') return domesticMove(board, t, rng);
  if (view.phase === 'response' && view.offer) return respond(board, t, rng);
  return propose(board, t, rng);
}

/** Issues on which `next` gives up something against `before` (our values), among those named in both. */
function movedIssues(board: Board, before: Readonly<Record<number, number>> | null, next: readonly number[]): number[] {
  if (!before) return [];
  return board.open.filter((i) => before[i] !== undefined && board.own.values[i]![next[i]!]! < board.own.values[i]![before[i]!]! - EPS);
}

function firmNote(board: Board, p: Plan): Rationale | null {
  return p.model.firm.length && p.model.offers >= 2 ? reason('firm', { issues: issueList(board, p.model.firm) }) : null;
}

function proposalReason(board: Board, p: Plan, bid: Judgement): Rationale {
  const ratification = pct(bid.odds.probability);
  const moved = movedIssues(board, p.lastMineOptions, bid.options);
  let r: Rationale;
  if (p.mode === 'open' || !p.lastMine) r = reason('open', { ratification }, bid, board);
  else if (p.mode === 'hold') r = reason('hold', { ratification }, bid, board);
  else if (moved.length && p.mode === 'reciprocate') r = reason('reciprocate', { issues: issueList(board, moved), ratification }, bid, board);
  else if (moved.length) r = reason('concede', { issues: issueList(board, moved), ratification, roundsLeft: board.roundsLeft }, bid, board);
  else r = reason('stand', { ratification }, bid, board);
  return withNotes(r, [shockNote(board), moved.length ? firmNote(board, p) : null, linkageNote(bid), gambleNote(bid)]);
}

/** Our side would ratify nothing within reach: bank what can be banked without signing, or leave. */
function noWinset(board: Board, t: Tactics): Decision {
  const seat = board.view.seat;
  const closest = mostRatifiable(board, complete(board, {}));
  const params = { ratification: pct(closest.odds.probability) };
  if (board.open.length >= 2) {
    // A partial proposal cannot be signed on its own: the last open issue stays on the table.
    const named = board.open.slice(0, -1);
    return {
      action: { type: 'propose', seat, package: openPackage(board, closest.options, named) },
      rationale: withNotes(reason('noWinset', params, closest, board), [shockNote(board)]),
    };
  }
  if (!lobbyingCouldReach(board, t, closest)) return { action: { type: 'walkAway', seat }, rationale: reason('walkAway', params, closest, board) };
  // One issue left and capital that could still win the vote at home: the only proposal possible is the
  // one closest to ratifiable, tabled while we lobby — and said plainly.
  const issue = board.view.scenario.issues[board.open[0]!]!.id;
  return {
    action: { type: 'propose', seat, package: openPackage(board, closest.options) },
    rationale: reason('lastIssue', { issue, ...params }, closest, board),
  };
}

function propose(board: Board, t: Tactics, rng: RngStream): Decision {
  const p = plan(board, t, rng);
  if (!p.bid) return noWinset(board, t);
  const pkg = openPackage(board, p.bid.options);
  return {
    action: { type: 'propose', seat: board.view.seat, package: pkg, ...(p.bid.cards.length ? { cards: p.bid.cards } : {}) },
    rationale: proposalReason(board, p, p.bid),
  };
}

function respond(board: Board, t: Tactics, rng: RngStream): Decision {
  const view = board.view;
  const seat = view.seat;
  const offer = view.offer!;
  const offered = indicesOf(board, offer.package);
  const offeredOpen = board.open.filter((i) => offered[i] !== undefined);
  const p = plan(board, t, rng);
  const canCounter = view.counters < view.scenario.rules.maxCounters;
  // In the last round a counter-proposal may be turned down with nothing after it: take any deal that
  // beats having none (and that our side would ratify).
  const lastWord = board.roundsLeft === 0;
  const completes = offeredOpen.length === board.open.length;
  // Open issues the offer leaves out are judged at what we would ask for them.
  const fill = p.bid?.options ?? complete(board, {});
  const options = board.ledger.map((o, i) => (o >= 0 ? o : (offered[i] ?? fill[i]!)));
  // Cards travel with a whole acceptance, as the engine applies it (only those still available).
  const cards = offer.cards.filter((c) => view.cards.some((x) => x.id === c && x.available && !x.used));
  const j = judge(board, options, cards);

  // Accept what beats our own next offer (now, or next round if we cannot counter) and acting alone.
  let next = 0;
  if (p.best && !lastWord) next = canCounter ? (p.bid?.surplus ?? 0) : Math.min(p.target, curveTarget(p.best.surplus, t, nextTime(board)));
  const slack = lastWord || !p.best ? 0 : t.acceptSlack * p.best.surplus;
  const domesticOk = j.odds.probability >= t.minRatification - EPS;
  const valueOk = j.discounted > board.reservation + EPS && j.surplus > EPS && j.surplus >= next - slack - EPS;
  if (domesticOk && valueOk) {
    const ratification = pct(j.odds.probability);
    const code = !completes ? 'acceptPart' : lastWord ? 'acceptLastChance' : 'accept';
    const params: Rationale['params'] = code === 'acceptPart' ? { issues: issueList(board, offeredOpen), ratification } : { ratification };
    return { action: { type: 'accept', seat }, rationale: withNotes(reason(code, params, j, board), [shockNote(board), gambleNote(j)]) };
  }

  // When we cannot counter, bank the issues on which their offer is what we would ask ourselves: settled
  // issues go into the ledger instead of being lost with the rest of the offer. Never the last open
  // issues (that would sign a package we have not accepted as a whole).
  if (t.bankIssues && p.bid && !canCounter && !lastWord) {
    const bid = p.bid;
    const good = offeredOpen.filter((i) => board.own.values[i]![offered[i]!]! >= board.own.values[i]![bid.options[i]!]! - EPS);
    if (good.length && good.length < board.open.length) {
      const banked = [...bid.options];
      for (const i of good) banked[i] = offered[i]!;
      const after = judge(board, banked, bid.cards);
      if (after.odds.probability >= t.minRatification - EPS && after.discounted > board.reservation + EPS) {
        const names = good.map((i) => view.scenario.issues[i]!.id);
        return {
          action: { type: 'accept', seat, issues: names },
          rationale: withNotes(reason('bank', { issues: names.join(','), ratification: pct(after.odds.probability) }, after, board), [shockNote(board)]),
        };
      }
    }
  }

  const objection = domesticOk ? null : domesticObjection(board, j);
  const short = p.bid ? offeredOpen.filter((i) => board.own.values[i]![offered[i]!]! < board.own.values[i]![p.bid!.options[i]!]! - EPS) : [];
  const valueParams = { issues: issueList(board, short.length ? short : offeredOpen) };
  if (canCounter && p.bid) {
    const r = objection ? reason('counterDomestic', objection, j, board) : reason('counterValue', valueParams, j, board);
    return {
      action: { type: 'counter', seat, package: openPackage(board, p.bid.options), ...(p.bid.cards.length ? { cards: p.bid.cards } : {}) },
      rationale: withNotes(r, [proposalReason(board, p, p.bid)]),
    };
  }
  const r = objection ? reason('rejectDomestic', objection, j, board) : reason('rejectValue', valueParams, j, board);
  return { action: { type: 'reject', seat }, rationale: withNotes(r, [shockNote(board)]) };
}
