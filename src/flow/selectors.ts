// What the UI reads from a session snapshot. The game in the context holds both sides' secrets, so a
// seat sees it only through the engine's projection and event filter.
import type { SnapshotFrom } from 'xstate';
import { awaitedSides, eventsFor, type GameEvent, projection, type ShockView, type Side, type View } from '../engine';
import { timeLeft } from './countdown';
import type { SessionMachine } from './session-machine';
import { stageOf } from './session-stage';
import type { Stage } from './session-types';

export type SessionSnapshot = SnapshotFrom<SessionMachine>;

/** The game as one seat sees it ("us", "mx.adviser", "instructor"…); null before the game starts. */
export function viewFor(snapshot: SessionSnapshot, seat: string): View | null {
  const { game } = snapshot.context;
  return game ? projection(game, seat) : null;
}

/** The event log as one seat may see it (another delegation's lobbying is hidden). */
export function eventsForSeat(snapshot: SessionSnapshot, seat: string, fromIndex = 0): GameEvent[] {
  return eventsFor(snapshot.context.events.slice(fromIndex), seat);
}

/** The shocks of the current round's news, as the seat sees them (for the shock interlude). */
export function newsFor(snapshot: SessionSnapshot, seat: string): ShockView[] {
  const view = viewFor(snapshot, seat);
  return view ? view.fired.filter((f) => f.round === view.round) : [];
}

/** Where the game stands (the engine's phase, or news/signing/debrief), whatever the machine is showing. */
export function stageFor(snapshot: SessionSnapshot): Stage | null {
  return stageOf(snapshot.context.game, snapshot.context.newsRound);
}

/** Human delegations the game is waiting for now. */
export function awaitedHumans(snapshot: SessionSnapshot): Side[] {
  const { game, input } = snapshot.context;
  return game && snapshot.matches({ playing: 'rounds' }) ? awaitedSides(game).filter((s) => input.humanSeats.includes(s)) : [];
}

/** Milliseconds left on the running countdown at `now` (frozen while paused), or null. */
export function countdownLeft(snapshot: SessionSnapshot, now: number): number | null {
  return timeLeft(snapshot.context.countdown, now);
}
