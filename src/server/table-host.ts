// One table of a class: the session actor that runs its game (exactly as solo play runs one, with the AI
// for delegations no student plays), the students' connections, and the one rule for what leaves it:
// every update a connection gets is built from the projection for that student's engine seat only.
//
// After every change the table is saved first (its envelope, status, AI seats, pause), and only then are
// the updates sent, so a move a client saw acknowledged is stored. Changes within one tick are coalesced.
import type { Client } from '@colyseus/core';
import { createActor } from 'xstate';
import { createOpponent, historicalPersona } from '../ai/opponent';
import { ActMessageSchema, type Broadcast, type ClassConfig, EmptyMessageSchema, parseMessage, type Refused, type SeatAssignment, seatIdsOf, type TableScreen, type TableStatus, type TableSummary, type Tablemate, type Welcome } from '../content/classroom-schema';
import type { Scenario } from '../content/scenario-schema';
import { type Action, analyseGame, envelopeOf, type GameAnalysis, type GameState, type Overrides, SIDES, type Side } from '../engine';
import { type Agent, countdownLeft, eventsForSeat, newsFor, type SessionError, type SessionSnapshot, screenOf, sessionMachine, type TableUpdate, viewFor } from '../flow';
import { answerPing } from './heartbeat';
import { HubError } from './hub-error';
import { leadSeatOf, seatInfo } from './seating';
import type { ClassroomStore, StudentRecord, TableRecord } from './store';
import { gameSummary } from './summary';

type SessionActor = ReturnType<typeof createActor<typeof sessionMachine>>;

/** A student as the hub holds it: the stored record, and the last move number the table answered. */
export interface StudentLive {
  record: StudentRecord;
  lastSeq: number;
}

/** What a table needs from its class. */
export interface TableContext {
  classId: string;
  config: ClassConfig;
  scenario: Scenario;
  store: ClassroomStore;
  /** How long a delegation's lead may be away before the AI holds the delegation. */
  graceMs: number;
  studentsAt(tableNo: number): StudentLive[];
  broadcasts(): readonly Broadcast[];
  /** Something the console shows has changed. */
  changed(): void;
  log(message: string, error?: unknown): void;
}

/** A table's answer to a console command it did not apply. */
export interface TableRefusal {
  code: string;
  reason: string;
}

/** A console command as one table applies it. */
export type TableCommand = { op: 'pause' } | { op: 'resume' } | { op: 'extend'; ms: number } | { op: 'inject'; shock: string } | { op: 'override'; overrides: Overrides };

/** WebSocket close codes a table ends a connection with (4000+ is the application's range). */
export const CLOSE = { replaced: 4100, moved: 4101, ended: 4102 } as const;

/** A client may send this many messages per window; past them it is told once and the rest are dropped unread. */
export const MESSAGE_BUDGET = { windowMs: 10_000, max: 100 };
/** Bound on the acknowledgements an all-AI table needs to reach its debrief (a few per round). */
const MAX_AUTO_STEPS = 1000;
const INTERLUDES: readonly TableScreen[] = ['interlude', 'signing', 'ratification'];

interface Conn {
  client: Client;
  student: StudentLive;
  /** How many of its seat's events this connection has been sent. */
  sent: number;
  burst: { start: number; count: number };
}

/** What a refused move or command says in English, from the session's or engine's refusal. */
export function describeRefusal(e: SessionError | null): string {
  if (!e) return 'the table did not take it';
  const params = Object.entries(e.params)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return params ? `${e.code} (${params})` : e.code;
}

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export class TableHost {
  readonly roomId: string;
  private actor: SessionActor | null = null;
  private status: TableStatus = 'waiting';
  private readonly conns = new Map<string, Conn>();
  /** Delegations the AI holds for a lead who is away (beyond the grace). */
  private readonly held = new Set<Side>();
  private readonly graceTimers = new Map<Side, NodeJS.Timeout>();
  private readonly agents = new Map<Side, Agent>();
  private readied = new Set<Side>();
  private readyKey = '';
  private analysis: GameAnalysis | null = null;
  private seen: { game: unknown; countdown: unknown; input: unknown; newsRound: number; value: string } | null = null;
  private saved: string | null = null;
  private savedGame: GameState | null = null;
  private flushScheduled = false;
  private flushing: Promise<void> | null = null;
  private again = false;
  /** Whether the next flush sends updates (a flush only for the move numbers saves without sending). */
  private publishWanted = false;
  private closed = false;
  private room: { disconnect(): Promise<unknown> } | null = null;

  constructor(
    private readonly ctx: TableContext,
    readonly tableNo: number,
  ) {
    this.roomId = `${ctx.classId}-t${tableNo}`;
  }

  get tableStatus(): TableStatus {
    return this.status;
  }

  /** The Colyseus room that carries this table's connections (disposed when the class ends). */
  attachRoom(room: { disconnect(): Promise<unknown> }): void {
    this.room = room;
  }

  // ——— who sits and who plays ———

  private students(): StudentLive[] {
    return this.ctx.studentsAt(this.tableNo);
  }

  private leadStudent(side: Side): StudentLive | undefined {
    const lead = leadSeatOf(side);
    return this.students().find((s) => s.record.seat === lead);
  }

  private leadConnected(side: Side): boolean {
    const lead = this.leadStudent(side);
    return lead !== undefined && this.conns.has(lead.record.id);
  }

  /** Delegations the AI should play now: no student in the lead's seat, or a lead away beyond the grace. */
  private desiredAiSides(): Side[] {
    return SIDES.filter((s) => !this.leadStudent(s) || this.held.has(s));
  }

  private humanSides(): readonly Side[] {
    return this.actor?.getSnapshot().context.input.humanSeats ?? [];
  }

  /** Seats the AI plays: the lead seat of every delegation no person plays. */
  aiSeats(): string[] {
    if (!this.actor) return [];
    const humans = this.humanSides();
    return SIDES.filter((s) => !humans.includes(s)).map(leadSeatOf);
  }

  private seed(): number {
    const c = this.ctx.config;
    return c.sameSeed ? c.seed : c.seed + this.tableNo;
  }

  private agentFor(side: Side): Agent {
    let agent = this.agents.get(side);
    if (!agent) {
      const { scenario, config } = this.ctx;
      const opp = createOpponent(scenario, side, { persona: historicalPersona(scenario, side), difficulty: config.difficulty }, this.seed());
      // The persona is the scenario's own historical one and the difficulty passed the schema: a failure is broken content.
      if (!opp.ok) throw new Error(`table ${this.tableNo}: no AI for ${side}: ${opp.error}`);
      agent = (view) => opp.decide(view).action;
      this.agents.set(side, agent);
    }
    return agent;
  }

  // ——— starting and restoring ———

  /** Starts the game, or says why the table cannot start (it then stays waiting). */
  start(): HubError | null {
    if (this.status !== 'waiting') return new HubError('already-started', `table ${this.tableNo} has already started`);
    if (this.students().length === 0) return new HubError('no-players', `no student sits at table ${this.tableNo}`);
    const empty = SIDES.filter((s) => !this.leadStudent(s));
    if (empty.length && !this.ctx.config.aiForEmptySeats)
      return new HubError('no-players', `table ${this.tableNo}: no student leads the ${empty.join(' and ')} delegation and empty seats get no AI`);
    return this.open(null);
  }

  /** Reopens a stored table after a restart: its game replayed from its envelope, its pause and AI seats kept. */
  restore(record: TableRecord): HubError | null {
    if (!record.envelope) return null;
    for (const side of SIDES) if (record.aiSeats.includes(leadSeatOf(side)) && this.leadStudent(side)) this.held.add(side);
    return this.open(record);
  }

  private open(record: TableRecord | null): HubError | null {
    const { scenario, config } = this.ctx;
    const env = record?.envelope ?? null;
    const ai = this.desiredAiSides();
    const timers = Object.fromEntries(Object.entries(config.timers).map(([k, s]) => [k, (s as number) * 1000]));
    const actor = createActor(sessionMachine, {
      input: {
        scenario,
        seed: env?.seed ?? this.seed(),
        overrides: (env?.overrides ?? {}) as Overrides,
        humanSeats: SIDES.filter((s) => !ai.includes(s)),
        agents: Object.fromEntries(ai.map((s) => [s, this.agentFor(s)])),
        timers,
        ...(env ? { resume: env.events, ...(env.forks?.length ? { forks: env.forks } : {}) } : {}),
      },
    });
    actor.subscribe({ next: (snap) => this.observe(snap), error: (e) => this.ctx.log(`table ${this.tableNo}: session failed`, e) });
    actor.start();
    actor.send({ type: 'START' });
    if (!actor.getSnapshot().context.game) {
      const why = describeRefusal(actor.getSnapshot().context.lastError);
      actor.stop();
      return new HubError('refused', `table ${this.tableNo} could not open its game: ${why}`);
    }
    this.actor = actor;
    this.status = 'playing';
    if (record) {
      // A restored game goes straight back to the table; a finished one to its debrief.
      actor.send({ type: 'READY' });
      // The news of this round was read before the restart: back to the negotiation, not to the news again.
      const seen = record.newsRound ?? -1;
      if (seen >= actor.getSnapshot().context.game!.round && screenOf(actor.getSnapshot()) === 'interlude') actor.send({ type: 'ACK' });
      if (actor.getSnapshot().context.game!.phase === 'ended')
        for (let n = 0; n < MAX_AUTO_STEPS && !actor.getSnapshot().matches('debrief'); n++) actor.send({ type: 'ACK' });
      else if (record.paused) actor.send({ type: 'PAUSE' });
    }
    for (const side of SIDES) this.armGrace(side);
    this.advance();
    this.schedule();
    return null;
  }

  // ——— connections ———

  /** A student's client joined the table's room; a second connection with the same token replaces the first. */
  connect(student: StudentLive, client: Client): void {
    if (this.closed) return;
    const id = student.record.id;
    const old = this.conns.get(id);
    this.conns.set(id, { client, student, sent: 0, burst: { start: Date.now(), count: 0 } });
    if (old) {
      old.client.send('closed', { code: 'replaced', reason: 'this seat was opened in another tab' });
      old.client.leave(CLOSE.replaced, 'replaced');
    }
    const info = seatInfo(student.record.seat, this.ctx.config.seatsPerSide)!;
    const welcome: Welcome = {
      tableNo: this.tableNo,
      seat: student.record.seat,
      side: info.side,
      role: info.role,
      roomId: this.roomId,
      classId: this.ctx.classId,
      name: student.record.name,
      scenarioId: this.ctx.scenario.id,
      lang: this.ctx.config.lang,
      started: this.status !== 'waiting',
      tablemates: this.tablemates(),
    };
    client.send('welcome', welcome);
    for (const b of this.ctx.broadcasts()) client.send('broadcast', b);
    if (info.role === 'lead') this.leadArrived(info.side);
    this.advance();
    this.schedule();
  }

  /** A client left (closed its tab, lost the network, or was replaced). */
  disconnect(client: Client): void {
    const conn = this.connOf(client);
    if (!conn || this.closed) return;
    this.conns.delete(conn.student.record.id);
    const info = seatInfo(conn.student.record.seat, this.ctx.config.seatsPerSide);
    if (info?.role === 'lead') this.armGrace(info.side);
    this.advance();
    this.schedule();
  }

  private connOf(client: Client): Conn | undefined {
    for (const c of this.conns.values()) if (c.client === client) return c;
    return undefined;
  }

  /** The instructor moved this student away: its client is told where to go and its connection closed. */
  release(studentId: string, moved: SeatAssignment): void {
    const conn = this.conns.get(studentId);
    if (!conn) return;
    this.conns.delete(studentId);
    conn.client.send('moved', moved);
    conn.client.leave(CLOSE.moved, 'moved');
  }

  /** Students joined, left or moved: who plays each delegation follows. */
  seatsChanged(): void {
    if (this.closed) return;
    for (const side of SIDES) {
      if (!this.leadStudent(side)) {
        this.clearGrace(side);
        this.held.delete(side);
      } else if (this.leadConnected(side)) this.leadArrived(side);
      else this.armGrace(side);
    }
    this.syncPlayers();
    this.advance();
    this.schedule();
  }

  private leadArrived(side: Side): void {
    this.clearGrace(side);
    if (this.held.delete(side)) this.syncPlayers();
  }

  private armGrace(side: Side): void {
    if (this.status !== 'playing' || this.graceTimers.has(side) || this.held.has(side)) return;
    if (!this.leadStudent(side) || this.leadConnected(side)) return;
    const timer = setTimeout(() => {
      this.graceTimers.delete(side);
      if (this.closed || this.status !== 'playing' || !this.leadStudent(side) || this.leadConnected(side)) return;
      this.held.add(side);
      this.syncPlayers();
      this.advance();
      this.schedule();
    }, this.ctx.graceMs);
    this.graceTimers.set(side, timer);
  }

  private clearGrace(side: Side): void {
    const t = this.graceTimers.get(side);
    if (t) clearTimeout(t);
    this.graceTimers.delete(side);
  }

  /** Hands each delegation to a person or to the AI as the seats now say (SEAT; an agent moves at once). */
  private syncPlayers(): void {
    const actor = this.actor;
    if (!actor || this.status !== 'playing') return;
    const ai = this.desiredAiSides();
    for (const side of SIDES) {
      const human = actor.getSnapshot().context.input.humanSeats.includes(side);
      if (ai.includes(side) && human) actor.send({ type: 'SEAT', side, agent: this.agentFor(side) });
      else if (!ai.includes(side) && !human) actor.send({ type: 'SEAT', side, agent: null });
    }
  }

  // ——— messages from a student ———

  /** A message from a student's client: checked against its schema and the sender's seat, refused to the sender only. */
  message(client: Client, type: string | number, payload: unknown): void {
    const conn = this.connOf(client);
    if (!conn || this.closed) return;
    const now = Date.now();
    if (now - conn.burst.start > MESSAGE_BUDGET.windowMs) conn.burst = { start: now, count: 0 };
    let refusal: Refused | null;
    if (++conn.burst.count > MESSAGE_BUDGET.max) {
      // Told once per window; the rest of a flood is dropped unread and unanswered (answering each would
      // let one client make the server send as much as it receives).
      if (conn.burst.count > MESSAGE_BUDGET.max + 1) return;
      refusal = { code: 'rate-limited', reason: `at most ${MESSAGE_BUDGET.max} messages per ${MESSAGE_BUDGET.windowMs / 1000} seconds; the rest of this burst was dropped` };
    } else if (type === 'act') refusal = this.act(conn, payload);
    else if (type === 'ready' || type === 'ack') refusal = this.acknowledge(conn, type, payload);
    // The heartbeat counts in the budget like any message.
    else if (type === 'ping') refusal = answerPing(conn.client, payload);
    else refusal = { code: 'bad-request', reason: `unknown message type "${String(type).slice(0, 32)}": a table takes act, ready, ack and ping` };
    if (refusal) conn.client.send('refused', refusal);
  }

  private act(conn: Conn, payload: unknown): Refused | null {
    const parsed = parseMessage(ActMessageSchema, payload);
    if (!parsed.ok) {
      const seq = (payload as { seq?: unknown } | null)?.seq;
      return { code: parsed.error.error, reason: parsed.error.reason, ...(Number.isInteger(seq) ? { seq: seq as number } : {}) };
    }
    const { seq, action } = parsed.value;
    const student = conn.student;
    if (seq <= student.lastSeq) {
      this.resend(conn);
      return null;
    }
    student.lastSeq = seq;
    // The number is saved even when the move is refused (quietly: the others get no update for it).
    this.scheduleSave();
    const seat = student.record.seat;
    if (action.seat !== seat) return { code: 'wrong-seat', seq, reason: `action.seat: "${action.seat}" is not this connection's seat "${seat}"` };
    const actor = this.actor;
    if (!actor || this.status === 'waiting') return { code: 'not-started', seq, reason: 'the game at this table has not started' };
    const info = seatInfo(seat, this.ctx.config.seatsPerSide)!;
    const before = actor.getSnapshot().context.game;
    actor.send({ type: 'ACT', action: { ...action, seat: info.engineSeat } as Action });
    const after = actor.getSnapshot().context;
    if (after.game !== before) return null;
    const e = after.lastError;
    return { code: 'refused', seq, reason: `the game refused the move: ${describeRefusal(e)}`, params: { ...(e?.params ?? {}), code: e?.code ?? 'refused' } };
  }

  /** A move number already answered (a client resending after a reconnect): a fresh update, to the sender only. */
  private resend(conn: Conn): void {
    conn.sent = 0;
    if (this.flushScheduled) return;
    void (this.flushing ?? Promise.resolve()).then(() => {
      if (this.conns.get(conn.student.record.id) === conn && conn.sent === 0 && !this.closed) this.send(conn, this.actor?.getSnapshot() ?? null, new Map());
    });
  }

  private acknowledge(conn: Conn, type: 'ready' | 'ack', payload: unknown): Refused | null {
    const parsed = parseMessage(EmptyMessageSchema, payload ?? {});
    if (!parsed.ok) return { code: parsed.error.error, reason: parsed.error.reason };
    const actor = this.actor;
    if (!actor || this.status === 'waiting') return { code: 'not-started', reason: 'the game at this table has not started' };
    const info = seatInfo(conn.student.record.seat, this.ctx.config.seatsPerSide)!;
    // `message` says the refusal answers a ready/ack, not a move: a client can tell a stale one (the table moved on) apart.
    const refused = (code: string, reason: string): Refused => ({ code: 'refused', reason, params: { code, message: type } });
    if (info.role !== 'lead') return refused('role-cannot', `only a delegation's lead says ${type}`);
    const snap = actor.getSnapshot();
    if (snap.matches('paused')) return refused('paused', 'the table is paused');
    const screen = screenOf(snap);
    if (type === 'ready' && screen !== 'briefing') return refused('not-in-play', `"ready" is for the briefing; the table is on ${screen}`);
    if (type === 'ack' && !INTERLUDES.includes(screen)) return refused('not-in-play', `"ack" is for the news, the signing and the vote; the table is on ${screen}`);
    this.syncReadyKey(snap);
    if (this.readied.has(info.side)) return null;
    this.readied.add(info.side);
    this.advance();
    this.schedule();
    return null;
  }

  private syncReadyKey(snap: SessionSnapshot): void {
    const key = `${screenOf(snap)}:${snap.context.game?.round ?? -1}:${snap.context.newsRound}`;
    if (key !== this.readyKey) {
      this.readyKey = key;
      this.readied = new Set();
    }
  }

  /**
   * Moves past the briefing and the interludes: once every connected lead has said so (at least one
   * must), or at once when no student leads a delegation at this table. A delegation the AI only holds
   * for an absent lead does not count as nobody: if the whole room drops off the network, each table
   * plays on to its next interlude (or news timer) and waits there, rather than to its end.
   */
  private advance(): void {
    const actor = this.actor;
    if (!actor || this.closed) return;
    for (let n = 0; n < MAX_AUTO_STEPS; n++) {
      const snap = actor.getSnapshot();
      if (snap.matches('paused')) return;
      const screen = screenOf(snap);
      const event = screen === 'briefing' ? 'READY' : INTERLUDES.includes(screen) ? 'ACK' : null;
      if (!event) return;
      this.syncReadyKey(snap);
      const present = SIDES.filter((s) => this.leadConnected(s));
      const nobody = SIDES.every((s) => !this.leadStudent(s));
      const go = nobody || (present.length > 0 && present.every((s) => this.readied.has(s)));
      if (!go) return;
      actor.send({ type: event });
    }
  }

  // ——— the instructor's commands ———

  /** One console command on this table: null when applied, else the table's refusal (an engine code for a refused shock). */
  command(cmd: TableCommand): TableRefusal | null {
    const actor = this.actor;
    const n = this.tableNo;
    if (!actor || this.status === 'waiting') return { code: 'not-started', reason: `table ${n} has not started` };
    const snap = actor.getSnapshot();
    const game = snap.context.game!;
    if (game.phase === 'ended' || this.status === 'ended') return { code: 'refused', reason: `the game at table ${n} is over` };
    const paused = snap.matches('paused');
    let refusal: TableRefusal | null = null;
    switch (cmd.op) {
      case 'pause':
        if (paused) return { code: 'refused', reason: `table ${n} is already paused` };
        actor.send({ type: 'PAUSE' });
        break;
      case 'resume':
        if (!paused) return { code: 'refused', reason: `table ${n} is not paused` };
        actor.send({ type: 'RESUME' });
        this.advance();
        break;
      case 'extend': {
        const before = snap.context.countdown;
        actor.send({ type: 'EXTEND', ms: cmd.ms });
        if (actor.getSnapshot().context.countdown === before) refusal = { code: 'refused', reason: `no timer runs at table ${n}` };
        break;
      }
      case 'inject':
        actor.send({ type: 'INJECT', shock: cmd.shock });
        if (actor.getSnapshot().context.game === game) {
          const e = actor.getSnapshot().context.lastError;
          refusal = { code: e?.code ?? 'refused', reason: `table ${n} refused the shock: ${describeRefusal(e)}` };
        }
        this.advance();
        break;
      case 'override':
        actor.send({ type: 'FORK', overrides: cmd.overrides });
        if (actor.getSnapshot().context.game === game) refusal = { code: 'fork-refused', reason: `table ${n} refused the override: ${describeRefusal(actor.getSnapshot().context.lastError)}` };
        break;
    }
    this.schedule();
    return refusal;
  }

  /** The instructor's message, to every client at the table. */
  broadcast(b: Broadcast): void {
    for (const c of this.conns.values()) c.client.send('broadcast', b);
  }

  /** The class ended: the game stops where it is, the table is stored as ended, its clients told and closed. */
  async end(): Promise<void> {
    if (this.closed) return;
    this.status = 'ended';
    for (const side of SIDES) this.clearGrace(side);
    this.publishWanted = true;
    await this.flush();
    this.closed = true;
    this.actor?.stop();
    for (const c of this.conns.values()) {
      c.client.send('closed', { code: 'class-ended', reason: 'the instructor ended the class' });
      c.client.leave(CLOSE.ended, 'class-ended');
    }
    this.conns.clear();
    await this.room?.disconnect();
  }

  /** The server shuts down: timers stop, the last change is saved; the status stays for the restart. */
  async close(): Promise<void> {
    for (const side of SIDES) this.clearGrace(side);
    this.publishWanted = true;
    await this.flush();
    this.closed = true;
    this.actor?.stop();
  }

  // ——— saving and sending ———

  private observe(snap: SessionSnapshot): void {
    const c = snap.context;
    const value = JSON.stringify(snap.value);
    const s = this.seen;
    if (s && s.game === c.game && s.countdown === c.countdown && s.input === c.input && s.newsRound === c.newsRound && s.value === value) return;
    this.seen = { game: c.game, countdown: c.countdown, input: c.input, newsRound: c.newsRound, value };
    this.schedule();
  }

  private schedule(): void {
    this.publishWanted = true;
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.closed || this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    if (this.closed) return Promise.resolve();
    this.flushing = (async () => {
      do {
        this.again = false;
        const publish = this.publishWanted;
        this.publishWanted = false;
        const snap = this.actor?.getSnapshot() ?? null;
        // Taken with the snapshot: a move applied while the save is awaited must not be acknowledged by an update whose events lack it.
        const acked = new Map(this.students().map((s) => [s.record.id, s.lastSeq]));
        const game = snap?.context.game ?? null;
        if (this.status === 'playing' && game?.phase === 'ended') {
          this.status = 'ended';
          for (const side of SIDES) this.clearGrace(side);
        }
        await this.save(snap);
        if (this.closed) return;
        if (publish) {
          this.publish(snap, acked);
          this.ctx.changed();
        }
      } while (this.again && !this.closed);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async save(snap: SessionSnapshot | null): Promise<void> {
    const game = snap?.context.game ?? null;
    const aiSeats = this.aiSeats();
    const paused = snap?.matches('paused') ?? false;
    const newsRound = snap?.context.newsRound ?? -1;
    // The move numbers answered go with the envelope (one transaction): a restored table never applies a move twice.
    const seqs = this.students().map((s) => ({ studentId: s.record.id, lastSeq: s.lastSeq }));
    const key = `${this.status}|${aiSeats.join(',')}|${paused}|${newsRound}|${seqs.map((s) => `${s.studentId}:${s.lastSeq}`).join(',')}`;
    if (key === this.saved && game === this.savedGame) return;
    try {
      await this.ctx.store.saveTable(
        {
          classId: this.ctx.classId,
          tableNo: this.tableNo,
          status: this.status,
          envelope: game ? plain(envelopeOf(game)) : null,
          aiSeats,
          paused,
          newsRound,
        },
        seqs,
      );
      this.saved = key;
      this.savedGame = game;
    } catch (e) {
      this.ctx.log(`table ${this.tableNo}: could not save`, e);
    }
  }

  private tablemates(): Tablemate[] {
    return this.students().map((s) => ({ name: s.record.name, seat: s.record.seat, connected: this.conns.has(s.record.id) }));
  }

  private publish(snap: SessionSnapshot | null, acked?: ReadonlyMap<string, number>): void {
    if (snap) this.syncReadyKey(snap);
    const cache = new Map<string, Seen>();
    for (const conn of this.conns.values()) this.send(conn, snap, cache, acked);
  }

  /** One update, built from the projection for this connection's engine seat only. */
  private send(conn: Conn, snap: SessionSnapshot | null, cache: Map<string, Seen>, acked?: ReadonlyMap<string, number>): void {
    const game = snap?.context.game ?? null;
    const ackSeq = Math.min(conn.student.lastSeq, acked?.get(conn.student.record.id) ?? conn.student.lastSeq);
    const common = { ackSeq, aiSeats: this.aiSeats(), tablemates: this.tablemates(), readySides: [...this.readied] };
    if (!snap || !game) {
      conn.client.send('update', { screen: 'waiting', view: null, from: 0, events: [], news: [], countdownMs: null, paused: false, analysis: null, forks: [], ...common } satisfies TableUpdate);
      return;
    }
    const engineSeat = seatInfo(conn.student.record.seat, this.ctx.config.seatsPerSide)!.engineSeat;
    let seen = cache.get(engineSeat);
    if (!seen) {
      seen = { view: viewFor(snap, engineSeat), events: eventsForSeat(snap, engineSeat), news: newsFor(snap, engineSeat) };
      cache.set(engineSeat, seen);
    }
    const from = Math.min(conn.sent, seen.events.length);
    conn.sent = seen.events.length;
    const ended = game.phase === 'ended';
    const update: TableUpdate = {
      screen: screenOf(snap),
      view: seen.view,
      from,
      events: seen.events.slice(from),
      news: seen.news,
      countdownMs: countdownLeft(snap, Date.now()),
      paused: snap.matches('paused'),
      analysis: ended ? this.analysisOf(game) : null,
      // The instructor's re-planned shocks would tell what is still to come: shown with the debrief only.
      forks: ended ? game.forks : [],
      ...common,
    };
    conn.client.send('update', update);
  }

  private analysisOf(game: GameState): GameAnalysis {
    this.analysis ??= analyseGame(game);
    return this.analysis;
  }

  /** The table as the console shows it. */
  summary(now: number): TableSummary {
    const snap = this.actor?.getSnapshot() ?? null;
    const ai = this.aiSeats();
    const seats = SIDES.flatMap((side) =>
      seatIdsOf(side, this.ctx.config.seatsPerSide).map((seat) => {
        const s = this.students().find((x) => x.record.seat === seat);
        return { seat, studentId: s?.record.id ?? null, name: s?.record.name ?? null, connected: s ? this.conns.has(s.record.id) : false, ai: ai.includes(seat) };
      }),
    );
    return { tableNo: this.tableNo, roomId: this.roomId, status: this.status, ...gameSummary(snap, now), seats };
  }

  isConnected(studentId: string): boolean {
    return this.conns.has(studentId);
  }
}

interface Seen {
  view: ReturnType<typeof viewFor>;
  events: ReturnType<typeof eventsForSeat>;
  news: ReturnType<typeof newsFor>;
}
