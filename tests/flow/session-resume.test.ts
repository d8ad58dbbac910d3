// A saved game (its actions) reopens exactly where it was; actions that do not replay are refused.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { scriptedPolicy } from '../../src/ai/scripted';
import { ScenarioSchema } from '../../src/content/scenario-schema';
import { serializeState } from '../../src/engine';
import { sessionMachine } from '../../src/flow';
import { miniScenario } from '../fixtures/mini-scenario';

const scenario = ScenarioSchema.parse(miniScenario());
const input = { scenario, seed: 11, humanSeats: ['us'] as const, agents: { mx: scriptedPolicy } };

function begin(extra: object = {}) {
  const actor = createActor(sessionMachine, { input: { ...input, humanSeats: ['us'], ...extra } });
  actor.start();
  actor.send({ type: 'START' });
  actor.send({ type: 'READY' });
  actor.send({ type: 'ACK' });
  return actor;
}

describe('resuming a saved session', () => {
  it('rebuilds the same game from its actions', () => {
    const a = begin();
    a.send({ type: 'ACT', action: { type: 'reject', seat: 'us' } });
    a.send({ type: 'ACT', action: { type: 'lobby', seat: 'us', constituency: 'senate', amount: 1 } });
    const game = a.getSnapshot().context.game!;
    expect(game.actions.length).toBeGreaterThan(2);
    const b = begin({ resume: game.actions });
    expect(serializeState(b.getSnapshot().context.game!)).toBe(serializeState(game));
    expect(b.getSnapshot().context.lastError).toBeNull();
    // The transcript comes back too.
    expect(JSON.stringify(b.getSnapshot().context.events)).toBe(JSON.stringify(a.getSnapshot().context.events));
  });
  it('refuses actions that do not replay, naming the first bad one', () => {
    const b = begin({ resume: [{ type: 'pass', seat: 'us' }] });
    expect(b.getSnapshot().context.game).toBeNull();
    expect(b.getSnapshot().context.lastError).toEqual({ code: 'bad-config', params: { problem: 'event 0 does not replay: wrong-phase' } });
  });
});
