// Everything a game needs beyond the title screen: the validated scenario library, the save-file schema,
// and the session of one game in progress (the XState flow driving the engine, with the AI on the other
// side). The controller loads this module on demand — when the player opens the scenario list, continues
// or imports a save — so the title screen ships without the scenarios, zod, XState, the engine or the AI.
import { createActor } from 'xstate';
import { createOpponent, historicalPersona } from '../ai/opponent';
import type { Decision } from '../ai/types';
import { type SaveFile, SaveFileSchema } from '../content/save-schema';
import { allScenarios, getScenario, ScenarioLoadError } from '../content/scenarios';
import {
  type Action,
  analyseGame,
  envelopeOf,
  type Fork,
  forkAtRound,
  mergeOverrides,
  type GameEvent,
  type Overrides,
  other,
  type PublicScenario,
  publicScenario,
  replay,
  type Side,
  type View,
} from '../engine';
import { countdownLeft, eventsForSeat, newsFor, type SessionSnapshot, screenOf, sessionMachine, viewFor } from '../flow';
import type { AppState, OpponentChoice, Screen } from './app-types';

type SessionActor = ReturnType<typeof createActor<typeof sessionMachine>>;
export type Failure = NonNullable<AppState['failure']>;

/** An AI move with the reason it gave, for the transcript. */
export interface Rationale {
  /** Index of the action in the game's action log. */
  index: number;
  side: Side;
  decision: Decision;
}

const failureOf = (e: ScenarioLoadError): Failure => ({ title: 'scenario-invalid', details: e.errors.map((x) => `${x.file}: ${x.path}: ${x.rule}`) });

/** The scenario library (public information only), or why it cannot be used. */
export function library(): { catalogue: PublicScenario[]; failure: null } | { catalogue: []; failure: Failure } {
  try {
    return { catalogue: allScenarios().map(publicScenario), failure: null };
  } catch (e) {
    if (!(e instanceof ScenarioLoadError)) throw e;
    return { catalogue: [], failure: failureOf(e) };
  }
}

/** A save file checked against its schema, or null. */
export function parseSave(raw: unknown): SaveFile | null {
  const parsed = SaveFileSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export interface OpenRequest {
  scenarioId: string;
  seat: Side;
  opponent: OpponentChoice;
  seed: number;
  /** The actions of a saved game to replay before play goes on. */
  resume: Action[] | undefined;
  overrides: Overrides;
  /** The saved game's forks (its envelope's), replayed with its actions. */
  forks?: Fork[];
  /** AI against AI: the player's seat is played by its historical persona too, and the game runs to the debrief. */
  watch?: boolean;
}

/** Why a fork cannot be made: the engine's problems (`path` names the shock or field, `rule` says why). */
export type ForkProblem = { path: string; rule: string };

/** The overrides a whole game from round 1 would need to follow this one's shocks (its forks' merged in), and `more` on top. */
export function combinedOverrides(envelope: SaveFile['envelope'], more: Overrides): Overrides {
  const all = [...(envelope.forks ?? []).map((f) => f.overrides), more].reduce((acc, o) => mergeOverrides(acc, o), envelope.overrides as Overrides);
  const out: Overrides = {};
  if (all.disable?.length) Object.assign(out, { disable: all.disable });
  if (Object.keys(all.move ?? {}).length) Object.assign(out, { move: all.move });
  if (Object.keys(all.scale ?? {}).length) Object.assign(out, { scale: all.scale });
  if (all.add?.length) Object.assign(out, { add: all.add });
  return out;
}

/**
 * A saved game forked at the start of `round` (0-based) with new overrides for the shocks still to come:
 * the request that plays it on (same scenario, seed, seat and opponent), or the engine's problems.
 */
export function forkRequest(
  parent: SaveFile,
  round: number,
  overrides: Overrides,
  watch: boolean,
): { ok: true; request: OpenRequest } | { ok: false; problems: ForkProblem[] } {
  const r = forkAtRound(parent.envelope as Parameters<typeof forkAtRound>[0], round, overrides, (id) => getScenario(id));
  if (!r.ok) return r;
  const e = r.envelope;
  return {
    ok: true,
    request: { scenarioId: e.scenarioId, seat: parent.seat, opponent: parent.opponent, seed: e.seed, resume: e.events, overrides: e.overrides, forks: e.forks ?? [], watch },
  };
}

/** What the app shows of the game after each step, through the player's projection only. */
export interface SessionUpdate {
  screen: Screen;
  view: View | null;
  events: GameEvent[];
  news: AppState['news'];
  lastError: AppState['lastError'];
  countdownMs: number | null;
  paused: boolean;
  analysis: AppState['analysis'];
  /** Events the seat had not seen before this update. */
  fresh: GameEvent[];
  forks: AppState['forks'];
}

export type Opened =
  | { ok: true; session: GameSession }
  /** The game cannot be played at all (an invalid scenario, a save whose first step fails): the error screen. */
  | { ok: false; failure: Failure }
  /** Refused; whatever was on screen stays (a save that does not replay, an unknown opponent). */
  | { ok: false; notice: string };

/** Checks the request against the scenario library and the AI's personas; a resumed game must replay. */
export function openGame(req: OpenRequest): Opened {
  let scenario: ReturnType<typeof getScenario>;
  try {
    scenario = getScenario(req.scenarioId);
  } catch (e) {
    if (!(e instanceof ScenarioLoadError)) throw e;
    return { ok: false, failure: failureOf(e) };
  }
  if (!scenario) return { ok: false, notice: `unknown scenario ${req.scenarioId}` };
  const found = scenario;
  if (req.resume) {
    // Check the save replays before leaving the game in progress: a bad file must not cost it.
    const check = replay(
      { scenarioId: found.id, seed: req.seed, overrides: req.overrides, events: req.resume, ...(req.forks?.length ? { forks: req.forks } : {}) },
      (id) => (id === found.id ? found : undefined),
    );
    if (!check.ok) return { ok: false, notice: 'save-invalid' };
  }
  const opp = createOpponent(found, other(req.seat), req.opponent, req.seed);
  if (!opp.ok) return { ok: false, notice: opp.error };
  const deciders: Partial<Record<Side, (view: View) => Decision>> = { [other(req.seat)]: opp.decide };
  if (req.watch) {
    const own = createOpponent(found, req.seat, { persona: historicalPersona(found, req.seat), difficulty: req.opponent.difficulty }, req.seed);
    if (!own.ok) return { ok: false, notice: own.error };
    deciders[req.seat] = own.decide;
  }
  return { ok: true, session: new GameSession(req, found, deciders) };
}

/** A bound on the acknowledgements a watched game needs to reach its debrief (a few per round). */
const MAX_WATCH_STEPS = 1000;

/** One game in progress: the session actor, the AI's reasons, and the updates the player's seat sees. */
export class GameSession {
  readonly era: PublicScenario['era'];
  private actor: SessionActor | null = null;
  private readonly rationales: Rationale[] = [];
  private lastEventCount = 0;
  private analysis: AppState['analysis'] = null;

  constructor(
    readonly request: OpenRequest,
    private readonly scenario: NonNullable<ReturnType<typeof getScenario>>,
    /** The AI of each delegation no person plays. */
    private readonly deciders: Partial<Record<Side, (view: View) => Decision>>,
  ) {
    this.era = scenario.era;
  }

  /**
   * Starts the session and reports every update to `onUpdate`. Returns the failure when the game could
   * not be set up (its first step refused), after stopping.
   */
  start(onUpdate: (u: SessionUpdate) => void): Failure | null {
    const { request: req, scenario } = this;
    // The AI's reason travels with its move: record it against the action's index in the log.
    const agentFor = (side: Side, decide: (view: View) => Decision) => (view: View) => {
      const decision = decide(view);
      const game = this.actor?.getSnapshot().context.game;
      this.rationales.push({ index: game ? game.actions.length : 0, side, decision });
      return decision.action;
    };
    const agents = Object.fromEntries(Object.entries(this.deciders).map(([side, decide]) => [side, agentFor(side as Side, decide!)]));
    const actor = createActor(sessionMachine, {
      input: {
        scenario,
        seed: req.seed,
        overrides: req.overrides,
        humanSeats: req.watch ? [] : [req.seat],
        agents,
        ...(req.resume ? { resume: req.resume } : {}),
        ...(req.resume && req.forks?.length ? { forks: req.forks } : {}),
      },
    });
    this.actor = actor;
    actor.subscribe((snap) => {
      const u = this.updateOf(snap);
      if (u) onUpdate(u);
    });
    actor.start();
    actor.send({ type: 'START' });
    if (!actor.getSnapshot().context.game) {
      const err = actor.getSnapshot().context.lastError;
      this.stop();
      return { title: 'save-invalid', details: [err ? `${err.code}: ${JSON.stringify(err.params)}` : 'unknown'] };
    }
    if (req.resume || req.watch) actor.send({ type: 'READY' });
    // AI against AI: nobody reads the news or the vote, so they are acknowledged until the debrief.
    for (let n = 0; req.watch && n < MAX_WATCH_STEPS && this.actor && !actor.getSnapshot().matches('debrief'); n++) actor.send({ type: 'ACK' });
    return null;
  }

  private updateOf(snap: SessionSnapshot): SessionUpdate | null {
    const game = snap.context.game;
    // Before START there is no game yet.
    if (this.actor === null || !game) return null;
    const seat = this.request.seat;
    const events = eventsForSeat(snap, seat);
    const fresh = events.slice(this.lastEventCount);
    this.lastEventCount = events.length;
    if (game.phase === 'ended' && !this.analysis) this.analysis = analyseGame(game);
    return {
      screen: screenOf(snap),
      view: viewFor(snap, seat),
      events,
      news: newsFor(snap, seat),
      lastError: snap.context.lastError,
      countdownMs: countdownLeft(snap, Date.now()),
      paused: snap.matches('paused'),
      analysis: game.phase === 'ended' ? this.analysis : null,
      fresh,
      forks: game.forks,
    };
  }

  send(event: { type: 'READY' } | { type: 'ACK' } | { type: 'PAUSE' } | { type: 'RESUME' } | { type: 'ACT'; action: Action }): void {
    this.actor?.send(event);
  }

  stop(): void {
    this.actor?.stop();
    this.actor = null;
  }

  /** The reasons the AI gave (only the opponent's own moves). */
  getRationales(): readonly Rationale[] {
    return this.rationales;
  }

  /** The game as a save file (the seed-and-event-log envelope with who plays what). */
  currentSave(): SaveFile | null {
    const game = this.actor?.getSnapshot().context.game;
    if (!game) return null;
    return {
      format: 'binational-save',
      version: 1,
      savedAt: new Date().toISOString(),
      seat: this.request.seat,
      opponent: this.request.opponent,
      // Validated on the way back in; a plain JSON copy drops the engine's read-only typing.
      envelope: JSON.parse(JSON.stringify(envelopeOf(game))) as SaveFile['envelope'],
    };
  }
}
