// The Colyseus room of one table, on whichever server process the matchmaker placed it. It carries
// messages only (no synchronised state). It owns the table's host, built from the store when the room is
// created (the class, its students, the stored game), so a table runs anywhere; the hub reaches it by
// matchMaker.remoteRoomCall for the methods below (students changed, console commands, the class ending).
// A student joins it with a seat token, and everything it receives goes to the table's host, which
// answers through the projection for the sender's seat.
import { type Client, Room, ServerError } from '@colyseus/core';
import { type Broadcast, parseMessage, TableJoinOptionsSchema, type TableSummary } from '../content/classroom-schema';
import { getScenario } from '../content/scenarios';
import { assignment, MAX_BROADCASTS, tableOfRoom } from './class-hub';
import { HubError, joinRefusalMessage } from './hub-error';
import type { RoomRouter } from './rooms';
import { hashSecret } from './secrets';
import type { ClassRecord, ClassroomStore, ClassStatus } from './store';
import { type StudentLive, type TableCommand, type TableContext, TableHost, type TableRefusal } from './table-host';

/** Unknown seat tokens make a table read its students again at most once in this interval. */
const RELOAD_GAP_MS = 1000;

/** Colyseus error code for a refused join; the message is the JSON of the ClassroomError. */
export const JOIN_REFUSED = 4403;

export const refuseJoin = (e: unknown): never => {
  if (e instanceof HubError) throw new ServerError(JOIN_REFUSED, joinRefusalMessage(e));
  throw e;
};

export interface RoomDeps {
  store: ClassroomStore;
  rooms: RoomRouter;
  graceMs: number;
  log(message: string, error?: unknown): void;
}

/** The tables this process hosts: saved and stopped when the server shuts down. */
export class LocalTables {
  readonly hosts = new Set<TableHost>();
  closing = false;

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.hosts].map((h) => h.close()));
  }
}

/** A table's summary as it travels to its console: `at` dates its countdown. */
export interface TableNews {
  summary: TableSummary;
  at: number;
}

const asRefusal = (e: HubError | TableRefusal | null): TableRefusal | null => (e ? { code: e.code, reason: e.reason } : null);

export function tableRoomType(deps: RoomDeps, local: LocalTables) {
  return class TableRoom extends Room {
    private host!: TableHost;
    private record!: ClassRecord;
    /** The class's students (the host reads those at its table); records replaced in place, so connections keep theirs. */
    private readonly students = new Map<string, StudentLive>();
    private broadcasts: Broadcast[] = [];
    private reloading: Promise<void> | null = null;
    private reloadedAt = 0;

    override async onCreate(options: { roomId?: unknown }): Promise<void> {
      const where = typeof options?.roomId === 'string' ? tableOfRoom(options.roomId) : null;
      if (!where) throw new ServerError(JOIN_REFUSED, 'tables are opened by their class, not by clients');
      const record = await deps.store.getClass(where.classId);
      const scenario = record ? getScenario(record.config.scenarioId) : undefined;
      if (!record || record.status === 'ended' || where.tableNo > record.config.tables || !scenario)
        throw new ServerError(JOIN_REFUSED, `no open class ${where.classId} with a table ${where.tableNo}`);
      this.roomId = options.roomId as string;
      this.record = record;
      this.autoDispose = false;
      // Plain messages only: no state to patch.
      this.patchRate = 0;
      await this.loadStudents();
      this.broadcasts = await deps.store.listBroadcasts(record.id, MAX_BROADCASTS);
      const ctx: TableContext = {
        classId: record.id,
        config: record.config,
        scenario,
        store: deps.store,
        graceMs: deps.graceMs,
        studentsAt: (tableNo) => [...this.students.values()].filter((s) => s.record.tableNo === tableNo),
        broadcasts: () => this.broadcasts,
        changed: () => deps.rooms.tell(record.id, { kind: 'table', ...this.hubSummary() }),
        log: deps.log,
      };
      const host = new TableHost(ctx, where.tableNo);
      const stored = await deps.store.getTable(record.id, where.tableNo);
      if (stored?.envelope) {
        const failed = host.restore(stored);
        if (failed) deps.log(`class ${record.id}: ${failed.reason}`);
      }
      this.host = host;
      host.attachRoom(this);
      local.hosts.add(host);
      this.onMessage('*', (client, type, message) => {
        try {
          host.message(client, type, message);
        } catch (e) {
          deps.log(`${this.roomId}: message "${String(type).slice(0, 32)}" failed`, e);
          client.send('refused', { code: 'refused', reason: 'the server could not handle this message' });
        }
      });
      // A console already listening learns this table is (again) open.
      ctx.changed();
    }

    /** Reads the class's students again: those whose seat changed since the last reading, and whether any is new. */
    private async loadStudents(): Promise<{ moved: StudentLive[]; added: boolean }> {
      const [records, seqs] = await Promise.all([deps.store.listStudents(this.record.id), deps.store.studentSeqs(this.record.id)]);
      const moved: StudentLive[] = [];
      let added = false;
      for (const r of records) {
        const stored = seqs.get(r.id) ?? 0;
        const s = this.students.get(r.id);
        if (!s) {
          this.students.set(r.id, { record: r, lastSeq: stored });
          added = true;
          continue;
        }
        if (s.record.tableNo !== r.tableNo || s.record.seat !== r.seat) moved.push(s);
        s.record = r;
        // Another table (maybe on another process) may have answered this student's later moves.
        s.lastSeq = Math.max(s.lastSeq, stored);
      }
      return { moved, added };
    }

    /**
     * Reads the students again for a token this room does not know: callers at the same moment share one
     * reading, and a reading finished less than RELOAD_GAP_MS ago is not repeated (a flood of forged or
     * stale tokens cannot turn into a flood of queries).
     */
    private reloadForUnknownToken(): Promise<void> {
      if (Date.now() - this.reloadedAt < RELOAD_GAP_MS) return this.reloading ?? Promise.resolve();
      this.reloading ??= this.loadStudents()
        .then(({ moved, added }) => {
          if (moved.length || added) this.seatsChanged(moved);
        })
        .finally(() => {
          this.reloadedAt = Date.now();
          this.reloading = null;
        });
      return this.reloading;
    }

    private seatsChanged(moved: readonly StudentLive[]): void {
      for (const s of moved) this.host.release(s.record.id, assignment(s.record, this.record));
      this.host.seatsChanged();
      // A table of a started class that could not start (no players) starts once it can.
      if (this.record.status === 'started' && this.host.tableStatus === 'waiting') this.host.start();
    }

    // ——— called by the hub (matchMaker.remoteRoomCall), from any process; named hub* apart from Room's own methods ———

    /** Students joined or moved: a moved student's client is told where to go, and who plays each delegation follows. */
    async hubStudentsChanged(status: ClassStatus): Promise<null> {
      this.record = { ...this.record, status };
      this.seatsChanged((await this.loadStudents()).moved);
      return null;
    }

    hubStart(): TableRefusal | null {
      this.record = { ...this.record, status: 'started' };
      return asRefusal(this.host.start());
    }

    hubCommand(cmd: TableCommand): TableRefusal | null {
      return asRefusal(this.host.command(cmd));
    }

    hubBroadcast(b: Broadcast): null {
      this.broadcasts = [...this.broadcasts, b].slice(-MAX_BROADCASTS);
      this.host.broadcast(b);
      return null;
    }

    async hubEnd(): Promise<null> {
      this.record = { ...this.record, status: 'ended' };
      await this.host.end();
      return null;
    }

    hubSummary(): TableNews {
      const at = Date.now();
      return { summary: this.host.summary(at), at };
    }

    // ——— students' connections ———

    override async onAuth(_client: Client, options: unknown): Promise<{ student: StudentLive }> {
      try {
        const parsed = parseMessage(TableJoinOptionsSchema, options);
        if (!parsed.ok) throw new HubError(parsed.error.error, parsed.error.reason);
        const hash = hashSecret(parsed.value.token);
        const find = () => [...this.students.values()].find((s) => s.record.tokenHash === hash);
        let student = find();
        // A student who joined or was moved here before this room heard of it (the hub tells the room before
        // it answers the join, so this is a fallback). A forged token changes nothing: the table moves on only
        // if the store says someone came or moved; and a flood of them costs one reading of the store a second.
        if (!student || student.record.tableNo !== this.host.tableNo) {
          await this.reloadForUnknownToken();
          student = find();
        }
        if (!student) throw new HubError('bad-token', 'token: this seat token is not for this class');
        if (this.record.status === 'ended') throw new HubError('class-ended', 'this class has ended');
        if (student.record.tableNo !== this.host.tableNo)
          throw new HubError('bad-token', `token: this student sits at table ${student.record.tableNo}, not ${this.host.tableNo}`);
        return { student };
      } catch (e) {
        return refuseJoin(e);
      }
    }

    override onJoin(client: Client, _options: unknown, auth: { student: StudentLive }): void {
      this.host.connect(auth.student, client);
    }

    override onLeave(client: Client): void {
      this.host.disconnect(client);
    }

    override onDispose(): void {
      if (this.host) local.hosts.delete(this.host);
    }
  };
}
