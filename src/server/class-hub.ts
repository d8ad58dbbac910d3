// The classes this server hosts: creating one, seating students, the instructor's commands, the console's
// summary, and bringing every class not ended back after a restart. Rooms and HTTP are the server's
// business (server.ts, http-api.ts, *-room.ts); the hub decides, the store keeps the records.
import { randomInt } from 'node:crypto';
import type { Client } from '@colyseus/core';
import {
  type Broadcast,
  type ClassConfig,
  type ClassResults,
  type ClassSummary,
  type CommandResult,
  ConsoleCommandSchema,
  ConsoleJoinOptionsSchema,
  type CreatedClass,
  CreateClassRequestSchema,
  type Joined,
  JoinRequestSchema,
  parseMessage,
  type SeatAssignment,
  seatIdsOf,
  TableJoinOptionsSchema,
} from '../content/classroom-schema';
import type { Scenario } from '../content/scenario-schema';
import { getScenario } from '../content/scenarios';
import { HubError } from './hub-error';
import { chooseSeat, seatInfo } from './seating';
import { hashSecret, newId, newJoinCode, newSecret, secretMatches } from './secrets';
import { type ClassRecord, type ClassroomStore, StoreConflict, type StudentRecord } from './store';
import { type StudentLive, type TableContext, TableHost, type TableRefusal } from './table-host';

export interface HubOptions {
  store: ClassroomStore;
  graceMs: number;
  /** Opens a Colyseus room of this type with this id (the room finds its table or class through the hub). */
  openRoom(type: 'table' | 'console', roomId: string): Promise<void>;
  log(message: string, error?: unknown): void;
}

interface LiveClass {
  record: ClassRecord;
  scenario: Scenario;
  students: Map<string, StudentLive>;
  tables: TableHost[];
  broadcasts: Broadcast[];
  consoles: Set<Client>;
  feed: { timer: NodeJS.Timeout | null; lastAt: number };
  /** Joins and commands of one class run one at a time, so seating and commands see a settled class. */
  queue: Promise<unknown>;
}

/** The console gets at most this many summaries per second. */
const SUMMARY_INTERVAL_MS = 200;
/** Broadcasts kept for the summary and for students who join later. */
const MAX_BROADCASTS = 100;
const CONSOLE_SUFFIX = '-console';

export const consoleRoomId = (classId: string): string => `${classId}${CONSOLE_SUFFIX}`;

export class ClassHub {
  private readonly classes = new Map<string, LiveClass>();
  private readonly byCode = new Map<string, string>();
  private readonly byToken = new Map<string, { classId: string; studentId: string }>();
  private readonly tablesByRoom = new Map<string, { cls: LiveClass; host: TableHost }>();
  private closing = false;

  constructor(private readonly opts: HubOptions) {}

  // ——— lifecycle ———

  /** Brings back every class not ended: its students, seats and tables (started games replayed from their envelopes). */
  async restore(): Promise<void> {
    for (const record of await this.opts.store.listOpenClasses()) {
      const scenario = getScenario(record.config.scenarioId);
      if (!scenario) {
        this.opts.log(`class ${record.id}: scenario ${record.config.scenarioId} is no longer in the library; not restored`);
        continue;
      }
      const cls = this.live(record, scenario);
      for (const s of await this.opts.store.listStudents(record.id)) this.addStudent(cls, s);
      const stored = await this.opts.store.listTables(record.id);
      for (const t of stored) {
        const host = cls.tables[t.tableNo - 1];
        if (!host || !t.envelope) continue;
        const failed = host.restore(t);
        if (failed) this.opts.log(`class ${record.id}: ${failed.reason}`);
      }
      await this.openRooms(cls);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const cls of this.classes.values()) {
      if (cls.feed.timer) clearTimeout(cls.feed.timer);
      await Promise.all(cls.tables.map((t) => t.close()));
    }
  }

  private live(record: ClassRecord, scenario: Scenario): LiveClass {
    const cls: LiveClass = {
      record,
      scenario,
      students: new Map(),
      tables: [],
      broadcasts: [],
      consoles: new Set(),
      feed: { timer: null, lastAt: 0 },
      queue: Promise.resolve(),
    };
    const ctx: TableContext = {
      classId: record.id,
      config: record.config,
      scenario,
      store: this.opts.store,
      graceMs: this.opts.graceMs,
      studentsAt: (tableNo) => [...cls.students.values()].filter((s) => s.record.tableNo === tableNo),
      broadcasts: () => cls.broadcasts,
      changed: () => this.summaryChanged(cls),
      log: this.opts.log,
    };
    for (let n = 1; n <= record.config.tables; n++) {
      const host = new TableHost(ctx, n);
      cls.tables.push(host);
      this.tablesByRoom.set(host.roomId, { cls, host });
    }
    this.classes.set(record.id, cls);
    this.byCode.set(record.joinCode, record.id);
    return cls;
  }

  private async openRooms(cls: LiveClass): Promise<void> {
    for (const t of cls.tables) await this.opts.openRoom('table', t.roomId);
    await this.opts.openRoom('console', consoleRoomId(cls.record.id));
  }

  private addStudent(cls: LiveClass, record: StudentRecord): StudentLive {
    const s: StudentLive = { record, lastSeq: 0 };
    cls.students.set(record.id, s);
    this.byToken.set(record.tokenHash, { classId: cls.record.id, studentId: record.id });
    return s;
  }

  private locked<T>(cls: LiveClass, fn: () => Promise<T>): Promise<T> {
    const run = cls.queue.then(fn, fn);
    cls.queue = run.catch(() => undefined);
    return run;
  }

  // ——— the instructor ———

  async createClass(raw: unknown): Promise<CreatedClass> {
    const parsed = parseMessage(CreateClassRequestSchema, raw);
    if (!parsed.ok) throw new HubError(parsed.error.error, parsed.error.reason);
    const req = parsed.value;
    const scenario = getScenario(req.scenarioId);
    if (!scenario) throw new HubError('unknown-scenario', `scenarioId: no scenario "${req.scenarioId}"`);
    const config: ClassConfig = { ...req, seed: req.seed ?? randomInt(0, 2_147_483_647), title: req.title ?? scenario.title[req.lang] };
    const secret = newSecret();
    let record: ClassRecord | null = null;
    // A join code already in use is drawn again (about 2^39 codes: a retry is rare, several in a row are not).
    for (let attempt = 0; attempt < 5 && !record; attempt++) {
      const candidate: ClassRecord = { id: newId(), joinCode: newJoinCode(), secretHash: hashSecret(secret), config, status: 'open', createdAt: new Date().toISOString() };
      try {
        await this.opts.store.createClass(candidate);
        record = candidate;
      } catch (e) {
        if (!(e instanceof StoreConflict && e.code === 'code-taken')) throw e;
      }
    }
    if (!record) throw new Error('no free join code after 5 draws');
    const cls = this.live(record, scenario);
    await this.openRooms(cls);
    return { classId: record.id, joinCode: record.joinCode, instructorSecret: secret, consolePath: `/#/console/${record.id}/${secret}`, config };
  }

  /** The class whose instructor secret this is (from the `Authorization: Bearer` header). */
  private instructorOf(classId: string, bearer: string | null): LiveClass {
    const cls = this.classes.get(classId);
    if (!cls) throw new HubError('unknown-class', `no class ${classId} is running on this server`);
    if (!bearer || !secretMatches(bearer, cls.record.secretHash)) throw new HubError('not-instructor', 'the instructor secret is missing or wrong');
    return cls;
  }

  async command(classId: string, bearer: string | null, raw: unknown): Promise<CommandResult> {
    const stored = this.classes.has(classId) ? null : await this.opts.store.getClass(classId);
    if (stored) {
      if (!bearer || !secretMatches(bearer, stored.secretHash)) throw new HubError('not-instructor', 'the instructor secret is missing or wrong');
      throw new HubError('class-ended', `class ${classId} has ended`);
    }
    const cls = this.instructorOf(classId, bearer);
    const parsed = parseMessage(ConsoleCommandSchema, raw);
    if (!parsed.ok) throw new HubError(parsed.error.error, parsed.error.reason);
    const cmd = parsed.value;
    return this.locked(cls, async () => {
      if (cls.record.status === 'ended') throw new HubError('class-ended', `class ${classId} has ended`);
      const refused: CommandResult['refused'] = [];
      const each = (target: 'all' | number, apply: (t: TableHost) => TableRefusal | null) => {
        if (target !== 'all' && target > cls.tables.length) throw new HubError('unknown-table', `target: the class has ${cls.tables.length} tables`);
        for (const t of target === 'all' ? cls.tables : [cls.tables[target - 1]!]) {
          const r = apply(t);
          if (r) refused.push({ tableNo: t.tableNo, ...r });
        }
      };
      const needStarted = () => {
        if (cls.record.status !== 'started') throw new HubError('not-started', 'start the class first');
      };
      switch (cmd.op) {
        case 'start': {
          if (cls.record.status === 'started') throw new HubError('already-started', 'the class has already started');
          await this.opts.store.setClassStatus(classId, 'started');
          cls.record = { ...cls.record, status: 'started' };
          each('all', (t) => {
            const e = t.start();
            return e ? { code: e.code, reason: e.reason } : null;
          });
          break;
        }
        case 'pause':
        case 'resume':
          needStarted();
          each(cmd.target, (t) => t.command({ op: cmd.op }));
          break;
        case 'extend':
          needStarted();
          each(cmd.target, (t) => t.command({ op: 'extend', ms: cmd.seconds * 1000 }));
          break;
        case 'inject':
          needStarted();
          each(cmd.target, (t) => t.command({ op: 'inject', shock: cmd.shock }));
          break;
        case 'override':
          needStarted();
          each(cmd.target, (t) => t.command({ op: 'override', overrides: cmd.overrides }));
          break;
        case 'broadcast': {
          const b: Broadcast = { text: cmd.text, at: new Date().toISOString() };
          cls.broadcasts = [...cls.broadcasts, b].slice(-MAX_BROADCASTS);
          for (const t of cls.tables) t.broadcast(b);
          break;
        }
        case 'seat':
          await this.seat(cls, cmd.studentId, cmd.tableNo, cmd.seat);
          break;
        case 'end':
          await this.opts.store.setClassStatus(classId, 'ended');
          cls.record = { ...cls.record, status: 'ended' };
          await Promise.all(cls.tables.map((t) => t.end()));
          break;
      }
      this.summaryChanged(cls);
      return { ok: refused.length === 0, refused };
    });
  }

  /** The instructor seats a student: its client is told where to go and rejoins there. */
  private async seat(cls: LiveClass, studentId: string, tableNo: number, seat: string): Promise<void> {
    const student = cls.students.get(studentId);
    if (!student) throw new HubError('unknown-student', `studentId: no student ${studentId} in this class`);
    const to = cls.tables[tableNo - 1];
    if (!to) throw new HubError('unknown-table', `tableNo: the class has ${cls.tables.length} tables`);
    const info = seatInfo(seat, cls.record.config.seatsPerSide);
    if (!info) throw new HubError('bad-request', `seat: "${seat}" is not a seat of this class (${[...seatIdsOf('us', cls.record.config.seatsPerSide), ...seatIdsOf('mx', cls.record.config.seatsPerSide)].join(', ')})`);
    if (student.record.tableNo === tableNo && student.record.seat === seat) return;
    const holder = [...cls.students.values()].find((s) => s.record.tableNo === tableNo && s.record.seat === seat);
    if (holder) throw new HubError('table-full', `seat ${seat} at table ${tableNo} is held by ${holder.record.name}`);
    try {
      await this.opts.store.moveStudent(studentId, tableNo, seat);
    } catch (e) {
      if (e instanceof StoreConflict) throw new HubError('table-full', `seat ${seat} at table ${tableNo} is taken`);
      throw e;
    }
    const from = cls.tables[student.record.tableNo - 1]!;
    student.record = { ...student.record, tableNo, seat };
    from.release(studentId, this.assignment(student, cls));
    from.seatsChanged();
    if (to !== from) to.seatsChanged();
    this.startLate(cls, to);
  }

  /** A table of a started class that could not start (no players) starts once it can. */
  private startLate(cls: LiveClass, t: TableHost): void {
    if (cls.record.status === 'started' && t.tableStatus === 'waiting') t.start();
  }

  private assignment(s: StudentLive, cls: LiveClass): SeatAssignment {
    const info = seatInfo(s.record.seat, cls.record.config.seatsPerSide)!;
    return { tableNo: s.record.tableNo, seat: s.record.seat, side: info.side, role: info.role, roomId: cls.tables[s.record.tableNo - 1]!.roomId };
  }

  async results(classId: string, bearer: string | null): Promise<ClassResults> {
    const record = await this.opts.store.getClass(classId);
    if (!record) throw new HubError('unknown-class', `no class ${classId}`);
    if (!bearer || !secretMatches(bearer, record.secretHash)) throw new HubError('not-instructor', 'the instructor secret is missing or wrong');
    const [tables, students] = await Promise.all([this.opts.store.listTables(classId), this.opts.store.listStudents(classId)]);
    const perSide = record.config.seatsPerSide;
    return {
      classId,
      config: record.config,
      status: record.status,
      tables: tables
        .sort((a, b) => a.tableNo - b.tableNo)
        .map((t) => ({
          tableNo: t.tableNo,
          status: t.status,
          seats: [...seatIdsOf('us', perSide), ...seatIdsOf('mx', perSide)].map((seat) => ({
            seat,
            name: students.find((s) => s.tableNo === t.tableNo && s.seat === seat)?.name ?? null,
            ai: t.aiSeats.includes(seat),
          })),
          envelope: t.envelope as ClassResults['tables'][number]['envelope'],
        })),
    };
  }

  // ——— students ———

  async join(raw: unknown): Promise<Joined> {
    const parsed = parseMessage(JoinRequestSchema, raw, (path) => (path.startsWith('name') ? 'bad-name' : 'bad-request'));
    if (!parsed.ok) throw new HubError(parsed.error.error, parsed.error.reason);
    const { code, name } = parsed.value;
    const classId = this.byCode.get(code);
    const cls = classId ? this.classes.get(classId) : undefined;
    if (!cls) {
      const stored = await this.opts.store.findClassByCode(code);
      if (stored?.status === 'ended') throw new HubError('class-ended', 'code: this class has ended');
      throw new HubError('bad-code', `code: no open class has the join code ${code}`);
    }
    return this.locked(cls, async () => {
      if (cls.record.status === 'ended') throw new HubError('class-ended', 'code: this class has ended');
      const lower = name.toLowerCase();
      if ([...cls.students.values()].some((s) => s.record.name.toLowerCase() === lower))
        throw new HubError('name-taken', `name: another student of this class is called ${name}`);
      const spot = chooseSeat(
        cls.tables.map((t) => ({
          tableNo: t.tableNo,
          open: t.tableStatus !== 'ended',
          taken: new Set([...cls.students.values()].filter((s) => s.record.tableNo === t.tableNo).map((s) => s.record.seat)),
        })),
        cls.record.config.seatsPerSide,
      );
      if (!spot) throw new HubError('class-full', 'every seat at every table still playing is taken');
      const token = newSecret();
      const record: StudentRecord = { id: newId(), classId: cls.record.id, name, tokenHash: hashSecret(token), tableNo: spot.tableNo, seat: spot.seat, joinedAt: new Date().toISOString() };
      try {
        await this.opts.store.addStudent(record);
      } catch (e) {
        if (e instanceof StoreConflict && e.code === 'name-taken') throw new HubError('name-taken', `name: another student of this class is called ${name}`);
        if (e instanceof StoreConflict) throw new HubError('class-full', 'the seat chosen was taken meanwhile; try again');
        throw e;
      }
      const student = this.addStudent(cls, record);
      const table = cls.tables[spot.tableNo - 1]!;
      table.seatsChanged();
      this.startLate(cls, table);
      this.summaryChanged(cls);
      return {
        ...this.assignment(student, cls),
        classId: cls.record.id,
        studentId: record.id,
        token,
        name,
        scenarioId: cls.record.config.scenarioId,
        lang: cls.record.config.lang,
      };
    });
  }

  // ——— rooms ———

  tableOfRoom(roomId: string): TableHost | undefined {
    return this.tablesByRoom.get(roomId)?.host;
  }

  classOfConsoleRoom(roomId: string): string | undefined {
    if (!roomId.endsWith(CONSOLE_SUFFIX)) return undefined;
    const classId = roomId.slice(0, -CONSOLE_SUFFIX.length);
    return this.classes.has(classId) ? classId : undefined;
  }

  /** A student's seat token joining a table's room: the student, or why not. */
  authStudent(roomId: string, options: unknown): StudentLive {
    const parsed = parseMessage(TableJoinOptionsSchema, options);
    if (!parsed.ok) throw new HubError(parsed.error.error, parsed.error.reason);
    const entry = this.tablesByRoom.get(roomId);
    const found = this.byToken.get(hashSecret(parsed.value.token));
    if (!entry || !found || found.classId !== entry.cls.record.id) throw new HubError('bad-token', 'token: this seat token is not for this class');
    if (entry.cls.record.status === 'ended') throw new HubError('class-ended', 'this class has ended');
    const student = entry.cls.students.get(found.studentId)!;
    if (student.record.tableNo !== entry.host.tableNo)
      throw new HubError('bad-token', `token: this student sits at table ${student.record.tableNo}, not ${entry.host.tableNo}`);
    return student;
  }

  authConsole(roomId: string, options: unknown): string {
    const parsed = parseMessage(ConsoleJoinOptionsSchema, options, (path) => (path === 'secret' ? 'not-instructor' : 'bad-request'));
    if (!parsed.ok) throw new HubError(parsed.error.error, parsed.error.reason);
    const classId = this.classOfConsoleRoom(roomId);
    if (!classId || parsed.value.classId !== classId) throw new HubError('unknown-class', `classId: this is not the console of class ${parsed.value.classId}`);
    this.instructorOf(classId, parsed.value.secret);
    return classId;
  }

  consoleJoined(classId: string, client: Client): void {
    const cls = this.classes.get(classId);
    if (!cls) return;
    cls.consoles.add(client);
    client.send('summary', this.summary(cls));
  }

  consoleLeft(classId: string, client: Client): void {
    this.classes.get(classId)?.consoles.delete(client);
  }

  // ——— the console's summary ———

  summaryOf(classId: string): ClassSummary | null {
    const cls = this.classes.get(classId);
    return cls ? this.summary(cls) : null;
  }

  private summary(cls: LiveClass): ClassSummary {
    const now = Date.now();
    const tables = cls.tables.map((t) => t.summary(now));
    return {
      classId: cls.record.id,
      joinCode: cls.record.joinCode,
      config: cls.record.config,
      status: cls.record.status,
      tables,
      students: [...cls.students.values()].map((s) => ({
        studentId: s.record.id,
        name: s.record.name,
        tableNo: s.record.tableNo,
        seat: s.record.seat,
        connected: cls.tables[s.record.tableNo - 1]?.isConnected(s.record.id) ?? false,
      })),
      broadcasts: cls.broadcasts,
    };
  }

  /** Something the console shows changed: the consoles get a summary now, or when SUMMARY_INTERVAL_MS has passed. */
  private summaryChanged(cls: LiveClass): void {
    if (this.closing || cls.feed.timer || cls.consoles.size === 0) return;
    const wait = Math.max(0, cls.feed.lastAt + SUMMARY_INTERVAL_MS - Date.now());
    cls.feed.timer = setTimeout(() => {
      cls.feed.timer = null;
      cls.feed.lastAt = Date.now();
      const summary = this.summary(cls);
      for (const c of cls.consoles) c.send('summary', summary);
    }, wait);
  }
}
