// A fresh, isolated store for server tests. PGlite in memory by default; with BINATIONAL_TEST_DB=postgres,
// the PostgreSQL server at BINATIONAL_TEST_DATABASE_URL (npm run test:server-pg starts one through
// .ci/services.sh), each store in a schema of its own that is dropped on close.
//
// A PGlite instance costs 3–5 s to start and about 300 MB of memory: open ONE store per test file
// (beforeAll/afterAll) and call reset() in beforeEach for a clean state, never a store per test:
//
//   let store: TestStore;
//   beforeAll(async () => { store = await testStore(); });
//   afterAll(() => store.close());
//   beforeEach(() => store.reset());
import { randomBytes } from 'node:crypto';
import { STORE_TABLES } from '../../src/server/db/migrations';
import { openDatabase } from '../../src/server/db/open-store';
import { SqlStore } from '../../src/server/db/sql-store';

export type TestBackend = 'pglite' | 'postgres';

export interface TestStore extends SqlStore {
  /** Empties every table of the store (classes, tables, students) in one statement; the schema stays. */
  reset(): Promise<void>;
}

/** The backend the tests run on, from BINATIONAL_TEST_DB ('postgres'; anything else or unset is PGlite). */
export function testBackend(): TestBackend {
  return process.env.BINATIONAL_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** The PostgreSQL address the tests use, refused with what to do when it is missing. */
export function testDatabaseUrl(): string {
  const url = process.env.BINATIONAL_TEST_DATABASE_URL;
  if (!url) {
    throw new Error('BINATIONAL_TEST_DB=postgres needs BINATIONAL_TEST_DATABASE_URL (run `bash .ci/services.sh`, which writes it to .data/test-services.env)');
  }
  return url;
}

/** A schema name no other test store uses (PostgreSQL backend). */
export function freshSchemaName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

export async function testStore(): Promise<TestStore> {
  const sql =
    testBackend() === 'postgres'
      ? await openDatabase({ databaseUrl: testDatabaseUrl(), schema: freshSchemaName(), dropSchemaOnClose: true })
      : await openDatabase({});
  const store = new SqlStore(sql);
  return Object.assign(store, {
    reset: async () => {
      await sql.query(`TRUNCATE ${STORE_TABLES.join(', ')}`);
    },
  });
}

/** The same as store.reset(): a clean state between tests without paying for a new database. */
export function reset(store: TestStore): Promise<void> {
  return store.reset();
}
