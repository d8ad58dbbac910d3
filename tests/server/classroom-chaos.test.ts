// Connections lost at random moments over whole games: students played by the real browser client (the
// app's RemoteSession over src/net's self-reconnecting links) whose sockets the server drops without a
// handshake, sometimes right after a move, and whose tabs are closed and opened again later with the
// same token (a reloaded page). The same class with the same seeds is played once more without any of
// it: each table's stored log must be the same, and each seat must have received exactly its share of
// the replayed game. Past the grace period the AI holds an absent lead's delegation and hands it back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClassResults, CreatedClass, Joined } from '../../src/content/classroom-schema';
import { type Envelope, eventsFor, RngStream } from '../../src/engine';
import { createClassroomNet } from '../../src/net';
import { type ClassroomServer, startClassroomServer } from '../../src/server/server';
import { asStored, Bell, dropSocket, logMatchesSent, movesOf, Player, type PlayerHooks, replayedEvents } from './chaos-support';
import { type TestStore, testStore } from './test-db';

let store: TestStore;
let server: ClassroomServer | null = null;
const logged: string[] = [];

async function serve(graceMs?: number): Promise<string> {
  if (server) await server.close();
  server = await startClassroomServer({ port: 0, host: '127.0.0.1', store, staticDir: null, ...(graceMs ? { graceMs } : {}), log: (m, e) => logged.push(`${m} ${e ?? ''}`) });
  return server.url;
}

// A PGlite store takes seconds to open, more when several test files start theirs at once.
beforeAll(async () => {
  store = await testStore();
}, 120_000);
afterAll(async () => {
  await server?.close();
  await store.close();
}, 60_000);

/** Reconnection delays of the chaos run's pages (the real client's back-off, shortened so many drops fit in one test). */
const QUICK = [5, 20, 50, 200];

interface Class {
  created: CreatedClass;
  players: Player[];
}

/** A class whose students join in a fixed order (so both runs seat them alike) and each open a page. */
async function openClass(base: string, bell: Bell, seed: number, names: string[], hooks: PlayerHooks, delays?: readonly number[]): Promise<Class> {
  const net = createClassroomNet(base);
  const created = await net.api.createClass({ scenarioId: 'bracero-1942', tables: 3, seatsPerSide: 2, seed, sameSeed: false, timers: {} });
  const joined: Joined[] = [];
  for (const name of names) joined.push(await net.api.join({ code: created.joinCode, name }));
  const players = joined.map((j) => new Player(base, j, 100 * j.tableNo + (j.side === 'us' ? 1 : 2), bell, hooks, delays));
  for (const p of players) p.openTab();
  await bell.until(() => players.every((p) => p.tab?.open && p.tab.last?.screen === 'waiting'), 'every student in the waiting room');
  return { created, players };
}

const atDebrief = (p: Player): boolean => p.tab?.open === true && p.tab.last?.screen === 'debrief';

async function results(base: string, c: Class): Promise<ClassResults> {
  return createClassroomNet(base).api.results(c.created.classId, c.created.instructorSecret);
}

it('drops and closed tabs at random moments over whole games leave every table’s log as an uninterrupted class’s, and every seat its share', async () => {
  const base = await serve();
  const names = Array.from({ length: 12 }, (_, k) => `Student ${k + 1}`);
  const seed = 31;

  // The schedule of mishaps: seeded (CHAOS_SEED explores others), drawn as the games unfold.
  const rng = RngStream.fromSeed(Number(process.env.CHAOS_SEED ?? 20261203));
  let chaosOn = true;
  const count = { drops: 0, afterMove: 0, tabs: 0, reopened: 0 };
  const closeTab = (p: Player) => {
    p.closeTab();
    dropSocket(p.joined.roomId, p.joined.studentId);
    count.tabs++;
    // Opened again later, like a page reloaded after a moment.
    setTimeout(() => {
      p.openTab();
      count.reopened++;
    }, rng.int(300));
  };
  const chaosHooks: PlayerHooks = {
    updated: (p) => {
      if (!chaosOn) return;
      const r = rng.float();
      if (r < 0.03) {
        if (dropSocket(p.joined.roomId, p.joined.studentId)) count.drops++;
      } else if (r < 0.04) closeTab(p);
    },
    acted: (p) => {
      if (!chaosOn) return;
      const r = rng.float();
      if (r < 0.15) {
        if (dropSocket(p.joined.roomId, p.joined.studentId)) count.afterMove++;
      } else if (r < 0.2) closeTab(p);
    },
  };

  const calmBell = new Bell();
  const chaosBell = new Bell();
  const calm = await openClass(base, calmBell, seed, names, {});
  const chaos = await openClass(base, chaosBell, seed, names, chaosHooks, QUICK);
  const net = createClassroomNet(base);
  await net.api.command(calm.created.classId, calm.created.instructorSecret, { op: 'start' });
  await net.api.command(chaos.created.classId, chaos.created.instructorSecret, { op: 'start' });

  await calmBell.until(() => calm.players.every(atDebrief), 'the uninterrupted class at its debriefs', 300_000);
  await chaosBell.until(() => chaos.players.every(atDebrief), 'the interrupted class at its debriefs', 300_000);
  chaosOn = false;
  // Pages closed at the very end come back too.
  await chaosBell.until(() => count.reopened === count.tabs && chaos.players.every(atDebrief), 'every closed page opened again');

  // The schedule did what it says: sockets dropped (some right after a move) and pages closed.
  expect(count.drops).toBeGreaterThan(0);
  expect(count.afterMove).toBeGreaterThan(0);
  expect(count.tabs).toBeGreaterThan(0);

  const calmResults = await results(base, calm);
  const chaosResults = await results(base, chaos);
  for (const tableNo of [1, 2, 3]) {
    const calmEnv = calmResults.tables.find((t) => t.tableNo === tableNo)!.envelope as Envelope;
    const chaosEnv = chaosResults.tables.find((t) => t.tableNo === tableNo)!.envelope as Envelope;
    expect(chaosResults.tables.find((t) => t.tableNo === tableNo)!.status).toBe('ended');
    expect(chaosEnv.events.length).toBeGreaterThan(0);
    expect(chaosEnv).toEqual(calmEnv);
    const events = replayedEvents(chaosEnv);
    for (const p of [...chaos.players, ...calm.players].filter((x) => x.joined.tableNo === tableNo)) {
      // Every seat holds exactly its share of the game (lobbying only its own delegation's), nothing twice, nothing missing.
      expect(p.tab!.events, `${p.joined.name} (${p.joined.seat}) at table ${tableNo}`).toEqual(eventsFor(events, p.engineSeat));
      expect(p.tab!.end).toBeNull();
    }
    // No student move was refused: a move re-sent after a drop was either applied once or answered as known.
    for (const p of chaos.players.filter((x) => x.joined.tableNo === tableNo)) expect(p.sent.filter((s) => s.answer === 'refused')).toEqual([]);
    // Each delegation's moves in the log are its lead's, each once (leads are the only ones who move).
    for (const p of chaos.players.filter((x) => x.joined.tableNo === tableNo && x.isLead)) {
      expect(logMatchesSent(movesOf(chaosEnv, p.joined.side), p.sent, p.joined.side), p.joined.name).toBeNull();
      expect(p.sent.some((s) => s.answer === 'acknowledged')).toBe(true);
    }
  }
  for (const p of [...chaos.players, ...calm.players]) p.tab?.session.stop();
}, 600_000);

it('past the grace the AI holds an absent lead’s delegation and hands it back when the student returns; the log stays whole', async () => {
  const base = await serve(300);
  const bell = new Bell();
  const net = createClassroomNet(base);
  const created = await net.api.createClass({ scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1, seed: 8, timers: {} });
  const us = new Player(base, await net.api.join({ code: created.joinCode, name: 'Una' }), 1, bell);
  const mx = new Player(base, await net.api.join({ code: created.joinCode, name: 'Max' }), 2, bell);
  expect([us.joined.seat, mx.joined.seat]).toEqual(['us.lead', 'mx.lead']);
  us.holdMoves(true);
  for (const p of [us, mx]) p.openTab();
  await net.api.command(created.classId, created.instructorSecret, { op: 'start' });
  // The United States open the first round: the table waits for Una.
  await bell.until(() => mx.tab?.last?.screen === 'table' && mx.tab.last.view!.awaiting.includes('us'), 'the table waiting for the United States');
  mx.holdMoves(true);
  const mxEventsBefore = mx.tab!.events.length;

  us.closeTab();
  expect(dropSocket(us.joined.roomId, us.joined.studentId)).toBe(true);
  await bell.until(() => mx.tab!.events.length > mxEventsBefore && (mx.tab!.room.aiSeats ?? []).includes('us.lead'), 'the AI holding and moving for the United States');
  expect((await store.getTable(created.classId, 1))!.aiSeats).toEqual(['us.lead']);
  const aiMoved = movesOf((await store.getTable(created.classId, 1))!.envelope as Envelope, 'us').length;
  expect(aiMoved).toBeGreaterThan(0);

  us.openTab();
  await bell.until(() => !!us.tab?.open && us.tab.last?.view != null && (us.tab.room.aiSeats ?? ['?']).length === 0, 'the United States back in Una’s hands');
  await bell.until(() => (mx.tab!.room.aiSeats ?? ['?']).length === 0, 'Max told the AI left');
  expect((await store.getTable(created.classId, 1))!.aiSeats).toEqual([]);
  us.holdMoves(false);
  mx.holdMoves(false);
  await bell.until(() => atDebrief(us) && atDebrief(mx), 'the game’s end', 300_000);

  const table = (await net.api.results(created.classId, created.instructorSecret)).tables[0]!;
  expect(table.status).toBe('ended');
  expect(table.seats.map((s) => s.ai)).toEqual([false, false]);
  const env = table.envelope as Envelope;
  const events = replayedEvents(env);
  for (const p of [us, mx]) expect(p.tab!.events, p.joined.name).toEqual(eventsFor(events, p.engineSeat));
  // Mexico's moves are Max's, in order; the United States' are Una's with the AI's in between, each once.
  expect(movesOf(env, 'mx')).toEqual(mx.sent.filter((s) => s.answer === 'acknowledged').map((s) => asStored(s.action, 'mx')));
  const unaMoves = us.sent.filter((s) => s.answer === 'acknowledged').map((s) => asStored(s.action, 'us'));
  expect(unaMoves.length).toBeGreaterThan(0);
  expect(movesOf(env, 'us').slice(aiMoved)).toEqual(unaMoves);
  expect(movesOf(env, 'us')).toHaveLength(aiMoved + unaMoves.length);
  for (const p of [us, mx]) expect(p.sent.filter((s) => s.answer === 'refused')).toEqual([]);
  for (const p of [us, mx]) p.tab?.session.stop();
}, 600_000);
