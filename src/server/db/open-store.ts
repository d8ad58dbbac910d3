// Opens the classroom's records: PostgreSQL when a database URL is given (DATABASE_URL in production),
// else the embedded PGlite, in a folder when one is given and in memory when not. The schema is created
// or brought up to date before the store is handed out.
import type { ClassroomStore } from '../store';
import { migrate } from './migrations';
import { openPglite } from './pglite-sql';
import { openPostgres } from './pg-sql';
import type { Sql } from './sql';
import { SqlStore } from './sql-store';

export interface StoreOptions {
  /** postgres://… — use this PostgreSQL server (through a pg Pool). An empty string counts as absent (DATABASE_URL= in a shell). */
  databaseUrl?: string;
  /** PGlite's data folder (created when missing); ignored with databaseUrl. In memory when neither is given. */
  dataDir?: string;
  /** PostgreSQL only: keep the store's tables in this schema (created when missing). */
  schema?: string;
  /** PostgreSQL only: drop that schema on close (tests isolate themselves this way). */
  dropSchemaOnClose?: boolean;
}

/** The database behind a store, migrated; for callers that need SQL beside the store (tests truncating). */
export async function openDatabase(options: StoreOptions): Promise<Sql> {
  const { dataDir, schema, dropSchemaOnClose } = options;
  const databaseUrl = options.databaseUrl === '' ? undefined : options.databaseUrl;
  if (databaseUrl === undefined && (schema !== undefined || dropSchemaOnClose)) {
    throw new Error('schema, dropSchemaOnClose: only for PostgreSQL (give databaseUrl)');
  }
  const sql = databaseUrl !== undefined ? await openPostgres({ databaseUrl, schema, dropSchemaOnClose }) : await openPglite(dataDir);
  try {
    await migrate(sql);
  } catch (err) {
    await sql.close();
    throw err;
  }
  return sql;
}

export async function openStore(options: StoreOptions = {}): Promise<ClassroomStore> {
  return new SqlStore(await openDatabase(options));
}
