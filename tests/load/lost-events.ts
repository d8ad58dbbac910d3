// Lost events: what a seat received (the deltas of its 'update' messages) against what it should have
// received, which is the seat's filter of the game the server stored (its envelope replayed by the engine,
// with the opening news the session logs before the first move).
import type { ClassResultsTable } from '../../src/content/classroom-schema';
import { getScenario } from '../../src/content/scenarios';
import { createGame, type Envelope, eventsFor, type GameEvent, replay } from '../../src/engine';
import { openingEvents } from '../../src/flow/session-stage';

/** Every event of the stored game, in the order the session logged them, or why it does not replay. */
export function storedEvents(envelope: NonNullable<ClassResultsTable['envelope']>): { ok: true; events: GameEvent[] } | { ok: false; reason: string } {
  const env = envelope as Envelope;
  const scenario = getScenario(env.scenarioId);
  if (!scenario) return { ok: false, reason: `unknown scenario ${env.scenarioId}` };
  const events: GameEvent[] = openingEvents(createGame(scenario, env.seed, { overrides: env.overrides }));
  const r = replay(env, getScenario, env.events.length, (step) => events.push(...step));
  if (!r.ok) return { ok: false, reason: r.reason === 'illegal-event' ? `event ${r.index} does not replay: ${r.error.code}` : r.reason };
  return { ok: true, events };
}

/** The events one engine seat ("us.lead", "mx.adviser") may see of the stored game. */
export const seatProjection = (all: readonly GameEvent[], engineSeat: string): GameEvent[] => eventsFor(all, engineSeat);

/** JSON with sorted keys, so two equal events compare equal whatever order their fields were built in. */
export function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x && typeof x === 'object')
    return `{${Object.keys(x)
      .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(x);
}

export interface EventCheck {
  expected: number;
  received: number;
  /** Expected events the seat never received (in order). */
  lost: number;
  /** Received events that are not in the stored game at that place (duplicates, reordering, leaks). */
  extra: number;
  /** Index in the expected list of the first difference, or null when the lists are equal. */
  firstDifference: number | null;
}

/** Matches the expected events in order against the received ones; what cannot be matched is lost or extra. */
export function compareEvents(received: readonly GameEvent[], expected: readonly GameEvent[]): EventCheck {
  const r = received.map(canonical);
  const e = expected.map(canonical);
  let firstDifference: number | null = null;
  for (let i = 0; i < Math.max(r.length, e.length); i++)
    if (r[i] !== e[i]) {
      firstDifference = i;
      break;
    }
  let matched = 0;
  let j = 0;
  for (const ev of e) {
    let k = j;
    while (k < r.length && r[k] !== ev) k++;
    if (k < r.length) {
      matched++;
      j = k + 1;
    }
  }
  return { expected: e.length, received: r.length, lost: e.length - matched, extra: r.length - matched, firstDifference };
}
