// The one small SQL interface the store is written against, with two implementations: PGlite (embedded,
// one connection) and PostgreSQL through a pg Pool. Both speak PostgreSQL, so the store's SQL is the same
// text on both; only how a query reaches the server differs.

export type Row = Record<string, unknown>;

export interface QueryResult<R extends Row = Row> {
  rows: R[];
  /** Rows inserted, updated or deleted (0 for a SELECT on PGlite; pg counts the rows it returned). */
  rowCount: number;
}

/** Something that runs one statement with $1… parameters (never several statements in one text). */
export interface Queryable {
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

export interface Sql extends Queryable {
  readonly backend: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (and rethrows). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Waits for queries under way, then releases the database (drops the test schema when asked to). */
  close(): Promise<void>;
}

/** The SQLSTATE and constraint name of a database error, from pg or PGlite alike (both carry them). */
export function databaseErrorOf(err: unknown): { code: string; constraint: string | undefined } | null {
  if (typeof err !== 'object' || err === null) return null;
  const { code, constraint } = err as { code?: unknown; constraint?: unknown };
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
}

export const UNIQUE_VIOLATION = '23505';

/** A PostgreSQL schema name we create and put in search_path: plain lower-case, so it never needs escaping rules beyond quotes. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Runs promises one after another: PGlite is a single connection, and close() must wait for the last one. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    // The queue goes on whether the job failed or not; the caller sees the failure through `result`.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every job queued so far has settled. */
  drain(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
