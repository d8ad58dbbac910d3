// The engine's data: plain, JSON-serialisable objects. A game is rebuilt from its envelope
// (scenario id, seed, overrides, actions), so nothing here holds functions or class instances.
import type { InstrumentId, Scenario, SideId } from '../content/scenario-schema';

export type Side = SideId;
export type Instrument = InstrumentId;
export const SIDES: readonly Side[] = ['us', 'mx'];
export const INSTRUMENTS: readonly Instrument[] = ['executive', 'legislation', 'treaty'];
export const other = (side: Side): Side => (side === 'us' ? 'mx' : 'us');

/** issue id -> option id. A partial package names some issues only. */
export type Package = Readonly<Record<string, string>>;

/** Counterfactual controls, applied when the game is created. */
export interface Overrides {
  disable?: readonly string[];
  /** shock id -> round id: the shock fires at the start of that round instead. */
  move?: Readonly<Record<string, string>>;
  /** shock id -> factor applied to every magnitude of its effects. */
  scale?: Readonly<Record<string, number>>;
  /** pool shock ids made active. */
  add?: readonly string[];
}

export interface GameOptions {
  overrides?: Overrides;
}

/** A seat is a delegation, optionally with a role: "us", "mx.adviser"; or "instructor". */
export type Seat = string;
export type Role = 'lead' | 'adviser';

export type Action =
  | { type: 'propose'; seat: Seat; package: Package; cards?: readonly string[] }
  | { type: 'accept'; seat: Seat; issues?: readonly string[] }
  | { type: 'reject'; seat: Seat }
  | { type: 'counter'; seat: Seat; package: Package; cards?: readonly string[] }
  | { type: 'walkAway'; seat: Seat }
  | { type: 'renege'; seat: Seat; issue: string }
  | { type: 'lobby'; seat: Seat; constituency: string; amount: number }
  | { type: 'statement'; seat: Seat; issue: string; option: string }
  | { type: 'pass'; seat: Seat }
  | { type: 'inject'; seat: Seat; shock: string };
export type ActionType = Action['type'];

export type Phase = 'proposal' | 'response' | 'domestic' | 'ended';

export const REFUSAL_CODES = [
  'unknown-action',
  'bad-seat',
  'wrong-seat',
  'role-cannot',
  'game-over',
  'wrong-phase',
  'not-your-turn',
  'talks-suspended',
  'empty-package',
  'unknown-issue',
  'unknown-option',
  'option-withdrawn',
  'issue-already-agreed',
  'issue-not-offered',
  'issue-not-in-ledger',
  'unknown-card',
  'card-not-held',
  'card-unavailable',
  'counter-limit',
  'unknown-constituency',
  'bad-amount',
  'insufficient-capital',
  'already-committed',
  'already-passed',
  'unknown-shock',
  'shock-already-fired',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  /** Values for the locale message, e.g. { issue: 'regularisation' }. */
  params: Record<string, string | number>;
}

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The numbers one delegation plays with; private to it. Index-aligned with scenario.issues. */
export interface SideModel {
  weights: number[];
  /** values[issue][option] */
  values: number[][];
  reservation: number;
  discount: number;
  capital: number;
  capitalPerRound: number;
  /** How credible this side finds the other, 0..1. */
  trust: number;
  constituencies: ConstituencyModel[];
  thresholds: Record<Instrument, number>;
  /** Indices into constituencies. */
  voters: Record<Instrument, number[]>;
}

/** A side's numbers as handed out by projection(): shared with the state, so read-only. */
export type SideView = DeepReadonly<SideModel>;

export interface ConstituencyModel {
  id: string;
  ratificationWeight: number;
  support: number;
  /** stakes[issue] = { weight, values[option] }, or null when it has no stake in that issue. */
  stakes: ({ weight: number; values: number[] } | null)[];
}

export interface Offer {
  by: Side;
  round: number;
  /** issue index -> option index, for the issues offered. */
  options: Record<number, number>;
  cards: string[];
  kind: 'propose' | 'counter';
}

export interface PendingShock {
  id: string;
  scale: number;
  trigger:
    | { kind: 'round'; round: number }
    | { kind: 'window'; from: number; to: number; probability: number }
    | { kind: 'condition'; from: number };
}

export interface FiredShock {
  id: string;
  round: number;
  scale: number;
  injected: boolean;
}

export interface Vote {
  constituency: string;
  approval: number;
  yes: boolean;
}

export interface RatificationResult {
  instrument: Instrument;
  threshold: number;
  yesShare: number;
  passed: boolean;
  /** Probability of passing, computed before the vote. */
  estimate: number;
  votes: Vote[];
}

export type EndReason = 'ratified' | 'ratification-failed' | 'walked-away' | 'deadline';

export interface Outcome {
  reason: EndReason;
  agreement: boolean;
  /** Complete package (issue id -> option id) when signed. */
  package: Record<string, string> | null;
  cards: string[];
  round: number;
  walkedAwayBy: Side | null;
  ratification: Record<Side, RatificationResult> | null;
  ratified: Record<Side, boolean>;
  /** Undiscounted utility of the signed package, per side (null without agreement). */
  utility: Record<Side, number> | null;
  /** What each side ends with: the discounted package if ratified by both, else its reservation value. */
  payoff: Record<Side, number>;
  /** 0..100; 50 is the reservation value (BATNA), 100 the best package, 0 the worst. */
  scores: Record<Side, number>;
}

export interface GameState {
  /** Shared, never copied or mutated. It holds both sides' secrets: only projection() reads it out. */
  scenario: Scenario;
  scenarioId: string;
  seed: number;
  overrides: Overrides;
  rng: number[];
  round: number;
  phase: Phase;
  /** The delegation that tables this round's opening offer. */
  proposer: Side;
  /** Whose move it is in the proposal and response phases. */
  turn: Side | null;
  counters: number;
  /** Index of the last round; the game ends after its domestic phase. */
  deadline: number;
  /** No proposals while round < suspendedUntil. */
  suspendedUntil: number;
  offer: Offer | null;
  offers: Offer[];
  /** issue index -> option index, issues agreed so far. */
  ledger: Record<number, number>;
  ledgerCards: string[];
  /** Public commitments: issue index -> option index, per side. */
  commitments: Record<Side, Record<number, number>>;
  sides: Record<Side, SideModel>;
  cardsAvailable: Record<string, boolean>;
  cardsUsed: string[];
  /** withdrawn[issue] = option indices no longer available. */
  withdrawn: Record<number, number[]>;
  pending: PendingShock[];
  fired: FiredShock[];
  domesticDone: Record<Side, boolean>;
  /** Counterfactual forks applied so far (see Fork). */
  forks: Fork[];
  /** Every accepted action, in order: with the seed and overrides, the whole game. */
  actions: Action[];
  outcome: Outcome | null;
}

/** A whole game: replaying its actions on a new game rebuilds the state exactly. */
/** A counterfactual fork: from event `atEvent` on, the shocks still to come follow `overrides`. */
export interface Fork {
  atEvent: number;
  /** The round the fork opens (its news is the first to follow the new overrides). */
  round: number;
  overrides: Overrides;
}

export interface Envelope {
  scenarioId: string;
  seed: number;
  overrides: Overrides;
  events: Action[];
  /** Forks applied on the way, in order (absent for a game that was never forked). */
  forks?: Fork[];
}

export type GameEvent =
  | { type: 'roundStarted'; round: number; proposer: Side; suspended: boolean }
  | { type: 'shockFired'; shock: string; round: number; injected: boolean }
  | { type: 'proposed'; side: Side; options: Record<string, string>; cards: string[]; kind: 'propose' | 'counter' }
  | { type: 'accepted'; side: Side; issues: string[]; cards: string[] }
  | { type: 'rejected'; side: Side }
  | { type: 'reneged'; side: Side; issue: string }
  | { type: 'lobbied'; side: Side; constituency: string; amount: number }
  | { type: 'statement'; side: Side; issue: string; option: string }
  | { type: 'passed'; side: Side }
  | { type: 'walkedAway'; side: Side }
  | { type: 'signed'; package: Record<string, string>; cards: string[] }
  | { type: 'ratification'; side: Side; result: RatificationResult }
  | { type: 'ended'; outcome: Outcome };

export interface StepResult {
  state: GameState;
  events: GameEvent[];
  /** Present when the action was refused; `state` is then the unchanged input state. */
  error?: Refusal;
}
