// `npm run server`: hosts a class from one laptop. The built app (dist/) is served when the folder exists;
// the API and rooms run without it (CLASSROOM_API_ONLY=1 only says so on purpose, for an app served
// elsewhere, e.g. by the Vite dev server).
//
// Environment: PORT (2567), HOST (0.0.0.0, so students on the same network reach it), DATABASE_URL
// (PostgreSQL; without it the embedded PGlite keeps the records in DATA_DIR, .data/classroom),
// SERVE_DIST (dist), GRACE_SECONDS (120: how long a lead may be away before the AI holds the delegation).
// Several processes: REDIS_URL (redis://…, shared by them; needs DATABASE_URL) and PUBLIC_ADDRESS (host:port
// at which clients reach this process's rooms). DATABASE_SCHEMA keeps the records in a schema of their own.
// Limits per client address and minute: JOINS_PER_MINUTE (240), WRONG_CODES_PER_MINUTE (20),
// CLASSES_PER_MINUTE (20) — a school's students often share one public address, so a department hosting many
// sections at once raises the joins. TRUST_PROXY=1 behind a reverse proxy: the address it appends to
// X-Forwarded-For is the client's (without it every student would count as the proxy).
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { openStore } from './db/open-store';
import { type ApiLimits, DEFAULT_API_LIMITS } from './http-api';
import { DEFAULT_GRACE_MS, startClassroomServer } from './server';

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name}=${raw}: a whole number is expected`);
    process.exit(2);
  }
  return n;
}

function positiveFrom(name: string, fallback: number): number {
  const n = numberFrom(name, fallback);
  if (n === 0) {
    console.error(`${name}=0: at least 1 is expected (0 would refuse every request)`);
    process.exit(2);
  }
  return n;
}

function flagFrom(name: string): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  console.error(`${name}=${raw}: 1 (on) or 0 (off) is expected`);
  process.exit(2);
}

async function main(): Promise<void> {
  const port = numberFrom('PORT', 2567);
  const host = process.env.HOST || '0.0.0.0';
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const schema = process.env.DATABASE_SCHEMA || undefined;
  const redisUrl = process.env.REDIS_URL || undefined;
  const publicAddress = process.env.PUBLIC_ADDRESS || undefined;
  if (redisUrl && !databaseUrl) {
    console.error('REDIS_URL: processes sharing a classroom keep its records in one PostgreSQL; set DATABASE_URL too (PGlite is one process\'s own file)');
    process.exit(2);
  }
  if (redisUrl && !publicAddress) {
    console.error('REDIS_URL: set PUBLIC_ADDRESS to the host:port at which clients reach this process (each process its own)');
    process.exit(2);
  }
  if (schema && !databaseUrl) {
    console.error('DATABASE_SCHEMA: only with DATABASE_URL (PostgreSQL)');
    process.exit(2);
  }
  const dataDir = resolve(process.env.DATA_DIR || '.data/classroom');
  const dist = resolve(process.env.SERVE_DIST || 'dist');
  const apiOnly = process.env.CLASSROOM_API_ONLY === '1';
  const staticDir = existsSync(dist) ? dist : null;
  const graceMs = numberFrom('GRACE_SECONDS', DEFAULT_GRACE_MS / 1000) * 1000;
  const limits: ApiLimits = {
    joins: positiveFrom('JOINS_PER_MINUTE', DEFAULT_API_LIMITS.joins),
    wrongCodes: positiveFrom('WRONG_CODES_PER_MINUTE', DEFAULT_API_LIMITS.wrongCodes),
    classes: positiveFrom('CLASSES_PER_MINUTE', DEFAULT_API_LIMITS.classes),
  };
  const trustProxy = flagFrom('TRUST_PROXY');

  const store = await openStore(databaseUrl ? { databaseUrl, ...(schema ? { schema } : {}) } : { dataDir });
  const server = await startClassroomServer({ port, host, store, staticDir, graceMs, redisUrl, publicAddress, limits, trustProxy }).catch(async (e) => {
    await store.close();
    throw e;
  });

  const where = databaseUrl ? `PostgreSQL (DATABASE_URL${schema ? `, schema ${schema}` : ''})` : `PGlite in ${dataDir}`;
  const bases = host === '0.0.0.0' ? [`http://localhost:${server.port}`, ...lanAddresses().map((a) => `http://${a}:${server.port}`)] : [server.url];
  console.log(`Binational classroom server on port ${server.port}; records in ${where}.`);
  if (redisUrl) console.log(`Shares its classes with the other processes on ${redisUrl.replace(/\/\/[^@/]*@/, '//***@')}; this is process ${server.processId}, reached at ${publicAddress}.`);
  if (staticDir) {
    console.log('Instructor, create a class at:');
    for (const b of bases) console.log(`  ${b}/#/class/new`);
    console.log('Students join at:');
    for (const b of bases) console.log(`  ${b}/#/join`);
  } else {
    console.log(`API and rooms only (no built app in ${dist}${apiOnly ? '' : ': npm run build makes it'}); the app must be served elsewhere.`);
    for (const b of bases) console.log(`  ${b}/api/`);
  }
  console.log('Ctrl+C stops it; classes not ended come back at the next start.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: saving and stopping…`);
    server
      .close()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (e) => {
          console.error('could not stop cleanly', e);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
  console.error('the classroom server could not start:', e);
  process.exit(1);
});
