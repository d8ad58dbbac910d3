// The store's schema, as numbered migrations applied on open. A database remembers the versions it has in
// store_migrations, so a later version of the server adds its columns with a new entry here and never
// edits an applied one. Each migration is a list of single statements (PGlite's query runs one at a time).
import type { Sql } from './sql';

export interface Migration {
  version: number;
  /** Why this version exists, for whoever reads store_migrations. */
  name: string;
  statements: string[];
}

/** Constraint names the store maps to StoreConflict codes (named here so the mapping never depends on PostgreSQL's defaults). */
export const CONSTRAINTS = {
  joinCode: 'classes_join_code_key',
  studentName: 'students_class_name_key',
  studentSeat: 'students_class_seat_key',
  tokenHash: 'students_token_hash_key',
} as const;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'classes, their tables and students',
    statements: [
      `CREATE TABLE IF NOT EXISTS classes (
        id text PRIMARY KEY,
        join_code text NOT NULL CONSTRAINT ${CONSTRAINTS.joinCode} UNIQUE,
        secret_hash text NOT NULL,
        config jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'started', 'ended')),
        created_at timestamptz NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS tables (
        class_id text NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        table_no int4 NOT NULL CHECK (table_no >= 1),
        status text NOT NULL CHECK (status IN ('waiting', 'playing', 'ended')),
        -- json, not jsonb: json keeps the text as written, so an envelope comes back with its keys in the
        -- same order and a replayed game serialises byte for byte as it did (jsonb re-sorts keys).
        envelope json NULL,
        ai_seats jsonb NOT NULL DEFAULT '[]'::jsonb,
        paused boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (class_id, table_no)
      )`,
      `CREATE TABLE IF NOT EXISTS students (
        id text PRIMARY KEY,
        class_id text NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
        name text NOT NULL,
        name_key text NOT NULL,
        token_hash text NOT NULL CONSTRAINT ${CONSTRAINTS.tokenHash} UNIQUE,
        table_no int4 NOT NULL,
        seat text NOT NULL,
        joined_at timestamptz NOT NULL,
        CONSTRAINT ${CONSTRAINTS.studentName} UNIQUE (class_id, name_key),
        CONSTRAINT ${CONSTRAINTS.studentSeat} UNIQUE (class_id, table_no, seat),
        FOREIGN KEY (class_id, table_no) REFERENCES tables (class_id, table_no)
      )`,
      // A restarted server lists the classes not ended; the status index keeps that cheap as classes accumulate.
      'CREATE INDEX IF NOT EXISTS classes_status_idx ON classes (status)',
    ],
  },
];

/** The store's tables, children first (what a test truncates to get a clean state). */
export const STORE_TABLES = ['students', 'tables', 'classes'] as const;

/**
 * Brings the database up to the newest migration in one transaction (PostgreSQL's DDL is transactional,
 * so a failed version leaves nothing half-made). An advisory lock
 * keyed on the schema makes two servers starting together on one PostgreSQL apply each version once.
 * A database newer than this code is refused rather than written with an older idea of its tables.
 */
export async function migrate(sql: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const newest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  return sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('binational-store:' || coalesce(current_schema(), '')))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS store_migrations (
      version int4 PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM store_migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    const current = Math.max(0, ...applied);
    if (current > newest) {
      throw new Error(`the database's store schema is version ${current}, newer than this server's ${newest}: run a newer server against it`);
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO store_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return newest;
  });
}
