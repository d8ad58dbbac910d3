// A class from its creation to its results, through the server's network interface only: the HTTP API by
// fetch, the rooms by the colyseus.js client. Students play with the AI's moves chosen from the views
// they received; the instructor's console follows and commands; the stored envelopes replay to the games.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassResults, CreatedClass, Joined, SeatAssignment } from '../../src/content/classroom-schema';
import { getScenario } from '../../src/content/scenarios';
import { type Envelope, replay } from '../../src/engine';
import { api, command, ConsoleClient, createClass, joinClass, playToEnd, SeatClient, settled, type TestServer, testServer } from './test-server';

let ts: TestServer;
// A PGlite store takes seconds to open, more when several test files start theirs at once.
beforeAll(async () => {
  ts = await testServer();
}, 120_000);
afterAll(() => ts.close(), 60_000);

const scenarioId = 'bracero-1942';

describe('a class, from its creation to its results', () => {
  let created: CreatedClass;
  let con: ConsoleClient;
  const joined: Record<string, Joined> = {};
  const seats: Record<string, SeatClient> = {};

  it('creates a class with a join code and a secret console link; the console sees every table waiting', async () => {
    created = await createClass(ts.url, {
      scenarioId,
      tables: 3,
      seatsPerSide: 2,
      timers: { proposal: 600, response: 600, domestic: 600 },
      seed: 5,
      title: 'Section B',
    });
    expect(created.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(created.consolePath).toBe(`/#/console/${created.classId}/${created.instructorSecret}`);
    expect(created.config).toMatchObject({ scenarioId, tables: 3, seatsPerSide: 2, aiForEmptySeats: true, sameSeed: true, seed: 5, lang: 'en' });
    // Only the secret's hash is stored.
    const stored = await ts.store.getClass(created.classId);
    expect(stored!.secretHash).not.toContain(created.instructorSecret);
    con = await ConsoleClient.connect(ts.url, created);
    await con.waitFor((s) => s.tables.length === 3, 'the first summary');
    expect(con.summary!.status).toBe('open');
    expect(con.summary!.tables.map((t) => [t.tableNo, t.status, t.roomId])).toEqual([1, 2, 3].map((n) => [n, 'waiting', `${created.classId}-t${n}`]));
  });

  it('seats students balanced: the table with fewest students, then the delegation with fewer, the lead first', async () => {
    for (const name of ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli']) joined[name] = await joinClass(ts.url, created.joinCode, `  ${name} `);
    expect(Object.values(joined).map((j) => [j.name, j.tableNo, j.seat, j.role])).toEqual([
      ['Ana', 1, 'us.lead', 'lead'],
      ['Ben', 2, 'us.lead', 'lead'],
      ['Cleo', 3, 'us.lead', 'lead'],
      ['Dev', 1, 'mx.lead', 'lead'],
      ['Eli', 2, 'mx.lead', 'lead'],
    ]);
    expect(joined.Ana).toMatchObject({ classId: created.classId, scenarioId, lang: 'en', roomId: `${created.classId}-t1`, side: 'us' });
    for (const [name, j] of Object.entries(joined)) seats[name] = await SeatClient.connect(ts.url, j);
    await seats.Ana!.waitFor((u) => u?.screen === 'waiting', 'the waiting room');
    expect(seats.Ana!.welcome).toMatchObject({ tableNo: 1, seat: 'us.lead', name: 'Ana', started: false });
    await con.waitFor((s) => s.students.length === 5 && s.students.every((x) => x.connected), 'five students connected');
    expect(con.summary!.tables[0]!.seats).toEqual([
      { seat: 'us.lead', studentId: joined.Ana!.studentId, name: 'Ana', connected: true, ai: false },
      { seat: 'us.adviser', studentId: null, name: null, connected: false, ai: false },
      { seat: 'mx.lead', studentId: joined.Dev!.studentId, name: 'Dev', connected: true, ai: false },
      { seat: 'mx.adviser', studentId: null, name: null, connected: false, ai: false },
    ]);
  });

  it('starts every table; two students play a table to its end with the AI’s moves from their own views, and the console follows', async () => {
    const started = await command(ts.url, created, { op: 'start' });
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ ok: true, refused: [] });
    const again = await command(ts.url, created, { op: 'start' });
    expect([again.status, (again.body as unknown as { error: string }).error]).toEqual([409, 'already-started']);
    await seats.Ana!.waitFor((u) => u?.screen === 'briefing', 'the briefing');
    expect(seats.Ana!.update!.view!.brief!.name.en).toBe(getScenario(scenarioId)!.delegations.us.name.en);
    // The console follows the table: at each new round, and the first time an offer is on the table, it shows the same.
    const ana = seats.Ana!;
    const followed = { rounds: new Set<number>(), offer: false };
    const follow = async () => {
      const v = ana.update?.view;
      if (!v || ana.update!.screen !== 'table' || (followed.rounds.has(v.round) && (followed.offer || !v.offer))) return;
      await con.waitFor((s) => {
        const t = s.tables[0]!;
        return t.round === v.round && t.screen === 'table' && JSON.stringify(t.offer?.package ?? null) === JSON.stringify(v.offer?.package ?? null);
      }, `the console showing round ${v.round}`);
      expect(con.summary!.tables[0]!.approval).not.toBeNull();
      followed.rounds.add(v.round);
      followed.offer ||= v.offer !== null;
    };
    await playToEnd([ana, seats.Dev!], { seed: 21, onStep: follow });
    expect(followed.rounds.size).toBeGreaterThan(1);
    expect(followed.offer).toBe(true);
    const end = seats.Ana!.update!;
    expect(end.screen).toBe('debrief');
    expect(end.view!.outcome).not.toBeNull();
    expect(end.analysis).not.toBeNull();
    expect(end.view!.reveal).not.toBeNull();
    await con.waitFor((s) => s.tables[0]!.status === 'ended', 'table 1 ended');
    const t1 = con.summary!.tables[0]!;
    expect(t1.outcome).toEqual({ reason: end.view!.outcome!.reason, agreed: end.view!.outcome!.agreement, ratified: end.view!.outcome!.ratification ? end.view!.outcome!.ratified : null });
  });

  it('an AI-filled table: the AI plays the delegation no student leads', async () => {
    const cleo = seats.Cleo!;
    await cleo.waitFor((u) => u?.screen === 'briefing', 'the briefing');
    expect(cleo.update!.aiSeats).toEqual(['mx.lead']);
    await playToEnd([cleo], { seed: 3 });
    expect(cleo.update!.view!.outcome).not.toBeNull();
    // The AI's moves are in Cleo's transcript: it moved for Mexico.
    expect(cleo.events.some((e) => e.type === 'proposed' && e.side === 'mx') || cleo.events.some((e) => (e.type === 'accepted' || e.type === 'walkedAway') && e.side === 'mx')).toBe(true);
    await con.waitFor((s) => s.tables[2]!.status === 'ended', 'table 3 ended');
    expect(con.summary!.tables[2]!.seats.find((s) => s.seat === 'mx.lead')!.ai).toBe(true);
  });

  it('pauses, resumes, extends, injects, overrides and broadcasts, with each table’s refusal', async () => {
    const ben = seats.Ben!;
    const eli = seats.Eli!;
    // Through the briefing and the first news, to the first proposal (the United States moves first).
    for (const s of [ben, eli]) s.room.send('ready', {});
    await ben.waitFor((u) => u?.screen === 'interlude', 'the first news');
    for (const s of [ben, eli]) s.room.send('ack', {});
    await ben.waitFor((u) => u?.screen === 'table' && u.view!.phase === 'proposal', 'the first proposal');
    expect(ben.update!.countdownMs).toBeGreaterThan(0);

    const pause = await command(ts.url, created, { op: 'pause', target: 2 });
    expect(pause.body).toEqual({ ok: true, refused: [] });
    await ben.waitFor((u) => u!.paused, 'the pause');
    await con.waitFor((s) => s.tables[1]!.paused, 'table 2 paused on the console');
    // Paused, the table still says where it stands.
    expect(ben.update!.screen).toBe('table');
    expect(con.summary!.tables[1]!.screen).toBe('table');
    const issue = ben.update!.view!.scenario.issues[0]!;
    const refused = await ben.answered(ben.act({ type: 'propose', package: { [issue.id]: issue.options[0]!.id } }));
    expect(refused).toMatchObject({ code: 'refused', params: { code: 'paused' } });
    const twice = await command(ts.url, created, { op: 'pause', target: 2 });
    expect(twice.body).toEqual({ ok: false, refused: [{ tableNo: 2, code: 'refused', reason: 'table 2 is already paused' }] });
    expect((await command(ts.url, created, { op: 'resume', target: 2 })).body).toEqual({ ok: true, refused: [] });
    await ben.waitFor((u) => !u!.paused, 'the resume');

    const left = ben.update!.countdownMs!;
    const extend = await command(ts.url, created, { op: 'extend', target: 'all', seconds: 120 });
    expect(extend.body.refused.map((r) => [r.tableNo, r.code])).toEqual([
      [1, 'refused'],
      [3, 'refused'],
    ]);
    await ben.waitFor((u) => u!.countdownMs! > left, 'the longer countdown');

    const inject = await command(ts.url, created, { op: 'inject', target: 2, shock: 'oil-dispute-reopens' });
    expect(inject.body).toEqual({ ok: true, refused: [] });
    await ben.waitFor((u) => u!.view!.fired.some((f) => f.id === 'oil-dispute-reopens' && f.injected), 'the injected shock');
    const injectAll = await command(ts.url, created, { op: 'inject', target: 'all', shock: 'oil-dispute-reopens' });
    expect(injectAll.body.refused.map((r) => [r.tableNo, r.code])).toEqual([
      [1, 'refused'],
      [2, 'shock-already-fired'],
      [3, 'refused'],
    ]);
    const unknownTable = await command(ts.url, created, { op: 'inject', target: 9, shock: 'oil-dispute-reopens' });
    expect([unknownTable.status, (unknownTable.body as unknown as { error: string }).error]).toEqual([404, 'unknown-table']);

    const override = await command(ts.url, created, { op: 'override', target: 2, overrides: { add: ['congress-threatens-unilateral'] } });
    expect(override.body).toEqual({ ok: true, refused: [] });
    const badOverride = await command(ts.url, created, { op: 'override', target: 2, overrides: { disable: ['no-such-shock'] } });
    expect(badOverride.body.refused).toHaveLength(1);
    expect(badOverride.body.refused[0]).toMatchObject({ tableNo: 2, code: 'fork-refused' });
    expect(badOverride.body.refused[0]!.reason).toContain('no-such-shock');
    // The re-planned shocks are the instructor's: students see them with the debrief only.
    await settled([ben, eli]);
    expect(ben.update!.forks).toEqual([]);

    const broadcast = await command(ts.url, created, { op: 'broadcast', text: 'Five minutes left' });
    expect(broadcast.body).toEqual({ ok: true, refused: [] });
    for (const s of [ben, eli]) await s.inbox.waitFor(() => s.inbox.messages.some((m) => m.type === 'broadcast' && (m.payload as { text: string }).text === 'Five minutes left'), 'the broadcast');
    await con.waitFor((s) => s.broadcasts.some((b) => b.text === 'Five minutes left'), 'the broadcast on the console');
  });

  it('seats a late student where there is room, and moves students: the client is told, rejoins, and who plays follows', async () => {
    // Tables 1 and 3 have finished: a late student goes to table 2.
    joined.Fay = await joinClass(ts.url, created.joinCode, 'Fay');
    expect([joined.Fay.tableNo, joined.Fay.seat, joined.Fay.role]).toEqual([2, 'us.adviser', 'adviser']);
    seats.Fay = await SeatClient.connect(ts.url, joined.Fay);
    await seats.Fay.waitFor((u) => u?.screen === 'table', 'the table');
    expect(seats.Fay.welcome!.started).toBe(true);
    expect(seats.Fay.update!.view!.side).toBe('us');

    const fay = seats.Fay;
    const move = await command(ts.url, created, { op: 'seat', studentId: joined.Fay.studentId, tableNo: 2, seat: 'mx.adviser' });
    expect(move.body).toEqual({ ok: true, refused: [] });
    await fay.inbox.waitFor(() => fay.inbox.left !== null, 'the old connection to close');
    const moved = fay.inbox.messages.find((m) => m.type === 'moved')!.payload as SeatAssignment;
    expect(moved).toEqual({ tableNo: 2, seat: 'mx.adviser', side: 'mx', role: 'adviser', roomId: `${created.classId}-t2` });
    expect(fay.inbox.left!.code).toBe(4101);
    seats.Fay = await SeatClient.connect(ts.url, { ...joined.Fay, ...moved });
    await seats.Fay.waitFor((u) => u?.view?.side === 'mx', 'the view of Mexico');
    expect(seats.Fay.welcome!.seat).toBe('mx.adviser');

    const taken = await command(ts.url, created, { op: 'seat', studentId: joined.Fay.studentId, tableNo: 2, seat: 'us.lead' });
    expect([taken.status, (taken.body as unknown as { error: string }).error]).toEqual([409, 'table-full']);
    const noSeat = await command(ts.url, created, { op: 'seat', studentId: joined.Fay.studentId, tableNo: 2, seat: 'us.adviser2' });
    expect([noSeat.status, (noSeat.body as unknown as { error: string }).error]).toEqual([400, 'bad-request']);
    const nobody = await command(ts.url, created, { op: 'seat', studentId: 'nobody', tableNo: 2, seat: 'us.adviser' });
    expect([nobody.status, (nobody.body as unknown as { error: string }).error]).toEqual([404, 'unknown-student']);

    // Mexico's lead moves to another table: the AI takes the delegation; moved back, Eli plays it again.
    const eli = seats.Eli!;
    await command(ts.url, created, { op: 'seat', studentId: joined.Eli!.studentId, tableNo: 3, seat: 'mx.adviser' });
    await con.waitFor((s) => s.tables[1]!.seats.find((x) => x.seat === 'mx.lead')!.ai, 'the AI holding Mexico at table 2');
    await eli.inbox.waitFor(() => eli.inbox.left !== null, 'Eli’s connection to close');
    await command(ts.url, created, { op: 'seat', studentId: joined.Eli!.studentId, tableNo: 2, seat: 'mx.lead' });
    seats.Eli = await SeatClient.connect(ts.url, joined.Eli!);
    await seats.Eli.waitFor((u) => u !== null && u.aiSeats.length === 0, 'Mexico back in Eli’s hands');
    await con.waitFor((s) => s.students.some((x) => x.name === 'Eli' && x.tableNo === 2 && x.seat === 'mx.lead' && x.connected), 'Eli back at table 2');
  });

  it('plays the commanded table to its end, the advisers lobbying and making statements', async () => {
    const table = [seats.Ben!, seats.Eli!, seats.Fay!];
    await settled(table);
    await playToEnd(table, { seed: 8, advisersAct: true });
    expect(seats.Fay!.events.some((e) => e.type === 'lobbied' && e.side === 'mx')).toBe(true);
    expect(seats.Ben!.update!.view!.fired.map((f) => f.id)).toContain('oil-dispute-reopens');
    await con.waitFor((s) => s.tables.every((t) => t.status === 'ended'), 'every table ended');
  });

  it('ends the class: clients closed, the join code expired, results and exports whose envelopes replay to the games', async () => {
    const end = await command(ts.url, created, { op: 'end' });
    expect(end.body).toEqual({ ok: true, refused: [] });
    for (const s of [seats.Ben!, seats.Eli!, seats.Fay!]) {
      await s.inbox.waitFor(() => s.inbox.left !== null, 'the table to close');
      expect(s.inbox.left!.code).toBe(4102);
      expect(s.inbox.messages.find((m) => m.type === 'closed')!.payload).toMatchObject({ code: 'class-ended' });
    }
    await con.waitFor((s) => s.status === 'ended', 'the class ended on the console');
    const late = await api(ts.url, '/api/join', { body: { code: created.joinCode, name: 'Gus' } });
    expect([late.status, (late.body as { error: string }).error]).toEqual([410, 'class-ended']);
    const after = await command(ts.url, created, { op: 'broadcast', text: 'hello' });
    expect([after.status, (after.body as unknown as { error: string }).error]).toEqual([410, 'class-ended']);

    const noSecret = await api(ts.url, `/api/classes/${created.classId}/results`);
    expect([noSecret.status, (noSecret.body as { error: string }).error]).toEqual([401, 'not-instructor']);
    const res = await api<ClassResults>(ts.url, `/api/classes/${created.classId}/results`, { secret: created.instructorSecret });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ended');
    expect(res.body.tables.map((t) => [t.tableNo, t.status])).toEqual([
      [1, 'ended'],
      [2, 'ended'],
      [3, 'ended'],
    ]);
    expect(res.body.tables[0]!.seats.filter((s) => s.name).map((s) => [s.seat, s.name])).toEqual([
      ['us.lead', 'Ana'],
      ['mx.lead', 'Dev'],
    ]);
    expect(res.body.tables[2]!.seats.find((s) => s.seat === 'mx.lead')!.ai).toBe(true);
    // Each stored envelope replays (engine replay) to the game its students saw end.
    const seen = { 1: seats.Ana!, 2: seats.Ben!, 3: seats.Cleo! } as const;
    for (const t of res.body.tables) {
      const r = replay(t.envelope as Envelope, getScenario);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.state.outcome).toEqual(seen[t.tableNo as 1 | 2 | 3].update!.view!.outcome);
    }

    const tables = await api(ts.url, `/api/classes/${created.classId}/export/tables.csv`, { secret: created.instructorSecret });
    expect(tables.status).toBe(200);
    expect(tables.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(tables.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(tables.text.trim().split(/\r?\n/)).toHaveLength(4);
    const students = await api(ts.url, `/api/classes/${created.classId}/export/students.csv`, { secret: created.instructorSecret });
    expect(students.text.trim().split(/\r?\n/)).toHaveLength(7);
    for (const name of ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay']) expect(students.text).toContain(name);
    const json = await api(ts.url, `/api/classes/${created.classId}/export/results.json`, { secret: created.instructorSecret });
    expect(json.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(JSON.parse(json.text)).toMatchObject({ classId: created.classId, status: 'ended' });
  });
});

describe('seating with three seats per delegation', () => {
  it('fills a table lead first, side by side, then refuses the next student with class-full', async () => {
    const created = await createClass(ts.url, { scenarioId, tables: 1, seatsPerSide: 3 });
    const got: string[] = [];
    for (const name of ['A1', 'B2', 'C3', 'D4', 'E5', 'F6']) got.push((await joinClass(ts.url, created.joinCode, name)).seat);
    expect(got).toEqual(['us.lead', 'mx.lead', 'us.adviser', 'mx.adviser', 'us.adviser2', 'mx.adviser2']);
    const full = await api(ts.url, '/api/join', { body: { code: created.joinCode, name: 'G7' } });
    expect([full.status, (full.body as { error: string }).error]).toEqual([409, 'class-full']);
  });
});
