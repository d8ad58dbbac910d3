// A class's tables as the load test plays them: one bot per student, connected with colyseus.js exactly as
// a browser is. Leads move with the AI from the view they received and say ready / acknowledge when their
// screen asks; advisers lobby or pass in their delegation's domestic phase, before their lead. Each bot
// thinks a seeded, human-like while before acting, on a timer (no busy loop).
//
// Latency is measured per (message, receiving client) pair: a move counts as delivered to a client when
// that client's event list first holds the event the move made (found by its type, side and content in the
// events the client received after the move was sent); a ready/ack when the client's update shows the side
// ready or the table moved on. A lobbying move is hidden from the other delegation by design, so the other
// side's clients are not counted for it.
import { Client, type Room } from 'colyseus.js';
import { createOpponent, historicalPersona } from '../../src/ai/opponent';
import type { ClassSummary, CreatedClass, Joined, Refused, Welcome } from '../../src/content/classroom-schema';
import { getScenario } from '../../src/content/scenarios';
import { type Action, type GameEvent, RngStream, type Side, type View } from '../../src/engine';
import type { TableUpdate } from '../../src/flow/table-update';
import type { ErrorLog } from './errors';
import type { HostileSeat } from './hostile';
import { canonical } from './lost-events';
import { type Metrics, SLOW_MS } from './metrics';

/** What every part of a run shares: its clock, its figures and its stop flag. */
export interface RunContext {
  url: string;
  metrics: Metrics;
  errors: ErrorLog;
  /** Think time before acting, in milliseconds. */
  thinkMs: { min: number; max: number };
  /** Set when the run stops: no bot starts a new move. */
  stopping: boolean;
  seed: number;
}

const INTERLUDES = new Set(['briefing', 'interlude', 'signing', 'ratification']);
/** A lead lobbying this many times in one domestic phase passes next (the session caps its agents the same way). */
const MAX_DOMESTIC_MOVES = 6;
/** A message the table has not answered after this long is an error. */
export const ANSWER_TIMEOUT_MS = 30_000;

type ActMove = Exclude<Action, { type: 'inject' }>;

/** The event a move makes, as the seats that may see it receive it. */
export function madeBy(action: ActMove, side: Side): (e: GameEvent) => boolean {
  switch (action.type) {
    case 'propose':
    case 'counter':
      return (e) => e.type === 'proposed' && e.side === side && e.kind === action.type && canonical(e.options) === canonical(action.package);
    case 'accept':
      return (e) => e.type === 'accepted' && e.side === side;
    case 'reject':
      return (e) => e.type === 'rejected' && e.side === side;
    case 'walkAway':
      return (e) => e.type === 'walkedAway' && e.side === side;
    case 'renege':
      return (e) => e.type === 'reneged' && e.side === side && e.issue === action.issue;
    case 'lobby':
      return (e) => e.type === 'lobbied' && e.side === side && e.constituency === action.constituency && e.amount === action.amount;
    case 'statement':
      return (e) => e.type === 'statement' && e.side === side && e.issue === action.issue && e.option === action.option;
    case 'pass':
      return (e) => e.type === 'passed' && e.side === side;
  }
}

interface SentMove {
  kind: 'act';
  seq: number;
  /** The round it was sent in (an adviser's say is per round). */
  round: number;
  action: ActMove;
  sentAt: number;
  /** Where the game stood when the bot decided (a refusal after it changed is stale, not an error). */
  stage: string;
  /** Receivers still waiting for it. */
  open: number;
  /** An update acknowledged it (ackSeq) before one held its effect. */
  earlyAck?: boolean;
}

interface SentSignal {
  kind: 'signal';
  type: 'ready' | 'ack';
  screen: string;
  round: number;
  sentAt: number;
  stage: string;
  open: number;
}

type Sent = SentMove | SentSignal;

/** One receiving client's wait for one message's effect. */
interface Waiter {
  sent: Sent;
  from: SeatBot;
  /** For a move: the receiver's event index to search from (its list length when the move was sent). */
  scan: number;
  match: ((e: GameEvent) => boolean) | null;
}

const stageOf = (u: TableUpdate | null): string => {
  const v = u?.view;
  return `${u?.screen}|${u?.paused}|${v?.round}|${v?.phase}|${v?.turn}|${v?.awaiting.join(',')}|${v?.domesticDone.us}${v?.domesticDone.mx}`;
};

export class SeatBot {
  room: Room | null = null;
  update: TableUpdate | null = null;
  welcome: Welcome | null = null;
  /** The seat's event list, rebuilt from the updates' deltas. */
  readonly events: GameEvent[] = [];
  readonly waiters = new Set<Waiter>();
  inFlight: Sent | null = null;
  finished = false;
  leaving = false;
  private seq = 0;
  private think: NodeJS.Timeout | null = null;
  private readonly rng: RngStream;
  private opponent: ((view: View) => Action) | null = null;
  private readonly signalled = new Set<string>();
  private readonly domesticMoves = new Map<number, number>();
  private rejoined = false;

  constructor(
    readonly run: RunContext,
    readonly table: LoadTable,
    readonly joined: Joined,
  ) {
    let h = run.seed;
    for (const ch of joined.name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
    this.rng = RngStream.fromSeed(h);
  }

  get side(): Side {
    return this.joined.side;
  }

  get isLead(): boolean {
    return this.joined.role === 'lead';
  }

  get name(): string {
    return this.joined.name;
  }

  async connect(): Promise<void> {
    const room = await new Client(this.run.url).joinById(this.joined.roomId, { token: this.joined.token });
    this.room = room;
    room.onMessage('*', (type, payload) => this.receive(String(type), payload));
    room.onLeave((code) => this.left(code));
    room.onError((code, message) => this.run.errors.add('room-error', this.name, `${code} ${message ?? ''}`));
  }

  private receive(type: string, payload: unknown): void {
    if (type === 'update') this.onUpdate(payload as TableUpdate);
    else if (type === 'welcome') this.welcome = payload as Welcome;
    else if (type === 'refused') this.onRefused(payload as Refused);
    else if (type === 'closed') {
      const code = (payload as { code?: string }).code;
      if (!(code === 'class-ended' && this.table.cls.ending)) this.run.errors.add('closed', this.name, JSON.stringify(payload));
    } else if (type !== 'broadcast') this.run.errors.add('unexpected-message', this.name, `${type}: ${JSON.stringify(payload).slice(0, 120)}`);
  }

  private onUpdate(u: TableUpdate): void {
    const now = performance.now();
    const m = this.run.metrics;
    if (m.updates++ % 25 === 0) m.updateBytes.push(JSON.stringify(u).length);
    if (u.from > this.events.length) this.run.errors.add('gap', this.name, `an update starts at event ${u.from}; the client has ${this.events.length}`);
    // A resend from an earlier index (after a reconnect) repeats the same events there: the waits keep
    // their place, so an older event of the same kind is never taken for the one awaited.
    if (u.from < this.events.length) this.events.length = u.from;
    for (const e of u.events) this.events.push(e);
    for (const w of this.waiters) w.scan = Math.min(w.scan, this.events.length);
    this.update = u;
    for (const w of [...this.waiters]) if (this.holds(w, u)) this.table.delivered(w, this, now);
    // An update that says the move was taken (ackSeq) while its events do not hold it yet.
    const sent = this.inFlight;
    if (sent?.kind === 'act' && u.ackSeq >= sent.seq && !sent.earlyAck) {
      sent.earlyAck = true;
      m.earlyAcks++;
    }
    if (u.screen === 'debrief' && !this.finished) this.finish();
    this.consider();
    this.table.sawUpdate(this);
  }

  /** Whether this client's state now holds the waited-for message's effect. */
  private holds(w: Waiter, u: TableUpdate): boolean {
    if (w.sent.kind === 'signal') {
      const s = w.sent;
      return u.readySides.includes(w.from.side) || u.screen !== s.screen || (u.view?.round ?? -1) !== s.round;
    }
    for (let i = w.scan; i < this.events.length; i++) if (w.match!(this.events[i]!)) return true;
    w.scan = this.events.length;
    return false;
  }

  private finish(): void {
    this.finished = true;
    this.clearThink();
    this.table.seatFinished();
    // A student reads the debrief, then closes the page.
    setTimeout(() => void this.leave(), 1000 + this.rng.int(2000));
  }

  async leave(): Promise<void> {
    if (this.leaving || !this.room) return;
    this.leaving = true;
    try {
      await this.room.leave(true);
    } catch {
      // already closed
    }
    this.room = null;
    // Only the events are read after this (the final check): the last view need not stay in memory.
    if (this.finished) {
      this.update = null;
      this.opponent = null;
    }
  }

  private left(code: number): void {
    if (this.leaving || this.table.cls.ending) return;
    this.run.errors.add('unexpected-close', this.name, `the room closed with code ${code}`);
    this.room = null;
    if (this.rejoined || this.run.stopping) return;
    // A browser would reconnect with its seat token: so does the bot, once.
    this.rejoined = true;
    setTimeout(() => {
      this.connect().catch((e) => this.run.errors.add('join', this.name, `rejoining: ${(e as Error).message}`));
    }, 1000);
  }

  private onRefused(r: Refused): void {
    const sent = this.inFlight;
    const mine = sent && (sent.kind === 'act' ? r.seq === sent.seq : r.seq === undefined);
    if (!mine || !sent) {
      this.run.errors.add('refused', this.name, `unexpected refusal: ${JSON.stringify(r)}`);
      return;
    }
    this.table.cancel(sent);
    this.inFlight = null;
    // The table may have moved on (a timer ran out) with the update still on its way: judge once it is in.
    setTimeout(() => {
      if (stageOf(this.update) !== sent.stage) this.run.metrics.staleRefusals++;
      else this.run.errors.add('refused', this.name, `${sent.kind === 'act' ? `${sent.action.type} (seq ${sent.seq})` : sent.type}: ${r.code} ${r.reason}`);
      this.afterAnswer(sent);
      this.consider();
    }, 1500);
  }

  /** The table answered this bot's message (its effect reached this bot, or it was refused). */
  answered(sent: Sent): void {
    if (this.inFlight !== sent) return;
    this.inFlight = null;
    this.afterAnswer(sent);
    this.consider();
  }

  private afterAnswer(sent: Sent): void {
    if (!this.isLead && sent.kind === 'act') this.table.adviserDone(this, sent.round);
  }

  /** An answer overdue: an error, and the bot carries on. */
  checkOverdue(now: number): void {
    const sent = this.inFlight;
    if (!sent || now - sent.sentAt < ANSWER_TIMEOUT_MS) return;
    this.run.errors.add('no-answer', this.name, `${sent.kind === 'act' ? sent.action.type : sent.type} unanswered after ${ANSWER_TIMEOUT_MS / 1000} s`);
    this.table.cancel(sent);
    this.inFlight = null;
    this.afterAnswer(sent);
    this.consider();
  }

  clearThink(): void {
    if (this.think) clearTimeout(this.think);
    this.think = null;
  }

  /** Starts thinking if there is something to do. */
  consider(): void {
    if (this.think || this.inFlight || this.finished || this.run.stopping || !this.room) return;
    if (!this.plan()) return;
    const { min, max } = this.run.thinkMs;
    this.think = setTimeout(
      () => {
        this.think = null;
        this.actNow();
      },
      min + this.rng.int(max - min),
    );
  }

  /** What this seat would do now with the update it has, or null. */
  private plan(): 'signal' | 'adviser' | 'move' | null {
    const u = this.update;
    if (!u || u.paused) return null;
    const v = u.view;
    if (this.isLead && INTERLUDES.has(u.screen) && !u.readySides.includes(this.side) && !this.signalled.has(this.signalKey(u))) return 'signal';
    if (u.screen !== 'table' || !v || !v.awaiting.includes(this.side)) return null;
    if (!this.isLead) return v.phase === 'domestic' && !this.table.isAdviserDone(this, v.round) ? 'adviser' : null;
    if (v.phase === 'domestic' && !this.table.advisersDone(this.side, v.round)) return null;
    return 'move';
  }

  private signalKey(u: TableUpdate): string {
    return `${u.screen}:${u.view?.round ?? -1}:${u.view?.fired.length ?? 0}`;
  }

  private actNow(): void {
    if (this.inFlight || this.finished || this.run.stopping || !this.room) return;
    const what = this.plan();
    const u = this.update!;
    if (what === 'signal') {
      const type = u.screen === 'briefing' ? 'ready' : 'ack';
      this.signalled.add(this.signalKey(u));
      const sent: SentSignal = { kind: 'signal', type, screen: u.screen, round: u.view?.round ?? -1, sentAt: performance.now(), stage: stageOf(u), open: 0 };
      this.inFlight = sent;
      this.run.metrics.signals++;
      this.room.send(type, {});
      this.table.watch(this, sent, null);
      return;
    }
    const v = u.view!;
    if (what === 'adviser') {
      const roll = this.rng.float();
      const constituencies = v.brief?.constituencies ?? [];
      let action: ActMove | null = null;
      if (roll < 0.65 && (v.own?.capital ?? 0) > 0 && constituencies.length)
        action = { type: 'lobby', seat: this.joined.seat, constituency: constituencies[this.rng.int(constituencies.length)]!.id, amount: 1 };
      else if (roll < 0.8) action = { type: 'pass', seat: this.joined.seat };
      if (action) this.send(action, u);
      else this.table.adviserDone(this, v.round);
      return;
    }
    if (what === 'move') {
      let action: ActMove;
      const n = v.phase === 'domestic' ? (this.domesticMoves.get(v.round) ?? 0) : 0;
      if (v.phase === 'domestic' && n >= MAX_DOMESTIC_MOVES) action = { type: 'pass', seat: this.joined.seat };
      else {
        try {
          action = { ...this.decide(v), seat: this.joined.seat } as ActMove;
        } catch (e) {
          this.run.errors.add('ai', this.name, `the AI could not choose a move: ${(e as Error).message}`);
          return;
        }
      }
      if (v.phase === 'domestic') this.domesticMoves.set(v.round, n + 1);
      this.send(action, u);
    }
  }

  private decide(view: View): Action {
    if (!this.opponent) {
      const scenario = getScenario(this.joined.scenarioId)!;
      const seed = (this.table.seed + (this.side === 'us' ? 1 : 2)) >>> 0;
      const opp = createOpponent(scenario, this.side, { persona: historicalPersona(scenario, this.side), difficulty: 'normal' }, seed);
      if (!opp.ok) throw new Error(opp.error);
      this.opponent = (v) => opp.decide(v).action;
    }
    const t = performance.now();
    const action = this.opponent(view);
    this.run.metrics.decideMs.push(performance.now() - t);
    return action;
  }

  private send(action: ActMove, u: TableUpdate): void {
    this.seq += 1;
    const sent: SentMove = { kind: 'act', seq: this.seq, round: u.view?.round ?? -1, action, sentAt: performance.now(), stage: stageOf(u), open: 0 };
    this.inFlight = sent;
    this.run.metrics.countMove(action.type);
    this.room!.send('act', { seq: sent.seq, action });
    this.table.watch(this, sent, madeBy(action, this.side));
  }
}

/** A class's console as the instructor's browser holds it: it counts summaries and finds proposals on them. */
export class ConsoleWatch {
  room: Room | null = null;
  summary: ClassSummary | null = null;
  /** Proposals waiting to show on the console: table, side, package, send time. */
  private readonly offers = new Set<{ tableNo: number; side: Side; pkg: string; sentAt: number }>();

  constructor(
    readonly run: RunContext,
    readonly cls: LoadClass,
  ) {}

  async connect(): Promise<void> {
    const c = this.cls.created;
    const room = await new Client(this.run.url).joinById(`${c.classId}-console`, { classId: c.classId, secret: c.instructorSecret });
    this.room = room;
    room.onMessage('*', (type, payload) => {
      if (type === 'summary') this.onSummary(payload as ClassSummary);
      else this.run.errors.add('console', c.classId, `${String(type)}: ${JSON.stringify(payload).slice(0, 160)}`);
    });
    room.onLeave((code) => {
      if (!this.cls.ending) this.run.errors.add('unexpected-close', `console ${c.classId}`, `the console room closed with code ${code}`);
    });
  }

  expectOffer(tableNo: number, side: Side, pkg: Record<string, string>, sentAt: number): void {
    this.offers.add({ tableNo, side, pkg: canonical(pkg), sentAt });
  }

  private onSummary(s: ClassSummary): void {
    const now = performance.now();
    const m = this.run.metrics;
    if (m.summaries++ % 25 === 0) m.summaryBytes.push(JSON.stringify(s).length);
    this.summary = s;
    for (const o of [...this.offers]) {
      const offer = s.tables[o.tableNo - 1]?.offer;
      if (offer && offer.by === o.side && canonical(offer.package) === o.pkg) {
        m.consoleLatency.push(now - o.sentAt);
        this.offers.delete(o);
      } else if (now - o.sentAt > ANSWER_TIMEOUT_MS) this.offers.delete(o);
    }
  }

  async leave(): Promise<void> {
    try {
      await this.room?.leave(true);
    } catch {
      // already closed
    }
  }
}

export class LoadTable {
  /** The honest students. */
  readonly bots: SeatBot[] = [];
  /** A student whose client misbehaves (not among the bots: nobody waits for it, its messages are not moves). */
  hostile: HostileSeat | null = null;
  finished = false;
  started = false;
  private readonly advisers = new Set<string>();

  constructor(
    readonly cls: LoadClass,
    readonly tableNo: number,
    readonly seed: number,
  ) {}

  get run(): RunContext {
    return this.cls.run;
  }

  /** Registers the waits for a message just sent: one per client at the table that may see its effect. */
  watch(from: SeatBot, sent: Sent, match: ((e: GameEvent) => boolean) | null): void {
    const hidden = sent.kind === 'act' && sent.action.type === 'lobby';
    for (const b of this.bots) {
      if (!b.room || b.leaving) continue;
      if (hidden && b.side !== from.side) {
        this.run.metrics.hiddenPairs++;
        continue;
      }
      b.waiters.add({ sent, from, scan: b.events.length, match });
      sent.open++;
    }
    if (sent.kind === 'act' && (sent.action.type === 'propose' || sent.action.type === 'counter'))
      this.cls.console?.expectOffer(this.tableNo, from.side, sent.action.package, sent.sentAt);
  }

  /** A receiver's update holds the message's effect: one latency sample; the sender learns its answer. */
  delivered(w: Waiter, receiver: SeatBot, now: number): void {
    receiver.waiters.delete(w);
    const ms = now - w.sent.sentAt;
    const m = this.run.metrics;
    if (w.sent.kind === 'act') {
      m.moveLatency.push(ms);
      m.moveLatencyAt.push(now);
      if (ms > SLOW_MS)
        m.slowPairs.push({ at: now, ms, move: w.sent.action.type, where: `class ${this.cls.no} table ${this.tableNo} ${w.from.joined.seat}→${receiver.joined.seat}` });
      (receiver === w.from ? m.moveOwnLatency : m.moveOthersLatency).push(ms);
      if (this.hostile) m.moveLatencyBesideHostile.push(ms);
    } else m.signalLatency.push(ms);
    w.sent.open--;
    if (receiver === w.from) w.from.answered(w.sent);
  }

  /** A refused or overdue message: nobody waits for it any more. */
  cancel(sent: Sent): void {
    for (const b of this.bots)
      for (const w of b.waiters)
        if (w.sent === sent) {
          b.waiters.delete(w);
          sent.open--;
        }
  }

  /** Waits still open (a receiver never got the update holding a message's effect). */
  undelivered(): number {
    let n = 0;
    for (const b of this.bots) n += b.waiters.size;
    return n;
  }

  isAdviserDone(bot: SeatBot, round: number): boolean {
    return this.advisers.has(`${bot.joined.seat}:${round}`);
  }

  adviserDone(bot: SeatBot, round: number): void {
    this.advisers.add(`${bot.joined.seat}:${round}`);
    for (const b of this.bots) if (b.side === bot.side && b.isLead) b.consider();
  }

  /** Whether every adviser of the delegation has had its say in this round's domestic phase. */
  advisersDone(side: Side, round: number): boolean {
    return this.bots.every((b) => b.side !== side || b.isLead || !b.room || b.leaving || this.isAdviserDone(b, round));
  }

  sawUpdate(bot: SeatBot): void {
    if (!this.started && bot.update?.view) {
      this.started = true;
      this.run.metrics.tablesStarted++;
    }
  }

  seatFinished(): void {
    if (this.finished || !this.bots.every((b) => b.finished)) return;
    this.finished = true;
    this.run.metrics.gamesFinished++;
    this.cls.tableFinished();
  }
}

/** One class of the run: created by HTTP, its students joined and connected, its console watching. */
export class LoadClass {
  readonly tables: LoadTable[] = [];
  console: ConsoleWatch | null = null;
  /** Set before the driver ends the class, so the rooms closing is expected. */
  ending = false;
  ended = false;

  constructor(
    readonly run: RunContext,
    readonly no: number,
    readonly created: CreatedClass,
    private readonly onAllFinished: (cls: LoadClass) => void,
  ) {
    for (let n = 1; n <= created.config.tables; n++) this.tables.push(new LoadTable(this, n, (created.config.seed + n * 10) >>> 0));
  }

  get bots(): SeatBot[] {
    return this.tables.flatMap((t) => t.bots);
  }

  get hostiles(): HostileSeat[] {
    return this.tables.flatMap((t) => (t.hostile ? [t.hostile] : []));
  }

  tableFinished(): void {
    if (this.tables.every((t) => t.finished)) this.onAllFinished(this);
  }

  /** Tables playing now (started, not at their debrief). */
  get active(): number {
    return this.ended ? 0 : this.tables.filter((t) => !t.finished).length;
  }
}
