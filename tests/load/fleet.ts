// The classes of a run: created, filled and started by HTTP as an instructor and students would, kept at
// the target number of tables playing (a class runs one game per table, so the tables that reach their
// debrief are replaced by a fresh class of the same seats per delegation), ended when all their games
// are over, and at the end paused, checked against the stored games, and ended.
import { type ClassTimersSchema, type CreatedClass, MAX_TABLES, seatIdsOf } from '../../src/content/classroom-schema';
import { seatInfo } from '../../src/server/seating';
import type { z } from 'zod';
import { type Api, HttpFailure } from './http';
import { compareEvents, seatProjection, storedEvents } from './lost-events';
import { HostileSeat, type HostileTally } from './hostile';
import { ConsoleWatch, LoadClass, type RunContext, SeatBot } from './table';

export interface FleetOptions {
  tables: number;
  seatsPerSide: number;
  scenarioId: string;
  timers: z.input<typeof ClassTimersSchema>;
  /** One table in this many (tables 1, 1 + n, …) of each class has a hostile adviser; 0 for none. */
  hostileEvery: number;
  tally: HostileTally;
}

export interface EventAudit {
  seatsChecked: number;
  tablesChecked: number;
  eventsExpected: number;
  lost: number;
  extra: number;
  /** The first seats whose events differ from the stored game, with where. */
  mismatches: string[];
  /** Tables whose stored game could not be read or replayed. */
  unreadable: string[];
}

/** Runs `fn` over the items with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Fleet {
  readonly classes: LoadClass[] = [];
  /** Tables being created (counted as playing, so the top-up does not create them twice). */
  private creating = 0;
  private topUpTimer: NodeJS.Timeout | null = null;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly run: RunContext,
    private readonly api: Api,
    private readonly opts: FleetOptions,
  ) {}

  /** Tables started and not at their debrief. */
  get activeTables(): number {
    let n = 0;
    for (const c of this.classes) for (const t of c.tables) if (t.started && !t.finished && !c.ended) n++;
    return n;
  }

  get playingOrStarting(): number {
    let n = 0;
    for (const c of this.classes) n += c.active;
    return n + this.creating;
  }

  get connectedClients(): number {
    let n = 0;
    for (const c of this.classes) for (const b of c.bots) if (b.room && !b.leaving) n++;
    return n;
  }

  /** Creates, fills and starts one class of `tables` tables; errors are recorded, and the class dropped. */
  async addClass(tables: number): Promise<LoadClass | null> {
    const no = this.classes.length + 1;
    this.creating += tables;
    const window: [number, number] = [performance.now(), Number.POSITIVE_INFINITY];
    this.run.metrics.creating.push(window);
    try {
      const created: CreatedClass = await this.api.createClass({
        scenarioId: this.opts.scenarioId,
        tables,
        seatsPerSide: this.opts.seatsPerSide,
        timers: this.opts.timers,
        aiForEmptySeats: false,
        seed: (this.run.seed + no * 1000) % 2_147_483_647,
        sameSeed: false,
        title: `Load test class ${no}`,
      });
      const cls = new LoadClass(this.run, no, created, (c) => this.allFinished(c));
      this.classes.push(cls);
      cls.console = new ConsoleWatch(this.run, cls);
      await cls.console.connect();
      const names = Array.from({ length: tables * 2 * this.opts.seatsPerSide }, (_, i) => `Class ${no} student ${i + 1}`);
      const hostileSeat = this.opts.seatsPerSide >= 2 && this.opts.hostileEvery > 0 ? seatIdsOf('mx', this.opts.seatsPerSide)[1]! : null;
      await pool(names, 8, async (name) => {
        const joined = await this.api.join(created.joinCode, name);
        const table = cls.tables[joined.tableNo - 1]!;
        if (joined.seat === hostileSeat && (joined.tableNo - 1) % this.opts.hostileEvery === 0) table.hostile = new HostileSeat(this.run, table, joined, this.opts.tally);
        else table.bots.push(new SeatBot(this.run, table, joined));
      });
      const seats = [...seatIdsOf('us', this.opts.seatsPerSide), ...seatIdsOf('mx', this.opts.seatsPerSide)];
      for (const t of cls.tables) {
        const held = [...t.bots.map((b) => b.joined.seat), ...(t.hostile ? [t.hostile.joined.seat] : [])].sort();
        if (held.join() !== [...seats].sort().join()) this.run.errors.add('seating', `class ${no} table ${t.tableNo}`, `seats held: ${held.join(', ')}`);
        // Seat order within a table: leads first, so a table's clients are listed the same way every run.
        t.bots.sort((a, b) => seats.indexOf(a.joined.seat) - seats.indexOf(b.joined.seat));
      }
      await pool([...cls.bots, ...cls.hostiles], 8, async (b) => {
        try {
          await b.connect();
        } catch (e) {
          this.run.errors.add('join', b.name, `joining the table room: ${(e as Error).message}`);
        }
      });
      for (const h of cls.hostiles) h.start();
      const started = await this.api.command(created, { op: 'start' });
      for (const r of started.refused) this.run.errors.add('start', `class ${no} table ${r.tableNo}`, `${r.code}: ${r.reason}`);
      return cls;
    } catch (e) {
      if (!(e instanceof HttpFailure)) this.run.errors.add('driver', `class ${no}`, (e as Error).stack ?? String(e));
      return null;
    } finally {
      this.creating -= tables;
      window[1] = performance.now();
    }
  }

  /**
   * Keeps the target number of tables playing: a class for the tables that finished, once a quarter of
   * the target is missing or a table has been missing for 10 s (so tables finishing one by one do not
   * make a class each: the server limits class creations per address and minute).
   */
  startTopUp(): void {
    let missingSince: number | null = null;
    this.topUpTimer = setInterval(() => {
      this.busy = this.busy.then(async () => {
        if (this.run.stopping) return;
        const missing = Math.min(MAX_TABLES, this.opts.tables - this.playingOrStarting);
        if (missing <= 0) {
          missingSince = null;
          return;
        }
        missingSince ??= Date.now();
        if (missing < Math.ceil(this.opts.tables / 4) && Date.now() - missingSince < 10_000) return;
        missingSince = null;
        await this.addClass(missing);
      });
    }, 1000);
  }

  stopTopUp(): Promise<void> {
    if (this.topUpTimer) clearInterval(this.topUpTimer);
    this.topUpTimer = null;
    return this.busy;
  }

  /** Every game of the class is over: the instructor ends it (its rooms close). */
  private allFinished(cls: LoadClass): void {
    if (cls.ending || this.run.stopping) return;
    void this.end(cls);
  }

  private async end(cls: LoadClass): Promise<void> {
    cls.ending = true;
    try {
      await this.api.command(cls.created, { op: 'end' });
    } catch {
      // recorded by the API helper
    }
    cls.ended = true;
  }

  /** Overdue answers become errors (checked every few seconds). */
  checkOverdue(): void {
    const now = performance.now();
    for (const c of this.classes) for (const b of c.bots) b.checkOverdue(now);
  }

  /**
   * The end of the run: no new moves; the answers still due arrive; every class still running is paused
   * (so no timer changes a game while it is checked) and its clients have the pause; then each seat's
   * events are compared with the stored game, and the classes are ended.
   */
  async finish(): Promise<EventAudit> {
    this.run.stopping = true;
    await this.stopTopUp();
    const hostiles = this.classes.flatMap((c) => c.hostiles);
    await Promise.all(hostiles.map((h) => h.stop()));
    const bots = this.classes.flatMap((c) => c.bots);
    for (const b of bots) b.clearThink();
    const quiet = async (what: string, done: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!done() && Date.now() < deadline) await sleep(100);
      if (!done()) this.run.errors.add('finish', 'driver', `gave up waiting for ${what}`);
    };
    await quiet('the last answers', () => bots.every((b) => !b.inFlight), 15_000);
    const live = this.classes.filter((c) => !c.ending);
    await Promise.all(live.map((c) => this.api.command(c.created, { op: 'pause', target: 'all' }).catch(() => undefined)));
    // A game already over is not paused (the table refuses): nothing changes its events any more.
    const playing = (b: SeatBot) => b.room && !b.leaving && !b.finished && b.table.started && !b.table.cls.ending && b.update?.view?.phase !== 'ended';
    const hostilePlaying = (h: HostileSeat) => h.room && h.table.started && !h.table.finished && !h.table.cls.ending && h.update?.view?.phase !== 'ended';
    await quiet(
      'every client to see its table paused',
      () => bots.every((b) => !playing(b) || b.update?.paused === true) && hostiles.every((h) => !hostilePlaying(h) || h.update?.paused === true),
      15_000,
    );
    await quiet('the classes being ended', () => this.classes.every((c) => !c.ending || c.ended), 15_000);
    const audit = await this.audit();
    for (const c of live) c.ending = true;
    await Promise.all(live.map((c) => this.api.command(c.created, { op: 'end' }).catch(() => undefined)));
    // Ending a class closes its rooms; a client the server has not closed yet leaves (without waiting long).
    const gone = Promise.all([...bots.map((b) => b.leave()), ...hostiles.map((h) => h.leave()), ...this.classes.map((c) => c.console?.leave())]);
    await Promise.race([gone, sleep(3000)]);
    return audit;
  }

  private async audit(): Promise<EventAudit> {
    const a: EventAudit = { seatsChecked: 0, tablesChecked: 0, eventsExpected: 0, lost: 0, extra: 0, mismatches: [], unreadable: [] };
    for (const cls of this.classes) {
      let results: Awaited<ReturnType<Api['results']>>;
      try {
        results = await this.api.results(cls.created);
      } catch {
        a.unreadable.push(`class ${cls.no}: results not available`);
        continue;
      }
      for (const t of cls.tables) {
        const stored = results.tables.find((x) => x.tableNo === t.tableNo);
        if (!t.started && !stored?.envelope) continue;
        if (!stored?.envelope) {
          a.unreadable.push(`class ${cls.no} table ${t.tableNo}: no stored game`);
          continue;
        }
        const all = storedEvents(stored.envelope);
        if (!all.ok) {
          a.unreadable.push(`class ${cls.no} table ${t.tableNo}: ${all.reason}`);
          continue;
        }
        a.tablesChecked++;
        // The hostile seat is checked too (while connected it gets its seat's events like anyone; it reconnects after its giant frame).
        for (const b of [...t.bots, ...(t.hostile ? [t.hostile] : [])]) {
          const engineSeat = seatInfo(b.joined.seat, cls.created.config.seatsPerSide)!.engineSeat;
          const check = compareEvents(b.events, seatProjection(all.events, engineSeat));
          a.seatsChecked++;
          a.eventsExpected += check.expected;
          a.lost += check.lost;
          a.extra += check.extra;
          if ((check.lost || check.extra) && a.mismatches.length < 10)
            a.mismatches.push(
              `class ${cls.no} table ${t.tableNo} ${b.joined.seat} (${b.name}): expected ${check.expected} events, received ${check.received}, first difference at ${check.firstDifference}`,
            );
        }
      }
    }
    return a;
  }

  /** (move, receiver) waits never satisfied: updates a client never got. */
  undelivered(): number {
    let n = 0;
    for (const c of this.classes) for (const t of c.tables) n += t.undelivered();
    return n;
  }
}
