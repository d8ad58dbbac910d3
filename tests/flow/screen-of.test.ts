// The screen a session snapshot puts a seat on, read the same way by solo play and the classroom server.
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { ScenarioSchema } from '../../src/content/scenario-schema';
import { screenOf, sessionMachine } from '../../src/flow';
import { miniScenario } from '../fixtures/mini-scenario';

const scenario = ScenarioSchema.parse(miniScenario());

function session() {
  const clock = new SimulatedClock();
  // Both delegations human: nothing moves unless the test sends it.
  const actor = createActor(sessionMachine, { input: { scenario, seed: 7, overrides: { disable: ['slump'] }, humanSeats: ['us', 'mx'], agents: {}, now: () => clock.now() }, clock });
  actor.start();
  return { actor, screen: () => screenOf(actor.getSnapshot()) };
}

describe('screenOf', () => {
  it('is waiting before the game opens, then follows the game: briefing, news interlude, table', () => {
    const { actor, screen } = session();
    expect(screen()).toBe('waiting');
    actor.send({ type: 'START' });
    expect(screen()).toBe('briefing');
    actor.send({ type: 'READY' });
    expect(screen()).toBe('interlude');
    actor.send({ type: 'ACK' });
    expect(screen()).toBe('table');
  });

  it('while paused, is the screen the pause interrupted, and stays it after RESUME', () => {
    const { actor, screen } = session();
    actor.send({ type: 'START' });
    for (const [advance, expected] of [[null, 'briefing'], ['READY', 'interlude'], ['ACK', 'table']] as const) {
      if (advance) actor.send({ type: advance });
      actor.send({ type: 'PAUSE' });
      expect(actor.getSnapshot().matches('paused')).toBe(true);
      expect(screen()).toBe(expected);
      actor.send({ type: 'RESUME' });
      expect(actor.getSnapshot().matches('paused')).toBe(false);
      expect(screen()).toBe(expected);
    }
  });
});
