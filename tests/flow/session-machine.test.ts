// The session machine driven like the UI drives it: intents in, snapshots out, with a simulated clock.
import { describe, expect, it } from 'vitest';
import { type Actor, createActor, SimulatedClock } from 'xstate';
import { ScenarioSchema } from '../../src/content/scenario-schema';
import type { Action, View } from '../../src/engine';
import {
  type Agent,
  countdownLeft,
  eventsForSeat,
  newsFor,
  type SessionInput,
  type SessionMachine,
  sessionMachine,
  stageFor,
  viewFor,
} from '../../src/flow';
import { miniScenario } from '../fixtures/mini-scenario';

const scenario = ScenarioSchema.parse(miniScenario());
// The stochastic slump stays out so each test walks a fixed path.
const calm = { disable: ['slump'] };

/** Test-only agent: tables its best package, accepts an offer only if it covers every open issue, passes at home. */
const cooperative: Agent = (view: View) => {
  const seat = view.side!;
  if (view.phase === 'domestic') return { type: 'pass', seat };
  const open = view.scenario.issues.filter((issue) => view.ledger[issue.id] === undefined);
  if (view.phase === 'response') {
    const whole = open.every((issue) => view.offer?.package[issue.id] !== undefined);
    return whole ? { type: 'accept', seat } : { type: 'reject', seat };
  }
  const pkg: Record<string, string> = {};
  for (const issue of open) {
    const values = view.own!.values[view.scenario.issues.indexOf(issue)]!;
    pkg[issue.id] = issue.options[values.indexOf(Math.max(...values))]!.id;
  }
  return { type: 'propose', seat, package: pkg };
};

type Session = Actor<SessionMachine>;

function session(extra: Partial<SessionInput> = {}): { actor: Session; clock: SimulatedClock; seen: string[] } {
  const clock = new SimulatedClock();
  const input: SessionInput = {
    scenario,
    seed: 7,
    overrides: calm,
    humanSeats: ['us'],
    agents: { mx: cooperative },
    now: () => clock.now(),
    ...extra,
  };
  const actor = createActor(sessionMachine, { input, clock });
  const seen: string[] = [];
  actor.subscribe((s) => {
    const label = leaf(s.value);
    if (seen.at(-1) !== label) seen.push(label);
  });
  actor.start();
  return { actor, clock, seen };
}

/** "playing.rounds.response" style name of the innermost meaningful state (timer children left out). */
function leaf(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, inner] = Object.entries(value as Record<string, unknown>)[0]!;
  if (inner === 'waiting' || inner === 'counting') return key;
  return `${key}.${leaf(inner)}`;
}

const act = (actor: Session, action: Action) => actor.send({ type: 'ACT', action });
const stateOf = (actor: Session) => leaf(actor.getSnapshot().value);
const game = (actor: Session) => actor.getSnapshot().context.game!;

/** START, READY and the first round's news acknowledged: the human US faces Mexico's opening offer. */
function atFirstOffer(extra: Partial<SessionInput> = {}) {
  const s = session(extra);
  s.actor.send({ type: 'START' });
  s.actor.send({ type: 'READY' });
  s.actor.send({ type: 'ACK' });
  return s;
}

describe('a solo game', () => {
  it('runs from setup to the debrief through news, shocks, a suspended round, signing and ratification', () => {
    const { actor, seen } = session();
    expect(stateOf(actor)).toBe('setup');
    actor.send({ type: 'START' });
    expect(stateOf(actor)).toBe('playing.briefing');
    actor.send({ type: 'READY' });
    expect(stateOf(actor)).toBe('playing.rounds.news');
    actor.send({ type: 'ACK' });
    // Mexico (the agent) opened with its best package; the person answers.
    expect(stateOf(actor)).toBe('playing.rounds.response');
    expect(game(actor).offer?.by).toBe('mx');
    act(actor, { type: 'reject', seat: 'us' });
    expect(stateOf(actor)).toBe('playing.rounds.domestic');
    expect(game(actor).domesticDone).toEqual({ us: false, mx: true });
    act(actor, { type: 'lobby', seat: 'us', constituency: 'white-house', amount: 1 });
    expect(stateOf(actor)).toBe('playing.rounds.domestic');
    act(actor, { type: 'pass', seat: 'us' });
    // Round 1: quiet news, then the US proposes a partial package, which the agent rejects.
    expect([stateOf(actor), game(actor).round]).toEqual(['playing.rounds.news', 1]);
    actor.send({ type: 'ACK' });
    expect(stateOf(actor)).toBe('playing.rounds.proposal');
    act(actor, { type: 'propose', seat: 'us', package: { legal: 'legal-1' } });
    expect(actor.getSnapshot().context.lastEvents.map((e) => e.type)).toEqual(['proposed', 'rejected', 'passed']);
    act(actor, { type: 'pass', seat: 'us' });
    // Round 2: the attack suspends talks, so after its interlude the round is domestic only.
    expect([stateOf(actor), game(actor).round]).toEqual(['playing.rounds.shock', 2]);
    actor.send({ type: 'ACK' });
    expect(stateOf(actor)).toBe('playing.rounds.domestic');
    act(actor, { type: 'pass', seat: 'us' });
    // Round 3: the election is news with a shock too; then a whole package is accepted and signed.
    expect([stateOf(actor), game(actor).round]).toEqual(['playing.rounds.shock', 3]);
    actor.send({ type: 'ACK' });
    act(actor, { type: 'propose', seat: 'us', package: { legal: 'legal-1', workers: 'workers-1', border: 'border-1', data: 'data-1' } });
    expect(stateOf(actor)).toBe('playing.signing');
    expect(actor.getSnapshot().context.lastEvents.map((e) => e.type)).toEqual([
      'proposed',
      'accepted',
      'signed',
      'ratification',
      'ratification',
      'ended',
    ]);
    actor.send({ type: 'ACK' });
    expect(stateOf(actor)).toBe('playing.ratification');
    actor.send({ type: 'ACK' });
    expect(stateOf(actor)).toBe('debrief');
    expect(game(actor).outcome?.agreement).toBe(true);
    expect(seen).toEqual([
      'setup',
      'playing.briefing',
      'playing.rounds.news',
      'playing.rounds.response',
      'playing.rounds.domestic',
      'playing.rounds.news',
      'playing.rounds.proposal',
      'playing.rounds.domestic',
      'playing.rounds.shock',
      'playing.rounds.domestic',
      'playing.rounds.shock',
      'playing.rounds.proposal',
      'playing.signing',
      'playing.ratification',
      'debrief',
    ]);
    // The log is the whole game: its actions replay to the same end, and it opens with round 0's start.
    const log = actor.getSnapshot().context.events;
    expect(log[0]).toEqual({ type: 'roundStarted', round: 0, proposer: 'mx', suspended: false });
    expect(log.filter((e) => e.type === 'roundStarted').map((e) => e.type === 'roundStarted' && e.round)).toEqual([0, 1, 2, 3]);
    expect(log.filter((e) => e.type === 'shockFired').map((e) => e.type === 'shockFired' && e.shock)).toEqual(['attack', 'election']);
  });

  it('goes straight to the debrief when the game ends without agreement', () => {
    const { actor, seen } = atFirstOffer();
    act(actor, { type: 'walkAway', seat: 'us' });
    expect(stateOf(actor)).toBe('debrief');
    expect(game(actor).outcome?.reason).toBe('walked-away');
    expect(seen).not.toContain('playing.signing');
  });

  it('is deterministic: the same input gives the same event log', () => {
    const run = () => {
      const { actor } = atFirstOffer({ overrides: {}, seed: 3 });
      act(actor, { type: 'reject', seat: 'us' });
      act(actor, { type: 'pass', seat: 'us' });
      return actor.getSnapshot().context.events;
    };
    expect(run()).toEqual(run());
  });

  it('starts again from setup on RESTART after the debrief', () => {
    const { actor } = atFirstOffer();
    act(actor, { type: 'walkAway', seat: 'us' });
    actor.send({ type: 'RESTART' });
    expect(stateOf(actor)).toBe('setup');
    expect(actor.getSnapshot().context.game).toBeNull();
    actor.send({ type: 'START' });
    expect(game(actor).round).toBe(0);
  });
});

describe('refused intents keep the game as it was', () => {
  it('an illegal move is kept as lastError and the game goes on unchanged', () => {
    const { actor } = atFirstOffer();
    const before = game(actor);
    act(actor, { type: 'accept', seat: 'us', issues: ['no-such-issue'] });
    expect(game(actor)).toBe(before);
    expect(actor.getSnapshot().context.lastError).toEqual({ code: 'unknown-issue', params: { issue: 'no-such-issue' } });
    expect(stateOf(actor)).toBe('playing.rounds.response');
    // The next legal move clears it.
    act(actor, { type: 'reject', seat: 'us' });
    expect(actor.getSnapshot().context.lastError).toBeNull();
  });

  it('a move for a delegation no person plays is refused, never thrown', () => {
    const { actor } = atFirstOffer();
    const before = game(actor);
    for (const seat of ['mx', 'mx.adviser', 'instructor']) {
      act(actor, { type: 'walkAway', seat });
      expect(actor.getSnapshot().context.lastError).toEqual({ code: 'seat-not-human', params: { seat } });
    }
    act(actor, { type: 'inject', seat: 'instructor', shock: 'attack' });
    expect(game(actor)).toBe(before);
  });

  it('a malformed seat is left to the engine to name', () => {
    const { actor } = atFirstOffer();
    act(actor, { type: 'reject', seat: 'martian' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('bad-seat');
  });

  it('moves outside the negotiation are refused with the reason', () => {
    const { actor } = session();
    act(actor, { type: 'pass', seat: 'us' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('not-in-play');
    actor.send({ type: 'START' });
    act(actor, { type: 'pass', seat: 'us' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('not-in-play');
    actor.send({ type: 'READY' });
    act(actor, { type: 'walkAway', seat: 'us' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('news-interlude');
    actor.send({ type: 'ACK' });
    actor.send({ type: 'PAUSE' });
    act(actor, { type: 'walkAway', seat: 'us' });
    expect(actor.getSnapshot().context.lastError?.code).toBe('paused');
    expect(game(actor).phase).toBe('response');
  });

  it('a session with a delegation nobody plays, or bad overrides, stays in setup with the reason', () => {
    const orphan = session({ agents: {} });
    orphan.actor.send({ type: 'START' });
    expect(stateOf(orphan.actor)).toBe('setup');
    expect(orphan.actor.getSnapshot().context.lastError).toMatchObject({ code: 'bad-config', params: { side: 'mx' } });
    const bad = session({ overrides: { disable: ['nope'] } });
    bad.actor.send({ type: 'START' });
    expect(stateOf(bad.actor)).toBe('setup');
    expect(String(bad.actor.getSnapshot().context.lastError?.params.problem)).toContain('nope');
  });
});

describe('agents', () => {
  it('a bad agent gets the default move instead, so the game cannot hang', () => {
    const bad: Agent = () => ({ type: 'propose', seat: 'mx', package: { nope: 'x' } });
    const throwing: Agent = () => {
      throw new Error('agent bug');
    };
    for (const agent of [bad, throwing]) {
      const { actor } = atFirstOffer({ agents: { mx: agent } });
      // Mexico's default opening is its own best package.
      expect(stateOf(actor)).toBe('playing.rounds.response');
      expect(actor.getSnapshot().context.events.find((e) => e.type === 'proposed')).toMatchObject({
        side: 'mx',
        options: { legal: 'legal-2', workers: 'workers-2', border: 'border-0', data: 'data-0' },
      });
      act(actor, { type: 'reject', seat: 'us' });
      expect(game(actor).domesticDone.mx).toBe(true);
    }
  });

  it('an agent that never ends its turn is given its default move after a bounded number of moves', () => {
    const rich = miniScenario();
    rich.delegations.mx.capital.initial = 20; // more than the 16 moves an agent gets per wait
    const lobbyist: Agent = (view) =>
      view.phase === 'domestic' ? { type: 'lobby', seat: 'mx', constituency: 'pan', amount: 1 } : cooperative(view);
    const { actor } = atFirstOffer({ scenario: ScenarioSchema.parse(rich), agents: { mx: lobbyist } });
    act(actor, { type: 'reject', seat: 'us' });
    const types = actor.getSnapshot().context.lastEvents.map((e) => e.type);
    expect(types.filter((t) => t === 'lobbied').length).toBe(16);
    expect(types.at(-1)).toBe('passed');
    expect(game(actor).domesticDone.mx).toBe(true);
  });

  it('sees only its own projection', () => {
    const views: View[] = [];
    const spy: Agent = (view) => {
      views.push(view);
      return cooperative(view);
    };
    atFirstOffer({ agents: { mx: spy } });
    expect(views.length).toBeGreaterThan(0);
    for (const v of views) {
      expect(v.side).toBe('mx');
      expect(v.reveal).toBeNull();
      expect(v.own?.reservation).toBe(0.3);
      expect(Object.keys(v)).not.toContain('sides');
    }
  });

  it('two agents play a whole game by themselves; the news moves on with its timer', () => {
    const { actor, clock } = session({ humanSeats: [], agents: { us: cooperative, mx: cooperative }, timers: { news: 3000 } });
    actor.send({ type: 'START' });
    actor.send({ type: 'READY' });
    expect(stateOf(actor)).toBe('playing.rounds.news');
    clock.increment(3000);
    // Mexico offers its best package; the US accepts only whole packages, so it takes it.
    expect(stateOf(actor)).toBe('playing.signing');
  });
});

describe('round timers', () => {
  it('the responder running out of time rejects, so the game moves to the domestic phase', () => {
    const { actor, clock } = atFirstOffer({ timers: { response: 5000 } });
    expect(actor.getSnapshot().context.countdown).toMatchObject({ stage: 'response', sides: ['us'], deadline: 5000 });
    clock.increment(4999);
    expect(stateOf(actor)).toBe('playing.rounds.response');
    clock.increment(1);
    expect(stateOf(actor)).toBe('playing.rounds.domestic');
    // The default move and the agent's reply that followed it form one batch.
    expect(actor.getSnapshot().context.lastEvents).toEqual([
      { type: 'rejected', side: 'us' },
      { type: 'passed', side: 'mx' },
    ]);
    // No domestic timer is configured: nothing more happens by itself.
    clock.increment(60_000);
    expect(stateOf(actor)).toBe('playing.rounds.domestic');
    expect(actor.getSnapshot().context.countdown).toBeNull();
  });

  it('PAUSE stops the clock; RESUME returns to the same state with the time that was left', () => {
    const { actor, clock } = atFirstOffer({ timers: { response: 5000 } });
    clock.increment(3000);
    actor.send({ type: 'PAUSE' });
    expect(stateOf(actor)).toBe('paused');
    expect(countdownLeft(actor.getSnapshot(), clock.now())).toBe(2000);
    clock.increment(60_000);
    expect(game(actor).phase).toBe('response');
    actor.send({ type: 'RESUME' });
    expect(stateOf(actor)).toBe('playing.rounds.response');
    expect(actor.getSnapshot().context.countdown?.deadline).toBe(clock.now() + 2000);
    clock.increment(1999);
    expect(game(actor).phase).toBe('response');
    clock.increment(1);
    expect(game(actor).phase).toBe('domestic');
  });

  it('EXTEND postpones the expiry, also while paused', () => {
    const { actor, clock } = atFirstOffer({ timers: { response: 5000 } });
    clock.increment(4000);
    actor.send({ type: 'EXTEND', ms: 3000 });
    clock.increment(2000);
    expect(game(actor).phase).toBe('response');
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'EXTEND', ms: 500 });
    actor.send({ type: 'RESUME' });
    // 1000 left + 3000, less the 2000 spent before the pause, + 500.
    expect(countdownLeft(actor.getSnapshot(), clock.now())).toBe(2500);
    clock.increment(2499);
    expect(game(actor).phase).toBe('response');
    clock.increment(1);
    expect(game(actor).phase).toBe('domestic');
  });

  it('EXTEND without a running countdown, or by a non-positive amount, changes nothing', () => {
    const { actor, clock } = atFirstOffer({ timers: { response: 5000 } });
    actor.send({ type: 'EXTEND', ms: -4000 });
    actor.send({ type: 'EXTEND', ms: Number.NaN });
    clock.increment(5000);
    expect(game(actor).phase).toBe('domestic');
    actor.send({ type: 'EXTEND', ms: 1000 });
    expect(actor.getSnapshot().context.countdown).toBeNull();
  });

  it('a counter-offer starts a fresh countdown for the new responder', () => {
    const { actor, clock } = atFirstOffer({ humanSeats: ['us', 'mx'], agents: {}, timers: { proposal: 8000, response: 5000 } });
    act(actor, { type: 'propose', seat: 'mx', package: { legal: 'legal-2' } });
    clock.increment(4000);
    act(actor, { type: 'counter', seat: 'us', package: { legal: 'legal-0' } });
    expect(actor.getSnapshot().context.countdown).toMatchObject({ sides: ['mx'], deadline: clock.now() + 5000 });
    clock.increment(4999);
    expect(game(actor).turn).toBe('mx');
    clock.increment(1);
    expect(game(actor).phase).toBe('domestic');
  });

  it('a domestic countdown passes for every person who has not yet passed', () => {
    const { actor, clock } = atFirstOffer({ humanSeats: ['us', 'mx'], agents: {}, timers: { domestic: 1000 } });
    act(actor, { type: 'propose', seat: 'mx', package: { legal: 'legal-2' } });
    act(actor, { type: 'reject', seat: 'us' });
    act(actor, { type: 'pass', seat: 'mx' });
    clock.increment(1000);
    expect(actor.getSnapshot().context.lastEvents.map((e) => e.type)).toEqual(['passed', 'roundStarted']);
    expect(stateOf(actor)).toBe('playing.rounds.news');
  });

  it('the proposer running out of time tables its default package', () => {
    const { actor, clock } = session({ timers: { proposal: 2000, news: 1000 } });
    actor.send({ type: 'START' });
    actor.send({ type: 'READY' });
    act(actor, { type: 'reject', seat: 'us' });
    clock.increment(1000);
    act(actor, { type: 'reject', seat: 'us' });
    act(actor, { type: 'pass', seat: 'us' });
    expect(stateOf(actor)).toBe('playing.rounds.news');
    clock.increment(1000);
    expect([stateOf(actor), game(actor).proposer]).toEqual(['playing.rounds.proposal', 'us']);
    clock.increment(2000);
    expect(actor.getSnapshot().context.lastEvents[0]).toMatchObject({
      type: 'proposed',
      side: 'us',
      options: { legal: 'legal-0', workers: 'workers-1', border: 'border-2', data: 'data-2' },
    });
  });
});

describe('news and shocks', () => {
  it('the attack in round 2 shows a shock interlude and the suspended round goes straight to domestic', () => {
    const { actor, clock } = atFirstOffer({ humanSeats: ['us', 'mx'], agents: {}, timers: { domestic: 1000, news: 2000 } });
    act(actor, { type: 'propose', seat: 'mx', package: { legal: 'legal-2' } });
    act(actor, { type: 'reject', seat: 'us' });
    clock.increment(1000);
    expect([stateOf(actor), game(actor).round]).toEqual(['playing.rounds.news', 1]);
    expect(newsFor(actor.getSnapshot(), 'us')).toEqual([]);
    actor.send({ type: 'ACK' });
    act(actor, { type: 'walkAway', seat: 'mx.adviser' }); // advisers cannot walk away: refused, nothing moves
    expect(actor.getSnapshot().context.lastError?.code).toBe('role-cannot');
    act(actor, { type: 'propose', seat: 'us', package: { border: 'border-2' } });
    act(actor, { type: 'reject', seat: 'mx' });
    clock.increment(1000);
    expect([stateOf(actor), game(actor).round, stageFor(actor.getSnapshot())]).toEqual(['playing.rounds.shock', 2, 'shock']);
    expect(newsFor(actor.getSnapshot(), 'mx').map((s) => s.id)).toEqual(['attack']);
    // The shock's effects on the US are the US's to see only.
    expect(newsFor(actor.getSnapshot(), 'mx')[0]!.effects.map((e) => e.kind)).toEqual(['suspend']);
    expect(newsFor(actor.getSnapshot(), 'us')[0]!.effects.map((e) => e.kind)).toEqual(['weight', 'stake', 'trust', 'suspend']);
    clock.increment(2000); // the interlude moves on by itself
    expect([stateOf(actor), game(actor).phase]).toEqual(['playing.rounds.domestic', 'domestic']);
    act(actor, { type: 'propose', seat: 'mx', package: { legal: 'legal-2' } });
    expect(actor.getSnapshot().context.lastError?.code).toBe('talks-suspended');
  });
});

describe('pause and resume', () => {
  it('returns to the exact state it left, from the briefing to the signing', () => {
    const { actor } = session();
    actor.send({ type: 'START' });
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'READY' }); // ignored while paused
    actor.send({ type: 'RESUME' });
    expect(stateOf(actor)).toBe('playing.briefing');
    actor.send({ type: 'READY' });
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'ACK' });
    actor.send({ type: 'RESUME' });
    expect(stateOf(actor)).toBe('playing.rounds.news');
    actor.send({ type: 'ACK' });
    act(actor, { type: 'accept', seat: 'us' });
    expect(stateOf(actor)).toBe('playing.signing');
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'RESUME' });
    expect(stateOf(actor)).toBe('playing.signing');
  });

  it('RESTART while paused quits to setup', () => {
    const { actor } = atFirstOffer();
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'RESTART' });
    expect(stateOf(actor)).toBe('setup');
    expect(actor.getSnapshot().context.events).toEqual([]);
  });
});

describe('selectors', () => {
  it('viewFor is the engine projection, so a seat never sees the other side secrets', () => {
    const { actor } = session();
    expect(viewFor(actor.getSnapshot(), 'us')).toBeNull();
    actor.send({ type: 'START' });
    const us = viewFor(actor.getSnapshot(), 'us')!;
    expect(us.own?.reservation).toBe(0.4);
    expect(JSON.stringify(us)).not.toContain('"reservation":0.3');
  });

  it('eventsForSeat hides the other delegation lobbying', () => {
    const { actor } = atFirstOffer();
    act(actor, { type: 'reject', seat: 'us' });
    act(actor, { type: 'lobby', seat: 'us', constituency: 'white-house', amount: 1 });
    const lobbied = (seat: string) => eventsForSeat(actor.getSnapshot(), seat).filter((e) => e.type === 'lobbied').length;
    expect([lobbied('us'), lobbied('mx')]).toEqual([1, 0]);
  });
});
