// The room link's heartbeat, on a clock the test drives and a room the test plays: a connection that
// answers (or just keeps talking) stays open however long it lasts; one that goes silent without a close
// (a dead network: nothing arrives, no close ever comes) is dropped HEARTBEAT_MS + HEARTBEAT_TIMEOUT_MS
// after its last message and joined again with the same options, and the upper layer goes on with the
// fresh connection; the room's 'pong' never reaches the upper layer; a left link stops pinging.
// The real client against the real server: tests/server/classroom-heartbeat.test.ts.
import type { Client, Room } from 'colyseus.js';
import { describe, expect, it } from 'vitest';
import type { ClassSummary } from '../../src/content/classroom-schema';
import type { TableUpdate } from '../../src/flow';
import { ConsoleLink } from '../../src/net/console-link';
import { HEARTBEAT_MS, HEARTBEAT_TIMEOUT_MS, RETRY_DELAYS_MS, RoomLink, type RoomLinkEvents, type Scheduler } from '../../src/net/room-link';
import { TableLink } from '../../src/net/table-link';
import type { LinkEnd, LinkStatus } from '../../src/net/types';

/** Lets the link's promises (a join, a message delivered on a microtask) settle. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Timers on a clock that moves only when the test says: each due timer runs in order, its effects settled. */
class ManualClock implements Scheduler {
  now = 0;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  set(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }
  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }
  get pending(): number {
    return this.due.size;
  }
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      let first: [number, { at: number; fn: () => void }] | null = null;
      for (const entry of this.due) if (entry[1].at <= end && (!first || entry[1].at < first[1].at)) first = entry;
      if (!first) break;
      this.due.delete(first[0]);
      this.now = first[1].at;
      first[1].fn();
      await settle();
    }
    this.now = end;
  }
}

/** One connection as colyseus.js's Room shows it to the link; the test plays the server's side. */
class FakeRoom {
  readonly sent: { type: string; payload: unknown }[] = [];
  /** How the link let it go: true for a consented leave, false for a close from this side, null while it holds it. */
  left: boolean | null = null;
  readonly connection = { isOpen: true };
  /** Whether the room answers a ping (the pong may be lost while other messages still arrive). */
  answersPings = true;
  private any: ((type: string | number, payload: unknown) => void) | null = null;
  private close: ((code: number, reason?: string) => void) | null = null;

  constructor(
    /** Whether the server's answers reach this client (false: the network died without a close). */
    public answers: boolean,
  ) {}

  onMessage(type: string, handler: (type: string | number, payload: unknown) => void): () => void {
    if (type === '*') this.any = handler;
    return () => undefined;
  }
  onLeave(handler: (code: number, reason?: string) => void): void {
    this.close = handler;
  }
  send(type: string, payload: unknown): void {
    if (!this.connection.isOpen) throw new Error('the socket is not open');
    this.sent.push({ type, payload });
    // The room answers a ping with a pong, a network hop later.
    if (type === 'ping' && this.answersPings) queueMicrotask(() => this.deliver('pong', {}));
  }
  /** A message from the server (on a dead network it never arrives). */
  deliver(type: string, payload: unknown): void {
    if (this.answers) this.any?.(type, payload);
  }
  /** The close reaching the client (a dead network delivers it late, if ever). */
  closeArrives(code: number): void {
    this.connection.isOpen = false;
    this.close?.(code, '');
  }
  leave(consented: boolean): Promise<number> {
    this.left = consented;
    this.connection.isOpen = false;
    // A dead network never delivers the close: the promise stays pending, as a real one would.
    return new Promise(() => undefined);
  }
  get pings(): number {
    return this.sent.filter((m) => m.type === 'ping').length;
  }
}

/** The server's matchmaker as the link meets it: every join opens a new connection, answering or not as told. */
class FakeServer {
  readonly joins: { roomId: string; options: unknown }[] = [];
  readonly rooms: FakeRoom[] = [];
  /** Whether the next connections' messages reach the client. */
  answers = true;
  readonly client = {
    joinById: async (roomId: string, options: unknown): Promise<Room> => {
      this.joins.push({ roomId, options });
      const room = new FakeRoom(this.answers);
      this.rooms.push(room);
      return room as unknown as Room;
    },
  } as unknown as Client;
  room(n: number): FakeRoom {
    const r = this.rooms[n];
    if (!r) throw new Error(`no connection ${n}`);
    return r;
  }
}

/** What the upper layer of a bare RoomLink receives. */
class Upper implements RoomLinkEvents {
  readonly statuses: LinkStatus[] = [];
  readonly messages: { type: string; payload: unknown }[] = [];
  readonly opens: boolean[] = [];
  message(type: string, payload: unknown): void {
    this.messages.push({ type, payload });
  }
  status(status: LinkStatus): void {
    this.statuses.push(status);
  }
  opened(first: boolean): void {
    this.opens.push(first);
  }
}

/** The statuses without repeats (a reconnection reports 'reconnecting' when it waits and again when it tries). */
const changes = (statuses: readonly LinkStatus[]) => statuses.filter((s, k) => k === 0 || statuses[k - 1] !== s);

/** A room link on a fake server and a hand-moved clock, started and open on its first connection. */
async function openLink() {
  const server = new FakeServer();
  const clock = new ManualClock();
  const upper = new Upper();
  const link = new RoomLink(server.client, 'c1-t1', { token: 'token-0123456789abcdef' }, upper, clock);
  link.start();
  await settle();
  return { server, clock, link, upper };
}

describe('an open connection that answers', () => {
  it('stays open across many heartbeat periods, pinged once per silent period, and its pongs stop at the link', async () => {
    const { server, clock, link, upper } = await openLink();
    expect(upper.statuses).toEqual(['connecting', 'open']);
    await clock.advance(HEARTBEAT_MS - 1);
    expect(server.room(0).pings).toBe(0);
    await clock.advance(1);
    expect(server.room(0).sent).toEqual([{ type: 'ping', payload: {} }]);
    await clock.advance(HEARTBEAT_MS * 19);
    expect(server.room(0).pings).toBe(20);
    expect(server.joins).toHaveLength(1);
    expect(upper.statuses).toEqual(['connecting', 'open']);
    expect(link.isOpen).toBe(true);
    // Twenty pongs came back; the upper layer saw none of them.
    expect(upper.messages).toEqual([]);
  });

  it('is never pinged while the room keeps talking', async () => {
    const { server, clock, link, upper } = await openLink();
    for (let k = 0; k < 40; k++) {
      await clock.advance(HEARTBEAT_MS / 2);
      server.room(0).deliver('update', { k });
    }
    expect(server.room(0).pings).toBe(0);
    expect(upper.messages.map((m) => m.payload)).toEqual(Array.from({ length: 40 }, (_, k) => ({ k })));
    expect(link.isOpen).toBe(true);
  });

  it('takes any message after a ping as the answer', async () => {
    const { server, clock, upper } = await openLink();
    const room = server.room(0);
    // The pong is lost, but an update comes before the deadline: the connection is alive.
    room.answersPings = false;
    await clock.advance(HEARTBEAT_MS);
    expect(room.pings).toBe(1);
    await clock.advance(HEARTBEAT_TIMEOUT_MS - 1);
    room.deliver('broadcast', { text: 'hello' });
    await clock.advance(HEARTBEAT_TIMEOUT_MS);
    expect(room.left).toBeNull();
    expect(server.joins).toHaveLength(1);
    expect(upper.statuses).toEqual(['connecting', 'open']);
    expect(upper.messages).toEqual([{ type: 'broadcast', payload: { text: 'hello' } }]);
  });
});

describe('a connection that goes silent', () => {
  it('is dropped HEARTBEAT_MS + HEARTBEAT_TIMEOUT_MS after its last message and joined again with the same token; the table goes on with the new one', async () => {
    const server = new FakeServer();
    const clock = new ManualClock();
    const statuses: LinkStatus[] = [];
    const updates: { u: TableUpdate; first: boolean }[] = [];
    const welcomes: unknown[] = [];
    const table = new TableLink(
      {
        welcome: (w) => welcomes.push(w),
        update: (u, first) => updates.push({ u, first }),
        refused: () => undefined,
        broadcast: () => undefined,
        moved: () => undefined,
        status: (s) => statuses.push(s),
      },
      (on) => new RoomLink(server.client, 'c1-t1', { token: 'token-0123456789abcdef' }, on, clock),
    );
    table.start();
    await settle();
    const first = server.room(0);
    first.deliver('welcome', { tableNo: 1 });
    first.deliver('update', { screen: 'waiting', ackSeq: 0, events: [] });
    expect(updates).toHaveLength(1);
    // The network dies without a close: the server's answers stop reaching the client.
    first.answers = false;
    await clock.advance(HEARTBEAT_MS);
    expect(first.pings).toBe(1);
    await clock.advance(HEARTBEAT_TIMEOUT_MS - 1);
    expect(changes(statuses)).toEqual(['connecting', 'open']);
    expect(first.left).toBeNull();
    await clock.advance(1);
    // Dropped on this side, not a consented leave (the seat is not given up), and the link comes back.
    expect(first.left).toBe(false);
    expect(changes(statuses)).toEqual(['connecting', 'open', 'reconnecting']);
    expect(server.joins).toHaveLength(1);
    await clock.advance(RETRY_DELAYS_MS[0]!);
    expect(server.joins).toHaveLength(2);
    expect(server.joins[1]).toEqual(server.joins[0]);
    expect(changes(statuses)).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    const second = server.room(1);
    second.deliver('welcome', { tableNo: 1 });
    second.deliver('update', { screen: 'briefing', ackSeq: 0, events: [] });
    expect(welcomes).toHaveLength(2);
    expect(updates.map((x) => [x.u.screen, x.first])).toEqual([
      ['waiting', true],
      ['briefing', true],
    ]);
    // The dead connection's late close changes nothing: no third join, the link stays open.
    first.answers = true;
    first.closeArrives(1006);
    await clock.advance(RETRY_DELAYS_MS.at(-1)!);
    expect(server.joins).toHaveLength(2);
    expect(changes(statuses).at(-1)).toBe('open');
    // The new connection has a heartbeat of its own.
    await clock.advance(HEARTBEAT_MS * 3);
    expect(second.pings).toBe(3);
    expect(first.pings).toBe(1);
  });

  it('found at once when the browser wakes the link (back online, the page shown again)', async () => {
    const { server, clock, link, upper } = await openLink();
    const room = server.room(0);
    await clock.advance(HEARTBEAT_MS / 3);
    room.answers = false;
    link.wake();
    expect(room.pings).toBe(1);
    // A second wake while the ping waits for its answer does not postpone the deadline.
    await clock.advance(HEARTBEAT_TIMEOUT_MS / 2);
    link.wake();
    expect(room.pings).toBe(1);
    await clock.advance(HEARTBEAT_TIMEOUT_MS / 2);
    expect(room.left).toBe(false);
    expect(changes(upper.statuses)).toEqual(['connecting', 'open', 'reconnecting']);
    await clock.advance(RETRY_DELAYS_MS[0]!);
    expect(changes(upper.statuses)).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    expect(upper.opens).toEqual([true, false]);
  });

  it('a wake on a live connection pings it and it stays open', async () => {
    const { server, clock, link, upper } = await openLink();
    link.wake();
    await settle();
    expect(server.room(0).pings).toBe(1);
    await clock.advance(HEARTBEAT_TIMEOUT_MS * 2);
    expect(server.joins).toHaveLength(1);
    expect(upper.statuses).toEqual(['connecting', 'open']);
  });
});

describe('a link that is left', () => {
  it('stops pinging, even with a ping waiting for its answer, and never comes back', async () => {
    const server = new FakeServer();
    const clock = new ManualClock();
    const statuses: LinkStatus[] = [];
    const ends: (LinkEnd | null)[] = [];
    const summaries: ClassSummary[] = [];
    const consoleLink = new ConsoleLink(
      {
        summary: (s) => summaries.push(s),
        refused: () => undefined,
        status: (s, end) => {
          statuses.push(s);
          ends.push(end);
        },
      },
      (on) => new RoomLink(server.client, 'c1-console', { classId: 'c1', secret: 'secret-0123456789abcdef' }, on, clock),
    );
    consoleLink.start();
    await settle();
    const room = server.room(0);
    room.deliver('summary', { classId: 'c1' });
    await clock.advance(HEARTBEAT_MS * 2);
    expect(room.pings).toBe(2);
    expect(summaries).toHaveLength(1);
    room.answers = false;
    await clock.advance(HEARTBEAT_MS);
    expect(room.pings).toBe(3);
    consoleLink.leave();
    expect(room.left).toBe(true);
    expect(clock.pending).toBe(0);
    await clock.advance((HEARTBEAT_MS + HEARTBEAT_TIMEOUT_MS) * 10);
    expect(room.pings).toBe(3);
    expect(server.joins).toHaveLength(1);
    expect(statuses).toEqual(['connecting', 'open', 'closed']);
    expect(ends.at(-1)).toMatchObject({ code: 'left' });
  });

  it('a link moved to another table pings only its new connection', async () => {
    const { server, clock, link } = await openLink();
    link.moveTo('c1-t2');
    await settle();
    expect(server.joins.map((j) => j.roomId)).toEqual(['c1-t1', 'c1-t2']);
    await clock.advance(HEARTBEAT_MS * 2);
    expect(server.room(0).pings).toBe(0);
    expect(server.room(1).pings).toBe(2);
  });
});
