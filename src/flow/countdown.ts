// Round timers as data. The machine schedules the expiry (an `after` whose delay is `remainingMs`); these
// functions only say which wait is timed and for how long. Pausing freezes what is left and resuming
// starts from there: a pause neither costs nor gives anyone time.
import { awaitedSides } from '../engine';
import { isPhaseStage, stageKey, stageOf } from './session-stage';
import type { Countdown, SessionContext } from './session-types';

/**
 * The countdown for the wait the table is in: the same one if the wait has not changed (so a resumed
 * or re-entered stage keeps its time), a fresh one for a new wait, or null when that wait is not timed.
 * A negotiating wait is timed only while a person is awaited; the news is timed for everyone.
 */
export function countdownFor(ctx: Pick<SessionContext, 'game' | 'newsRound' | 'input' | 'countdown'>): Countdown | null {
  const { game, newsRound, input } = ctx;
  const stage = stageOf(game, newsRound);
  if (!game || !stage || stage === 'signing' || stage === 'debrief') return null;
  const key = stageKey(game, newsRound);
  if (ctx.countdown?.key === key) return ctx.countdown;
  const ms = isPhaseStage(stage) ? input.timers[stage] : input.timers.news;
  if (ms === undefined) return null;
  const sides = isPhaseStage(stage) ? awaitedSides(game).filter((s) => input.humanSeats.includes(s)) : [];
  if (isPhaseStage(stage) && sides.length === 0) return null;
  return { key, stage, sides, totalMs: ms, remainingMs: ms, deadline: null, expired: false };
}

export const canRun = (c: Countdown | null): c is Countdown => c !== null && !c.expired;

export const startCountdown = (c: Countdown, now: number): Countdown => ({ ...c, deadline: now + c.remainingMs });

/** Stops the clock on it, keeping what is left. */
export function freezeCountdown(c: Countdown, now: number): Countdown {
  return c.deadline === null ? c : { ...c, remainingMs: Math.max(0, c.deadline - now), deadline: null };
}

/** More time: frozen with the extra added, so the machine restarts it from the new remainder. */
export function extendCountdown(c: Countdown, ms: number, now: number): Countdown {
  const frozen = freezeCountdown(c, now);
  return { ...frozen, remainingMs: frozen.remainingMs + ms, totalMs: frozen.totalMs + ms };
}

export const isValidExtension = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && ms > 0;

/** Milliseconds left at `now` (for the UI), or null when nothing is timed. */
export function timeLeft(c: Countdown | null, now: number): number | null {
  if (!canRun(c)) return null;
  return c.deadline === null ? c.remainingMs : Math.max(0, c.deadline - now);
}
