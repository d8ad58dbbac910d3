// PGlite (PostgreSQL compiled to WebAssembly, in this process): the default database, persisted in a
// folder, or in memory for tests. It is a single connection: queries and transactions are serialised
// here so a transaction never interleaves with another caller's statement.
import { mkdir } from 'node:fs/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { type Queryable, type QueryResult, type Row, SerialQueue, type Sql } from './sql';

function resultOf<R extends Row>(r: { rows: R[]; affectedRows?: number }): QueryResult<R> {
  return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
}

function queryableOf(db: PGlite | Transaction): Queryable {
  return {
    query: async <R extends Row = Row>(text: string, params: readonly unknown[] = []) => resultOf(await db.query<R>(text, [...params])),
  };
}

/** Opens PGlite in `dataDir` (created when missing; an existing database is reopened) or in memory when absent. */
export async function openPglite(dataDir?: string): Promise<Sql> {
  // Loaded on demand: a server on PostgreSQL never pays for the 27 MB WebAssembly module.
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  const queue = new SerialQueue();
  const direct = queryableOf(db);
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('the database is closed');
  };

  return {
    backend: 'pglite',
    query: (text, params) => {
      ensureOpen();
      return queue.run(() => direct.query(text, params));
    },
    transaction: (fn) => {
      ensureOpen();
      return queue.run(() => db.transaction((tx) => fn(queryableOf(tx))));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await queue.drain();
      await db.close();
    },
  };
}
