// A game is its envelope: scenario id, seed, overrides and the actions taken. Replaying rebuilds the
// state exactly; an envelope that does not replay is refused with the index of its first bad event.
import type { Scenario } from '../content/scenario-schema';
import { applyFork } from './fork';
import { createGame, GameConfigError, step } from './step';
import type { Envelope, GameEvent, GameState, Refusal } from './types';

export type ReplayResult =
  | { ok: true; state: GameState }
  | { ok: false; reason: 'unknown-scenario'; scenarioId: string }
  | { ok: false; reason: 'bad-options'; problems: { path: string; rule: string }[] }
  | { ok: false; reason: 'illegal-event'; index: number; error: Refusal };

/** `onEvents` receives each replayed step's events (e.g. to rebuild a transcript). */
export function replay(
  envelope: Envelope,
  getScenario: (id: string) => Scenario | undefined,
  upTo = envelope.events.length,
  onEvents?: (events: GameEvent[]) => void,
): ReplayResult {
  const scenario = getScenario(envelope.scenarioId);
  if (!scenario) return { ok: false, reason: 'unknown-scenario', scenarioId: envelope.scenarioId };
  let state: GameState;
  try {
    state = createGame(scenario, envelope.seed, { overrides: envelope.overrides });
  } catch (e) {
    if (e instanceof GameConfigError) return { ok: false, reason: 'bad-options', problems: e.problems };
    throw e;
  }
  const n = Math.min(upTo, envelope.events.length);
  const forks = envelope.forks ?? [];
  let f = 0;
  for (let i = 0; i <= n; i++) {
    // A fork at event i re-plans the shocks before that event is applied.
    while (f < forks.length && forks[f]!.atEvent === i) {
      const forked = applyFork(state, forks[f]!.overrides, forks[f]!.round);
      if (!forked.ok) return { ok: false, reason: 'bad-options', problems: forked.problems };
      state = forked.state;
      f++;
    }
    if (i === n) break;
    const r = step(state, envelope.events[i]!);
    if (r.error) return { ok: false, reason: 'illegal-event', index: i, error: r.error };
    onEvents?.(r.events);
    state = r.state;
  }
  return { ok: true, state };
}

export function envelopeOf(state: GameState): Envelope {
  const base = { scenarioId: state.scenarioId, seed: state.seed, overrides: state.overrides, events: [...state.actions] };
  return state.forks.length ? { ...base, forks: [...state.forks] } : base;
}

/** The state as JSON without the shared scenario: what "the same state, byte for byte" compares. */
export function serializeState(state: GameState): string {
  const { scenario: _scenario, ...rest } = state;
  return JSON.stringify(rest);
}
