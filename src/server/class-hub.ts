// The classes: creating one, seating students, the instructor's commands, and bringing every class not
// ended back after a restart. The hub keeps nothing of a class in memory: the records are in the store,
// shared by every server process, and each table runs in its own room (table-room.ts), on whichever
// process the matchmaker placed it. So any process answers any request: it writes the store, then tells
// the rooms concerned through the router (rooms.ts), which reaches them on their process.
import { randomInt } from 'node:crypto';
import {
  type Broadcast,
  type ClassConfig,
  type ClassResults,
  type CommandResult,
  ConsoleCommandSchema,
  type CreatedClass,
  CreateClassRequestSchema,
  type Joined,
  JoinRequestSchema,
  parseMessage,
  type SeatAssignment,
  seatIdsOf,
} from '../content/classroom-schema';
import { getScenario } from '../content/scenarios';
import { HubError } from './hub-error';
import type { RoomRouter } from './rooms';
import { chooseSeat, seatInfo } from './seating';
import { hashSecret, newId, newJoinCode, newSecret, secretMatches } from './secrets';
import { type ClassRecord, type ClassroomStore, StoreConflict, type StudentRecord } from './store';
import type { TableCommand, TableRefusal } from './table-host';

export interface HubOptions {
  store: ClassroomStore;
  rooms: RoomRouter;
  log(message: string, error?: unknown): void;
}

/** Broadcasts kept for the summary and for students who join later. */
export const MAX_BROADCASTS = 100;
const CONSOLE_SUFFIX = '-console';
/** A join whose chosen seat another process took meanwhile chooses again, this many times. */
const SEAT_ATTEMPTS = 5;

export const consoleRoomId = (classId: string): string => `${classId}${CONSOLE_SUFFIX}`;
export const tableRoomId = (classId: string, tableNo: number): string => `${classId}-t${tableNo}`;

/** The class of a console room's id, or null. */
export function classOfConsoleRoom(roomId: string): string | null {
  return roomId.endsWith(CONSOLE_SUFFIX) ? roomId.slice(0, -CONSOLE_SUFFIX.length) : null;
}

/** The class and table number of a table room's id, or null. */
export function tableOfRoom(roomId: string): { classId: string; tableNo: number } | null {
  const m = /^(.+)-t([1-9][0-9]*)$/.exec(roomId);
  return m ? { classId: m[1]!, tableNo: Number(m[2]) } : null;
}

export class ClassHub {
  /** Joins and commands of one class run one at a time in this process, so they see a settled class; across processes the store's constraints decide. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: HubOptions) {}

  // ——— lifecycle ———

  /**
   * Makes sure every class not ended has its rooms (on this process or another; rooms already running are
   * left as they are). At startup, and then now and again when processes share the classes: the tables of
   * a process that stopped open again elsewhere, from their stored games.
   */
  async restore(quiet = false): Promise<void> {
    for (const record of await this.opts.store.listOpenClasses()) {
      if (!getScenario(record.config.scenarioId)) {
        if (!quiet) this.opts.log(`class ${record.id}: scenario ${record.config.scenarioId} is no longer in the library; not restored`);
        continue;
      }
      await this.openRooms(record);
    }
  }

  private async openRooms(record: ClassRecord): Promise<void> {
    for (let n = 1; n <= record.config.tables; n++) await this.opts.rooms.ensure('table', tableRoomId(record.id, n));
    await this.opts.rooms.ensure('console', consoleRoomId(record.id));
  }

  private locked<T>(classId: string, fn: () => Promise<T>): Promise<T> {
    const queue = this.queues.get(classId) ?? Promise.resolve();
    const run = queue.then(fn, fn);
    const settled = run.catch(() => undefined);
    this.queues.set(classId, settled);
    void settled.then(() => {
      if (this.queues.get(classId) === settled) this.queues.delete(classId);
    });
    return run;
  }

  /** Calls a table's room; a room no process hosts (its process stopped) is opened again from the store first. */
  private async callTable<T>(classId: string, tableNo: number, method: string, args: unknown[] = []): Promise<T> {
    const roomId = tableRoomId(classId, tableNo);
    try {
      return await this.opts.rooms.call<T>(roomId, method, args);
    } catch (e) {
      if ((await this.opts.store.getClass(classId))?.status === 'ended') throw e;
      this.opts.log(`${roomId}: not reached (${e instanceof Error ? e.message : String(e)}); opening it again`);
      await this.opts.rooms.ensure('table', roomId);
      return this.opts.rooms.call<T>(roomId, method, args);
    }
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
    await this.openRooms(record);
    return { classId: record.id, joinCode: record.joinCode, instructorSecret: secret, consolePath: `/#/console/${record.id}/${secret}`, config };
  }

  /** The class whose instructor secret this is (from the `Authorization: Bearer` header). */
  private async instructorOf(classId: string, bearer: string | null): Promise<ClassRecord> {
    const record = await this.opts.store.getClass(classId);
    if (!record) throw new HubError('unknown-class', `no class ${classId}`);
    if (!bearer || !secretMatches(bearer, record.secretHash)) throw new HubError('not-instructor', 'the instructor secret is missing or wrong');
    return record;
  }

  async command(classId: string, bearer: string | null, raw: unknown): Promise<CommandResult> {
    const first = await this.instructorOf(classId, bearer);
    if (first.status === 'ended') throw new HubError('class-ended', `class ${classId} has ended`);
    const parsed = parseMessage(ConsoleCommandSchema, raw);
    if (!parsed.ok) throw new HubError(parsed.error.error, parsed.error.reason);
    const cmd = parsed.value;
    return this.locked(classId, async () => {
      const record = (await this.opts.store.getClass(classId))!;
      if (record.status === 'ended') throw new HubError('class-ended', `class ${classId} has ended`);
      const tables = record.config.tables;
      const refused: CommandResult['refused'] = [];
      const targets = (target: 'all' | number): number[] => {
        if (target !== 'all' && target > tables) throw new HubError('unknown-table', `target: the class has ${tables} tables`);
        return target === 'all' ? Array.from({ length: tables }, (_, i) => i + 1) : [target];
      };
      // Every table answers for itself, wherever it runs; the refusals are collected by table.
      const each = async (target: 'all' | number, method: string, args: unknown[] = []) => {
        const answers = await Promise.all(targets(target).map(async (n) => ({ n, r: await this.callTable<TableRefusal | null>(classId, n, method, args) })));
        for (const { n, r } of answers) if (r) refused.push({ tableNo: n, code: r.code, reason: r.reason });
      };
      const needStarted = () => {
        if (record.status !== 'started') throw new HubError('not-started', 'start the class first');
      };
      const onTables = (target: 'all' | number, c: TableCommand) => {
        needStarted();
        return each(target, 'hubCommand', [c]);
      };
      switch (cmd.op) {
        case 'start':
          if (record.status === 'started') throw new HubError('already-started', 'the class has already started');
          await this.opts.store.setClassStatus(classId, 'started');
          this.opts.rooms.tell(classId, { kind: 'class' });
          await each('all', 'hubStart');
          break;
        case 'pause':
        case 'resume':
          await onTables(cmd.target, { op: cmd.op });
          break;
        case 'extend':
          await onTables(cmd.target, { op: 'extend', ms: cmd.seconds * 1000 });
          break;
        case 'inject':
          await onTables(cmd.target, { op: 'inject', shock: cmd.shock });
          break;
        case 'override':
          await onTables(cmd.target, { op: 'override', overrides: cmd.overrides });
          break;
        case 'broadcast': {
          const b: Broadcast = { text: cmd.text, at: new Date().toISOString() };
          await this.opts.store.addBroadcast(classId, b);
          this.opts.rooms.tell(classId, { kind: 'broadcast', broadcast: b });
          await each('all', 'hubBroadcast', [b]);
          break;
        }
        case 'seat':
          await this.seat(record, cmd.studentId, cmd.tableNo, cmd.seat);
          break;
        case 'end':
          await this.opts.store.setClassStatus(classId, 'ended');
          this.opts.rooms.tell(classId, { kind: 'class' });
          await each('all', 'hubEnd');
          break;
      }
      return { ok: refused.length === 0, refused };
    });
  }

  /** The instructor seats a student: its client is told where to go and rejoins there. */
  private async seat(record: ClassRecord, studentId: string, tableNo: number, seat: string): Promise<void> {
    const students = await this.opts.store.listStudents(record.id);
    const student = students.find((s) => s.id === studentId);
    if (!student) throw new HubError('unknown-student', `studentId: no student ${studentId} in this class`);
    if (tableNo > record.config.tables) throw new HubError('unknown-table', `tableNo: the class has ${record.config.tables} tables`);
    const perSide = record.config.seatsPerSide;
    if (!seatInfo(seat, perSide)) throw new HubError('bad-request', `seat: "${seat}" is not a seat of this class (${[...seatIdsOf('us', perSide), ...seatIdsOf('mx', perSide)].join(', ')})`);
    if (student.tableNo === tableNo && student.seat === seat) return;
    const holder = students.find((s) => s.tableNo === tableNo && s.seat === seat);
    if (holder) throw new HubError('table-full', `seat ${seat} at table ${tableNo} is held by ${holder.name}`);
    try {
      await this.opts.store.moveStudent(studentId, tableNo, seat);
    } catch (e) {
      if (e instanceof StoreConflict) throw new HubError('table-full', `seat ${seat} at table ${tableNo} is taken`);
      throw e;
    }
    // The table the student leaves tells its client where to go; the new one already knows the student when it rejoins.
    if (tableNo !== student.tableNo) await this.callTable(record.id, tableNo, 'hubStudentsChanged', [record.status]);
    await this.callTable(record.id, student.tableNo, 'hubStudentsChanged', [record.status]);
    this.opts.rooms.tell(record.id, { kind: 'students' });
  }

  async results(classId: string, bearer: string | null): Promise<ClassResults> {
    const record = await this.instructorOf(classId, bearer);
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
    const found = await this.opts.store.findClassByCode(code);
    if (found?.status === 'ended') throw new HubError('class-ended', 'code: this class has ended');
    if (!found || !getScenario(found.config.scenarioId)) throw new HubError('bad-code', `code: no open class has the join code ${code}`);
    return this.locked(found.id, async () => {
      const record = (await this.opts.store.getClass(found.id))!;
      if (record.status === 'ended') throw new HubError('class-ended', 'code: this class has ended');
      const lower = name.toLowerCase();
      for (let attempt = 0; attempt < SEAT_ATTEMPTS; attempt++) {
        const [students, tables] = await Promise.all([this.opts.store.listStudents(record.id), this.opts.store.listTables(record.id)]);
        if (students.some((s) => s.name.toLowerCase() === lower)) throw new HubError('name-taken', `name: another student of this class is called ${name}`);
        const spot = chooseSeat(
          Array.from({ length: record.config.tables }, (_, i) => i + 1).map((tableNo) => ({
            tableNo,
            open: tables.find((t) => t.tableNo === tableNo)?.status !== 'ended',
            taken: new Set(students.filter((s) => s.tableNo === tableNo).map((s) => s.seat)),
          })),
          record.config.seatsPerSide,
        );
        if (!spot) throw new HubError('class-full', 'every seat at every table still playing is taken');
        const token = newSecret();
        const student: StudentRecord = { id: newId(), classId: record.id, name, tokenHash: hashSecret(token), tableNo: spot.tableNo, seat: spot.seat, joinedAt: new Date().toISOString() };
        try {
          await this.opts.store.addStudent(student);
        } catch (e) {
          if (e instanceof StoreConflict && e.code === 'name-taken') throw new HubError('name-taken', `name: another student of this class is called ${name}`);
          // Another process seated someone there meanwhile: choose again from the store.
          if (e instanceof StoreConflict && e.code === 'seat-taken') continue;
          throw e;
        }
        await this.callTable(record.id, spot.tableNo, 'hubStudentsChanged', [record.status]);
        this.opts.rooms.tell(record.id, { kind: 'students' });
        return {
          ...assignment(student, record),
          classId: record.id,
          studentId: student.id,
          token,
          name,
          scenarioId: record.config.scenarioId,
          lang: record.config.lang,
        };
      }
      throw new HubError('class-full', 'the seats chosen were taken meanwhile; try again');
    });
  }
}

/** Where a student sits, as its client is told. */
export function assignment(s: StudentRecord, record: ClassRecord): SeatAssignment {
  const info = seatInfo(s.seat, record.config.seatsPerSide)!;
  return { tableNo: s.tableNo, seat: s.seat, side: info.side, role: info.role, roomId: tableRoomId(record.id, s.tableNo) };
}
