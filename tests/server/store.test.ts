// The classroom store on a real database: PGlite in memory by default, PostgreSQL in a fresh schema under
// BINATIONAL_TEST_DB=postgres (npm run test:server-pg). One store for the file, emptied before each test.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClassConfig } from '../../src/content/classroom-schema';
import { getScenario } from '../../src/content/scenarios';
import { createGame, type Envelope, envelopeOf, forkAtRound, type GameState, RngStream, replay, seedRng, serializeState, step } from '../../src/engine';
import { MIGRATIONS, migrate } from '../../src/server/db/migrations';
import { openDatabase, openStore } from '../../src/server/db/open-store';
import { LOCK_FILE, openPglite } from '../../src/server/db/pglite-sql';
import { type ClassRecord, StoreConflict, type StudentRecord } from '../../src/server/store';
import { randomLegalAction } from '../helpers/random-play';
import { freshSchemaName, testBackend, testDatabaseUrl, type TestStore, testStore } from './test-db';

const config = (over: Partial<ClassConfig> = {}): ClassConfig => ({
  scenarioId: 'bracero-1942',
  tables: 3,
  seatsPerSide: 2,
  timers: { proposal: 120 },
  aiForEmptySeats: true,
  difficulty: 'normal',
  lang: 'es',
  seed: 1942,
  sameSeed: false,
  title: 'Historia 3º — Período 2',
  ...over,
});

const aClass = (over: Partial<ClassRecord> = {}): ClassRecord => ({
  id: 'class-a',
  joinCode: 'ABCD2345',
  secretHash: 'a'.repeat(64),
  config: config(),
  status: 'open',
  createdAt: '2026-03-02T15:04:05.123Z',
  ...over,
});

let studentNo = 0;
const aStudent = (over: Partial<StudentRecord> = {}): StudentRecord => {
  studentNo++;
  return {
    id: `student-${studentNo}`,
    classId: 'class-a',
    name: `Student ${studentNo}`,
    tokenHash: `token-${studentNo}`,
    tableNo: 1,
    seat: 'us.lead',
    joinedAt: `2026-03-02T15:10:${String(studentNo % 60).padStart(2, '0')}.000Z`,
    ...over,
  };
};

/** A real game: random legal play from a seed, so the envelope is one the engine replays. */
function playedGame(moves: number): GameState {
  const scenario = getScenario('bracero-1942')!;
  let state = createGame(scenario, 424242);
  const rng = new RngStream(seedRng(7));
  for (let k = 0; k < moves && state.phase !== 'ended'; k++) {
    const action = randomLegalAction(state, rng);
    if (!action) break;
    const r = step(state, action);
    if (!r.error) state = r.state;
  }
  return state;
}

/** Resolves with the StoreConflict code the promise rejects with (fails the test if it resolves or throws anything else). */
async function conflictOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreConflict);
  return (err as StoreConflict).code;
}

describe(`ClassroomStore (${testBackend()})`, () => {
  let store: TestStore;
  // Opening PGlite takes seconds, more when other test files open theirs at the same time.
  beforeAll(async () => {
    store = await testStore();
  }, 60_000);
  afterAll(() => store?.close());
  beforeEach(() => store.reset());

  describe('classes', () => {
    it('creates a class with its tables waiting, and reads it back whole by id and by join code', async () => {
      const c = aClass();
      await store.createClass(c);
      expect(await store.getClass('class-a')).toStrictEqual(c);
      expect(await store.findClassByCode('ABCD2345')).toStrictEqual(c);
      const tables = await store.listTables('class-a');
      expect(tables.map((t) => t.tableNo)).toStrictEqual([1, 2, 3]);
      for (const t of tables) {
        expect(t).toMatchObject({ classId: 'class-a', status: 'waiting', envelope: null, aiSeats: [], paused: false });
        expect(t.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
    });

    it('answers null for an unknown id or code, and a code is matched exactly', async () => {
      await store.createClass(aClass());
      expect(await store.getClass('nope')).toBeNull();
      expect(await store.findClassByCode('ZZZZ9999')).toBeNull();
      expect(await store.findClassByCode('abcd2345')).toBeNull();
    });

    it('refuses a second class with a join code in use (code-taken) and keeps nothing of it', async () => {
      await store.createClass(aClass());
      expect(await conflictOf(store.createClass(aClass({ id: 'class-b', config: config({ tables: 2 }) })))).toBe('code-taken');
      expect(await store.getClass('class-b')).toBeNull();
      expect(await store.listTables('class-b')).toStrictEqual([]);
      expect((await store.findClassByCode('ABCD2345'))?.id).toBe('class-a');
    });

    it('refuses a class without a whole number of tables, naming the field', async () => {
      await expect(store.createClass(aClass({ config: config({ tables: 0 }) }))).rejects.toThrow(/config\.tables/);
      await expect(store.createClass(aClass({ createdAt: 'yesterday' }))).rejects.toThrow(/createdAt/);
      expect(await store.getClass('class-a')).toBeNull();
    });

    it('changes status; open classes are those not ended, oldest first; an ended class is still found by its code', async () => {
      await store.createClass(aClass({ id: 'late', joinCode: 'LATE2345', createdAt: '2026-03-02T16:00:00.000Z' }));
      await store.createClass(aClass({ id: 'early', joinCode: 'EARL2345', createdAt: '2026-03-02T08:00:00.000Z' }));
      await store.createClass(aClass({ id: 'done', joinCode: 'DONE2345', createdAt: '2026-03-02T09:00:00.000Z' }));
      await store.setClassStatus('late', 'started');
      await store.setClassStatus('done', 'ended');
      const open = await store.listOpenClasses();
      expect(open.map((c) => [c.id, c.status])).toStrictEqual([
        ['early', 'open'],
        ['late', 'started'],
      ]);
      expect((await store.findClassByCode('DONE2345'))?.status).toBe('ended');
    });

    it('refuses to set the status of a class that does not exist', async () => {
      await expect(store.setClassStatus('ghost', 'ended')).rejects.toThrow(/no class ghost/);
    });
  });

  describe('students', () => {
    beforeEach(() => store.createClass(aClass()));

    it('adds students and finds one by its token hash; lists a class in joining order', async () => {
      const ana = aStudent({ name: 'Ana', seat: 'mx.lead' });
      const bo = aStudent({ name: 'Bo', tableNo: 2, seat: 'us.adviser' });
      await store.addStudent(ana);
      await store.addStudent(bo);
      expect(await store.findStudentByToken(ana.tokenHash)).toStrictEqual(ana);
      expect(await store.findStudentByToken('unknown')).toBeNull();
      expect(await store.listStudents('class-a')).toStrictEqual([ana, bo]);
      expect(await store.listStudents('other')).toStrictEqual([]);
    });

    it('refuses a name the class already has, whatever its case or accents composition (name-taken)', async () => {
      await store.addStudent(aStudent({ name: 'José Ángel' }));
      expect(await conflictOf(store.addStudent(aStudent({ name: 'JOSÉ ÁNGEL', seat: 'mx.lead' })))).toBe('name-taken');
      // The same name with a combining accent (NFD) is the same name.
      expect(await conflictOf(store.addStudent(aStudent({ name: 'jose\u0301 a\u0301ngel', seat: 'mx.lead' })))).toBe('name-taken');
      expect((await store.listStudents('class-a')).map((s) => s.name)).toStrictEqual(['José Ángel']);
    });

    it('keeps the name as typed, and lets another class use the same name', async () => {
      await store.createClass(aClass({ id: 'class-b', joinCode: 'BBBB2345' }));
      await store.addStudent(aStudent({ name: 'María' }));
      await store.addStudent(aStudent({ classId: 'class-b', name: 'maría' }));
      expect((await store.listStudents('class-b'))[0]?.name).toBe('maría');
    });

    it('refuses a seat someone holds (seat-taken), at the same table only', async () => {
      await store.addStudent(aStudent({ tableNo: 1, seat: 'us.lead' }));
      expect(await conflictOf(store.addStudent(aStudent({ tableNo: 1, seat: 'us.lead' })))).toBe('seat-taken');
      await store.addStudent(aStudent({ tableNo: 2, seat: 'us.lead' }));
      expect(await store.listStudents('class-a')).toHaveLength(2);
    });

    it('refuses a student at a table the class does not have, saying which', async () => {
      await expect(store.addStudent(aStudent({ tableNo: 9 }))).rejects.toThrow(/class class-a has no table 9/);
      await expect(store.addStudent(aStudent({ classId: 'ghost' }))).rejects.toThrow(/ghost/);
    });

    it('moves a student to a free seat, and refuses a held one (seat-taken) leaving the student where it was', async () => {
      const ana = aStudent({ name: 'Ana', tableNo: 1, seat: 'us.lead' });
      const bo = aStudent({ name: 'Bo', tableNo: 2, seat: 'mx.lead' });
      await store.addStudent(ana);
      await store.addStudent(bo);
      await store.moveStudent(ana.id, 3, 'mx.adviser');
      expect(await store.findStudentByToken(ana.tokenHash)).toMatchObject({ tableNo: 3, seat: 'mx.adviser' });
      expect(await conflictOf(store.moveStudent(ana.id, 2, 'mx.lead'))).toBe('seat-taken');
      expect(await store.findStudentByToken(ana.tokenHash)).toMatchObject({ tableNo: 3, seat: 'mx.adviser' });
      // Its old seat is free again.
      await store.moveStudent(bo.id, 1, 'us.lead');
      expect(await store.findStudentByToken(bo.tokenHash)).toMatchObject({ tableNo: 1, seat: 'us.lead' });
    });

    it('refuses to move a student who does not exist, or to a table the class does not have', async () => {
      const ana = aStudent();
      await store.addStudent(ana);
      await expect(store.moveStudent('ghost', 1, 'mx.lead')).rejects.toThrow(/no student ghost/);
      await expect(store.moveStudent(ana.id, 7, 'mx.lead')).rejects.toThrow(/no table 7/);
    });
  });

  describe('tables', () => {
    beforeEach(() => store.createClass(aClass()));

    it('saves and reads back a played table: the envelope replays to the same game', async () => {
      const game = playedGame(120);
      const envelope = envelopeOf(game);
      expect(envelope.events.length).toBeGreaterThan(20);
      await store.saveTable({ classId: 'class-a', tableNo: 2, status: 'playing', envelope, aiSeats: ['mx.lead', 'mx.adviser'], paused: true });
      const t = await store.getTable('class-a', 2);
      expect(t).toMatchObject({ classId: 'class-a', tableNo: 2, status: 'playing', aiSeats: ['mx.lead', 'mx.adviser'], paused: true });
      expect(t!.envelope).toStrictEqual(envelope);
      // Exactly: the same JSON text, keys in the same order, so the replayed game serialises byte for byte.
      expect(JSON.stringify(t!.envelope)).toBe(JSON.stringify(envelope));
      const again = replay(t!.envelope!, getScenario);
      expect(again.ok).toBe(true);
      expect(serializeState((again as { state: GameState }).state)).toBe(serializeState(game));
    });

    it('round-trips a forked envelope, with its forks, overrides and odd values, exactly', async () => {
      const game = playedGame(200);
      // A fork at round 2 that switches a shock off, scales another by an inexact float and adds a pool shock.
      const forked = forkAtRound(envelopeOf(game), 2, { disable: ['texas-question'], scale: { 'grower-pressure': 0.1 + 0.2 }, add: ['oil-dispute-reopens'] }, getScenario);
      if (!forked.ok) throw new Error(`the fork was refused: ${JSON.stringify(forked.problems)}`);
      const envelope = forked.envelope;
      expect(envelope.forks?.length).toBe(1);
      await store.saveTable({ classId: 'class-a', tableNo: 1, status: 'ended', envelope, aiSeats: [], paused: false });
      const back = (await store.getTable('class-a', 1))!.envelope;
      expect(back).toStrictEqual(envelope);
      expect(JSON.stringify(back)).toBe(JSON.stringify(envelope));
      expect(back!.forks![0]!.overrides.scale!['grower-pressure']).toBe(0.1 + 0.2);
    });

    it('replaces the envelope whole, and can clear it back to null', async () => {
      const first = envelopeOf(playedGame(60));
      const second: Envelope = { scenarioId: 'bracero-1942', seed: 5, overrides: {}, events: [] };
      await store.saveTable({ classId: 'class-a', tableNo: 1, status: 'playing', envelope: first, aiSeats: ['us.lead'], paused: false });
      await store.saveTable({ classId: 'class-a', tableNo: 1, status: 'playing', envelope: second, aiSeats: [], paused: false });
      const t = await store.getTable('class-a', 1);
      expect(t!.envelope).toStrictEqual(second);
      expect(t!.aiSeats).toStrictEqual([]);
      await store.saveTable({ classId: 'class-a', tableNo: 1, status: 'waiting', envelope: null, aiSeats: [], paused: false });
      expect((await store.getTable('class-a', 1))!.envelope).toBeNull();
    });

    it('moves updatedAt forward on each save and leaves the other tables as they were', async () => {
      const before = await store.listTables('class-a');
      await store.saveTable({ classId: 'class-a', tableNo: 3, status: 'ended', envelope: null, aiSeats: [], paused: false });
      const after = await store.listTables('class-a');
      expect(after.slice(0, 2)).toStrictEqual(before.slice(0, 2));
      expect(after[2]!.status).toBe('ended');
      expect(Date.parse(after[2]!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before[2]!.updatedAt));
    });

    it('answers null for a table the class does not have, and refuses to save a table of an unknown class', async () => {
      expect(await store.getTable('class-a', 4)).toBeNull();
      expect(await store.getTable('ghost', 1)).toBeNull();
      await expect(store.saveTable({ classId: 'ghost', tableNo: 1, status: 'waiting', envelope: null, aiSeats: [], paused: false })).rejects.toThrow(
        /no class ghost/,
      );
      await expect(store.saveTable({ classId: 'class-a', tableNo: 0, status: 'waiting', envelope: null, aiSeats: [], paused: false })).rejects.toThrow(
        /tableNo/,
      );
    });

    it('runs concurrent writes without losing any', async () => {
      await Promise.all(
        Array.from({ length: 12 }, (_, k) =>
          k % 2 ? store.addStudent(aStudent({ tableNo: 1 + (k % 3), seat: `s${k}` })) : store.saveTable({ classId: 'class-a', tableNo: 1 + (k % 3), status: 'playing', envelope: null, aiSeats: [`s${k}`], paused: false }),
        ),
      );
      expect(await store.listStudents('class-a')).toHaveLength(6);
    });

    it('keeps each student’s last move number with the table’s save, never lowers it, and writes neither when the save fails', async () => {
      const ana = aStudent({ tableNo: 1, seat: 'us.lead' });
      const bo = aStudent({ tableNo: 1, seat: 'mx.lead' });
      await store.addStudent(ana);
      await store.addStudent(bo);
      const table = { classId: 'class-a', tableNo: 1, status: 'playing' as const, envelope: null, aiSeats: [], paused: false };
      expect(await store.studentSeqs('class-a')).toStrictEqual(new Map([[ana.id, 0], [bo.id, 0]]));
      await store.saveTable(table, [{ studentId: ana.id, lastSeq: 7 }, { studentId: bo.id, lastSeq: 2 }]);
      expect(await store.studentSeqs('class-a')).toStrictEqual(new Map([[ana.id, 7], [bo.id, 2]]));
      // A save that lost a race with a newer one does not take a number back.
      await store.saveTable(table, [{ studentId: ana.id, lastSeq: 5 }, { studentId: bo.id, lastSeq: 3 }]);
      expect(await store.studentSeqs('class-a')).toStrictEqual(new Map([[ana.id, 7], [bo.id, 3]]));
      // One transaction: a table that cannot be saved leaves the numbers as they were.
      await expect(store.saveTable({ ...table, status: 'lost' as never }, [{ studentId: ana.id, lastSeq: 9 }])).rejects.toThrow();
      expect((await store.studentSeqs('class-a')).get(ana.id)).toBe(7);
      await expect(store.saveTable(table, [{ studentId: ana.id, lastSeq: -1 }])).rejects.toThrow(/lastSeq/);
    });
  });

  describe('broadcasts', () => {
    beforeEach(() => store.createClass(aClass()));

    it('keeps a class’s broadcasts and lists the newest, oldest first; refuses one for an unknown class', async () => {
      for (let k = 1; k <= 4; k++) await store.addBroadcast('class-a', { text: `message ${k}`, at: `2026-03-02T15:2${k}:00.000Z` });
      expect(await store.listBroadcasts('class-a', 3)).toStrictEqual([
        { text: 'message 2', at: '2026-03-02T15:22:00.000Z' },
        { text: 'message 3', at: '2026-03-02T15:23:00.000Z' },
        { text: 'message 4', at: '2026-03-02T15:24:00.000Z' },
      ]);
      expect(await store.listBroadcasts('other', 3)).toStrictEqual([]);
      await expect(store.addBroadcast('ghost', { text: 'hello', at: '2026-03-02T15:20:00.000Z' })).rejects.toThrow(/no class ghost/);
      await expect(store.addBroadcast('class-a', { text: 'hello', at: 'yesterday' })).rejects.toThrow(/at: expected an ISO date-time/);
    });
  });
});

describe.runIf(testBackend() === 'pglite')('PGlite in a data folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'binational-store-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps classes, students and tables across close and reopen, one store at a time; a newer schema is added to, a newer database refused', async () => {
    const dataDir = join(dir, 'nested', 'db');
    const envelope = envelopeOf(playedGame(40));
    const first = await openStore({ dataDir });
    await first.createClass(aClass());
    const ana = aStudent({ name: 'Ana' });
    await first.addStudent(ana);
    await first.saveTable({ classId: 'class-a', tableNo: 2, status: 'playing', envelope, aiSeats: ['mx.lead'], paused: false });
    await first.close();

    // Another store on the folder while one is open is refused (two PGlite instances would write the same files).
    const holder = await openStore({ dataDir });
    await expect(openStore({ dataDir })).rejects.toThrow(/in use by a store already open in this process/);
    await holder.close();
    // A lock left by a process that was killed is stale: the next open takes it over.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    await writeFile(join(dataDir, LOCK_FILE), `${dead}\n`);

    const second = await openStore({ dataDir });
    expect(await readFile(join(dataDir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    expect(await second.getClass('class-a')).toStrictEqual(aClass());
    expect(await second.listStudents('class-a')).toStrictEqual([ana]);
    expect((await second.getTable('class-a', 2))!.envelope).toStrictEqual(envelope);
    await second.close();

    // A later version of the server adds a column; the data stays and the migration is recorded once.
    const current = Math.max(...MIGRATIONS.map((m) => m.version));
    const next = current + 1;
    const v2 = [...MIGRATIONS, { version: next, name: 'a note per class', statements: ['ALTER TABLE classes ADD COLUMN note text'] }];
    const sql = await openPglite(dataDir);
    expect(await migrate(sql, v2)).toBe(next);
    expect(await migrate(sql, v2)).toBe(next);
    const { rows } = await sql.query<{ version: number; n: number }>('SELECT version, count(*)::int4 AS n FROM store_migrations GROUP BY version ORDER BY version');
    expect(rows).toStrictEqual(v2.map((m) => ({ version: m.version, n: 1 })));
    expect((await sql.query('SELECT note FROM classes')).rows).toStrictEqual([{ note: null }]);
    await sql.close();

    // This version's code does not know version 2: it refuses the database rather than misread it.
    await expect(openStore({ dataDir })).rejects.toThrow(new RegExp(`version ${next}, newer than this server's ${current}`));
  });
});

describe.runIf(testBackend() === 'postgres')('PostgreSQL schemas', () => {
  it('keeps each store in its own schema, reopens a kept schema with its data, and drops a test schema on close', async () => {
    const url = testDatabaseUrl();
    const schema = freshSchemaName();
    const a = await openStore({ databaseUrl: url, schema });
    const b = await testStore();
    await a.createClass(aClass());
    expect(await b.getClass('class-a')).toBeNull();
    await b.close();
    await a.close();

    // Two servers opening the same schema at once both come up (the migration runs once, under its lock).
    const [c, d] = await Promise.all([openStore({ databaseUrl: url, schema }), openStore({ databaseUrl: url, schema, dropSchemaOnClose: true })]);
    expect(await c.getClass('class-a')).toStrictEqual(aClass());
    await c.close();
    await d.close();

    const admin = await openDatabase({ databaseUrl: url, schema: freshSchemaName(), dropSchemaOnClose: true });
    const { rows } = await admin.query('SELECT schema_name FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    expect(rows).toStrictEqual([]);
    await admin.close();
  });

  it('refuses a schema name that would need escaping', async () => {
    await expect(openStore({ databaseUrl: testDatabaseUrl(), schema: 'Robert"; DROP' })).rejects.toThrow(/schema/);
  });
});
