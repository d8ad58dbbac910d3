// Moves into the game: opening it, a person's intent, the agents' replies and the defaults a countdown
// applies. Every one goes through engine.step; nothing here decides what is legal.
import {
  type Action,
  awaitedSides,
  createGame,
  defaultAction,
  GameConfigError,
  type GameEvent,
  type GameState,
  parseSeat,
  projection,
  replay,
  SIDES,
  type Side,
  step,
} from '../engine';
import { isPhaseStage, openingEvents, stageKey, stageOf } from './session-stage';
import type { Agent, SessionContext, SessionError, SessionInput } from './session-types';

/** Safety bound on one agent run; a real game needs a few dozen steps. */
const MAX_AGENT_STEPS = 10_000;
/** An agent that keeps making non-final moves (lobbying…) in one wait gets its default move after this many. */
const AGENT_MOVES_PER_WAIT = 16;

type Settings = SessionContext['input'];

export function settingsOf(input: SessionInput): Settings {
  return {
    scenario: input.scenario,
    seed: input.seed,
    overrides: input.overrides,
    humanSeats: [...input.humanSeats],
    agents: { ...input.agents },
    timers: { ...input.timers },
    now: input.now ?? Date.now,
    ...(input.resume ? { resume: [...input.resume] } : {}),
    ...(input.resume && input.forks?.length ? { forks: input.forks.map((f) => ({ ...f })) } : {}),
  };
}

const badConfig = (params: SessionError['params']): { error: SessionError } => ({ error: { code: 'bad-config', params } });

/** Creates the game, or says why the session cannot start (never throws). */
export function openSession(settings: Settings): { game: GameState; events: GameEvent[] } | { error: SessionError } {
  const orphan = SIDES.find((s) => !settings.humanSeats.includes(s) && !settings.agents[s]);
  if (orphan) return badConfig({ side: orphan, problem: 'a delegation is neither in humanSeats nor has an agent' });
  for (const [wait, ms] of Object.entries(settings.timers))
    if (ms !== undefined && !(Number.isFinite(ms) && ms >= 0)) return badConfig({ timer: wait, problem: `not a duration: ${ms}` });
  try {
    if (settings.resume) {
      // A saved game: rebuilt by replaying its actions, refused at the first one that does not replay.
      // The transcript is rebuilt too: the opening news, then every replayed step's events.
      const events: GameEvent[] = [];
      const r = replay(
        {
          scenarioId: settings.scenario.id,
          seed: settings.seed,
          overrides: settings.overrides ?? {},
          events: [...settings.resume],
          ...(settings.forks?.length ? { forks: [...settings.forks] } : {}),
        },
        (id) => (id === settings.scenario.id ? settings.scenario : undefined),
        settings.resume.length,
        (stepEvents) => events.push(...stepEvents),
      );
      if (!r.ok) return badConfig(r.reason === 'illegal-event' ? { problem: `event ${r.index} does not replay: ${r.error.code}` } : { problem: r.reason });
      const opening = openingEvents(createGame(settings.scenario, settings.seed, { overrides: settings.overrides }));
      return { game: r.state, events: [...opening, ...events] };
    }
    const game = createGame(settings.scenario, settings.seed, { overrides: settings.overrides });
    return { game, events: openingEvents(game) };
  } catch (e) {
    if (e instanceof GameConfigError) return badConfig({ problem: e.problems.map((p) => `${p.path}: ${p.rule}`).join('; ') });
    throw e;
  }
}

/** The side a seat speaks for when it is a delegation seat, else null. */
const sideOfSeat = (seat: unknown): Side | null => {
  const parsed = parseSeat(seat);
  return parsed?.kind === 'delegation' ? parsed.side : null;
};

/** A seat no person holds: another delegation's (played by an agent) or the instructor's. */
export function isForeignSeat(settings: Settings, action: Action | undefined): boolean {
  const parsed = parseSeat(action?.seat);
  if (!parsed) return false; // malformed seats go to the engine, which names the problem
  const side = sideOfSeat(action?.seat);
  return side === null || !settings.humanSeats.includes(side);
}

export const foreignSeatError = (action: Action | undefined): SessionError => ({
  code: 'seat-not-human',
  params: { seat: String(action?.seat) },
});

export interface Moved {
  game: GameState;
  events: GameEvent[];
  error?: SessionError;
}

/** A person's intent. A refusal leaves the game as it was and comes back as `error`. */
export function humanMove(game: GameState, action: Action): Moved {
  const r = step(game, action);
  return r.error ? { game, events: [], error: r.error } : { game: r.state, events: r.events };
}

function askAgent(agent: Agent, game: GameState, side: Side): Action | null {
  try {
    return agent(projection(game, side));
  } catch {
    return null; // a throwing agent is treated like one whose move is refused
  }
}

/** The agent-played delegation the engine waits for now, if the table is in a negotiating stage. */
export function awaitedAgent(settings: Settings, game: GameState | null, newsRound: number): Side | null {
  if (!game || !isPhaseStage(stageOf(game, newsRound))) return null;
  return awaitedSides(game).find((s) => !settings.humanSeats.includes(s) && settings.agents[s] !== undefined) ?? null;
}

/**
 * Lets the agents move until the engine waits for a person, the game ends or a new round starts (its news
 * comes first). A refused move is replaced by the engine's default, so a bad agent cannot hang the game;
 * `stalled` means even the default was refused.
 */
export function runAgents(settings: Settings, start: GameState, newsRound: number): Moved & { stalled: boolean } {
  let game = start;
  const events: GameEvent[] = [];
  let key = stageKey(game, newsRound);
  let moves: Record<Side, number> = { us: 0, mx: 0 };
  for (let n = 0; n < MAX_AGENT_STEPS; n++) {
    const side = awaitedAgent(settings, game, newsRound);
    if (!side) return { game, events, stalled: false };
    const k = stageKey(game, newsRound);
    if (k !== key) [key, moves] = [k, { us: 0, mx: 0 }];
    const asked = moves[side] < AGENT_MOVES_PER_WAIT ? askAgent(settings.agents[side]!, game, side) : null;
    let r = asked ? step(game, asked) : null;
    if (!r || r.error) {
      const fallback = defaultAction(game, side);
      r = fallback ? step(game, fallback) : null;
      if (!r || r.error) return { game, events, stalled: true };
    }
    moves[side]++;
    game = r.state;
    events.push(...r.events);
  }
  return { game, events, stalled: true };
}

/** A countdown ran out: each of these delegations still awaited gets the engine's default move. */
export function applyDefaults(start: GameState, sides: readonly Side[]): Moved {
  let game = start;
  const events: GameEvent[] = [];
  for (const side of sides) {
    const action = defaultAction(game, side);
    if (!action) continue;
    const r = step(game, action);
    if (r.error) continue;
    game = r.state;
    events.push(...r.events);
  }
  return { game, events };
}
