// The browser's classroom client against the REAL classroom server (started here on 127.0.0.1, any free
// port, with a test store): the HTTP requests and their refusals by code, a student's table as the app's
// remote session (join, wait, play moves for the student's own seat), reconnecting on its own after the
// server drops the socket or restarts (a move made offline sent after the rejoin and applied once), the
// ends that stop reconnecting, the console's summaries and a student moved to another table.
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUpdate } from '../../src/app/game-session';
import { type RemoteHost, RemoteSession } from '../../src/app/remote-session';
import { createOpponent, historicalPersona } from '../../src/ai/opponent';
import type { ClassroomState } from '../../src/app/app-types';
import type { ClassSummary, CreatedClass, Joined } from '../../src/content/classroom-schema';
import { getScenario } from '../../src/content/scenarios';
import type { Action, GameEvent, View } from '../../src/engine';
import { ClassroomRequestError, createClassroomNet, type LinkEnd } from '../../src/net';
import type { Scheduler } from '../../src/net/room-link';
import { type ClassroomServer, startClassroomServer } from '../../src/server/server';
import { type TestStore, testStore } from '../server/test-db';
import { Bell } from '../helpers/bell';

let store: TestStore;
let server: ClassroomServer;
let port = 0;

async function start(): Promise<void> {
  server = await startClassroomServer({ port, host: '127.0.0.1', store, staticDir: null, log: () => undefined });
  port = server.port;
}

beforeAll(async () => {
  store = await testStore();
  await start();
});
afterAll(async () => {
  await server.close();
  await store.close();
});

/** Real timers that also count the reconnections the links schedule (to show that none follows an end). */
class CountingTimers implements Scheduler {
  scheduled = 0;
  set(fn: () => void, ms: number): unknown {
    this.scheduled++;
    return setTimeout(fn, ms);
  }
  clear(handle: unknown): void {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}

/** What the app would hold of a student's table: every update, the classroom part, notices and the end. */
class Student implements RemoteHost {
  last: SessionUpdate | null = null;
  room: Partial<ClassroomState> = {};
  notices: string[] = [];
  end: LinkEnd | null = null;
  statuses: string[] = [];
  private readonly bell = new Bell();

  update(u: SessionUpdate): void {
    this.last = u;
    this.wake();
  }
  classroom(p: Partial<ClassroomState>): void {
    this.room = { ...this.room, ...p };
    if (p.connection) this.statuses.push(p.connection);
    this.wake();
  }
  notice(code: string): void {
    this.notices.push(code);
    this.wake();
  }
  seatChanged(): void {}
  ended(end: LinkEnd): void {
    this.end = end;
    this.wake();
  }
  private wake() {
    this.bell.ring();
  }
  /** Resolves once `check` holds (a hang guard rejects after a long while: not a timing assertion). */
  until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
    return this.bell.until(check, what, ms);
  }
  get events(): GameEvent[] {
    return this.last?.events ?? [];
  }
}

/** The move the AI would make from the student's own view, built for its side as the UI builds moves. */
function aiMove(view: View, seed: number): Action {
  const scenario = getScenario(view.scenario.id)!;
  const side = view.side!;
  const opp = createOpponent(scenario, side, { persona: historicalPersona(scenario, side), difficulty: 'normal' }, seed);
  if (!opp.ok) throw new Error(opp.error);
  return { ...opp.decide(view).action, seat: side } as Action;
}

const url = () => `http://127.0.0.1:${port}`;

async function newClass(over: Record<string, unknown> = {}): Promise<CreatedClass> {
  const net = createClassroomNet(url());
  return net.api.createClass({ scenarioId: 'bracero-1942', tables: 2, seatsPerSide: 1, seed: 3, ...over });
}

function seat(joined: Joined, timers = new CountingTimers()) {
  const host = new Student();
  const net = createClassroomNet(url(), { timers });
  const session = new RemoteSession(net, joined, host);
  session.start();
  return { host, session, net, timers };
}

/** Plays the student's turns with the AI's moves until `done` holds (the lead also says ready and acknowledges the news). */
async function playUntil(s: ReturnType<typeof seat>, done: () => boolean, what: string): Promise<void> {
  for (let step = 0; step < 200 && !done(); step++) {
    const u = s.host.last;
    const v = u?.view;
    const before = s.host.last;
    if (u?.screen === 'briefing') s.session.send({ type: 'READY' });
    else if (u && ['interlude', 'signing', 'ratification'].includes(u.screen)) s.session.send({ type: 'ACK' });
    else if (u?.screen === 'table' && v?.side && v.awaiting.includes(v.side)) s.session.send({ type: 'ACT', action: aiMove(v, 11 + step) });
    await s.host.until(() => s.host.last !== before || done(), what);
  }
  if (!done()) throw new Error(`never reached: ${what}`);
}

const countOf = (events: GameEvent[], type: GameEvent['type']) => events.filter((e) => e.type === type).length;
/** The US's own proposals (not counters, not Mexico's). */
const usProposals = (events: GameEvent[]) => events.filter((e) => e.type === 'proposed' && e.side === 'us' && e.kind === 'propose').length;

/** The server drops the student's socket without a closing handshake (as a dead network does). */
function dropSocket(roomId: string): void {
  const room = matchMaker.getLocalRoomById(roomId);
  if (!room) throw new Error(`no room ${roomId}`);
  for (const client of room.clients) (client as unknown as { ref: { terminate(): void } }).ref.terminate();
}

describe('the HTTP requests', () => {
  it('create a class, join it, and refuse with the server’s code', async () => {
    const net = createClassroomNet(url());
    const created = await newClass({ title: 'Net test' });
    expect(created.config).toMatchObject({ scenarioId: 'bracero-1942', tables: 2, title: 'Net test' });
    const joined = await net.api.join({ code: created.joinCode.toLowerCase(), name: 'Ana' });
    expect(joined).toMatchObject({ classId: created.classId, name: 'Ana', tableNo: 1, seat: 'us.lead', roomId: `${created.classId}-t1` });
    const refusedWith = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        expect(e).toBeInstanceOf(ClassroomRequestError);
        return (e as ClassroomRequestError).error;
      }
      throw new Error('not refused');
    };
    expect(await refusedWith(net.api.join({ code: 'ZZZZZZZZ', name: 'Ben' }))).toBe('bad-code');
    expect(await refusedWith(net.api.join({ code: created.joinCode, name: 'Ana' }))).toBe('name-taken');
    expect(await refusedWith(net.api.join({ code: created.joinCode, name: '<b>Ben</b>' }))).toBe('bad-name');
    expect(await refusedWith(net.api.results(created.classId, 'not-the-secret-0123456789'))).toBe('not-instructor');
    expect(await refusedWith(net.api.createClass({ scenarioId: 'nope', tables: 1, seatsPerSide: 1 }))).toBe('unknown-scenario');
    expect(await net.api.command(created.classId, created.instructorSecret, { op: 'broadcast', text: 'hello' })).toEqual({ ok: true, refused: [] });
    const results = await net.api.results(created.classId, created.instructorSecret);
    expect(results.tables).toHaveLength(2);
    // A server that cannot be reached is 'network', not a crash.
    const nowhere = createClassroomNet('http://127.0.0.1:9');
    expect(await refusedWith(nowhere.api.join({ code: 'K7M2QX9P', name: 'Ana' }))).toBe('network');
  });
});

describe('a student’s table as the app’s remote session', () => {
  it('waits, then plays moves sent for the student’s own seat, with the instructor’s messages once each', async () => {
    const created = await newClass();
    const net = createClassroomNet(url());
    const joined = await net.api.join({ code: created.joinCode, name: 'Ana' });
    const s = seat(joined);
    await s.host.until(() => s.host.last?.screen === 'waiting' && s.host.room.connection === 'open', 'the waiting room');
    expect(s.host.room.started).toBe(false);
    await net.api.command(created.classId, created.instructorSecret, { op: 'broadcast', text: 'Welcome <b>all</b>' });
    await net.api.command(created.classId, created.instructorSecret, { op: 'start' });
    await s.host.until(() => s.host.last?.screen === 'briefing', 'the briefing');
    expect(s.host.last?.view?.side).toBe('us');
    expect(s.host.room.aiSeats).toEqual(['mx.lead']);
    expect(s.host.room.broadcasts?.map((b) => b.text)).toEqual(['Welcome <b>all</b>']);
    await playUntil(s, () => countOf(s.host.events, 'proposed') >= 2, 'two offers on the table');
    // The table's acknowledgements caught up: no move left unsent.
    await s.host.until(() => s.host.room.unsent === 0, 'every move acknowledged');
    s.session.stop();
    await s.host.until(() => s.host.room.connection === 'closed', 'the consented leave');
    expect(s.host.end).toBeNull();
  });

  it('reconnects on its own after the server drops the socket; a move made offline is sent after the rejoin and applied once', async () => {
    const created = await newClass({ timers: {} });
    const net = createClassroomNet(url());
    const joined = await net.api.join({ code: created.joinCode, name: 'Ana' });
    await net.api.command(created.classId, created.instructorSecret, { op: 'start' });
    const s = seat(joined);
    // To the student's own proposal turn.
    await playUntil(s, () => s.host.last?.screen === 'table' && s.host.last.view?.phase === 'proposal' && s.host.last.view.turn === 'us', 'the student’s turn to propose');
    await s.host.until(() => s.host.room.unsent === 0, 'the moves so far acknowledged');
    const firstEvent = s.host.events[0];
    const proposed = usProposals(s.host.events);
    dropSocket(joined.roomId);
    await s.host.until(() => s.host.room.connection === 'reconnecting', 'the link noticing the drop');
    s.session.send({ type: 'ACT', action: aiMove(s.host.last!.view!, 5) });
    expect(s.host.room.unsent).toBe(1);
    await s.host.until(() => s.host.room.connection === 'open' && usProposals(s.host.events) > proposed, 'the offline move applied after the rejoin');
    await s.host.until(() => s.host.room.unsent === 0, 'the move acknowledged');
    expect(usProposals(s.host.events)).toBe(proposed + 1);
    // The events shown before the drop are the same objects (nothing announced twice).
    expect(s.host.events[0]).toBe(firstEvent);
    // The table's stored log has the move once too.
    const stored = await store.getTable(created.classId, joined.tableNo);
    expect(stored!.envelope!.events.filter((a) => (a as Action).type === 'propose' && (a as Action).seat.startsWith('us'))).toHaveLength(proposed + 1);
    s.session.stop();
  });

  it('comes back after a server restart, with a move made while the server was down applied once', async () => {
    const created = await newClass({ timers: {} });
    const net = createClassroomNet(url());
    const joined = await net.api.join({ code: created.joinCode, name: 'Ana' });
    await net.api.command(created.classId, created.instructorSecret, { op: 'start' });
    const s = seat(joined);
    await playUntil(s, () => s.host.last?.screen === 'table' && s.host.last.view?.phase === 'proposal' && s.host.last.view.turn === 'us', 'the student’s turn to propose');
    await s.host.until(() => s.host.room.unsent === 0, 'the moves so far acknowledged');
    const proposed = usProposals(s.host.events);
    await server.close();
    await s.host.until(() => s.host.room.connection === 'reconnecting', 'the link noticing the restart');
    const move = aiMove(s.host.last!.view!, 9);
    s.session.send({ type: 'ACT', action: move });
    await start();
    await s.host.until(() => s.host.room.connection === 'open' && s.host.room.unsent === 0, 'the move answered after the restart');
    // A restored table may show the round's news again first (the server's resume): the move is then
    // refused with that reason, never lost; after the news it is played again and lands once.
    if (usProposals(s.host.events) === proposed) {
      expect(s.host.last?.lastError?.code).toBe('news-interlude');
      await playUntil(s, () => s.host.last?.screen === 'table' && s.host.last.view?.turn === 'us', 'the table after the news');
      s.session.send({ type: 'ACT', action: move });
    }
    await s.host.until(() => usProposals(s.host.events) > proposed && s.host.room.unsent === 0, 'the move applied');
    expect(usProposals(s.host.events)).toBe(proposed + 1);
    const stored = await store.getTable(created.classId, joined.tableNo);
    expect(stored!.envelope!.events.filter((x) => (x as Action).type === 'propose' && (x as Action).seat.startsWith('us'))).toHaveLength(proposed + 1);
    expect(s.host.end).toBeNull();
    s.session.stop();
  });
});

describe('backing off', () => {
  it('tries again after 250 ms, 1 s, 2 s, 4 s, then every 4 s, until it is told to stop', async () => {
    // Nothing listens on this port: every try is refused by the network. The delays asked for are
    // recorded and each try runs at once (what is checked is the schedule, not the clock).
    const asked: number[] = [];
    let stopAt: (() => void) | null = null;
    const timers: Scheduler = {
      set: (fn, ms) => {
        asked.push(ms);
        if (asked.length >= 7) stopAt?.();
        else setImmediate(fn);
        return asked.length;
      },
      clear: () => undefined,
    };
    const statuses: string[] = [];
    const net = createClassroomNet('http://127.0.0.1:9', { timers });
    await new Promise<void>((resolve) => {
      const link = net.table(
        { roomId: 'c1-t1', token: 'token-0123456789abcdef' },
        { welcome: () => undefined, update: () => undefined, refused: () => undefined, broadcast: () => undefined, moved: () => undefined, status: (st) => statuses.push(st) },
      );
      stopAt = () => {
        link.leave();
        resolve();
      };
    });
    expect(asked).toEqual([250, 1000, 2000, 4000, 4000, 4000, 4000]);
    expect(statuses.at(-1)).toBe('closed');
    expect(statuses).not.toContain('open');
  });
});

describe('ends that stop reconnecting', () => {
  it('a seat opened in another tab stops the first; the class ending stops the other; neither comes back', async () => {
    const created = await newClass();
    const net = createClassroomNet(url());
    const joined = await net.api.join({ code: created.joinCode, name: 'Ana' });
    const first = seat(joined);
    await first.host.until(() => first.host.room.connection === 'open', 'the first tab connected');
    const second = seat(joined);
    await first.host.until(() => first.host.end !== null, 'the first tab replaced');
    expect(first.host.end?.code).toBe('replaced');
    await second.host.until(() => second.host.room.connection === 'open', 'the second tab connected');
    const retriesBefore = first.timers.scheduled;
    await net.api.command(created.classId, created.instructorSecret, { op: 'end' });
    await second.host.until(() => second.host.end !== null, 'the class ending');
    expect(second.host.end?.code).toBe('closed');
    // After an end, no reconnection is ever scheduled.
    expect(first.timers.scheduled).toBe(retriesBefore);
    expect(second.timers.scheduled).toBe(0);
    expect(second.host.room.connection).toBe('closed');
  });

  it('a seat token the server does not know is refused for good', async () => {
    const created = await newClass();
    const net = createClassroomNet(url());
    const joined = await net.api.join({ code: created.joinCode, name: 'Ana' });
    const forged = seat({ ...joined, token: 'forged-token-0123456789abcdef' });
    await forged.host.until(() => forged.host.end !== null, 'the refusal');
    expect(forged.host.end?.code).toBe('bad-token');
    expect(forged.timers.scheduled).toBe(0);
  });
});

describe('the instructor’s console link', () => {
  it('receives the summary on every change, and a student moved to another table follows by itself', async () => {
    const created = await newClass();
    const net = createClassroomNet(url());
    const summaries: ClassSummary[] = [];
    let wake = () => {};
    const changed = () => new Promise<void>((r) => (wake = r));
    const link = net.console({ classId: created.classId, secret: created.instructorSecret }, {
        summary: (x) => {
          summaries.push(x);
          wake();
        },
        refused: () => undefined,
        status: () => undefined,
      });
    while (!summaries.length) await changed();
    const joined = await net.api.join({ code: created.joinCode, name: 'Ana' });
    const s = seat(joined);
    await s.host.until(() => s.host.room.connection === 'open' && s.host.room.joined?.tableNo === 1, 'seated at table 1');
    while (!summaries.at(-1)!.students.some((x) => x.name === 'Ana' && x.connected)) await changed();
    const result = await net.api.command(created.classId, created.instructorSecret, { op: 'seat', studentId: joined.studentId, tableNo: 2, seat: 'mx.lead' });
    expect(result.ok).toBe(true);
    await s.host.until(() => s.host.room.joined?.tableNo === 2 && s.host.room.connection === 'open' && s.host.last?.screen === 'waiting', 'the student at table 2');
    expect(s.host.room.joined).toMatchObject({ tableNo: 2, seat: 'mx.lead', side: 'mx', roomId: `${created.classId}-t2` });
    expect(s.host.notices).toContain('moved');
    while (!summaries.at(-1)!.students.some((x) => x.tableNo === 2 && x.connected)) await changed();
    const wrongEnd = await new Promise<LinkEnd>((resolve) => {
      net.console({ classId: created.classId, secret: 'not-the-secret-0123456789' }, { summary: () => undefined, refused: () => undefined, status: (_st, end) => end && resolve(end) });
    });
    expect(wrongEnd).toMatchObject({ code: 'not-instructor' });
    link.leave();
    s.session.stop();
  });
});
