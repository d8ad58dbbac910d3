// PostgreSQL through a pg Pool, for DATABASE_URL. An optional schema isolates one store's tables (tests
// open each store in a fresh schema and drop it on close); it goes into every connection's search_path.
import type { Pool, PoolClient } from 'pg';
import { type Queryable, type Row, SCHEMA_NAME, type Sql } from './sql';

export interface PostgresOptions {
  databaseUrl: string;
  /** Schema holding the store's tables (created when missing); PostgreSQL's default search_path when absent. */
  schema?: string;
  /** Drops the schema and everything in it on close (for tests). */
  dropSchemaOnClose?: boolean;
}

function queryableOf(db: Pool | PoolClient): Queryable {
  return {
    query: async <R extends Row = Row>(text: string, params: readonly unknown[] = []) => {
      const r = await db.query<R>(text, [...params]);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
  };
}

export async function openPostgres(options: PostgresOptions): Promise<Sql> {
  const { databaseUrl, schema, dropSchemaOnClose = false } = options;
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('databaseUrl: expected a postgres:// or postgresql:// address');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`schema: "${schema}" is not a plain lower-case name (letters, digits, _; at most 63; not starting with a digit)`);
  }
  if (dropSchemaOnClose && schema === undefined) throw new Error('dropSchemaOnClose: needs a schema to drop');
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // A startup parameter rather than a SET after connecting: every pooled connection has it before its first query.
    ...(schema === undefined ? {} : { options: `-c search_path="${schema}"` }),
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection the server drops (restart, network) must not crash the process: the pool replaces it.
  pool.on('error', (err) => console.warn(`postgres: an idle connection failed (${err.message}); the pool will open another`));
  const direct = queryableOf(pool);
  try {
    if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (err) {
    await pool.end();
    throw err;
  }
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('the database is closed');
  };

  return {
    backend: 'postgres',
    query: (text, params) => {
      ensureOpen();
      return direct.query(text, params);
    },
    transaction: async (fn) => {
      ensureOpen();
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const value = await fn(queryableOf(client));
        await client.query('COMMIT');
        return value;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          // A connection that cannot roll back is not given back to the pool.
          broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        if (dropSchemaOnClose && schema !== undefined) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
