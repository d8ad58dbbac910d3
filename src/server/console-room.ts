// The Colyseus room of a class's console: the instructor joins it with the class id and secret and gets
// the class summary on joining and after every change. Commands travel by HTTP, not through this room (it
// answers only the console's heartbeat, 'ping').
// The room listens to its class's channel, where every table room of the class tells its summary
// wherever it runs; students and broadcasts come from the store when the channel says they changed.
import { type Client, Room, ServerError } from '@colyseus/core';
import { type Broadcast, type ClassSummary, ConsoleJoinOptionsSchema, parseMessage, seatIdsOf, type TableSummary } from '../content/classroom-schema';
import { SIDES } from '../engine';
import { classOfConsoleRoom, MAX_BROADCASTS, tableRoomId } from './class-hub';
import { answerPing } from './heartbeat';
import { HubError } from './hub-error';
import type { ClassNews } from './rooms';
import { secretMatches } from './secrets';
import type { ClassRecord, StudentRecord } from './store';
import { gameSummary } from './summary';
import { JOIN_REFUSED, type LocalTables, type RoomDeps, refuseJoin, type TableNews } from './table-room';

/** The console gets at most this many summaries per second. */
const SUMMARY_INTERVAL_MS = 200;
/** How long the console waits for a table's first summary when it opens (a table not running tells its own when it opens). */
const FIRST_SUMMARY_MS = 2000;

export function consoleRoomType(deps: RoomDeps, local: LocalTables) {
  return class ConsoleRoom extends Room {
    private classId!: string;
    private record!: ClassRecord;
    private students: StudentRecord[] = [];
    private broadcasts: Broadcast[] = [];
    private readonly tables = new Map<number, TableNews>();
    private feed: { timer: NodeJS.Timeout | null; lastAt: number } = { timer: null, lastAt: 0 };
    private stopListening: (() => void) | null = null;
    /** Store readings in flight, one after another, so an older reading never replaces a newer one. */
    private reading: Promise<void> = Promise.resolve();

    override async onCreate(options: { roomId?: unknown }): Promise<void> {
      const classId = typeof options?.roomId === 'string' ? classOfConsoleRoom(options.roomId) : null;
      const record = classId ? await deps.store.getClass(classId) : null;
      if (!classId || !record) throw new ServerError(JOIN_REFUSED, 'consoles are opened by their class, not by clients');
      this.roomId = options.roomId as string;
      this.classId = classId;
      this.record = record;
      this.autoDispose = false;
      this.patchRate = 0;
      this.onMessage('*', (client, type, payload) => {
        // The console's heartbeat (its page cannot see a connection that died without a close) is answered to the sender.
        if (type === 'ping') {
          const refused = answerPing(client, payload);
          if (refused) client.send('refused', refused);
          return;
        }
        client.send('refused', {
          code: 'bad-request',
          reason: `the console room takes only ping ("${String(type).slice(0, 32)}"): commands go to POST /api/classes/${this.classId}/commands`,
        });
      });
      // Listening first, then reading: a change made in between is heard, not lost.
      this.stopListening = await deps.rooms.listen(classId, (news) => this.heard(news));
      [this.students, this.broadcasts] = await Promise.all([deps.store.listStudents(classId), deps.store.listBroadcasts(classId, MAX_BROADCASTS)]);
      // Tables opened before this room listened told their summaries to nobody: asked once now.
      await Promise.all(
        Array.from({ length: record.config.tables }, (_, i) => i + 1).map(async (n) => {
          try {
            this.keep(await deps.rooms.call<TableNews>(tableRoomId(classId, n), 'hubSummary', [], FIRST_SUMMARY_MS));
          } catch {
            // Not running yet: it tells its summary on the channel when it opens.
          }
        }),
      );
    }

    private keep(news: TableNews): void {
      const had = this.tables.get(news.summary.tableNo);
      if (!had || had.at <= news.at) this.tables.set(news.summary.tableNo, news);
    }

    private heard(news: ClassNews): void {
      switch (news.kind) {
        case 'table':
          this.keep(news);
          this.changed();
          break;
        case 'broadcast':
          this.broadcasts = [...this.broadcasts, news.broadcast].slice(-MAX_BROADCASTS);
          this.changed();
          break;
        case 'students':
        case 'class':
          this.read(news.kind);
          break;
      }
    }

    private read(what: 'students' | 'class'): void {
      this.reading = this.reading
        .then(async () => {
          if (what === 'students') this.students = await deps.store.listStudents(this.classId);
          else this.record = (await deps.store.getClass(this.classId)) ?? this.record;
          this.changed();
        })
        .catch((e) => deps.log(`${this.roomId}: could not read the class's ${what}`, e));
    }

    override onAuth(_client: Client, options: unknown): true {
      try {
        const parsed = parseMessage(ConsoleJoinOptionsSchema, options, (path) => (path === 'secret' ? 'not-instructor' : 'bad-request'));
        if (!parsed.ok) throw new HubError(parsed.error.error, parsed.error.reason);
        if (parsed.value.classId !== this.classId) throw new HubError('unknown-class', `classId: this is not the console of class ${parsed.value.classId}`);
        if (!secretMatches(parsed.value.secret, this.record.secretHash)) throw new HubError('not-instructor', 'the instructor secret is missing or wrong');
        return true;
      } catch (e) {
        return refuseJoin(e);
      }
    }

    override onJoin(client: Client): void {
      client.send('summary', this.summary());
    }

    override onDispose(): void {
      this.stopListening?.();
      if (this.feed.timer) clearTimeout(this.feed.timer);
    }

    /** A table the console has not heard from: what the store says of its seats, no game shown. */
    private unheard(tableNo: number): TableSummary {
      const perSide = this.record.config.seatsPerSide;
      const seats = SIDES.flatMap((side) =>
        seatIdsOf(side, perSide).map((seat) => {
          const s = this.students.find((x) => x.tableNo === tableNo && x.seat === seat);
          return { seat, studentId: s?.id ?? null, name: s?.name ?? null, connected: false, ai: false };
        }),
      );
      return { tableNo, roomId: tableRoomId(this.classId, tableNo), status: 'waiting', ...gameSummary(null, Date.now()), seats };
    }

    private summary(): ClassSummary {
      const now = Date.now();
      const tables = Array.from({ length: this.record.config.tables }, (_, i) => i + 1).map((n) => {
        const heard = this.tables.get(n);
        if (!heard) return this.unheard(n);
        const t = heard.summary;
        // A countdown told some time ago has run on since (unless the table is paused).
        const countdownMs = t.countdownMs === null || t.paused ? t.countdownMs : Math.max(0, t.countdownMs - (now - heard.at));
        return { ...t, countdownMs };
      });
      return {
        classId: this.classId,
        joinCode: this.record.joinCode,
        config: this.record.config,
        status: this.record.status,
        tables,
        students: this.students.map((s) => ({
          studentId: s.id,
          name: s.name,
          tableNo: s.tableNo,
          seat: s.seat,
          connected: tables[s.tableNo - 1]?.seats.some((x) => x.studentId === s.id && x.connected) === true,
        })),
        broadcasts: this.broadcasts,
      };
    }

    /** Something the console shows changed: the consoles get a summary now, or when SUMMARY_INTERVAL_MS has passed. */
    private changed(): void {
      if (local.closing || this.feed.timer || this.clients.length === 0) return;
      const wait = Math.max(0, this.feed.lastAt + SUMMARY_INTERVAL_MS - Date.now());
      this.feed.timer = setTimeout(() => {
        this.feed.timer = null;
        this.feed.lastAt = Date.now();
        const summary = this.summary();
        for (const c of this.clients) c.send('summary', summary);
      }, wait);
    }
  };
}
