// The classroom's records, as the server sees them: classes, students and tables, each table stored as
// its seed-and-event-log envelope. One interface, two databases behind it (src/server/db/): the embedded
// PGlite by default, PostgreSQL when DATABASE_URL is set. Secrets (instructor secret, seat tokens) are
// stored only as SHA-256 hashes.
import type { Broadcast, ClassConfig, TableStatus } from '../content/classroom-schema';
import type { Envelope } from '../engine';

export type ClassStatus = 'open' | 'started' | 'ended';

export interface ClassRecord {
  id: string;
  joinCode: string;
  secretHash: string;
  config: ClassConfig;
  status: ClassStatus;
  createdAt: string;
}

export interface StudentRecord {
  id: string;
  classId: string;
  name: string;
  tokenHash: string;
  tableNo: number;
  seat: string;
  joinedAt: string;
}

export interface TableRecord {
  classId: string;
  tableNo: number;
  status: TableStatus;
  /** Null until the table starts. */
  envelope: Envelope | null;
  /** Seats the AI plays ("us.lead"…), kept so a restarted server seats the same agents. */
  aiSeats: string[];
  paused: boolean;
  /** The last round whose news the table has seen (-1 before the first; absent in a save means not known), so a restored table does not show that news again. */
  newsRound?: number;
  updatedAt: string;
}

export interface ClassroomStore {
  /** Which database holds the records (several server processes can share only PostgreSQL). */
  readonly backend: 'pglite' | 'postgres';
  /** Creates the class and its tables (status 'waiting', no envelope) in one transaction. */
  createClass(c: ClassRecord): Promise<void>;
  getClass(id: string): Promise<ClassRecord | null>;
  /** The class with this join code, whatever its status (the hub refuses joins to an ended class with 'class-ended'). */
  findClassByCode(joinCode: string): Promise<ClassRecord | null>;
  setClassStatus(id: string, status: ClassStatus): Promise<void>;
  /** Classes not ended, to resume after a restart. */
  listOpenClasses(): Promise<ClassRecord[]>;

  /** Adds a student; fails with StoreConflict('name-taken') if the class has that name, ('seat-taken') if the seat is held. */
  addStudent(s: StudentRecord): Promise<void>;
  findStudentByToken(tokenHash: string): Promise<StudentRecord | null>;
  listStudents(classId: string): Promise<StudentRecord[]>;
  /** Moves a student to another seat; StoreConflict('seat-taken') if someone holds it. */
  moveStudent(studentId: string, tableNo: number, seat: string): Promise<void>;

  getTable(classId: string, tableNo: number): Promise<TableRecord | null>;
  listTables(classId: string): Promise<TableRecord[]>;
  /**
   * Writes a table's state (envelope, status, AI seats, pause); the envelope replaces the stored one whole.
   * With `seqs`, the last move number answered for each of those students is kept in the same transaction
   * (never lowered), so a restored table knows which moves it has already applied.
   */
  saveTable(t: Omit<TableRecord, 'updatedAt'>, seqs?: readonly StudentSeq[]): Promise<void>;
  /** The last move number stored for each student of the class (0 for one who never moved). */
  studentSeqs(classId: string): Promise<Map<string, number>>;

  /** Keeps an instructor's broadcast to the class. */
  addBroadcast(classId: string, b: Broadcast): Promise<void>;
  /** The class's newest `limit` broadcasts, oldest first. */
  listBroadcasts(classId: string, limit: number): Promise<Broadcast[]>;

  close(): Promise<void>;
}

export interface StudentSeq {
  studentId: string;
  lastSeq: number;
}

export class StoreConflict extends Error {
  constructor(readonly code: 'name-taken' | 'seat-taken' | 'code-taken') {
    super(code);
    this.name = 'StoreConflict';
  }
}
