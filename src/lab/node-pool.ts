// Runs an arm's games over all cores with worker threads (Node). Records come back in seed order, so the
// result does not depend on how the work was split.
//
// Workers do not inherit the command's TypeScript loader, and transpiling every module again in every
// worker took about two seconds. Instead the worker entry is bundled once into plain JavaScript with
// esbuild and kept under node_modules/.cache; a manifest lists the bundle's inputs with a hash of their
// contents, so an edit to any of them (or another esbuild) rebuilds it before the next run.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArmConfig, RunRecord } from './batch';

const ENTRY = fileURLToPath(new URL('./node-worker.ts', import.meta.url));
const ROOT = resolve(dirname(ENTRY), '../..');

interface Manifest {
  /** Hash of the esbuild version and every input's path and content. */
  hash: string;
  /** Inputs relative to the project root, as esbuild's metafile lists them. */
  inputs: string[];
  file: string;
}

function hashInputs(root: string, esbuildVersion: string, inputs: readonly string[]): string | null {
  const h = createHash('sha256').update(esbuildVersion);
  for (const input of inputs) {
    try {
      h.update(`\0${input}\0`).update(readFileSync(join(root, input)));
    } catch {
      return null; // an input is gone: rebuild
    }
  }
  return h.digest('hex');
}

function cacheDir(): string {
  for (const dir of [join(ROOT, 'node_modules/.cache/binational-lab'), join(tmpdir(), 'binational-lab')]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // read-only: try the next place
    }
  }
  throw new Error('no writable directory for the lab worker bundle');
}

/** Writes a file so that a concurrent reader sees either nothing or all of it. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * A JavaScript bundle of `entry` (and everything it imports) in `dir`, rebuilt only when the content of
 * one of its inputs or the esbuild version changed since the last build for this project root.
 */
export async function bundleEntry(entry: string, root: string, dir: string): Promise<string> {
  const esbuild = await import('esbuild');
  // One manifest per entry and checkout (two checkouts may share a node_modules).
  const manifestPath = join(dir, `${createHash('sha256').update(`${root}\0${entry}`).digest('hex').slice(0, 12)}.json`);
  try {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (existsSync(m.file) && hashInputs(root, esbuild.version, m.inputs) === m.hash) return m.file;
  } catch {
    // no manifest yet: build
  }
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    outfile: join(dir, 'bundle.mjs'),
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  const hash = hashInputs(root, esbuild.version, inputs);
  if (!hash) throw new Error(`the sources of ${entry} changed while they were being bundled`);
  const js = result.outputFiles.find((f) => f.path.endsWith('.mjs'))!;
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'))!;
  // Named by content, so a run that started on an older bundle keeps its own file.
  const name = `bundle-${hash.slice(0, 16)}.mjs`;
  const file = join(dir, name);
  writeAtomically(`${file}.map`, map.contents);
  writeAtomically(file, js.text.replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${name}.map`));
  writeAtomically(manifestPath, JSON.stringify({ hash, inputs, file } satisfies Manifest));
  pruneBundles(dir, file);
  return file;
}

/** Bundles older than this are deleted when a new one is written (a run in progress may still use a recent one). */
const KEEP_BUNDLES_MS = 24 * 3600 * 1000;

function pruneBundles(dir: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!/^bundle-.*\.mjs(\.map)?$/.test(name) || path === keep || path === `${keep}.map`) continue;
    try {
      if (now - statSync(path).mtimeMs > KEEP_BUNDLES_MS) rmSync(path, { force: true });
    } catch {
      // already gone (another run pruned it)
    }
  }
}

let bundled: Promise<string> | null = null;

/** The path of the lab worker's JavaScript bundle (checked once per process). */
export function workerBundle(): Promise<string> {
  bundled ??= bundleEntry(ENTRY, ROOT, cacheDir());
  return bundled;
}

/** Where a parallel run's time went before the games: preparing the worker code and starting each thread. */
export interface PoolTiming {
  /** Checking (and if needed building) the worker bundle. */
  bundleMs: number;
  /** Per thread: from its creation until its code was loaded and it began playing. */
  startupMs: number[];
}

type WorkerMessage = { kind: 'started' } | { kind: 'progress'; done: number } | { kind: 'done'; records: RunRecord[] };

export async function runArmParallel(
  config: ArmConfig,
  onProgress: (done: number) => void,
  threads = availableParallelism(),
  onTiming?: (timing: PoolTiming) => void,
): Promise<RunRecord[]> {
  const n = Math.max(1, Math.min(threads, config.runs));
  const chunk = Math.ceil(config.runs / n);
  const t0 = performance.now();
  const script = await workerBundle();
  const timing: PoolTiming = { bundleMs: performance.now() - t0, startupMs: [] };
  const parts: Promise<RunRecord[]>[] = [];
  for (let w = 0; w < n; w++) {
    const from = w * chunk;
    const to = Math.min(config.runs, from + chunk);
    if (from >= to) break;
    parts.push(
      new Promise((resolve, reject) => {
        // Plain JavaScript: the command's own loader flags (tsx) are not needed in the worker.
        const created = performance.now();
        const worker = new Worker(script, { workerData: { config, from, to }, execArgv: [] });
        worker.on('message', (m: WorkerMessage) => {
          if (m.kind === 'started') timing.startupMs.push(performance.now() - created);
          else if (m.kind === 'progress') onProgress(m.done);
          else resolve(m.records);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`lab worker exited with code ${code}`));
        });
      }),
    );
  }
  const records = (await Promise.all(parts)).flat();
  onTiming?.(timing);
  return records;
}
