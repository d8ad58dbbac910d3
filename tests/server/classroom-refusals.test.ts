// Bad input, through the network: each refused with its code and a reason naming the field and the rule,
// and nothing else disturbed — the other clients at the table receive nothing from it, the game's log and
// the class's students stay as they were.
import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClassResults, type CreatedClass, MAX_NAME_LENGTH, type Refused } from '../../src/content/classroom-schema';
import { api, command, ConsoleClient, createClass, joinClass, SeatClient, settled, type TestServer, testServer } from './test-server';

let ts: TestServer;
// A PGlite store takes seconds to open, more when several test files start theirs at once.
beforeAll(async () => {
  ts = await testServer();
}, 120_000);
afterAll(() => ts.close(), 60_000);

const errorOf = (a: { status: number; body: unknown }) => [a.status, (a.body as { error: string }).error];
const reasonOf = (a: { body: unknown }) => (a.body as { reason: string }).reason;

describe('refused requests', () => {
  let created: CreatedClass;
  beforeAll(async () => {
    created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    await joinClass(ts.url, created.joinCode, 'Ann');
  }, 60_000);

  const students = async () => (await ts.store.listStudents(created.classId)).map((s) => s.name).sort();

  it('a wrong join code, an expired one and a full class', async () => {
    const wrong = await api(ts.url, '/api/join', { body: { code: 'ZZZZZZZZ', name: 'Bob' } });
    expect(errorOf(wrong)).toEqual([404, 'bad-code']);
    expect(reasonOf(wrong)).toMatch(/^code: /);
    const ended = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    await command(ts.url, ended, { op: 'end' });
    const expired = await api(ts.url, '/api/join', { body: { code: ended.joinCode.toLowerCase(), name: 'Bob' } });
    expect(errorOf(expired)).toEqual([410, 'class-ended']);
    await joinClass(ts.url, created.joinCode, 'Bea');
    const full = await api(ts.url, '/api/join', { body: { code: created.joinCode, name: 'Cid' } });
    expect(errorOf(full)).toEqual([409, 'class-full']);
    expect(await students()).toEqual(['Ann', 'Bea']);
  });

  it('a display name that is empty, too long, carries markup or control characters, or is taken', async () => {
    const cases: [unknown, RegExp][] = [
      ['', /^name: a name cannot be empty/],
      ['    ', /^name: a name cannot be empty/],
      ['x'.repeat(MAX_NAME_LENGTH + 1), /^name: a name has at most 40 characters/],
      ['<b>Bob</b>', /^name: a name cannot carry markup/],
      ['Bob & Co', /^name: a name cannot carry markup/],
      ['Bob\u0007', /^name: a name cannot carry control characters/],
      [42, /^name: /],
    ];
    for (const [name, reason] of cases) {
      const a = await api(ts.url, '/api/join', { body: { code: created.joinCode, name } });
      expect(errorOf(a), JSON.stringify(name)).toEqual([400, 'bad-name']);
      expect(reasonOf(a)).toMatch(reason);
    }
    const taken = await api(ts.url, '/api/join', { body: { code: created.joinCode, name: ' aNN ' } });
    expect(errorOf(taken)).toEqual([409, 'name-taken']);
    expect(await students()).toEqual(['Ann', 'Bea']);
  });

  it('a body that is not JSON, too large, or not the request’s shape; an unknown route', async () => {
    const notJson = await api(ts.url, '/api/join', { raw: '{"code": "AB' });
    expect(errorOf(notJson)).toEqual([400, 'bad-request']);
    const big = await api(ts.url, '/api/join', { raw: JSON.stringify({ code: 'X', name: 'y'.repeat(20_000) }) });
    expect(errorOf(big)).toEqual([413, 'too-large']);
    const extra = await api(ts.url, '/api/join', { body: { code: created.joinCode, name: 'Dee', admin: true } });
    expect(errorOf(extra)).toEqual([400, 'bad-request']);
    const tables = await api(ts.url, '/api/classes', { body: { scenarioId: 'bracero-1942', tables: 0, seatsPerSide: 1 } });
    expect(errorOf(tables)).toEqual([400, 'bad-request']);
    expect(reasonOf(tables)).toMatch(/^tables: /);
    const scenario = await api(ts.url, '/api/classes', { body: { scenarioId: 'atlantis-2099', tables: 1, seatsPerSide: 1 } });
    expect(errorOf(scenario)).toEqual([400, 'unknown-scenario']);
    const route = await api(ts.url, '/api/nowhere');
    expect(route.status).toBe(404);
    expect(await students()).toEqual(['Ann', 'Bea']);
  });

  it('instructor requests without the secret, with a wrong one, or with a malformed command', async () => {
    const none = await api(ts.url, `/api/classes/${created.classId}/commands`, { body: { op: 'start' } });
    expect(errorOf(none)).toEqual([401, 'not-instructor']);
    const wrong = await command(ts.url, { ...created, instructorSecret: 'x'.repeat(43) }, { op: 'start' });
    expect(errorOf(wrong)).toEqual([401, 'not-instructor']);
    const results = await api(ts.url, `/api/classes/${created.classId}/results`, { secret: 'nope' });
    expect(errorOf(results)).toEqual([401, 'not-instructor']);
    const bad = await api(ts.url, `/api/classes/${created.classId}/commands`, { body: { op: 'explode' }, secret: created.instructorSecret });
    expect(errorOf(bad)).toEqual([400, 'bad-request']);
    const beforeStart = await command(ts.url, created, { op: 'pause', target: 'all' });
    expect(errorOf(beforeStart)).toEqual([409, 'not-started']);
    const unknown = await command(ts.url, { ...created, classId: 'no-such-class' }, { op: 'start' });
    expect(errorOf(unknown)).toEqual([404, 'unknown-class']);
    expect((await ts.store.getClass(created.classId))!.status).toBe('open');
  });

  it('joining a room with a bad token, another table’s token, or a wrong instructor secret', async () => {
    const joinError = async (roomId: string, options: unknown) => {
      try {
        await new Client(ts.url).joinById(roomId, options);
      } catch (e) {
        return JSON.parse((e as Error).message) as { error: string; reason: string };
      }
      throw new Error('the join was not refused');
    };
    expect(await joinError(`${created.classId}-t1`, { token: 'f'.repeat(43) })).toMatchObject({ error: 'bad-token' });
    expect(await joinError(`${created.classId}-t1`, { token: 'short' })).toMatchObject({ error: 'bad-request' });
    const other = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 2, seatsPerSide: 1 });
    const elsewhere = await joinClass(ts.url, other.joinCode, 'Zed');
    expect(await joinError(`${other.classId}-t2`, { token: elsewhere.token })).toMatchObject({ error: 'bad-token', reason: expect.stringContaining('table 1') });
    expect(await joinError(`${created.classId}-t1`, { token: elsewhere.token })).toMatchObject({ error: 'bad-token' });
    expect(await joinError(`${created.classId}-console`, { classId: created.classId, secret: 'y'.repeat(43) })).toMatchObject({ error: 'not-instructor' });
    expect(await joinError(`${created.classId}-console`, { classId: other.classId, secret: other.instructorSecret })).toMatchObject({ error: 'unknown-class' });
  });
});

describe('refused messages at a table', () => {
  let created: CreatedClass;
  let usLead: SeatClient;
  let mxLead: SeatClient;
  let usAdviser: SeatClient;
  let mxAdviser: SeatClient;
  let con: ConsoleClient;
  let barrierNo = 0;

  beforeAll(async () => {
    created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 2, seed: 9 });
    const joined = [];
    for (const n of ['Uma', 'Max', 'Uri', 'Mia']) joined.push(await joinClass(ts.url, created.joinCode, n));
    [usLead, mxLead, usAdviser, mxAdviser] = await Promise.all(joined.map((j) => SeatClient.connect(ts.url, j))) as [SeatClient, SeatClient, SeatClient, SeatClient];
    expect([usLead, mxLead, usAdviser, mxAdviser].map((s) => s.joined.seat)).toEqual(['us.lead', 'mx.lead', 'us.adviser', 'mx.adviser']);
    con = await ConsoleClient.connect(ts.url, created);
    await command(ts.url, created, { op: 'start' });
    await usLead.waitFor((u) => u?.screen === 'briefing', 'the briefing');
    for (const s of [usLead, mxLead]) s.room.send('ready', {});
    await usLead.waitFor((u) => u?.screen === 'interlude', 'the news');
    for (const s of [usLead, mxLead]) s.room.send('ack', {});
    for (const s of [usLead, mxLead, usAdviser, mxAdviser]) await s.waitFor((u) => u?.screen === 'table' && u.view!.turn === 'us', 'the first proposal');
    await con.waitFor((x) => x.tables[0]!.screen === 'table', 'the console at the table');
  }, 60_000);

  const everyone = () => [usLead, mxLead, usAdviser, mxAdviser];

  const loggedEvents = async () => {
    const r = await api<ClassResults>(ts.url, `/api/classes/${created.classId}/results`, { secret: created.instructorSecret });
    return r.body.tables[0]!.envelope!.events;
  };

  /**
   * Sends a bad message from `from`, waits for its refusal, then checks that nobody else got anything
   * from it: the next thing every other client receives is the instructor's broadcast sent after the
   * refusal, the console shows every table as before, and the game's log has not changed.
   */
  async function refusedAlone(from: SeatClient, send: () => void): Promise<Refused> {
    const counts = new Map(everyone().map((s) => [s, s.inbox.messages.length]));
    const tablesBefore = con.summary!.tables;
    const events = await loggedEvents();
    const refusals = from.refusals.length;
    send();
    await from.inbox.waitFor(() => from.refusals.length > refusals, 'the refusal');
    const refusal = from.refusals.at(-1)!;
    // The barrier: a broadcast after the refusal. Whatever the bad message caused would arrive before it.
    const text = `barrier ${++barrierNo}`;
    await command(ts.url, created, { op: 'broadcast', text });
    for (const s of everyone()) {
      await s.inbox.waitFor(() => s.inbox.messages.some((m) => m.type === 'broadcast' && (m.payload as { text: string }).text === text), 'the barrier');
      const got = s.inbox.messages.slice(counts.get(s)!).map((m) => m.type);
      expect(got, `${s.joined.name} after ${refusal.code}`).toEqual(s === from ? ['refused', 'broadcast'] : ['broadcast']);
    }
    await con.waitFor((x) => x.broadcasts.some((b) => b.text === text), 'the barrier on the console');
    expect(con.summary!.tables).toEqual(tablesBefore);
    expect(await loggedEvents()).toEqual(events);
    return refusal;
  }

  it('a move for a seat that is not the sender’s', async () => {
    const forOther = await refusedAlone(mxLead, () => mxLead.act({ type: 'reject', seat: 'us.lead' }));
    expect(forOther).toMatchObject({ code: 'wrong-seat', seq: mxLead.seq });
    expect(forOther.reason).toContain('action.seat');
    const adviserAsLead = await refusedAlone(usAdviser, () => usAdviser.act({ type: 'walkAway', seat: 'us.lead' }));
    expect(adviserAsLead).toMatchObject({ code: 'wrong-seat' });
    const instructor = await refusedAlone(usLead, () => usLead.act({ type: 'inject', seat: 'instructor', shock: 'oil-dispute-reopens' }));
    expect(instructor).toMatchObject({ code: 'wrong-seat' });
  });

  it('a move the engine refuses: an adviser’s lead-only move, a move out of turn, a student’s shock, a ready or ack out of place', async () => {
    const issue = usLead.update!.view!.scenario.issues[0]!;
    const pkg = { [issue.id]: issue.options[0]!.id };
    const adviser = await refusedAlone(usAdviser, () => usAdviser.act({ type: 'propose', package: pkg }));
    expect(adviser).toMatchObject({ code: 'refused', params: { code: 'role-cannot' } });
    const outOfTurn = await refusedAlone(mxLead, () => mxLead.act({ type: 'propose', package: pkg }));
    expect(outOfTurn).toMatchObject({ code: 'refused', params: { code: 'not-your-turn' } });
    const shock = await refusedAlone(usLead, () => usLead.act({ type: 'inject', shock: 'oil-dispute-reopens' }));
    expect(shock).toMatchObject({ code: 'refused', params: { code: 'wrong-seat' } });
    const ready = await refusedAlone(usLead, () => usLead.room.send('ready', {}));
    expect(ready).toMatchObject({ code: 'refused', params: { code: 'not-in-play' } });
    const adviserAck = await refusedAlone(usAdviser, () => usAdviser.room.send('ack', {}));
    expect(adviserAck).toMatchObject({ code: 'refused', params: { code: 'role-cannot' } });
  });

  it('a malformed message, an unknown one, an oversized one', async () => {
    const noAction = await refusedAlone(usLead, () => usLead.room.send('act', { seq: 99 }));
    expect(noAction).toMatchObject({ code: 'bad-request', seq: 99 });
    expect(noAction.reason).toMatch(/^action: /);
    const badType = await refusedAlone(usLead, () => usLead.room.send('act', { seq: 100, action: { type: 'teleport', seat: 'us.lead' } }));
    expect(badType.code).toBe('bad-request');
    expect(badType.reason).toMatch(/^action\.type: /);
    const notObject = await refusedAlone(usLead, () => usLead.room.send('act', 'propose everything'));
    expect(notObject.code).toBe('bad-request');
    const extra = await refusedAlone(mxLead, () => mxLead.room.send('ready', { now: true }));
    expect(extra.code).toBe('bad-request');
    const unknown = await refusedAlone(mxAdviser, () => mxAdviser.room.send('cheat', { see: 'us' }));
    expect(unknown).toMatchObject({ code: 'bad-request' });
    expect(unknown.reason).toContain('unknown message type "cheat"');
    const pkg = Object.fromEntries(Array.from({ length: 300 }, (_, k) => [`issue-${k}-${'x'.repeat(20)}`, 'y'.repeat(20)]));
    const big = await refusedAlone(usLead, () => usLead.room.send('act', { seq: 101, action: { type: 'propose', seat: 'us.lead', package: pkg } }));
    expect(big.code).toBe('too-large');
    expect(big.reason).toMatch(/at most 8192/);
  });

  it('a move number already answered gets a fresh update, to its sender only', async () => {
    const issue = usLead.update!.view!.scenario.issues[0]!;
    const seq = usLead.act({ type: 'propose', package: { [issue.id]: issue.options[0]!.id } });
    expect(await usLead.answered(seq)).toBeNull();
    await settled(everyone());
    await con.waitFor((x) => x.tables[0]!.offer !== null, 'the offer on the console');
    const counts = new Map(everyone().map((s) => [s, s.inbox.messages.length]));
    const events = await loggedEvents();
    usLead.room.send('act', { seq, action: { type: 'propose', seat: 'us.lead', package: { [issue.id]: issue.options[1]!.id } } });
    await usLead.inbox.waitFor(() => usLead.inbox.messages.length > counts.get(usLead)!, 'the fresh update');
    const fresh = usLead.inbox.messages.at(-1)!;
    expect(fresh.type).toBe('update');
    expect(fresh.payload).toMatchObject({ from: 0, ackSeq: seq });
    await command(ts.url, created, { op: 'broadcast', text: 'after the duplicate' });
    for (const s of [mxLead, usAdviser, mxAdviser]) {
      await s.inbox.waitFor(() => s.inbox.messages.some((m) => (m.payload as { text?: string }).text === 'after the duplicate'), 'the barrier');
      expect(s.inbox.messages.slice(counts.get(s)!).map((m) => m.type)).toEqual(['broadcast']);
    }
    expect(await loggedEvents()).toEqual(events);
  });
});
