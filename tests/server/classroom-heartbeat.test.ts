// The clients' heartbeat through the network: a table answers a student's 'ping' with a 'pong' to that
// student only (checked against a barrier, as the refusal tests do), refuses a malformed ping like any
// malformed message, and counts pings in the sender's message budget; the console room answers its
// ping too and still refuses anything else. Then the browser's own client (src/net) against this server:
// a link whose socket goes silent without a close notices by its heartbeat and reconnects by itself.
import { Client, type Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreatedClass, Refused } from '../../src/content/classroom-schema';
import type { TableUpdate } from '../../src/flow';
import { createClassroomNet, type LinkStatus } from '../../src/net';
import { MESSAGE_BUDGET } from '../../src/server/table-host';
import { Bell } from '../helpers/bell';
import { command, ConsoleClient, createClass, joinClass, SeatClient, type TestServer, testServer } from './test-server';

let ts: TestServer;
// A PGlite store takes seconds to open, more when several test files start theirs at once.
beforeAll(async () => {
  ts = await testServer();
}, 120_000);
afterAll(() => ts.close(), 60_000);

const typesOf = (s: SeatClient | ConsoleClient, from: number) => s.inbox.messages.slice(from).map((m) => m.type);

describe('a table’s answer to a ping', () => {
  let created: CreatedClass;
  let ana: SeatClient;
  let ben: SeatClient;
  let barrierNo = 0;

  beforeAll(async () => {
    created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    const a = await joinClass(ts.url, created.joinCode, 'Ana');
    const b = await joinClass(ts.url, created.joinCode, 'Ben');
    ana = await SeatClient.connect(ts.url, a);
    ben = await SeatClient.connect(ts.url, b);
    expect([ana.joined.tableNo, ben.joined.tableNo]).toEqual([1, 1]);
  }, 60_000);

  /** The instructor's broadcast, received by both students: whatever was sent to them before it has arrived. */
  async function barrier(): Promise<void> {
    const text = `barrier ${++barrierNo}`;
    await command(ts.url, created, { op: 'broadcast', text });
    for (const s of [ana, ben])
      await s.inbox.waitFor(() => s.inbox.messages.some((m) => m.type === 'broadcast' && (m.payload as { text: string }).text === text), `${s.joined.name}: the barrier`);
  }

  it('is a pong to the sender only', async () => {
    await barrier();
    const fromAna = ana.inbox.messages.length;
    const fromBen = ben.inbox.messages.length;
    ana.room.send('ping', {});
    await ana.inbox.waitFor(() => typesOf(ana, fromAna).includes('pong'), 'the pong');
    await barrier();
    expect(ana.inbox.messages[fromAna]).toEqual({ type: 'pong', payload: {} });
    expect(typesOf(ana, fromAna)).toEqual(['pong', 'broadcast']);
    expect(typesOf(ben, fromBen)).toEqual(['broadcast']);
    expect(ana.refusals).toEqual([]);
  });

  it('refuses a malformed ping with bad-request, to the sender only, and answers the next good one', async () => {
    for (const bad of [{ n: 1 }, 'hello', [1], 7]) {
      await barrier();
      const fromAna = ana.inbox.messages.length;
      const fromBen = ben.inbox.messages.length;
      const refusals = ana.refusals.length;
      ana.room.send('ping', bad);
      await ana.inbox.waitFor(() => ana.refusals.length > refusals, `the refusal of ${JSON.stringify(bad)}`);
      await barrier();
      const refusal: Refused = ana.refusals.at(-1)!;
      expect(refusal.code, JSON.stringify(bad)).toBe('bad-request');
      // The reason names what broke the rule: the message as a whole, which must be an empty object.
      expect(refusal.reason).toMatch(/^\(message\): /);
      expect(typesOf(ana, fromAna)).toEqual(['refused', 'broadcast']);
      expect(typesOf(ben, fromBen)).toEqual(['broadcast']);
    }
    const from = ana.inbox.messages.length;
    ana.room.send('ping', {});
    await ana.inbox.waitFor(() => typesOf(ana, from).includes('pong'), 'the pong after the refusals');
  });

  it('counts pings in the sender’s message budget', async () => {
    const other = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    const cal = await SeatClient.connect(ts.url, await joinClass(ts.url, other.joinCode, 'Cal'));
    // The budget's window opened when Cal connected: the whole burst falls in it.
    for (let k = 0; k <= MESSAGE_BUDGET.max; k++) cal.room.send('ping', {});
    await cal.inbox.waitFor(() => cal.refusals.length > 0, 'the rate limit');
    const text = 'after the burst';
    await command(ts.url, other, { op: 'broadcast', text });
    await cal.inbox.waitFor(() => cal.inbox.messages.some((m) => m.type === 'broadcast' && (m.payload as { text: string }).text === text), 'the barrier');
    // The table's own messages on connecting (a welcome, updates) may come before or among the pongs.
    expect(cal.inbox.messages.filter((m) => m.type === 'pong')).toHaveLength(MESSAGE_BUDGET.max);
    expect(cal.refusals.map((r) => r.code)).toEqual(['rate-limited']);
    await cal.leave();
  });
});

describe('the console room’s answer to a ping', () => {
  it('is a pong; a malformed ping and any other message are refused', async () => {
    const created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    const con = await ConsoleClient.connect(ts.url, created);
    await con.waitFor(() => true, 'the first summary');
    const from = con.inbox.messages.length;
    con.room.send('ping', {});
    await con.inbox.waitFor(() => typesOf(con, from).includes('pong'), 'the pong');
    expect(con.inbox.messages.find((m, k) => k >= from && m.type === 'pong')?.payload).toEqual({});
    const refusalsAfter = async (type: string, payload: unknown): Promise<Refused> => {
      const at = con.inbox.messages.length;
      con.room.send(type, payload);
      await con.inbox.waitFor(() => typesOf(con, at).includes('refused'), `the refusal of ${type}`);
      return con.inbox.messages.slice(at).find((m) => m.type === 'refused')!.payload as Refused;
    };
    expect(await refusalsAfter('ping', { n: 1 })).toMatchObject({ code: 'bad-request', reason: expect.stringMatching(/^\(message\): /) });
    expect(await refusalsAfter('start', {})).toMatchObject({ code: 'bad-request', reason: expect.stringContaining(`POST /api/classes/${created.classId}/commands`) });
    expect(typesOf(con, from).filter((t) => t === 'pong')).toHaveLength(1);
    await con.leave();
  });
});

describe('the browser client’s link', () => {
  it('notices a socket gone silent by its heartbeat and reconnects by itself', async () => {
    const created = await createClass(ts.url, { scenarioId: 'bracero-1942', tables: 1, seatsPerSide: 1 });
    const joined = await joinClass(ts.url, created.joinCode, 'Dan');
    // The rooms the client joins, so the test can reach the first one's socket.
    const rooms: Room[] = [];
    const joinById = Client.prototype.joinById;
    const spy = vi.spyOn(Client.prototype, 'joinById').mockImplementation(async function (this: Client, ...args: Parameters<Client['joinById']>) {
      const room = await joinById.apply(this, args);
      rooms.push(room);
      return room;
    });
    try {
      const bell = new Bell();
      const statuses: LinkStatus[] = [];
      const updates: TableUpdate[] = [];
      const broadcasts: string[] = [];
      let welcomes = 0;
      // Short waits so the test runs in seconds; the pings stay well inside the table's message budget.
      const net = createClassroomNet(ts.url, { heartbeat: { everyMs: 250, timeoutMs: 2000 } });
      const link = net.table(
        { roomId: joined.roomId, token: joined.token },
        {
          welcome: () => {
            welcomes++;
            bell.ring();
          },
          update: (u) => {
            updates.push(u);
            bell.ring();
          },
          refused: () => undefined,
          broadcast: (b) => {
            broadcasts.push(b.text);
            bell.ring();
          },
          moved: () => undefined,
          status: (s) => {
            statuses.push(s);
            bell.ring();
          },
        },
      );
      await bell.until(() => statuses.at(-1) === 'open' && updates.length > 0, 'the link open');
      const first = rooms[0]!;
      let pings = 0;
      const send = first.send.bind(first);
      first.send = ((type: string, payload: unknown) => {
        if (type === 'ping') {
          pings++;
          bell.ring();
        }
        send(type, payload);
      }) as Room['send'];
      // While the server answers, the heartbeat keeps the connection: pings go out, pongs come back.
      await bell.until(() => pings >= 4, 'four pings answered');
      expect(rooms).toHaveLength(1);
      expect(statuses).not.toContain('reconnecting');

      // The network dies without a close, as seen from the page. The client's socket is silenced: frames
      // still reach it and the `ws` library still answers the server's WebSocket pings, so the server keeps
      // the connection and will never close it (a stronger silence than a real dead network, whose server
      // would end it after two missed pings); but nothing reaches colyseus.js or the link any more. Only
      // the link's own heartbeat can notice: without it the link would stay 'open' and the test hang.
      const ws = (first.connection.transport as unknown as { ws: { onmessage: unknown } }).ws;
      ws.onmessage = () => undefined;
      const welcomesBefore = welcomes;
      const updatesBefore = updates.length;
      await bell.until(() => statuses.includes('reconnecting'), 'the link noticing the silence', 30_000);
      await bell.until(
        () => statuses.at(-1) === 'open' && rooms.length === 2 && welcomes > welcomesBefore && updates.length > updatesBefore,
        'the link back on a new connection, the table’s welcome and update received',
      );
      expect(rooms[1]).not.toBe(first);
      expect(statuses.filter((s, k) => k === 0 || statuses[k - 1] !== s)).toEqual(['connecting', 'open', 'reconnecting', 'open']);
      // The upper layer goes on with the fresh connection: the instructor's next message arrives.
      await command(ts.url, created, { op: 'broadcast', text: 'after the silence' });
      await bell.until(() => broadcasts.includes('after the silence'), 'the broadcast on the new connection');
      link.leave();
      await bell.until(() => statuses.at(-1) === 'closed', 'the consented leave');
    } finally {
      spy.mockRestore();
    }
  });
});
