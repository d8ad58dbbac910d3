// A worker thread of the lab: plays its share of an arm's games and reports progress as it goes.
import { parentPort, workerData } from 'node:worker_threads';
import { getScenario } from '../content/scenarios';
import { type ArmConfig, runRange } from './batch';

// Only as a worker thread: imported anywhere else (e.g. to check it loads), it does nothing.
if (parentPort && workerData) {
  // The worker runs from a JavaScript bundle: errors should point at the TypeScript sources.
  process.setSourceMapsEnabled(true);
  const { config, from, to } = workerData as { config: ArmConfig; from: number; to: number };
  const port = parentPort;
  // Tells the pool the thread is up and its code loaded (the pool times its start-up).
  port.postMessage({ kind: 'started' });
  const scenario = getScenario(config.scenarioId)!;
  let done = 0;
  const records = runRange(scenario, config, from, to, () => {
    done++;
    // Progress in small batches keeps messages cheap.
    if (done % 25 === 0) port.postMessage({ kind: 'progress', done: 25 });
  });
  port.postMessage({ kind: 'progress', done: done % 25 });
  port.postMessage({ kind: 'done', records });
}
