// The machine's actions as pure context updates: each takes the context (and the event's data) and
// returns the fields that change. The machine only names them and says when they run.
import { type Action, applyFork, type GameEvent, type Overrides, type Side, step } from '../engine';
import { countdownFor, extendCountdown, freezeCountdown, startCountdown } from './countdown';
import { applyDefaults, foreignSeatError, humanMove, openSession, runAgents } from './session-moves';
import { stageKey } from './session-stage';
import type { Agent, SessionContext, SessionRefusalCode } from './session-types';

type Update = Partial<SessionContext>;

export function initialContext(input: SessionContext['input']): SessionContext {
  return { input, game: null, events: [], lastEvents: [], lastError: null, newsRound: -1, at: 'none', countdown: null, agentStall: null };
}

export function opened(ctx: SessionContext): Update {
  const r = openSession(ctx.input);
  if ('error' in r) return { lastError: r.error };
  return { game: r.game, events: r.events, lastEvents: r.events, lastError: null };
}

const logged = (ctx: SessionContext, events: GameEvent[]) => ({ events: [...ctx.events, ...events] });

export function moved(ctx: SessionContext, action: Action): Update {
  const m = humanMove(ctx.game!, action);
  if (m.error) return { lastError: m.error };
  return { game: m.game, ...logged(ctx, m.events), lastEvents: m.events, lastError: null };
}

export const refused = (code: SessionRefusalCode): Update => ({ lastError: { code, params: {} } });
export const refusedSeat = (action: Action | undefined): Update => ({ lastError: foreignSeatError(action) });

/** Agents' replies are added to lastEvents: they belong to the same batch as the move that prompted them. */
export function agentsMoved(ctx: SessionContext): Update {
  const m = runAgents(ctx.input, ctx.game!, ctx.newsRound);
  return {
    game: m.game,
    ...logged(ctx, m.events),
    lastEvents: [...ctx.lastEvents, ...m.events],
    agentStall: m.stalled ? stageKey(m.game, ctx.newsRound) : null,
  };
}

export const newsSeen = (ctx: SessionContext): Update => ({ newsRound: ctx.game!.round, lastEvents: [] });

/** Settling into a stage: remember its key (to notice when the game moves on) and time it. */
export const stageEntered = (ctx: SessionContext): Update => ({ at: stageKey(ctx.game, ctx.newsRound), countdown: countdownFor(ctx) });

export const countdownStarted = (ctx: SessionContext): Update => ({ countdown: startCountdown(ctx.countdown!, ctx.input.now()) });
export const countdownStopped = (ctx: SessionContext): Update => ({
  countdown: ctx.countdown && freezeCountdown(ctx.countdown, ctx.input.now()),
});
export const countdownExtended = (ctx: SessionContext, ms: number): Update => ({
  countdown: extendCountdown(ctx.countdown!, ms, ctx.input.now()),
});

/** Time is up: the news moves on by itself; a negotiating wait gets each awaited person's default move. */
export function countdownExpired(ctx: SessionContext): Update {
  const c = ctx.countdown!;
  const spent = { ...c, remainingMs: 0, deadline: null, expired: true };
  if (c.stage === 'news' || c.stage === 'shock') return { countdown: spent, ...newsSeen(ctx) };
  const m = applyDefaults(ctx.game!, c.sides);
  return { countdown: spent, game: m.game, ...logged(ctx, m.events), lastEvents: m.events, lastError: null };
}

/** The instructor's shock: an engine action from the instructor's seat, refused like any other move. */
export function injected(ctx: SessionContext, shock: string): Update {
  const r = step(ctx.game!, { type: 'inject', seat: 'instructor', shock });
  if (r.error) return { lastError: r.error };
  return { game: r.state, ...logged(ctx, r.events), lastEvents: r.events, lastError: null };
}

/** A counterfactual fork mid-game: the shocks from the next round on follow the new plan (this round's news is out). */
export function forked(ctx: SessionContext, overrides: Overrides): Update {
  const game = ctx.game!;
  const r = applyFork(game, overrides, game.round + 1);
  if (!r.ok) return { lastError: { code: 'fork-refused', params: Object.fromEntries(r.problems.map((p) => [p.path, p.rule])) } };
  return { game: r.state, lastEvents: [], lastError: null };
}

/** A delegation changes hands: to a person (agent null) or to an agent; a stalled agent loop may try again. */
export function reseated(ctx: SessionContext, side: Side, agent: Agent | null): Update {
  const humans = ctx.input.humanSeats.filter((s) => s !== side);
  const agents = { ...ctx.input.agents };
  if (agent) agents[side] = agent;
  else delete agents[side];
  return { input: { ...ctx.input, humanSeats: agent ? humans : [...humans, side], agents }, agentStall: null };
}
