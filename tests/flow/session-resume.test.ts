// A saved game (its actions) reopens exactly where it was; actions that do not replay are refused.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { playOut } from '../../src/ai/play-out';
import { scriptedPolicy } from '../../src/ai/scripted';
import { ScenarioSchema } from '../../src/content/scenario-schema';
import { createGame, envelopeOf, forkAtRound, replay, serializeState } from '../../src/engine';
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
  it('resumes a forked game as played: its forks are replayed with its actions', () => {
    const get = (id: string) => (id === scenario.id ? scenario : undefined);
    // A parent in which the attack (round 2) happened, forked at round 2 without it.
    let parent: ReturnType<typeof envelopeOf> | null = null;
    for (let seed = 0; seed < 200 && !parent; seed++) {
      const end = playOut(createGame(scenario, seed, { overrides: { disable: ['slump'] } }), { us: scriptedPolicy, mx: scriptedPolicy }).state;
      if (end.outcome!.round >= 3 && end.fired.some((f) => f.id === 'attack')) parent = envelopeOf(end);
    }
    if (!parent) throw new Error('no parent game with the attack');
    const fork = forkAtRound(parent, 2, { disable: ['attack'] }, get);
    if (!fork.ok) throw new Error(JSON.stringify(fork.problems));
    const resumed = (forks: object) => {
      const actor = createActor(sessionMachine, {
        input: { scenario, seed: parent!.seed, overrides: parent!.overrides, humanSeats: ['us'], agents: { mx: scriptedPolicy }, resume: fork.envelope.events, ...forks },
      });
      actor.start();
      actor.send({ type: 'START' });
      return actor.getSnapshot().context;
    };
    const ctx = resumed({ forks: fork.envelope.forks });
    expect(ctx.lastError).toBeNull();
    expect(serializeState(ctx.game!)).toBe(serializeState(fork.state));
    expect(ctx.game!.forks).toEqual(fork.envelope.forks);
    expect(ctx.game!.fired.map((f) => f.id)).not.toContain('attack');
    expect(ctx.events.some((e) => e.type === 'shockFired' && e.shock === 'attack')).toBe(false);
    // The same game saved again is the fork's envelope, and it replays to the same state.
    expect(envelopeOf(ctx.game!)).toEqual(fork.envelope);
    const again = replay(envelopeOf(ctx.game!), get);
    expect(again.ok && serializeState(again.state)).toBe(serializeState(ctx.game!));
    // Without its forks the same actions are another game: the attack comes back.
    expect(resumed({}).game!.fired.map((f) => f.id)).toContain('attack');
  });
});
