// The load test's own arithmetic and checks: percentiles, the verdict, the lost-event comparison and the
// stored-game projection it compares against, the move-to-event matching, and the options.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createOpponent, historicalPersona } from '../../src/ai/opponent';
import { getScenario } from '../../src/content/scenarios';
import { envelopeOf, type GameEvent, RngStream, type Side } from '../../src/engine';
import { eventsForSeat, sessionMachine } from '../../src/flow';
import { OptionError, parseOptions } from './args';
import { AnswerBook, joinRefusal, MISDEEDS } from './hostile';
import { compareEvents, seatProjection, storedEvents } from './lost-events';
import { distribution, percentile, verdict } from './stats';
import { madeBy } from './table';

describe('percentiles', () => {
  it('are nearest-rank over the sorted samples', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    const d = distribution(xs)!;
    expect(d).toMatchObject({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(distribution([])).toBeNull();
  });

  it('the seeded generator the bots draw from (the engine’s stream) repeats with its seed and stays in [0, 1)', () => {
    const a = RngStream.fromSeed(42);
    const b = RngStream.fromSeed(42);
    const xs = Array.from({ length: 1000 }, () => a.float());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.float()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(RngStream.fromSeed(43).float()).not.toBe(xs[0]);
  });
});

describe('the verdict', () => {
  const ok = { moveLatency: distribution([10, 20, 30]), errors: 0, lostEvents: 0, seatsChecked: 4 };

  it('passes only when every target holds', () => {
    expect(verdict(ok).pass).toBe(true);
    expect(verdict({ ...ok, moveLatency: distribution([...Array(99).fill(10), 151]) }).pass).toBe(true); // p99 is the 99th of 100
    expect(verdict({ ...ok, moveLatency: distribution([...Array(98).fill(10), 151, 151]) }).pass).toBe(false);
    expect(verdict({ ...ok, errors: 1 }).pass).toBe(false);
    expect(verdict({ ...ok, lostEvents: 1 }).pass).toBe(false);
  });

  it('with hostile clients, passes only when some bad requests were sent and every one was answered as expected', () => {
    expect(verdict({ ...ok, hostile: { expected: 12, unexpected: 0 } }).pass).toBe(true);
    const wrong = verdict({ ...ok, hostile: { expected: 12, unexpected: 1 } });
    expect(wrong.pass).toBe(false);
    expect(wrong.checks.at(-1)).toMatchObject({ name: 'hostile requests refused as expected', measured: '12 as expected, 1 otherwise', ok: false });
    expect(verdict({ ...ok, hostile: { expected: 0, unexpected: 0 } }).pass).toBe(false);
    expect(verdict(ok).checks.map((c) => c.name)).not.toContain('hostile requests refused as expected');
  });

  it('a run that measured nothing fails', () => {
    const none = verdict({ ...ok, moveLatency: null });
    expect(none.pass).toBe(false);
    expect(none.checks[0]!.measured).toBe('no moves measured');
    expect(verdict({ ...ok, seatsChecked: 0 }).pass).toBe(false);
  });
});

describe('lost events', () => {
  const a: GameEvent = { type: 'passed', side: 'us' };
  const b: GameEvent = { type: 'rejected', side: 'mx' };
  const c: GameEvent = { type: 'lobbied', side: 'us', constituency: 'x', amount: 1 };

  it('equal lists lose nothing, whatever the order of fields', () => {
    expect(compareEvents([a, { side: 'mx', type: 'rejected' } as GameEvent], [a, b])).toEqual({ expected: 2, received: 2, lost: 0, extra: 0, firstDifference: null });
  });

  it('a missing event is lost, a duplicate is extra, and the first difference is named', () => {
    expect(compareEvents([a, c], [a, b, c])).toMatchObject({ lost: 1, extra: 0, firstDifference: 1 });
    expect(compareEvents([a, b, b, c], [a, b, c])).toMatchObject({ lost: 0, extra: 1, firstDifference: 2 });
    expect(compareEvents([a, b], [a, b, c])).toMatchObject({ lost: 1, extra: 0, firstDifference: 2 });
  });

  it('the stored game replayed gives exactly the events the session logged, and each seat its own filter', () => {
    const scenario = getScenario('whole-enchilada-2001')!;
    const agent = (side: Side) => {
      const o = createOpponent(scenario, side, { persona: historicalPersona(scenario, side), difficulty: 'normal' }, 5);
      if (!o.ok) throw new Error(o.error);
      return o.agent;
    };
    const actor = createActor(sessionMachine, { input: { scenario, seed: 9, overrides: {}, humanSeats: [], agents: { us: agent('us'), mx: agent('mx') }, timers: {} } });
    actor.start();
    actor.send({ type: 'START' });
    for (let n = 0; n < 200 && !actor.getSnapshot().matches('debrief'); n++) actor.send({ type: actor.getSnapshot().matches({ playing: 'briefing' }) ? 'READY' : 'ACK' });
    const snap = actor.getSnapshot();
    expect(snap.matches('debrief')).toBe(true);
    const stored = storedEvents(JSON.parse(JSON.stringify(envelopeOf(snap.context.game!))));
    if (!stored.ok) throw new Error(stored.reason);
    expect(stored.events).toEqual(snap.context.events);
    // The AIs lobby in this game, so the two delegations' lists differ.
    expect(snap.context.events.some((e) => e.type === 'lobbied')).toBe(true);
    for (const seat of ['us.lead', 'us.adviser', 'mx.lead', 'mx.adviser']) {
      expect(seatProjection(stored.events, seat)).toEqual(eventsForSeat(snap, seat));
      expect(compareEvents(eventsForSeat(snap, seat), seatProjection(stored.events, seat)).lost).toBe(0);
    }
    expect(seatProjection(stored.events, 'us.lead')).not.toEqual(seatProjection(stored.events, 'mx.lead'));
  });
});

describe('a move and the event it makes', () => {
  it('is found by type, side and content', () => {
    const propose = madeBy({ type: 'propose', seat: 'us.lead', package: { a: '1', b: '2' } }, 'us');
    expect(propose({ type: 'proposed', side: 'us', options: { b: '2', a: '1' }, cards: [], kind: 'propose' })).toBe(true);
    expect(propose({ type: 'proposed', side: 'us', options: { a: '1', b: '3' }, cards: [], kind: 'propose' })).toBe(false);
    expect(propose({ type: 'proposed', side: 'us', options: { a: '1', b: '2' }, cards: [], kind: 'counter' })).toBe(false);
    expect(propose({ type: 'proposed', side: 'mx', options: { a: '1', b: '2' }, cards: [], kind: 'propose' })).toBe(false);
    const lobby = madeBy({ type: 'lobby', seat: 'mx.adviser', constituency: 'unions', amount: 1 }, 'mx');
    expect(lobby({ type: 'lobbied', side: 'mx', constituency: 'unions', amount: 1 })).toBe(true);
    expect(lobby({ type: 'lobbied', side: 'mx', constituency: 'farmers', amount: 1 })).toBe(false);
    expect(madeBy({ type: 'pass', seat: 'us.adviser' }, 'us')({ type: 'passed', side: 'mx' })).toBe(false);
  });
});

describe('a hostile seat’s answer book', () => {
  it('matches refusals in the order the messages went, by code and move number', () => {
    const book = new AnswerBook();
    book.expect({ what: 'no action', code: 'bad-request', seq: 3 });
    book.expect({ what: 'burst', code: 'bad-request' }, 2);
    book.expect({ what: 'told once', code: 'rate-limited' });
    expect(book.waiting).toBe(4);
    expect(book.take({ code: 'bad-request', reason: 'action: required', seq: 3 })).toEqual({ ok: true, what: 'no action' });
    expect(book.take({ code: 'bad-request', reason: 'unknown message type' })).toEqual({ ok: true, what: 'burst' });
    const early = book.take({ code: 'rate-limited', reason: 'at most 100 messages per 10 seconds' });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.reason).toMatch(/^burst: expected bad-request, got .*rate-limited/);
    expect(book.drain()).toEqual(['told once']);
    expect(book.waiting).toBe(0);
  });

  it('a refusal for another move number, or one nothing waits for, is unexpected', () => {
    const book = new AnswerBook();
    book.expect({ what: 'lead’s seat', code: 'wrong-seat', seq: 7 });
    const other = book.take({ code: 'wrong-seat', reason: 'action.seat', seq: 6 });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.reason).toContain('for move 7');
    const stray = book.take({ code: 'bad-request', reason: 'x' });
    expect(stray.ok).toBe(false);
    if (!stray.ok) expect(stray.reason).toMatch(/^a refusal nothing was waiting for/);
  });

  it('its misdeeds stay inside what the table must refuse: none is a move an adviser may make', () => {
    for (const m of MISDEEDS) {
      const [type, payload] = m.build(5, 'mx.adviser', 'mx.lead');
      const action = (payload as { action?: { type?: string; seat?: string } } | null)?.action;
      if (type === 'act' && action?.seat === 'mx.adviser') expect(['propose', 'accept', 'pass', 'teleport']).toContain(action.type);
      // A pass from the adviser itself is only ever a replayed move number (answered by a fresh update, never applied).
      if (action?.type === 'pass' && action.seat === 'mx.adviser') expect((payload as { seq: number }).seq).toBe(1);
    }
    expect(new Set(MISDEEDS.map((m) => m.code))).toEqual(new Set(['bad-request', 'too-large', 'wrong-seat', 'refused', 'fresh-update']));
  });

  it('a refused join reads as the classroom code, or the matchmaker’s code', () => {
    expect(joinRefusal(Object.assign(new Error(JSON.stringify({ error: 'bad-token', reason: 'token' })), { code: 4403 }))).toBe('bad-token');
    expect(joinRefusal(Object.assign(new Error('room "x" not found'), { code: 4212 }))).toBe('code 4212');
    expect(joinRefusal(Object.assign(new Error('not json'), { code: 4403 }))).toBe('4403 not json');
  });
});

describe('options', () => {
  it('defaults to the issue’s run: 5 minutes, 30 tables of 2 students per delegation', () => {
    expect(parseOptions([])).toMatchObject({ minutes: 5, tables: 30, classSize: 2, databaseUrl: null, json: null, think: { min: 0.5, max: 3 } });
    expect(parseOptions(['--', '--minutes', '1', '--tables', '8', '--class-size', '3', '--json', 'out.json', '--think', '1-2'])).toMatchObject({
      minutes: 1,
      tables: 8,
      classSize: 3,
      json: 'out.json',
      think: { min: 1, max: 2 },
    });
  });

  it('refuses bad values naming the option and its rule', () => {
    expect(() => parseOptions(['--tables', '0'])).toThrow(/--tables 0: a whole number of tables from 1 to 400/);
    expect(() => parseOptions(['--class-size', '4'])).toThrow(/--class-size 4/);
    expect(() => parseOptions(['--minutes', 'x'])).toThrow(/--minutes x/);
    expect(() => parseOptions(['--think', '3-1'])).toThrow(/--think 3-1/);
    expect(() => parseOptions(['--scenario', 'nope'])).toThrow(/--scenario nope: one of/);
    expect(() => parseOptions(['--database-url', 'mysql://x'])).toThrow(/--database-url/);
    expect(() => parseOptions(['--nice=-30'])).toThrow(/--nice -30: a whole number from -20 to 19/);
    expect(parseOptions(['--nice=-10']).nice).toBe(-10);
    expect(parseOptions([]).nice).toBeNull();
    expect(parseOptions([]).hostileEvery).toBe(10);
    expect(parseOptions(['--hostile', '0']).hostileEvery).toBe(0);
    expect(() => parseOptions(['--hostile=-1'])).toThrow(/--hostile -1: a whole number of tables from 0 to 400/);
    expect(() => parseOptions(['--hostile', 'x'])).toThrow(/--hostile x/);
    expect(() => parseOptions(['--bogus'])).toThrow(OptionError);
  });
});
