// The classroom's records in SQL: one implementation of ClassroomStore over the Sql interface, the same
// statements on PGlite and PostgreSQL. JSON values go in as text cast to json/jsonb (pg would turn a JS
// array into a PostgreSQL array, and the two drivers serialise objects differently); ints stay int4 so both
// drivers return numbers; timestamps come back as Date and leave here as ISO strings.
import type { Broadcast, ClassConfig, TableStatus } from '../../content/classroom-schema';
import type { Envelope } from '../../engine';
import { type ClassRecord, type ClassroomStore, type ClassStatus, StoreConflict, type StudentRecord, type StudentSeq, type TableRecord } from '../store';
import { CONSTRAINTS } from './migrations';
import { databaseErrorOf, type Queryable, type Sql, UNIQUE_VIOLATION } from './sql';

const FOREIGN_KEY_VIOLATION = '23503';

/** Names compare without case (and without Unicode composition differences), in JS so both databases agree whatever their locale. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

interface ClassRow {
  [k: string]: unknown;
  id: string;
  join_code: string;
  secret_hash: string;
  config: ClassConfig;
  status: ClassStatus;
  created_at: Date | string;
}

interface StudentRow {
  [k: string]: unknown;
  id: string;
  class_id: string;
  name: string;
  token_hash: string;
  table_no: number;
  seat: string;
  joined_at: Date | string;
}

interface TableRow {
  [k: string]: unknown;
  class_id: string;
  table_no: number;
  status: TableStatus;
  envelope: Envelope | null;
  ai_seats: string[];
  paused: boolean;
  news_round: number;
  updated_at: Date | string;
}

const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();

/** A timestamp parameter, refused here with its field's name rather than by the database's parser. */
function timestampParam(field: string, value: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new Error(`${field}: expected an ISO date-time, got ${JSON.stringify(value)}`);
  return value;
}

const classOf = (r: ClassRow): ClassRecord => ({
  id: r.id,
  joinCode: r.join_code,
  secretHash: r.secret_hash,
  config: r.config,
  status: r.status,
  createdAt: iso(r.created_at),
});

const studentOf = (r: StudentRow): StudentRecord => ({
  id: r.id,
  classId: r.class_id,
  name: r.name,
  tokenHash: r.token_hash,
  tableNo: Number(r.table_no),
  seat: r.seat,
  joinedAt: iso(r.joined_at),
});

const tableOf = (r: TableRow): TableRecord => ({
  classId: r.class_id,
  tableNo: Number(r.table_no),
  status: r.status,
  envelope: r.envelope,
  aiSeats: r.ai_seats,
  paused: r.paused,
  newsRound: Number(r.news_round),
  updatedAt: iso(r.updated_at),
});

const CONFLICTS: Record<string, StoreConflict['code']> = {
  [CONSTRAINTS.joinCode]: 'code-taken',
  [CONSTRAINTS.studentName]: 'name-taken',
  [CONSTRAINTS.studentSeat]: 'seat-taken',
};

/** Turns the unique violations callers can act on into StoreConflict, and a missing class or table into a plain error saying which. */
function translate(err: unknown, missing: string): unknown {
  const db = databaseErrorOf(err);
  if (db?.code === UNIQUE_VIOLATION && db.constraint !== undefined) {
    const code = CONFLICTS[db.constraint];
    if (code) return new StoreConflict(code);
  }
  if (db?.code === FOREIGN_KEY_VIOLATION) return new Error(missing, { cause: err });
  return err;
}

const CLASS_COLUMNS = 'id, join_code, secret_hash, config, status, created_at';
const STUDENT_COLUMNS = 'id, class_id, name, token_hash, table_no, seat, joined_at';
const TABLE_COLUMNS = 'class_id, table_no, status, envelope, ai_seats, paused, news_round, updated_at';

export class SqlStore implements ClassroomStore {
  constructor(private readonly sql: Sql) {}

  get backend(): Sql['backend'] {
    return this.sql.backend;
  }

  async createClass(c: ClassRecord): Promise<void> {
    const tables = c.config.tables;
    if (!Number.isInteger(tables) || tables < 1) throw new Error(`config.tables: expected a whole number of tables, at least 1, got ${JSON.stringify(tables)}`);
    const createdAt = timestampParam('createdAt', c.createdAt);
    try {
      await this.sql.transaction(async (tx) => {
        await tx.query(`INSERT INTO classes (${CLASS_COLUMNS}) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6)`, [
          c.id,
          c.joinCode,
          c.secretHash,
          JSON.stringify(c.config),
          c.status,
          createdAt,
        ]);
        await tx.query(
          `INSERT INTO tables (class_id, table_no, status, envelope, ai_seats, paused, updated_at)
           SELECT $1, n, 'waiting', NULL, '[]'::jsonb, false, $2 FROM generate_series(1, $3::int4) AS n`,
          [c.id, createdAt, tables],
        );
      });
    } catch (err) {
      throw translate(err, `createClass: class ${c.id} could not be created`);
    }
  }

  async getClass(id: string): Promise<ClassRecord | null> {
    const { rows } = await this.sql.query<ClassRow>(`SELECT ${CLASS_COLUMNS} FROM classes WHERE id = $1`, [id]);
    return rows[0] ? classOf(rows[0]) : null;
  }

  async findClassByCode(joinCode: string): Promise<ClassRecord | null> {
    const { rows } = await this.sql.query<ClassRow>(`SELECT ${CLASS_COLUMNS} FROM classes WHERE join_code = $1`, [joinCode]);
    return rows[0] ? classOf(rows[0]) : null;
  }

  async setClassStatus(id: string, status: ClassStatus): Promise<void> {
    const { rowCount } = await this.sql.query('UPDATE classes SET status = $2 WHERE id = $1', [id, status]);
    if (rowCount === 0) throw new Error(`setClassStatus: no class ${id}`);
  }

  async listOpenClasses(): Promise<ClassRecord[]> {
    const { rows } = await this.sql.query<ClassRow>(`SELECT ${CLASS_COLUMNS} FROM classes WHERE status <> 'ended' ORDER BY created_at, id`);
    return rows.map(classOf);
  }

  async addStudent(s: StudentRecord): Promise<void> {
    const joinedAt = timestampParam('joinedAt', s.joinedAt);
    try {
      await this.sql.query(
        `INSERT INTO students (id, class_id, name, name_key, token_hash, table_no, seat, joined_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [s.id, s.classId, s.name, nameKey(s.name), s.tokenHash, s.tableNo, s.seat, joinedAt],
      );
    } catch (err) {
      throw translate(err, `addStudent: class ${s.classId} has no table ${s.tableNo}`);
    }
  }

  async findStudentByToken(tokenHash: string): Promise<StudentRecord | null> {
    const { rows } = await this.sql.query<StudentRow>(`SELECT ${STUDENT_COLUMNS} FROM students WHERE token_hash = $1`, [tokenHash]);
    return rows[0] ? studentOf(rows[0]) : null;
  }

  async listStudents(classId: string): Promise<StudentRecord[]> {
    const { rows } = await this.sql.query<StudentRow>(`SELECT ${STUDENT_COLUMNS} FROM students WHERE class_id = $1 ORDER BY joined_at, id`, [classId]);
    return rows.map(studentOf);
  }

  async moveStudent(studentId: string, tableNo: number, seat: string): Promise<void> {
    let rowCount: number;
    try {
      ({ rowCount } = await this.sql.query('UPDATE students SET table_no = $2, seat = $3 WHERE id = $1', [studentId, tableNo, seat]));
    } catch (err) {
      throw translate(err, `moveStudent: the class of student ${studentId} has no table ${tableNo}`);
    }
    if (rowCount === 0) throw new Error(`moveStudent: no student ${studentId}`);
  }

  async getTable(classId: string, tableNo: number): Promise<TableRecord | null> {
    const { rows } = await this.sql.query<TableRow>(`SELECT ${TABLE_COLUMNS} FROM tables WHERE class_id = $1 AND table_no = $2`, [classId, tableNo]);
    return rows[0] ? tableOf(rows[0]) : null;
  }

  async listTables(classId: string): Promise<TableRecord[]> {
    const { rows } = await this.sql.query<TableRow>(`SELECT ${TABLE_COLUMNS} FROM tables WHERE class_id = $1 ORDER BY table_no`, [classId]);
    return rows.map(tableOf);
  }

  async saveTable(t: Omit<TableRecord, 'updatedAt'>, seqs: readonly StudentSeq[] = []): Promise<void> {
    if (!Number.isInteger(t.tableNo) || t.tableNo < 1) throw new Error(`saveTable: tableNo must be a whole number from 1, got ${JSON.stringify(t.tableNo)}`);
    for (const s of seqs) {
      if (!Number.isInteger(s.lastSeq) || s.lastSeq < 0) throw new Error(`saveTable: seqs[${s.studentId}].lastSeq must be a whole number from 0, got ${JSON.stringify(s.lastSeq)}`);
    }
    const write = async (q: Queryable) => {
      // An upsert, so a table the class did not create at first can still be written (its class must exist).
      await q.query(
        `INSERT INTO tables (${TABLE_COLUMNS}) VALUES ($1, $2, $3, $4::text::json, $5::text::jsonb, $6, $7, now())
         ON CONFLICT (class_id, table_no) DO UPDATE SET
           status = EXCLUDED.status, envelope = EXCLUDED.envelope, ai_seats = EXCLUDED.ai_seats,
           paused = EXCLUDED.paused, news_round = EXCLUDED.news_round, updated_at = EXCLUDED.updated_at`,
        [t.classId, t.tableNo, t.status, t.envelope === null ? null : JSON.stringify(t.envelope), JSON.stringify(t.aiSeats), t.paused, t.newsRound ?? -1],
      );
      if (seqs.length === 0) return;
      // GREATEST: a save that lost a race with a newer one never takes a student's number back.
      await q.query(
        `UPDATE students AS s SET last_seq = GREATEST(s.last_seq, v.seq)
         FROM json_to_recordset($2::text::json) AS v(id text, seq int4)
         WHERE s.id = v.id AND s.class_id = $1`,
        [t.classId, JSON.stringify(seqs.map((x) => ({ id: x.studentId, seq: x.lastSeq })))],
      );
    };
    try {
      if (seqs.length === 0) await write(this.sql);
      else await this.sql.transaction(write);
    } catch (err) {
      throw translate(err, `saveTable: no class ${t.classId}`);
    }
  }

  async studentSeqs(classId: string): Promise<Map<string, number>> {
    const { rows } = await this.sql.query<{ id: string; last_seq: number }>('SELECT id, last_seq FROM students WHERE class_id = $1', [classId]);
    return new Map(rows.map((r) => [r.id, Number(r.last_seq)]));
  }

  async addBroadcast(classId: string, b: Broadcast): Promise<void> {
    const at = timestampParam('at', b.at);
    try {
      await this.sql.query('INSERT INTO broadcasts (class_id, text, at) VALUES ($1, $2, $3)', [classId, b.text, at]);
    } catch (err) {
      throw translate(err, `addBroadcast: no class ${classId}`);
    }
  }

  async listBroadcasts(classId: string, limit: number): Promise<Broadcast[]> {
    const { rows } = await this.sql.query<{ text: string; at: Date | string }>(
      'SELECT text, at FROM (SELECT id, text, at FROM broadcasts WHERE class_id = $1 ORDER BY id DESC LIMIT $2) AS newest ORDER BY id',
      [classId, limit],
    );
    return rows.map((r) => ({ text: r.text, at: iso(r.at) }));
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
