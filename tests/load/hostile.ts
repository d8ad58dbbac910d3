// Hostile clients in a load run: the classroom's bad input sent while the tables play, each expecting a
// precise refusal. An expected refusal is counted; anything else (a request let through, a wrong answer, a
// message never answered) is an error of the run. Four kinds:
// - a seated adviser at some tables whose client misbehaves: malformed, oversized and unknown messages,
//   moves for its lead's seat or beyond its role, replayed move numbers, bursts past its message budget,
//   and a frame too large for the socket (it reconnects with its token, as a browser would);
// - a token forger joining live tables with forged seat tokens, stale ones (students of ended classes, of
//   another table) and malformed options, and consoles with a wrong secret;
// - a code guesser at its own address (127.0.0.2): wrong join codes, bodies that are not JSON or too large,
//   names with markup; blocked after its wrong guesses;
// - an impostor at 127.0.0.3 calling the instructor's endpoints without the class's secret.
// Their tablemates and every other client are measured as usual: the run's figures say whether any of it
// reached them.
import { request } from 'node:http';
import { Client, type Room } from 'colyseus.js';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, type Joined, type Refused } from '../../src/content/classroom-schema';
import { type GameEvent, RngStream } from '../../src/engine';
import type { TableUpdate } from '../../src/flow/table-update';
import { MESSAGE_BUDGET } from '../../src/server/table-host';
import type { LoadClass, LoadTable, RunContext } from './table';

/** Loopback addresses of the clients that have one of their own (the server's per-address limits must not block the class's students at 127.0.0.1). */
export const GUESSER_ADDRESS = '127.0.0.2';
export const IMPOSTOR_ADDRESS = '127.0.0.3';
/** Longer than a table's message window, so a hostile seat's next message opens a fresh budget. */
export const QUIET_MS = MESSAGE_BUDGET.windowMs + 1000;
/** Messages in one burst past the budget. */
export const FLOOD = 2 * MESSAGE_BUDGET.max;
/** Over the server's WebSocket frame limit (64 KB): the socket is closed. */
const GIANT_FRAME_CHARS = 70_000;
/** WebSocket close code for a message too big. */
const CLOSE_TOO_BIG = 1009;

/** Expected outcomes by kind, and how many came otherwise (each also an error of the run). */
export class HostileTally {
  readonly expected = new Map<string, number>();
  unexpected = 0;

  constructor(private readonly run: RunContext) {}

  ok(what: string, n = 1): void {
    if (n > 0) this.expected.set(what, (this.expected.get(what) ?? 0) + n);
  }

  bad(where: string, reason: string): void {
    this.unexpected++;
    this.run.errors.add('hostile', where, reason);
  }

  get total(): number {
    let n = 0;
    for (const v of this.expected.values()) n += v;
    return n;
  }
}

/** An answer a hostile seat waits for: a refusal with this code (and this move number, when the message had one). */
export interface Expected {
  what: string;
  code: string;
  seq?: number;
}

/**
 * The refusals a seat expects, in the order its messages were sent (a socket's messages are answered in
 * order). `take` matches one received refusal against the oldest expectation.
 */
export class AnswerBook {
  private readonly queue: Expected[] = [];

  expect(e: Expected, times = 1): void {
    for (let k = 0; k < times; k++) this.queue.push(e);
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** The expectation this refusal answers, or why it answers none. */
  take(r: Refused): { ok: true; what: string } | { ok: false; reason: string } {
    const e = this.queue.shift();
    if (!e) return { ok: false, reason: `a refusal nothing was waiting for: ${JSON.stringify(r).slice(0, 200)}` };
    if (r.code !== e.code || (e.seq !== undefined && r.seq !== e.seq))
      return { ok: false, reason: `${e.what}: expected ${e.code}${e.seq !== undefined ? ` for move ${e.seq}` : ''}, got ${JSON.stringify(r).slice(0, 200)}` };
    return { ok: true, what: e.what };
  }

  /** Forgets what is still waiting, and says what it was. */
  drain(): string[] {
    return this.queue.splice(0).map((e) => e.what);
  }
}

/** One misbehaving message a seat sends, and the answer it must get. */
interface Misdeed {
  what: string;
  /** Whether the server takes its move number (then a number at or below it is a replay). */
  takesSeq: boolean;
  build(seq: number, seat: string, lead: string): [type: string, payload: unknown];
  code: string | 'fresh-update';
  hasSeq: boolean;
}

const BIG_PACKAGE = Object.fromEntries(Array.from({ length: 300 }, (_, k) => [`issue-${k}-${'x'.repeat(20)}`, 'y'.repeat(20)]));

export const MISDEEDS: readonly Misdeed[] = [
  { what: 'a move without its action', takesSeq: false, hasSeq: true, code: 'bad-request', build: (seq) => ['act', { seq }] },
  { what: 'a move of an unknown type', takesSeq: false, hasSeq: true, code: 'bad-request', build: (seq, seat) => ['act', { seq, action: { type: 'teleport', seat } }] },
  { what: 'a move that is not an object', takesSeq: false, hasSeq: false, code: 'bad-request', build: () => ['act', 'propose everything'] },
  { what: 'a move over 8 KB', takesSeq: false, hasSeq: true, code: 'too-large', build: (seq, seat) => ['act', { seq, action: { type: 'propose', seat, package: BIG_PACKAGE } }] },
  { what: 'a move for the lead’s seat', takesSeq: true, hasSeq: true, code: 'wrong-seat', build: (seq, _seat, lead) => ['act', { seq, action: { type: 'pass', seat: lead } }] },
  { what: 'a lead’s move from an adviser', takesSeq: true, hasSeq: true, code: 'refused', build: (seq, seat) => ['act', { seq, action: { type: 'accept', seat } }] },
  { what: 'ready from an adviser', takesSeq: false, hasSeq: false, code: 'refused', build: () => ['ready', {}] },
  { what: 'an ack with fields', takesSeq: false, hasSeq: false, code: 'bad-request', build: () => ['ack', { now: true }] },
  { what: 'an unknown message type', takesSeq: false, hasSeq: false, code: 'bad-request', build: () => ['chat', { text: '<img src=x onerror=alert(1)>' }] },
  { what: 'a replayed move number', takesSeq: false, hasSeq: false, code: 'fresh-update', build: (_seq, seat) => ['act', { seq: 1, action: { type: 'pass', seat } }] },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A student whose client misbehaves, in cycles: a quiet spell (its message budget renews), about twenty
 * single misdeeds, a quiet spell, a burst of FLOOD messages (the first MESSAGE_BUDGET.max answered, one
 * told it is over the budget, the rest dropped), and every other cycle a frame too large for the socket.
 */
export class HostileSeat {
  room: Room | null = null;
  /** The seat's event list, rebuilt from the updates' deltas (checked against the stored game like any seat's). */
  readonly events: GameEvent[] = [];
  update: TableUpdate | null = null;
  private readonly book = new AnswerBook();
  private readonly rng: RngStream;
  private seq = 0;
  private taken = 0;
  private replays = 0;
  private closingOnPurpose = false;
  private stopped = false;
  private loop: Promise<void> | null = null;
  /** Set once the table's game has started (the misdeeds begin then). */
  private started = false;

  constructor(
    readonly run: RunContext,
    readonly table: LoadTable,
    readonly joined: Joined,
    private readonly tally: HostileTally,
  ) {
    this.rng = RngStream.fromSeed((run.seed * 7919 + table.cls.no * 131 + table.tableNo) >>> 0);
  }

  get name(): string {
    return this.joined.name;
  }

  get lead(): string {
    return `${this.joined.side}.lead`;
  }

  async connect(): Promise<void> {
    const room = await new Client(this.run.url).joinById(this.joined.roomId, { token: this.joined.token });
    this.room = room;
    room.onMessage('*', (type, payload) => this.receive(String(type), payload));
    room.onLeave((code) => this.left(code));
  }

  start(): void {
    this.loop ??= this.cycles().catch((e) => this.tally.bad(this.name, `the hostile seat's driver failed: ${(e as Error).stack ?? e}`));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  async leave(): Promise<void> {
    this.stopped = true;
    this.closingOnPurpose = true;
    try {
      await this.room?.leave(true);
    } catch {
      // already closed
    }
    this.room = null;
  }

  private receive(type: string, payload: unknown): void {
    if (type === 'update') {
      const u = payload as TableUpdate;
      if (u.from > this.events.length) this.tally.bad(this.name, `an update starts at event ${u.from}; the client has ${this.events.length}`);
      if (u.from < this.events.length) this.events.length = u.from;
      for (const e of u.events) this.events.push(e);
      this.update = u;
      if (u.view) this.started = true;
      if (u.from === 0 && this.replays > 0) {
        this.tally.ok('a replayed move number: a fresh update to the sender only', this.replays);
        this.replays = 0;
      }
    } else if (type === 'refused') {
      const r = this.book.take(payload as Refused);
      if (r.ok) this.tally.ok(r.what);
      else this.tally.bad(this.name, r.reason);
    } else if (type === 'closed') {
      const code = (payload as { code?: string }).code;
      if (code === 'class-ended' && this.table.cls.ending) this.stopped = true;
      else this.tally.bad(this.name, `closed: ${JSON.stringify(payload)}`);
    } else if (type !== 'welcome' && type !== 'broadcast') this.tally.bad(this.name, `unexpected message ${type}: ${JSON.stringify(payload).slice(0, 120)}`);
  }

  private left(code: number): void {
    this.room = null;
    if (this.closingOnPurpose && code === CLOSE_TOO_BIG) {
      this.tally.ok('a frame over 64 KB: the socket closed');
      this.closingOnPurpose = false;
      return;
    }
    if (this.closingOnPurpose || this.stopped || this.table.cls.ending) return;
    this.tally.bad(this.name, `the room closed with code ${code}`);
  }

  /** Waits `ms`, or less if the run stops. */
  private async pause(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (!this.halted && Date.now() < until) await sleep(Math.min(500, until - Date.now()));
  }

  private get halted(): boolean {
    return this.stopped || this.run.stopping || this.table.cls.ending;
  }

  /** After a quiet spell every message sent has been answered: what was not is an error. */
  private checkAnswered(): void {
    const missing = this.book.drain();
    if (missing.length) this.tally.bad(this.name, `${missing.length} messages never answered (first: ${missing[0]})`);
    if (this.replays > 0) this.tally.bad(this.name, `${this.replays} replayed move numbers got no fresh update`);
    this.replays = 0;
  }

  private async cycles(): Promise<void> {
    while (!this.halted && !this.started) await sleep(250);
    for (let cycle = 1; !this.halted; cycle++) {
      await this.pause(QUIET_MS);
      if (this.halted) return;
      this.checkAnswered();
      for (let k = 0; k < 20 && !this.halted && this.room; k++) {
        this.misbehave();
        await sleep(250 + this.rng.int(200));
      }
      await this.pause(QUIET_MS);
      if (this.halted) return;
      this.checkAnswered();
      this.flood();
      await this.pause(QUIET_MS);
      if (this.halted) return;
      this.checkAnswered();
      // A table's game lasts about two minutes (two or three cycles): the first cycle ends with one already.
      if (cycle % 2 === 1) await this.giantFrame();
    }
  }

  private misbehave(): void {
    const choices = MISDEEDS.filter((m) => m.code !== 'fresh-update' || this.taken > 0);
    const m = choices[this.rng.int(choices.length)]!;
    const seq = ++this.seq;
    const [type, payload] = m.build(seq, this.joined.seat, this.lead);
    if (m.code === 'fresh-update') this.replays++;
    else this.book.expect({ what: m.what, code: m.code, ...(m.hasSeq ? { seq } : {}) });
    if (m.takesSeq) this.taken = seq;
    this.room!.send(type, payload);
  }

  private flood(): void {
    if (!this.room) return;
    this.book.expect({ what: 'a burst past the budget: the messages within it answered', code: 'bad-request' }, MESSAGE_BUDGET.max);
    this.book.expect({ what: 'a burst past the budget: told once', code: 'rate-limited' });
    for (let k = 0; k < FLOOD; k++) this.room.send('bogus', { k });
    // The rest of the burst is dropped: nothing to wait for (an answer to one would be "a refusal nothing was waiting for").
    this.tally.ok('a burst past the budget: the rest dropped unanswered', FLOOD - MESSAGE_BUDGET.max - 1);
  }

  private async giantFrame(): Promise<void> {
    if (!this.room) return;
    this.closingOnPurpose = true;
    this.room.send('act', { seq: ++this.seq, pad: 'x'.repeat(GIANT_FRAME_CHARS) });
    const deadline = Date.now() + 10_000;
    while (this.room && Date.now() < deadline) await sleep(100);
    if (this.room) {
      this.tally.bad(this.name, 'a frame over 64 KB did not close the socket');
      this.closingOnPurpose = false;
      return;
    }
    if (this.halted) return;
    // A browser reconnects with its seat token.
    await sleep(1000);
    try {
      await this.connect();
    } catch (e) {
      this.tally.bad(this.name, `reconnecting after the closed socket: ${(e as Error).message}`);
    }
  }
}

/**
 * A hostile client that makes one attempt every `ms`: never two at once, none once the run stops, and a
 * failed attempt reported as unexpected.
 */
abstract class Prober {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  protected readonly rng: RngStream;

  constructor(
    protected readonly run: RunContext,
    protected readonly classes: () => readonly LoadClass[],
    protected readonly tally: HostileTally,
    private readonly who: string,
    private readonly ms: number,
    seed: number,
  ) {
    this.rng = RngStream.fromSeed(seed >>> 0);
  }

  protected abstract attempt(): Promise<void>;

  start(): void {
    this.timer = setInterval(() => {
      if (this.busy || this.run.stopping) return;
      this.busy = true;
      void this.attempt()
        .catch((e) => this.tally.bad(this.who, (e as Error).message))
        .finally(() => {
          this.busy = false;
        });
    }, this.ms);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** What a refused join says: the classroom error code (a refusal by the table or console) or the matchmaker's code. */
export function joinRefusal(e: unknown): string {
  const err = e as { code?: number; message?: string };
  if (err?.code === 4403) {
    try {
      return (JSON.parse(err.message ?? '') as { error: string }).error;
    } catch {
      return `4403 ${err.message}`;
    }
  }
  return `code ${err?.code ?? '?'}`;
}

const randomToken = (rng: RngStream) => {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length: 43 }, () => abc[rng.int(abc.length)]).join('');
};

/**
 * Joins rooms with tokens that are not theirs, four times a second: forged tokens and stale ones at live
 * tables, a token of the class's other table, malformed options, a stale token at its ended table, and a
 * console with a wrong secret.
 */
export class TokenForger extends Prober {
  constructor(run: RunContext, classes: () => readonly LoadClass[], tally: HostileTally) {
    super(run, classes, tally, 'token forger', 250, run.seed * 104_729 + 17);
  }

  private pick<T>(xs: readonly T[]): T | undefined {
    return xs.length ? xs[this.rng.int(xs.length)] : undefined;
  }

  protected async attempt(): Promise<void> {
    const live = this.classes().filter((c) => !c.ending && !c.ended && c.tables.some((t) => t.started));
    const ended = this.classes().filter((c) => c.ended);
    const cls = this.pick(live);
    if (!cls) return;
    const bot = this.pick(cls.bots);
    if (!bot) return;
    const room = bot.joined.roomId;
    const staleBot = this.pick(ended.flatMap((c) => c.bots));
    const roll = this.rng.int(6);
    if (roll === 0) return this.join('a forged seat token', room, { token: randomToken(this.rng) }, 'bad-token');
    if (roll === 1 && staleBot) return this.join('the token of a student of an ended class', room, { token: staleBot.joined.token }, 'bad-token');
    if (roll === 2 && cls.tables.length > 1) {
      const other = this.pick(cls.bots.filter((b) => b.joined.tableNo !== bot.joined.tableNo));
      if (other) return this.join('the token of a student at another table', room, { token: other.joined.token }, 'bad-token');
    }
    if (roll === 3) return this.join('malformed join options', room, { token: 12345 }, 'bad-request');
    if (roll === 4 && staleBot) return this.join('a stale token at its ended table', staleBot.joined.roomId, { token: staleBot.joined.token }, 'code 4212');
    return this.join('a console with a wrong secret', `${cls.created.classId}-console`, { classId: cls.created.classId, secret: randomToken(this.rng) }, 'not-instructor');
  }

  private async join(what: string, roomId: string, options: unknown, expected: string): Promise<void> {
    try {
      const room = await new Client(this.run.url).joinById(roomId, options);
      this.tally.bad('token forger', `${what}: let into ${roomId}`);
      await room.leave(true).catch(() => undefined);
    } catch (e) {
      const got = joinRefusal(e);
      // A class may end between the pick and the answer: its rooms are gone then.
      if (got === expected || (got === 'code 4212' && this.classes().some((c) => (c.ending || c.ended) && roomId.startsWith(c.created.classId)))) this.tally.ok(what);
      else this.tally.bad('token forger', `${what}: expected ${expected}, got ${got}`);
    }
  }
}

interface HttpAnswer {
  status: number;
  error: string | null;
}

/** One HTTP request from a given local address (node:http: fetch cannot choose it). */
function httpFrom(url: string, localAddress: string, method: string, path: string, body: string | null, bearer?: string): Promise<HttpAnswer> {
  const u = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method,
        localAddress,
        headers: {
          ...(body !== null ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}),
          ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let error: string | null = null;
          try {
            error = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: string }).error ?? null;
          } catch {
            error = null;
          }
          resolve({ status: res.statusCode ?? 0, error });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    // The server may close a refused upload before reading it all: the answer has come by then.
    req.on('error', reject);
    if (body !== null) req.write(body);
    req.end();
  });
}

/**
 * Bad requests to the HTTP API from the two hostile addresses, twice a second: the guesser's wrong join
 * codes, non-JSON and oversized bodies and markup names (refused, and once its wrong guesses are spent,
 * refused for its address); the impostor's console commands, results and exports without the secret.
 */
export class HttpProber extends Prober {
  private turn = 0;

  constructor(run: RunContext, classes: () => readonly LoadClass[], tally: HostileTally) {
    super(run, classes, tally, 'http prober', 500, run.seed * 15_485_863 + 5);
  }

  private code(): string {
    return Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[this.rng.int(JOIN_CODE_ALPHABET.length)]).join('');
  }

  protected async attempt(): Promise<void> {
    const url = this.run.url;
    const k = this.turn++ % 8;
    // The guesser: past its wrong guesses, every join from its address is refused for the address first.
    const guess = async (what: string, body: string, code: string, status: number) => {
      const a = await httpFrom(url, GUESSER_ADDRESS, 'POST', '/api/join', body);
      if (a.status === status && a.error === code) this.tally.ok(what);
      else if (a.status === 429 && a.error === 'rate-limited') this.tally.ok('a join from the blocked guesser’s address');
      else this.tally.bad('code guesser', `${what}: expected ${status} ${code}, got ${a.status} ${a.error}`);
    };
    // Four guesses in a row: about 60 a minute, three times what an address may get wrong.
    if (k === 0) {
      for (let g = 0; g < 4 && !this.run.stopping; g++) await guess('a wrong join code', JSON.stringify({ code: this.code(), name: 'Guess' }), 'bad-code', 404);
      return;
    }
    if (k === 2) return guess('a join body over 16 KB', JSON.stringify({ code: this.code(), name: 'x'.repeat(20_000) }), 'too-large', 413);
    if (k === 4) return guess('a join body that is not JSON', '{"code": ', 'bad-request', 400);
    if (k === 6) return guess('a join name with markup', JSON.stringify({ code: this.code(), name: '<script>alert(1)</script>' }), 'bad-name', 400);
    // The impostor, at a live class.
    const cls = this.classes().find((c) => !c.ending && !c.ended);
    if (!cls) return;
    const id = cls.created.classId;
    const other = this.classes().find((c) => c !== cls);
    const impostor = async (what: string, method: string, path: string, body: string | null, bearer: string | undefined, status: number, code: string) => {
      const a = await httpFrom(url, IMPOSTOR_ADDRESS, method, path, body, bearer);
      if (a.status === status && a.error === code) this.tally.ok(what);
      else this.tally.bad('instructor impostor', `${what}: expected ${status} ${code}, got ${a.status} ${a.error}`);
    };
    if (k === 1) return impostor('ending a class without its secret', 'POST', `/api/classes/${id}/commands`, JSON.stringify({ op: 'end' }), undefined, 401, 'not-instructor');
    if (k === 3)
      return impostor('pausing a class with a forged secret', 'POST', `/api/classes/${id}/commands`, JSON.stringify({ op: 'pause', target: 'all' }), randomToken(this.rng), 401, 'not-instructor');
    if (k === 5 && other)
      return impostor('a class’s students list with another class’s secret', 'GET', `/api/classes/${id}/export/students.csv`, null, other.created.instructorSecret, 401, 'not-instructor');
    return impostor('a class’s results without its secret', 'GET', `/api/classes/${id}/results`, null, undefined, 401, 'not-instructor');
  }
}

/**
 * colyseus.js warns on the console for every refused join and closed socket; the hostile clients make
 * thousands, each counted by the tally (the honest clients' are errors of the run, recorded by their own
 * handlers). Those warnings are kept off the report.
 */
export function quietColyseusWarnings(): void {
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const first = typeof args[0] === 'string' ? args[0] : '';
    if (first.startsWith('colyseus.js - onError') || first.startsWith('Room connection was closed unexpectedly') || first.startsWith('Room, onError')) return;
    warn(...args);
  };
}
