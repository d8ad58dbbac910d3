// The one gate for hidden information: everything outside the engine — the UI, the AI, the server,
// the announcer — reads a game through projection(state, seat). A delegation sees the public table and
// its own secrets; the other side's valuations, reservation value, constituencies and political capital
// never pass, and neither does the RNG state (it would predict stochastic shocks). Unfired shocks that are
// not public knowledge are not shown either. The one other passage is homeApproval (below): a rounded
// aggregate per delegation for the instructor's console.
import type { Effect, LocalText, Scenario } from '../content/scenario-schema';
import { awaitedSides } from './legal';
import { indexScenario } from './model';
import { parseSeat } from './step';
import { type FiredShock, type GameEvent, type GameState, type Offer, type Outcome, type Phase, type Role, type Side, type SideView, other } from './types';

export interface PublicIssue {
  id: string;
  name: LocalText;
  description: LocalText;
  salience: 'technical' | 'political';
  options: { id: string; label: LocalText; instrument: { us: string; mx: string } }[];
}

/** What anyone may know of a scenario: no valuations, no constituency data, no shock list. */
export interface PublicScenario {
  id: string;
  era: Scenario['era'];
  title: LocalText;
  summary: LocalText;
  firstMover: Side;
  calendar: { id: string; date: string; label: LocalText }[];
  issues: PublicIssue[];
  /** Names only: who the domestic actors are is public; their valuations and support are not. */
  delegations: Record<Side, { name: LocalText; leader: LocalText; constituencies: { id: string; name: LocalText }[] }>;
  cards: { id: string; holder: Side; name: LocalText; description: LocalText; instrument: { us: string; mx: string } }[];
  rules: Scenario['rules'];
  sources: Scenario['sources'];
}

const publicCache = new WeakMap<Scenario, PublicScenario>();

export function publicScenario(s: Scenario): PublicScenario {
  const hit = publicCache.get(s);
  if (hit) return hit;
  const p: PublicScenario = {
    id: s.id,
    era: s.era,
    title: s.title,
    summary: s.summary,
    firstMover: s.firstMover,
    calendar: s.calendar.map((r) => ({ id: r.id, date: r.date, label: r.label })),
    issues: s.issues.map((i) => ({
      id: i.id,
      name: i.name,
      description: i.description,
      salience: i.salience,
      options: i.options.map((o) => ({ id: o.id, label: o.label, instrument: o.instrument })),
    })),
    delegations: {
      us: { name: s.delegations.us.name, leader: s.delegations.us.leader, constituencies: s.delegations.us.constituencies.map((c) => ({ id: c.id, name: c.name })) },
      mx: { name: s.delegations.mx.name, leader: s.delegations.mx.leader, constituencies: s.delegations.mx.constituencies.map((c) => ({ id: c.id, name: c.name })) },
    },
    cards: s.cards.map((c) => ({ id: c.id, holder: c.holder, name: c.name, description: c.description, instrument: c.instrument })),
    rules: s.rules,
    sources: s.sources,
  };
  publicCache.set(s, p);
  return p;
}

export interface PublicOffer {
  by: Side;
  round: number;
  package: Record<string, string>;
  cards: string[];
  kind: 'propose' | 'counter';
}

export interface ShockView {
  id: string;
  type: string;
  round: number;
  injected: boolean;
  title: LocalText;
  narrative: LocalText;
  /** Only the effects on the viewer's own side and the public ones (deadline, suspension, options, cards). */
  effects: Effect[];
}

export interface OwnBrief {
  name: LocalText;
  leader: LocalText;
  brief: LocalText;
  reservationLabel: LocalText;
  constituencies: { id: string; name: LocalText; description: LocalText }[];
}

export interface View {
  scenario: PublicScenario;
  seat: string;
  side: Side | null;
  role: Role | 'instructor';
  round: number;
  deadline: number;
  /** Normalised time 0..1 over the calendar. */
  t: number;
  phase: Phase;
  proposer: Side;
  turn: Side | null;
  /** Delegations whose move the game waits for. */
  awaiting: Side[];
  counters: number;
  suspendedUntil: number;
  offer: PublicOffer | null;
  offers: PublicOffer[];
  ledger: Record<string, string>;
  ledgerCards: readonly string[];
  commitments: Record<Side, Record<string, string>>;
  withdrawn: Record<string, string[]>;
  cards: { id: string; holder: Side; available: boolean; used: boolean; ownValue: number | null }[];
  /** The viewer's own numbers (null for the instructor). */
  own: SideView | null;
  brief: OwnBrief | null;
  domesticDone: Readonly<Record<Side, boolean>>;
  fired: ShockView[];
  /** Announced events still to come (elections and the like). */
  foreseen: { id: string; round: number; title: LocalText }[];
  outcome: Outcome | null;
  /** After the game: both sides' numbers and briefs, and what really happened — the debrief. */
  reveal: { sides: Record<Side, SideView>; briefs: Record<Side, OwnBrief>; history: Scenario['history'] } | null;
}

// A brief depends only on the scenario: built once per scenario and side, so every projection shares it.
const briefCache = new WeakMap<Scenario, Partial<Record<Side, OwnBrief>>>();

function briefOf(s: Scenario, side: Side): OwnBrief {
  let bySide = briefCache.get(s);
  if (!bySide) {
    bySide = {};
    briefCache.set(s, bySide);
  }
  const hit = bySide[side];
  if (hit) return hit;
  const brief = buildBrief(s, side);
  bySide[side] = brief;
  return brief;
}

function buildBrief(s: Scenario, side: Side): OwnBrief {
  const d = s.delegations[side];
  return {
    name: d.name,
    leader: d.leader,
    brief: d.brief,
    reservationLabel: d.reservation.label,
    constituencies: d.constituencies.map((c) => ({ id: c.id, name: c.name, description: c.description })),
  };
}

function visibleEffect(e: Effect, viewer: Side | null): boolean {
  if (!('side' in e)) return true;
  return viewer !== null && e.side === viewer;
}

// Projections are taken after every step (by each seat and by the AI), so the parts that rarely change
// are converted once per state object: the engine replaces, never mutates, what it changes.
const namedCache = new WeakMap<object, Record<string, string>>();
const offerCache = new WeakMap<Offer, PublicOffer>();
const firedCache = new WeakMap<FiredShock[], Map<Side | null, ShockView[]>>();
const offersCache = new WeakMap<Offer[], PublicOffer[]>();
const withdrawnCache = new WeakMap<GameState['withdrawn'], Record<string, string[]>>();
const commitmentsCache = new WeakMap<GameState['commitments'], Record<Side, Record<string, string>>>();
const foreseenCache = new WeakMap<GameState['pending'], View['foreseen']>();
const AWAITING: Record<string, Side[]> = { '': [], us: ['us'], mx: ['mx'], 'us,mx': ['us', 'mx'], 'mx,us': ['mx', 'us'] };
const cardsCache = new WeakMap<Scenario, Map<string, View['cards']>>();
const sharedOffers = new WeakMap<Scenario, Map<string, PublicOffer>>();

/** The same few arrays of sides for every projection. */
const sharedSides = (sides: Side[]): Side[] => AWAITING[sides.join(',')] ?? sides;

/** Content-shared views kept per scenario before the table starts afresh (bounds memory over long runs). */
const MAX_SHARED = 20_000;

function sharedTable<V>(cache: WeakMap<Scenario, Map<string, V>>, s: Scenario): Map<string, V> {
  let table = cache.get(s);
  if (!table || table.size >= MAX_SHARED) {
    table = new Map();
    cache.set(s, table);
  }
  return table;
}

/**
 * The cards as a seat sees them, shared by every state (and every game) in which they stand the same way:
 * the lab compares projections by content, and an object it has already read costs nothing to compare.
 */
function cardViews(s: Scenario, available: Record<string, boolean>, used: string[], side: Side | null): View['cards'] {
  const table = sharedTable(cardsCache, s);
  let key = side ?? '-';
  for (const c of s.cards) key += `${available[c.id] ? 1 : 0}${used.includes(c.id) ? 1 : 0}`;
  let views = table.get(key);
  if (!views) {
    views = s.cards.map((c) => ({
      id: c.id,
      holder: c.holder,
      available: available[c.id] ?? false,
      used: used.includes(c.id),
      ownValue: side ? c.value[side] : null,
    }));
    table.set(key, views);
  }
  return views;
}

function offerViews(s: Scenario, offers: Offer[]): PublicOffer[] {
  let v = offersCache.get(offers);
  if (!v) {
    v = offers.map((o) => offerView(s, o));
    offersCache.set(offers, v);
  }
  return v;
}

function withdrawnView(s: Scenario, withdrawn: GameState['withdrawn']): Record<string, string[]> {
  let v = withdrawnCache.get(withdrawn);
  if (!v) {
    v = {};
    for (const key in withdrawn) {
      const issue = s.issues[Number(key)]!;
      v[issue.id] = withdrawn[key]!.map((o) => issue.options[o]!.id);
    }
    withdrawnCache.set(withdrawn, v);
  }
  return v;
}

function commitmentsView(s: Scenario, commitments: GameState['commitments']): Record<Side, Record<string, string>> {
  let v = commitmentsCache.get(commitments);
  if (!v) {
    v = { us: namedOptions(s, commitments.us), mx: namedOptions(s, commitments.mx) };
    commitmentsCache.set(commitments, v);
  }
  return v;
}

function foreseenView(s: Scenario, pending: GameState['pending']): View['foreseen'] {
  let v = foreseenCache.get(pending);
  if (!v) {
    const idx = indexScenario(s);
    v = pending
      .filter((p) => p.trigger.kind === 'round' && s.shocks[idx.shockIndex.get(p.id)!]!.foreseen)
      .map((p) => ({ id: p.id, round: (p.trigger as { round: number }).round, title: s.shocks[idx.shockIndex.get(p.id)!]!.title }));
    foreseenCache.set(pending, v);
  }
  return v;
}

function namedOptions(s: Scenario, options: Readonly<Record<number, number>>): Record<string, string> {
  const hit = namedCache.get(options);
  if (hit) return hit;
  const out: Record<string, string> = {};
  for (const key in options) {
    const issue = s.issues[Number(key)]!;
    out[issue.id] = issue.options[options[key]!]!.id;
  }
  namedCache.set(options, out);
  return out;
}

/** An offer as anyone sees it, shared by every game in which the same offer was made (see cardViews). */
function offerView(s: Scenario, o: Offer): PublicOffer {
  let v = offerCache.get(o);
  if (v) return v;
  const table = sharedTable(sharedOffers, s);
  let key = `${o.by}|${o.round}|${o.kind}|${o.cards.join(',')}|`;
  for (const i in o.options) key += `${i}=${o.options[i]},`;
  v = table.get(key);
  if (!v) {
    v = { by: o.by, round: o.round, package: namedOptions(s, o.options), cards: o.cards, kind: o.kind };
    table.set(key, v);
  }
  offerCache.set(o, v);
  return v;
}

// A shock as a seat sees it depends only on the scenario and when and how it fired: shared by every
// state (and every game) in which it fired that way.
const shockViewCache = new WeakMap<Scenario, Map<string, ShockView>>();

function shockView(s: Scenario, f: FiredShock, side: Side | null): ShockView {
  let byKey = shockViewCache.get(s);
  if (!byKey) {
    byKey = new Map();
    shockViewCache.set(s, byKey);
  }
  const key = `${f.id}|${f.round}|${f.injected}|${side}`;
  let v = byKey.get(key);
  if (!v) {
    const shock = s.shocks[indexScenario(s).shockIndex.get(f.id)!]!;
    v = {
      id: f.id,
      type: shock.type,
      round: f.round,
      injected: f.injected,
      title: shock.title,
      narrative: shock.narrative,
      effects: shock.effects.filter((e) => visibleEffect(e, side)),
    };
    byKey.set(key, v);
  }
  return v;
}

function firedViews(s: Scenario, fired: FiredShock[], side: Side | null): ShockView[] {
  let bySide = firedCache.get(fired);
  if (!bySide) {
    bySide = new Map();
    firedCache.set(fired, bySide);
  }
  let views = bySide.get(side);
  if (!views) {
    views = fired.map((f) => shockView(s, f, side));
    bySide.set(side, views);
  }
  return views;
}

export function projection(state: GameState, seat: string): View {
  const s = state.scenario;
  const parsed = parseSeat(seat);
  if (!parsed) throw new Error(`unknown seat "${seat}": a seat is "us", "mx", "us.adviser", "mx.adviser" or "instructor"`);
  const side = parsed.kind === 'delegation' ? parsed.side : null;
  const ended = state.phase === 'ended';
  return {
    scenario: publicScenario(s),
    seat,
    side,
    role: parsed.kind === 'delegation' ? parsed.role : 'instructor',
    round: state.round,
    deadline: state.deadline,
    t: s.calendar.length > 1 ? state.round / (s.calendar.length - 1) : 1,
    phase: state.phase,
    proposer: state.proposer,
    turn: state.turn,
    awaiting: sharedSides(awaitedSides(state)),
    counters: state.counters,
    suspendedUntil: state.suspendedUntil,
    offer: state.offer ? offerView(s, state.offer) : null,
    offers: offerViews(s, state.offers),
    ledger: namedOptions(s, state.ledger),
    ledgerCards: state.ledgerCards,
    commitments: commitmentsView(s, state.commitments),
    withdrawn: withdrawnView(s, state.withdrawn),
    cards: cardViews(s, state.cardsAvailable, state.cardsUsed, side),
    own: side ? state.sides[side] : null,
    brief: side ? briefOf(s, side) : null,
    domesticDone: state.domesticDone,
    fired: firedViews(s, state.fired, side),
    foreseen: foreseenView(s, state.pending),
    outcome: state.outcome,
    reveal: ended
      ? {
          sides: { us: state.sides.us, mx: state.sides.mx },
          briefs: { us: briefOf(s, 'us'), mx: briefOf(s, 'mx') },
          history: s.history,
        }
      : null,
  };
}

/**
 * A delegation's approval at home, as the instructor's console shows it: its constituencies' support
 * weighted by their say in ratification, 0..1 to 2 decimals (0 for a delegation with no say at home).
 * The instructor's projection carries no side's numbers; this one aggregate is shown beside it so the
 * instructor can see which delegation is in trouble at home (when to inject a shock, what to ask at the
 * debrief). Averaged over every constituency and rounded, it gives back no single constituency's
 * support or weight, nor the side's thresholds, utilities or reservation value. It is not part of a
 * delegation's view: each delegation reads its own constituencies in `own`.
 */
export function homeApproval(state: GameState, side: Side): number {
  let sum = 0;
  let weight = 0;
  for (const c of state.sides[side].constituencies) {
    sum += c.ratificationWeight * c.support;
    weight += c.ratificationWeight;
  }
  return weight > 0 ? Math.round((sum / weight) * 100) / 100 : 0;
}

/** The other delegation, for the viewer. */
export const opponentOf = (v: View): Side | null => (v.side ? other(v.side) : null);

/** The events a seat may see: lobbying is private to the lobbying delegation; the rest is public. */
export function eventsFor(events: readonly GameEvent[], seat: string): GameEvent[] {
  const parsed = parseSeat(seat);
  const side = parsed?.kind === 'delegation' ? parsed.side : null;
  return events.filter((e) => e.type !== 'lobbied' || e.side === side);
}
