// Security through the network: join codes that cannot be enumerated (their space, and wrong guesses per
// address blocked), joins and class creation rate-limited per address, a client flooding its table refused
// past its budget while the others at the table are untouched, and the instructor's endpoints closed
// without the secret.
import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../src/content/classroom-schema';
import { newJoinCode } from '../../src/server/secrets';
import { api, command, createClass, joinClass, SeatClient, type TestServer, testServer } from './test-server';

let ts: TestServer;
const logged: string[] = [];
// A small wrong-code limit so the test can reach it (the defaults are DEFAULT_API_LIMITS); the per-address
// limits of joins and classes have their own file, classroom-limits.test.ts (one server per process).
const LIMITS = { wrongCodes: 5, joins: 1000, classes: 1000 };
beforeAll(async () => {
  ts = await testServer({ limits: LIMITS, log: (message, error) => logged.push(`${message}${error === undefined ? '' : ` ${String(error)}`}`) });
}, 120_000);
afterAll(() => ts.close(), 60_000);

const errorOf = (a: { status: number; body: unknown }) => [a.status, (a.body as { error: string }).error];

describe('join codes', () => {
  it('are 8 characters from 31 without look-alikes (about 8.5·10¹¹ codes), drawn afresh each time', () => {
    const codes = Array.from({ length: 2000 }, () => newJoinCode());
    for (const c of codes) {
      expect(c).toHaveLength(JOIN_CODE_LENGTH);
      for (const ch of c) expect(JOIN_CODE_ALPHABET).toContain(ch);
    }
    expect(new Set(codes).size).toBe(codes.length);
    // Every character of the alphabet turns up in every position over 2000 codes (no fixed or skewed slot).
    for (let k = 0; k < JOIN_CODE_LENGTH; k++) expect(new Set(codes.map((c) => c[k])).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    expect(JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH).toBeGreaterThan(8e11);
  });

});

describe('a client flooding its table', () => {
  it('is refused past its budget with a reason; its tablemate receives nothing from it and the game is unchanged', async () => {
    const created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    const joined = [await joinClass(ts.url, created.joinCode, 'Flo'), await joinClass(ts.url, created.joinCode, 'Gus')];
    const [flooder, mate] = await Promise.all(joined.map((j) => SeatClient.connect(ts.url, j)));
    await command(ts.url, created, { op: 'start' });
    await mate!.waitFor((u) => u?.screen === 'briefing', 'the briefing');
    await flooder!.waitFor((u) => u?.screen === 'briefing', 'the briefing');
    const before = mate!.inbox.messages.length;
    const stored = (await ts.store.getTable(created.classId, 1))!.envelope;
    // 150 messages at once: the table takes 100 per 10 seconds from one connection.
    for (let k = 0; k < 150; k++) flooder!.room.send('bogus', { k });
    await flooder!.inbox.waitFor(() => flooder!.refusals.some((r) => r.code === 'rate-limited'), 'a rate-limited refusal');
    // The first 100 are read (and refused: unknown type), the 101st is told it is over the budget, the other 49 are dropped unanswered.
    await flooder!.inbox.waitFor(() => flooder!.refusals.length >= 101, '101 refusals');
    // A socket's messages are handled in order: once the window has passed, one more message is read and
    // answered, and by then the whole burst has been handled (the dropped ones answered nothing).
    await new Promise((r) => setTimeout(r, 10_500));
    flooder!.room.send('bogus', { k: 'after' });
    await flooder!.inbox.waitFor(() => flooder!.refusals.length >= 102, 'the answer to the message after the window');
    expect(flooder!.refusals.at(-1)!.code).toBe('bad-request');
    flooder!.refusals.pop();
    const limited = flooder!.refusals.filter((r) => r.code === 'rate-limited');
    expect(limited).toHaveLength(1);
    expect(limited[0]!.reason).toMatch(/messages per/);
    expect(flooder!.refusals.filter((r) => r.code === 'bad-request')).toHaveLength(100);
    expect(flooder!.refusals).toHaveLength(101);
    expect(mate!.inbox.messages.length).toBe(before);
    expect((await ts.store.getTable(created.classId, 1))!.envelope).toEqual(stored);
  }, 120_000);
});

describe('a frame over the socket limit', () => {
  it('closes that socket only, with one line in the log; the student comes back with the same token', async () => {
    const created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    const joined = [await joinClass(ts.url, created.joinCode, 'Rita'), await joinClass(ts.url, created.joinCode, 'Saul')];
    const [big, mate] = await Promise.all(joined.map((j) => SeatClient.connect(ts.url, j)));
    await Promise.all([big!, mate!].map((s) => s.inbox.waitFor(() => s.welcome !== null && s.update !== null, 'the welcome and the first update')));
    const stack = vi.spyOn(console, 'error');
    const before = logged.length;
    big!.room.send('act', { seq: 1, pad: 'x'.repeat(70_000) });
    await big!.inbox.waitFor(() => big!.inbox.left !== null, 'the socket closing');
    expect(big!.inbox.left!.code).toBe(1009);
    const lines = logged.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^a client's socket failed and was closed: Max payload size exceeded$/);
    expect(stack.mock.calls.flat().join('\n')).not.toMatch(/Max payload/);
    stack.mockRestore();
    // The tablemate is still connected and hears only that the student left; the student rejoins its seat.
    const again = await SeatClient.connect(ts.url, joined[0]!);
    await again.inbox.waitFor(() => again.welcome?.seat === joined[0]!.seat, 'the welcome back');
    await command(ts.url, created, { op: 'broadcast', text: 'still here?' });
    await mate!.inbox.waitFor(() => mate!.inbox.messages.some((m) => m.type === 'broadcast'), 'the broadcast');
    expect(mate!.inbox.messages.filter((m) => m.type === 'refused' || m.type === 'closed')).toEqual([]);
  }, 120_000);
});

describe('a flood of forged and stale seat tokens', () => {
  it('is refused token by token without a store reading each; the seated student is untouched and a new one still gets in', async () => {
    const created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 2, seatsPerSide: 1 });
    const seated = await SeatClient.connect(ts.url, await joinClass(ts.url, created.joinCode, 'Ines'));
    // What a student of a class not yet started receives: the welcome and the waiting room's update.
    await seated.inbox.waitFor(() => seated.welcome !== null && seated.update !== null, 'the welcome and the first update');
    const before = seated.inbox.messages.map((m) => m.type);
    expect(before).toEqual(['welcome', 'update']);
    const other = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    const stale = await joinClass(ts.url, other.joinCode, 'Olga');
    await command(ts.url, other, { op: 'end' });
    const room = `${created.classId}-t${seated.joined.tableNo}`;
    let readings = 0;
    const list = ts.store.listStudents.bind(ts.store);
    ts.store.listStudents = (classId: string) => {
      if (classId === created.classId) readings++;
      return list(classId);
    };
    try {
      const t0 = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, k) =>
          new Client(ts.url).joinById(room, { token: k % 2 ? stale.token : `${'f'.repeat(40)}${String(k).padStart(3, '0')}` }).then(
            () => 'joined',
            (e: Error) => (JSON.parse(e.message) as { error: string }).error,
          ),
        ),
      );
      const seconds = (performance.now() - t0) / 1000;
      expect(answers).toEqual(Array(40).fill('bad-token'));
      // One reading shared by the callers of the same moment, and none repeated within a second.
      expect(readings).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    } finally {
      ts.store.listStudents = list;
    }
    expect(seated.inbox.messages.map((m) => m.type)).toEqual(before);
    const late = await SeatClient.connect(ts.url, await joinClass(ts.url, created.joinCode, 'Juan'));
    expect(late.joined.classId).toBe(created.classId);
    await late.inbox.waitFor(() => late.welcome?.name === 'Juan', 'the new student’s welcome');
  }, 120_000);
});

describe('the instructor’s endpoints', () => {
  it('answer nothing without the class’s secret, or with another class’s', async () => {
    const a = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    const b = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    for (const path of ['results', 'export/tables.csv', 'export/students.csv', 'export/results.json']) {
      const none = await api(ts.url, `/api/classes/${a.classId}/${path}`);
      const other = await api(ts.url, `/api/classes/${a.classId}/${path}`, { secret: b.instructorSecret });
      for (const r of [none, other]) {
        expect(r.status).toBeGreaterThanOrEqual(401);
        expect(r.status).toBeLessThanOrEqual(403);
        expect((r.body as { error: string }).error).toBe('not-instructor');
        expect(r.text).not.toContain(a.joinCode);
      }
    }
    const cmd = await api(ts.url, `/api/classes/${a.classId}/commands`, { body: { op: 'end' }, secret: b.instructorSecret });
    expect((cmd.body as { error: string }).error).toBe('not-instructor');
    expect((await ts.store.getClass(a.classId))!.status).toBe('open');
  });
});

// Last: it leaves this address blocked from joining for a minute.
describe('guessing join codes', () => {
  it('cannot be enumerated: past the wrong guesses allowed, an address is refused even with the right code', async () => {
    const created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    for (let k = 0; k < LIMITS.wrongCodes; k++) {
      const wrong = await api(ts.url, '/api/join', { body: { code: `WRONG${k}AA`, name: `Guess ${k}` } });
      expect(errorOf(wrong)).toEqual([404, 'bad-code']);
    }
    const right = await api(ts.url, '/api/join', { body: { code: created.joinCode, name: 'Eve' } });
    expect(errorOf(right)).toEqual([429, 'rate-limited']);
    expect((right.body as { reason: string }).reason).toMatch(/wrong join codes/);
    expect(await ts.store.listStudents(created.classId)).toEqual([]);
  });
});
