// PGlite (PostgreSQL compiled to WebAssembly, in this process): the default database, persisted in a
// folder, or in memory for tests. It is a single connection: queries and transactions are serialised
// here so a transaction never interleaves with another caller's statement.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

/** Names the process holding a data folder; PGlite itself does not stop a second instance from opening it. */
export const LOCK_FILE = 'binational-store.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process, so a second server (or a second store in this one) cannot write
 * the same files at once. A lock left by a process that died (killed, crashed) is stale and taken over.
 * Returns its release.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isSafeInteger(holder) && holder > 0 && isAlive(holder)) {
      const who = holder === process.pid ? 'a store already open in this process' : `process ${holder}`;
      throw new Error(`dataDir: ${dataDir} is in use by ${who}; close it first (or give another folder)`);
    }
    await rm(path, { force: true });
  }
  throw new Error(`dataDir: could not take ${join(dataDir, LOCK_FILE)} (another process keeps creating it)`);
}

/** Opens PGlite in `dataDir` (created when missing; an existing database is reopened) or in memory when absent. */
export async function openPglite(dataDir?: string): Promise<Sql> {
  // Loaded on demand: a server on PostgreSQL never pays for the 27 MB WebAssembly module.
  const { PGlite } = await import('@electric-sql/pglite');
  let release = async () => {};
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
  }
  let db: PGlite;
  try {
    db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  } catch (err) {
    await release();
    throw err;
  }
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
      try {
        await db.close();
      } finally {
        await release();
      }
    },
  };
}
