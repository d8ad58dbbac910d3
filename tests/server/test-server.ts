// The classroom server as the tests meet it: started on a free port of 127.0.0.1 with a test store, and
// reached only through its network interface — fetch for the HTTP API, the colyseus.js client for rooms.
// One server and one store per test file (a PGlite store costs seconds): reset() between tests.
import { Client, type Room } from 'colyseus.js';
import { createOpponent, historicalPersona } from '../../src/ai/opponent';
import type { ClassSummary, CommandResult, ConsoleCommand, CreateClassRequest, CreatedClass, Joined, Refused, Welcome } from '../../src/content/classroom-schema';
import type { TableUpdate } from '../../src/flow';
import { getScenario } from '../../src/content/scenarios';
import type { Action, GameEvent, Side, View } from '../../src/engine';
import { type ClassroomServer, startClassroomServer } from '../../src/server/server';
import type { ApiLimits } from '../../src/server/http-api';
import { type TestStore, testStore } from './test-db';
import { Bell } from '../helpers/bell';

export interface TestServer {
  store: TestStore;
  readonly url: string;
  /** Stops the server and starts a new one on the same port and store (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function testServer(options: { graceMs?: number; limits?: ApiLimits; log?: (message: string, error?: unknown) => void } = {}): Promise<TestServer> {
  const store = await testStore();
  const start = (port: number) =>
    startClassroomServer({
      port,
      host: '127.0.0.1',
      store,
      staticDir: null,
      graceMs: options.graceMs,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
  let server: ClassroomServer = await start(0);
  return {
    store,
    get url() {
      return server.url;
    },
    async restart() {
      await server.close();
      server = await start(server.port);
    },
    async close() {
      await server.close();
      await store.close();
    },
  };
}

// ——— HTTP ———

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export async function api<T = unknown>(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; raw?: string; secret?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined || init.raw !== undefined) headers['Content-Type'] = 'application/json';
  if (init.secret) headers.Authorization = `Bearer ${init.secret}`;
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers,
    ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) body = JSON.parse(text);
  return { status: res.status, body: body as T, headers: res.headers, text };
}

/** Creates a class, failing the test if the server refuses. */
export async function createClass(url: string, req: CreateClassRequest): Promise<CreatedClass> {
  const a = await api<CreatedClass>(url, '/api/classes', { body: req });
  if (a.status !== 201) throw new Error(`create refused: ${a.status} ${a.text}`);
  return a.body;
}

export async function joinClass(url: string, code: string, name: string): Promise<Joined> {
  const a = await api<Joined>(url, '/api/join', { body: { code, name } });
  if (a.status !== 200) throw new Error(`join refused: ${a.status} ${a.text}`);
  return a.body;
}

export async function command(url: string, created: CreatedClass, cmd: ConsoleCommand): Promise<Answer<CommandResult>> {
  return api<CommandResult>(url, `/api/classes/${created.classId}/commands`, { body: cmd, secret: created.instructorSecret });
}

// ——— rooms ———

/** A move without its seat (the client fills in its own; a test may name another to see it refused). */
export type Move = Action extends infer A ? (A extends Action ? Omit<A, 'seat'> & { seat?: string } : never) : never;

export interface Received {
  type: string;
  payload: unknown;
}

/** Resolves when `check` holds after some message, rejects with `what` if it never does (a hang guard, not a timing assertion). */
class Inbox {
  readonly messages: Received[] = [];
  left: { code: number; reason?: string } | null = null;
  private readonly bell = new Bell();

  push(m: Received): void {
    this.messages.push(m);
    this.bell.ring();
  }

  closed(code: number, reason?: string): void {
    this.left = { code, reason };
    this.bell.ring();
  }

  /** The next message (or the room closing). */
  next(): Promise<void> {
    return this.bell.next();
  }

  waitFor(check: () => boolean, what: string, ms = 30_000): Promise<void> {
    return this.bell.until(check, what, ms);
  }
}

/** A student's browser at its table: every message it receives is recorded. */
export class SeatClient {
  readonly inbox = new Inbox();
  update: TableUpdate | null = null;
  welcome: Welcome | null = null;
  /** The seat's event list, rebuilt from the updates' deltas. */
  events: GameEvent[] = [];
  refusals: Refused[] = [];
  seq = 0;
  private constructor(
    readonly joined: Joined,
    readonly room: Room,
  ) {
    room.onMessage('*', (type, payload) => {
      const t = String(type);
      // The seat's state first, then the waiters (they read it).
      if (t === 'update') {
        const u = payload as TableUpdate;
        this.events = [...this.events.slice(0, u.from), ...u.events];
        this.update = u;
      } else if (t === 'welcome') this.welcome = payload as Welcome;
      else if (t === 'refused') this.refusals.push(payload as Refused);
      this.inbox.push({ type: t, payload });
    });
    room.onLeave((code, reason) => this.inbox.closed(code, reason));
  }

  static async connect(url: string, joined: Joined, token = joined.token): Promise<SeatClient> {
    const room = await new Client(url).joinById(joined.roomId, { token });
    return new SeatClient(joined, room);
  }

  get side(): Side {
    return this.joined.side;
  }

  get isLead(): boolean {
    return this.joined.role === 'lead';
  }

  /** Sends a move for this seat (or for `seat`, to test refusals); returns its seq. */
  act(action: Move): number {
    this.seq += 1;
    this.room.send('act', { seq: this.seq, action: { ...action, seat: action.seat ?? this.joined.seat } });
    return this.seq;
  }

  /** Waits for the table's answer to move `seq`: an update acknowledging it, or its refusal. */
  async answered(seq: number): Promise<Refused | null> {
    await this.inbox.waitFor(() => (this.update?.ackSeq ?? 0) >= seq || this.refusals.some((r) => r.seq === seq), `the answer to move ${seq} of ${this.joined.name}`);
    return this.refusals.find((r) => r.seq === seq) ?? null;
  }

  waitFor(check: (u: TableUpdate | null) => boolean, what: string, ms?: number): Promise<void> {
    return this.inbox.waitFor(() => check(this.update), `${this.joined.name}: ${what}`, ms);
  }

  async leave(): Promise<void> {
    await this.room.leave(true);
  }
}

/** The instructor's console: every summary it receives is recorded. */
export class ConsoleClient {
  readonly inbox = new Inbox();
  summary: ClassSummary | null = null;
  /** Every summary received, oldest first. */
  readonly summaries: ClassSummary[] = [];
  private constructor(readonly room: Room) {
    room.onMessage('*', (type, payload) => {
      if (type === 'summary') {
        this.summary = payload as ClassSummary;
        this.summaries.push(this.summary);
      }
      this.inbox.push({ type: String(type), payload });
    });
  }

  static async connect(url: string, created: CreatedClass): Promise<ConsoleClient> {
    const room = await new Client(url).joinById(`${created.classId}-console`, { classId: created.classId, secret: created.instructorSecret });
    return new ConsoleClient(room);
  }

  waitFor(check: (s: ClassSummary) => boolean, what: string, ms?: number): Promise<void> {
    return this.inbox.waitFor(() => this.summary !== null && check(this.summary), `console: ${what}`, ms);
  }

  async leave(): Promise<void> {
    await this.room.leave(true);
  }
}

// ——— playing a table through its clients ———

/** A move the AI would make from the view this seat received, with the seat replaced by the student's. */
export function aiMove(seat: SeatClient, view: View, seed: number): Action {
  const scenario = getScenario(seat.joined.scenarioId)!;
  const opp = createOpponent(scenario, seat.side, { persona: historicalPersona(scenario, seat.side), difficulty: 'normal' }, seed);
  if (!opp.ok) throw new Error(opp.error);
  return { ...opp.decide(view).action, seat: seat.joined.seat } as Action;
}

/** What every seat of a table sees the same way: when all agree, no update is still on its way. */
function publicSignature(s: SeatClient): string {
  const u = s.update;
  if (!u) return 'none';
  const v = u.view;
  const events = s.events.filter((e) => e.type !== 'lobbied').length;
  return JSON.stringify([u.screen, u.paused, u.readySides, u.aiSeats, events, v && [v.round, v.phase, v.turn, v.counters, v.offers.length, v.domesticDone]]);
}

/**
 * A class of one table, one student a side (Cas and Dot), started and brought through the briefing and
 * the first news to the table: Zacatecas 1995 with seed 12, where Mexico opens.
 */
export async function tableAtFirstOffer(url: string): Promise<{ created: CreatedClass; joined: Joined[]; seats: SeatClient[] }> {
  const created = await createClass(url, { scenarioId: 'zacatecas-1995', tables: 1, seatsPerSide: 1, seed: 12 });
  const joined = [await joinClass(url, created.joinCode, 'Cas'), await joinClass(url, created.joinCode, 'Dot')];
  const seats = await Promise.all(joined.map((j) => SeatClient.connect(url, j)));
  await command(url, created, { op: 'start' });
  await seats[0]!.waitFor((u) => u?.screen === 'briefing', 'the briefing');
  for (const s of seats) s.room.send('ready', {});
  await seats[0]!.waitFor((u) => u?.screen === 'interlude', 'the news');
  for (const s of seats) s.room.send('ack', {});
  for (const s of seats) await s.waitFor((u) => u?.screen === 'table', 'the table');
  return { created, joined, seats };
}

export async function settled(seats: readonly SeatClient[], ms = 30_000): Promise<void> {
  const agree = () => seats.every((s) => publicSignature(s) === publicSignature(seats[0]!));
  const deadline = Date.now() + ms;
  while (!agree()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for the table to agree on one state: ${seats.map(publicSignature).join(' | ')}`);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([...seats.map((s) => s.inbox.next()), new Promise((r) => (timer = setTimeout(r, 1000)))]);
    clearTimeout(timer);
  }
}

export interface PlayOptions {
  /** Seed of the students' own AI (what they would play). */
  seed?: number;
  /** Advisers lobby and make statements in the domestic phase, before their lead moves. */
  advisersAct?: boolean;
  /** Called after each step, e.g. to take the console's view. */
  onStep?: () => Promise<void> | void;
  maxSteps?: number;
}

/**
 * Plays a table to its debrief through its clients: leads say ready and acknowledge the news, and move
 * with the AI's choice from the view they received; advisers lobby and make statements first.
 */
export async function playToEnd(seats: readonly SeatClient[], opts: PlayOptions = {}): Promise<void> {
  const seed = opts.seed ?? 11;
  const lobbied = new Set<string>();
  for (let step = 0; step < (opts.maxSteps ?? 2000); step++) {
    await settled(seats);
    if (opts.onStep) {
      await opts.onStep();
      await settled(seats);
    }
    const u = seats[0]!.update!;
    if (u.screen === 'debrief') return;
    let moved = false;
    for (const s of seats) {
      const su = s.update!;
      if (!s.isLead || su.aiSeats.includes(`${s.side}.lead`)) continue;
      if ((su.screen === 'briefing' || su.screen === 'interlude' || su.screen === 'signing' || su.screen === 'ratification') && !su.readySides.includes(s.side)) {
        s.room.send(su.screen === 'briefing' ? 'ready' : 'ack', {});
        await s.waitFor((x) => x !== su, 'the table to take the acknowledgement');
        moved = true;
        break;
      }
      const v = su.view;
      if (su.screen !== 'table' || !v || !v.awaiting.includes(s.side)) continue;
      if (opts.advisersAct && v.phase === 'domestic') {
        const advisers = seats.filter((a) => a.side === s.side && !a.isLead && !lobbied.has(`${a.joined.seat}:${v.round}`));
        for (const a of advisers) {
          lobbied.add(`${a.joined.seat}:${v.round}`);
          const own = a.update!.view!;
          const constituency = own.brief!.constituencies[v.round % own.brief!.constituencies.length]!.id;
          await a.answered(a.act({ type: 'lobby', constituency, amount: 1 }));
          const issue = own.scenario.issues.find((i) => own.ledger[i.id] === undefined && own.commitments[a.side][i.id] === undefined);
          if (issue) await a.answered(a.act({ type: 'statement', issue: issue.id, option: issue.options[0]!.id }));
          await settled(seats);
        }
        if (advisers.length) {
          moved = true;
          break;
        }
      }
      const refused = await s.answered(s.act(aiMove(s, v, seed + step)));
      if (refused) throw new Error(`${s.joined.name}'s move was refused: ${refused.reason}`);
      moved = true;
      break;
    }
    if (!moved) await seats[0]!.inbox.waitFor(() => seats[0]!.update !== u, 'the table to move on (an AI, a timer)');
  }
  throw new Error('the game did not end');
}
