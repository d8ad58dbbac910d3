// Runs one arm, or two arms on the same seeds, over a pool of Web Workers (browser). Each arm is cut into
// ranges of games that idle workers take in turn, so a slow range does not hold the others back; the
// records are put back in seed order, so the result does not depend on how the work was split. Cancelling
// terminates every worker at once. The caller says how many workers (the page passes the number of cores).
import type { ArmConfig, RunRecord } from './batch';
import type { LabReply, LabTask } from './web-worker';

/** What the pool needs of a worker: a browser Worker, or a stand-in that answers the same messages. */
export interface LabWorker {
  postMessage(message: LabTask): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<LabReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** A module worker running src/lab/web-worker.ts (Vite bundles it from this exact expression). */
export function spawnLabWorker(): LabWorker {
  return new Worker(new URL('./web-worker.ts', import.meta.url), { type: 'module', name: 'binational-lab' }) as LabWorker;
}

export interface PoolOptions {
  /** Workers to start (at most one per range of games). */
  threads: number;
  /** Called with the games finished so far and the games in all. */
  onProgress?: (done: number, total: number) => void;
  spawn?: () => LabWorker;
  /** Games per range; by default about a quarter of a worker's share, from 10 to 250. */
  chunk?: number;
}

export interface LabBatch {
  /** The records of each arm, in seed order; rejects with LabCancelled after cancel(). */
  readonly done: Promise<RunRecord[][]>;
  cancel(): void;
}

export class LabCancelled extends Error {
  constructor() {
    super('the batch was cancelled');
    this.name = 'LabCancelled';
  }
}

export function defaultChunk(runs: number, threads: number): number {
  return Math.max(10, Math.min(250, Math.ceil(runs / (Math.max(1, threads) * 4))));
}

export function runArmsInWorkers(arms: readonly ArmConfig[], options: PoolOptions): LabBatch {
  const spawn = options.spawn ?? spawnLabWorker;
  const tasks: LabTask[] = [];
  const armOf: number[] = [];
  for (const [a, config] of arms.entries()) {
    const chunk = Math.max(1, Math.floor(options.chunk ?? defaultChunk(config.runs, options.threads)));
    for (let from = 0; from < config.runs; from += chunk) {
      tasks.push({ kind: 'run', task: tasks.length, config, from, to: Math.min(config.runs, from + chunk) });
      armOf.push(a);
    }
  }
  const total = arms.reduce((n, a) => n + a.runs, 0);
  const results: RunRecord[][] = arms.map(() => []);
  const workers: LabWorker[] = [];
  let next = 0;
  let finished = 0;
  let done = 0;
  let settled = false;
  let resolve!: (r: RunRecord[][]) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<RunRecord[][]>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const stop = () => {
    for (const w of workers) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
  };
  const fail = (e: Error) => {
    if (settled) return;
    settled = true;
    stop();
    reject(e);
  };
  const feed = (w: LabWorker) => {
    const task = tasks[next++];
    if (task) w.postMessage(task);
  };
  const onReply = (w: LabWorker, m: LabReply) => {
    if (settled) return;
    if (m.kind === 'progress') {
      done += m.done;
      options.onProgress?.(done, total);
    } else if (m.kind === 'failed') fail(new Error(m.message));
    else {
      const task = tasks[m.task]!;
      const into = results[armOf[m.task]!]!;
      for (let i = 0; i < m.records.length; i++) into[task.from + i] = m.records[i]!;
      if (++finished === tasks.length) {
        settled = true;
        stop();
        resolve(results);
      } else feed(w);
    }
  };
  if (tasks.length === 0) {
    settled = true;
    resolve(results);
  } else {
    const n = Math.max(1, Math.min(Math.floor(options.threads) || 1, tasks.length));
    for (let i = 0; i < n && !settled; i++) {
      let w: LabWorker;
      try {
        w = spawn();
      } catch (e) {
        fail(e instanceof Error ? e : new Error(String(e)));
        break;
      }
      workers.push(w);
      w.onmessage = (e) => onReply(w, e.data);
      w.onerror = (e) => fail(new Error(e.message || 'a lab worker failed to start'));
      feed(w);
    }
  }
  return {
    done: promise,
    cancel: () => fail(new LabCancelled()),
  };
}
