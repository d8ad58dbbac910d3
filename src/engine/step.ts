// The protocol as a pure reducer: step(state, action) -> { state, events }. An illegal action is
// refused with a typed reason and the state returned unchanged.
import { patch } from './state-copy';
import type { Scenario } from '../content/scenario-schema';
import { indexScenario, initialSideModel, instrumentRank } from './model';
import { nextFloats, seedRng } from './rng';
import { applyShock, checkOverrides, fireRoundShocks, pendingShocks } from './shocks';
import {
  type Action,
  type GameEvent,
  type GameOptions,
  type GameState,
  type Offer,
  type Outcome,
  other,
  type RatificationResult,
  type Refusal,
  type RefusalCode,
  type Role,
  type Side,
  type StepResult,
} from './types';
import { clamp01, discounted, packageUtility, ratificationOdds, score, utilityRange } from './utility';

export class GameConfigError extends Error {
  constructor(readonly problems: { path: string; rule: string }[]) {
    super(`invalid game options:\n${problems.map((p) => `  ${p.path}: ${p.rule}`).join('\n')}`);
    this.name = 'GameConfigError';
  }
}

export type ParsedSeat = { kind: 'delegation'; side: Side; role: Role } | { kind: 'instructor' };

const SEATS: ReadonlyMap<string, ParsedSeat> = new Map<string, ParsedSeat>([
  ['instructor', { kind: 'instructor' }],
  ['us', { kind: 'delegation', side: 'us', role: 'lead' }],
  ['us.lead', { kind: 'delegation', side: 'us', role: 'lead' }],
  ['us.adviser', { kind: 'delegation', side: 'us', role: 'adviser' }],
  ['mx', { kind: 'delegation', side: 'mx', role: 'lead' }],
  ['mx.lead', { kind: 'delegation', side: 'mx', role: 'lead' }],
  ['mx.adviser', { kind: 'delegation', side: 'mx', role: 'adviser' }],
]);

/** "us", "mx.adviser", "instructor"…; null for anything else. */
export function parseSeat(seat: unknown): ParsedSeat | null {
  return typeof seat === 'string' ? (SEATS.get(seat) ?? null) : null;
}

export const proposerOf = (s: Scenario, round: number): Side => (round % 2 === 0 ? s.firstMover : other(s.firstMover));
/** Normalised time over the calendar: 0 at the first round, 1 at the last. */
export const timeOf = (s: Scenario, round: number): number => (s.calendar.length > 1 ? round / (s.calendar.length - 1) : 1);

/**
 * Starts a round: its news (shocks), then the proposal phase, or the domestic phase if talks are
 * suspended. `fresh` must be a state object made by the caller for this step: it is finished in place.
 */
function startRound(fresh: GameState): { state: GameState; events: GameEvent[] } {
  const fired = fireRoundShocks(fresh);
  const next = fired.state;
  const suspended = next.round < next.suspendedUntil;
  next.phase = suspended ? 'domestic' : 'proposal';
  next.turn = suspended ? null : next.proposer;
  return {
    state: next,
    events: [{ type: 'roundStarted', round: next.round, proposer: next.proposer, suspended }, ...fired.events],
  };
}

export function createGame(scenario: Scenario, seed: number, options: GameOptions = {}): GameState {
  const overrides = options.overrides ?? {};
  const problems = checkOverrides(scenario, overrides);
  if (!Number.isSafeInteger(seed)) problems.unshift({ path: 'seed', rule: `a seed is a whole number (got ${seed})` });
  if (problems.length) throw new GameConfigError(problems);
  const base: GameState = {
    scenario,
    scenarioId: scenario.id,
    seed,
    overrides,
    rng: seedRng(seed),
    round: 0,
    phase: 'proposal',
    proposer: proposerOf(scenario, 0),
    turn: null,
    counters: 0,
    deadline: scenario.calendar.length - 1,
    suspendedUntil: 0,
    offer: null,
    offers: [],
    ledger: {},
    ledgerCards: [],
    commitments: { us: {}, mx: {} },
    sides: { us: initialSideModel(scenario, 'us'), mx: initialSideModel(scenario, 'mx') },
    cardsAvailable: Object.fromEntries(scenario.cards.map((c) => [c.id, c.available])),
    cardsUsed: [],
    withdrawn: {},
    pending: pendingShocks(scenario, overrides),
    fired: [],
    domesticDone: NONE_DONE,
    forks: [],
    actions: [],
    outcome: null,
  };
  return startRound(base).state;
}

const refuse = (state: GameState, code: RefusalCode, params: Refusal['params'] = {}): StepResult => ({
  state,
  events: [],
  error: { code, params },
});

/** Validates an offered package and cards; returns the option indices or a refusal. */
function readOffer(state: GameState, side: Side, pkg: unknown, cards: unknown): { options: Record<number, number>; cards: string[] } | Refusal {
  const idx = indexScenario(state.scenario);
  if (!pkg || typeof pkg !== 'object' || Array.isArray(pkg)) return { code: 'empty-package', params: {} };
  const options: Record<number, number> = {};
  let n = 0;
  for (const [issueId, optionId] of Object.entries(pkg)) {
    const i = idx.issueIndex.get(issueId);
    if (i === undefined) return { code: 'unknown-issue', params: { issue: issueId } };
    if (state.ledger[i] !== undefined) return { code: 'issue-already-agreed', params: { issue: issueId } };
    const o = typeof optionId === 'string' ? idx.optionIndex[i]!.get(optionId) : undefined;
    if (o === undefined) return { code: 'unknown-option', params: { issue: issueId, option: String(optionId) } };
    if (state.withdrawn[i]?.includes(o)) return { code: 'option-withdrawn', params: { issue: issueId, option: optionId as string } };
    options[i] = o;
    n++;
  }
  if (n === 0) return { code: 'empty-package', params: {} };
  const cardList: string[] = [];
  if (cards !== undefined) {
    if (!Array.isArray(cards)) return { code: 'unknown-card', params: { card: String(cards) } };
    for (const c of cards) {
      const ci = typeof c === 'string' ? idx.cardIndex.get(c) : undefined;
      if (ci === undefined) return { code: 'unknown-card', params: { card: String(c) } };
      if (state.scenario.cards[ci]!.holder !== side) return { code: 'card-not-held', params: { card: c } };
      if (!state.cardsAvailable[c] || state.cardsUsed.includes(c) || cardList.includes(c))
        return { code: 'card-unavailable', params: { card: c } };
      cardList.push(c);
    }
  }
  return { options, cards: cardList };
}

/** Trust moves with consistency: taking back a concession (by the offerer's own values) costs trust. */
function sidesAfterOffer(state: GameState, offer: Offer): GameState['sides'] {
  const by = offer.by;
  let prev: Offer | undefined;
  for (let k = state.offers.length - 1; k >= 0; k--)
    if (state.offers[k]!.by === by) {
      prev = state.offers[k];
      break;
    }
  if (!prev) return state.sides;
  const values = state.sides[by].values;
  let retracted = false;
  for (const key in offer.options) {
    const was = prev.options[key];
    if (was !== undefined && values[Number(key)]![offer.options[key]!]! > values[Number(key)]![was]! + 1e-12) retracted = true;
  }
  const r = state.scenario.rules;
  const receiver = other(by);
  const delta = retracted ? -r.retractionTrustCost : r.consistencyTrustGain;
  const m = state.sides[receiver];
  return { ...state.sides, [receiver]: { ...m, trust: clamp01(m.trust + delta) } };
}

function publicOptions(state: GameState, options: Record<number, number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in options) {
    const issue = state.scenario.issues[Number(key)]!;
    out[issue.id] = issue.options[options[key]!]!.id;
  }
  return out;
}

function table(state: GameState, side: Side, pkg: unknown, cards: unknown, kind: Offer['kind']): StepResult {
  const read = readOffer(state, side, pkg, cards);
  if ('code' in read) return refuse(state, read.code, read.params);
  const offer: Offer = { by: side, round: state.round, options: read.options, cards: read.cards, kind };
  const next: GameState = patch(state, {
    sides: sidesAfterOffer(state, offer),
    offer,
    offers: [...state.offers, offer],
    phase: 'response',
    turn: other(side),
    counters: kind === 'counter' ? state.counters + 1 : 0,
  });
  return { state: next, events: [{ type: 'proposed', side, options: publicOptions(state, read.options), cards: read.cards, kind }] };
}

function enterDomestic(state: GameState): GameState {
  return patch(state, { phase: 'domestic', turn: null });
}

/** Ends the game without agreement: both sides get their reservation value. */
function endWithoutDeal(state: GameState, reason: 'walked-away' | 'deadline', by: Side | null): { state: GameState; events: GameEvent[] } {
  const scores = { us: finalScore(state, 'us', state.sides.us.reservation), mx: finalScore(state, 'mx', state.sides.mx.reservation) };
  const outcome: Outcome = {
    reason,
    agreement: false,
    package: null,
    cards: [],
    round: state.round,
    walkedAwayBy: by,
    ratification: null,
    ratified: { us: false, mx: false },
    utility: null,
    payoff: { us: state.sides.us.reservation, mx: state.sides.mx.reservation },
    scores,
  };
  return { state: patch(state, { phase: 'ended', turn: null, offer: null, outcome }), events: [{ type: 'ended', outcome }] };
}

export function cardValueFor(state: GameState, side: Side, cards: readonly string[]): number {
  const idx = indexScenario(state.scenario);
  let v = 0;
  for (const c of cards) v += state.scenario.cards[idx.cardIndex.get(c)!]!.value[side];
  return v;
}

function finalScore(state: GameState, side: Side, payoff: number): number {
  const m = state.sides[side];
  const { best, worst } = utilityRange(
    m,
    state.scenario.cards.map((c) => c.value[side]),
  );
  return score(payoff, m.reservation, best, worst);
}

/** The ledger is complete: the package is signed and each side votes on it. */
function signAndRatify(state: GameState): { state: GameState; events: GameEvent[] } {
  const s = state.scenario;
  const idx = indexScenario(s);
  const options = s.issues.map((_, i) => state.ledger[i]!);
  const cards = state.ledgerCards;
  const pkg = publicOptions(state, state.ledger);
  const events: GameEvent[] = [{ type: 'signed', package: pkg, cards: [...cards] }];
  let rng = state.rng;
  const ratification = {} as Record<Side, RatificationResult>;
  for (const side of ['us', 'mx'] as const) {
    const m = state.sides[side];
    const cardRanks = cards.map((c) => instrumentRank(s.cards[idx.cardIndex.get(c)!]!.instrument[side]));
    const odds = ratificationOdds(
      m,
      idx.instrumentRank[side],
      options,
      { trust: m.trust, trustApprovalEffect: s.rules.trustApprovalEffect, commitments: state.commitments[side], audienceCost: s.rules.audienceCost },
      cardRanks,
    );
    const [draws, after] = nextFloats(rng, odds.voters.length);
    rng = after;
    let yes = 0;
    let total = 0;
    const votes = odds.voters.map((v, k) => {
      const y = draws[k]! < v.approval;
      total += v.weight;
      if (y) yes += v.weight;
      return { constituency: v.id, approval: v.approval, yes: y };
    });
    const yesShare = total > 0 ? yes / total : 0;
    ratification[side] = {
      instrument: odds.instrument,
      threshold: odds.threshold,
      yesShare,
      passed: yesShare >= odds.threshold - 1e-9,
      estimate: odds.probability,
      votes,
    };
    events.push({ type: 'ratification', side, result: ratification[side] });
  }
  const t = timeOf(s, state.round);
  const utility = {
    us: packageUtility(state.sides.us, options, cardValueFor(state, 'us', cards)),
    mx: packageUtility(state.sides.mx, options, cardValueFor(state, 'mx', cards)),
  };
  const both = ratification.us.passed && ratification.mx.passed;
  // A government whose own side rejects what it signed ends below where it would have stood without signing.
  const failed = (side: Side) => (ratification[side].passed ? 0 : s.rules.failedRatificationCost);
  const payoff = {
    us: both ? discounted(utility.us, state.sides.us.discount, t) : state.sides.us.reservation - failed('us'),
    mx: both ? discounted(utility.mx, state.sides.mx.discount, t) : state.sides.mx.reservation - failed('mx'),
  };
  const outcome: Outcome = {
    reason: both ? 'ratified' : 'ratification-failed',
    agreement: true,
    package: pkg,
    cards: [...cards],
    round: state.round,
    walkedAwayBy: null,
    ratification,
    ratified: { us: ratification.us.passed, mx: ratification.mx.passed },
    utility,
    payoff,
    scores: { us: finalScore(state, 'us', payoff.us), mx: finalScore(state, 'mx', payoff.mx) },
  };
  events.push({ type: 'ended', outcome });
  return { state: patch(state, { rng, phase: 'ended', turn: null, offer: null, outcome }), events };
}

function accept(state: GameState, side: Side, issues: unknown): StepResult {
  const offer = state.offer!;
  const idx = indexScenario(state.scenario);
  const offered = Object.keys(offer.options).map(Number);
  let chosen: number[];
  if (issues === undefined) chosen = offered;
  else {
    if (!Array.isArray(issues) || issues.length === 0) return refuse(state, 'empty-package');
    chosen = [];
    for (const id of issues) {
      const i = typeof id === 'string' ? idx.issueIndex.get(id) : undefined;
      if (i === undefined) return refuse(state, 'unknown-issue', { issue: String(id) });
      if (offer.options[i] === undefined) return refuse(state, 'issue-not-offered', { issue: id });
      if (!chosen.includes(i)) chosen.push(i);
    }
  }
  for (const i of chosen) {
    if (state.ledger[i] !== undefined) return refuse(state, 'issue-already-agreed', { issue: state.scenario.issues[i]!.id });
    const o = offer.options[i]!;
    if (state.withdrawn[i]?.includes(o))
      return refuse(state, 'option-withdrawn', { issue: state.scenario.issues[i]!.id, option: state.scenario.issues[i]!.options[o]!.id });
  }
  // Cards travel with the whole offer only: accepting part of it declines the linkage.
  const whole = chosen.length === offered.length;
  const cards = whole ? offer.cards.filter((c) => state.cardsAvailable[c] && !state.cardsUsed.includes(c)) : [];
  const ledger = { ...state.ledger };
  for (const i of chosen) ledger[i] = offer.options[i]!;
  const next: GameState = patch(state, {
    ledger,
    ledgerCards: cards.length ? [...state.ledgerCards, ...cards] : state.ledgerCards,
    cardsUsed: cards.length ? [...state.cardsUsed, ...cards] : state.cardsUsed,
    offer: null,
  });
  const events: GameEvent[] = [{ type: 'accepted', side, issues: chosen.map((i) => state.scenario.issues[i]!.id), cards }];
  if (Object.keys(ledger).length === state.scenario.issues.length) {
    const signed = signAndRatify(next);
    return { state: signed.state, events: [...events, ...signed.events] };
  }
  next.phase = 'domestic';
  next.turn = null;
  return { state: next, events };
}

/** After both delegations pass the domestic phase: the next round, or the end at the deadline. */
function advance(state: GameState): { state: GameState; events: GameEvent[] } {
  if (state.round >= state.deadline) return endWithoutDeal(patch(state, { domesticDone: BOTH_DONE }), 'deadline', null);
  const round = state.round + 1;
  const gain = (side: Side) => ({ ...state.sides[side], capital: state.sides[side].capital + state.sides[side].capitalPerRound });
  return startRound(patch(state, {
    round,
    proposer: proposerOf(state.scenario, round),
    counters: 0,
    offer: null,
    domesticDone: NONE_DONE,
    sides: { us: gain('us'), mx: gain('mx') },
  }));
}

function recordAction(action: Action): Action {
  const copy: Record<string, unknown> = { ...action };
  if ('package' in action) copy.package = { ...action.package };
  if ('cards' in action && action.cards) copy.cards = [...action.cards];
  if ('issues' in action && action.issues) copy.issues = [...action.issues];
  return copy as Action;
}

// Shared, frozen: the four ways the domestic phase can stand (no new object per pass).
const BOTH_DONE = Object.freeze({ us: true, mx: true });
const NONE_DONE = Object.freeze({ us: false, mx: false });
const US_DONE = Object.freeze({ us: true, mx: false });
const MX_DONE = Object.freeze({ us: false, mx: true });
const LEAD_ONLY = new Set<string>(['propose', 'accept', 'reject', 'counter', 'walkAway', 'renege']);
const DELEGATION_ACTIONS = new Set<string>([...LEAD_ONLY, 'lobby', 'statement', 'pass']);

function apply(state: GameState, action: Action): StepResult {
  if (!action || typeof action !== 'object') return refuse(state, 'unknown-action', { type: String(action) });
  const seat = parseSeat(action.seat);
  if (!seat) return refuse(state, 'bad-seat', { seat: String(action.seat) });
  if (state.phase === 'ended') return refuse(state, 'game-over');
  const s = state.scenario;
  const idx = indexScenario(s);

  if (action.type === 'inject') {
    if (seat.kind !== 'instructor') return refuse(state, 'wrong-seat', { seat: action.seat });
    const si = idx.shockIndex.get(action.shock);
    if (si === undefined) return refuse(state, 'unknown-shock', { shock: String(action.shock) });
    if (state.fired.some((f) => f.id === action.shock)) return refuse(state, 'shock-already-fired', { shock: action.shock });
    return injectShock(state, action.shock);
  }
  if (seat.kind === 'instructor') return refuse(state, 'wrong-seat', { seat: 'instructor' });
  const side = seat.side;
  if (!DELEGATION_ACTIONS.has(action.type)) return refuse(state, 'unknown-action', { type: String((action as { type: unknown }).type) });
  if (seat.role !== 'lead' && LEAD_ONLY.has(action.type)) return refuse(state, 'role-cannot', { role: seat.role, action: action.type });

  switch (action.type) {
    case 'propose':
      if (state.phase !== 'proposal')
        return refuse(state, state.round < state.suspendedUntil ? 'talks-suspended' : 'wrong-phase', { phase: state.phase });
      if (state.turn !== side) return refuse(state, 'not-your-turn', { turn: state.turn ?? '' });
      return table(state, side, action.package, action.cards, 'propose');
    case 'counter':
      if (state.phase !== 'response') return refuse(state, 'wrong-phase', { phase: state.phase });
      if (state.turn !== side) return refuse(state, 'not-your-turn', { turn: state.turn ?? '' });
      if (state.counters >= s.rules.maxCounters) return refuse(state, 'counter-limit', { max: s.rules.maxCounters });
      return table(state, side, action.package, action.cards, 'counter');
    case 'accept':
      if (state.phase !== 'response') return refuse(state, 'wrong-phase', { phase: state.phase });
      if (state.turn !== side) return refuse(state, 'not-your-turn', { turn: state.turn ?? '' });
      return accept(state, side, action.issues);
    case 'reject':
      if (state.phase !== 'response') return refuse(state, 'wrong-phase', { phase: state.phase });
      if (state.turn !== side) return refuse(state, 'not-your-turn', { turn: state.turn ?? '' });
      return { state: patch(state, { offer: null, phase: 'domestic', turn: null }), events: [{ type: 'rejected', side }] };
    case 'walkAway': {
      const ended = endWithoutDeal(state, 'walked-away', side);
      return { state: ended.state, events: [{ type: 'walkedAway', side }, ...ended.events] };
    }
    case 'renege': {
      if (state.phase === 'response') return refuse(state, 'wrong-phase', { phase: state.phase });
      if (state.phase === 'proposal' && state.turn !== side) return refuse(state, 'not-your-turn', { turn: state.turn ?? '' });
      if (state.phase === 'domestic' && state.domesticDone[side]) return refuse(state, 'already-passed');
      const i = idx.issueIndex.get(action.issue);
      if (i === undefined) return refuse(state, 'unknown-issue', { issue: String(action.issue) });
      if (state.ledger[i] === undefined) return refuse(state, 'issue-not-in-ledger', { issue: action.issue });
      const ledger = { ...state.ledger };
      delete ledger[i];
      const o = other(side);
      const m = state.sides[o];
      return {
        state: patch(state, {
          ledger, sides: { ...state.sides, [o]: { ...m, trust: clamp01(m.trust - s.rules.renegeTrustCost) } } }),
          events: [{ type: 'reneged', side, issue: action.issue }],
          };
          }
          case 'lobby': {
          if (state.phase !== 'domestic') return refuse(state, 'wrong-phase', { phase: state.phase,
        });
      if (state.domesticDone[side]) return refuse(state, 'already-passed');
      const c = idx.constituencyIndex[side].get(action.constituency);
      if (c === undefined) return refuse(state, 'unknown-constituency', { constituency: String(action.constituency) });
      const amount = action.amount;
      if (!Number.isInteger(amount) || amount < 1) return refuse(state, 'bad-amount', { amount: String(amount) });
      const m = state.sides[side];
      if (m.capital < amount) return refuse(state, 'insufficient-capital', { need: amount, have: m.capital });
      const constituencies = m.constituencies.map((x, k) => (k === c ? { ...x, support: clamp01(x.support + s.rules.lobbyEffect * amount) } : x));
      return {
        state: patch(state, {
          sides: { ...state.sides, [side]: { ...m, capital: m.capital - amount, constituencies } } }),
          events: [{ type: 'lobbied', side, constituency: action.constituency, amount }],
          };
          }
          case 'statement': {
          if (state.phase !== 'domestic') return refuse(state, 'wrong-phase', { phase: state.phase,
        });
      if (state.domesticDone[side]) return refuse(state, 'already-passed');
      const i = idx.issueIndex.get(action.issue);
      if (i === undefined) return refuse(state, 'unknown-issue', { issue: String(action.issue) });
      const o = idx.optionIndex[i]!.get(action.option);
      if (o === undefined) return refuse(state, 'unknown-option', { issue: action.issue, option: String(action.option) });
      if (state.ledger[i] !== undefined) return refuse(state, 'issue-already-agreed', { issue: action.issue });
      if (state.commitments[side][i] !== undefined) return refuse(state, 'already-committed', { issue: action.issue });
      const m = state.sides[side];
      if (m.capital < s.rules.statementCost) return refuse(state, 'insufficient-capital', { need: s.rules.statementCost, have: m.capital });
      // Going public rallies those who like the stated line and alienates those who do not.
      const constituencies = m.constituencies.map((x) => {
        const st = x.stakes[i];
        return st ? { ...x, support: clamp01(x.support + s.rules.statementEffect * st.weight * (st.values[o]! - st.values[0]!)) } : x;
      });
      return {
        state: patch(state, {
          commitments: { ...state.commitments, [side]: { ...state.commitments[side], [i]: o } },
          sides: { ...state.sides, [side]: { ...m, capital: m.capital - s.rules.statementCost, constituencies } },
        }),
        events: [{ type: 'statement', side, issue: action.issue, option: action.option }],
      };
    }
    case 'pass': {
      if (state.phase !== 'domestic') return refuse(state, 'wrong-phase', { phase: state.phase });
      if (state.domesticDone[side]) return refuse(state, 'already-passed');
      const done = state.domesticDone[other(side)] ? BOTH_DONE : side === 'us' ? US_DONE : MX_DONE;
      const events: GameEvent[] = [{ type: 'passed', side }];
      if (done.us && done.mx) {
        const adv = advance(state);
        return { state: adv.state, events: [...events, ...adv.events] };
      }
      return { state: patch(state, { domesticDone: done }), events };
    }
  }
}

/** An instructor's shock lands now; if it suspends the talks, the offer on the table lapses. */
function injectShock(state: GameState, shockId: string): StepResult {
  const pending = state.pending.find((p) => p.id === shockId);
  const scale = pending?.scale ?? state.overrides.scale?.[shockId] ?? 1;
  let next = applyShock(state, shockId, scale);
  next = patch(next, {
    pending: next.pending.filter((p) => p.id !== shockId),
    fired: [...next.fired, { id: shockId, round: next.round, scale, injected: true }],
  });
  if (next.round < next.suspendedUntil && next.phase !== 'domestic') next = enterDomestic(patch(next, { offer: null }));
  return { state: next, events: [{ type: 'shockFired', shock: shockId, round: next.round, injected: true }] };
}

export function step(state: GameState, action: Action): StepResult {
  const result = apply(state, action);
  if (result.error) return result;
  const actions = [...state.actions, recordAction(action)];
  // Every accepted action yields a state object made in this call, so it can take its log without a copy.
  if (result.state === state) return { state: patch(state, { actions }), events: result.events };
  result.state.actions = actions;
  return result;
}
