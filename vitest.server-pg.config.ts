import pg from 'pg';
import { defineConfig } from 'vitest/config';
import { reporters } from './vitest.reporters.ts';
import { SERVICES_ENV_FILE, servicesEnv } from './tests/server/services-env.ts';

// The server tests again, on a real PostgreSQL server instead of the embedded PGlite (npm run
// test:server-pg). The address comes from the environment or from .data/test-services.env, which
// .ci/services.sh writes when it starts the tests' own PostgreSQL and Redis. No server reachable: the
// suite is skipped with a message, except under CI=true, where the run fails (CI must test PostgreSQL).


/** Null when PostgreSQL answers at `url`, else why not. */
async function unreachable(url: string | undefined): Promise<string | null> {
  if (!url) return `BINATIONAL_TEST_DATABASE_URL is not set and ${SERVICES_ENV_FILE} does not name it`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `PostgreSQL at ${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} does not answer (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default defineConfig(async () => {
  const file = servicesEnv();
  const url = process.env.BINATIONAL_TEST_DATABASE_URL || file.BINATIONAL_TEST_DATABASE_URL;
  const redisUrl = process.env.BINATIONAL_TEST_REDIS_URL || file.BINATIONAL_TEST_REDIS_URL || '';
  const problem = await unreachable(url);
  if (problem) {
    const hint = 'start the services with `bash .ci/services.sh` (as root on Debian)';
    if (process.env.CI === 'true') throw new Error(`server tests on PostgreSQL: ${problem}; ${hint}`);
    console.warn(`\nserver tests on PostgreSQL SKIPPED: ${problem}; ${hint}\n`);
  }
  return {
    test: {
      environment: 'node',
      include: problem ? [] : ['tests/server/**/*.test.ts'],
      passWithNoTests: problem !== null,
      testTimeout: 60_000,
      hookTimeout: 120_000,
      env: { BINATIONAL_TEST_DB: 'postgres', BINATIONAL_TEST_DATABASE_URL: url ?? '', BINATIONAL_TEST_REDIS_URL: redisUrl },
      reporters: reporters('server-pg'),
    },
  };
});
