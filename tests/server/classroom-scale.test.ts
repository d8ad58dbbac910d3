// Two classroom server processes sharing one class through Redis (Colyseus's presence and driver) and one
// PostgreSQL: the class is created through process A, students join through both, the tables' rooms run
// on both, each client's socket goes to the process hosting its room, the console (joined through A)
// sees every table wherever it runs, and commands sent through B reach tables on A and on B. The stored
// envelopes replay to the games the students saw end. When a process dies mid-game, its table opens
// again on the other process from its stored game and its students reconnect there.
//
// Needs the tests' PostgreSQL and Redis (`bash .ci/services.sh` writes .data/test-services.env). Without
// them the file is skipped with a message, except under CI=true, where it fails.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import Redis from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassResults, CreatedClass, Joined } from '../../src/content/classroom-schema';
import { getScenario } from '../../src/content/scenarios';
import { type Envelope, replay } from '../../src/engine';
import { api, command, ConsoleClient, createClass, joinClass, playToEnd, SeatClient } from './test-server';
import { SERVICES_ENV_FILE, servicesEnv } from './services-env';
import { freePort } from '../helpers/free-port';


const file = servicesEnv();
const databaseUrl = process.env.BINATIONAL_TEST_DATABASE_URL || file.BINATIONAL_TEST_DATABASE_URL || '';
const redisBase = process.env.BINATIONAL_TEST_REDIS_URL || file.BINATIONAL_TEST_REDIS_URL || '';

/** Null when PostgreSQL and Redis both answer, else why not. */
async function servicesProblem(): Promise<string | null> {
  if (!databaseUrl || !redisBase) return `BINATIONAL_TEST_DATABASE_URL and BINATIONAL_TEST_REDIS_URL are needed (neither the environment nor ${SERVICES_ENV_FILE} names both)`;
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    return `PostgreSQL does not answer (${e instanceof Error ? e.message : String(e)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(redisBase, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    return `Redis at ${redisBase} does not answer (${e instanceof Error ? e.message : String(e)})`;
  } finally {
    redis.disconnect();
  }
  return null;
}

const problem = await servicesProblem();
const hint = 'start the services with `bash .ci/services.sh` (as root on Debian)';
if (problem && process.env.CI === 'true') throw new Error(`classroom scale-out test: ${problem}; ${hint}`);
if (problem) console.warn(`\nclassroom scale-out test SKIPPED: ${problem}; ${hint}\n`);

interface Proc {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
}

const procs: Proc[] = [];
const schema = `test_${randomBytes(6).toString('hex')}`;
// A Redis database of this run's own (room listings and process counts are per database), so other runs
// sharing the test Redis never see these processes nor place rooms on theirs.
const redisUrl = `${redisBase.replace(/\/\d*$/, '')}/${randomInt(1, 16)}`;

async function startProcess(name: string): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      REDIS_URL: redisUrl,
      SERVE_DIST: 'no-such-folder',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = { name, url: `http://127.0.0.1:${port}`, child, output: [] };
  procs.push(proc);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process ${name} did not start:\n${proc.output.join('')}`)), 60_000);
    const seen = (chunk: Buffer) => {
      proc.output.push(chunk.toString());
      if (proc.output.join('').includes('Binational classroom server on port')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', (chunk: Buffer) => proc.output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process ${name} exited (${code}) while starting:\n${proc.output.join('')}`));
    });
  });
  return proc;
}

async function stopProcess(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** The rooms a process hosts, from its local-only diagnostic. */
async function roomsOf(p: Proc): Promise<{ processId: string; rooms: string[] }> {
  const a = await api<{ processId: string; rooms: string[] }>(p.url, '/api/process');
  expect(a.status).toBe(200);
  return a.body;
}

// A process left behind by a failed run would hold the port and the Redis database.
const killAll = () => {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
};
process.once('exit', killAll);

describe.skipIf(problem !== null)('two server processes sharing a class through Redis and PostgreSQL', () => {
  let A: Proc;
  let B: Proc;

  beforeAll(async () => {
    // Started one after the other: both migrate the same schema (under the store's advisory lock) either way.
    A = await startProcess('A');
    B = await startProcess('B');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(procs.map(stopProcess));
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }, 60_000);

  it('seats tables on both processes, plays them, and the console and commands reach every table wherever it runs', async () => {
    const created: CreatedClass = await createClass(A.url, { scenarioId: 'bracero-1942', tables: 2, seatsPerSide: 1, seed: 4242, timers: {} });
    // Students join through both processes; every process seats from the same store.
    const joined: Joined[] = [];
    for (const [i, name] of ['Ana', 'Ben', 'Cleo', 'Dev'].entries()) joined.push(await joinClass((i % 2 ? B : A).url, created.joinCode, name));
    expect(joined.map((j) => [j.name, j.tableNo, j.seat])).toEqual([
      ['Ana', 1, 'us.lead'],
      ['Ben', 2, 'us.lead'],
      ['Cleo', 1, 'mx.lead'],
      ['Dev', 2, 'mx.lead'],
    ]);
    // A name is unique across the class whichever process is asked.
    const twice = await api(B.url, '/api/join', { body: { code: created.joinCode, name: 'ana' } });
    expect([twice.status, (twice.body as { error: string }).error]).toEqual([409, 'name-taken']);

    // The table rooms run on both processes, each once.
    const [onA, onB] = [await roomsOf(A), await roomsOf(B)];
    expect(onA.processId).not.toBe(onB.processId);
    const tablesOn = (r: { rooms: string[] }) => r.rooms.filter((id) => id.startsWith(`${created.classId}-t`));
    expect(tablesOn(onA)).toHaveLength(1);
    expect(tablesOn(onB)).toHaveLength(1);
    expect([...tablesOn(onA), ...tablesOn(onB)].sort()).toEqual([`${created.classId}-t1`, `${created.classId}-t2`]);
    expect([...onA.rooms, ...onB.rooms].filter((id) => id === `${created.classId}-console`)).toHaveLength(1);

    // Each student connects through the process that seated it; the socket goes to the process hosting the room.
    const seats = await Promise.all(joined.map((j, i) => SeatClient.connect((i % 2 ? B : A).url, j)));
    const byTable = (n: number) => seats.filter((s) => s.joined.tableNo === n);
    const console = await ConsoleClient.connect(A.url, created);
    await console.waitFor((s) => s.students.length === 4 && s.students.every((x) => x.connected), 'every student connected, on both processes');

    // Commands through B, the console through A.
    const start = await command(B.url, created, { op: 'start' });
    expect(start.body).toEqual({ ok: true, refused: [] });
    await console.waitFor((s) => s.status === 'started' && s.tables.every((t) => t.status === 'playing'), 'both tables playing');

    const said = await command(B.url, created, { op: 'broadcast', text: 'Ten minutes left in this session' });
    expect(said.body).toEqual({ ok: true, refused: [] });
    for (const s of seats)
      await s.inbox.waitFor(() => s.inbox.messages.some((m) => m.type === 'broadcast' && (m.payload as { text: string }).text === 'Ten minutes left in this session'), `${s.joined.name} hears the broadcast`);
    await console.waitFor((s) => s.broadcasts.some((b) => b.text === 'Ten minutes left in this session'), 'the broadcast on the console');

    const pause = await command(B.url, created, { op: 'pause', target: 'all' });
    expect(pause.body).toEqual({ ok: true, refused: [] });
    await console.waitFor((s) => s.tables.every((t) => t.paused), 'both tables paused');
    // Each table answers for itself: pausing a paused table is refused by that table.
    const again = await command(B.url, created, { op: 'pause', target: 2 });
    expect(again.body.ok).toBe(false);
    expect(again.body.refused.map((r) => r.tableNo)).toEqual([2]);
    const resume = await command(B.url, created, { op: 'resume', target: 'all' });
    expect(resume.body).toEqual({ ok: true, refused: [] });
    await console.waitFor((s) => s.tables.every((t) => !t.paused), 'both tables resumed');

    // Both tables make their first moves, then the process not hosting the console dies: its table opens
    // again on the other process from its stored game, and its students reconnect there.
    await Promise.all([playToEnd(byTable(1), { seed: 21, maxSteps: 6 }), playToEnd(byTable(2), { seed: 37, maxSteps: 6 })]).catch((e: Error) => {
      if (!/did not end/.test(e.message)) throw e;
    });
    const consoleOnA = (await roomsOf(A)).rooms.includes(`${created.classId}-console`);
    const [gone, left] = consoleOnA ? [B, A] : [A, B];
    const hosted = tablesOn(await roomsOf(gone));
    expect(hosted).toHaveLength(1);
    const movedNo = Number(hosted[0]!.slice(`${created.classId}-t`.length));
    const before = byTable(movedNo).map((s) => ({ name: s.joined.name, seq: s.seq, events: s.events.length }));
    expect(before.every((b) => b.seq > 0 || b.events > 0)).toBe(true);
    // Killed, not stopped: nothing is saved on the way out (each change was saved before it was sent), and
    // the process does not take its rooms out of the listing; the other process finds it gone.
    gone.child.kill('SIGKILL');
    await new Promise<void>((resolve) => (gone.child.exitCode !== null || gone.child.signalCode !== null ? resolve() : gone.child.once('exit', () => resolve())));
    for (const s of byTable(movedNo)) await s.inbox.waitFor(() => s.inbox.left !== null, `${s.joined.name}'s connection to close with its process`);
    for (const [i, s] of seats.entries()) {
      if (s.joined.tableNo !== movedNo) continue;
      let back: SeatClient | null = null;
      for (let attempt = 0; attempt < 60 && !back; attempt++) {
        back = await SeatClient.connect(left.url, s.joined).catch(() => null);
        if (!back) await new Promise((r) => setTimeout(r, 500));
      }
      if (!back) throw new Error(`${s.joined.name} could not rejoin table ${movedNo} through the remaining process`);
      // The same browser: its move numbers go on from where they were.
      back.seq = s.seq;
      seats[i] = back;
    }
    expect(tablesOn(await roomsOf(left)).sort()).toEqual([`${created.classId}-t1`, `${created.classId}-t2`]);
    for (const s of byTable(movedNo)) await s.waitFor((u) => u !== null && u.screen !== 'waiting', `${s.joined.name} back in the game`);
    await console.waitFor((s) => s.students.every((x) => x.connected), 'every student connected again, on the remaining process');
    // A fresh process started in the dead one's place serves the class too.
    const fresh = await startProcess(`${gone.name}2`);

    await Promise.all([playToEnd(byTable(1), { seed: 21 }), playToEnd(byTable(2), { seed: 37 })]);

    await console.waitFor((s) => s.tables.every((t) => t.status === 'ended' && t.outcome !== null), 'both tables ended on the console');
    // The console followed each table's game as it went, not only its end.
    for (const n of [1, 2]) {
      const rounds = new Set(console.summaries.map((s) => s.tables[n - 1]!.round).filter((r) => r !== null));
      expect(rounds.size, `rounds of table ${n} seen on the console`).toBeGreaterThan(1);
    }

    // Results are the same whichever process answers, and each envelope replays to the game its students saw end.
    const fromA = await api<ClassResults>(left.url, `/api/classes/${created.classId}/results`, { secret: created.instructorSecret });
    const fromB = await api<ClassResults>(fresh.url, `/api/classes/${created.classId}/results`, { secret: created.instructorSecret });
    expect(fromA.status).toBe(200);
    expect(fromB.body).toEqual(fromA.body);
    for (const t of fromA.body.tables) {
      expect(t.status).toBe('ended');
      const r = replay(t.envelope as Envelope, getScenario);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.state.outcome).toEqual(byTable(t.tableNo)[0]!.update!.view!.outcome);
    }

    // Ending through the fresh process closes the clients of tables running on the other.
    const end = await command(fresh.url, created, { op: 'end' });
    expect(end.body).toEqual({ ok: true, refused: [] });
    for (const s of seats) {
      await s.inbox.waitFor(() => s.inbox.left !== null, `${s.joined.name}'s table to close`);
      expect(s.inbox.left!.code).toBe(4102);
    }
    await console.waitFor((s) => s.status === 'ended', 'the class ended on the console');
    await console.leave();
  });
});
