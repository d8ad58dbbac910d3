// The classroom's events on the session: the instructor's shock (INJECT), a counterfactual re-plan of the
// shocks to come (FORK), and a delegation changing hands between a person and an agent (SEAT).
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { ScenarioSchema } from '../../src/content/scenario-schema';
import { type Action, defaultAction, replay, envelopeOf, type View } from '../../src/engine';
import { type Agent, type SessionInput, sessionMachine } from '../../src/flow';
import { miniScenario } from '../fixtures/mini-scenario';

const scenario = ScenarioSchema.parse(miniScenario());

/** Test-only agent: whatever the engine would do by default for its delegation. */
const byDefault = (view: View): Action => {
  throw new Error(`no move chosen for ${view.side}`);
};

function table(extra: Partial<SessionInput> = {}) {
  const clock = new SimulatedClock();
  const actor = createActor(sessionMachine, {
    clock,
    input: { scenario, seed: 7, overrides: { disable: ['slump'] }, humanSeats: ['us', 'mx'], agents: {}, now: () => clock.now(), ...extra },
  });
  actor.start();
  actor.send({ type: 'START' });
  actor.send({ type: 'READY' });
  actor.send({ type: 'ACK' });
  return actor;
}

const ctx = (actor: ReturnType<typeof table>) => actor.getSnapshot().context;

describe('INJECT: the instructor’s shock', () => {
  it('lands now as an engine action in the log, so the game replays with it', () => {
    const actor = table();
    actor.send({ type: 'INJECT', shock: 'early-push' });
    const c = ctx(actor);
    expect(c.lastError).toBeNull();
    expect(c.game!.fired.map((f) => f.id)).toContain('early-push');
    expect(c.lastEvents.some((e) => e.type === 'shockFired')).toBe(true);
    expect(c.game!.actions.at(-1)).toEqual({ type: 'inject', seat: 'instructor', shock: 'early-push' });
    const again = replay(envelopeOf(c.game!), () => scenario);
    expect(again.ok && again.state.fired.map((f) => f.id)).toEqual(c.game!.fired.map((f) => f.id));
  });

  it('is refused with the engine’s reason for an unknown shock or one already fired, and the game is untouched', () => {
    const actor = table();
    const before = ctx(actor).game;
    actor.send({ type: 'INJECT', shock: 'nope' });
    expect(ctx(actor).lastError).toEqual({ code: 'unknown-shock', params: { shock: 'nope' } });
    expect(ctx(actor).game).toBe(before);
    actor.send({ type: 'INJECT', shock: 'early-push' });
    actor.send({ type: 'INJECT', shock: 'early-push' });
    expect(ctx(actor).lastError?.code).toBe('shock-already-fired');
  });

  it('also lands while the table is paused', () => {
    const actor = table();
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'INJECT', shock: 'early-push' });
    expect(actor.getSnapshot().matches('paused')).toBe(true);
    expect(ctx(actor).game!.fired.map((f) => f.id)).toContain('early-push');
  });
});

describe('FORK: re-planning the shocks still to come', () => {
  it('switches off a later shock from the next round on and records the fork', () => {
    const actor = table();
    actor.send({ type: 'FORK', overrides: { disable: ['attack'] } });
    const g = ctx(actor).game!;
    expect(ctx(actor).lastError).toBeNull();
    expect(g.forks).toEqual([{ atEvent: g.actions.length, round: 1, overrides: { disable: ['attack'] } }]);
    expect(g.pending.map((p) => p.id)).not.toContain('attack');
  });

  it('is refused, naming the shock and the rule, for a shock that does not exist', () => {
    const actor = table();
    actor.send({ type: 'FORK', overrides: { disable: ['nope'] } });
    expect(ctx(actor).lastError?.code).toBe('fork-refused');
    expect(JSON.stringify(ctx(actor).lastError!.params)).toContain('nope');
    expect(ctx(actor).game!.forks).toEqual([]);
  });
});

describe('SEAT: a delegation changes hands', () => {
  it('an agent given the awaited delegation moves at once; handed back, the person is awaited again', () => {
    const actor = table();
    const g = ctx(actor).game!;
    const awaited = g.turn!;
    const agent: Agent = (view) => defaultAction(ctx(actor).game!, view.side!) ?? byDefault(view);
    const before = g.actions.length;
    actor.send({ type: 'SEAT', side: awaited, agent });
    expect(ctx(actor).input.humanSeats).not.toContain(awaited);
    expect(ctx(actor).game!.actions.length).toBeGreaterThan(before);
    expect(ctx(actor).game!.actions.slice(before).some((a) => a.seat === awaited)).toBe(true);
    actor.send({ type: 'SEAT', side: awaited, agent: null });
    expect(ctx(actor).input.humanSeats).toContain(awaited);
    expect(ctx(actor).input.agents[awaited]).toBeUndefined();
  });
});
