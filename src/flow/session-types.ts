// The session machine's data: its input, context and events. Plain types only, so the UI, the server
// and the tests can import them without pulling in XState.
import type { Scenario } from '../content/scenario-schema';
import type { Action, Fork, GameEvent, GameState, Overrides, RefusalCode, Side } from '../engine';

/** A pure policy for a delegation no person plays. It sees that delegation's projection, never the state. */
export type { Agent } from '../ai/play-out';
import type { Agent } from '../ai/play-out';

/** Milliseconds a human gets per wait; a missing entry means no timer for that wait. */
export interface SessionTimers {
  proposal?: number;
  response?: number;
  domestic?: number;
  /** How long the news (or shock) interlude stays up before the round goes on by itself. */
  news?: number;
}

export interface SessionInput {
  scenario: Scenario;
  seed: number;
  overrides?: Overrides;
  /** The delegations played by people; their seats may send ACT. */
  humanSeats: readonly Side[];
  /** Policies for the other delegations. Every delegation is human or has an agent (one given for a human delegation is unused). */
  agents: Partial<Record<Side, Agent>>;
  timers?: SessionTimers;
  /** Actions of a saved game (its envelope's events): the session opens at the state they lead to. */
  resume?: readonly Action[];
  /** The forks of that saved game (its envelope's `forks`): replayed with its actions, so a forked game resumes as played. */
  forks?: readonly Fork[];
  /**
   * The clock the countdown deadlines are read on. It must tell the same time as the actor's clock
   * (with XState's SimulatedClock: `() => clock.now()`); defaults to Date.now.
   */
  now?: () => number;
}

/** Where the session stands, derived from the engine's state and the news the table has seen. */
export type Stage = 'news' | 'shock' | 'proposal' | 'response' | 'domestic' | 'signing' | 'debrief';
export type TimedStage = Extract<Stage, 'news' | 'shock' | 'proposal' | 'response' | 'domestic'>;

/** Refusals of the session itself, on top of the engine's. */
export type SessionRefusalCode = 'seat-not-human' | 'not-in-play' | 'paused' | 'news-interlude' | 'bad-config' | 'fork-refused';

export interface SessionError {
  code: RefusalCode | SessionRefusalCode;
  params: Record<string, string | number>;
}

/**
 * One wait being timed. While it runs, `deadline` is the clock time it fires at; while it is frozen
 * (paused, or between a change and its (re)start) `deadline` is null and `remainingMs` is what is left.
 */
export interface Countdown {
  /** Which wait: the stage, round and whose turn. A new key is a new countdown. */
  key: string;
  stage: TimedStage;
  /** Human delegations whose default move is applied when it runs out (none for the news). */
  sides: Side[];
  totalMs: number;
  remainingMs: number;
  deadline: number | null;
  /** It ran out; it is not started again for the same wait. */
  expired: boolean;
}

export interface SessionContext {
  input: Required<Pick<SessionInput, 'scenario' | 'seed' | 'humanSeats' | 'agents' | 'timers' | 'now'>> &
    Pick<SessionInput, 'overrides' | 'resume' | 'forks'>;
  /** Null until START. Holds both sides' secrets: the UI reads it through viewFor(), never directly. */
  game: GameState | null;
  /** Every engine event so far (lobbying is private: show a seat eventsForSeat()). */
  events: GameEvent[];
  /** The engine events caused by the latest session event that moved the game (a move and the agents' replies). */
  lastEvents: GameEvent[];
  lastError: SessionError | null;
  /** The last round whose news the table has seen (-1 before the first). */
  newsRound: number;
  /** The stage key the machine settled on; when the game's key moves away, the machine re-routes. */
  at: string;
  countdown: Countdown | null;
  /** Stage key at which agents could not move even by default (an engine bug); stops the agent loop. */
  agentStall: string | null;
}

export type SessionEvent =
  | { type: 'START' }
  | { type: 'READY' }
  | { type: 'ACT'; action: Action }
  | { type: 'ACK' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'EXTEND'; ms: number }
  | { type: 'RESTART' }
  /** The instructor's shock from the scenario's pool lands now (an engine action, so it is in the log). */
  | { type: 'INJECT'; shock: string }
  /** The instructor re-plans the shocks still to come (a counterfactual fork from the next round on). */
  | { type: 'FORK'; overrides: Overrides }
  /** Who plays a delegation changes: a person (agent null) or an agent (an empty seat, or one held for an absent student). */
  | { type: 'SEAT'; side: Side; agent: Agent | null };
