// Property: the same envelope always replays to the same state and the same events, byte for byte,
// over random seeds and random legal action sequences; refused actions never change anything.
import { describe, expect, it } from 'vitest';
import { createGame, envelopeOf, type GameEvent, type GameState, replay, RngStream, serializeState, step } from '../../src/engine';
import { randomIllegalAction, randomLegalAction } from '../helpers/random-play';
import { scenariosUnderTest } from '../helpers/scenarios';

const SEEDS = 500;

function randomGame(scenario: GameState['scenario'], seed: number): { state: GameState; events: GameEvent[]; refusedChecked: number } {
  const rng = RngStream.fromSeed(seed * 7919 + 17);
  let state = createGame(scenario, seed);
  const events: GameEvent[] = [];
  let refusedChecked = 0;
  for (let n = 0; n < 400 && state.phase !== 'ended'; n++) {
    if (rng.float() < 0.15) {
      const bad = randomIllegalAction(state, rng);
      const before = serializeState(state);
      const r = step(state, bad);
      if (r.error) {
        expect(r.state).toBe(state);
        expect(serializeState(r.state)).toBe(before);
        refusedChecked++;
      }
    }
    const action = randomLegalAction(state, rng)!;
    const r = step(state, action);
    expect(r.error, JSON.stringify({ action, error: r.error })).toBeUndefined();
    state = r.state;
    events.push(...r.events);
  }
  return { state, events, refusedChecked };
}

describe.each(scenariosUnderTest().map((s) => [s.id, s] as const))('determinism: %s', (_id, scenario) => {
  it(`${SEEDS} random seeds replay byte for byte`, () => {
    let ended = 0;
    let refused = 0;
    for (let seed = 0; seed < SEEDS; seed++) {
      const { state, events, refusedChecked } = randomGame(scenario, seed);
      refused += refusedChecked;
      if (state.phase === 'ended') ended++;
      const envelope = JSON.parse(JSON.stringify(envelopeOf(state)));
      const again = replay(envelope, (id) => (id === scenario.id ? scenario : undefined));
      expect(again.ok).toBe(true);
      if (!again.ok) return;
      expect(serializeState(again.state)).toBe(serializeState(state));
      // Re-stepping the recorded actions gives the same events too.
      let s2 = createGame(scenario, seed);
      const events2: GameEvent[] = [];
      for (const a of envelope.events) {
        const r = step(s2, a);
        s2 = r.state;
        events2.push(...r.events);
      }
      expect(JSON.stringify(events2)).toBe(JSON.stringify(events));
    }
    // The random games must actually reach ends and exercise refusals, or the property says little.
    expect(ended).toBeGreaterThan(SEEDS * 0.9);
    expect(refused).toBeGreaterThan(SEEDS);
  });
});
