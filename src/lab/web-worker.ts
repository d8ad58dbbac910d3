// The lab's Web Worker (browser): plays its share of an arm's games with runRange and reports progress as
// it goes. The page sends one task at a time; the worker loads the scenario itself from the registry the
// app uses, so a task is a few numbers and the arm's settings, and the answer is the games' records.
import { getScenario } from '../content/scenarios';
import { type ArmConfig, type RunRecord, runRange } from './batch';

/** Games k = from … to − 1 of an arm (seed + k each). `task` names the answer. */
export interface LabTask {
  kind: 'run';
  task: number;
  config: ArmConfig;
  from: number;
  to: number;
}

export type LabReply =
  /** Games finished since the previous progress message of this task. */
  | { kind: 'progress'; task: number; done: number }
  | { kind: 'done'; task: number; records: RunRecord[] }
  | { kind: 'failed'; task: number; message: string };

/** At most one progress message per this many milliseconds (the last games are always reported). */
export const PROGRESS_INTERVAL_MS = 100;

/** Answers one task: progress messages, then the records (or why it failed). Pure apart from `post`. */
export function handleLabTask(msg: LabTask, post: (reply: LabReply) => void, now: () => number = Date.now): void {
  try {
    if (msg?.kind !== 'run') throw new Error(`unknown lab message "${String(msg?.kind)}"`);
    const scenario = getScenario(msg.config.scenarioId);
    if (!scenario) throw new Error(`unknown scenario "${msg.config.scenarioId}"`);
    let pending = 0;
    let last = now();
    const records = runRange(scenario, msg.config, msg.from, msg.to, () => {
      pending++;
      const t = now();
      if (t - last >= PROGRESS_INTERVAL_MS) {
        post({ kind: 'progress', task: msg.task, done: pending });
        pending = 0;
        last = t;
      }
    });
    if (pending) post({ kind: 'progress', task: msg.task, done: pending });
    post({ kind: 'done', task: msg.task, records });
  } catch (e) {
    post({ kind: 'failed', task: msg?.task ?? -1, message: e instanceof Error ? e.message : String(e) });
  }
}

interface WorkerScope {
  WorkerGlobalScope?: unknown;
  addEventListener(type: 'message', listener: (e: { data: LabTask }) => void): void;
  postMessage(message: LabReply): void;
}

// Only inside a worker: imported by the page, by Node or by a test, the module just exports the handler.
const scope = globalThis as unknown as WorkerScope;
if (typeof scope.WorkerGlobalScope === 'function') {
  scope.addEventListener('message', (e) => handleLabTask(e.data, (reply) => scope.postMessage(reply)));
}
