// The lab's speed on this machine: 10,000 AI-vs-AI games of whole-enchilada-2001 through the command's
// own path (the worker bundle, one worker thread per core, the summary), against the 10 s target.
// Wall time depends on whatever else the machine is doing; CPU time per game (all threads of this process,
// start-up included) much less, so both are printed.
import { availableParallelism } from 'node:os';
import { getScenario } from '../../src/content/scenarios';
import type { ArmConfig } from '../../src/lab/batch';
import { type PoolTiming, runArmParallel } from '../../src/lab/node-pool';
import { summarise } from '../../src/lab/summary';

export const LAB_TARGET_S = 10;

export interface LabBench {
  runs: number;
  threads: number;
  seconds: number;
  gamesPerSecond: number;
  cpuMsPerGame: number;
  /** Slowest worker thread's start-up (created → code loaded), ms. */
  startupMs: number;
  /** Checking (or building) the worker bundle, ms. */
  bundleMs: number;
}

export async function benchLab(runs = 10_000, threads = availableParallelism()): Promise<LabBench> {
  const scenario = getScenario('whole-enchilada-2001')!;
  const config: ArmConfig = {
    scenarioId: scenario.id,
    runs,
    seed: 1,
    ai: { us: 'pragmatic', mx: 'pragmatic' },
    difficulty: 'normal',
    overrides: {},
    history: false,
  };
  let timing: PoolTiming = { bundleMs: 0, startupMs: [] };
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const records = await runArmParallel(config, () => {}, threads, (t) => (timing = t));
  summarise(scenario, records);
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    runs,
    threads,
    seconds,
    gamesPerSecond: runs / seconds,
    cpuMsPerGame: (used.user + used.system) / 1000 / runs,
    startupMs: Math.max(...timing.startupMs),
    bundleMs: timing.bundleMs,
  };
}

export function labLine(r: LabBench): string {
  return (
    `lab: ${r.runs.toLocaleString('en-US')} AI-vs-AI games of whole-enchilada-2001: ${r.seconds.toFixed(2)} s on ${r.threads} threads ` +
    `(target ${LAB_TARGET_S} s); ${Math.round(r.gamesPerSecond).toLocaleString('en-US')} games/s, ${r.cpuMsPerGame.toFixed(2)} ms CPU per game, ` +
    `worker start-up ${Math.round(r.startupMs)} ms, bundle check ${Math.round(r.bundleMs)} ms`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(labLine(await benchLab()));
