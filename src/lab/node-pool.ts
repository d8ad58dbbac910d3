// Runs an arm's games over all cores with worker threads (Node). Records come back in seed order, so the
// result does not depend on how the work was split.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArmConfig, RunRecord } from './batch';

export async function runArmParallel(config: ArmConfig, onProgress: (done: number) => void, threads = availableParallelism()): Promise<RunRecord[]> {
  const n = Math.max(1, Math.min(threads, config.runs));
  const chunk = Math.ceil(config.runs / n);
  const parts: Promise<RunRecord[]>[] = [];
  for (let w = 0; w < n; w++) {
    const from = w * chunk;
    const to = Math.min(config.runs, from + chunk);
    if (from >= to) break;
    parts.push(
      new Promise((resolve, reject) => {
        // The worker runs the TypeScript sources through tsx, as the command itself does.
        const worker = new Worker(new URL('./node-worker-boot.mjs', import.meta.url), { workerData: { config, from, to } });
        worker.on('message', (m: { kind: 'progress'; done: number } | { kind: 'done'; records: RunRecord[] }) => {
          if (m.kind === 'progress') onProgress(m.done);
          else resolve(m.records);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`lab worker exited with code ${code}`));
        });
      }),
    );
  }
  return (await Promise.all(parts)).flat();
}
