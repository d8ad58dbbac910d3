// The server process killed outright (SIGKILL) in the middle of a class and started again on the same port
// and records: every table comes back from the database, the students' pages (the real browser client)
// reconnect by themselves, and no move a page saw acknowledged is lost or applied twice. It is killed
// twice: once while the games run, once right after a student sent a move.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CreatedClass, Joined } from '../../src/content/classroom-schema';
import { type Envelope, eventsFor } from '../../src/engine';
import { createClassroomNet } from '../../src/net';
import { Bell, logMatchesSent, movesOf, Player, replayedEvents } from './chaos-support';
import { testBackend, testDatabaseUrl } from './test-db';
import { freePort } from '../helpers/free-port';

const ROOT = resolve(__dirname, '../..');
let dataDir = '';
let port = 0;
/** PostgreSQL backend: the schema this file's server keeps its tables in (dropped at the end). */
let schema: string | null = null;
let child: ChildProcess | null = null;
let output = '';

/** The server's records: PGlite in this file's folder, or a schema of its own in the test PostgreSQL. */
function databaseEnv(): Record<string, string> {
  return schema ? { DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema } : { DATA_DIR: dataDir };
}

async function withPostgres(run: (query: (text: string) => Promise<unknown>) => Promise<unknown>): Promise<void> {
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  try {
    await run((text) => pool.query(text));
  } finally {
    await pool.end();
  }
}

const base = () => `http://127.0.0.1:${port}`;

/** Starts `npm run server`'s entry point as a child process and waits until it answers HTTP. */
async function startServer(): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SERVE_DIST: join(dataDir, 'no-dist'), DATABASE_URL: '', DATABASE_SCHEMA: '', REDIS_URL: '', ...databaseEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  let exited = false;
  proc.once('exit', () => (exited = true));
  // Polled until it answers (a hang guard gives up after a long while; not a timing assertion).
  for (let tries = 0; tries < 600; tries++) {
    if (exited) throw new Error(`the server exited while starting:\n${output}`);
    try {
      await fetch(`${base()}/api/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`the server never answered:\n${output}`);
}

/** SIGKILL: no shutdown, no last save; resolves once the process is gone. */
function killServer(): Promise<void> {
  const proc = child;
  child = null;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill('SIGKILL');
  return gone;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'binational-restart-'));
  port = await freePort();
  if (testBackend() === 'postgres') {
    schema = `test_${randomBytes(6).toString('hex')}`;
    await withPostgres((q) => q(`CREATE SCHEMA "${schema}"`));
  }
  await startServer();
}, 120_000);

afterAll(async () => {
  await killServer();
  if (schema) await withPostgres((q) => q(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

it('killed with SIGKILL mid-game (once right after a move) and started again: the pages come back by themselves and no acknowledged move is lost or doubled', async () => {
  const bell = new Bell();
  const net = createClassroomNet(base());
  const created: CreatedClass = await net.api.createClass({ scenarioId: 'bracero-1942', tables: 2, seatsPerSide: 1, seed: 17, sameSeed: false, timers: {} });
  const joined: Joined[] = [];
  for (const name of ['Ada', 'Ben', 'Cyd', 'Dee']) joined.push(await net.api.join({ code: created.joinCode, name }));

  // A kill armed to strike right after the next move any student sends.
  let killAfterMove: ((p: Player) => void) | null = null;
  const players = joined.map(
    (j) =>
      new Player(base(), j, 10 * j.tableNo + (j.side === 'us' ? 1 : 2), bell, {
        acted: (p) => {
          const strike = killAfterMove;
          killAfterMove = null;
          strike?.(p);
        },
      }),
  );
  for (const p of players) p.openTab();
  await bell.until(() => players.every((p) => p.tab?.open), 'every page connected');
  await net.api.command(created.classId, created.instructorSecret, { op: 'start' });
  const acknowledged = (p: Player) => p.sent.filter((s) => s.answer === 'acknowledged').length;
  const total = () => players.reduce((n, p) => n + acknowledged(p), 0);
  const reconnected = (p: Player) => p.tab!.connections;

  // 1. Killed while the games run.
  await bell.until(() => players.every((p) => acknowledged(p) >= 2), 'two acknowledged moves from every lead');
  await killServer();
  await bell.until(() => players.every((p) => p.tab!.room.connection === 'reconnecting'), 'every page noticing the server gone');
  const before = total();
  await startServer();
  await bell.until(() => players.every((p) => reconnected(p) >= 2 && p.tab!.open), 'every page back by itself', 120_000);
  await bell.until(() => total() > before + 2, 'the games going on after the restart');

  // 2. Killed right after a move was sent (it may or may not have reached the table).
  let struck: Player | null = null;
  let killed: Promise<void> = Promise.resolve();
  killAfterMove = (p) => {
    struck = p;
    killed = killServer();
  };
  await bell.until(() => struck !== null, 'a move to kill the server after');
  await killed;
  await startServer();
  await bell.until(() => players.every((p) => reconnected(p) >= 3 && p.tab!.open), 'every page back by itself again', 120_000);

  await bell.until(() => players.every((p) => p.tab?.open === true && p.tab.last?.screen === 'debrief'), 'every game at its debrief', 300_000);

  const results = await net.api.results(created.classId, created.instructorSecret);
  for (const table of results.tables) {
    expect(table.status).toBe('ended');
    const env = table.envelope as Envelope;
    // The game replays, and each page holds exactly its seat's share of it.
    const events = replayedEvents(env);
    for (const p of players.filter((x) => x.joined.tableNo === table.tableNo)) {
      expect(p.tab!.events, p.joined.name).toEqual(eventsFor(events, p.engineSeat));
      expect(p.tab!.end).toBeNull();
      expect(p.tabs).toBe(1);
      // Every move the page saw acknowledged is in the log exactly once, in order, and nothing else: a move
      // re-sent after a restart that the table had already stored is known by its number, never applied
      // again; one the restored table refused (its news shown again first) is not in the log.
      expect(logMatchesSent(movesOf(env, p.joined.side), p.sent, p.joined.side, []), p.joined.name).toBeNull();
    }
  }
  expect(struck).not.toBeNull();
  for (const p of players) p.tab?.session.stop();
}, 600_000);
