// The browser lab's parts that run without a browser: the Web Worker's message protocol gives the records
// runRange gives; the pool splits arms into ranges over workers, puts the records back in seed order,
// reports progress, cancels at once and reports a failing worker; the report's JSON is the one the
// command line writes, and its CSV carries every figure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/content/scenarios';
import { type ArmConfig, runRange } from '../../src/lab/batch';
import { summarise } from '../../src/lab/summary';
import { labReport, reportCsv, reportFileName, reportJson } from '../../src/lab/web-export';
import { defaultChunk, LabCancelled, type LabWorker, runArmsInWorkers } from '../../src/lab/web-pool';
import { handleLabTask, type LabReply, type LabTask } from '../../src/lab/web-worker';

const zacatecas = getScenario('zacatecas-1995')!;
const arm = (extra: Partial<ArmConfig> = {}): ArmConfig => ({
  scenarioId: zacatecas.id,
  runs: 10,
  seed: 7,
  ai: { us: 'pragmatic', mx: 'pragmatic' },
  difficulty: 'normal',
  overrides: {},
  history: false,
  ...extra,
});

/** A worker that runs the real handler in this thread, answering asynchronously as a Worker does. */
class InThreadWorker implements LabWorker {
  static made: InThreadWorker[] = [];
  onmessage: ((e: MessageEvent<LabReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  received: LabTask[] = [];
  constructor() {
    InThreadWorker.made.push(this);
  }
  postMessage(task: LabTask): void {
    this.received.push(structuredClone(task));
    setTimeout(() => {
      if (this.terminated) return;
      handleLabTask(structuredClone(task), (reply) => {
        const copy = structuredClone(reply);
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<LabReply>);
        }, 0);
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('lab web worker protocol', () => {
  it('answers a task with progress and the same records as runRange', () => {
    const replies: LabReply[] = [];
    let clock = 0;
    // Each game "takes" 60 ms, so progress comes every other game.
    handleLabTask({ kind: 'run', task: 3, config: arm(), from: 2, to: 7 }, (r) => replies.push(r), () => (clock += 30));
    const done = replies.at(-1)!;
    expect(done.kind).toBe('done');
    if (done.kind !== 'done') return;
    expect(done.task).toBe(3);
    expect(done.records).toEqual(runRange(zacatecas, arm(), 2, 7));
    expect(done.records.map((r) => r.seed)).toEqual([9, 10, 11, 12, 13]);
    const progress = replies.filter((r) => r.kind === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.reduce((n, r) => n + (r.kind === 'progress' ? r.done : 0), 0)).toBe(5);
    // The records survive the structured clone a worker's postMessage makes.
    expect(structuredClone(done.records)).toEqual(done.records);
  });

  it('reports an unknown scenario or a bad persona as a failed task, never throws', () => {
    const replies: LabReply[] = [];
    handleLabTask({ kind: 'run', task: 1, config: arm({ scenarioId: 'atlantis-1999' }), from: 0, to: 2 }, (r) => replies.push(r));
    expect(replies).toEqual([{ kind: 'failed', task: 1, message: 'unknown scenario "atlantis-1999"' }]);
    replies.length = 0;
    handleLabTask({ kind: 'run', task: 2, config: arm({ ai: { us: 'nobody', mx: 'pragmatic' } }), from: 0, to: 2 }, (r) => replies.push(r));
    expect(replies[0]!.kind).toBe('failed');
    expect(replies[0]!.kind === 'failed' && replies[0]!.message).toContain('unknown persona "nobody"');
  });
});

describe('lab web pool', () => {
  it('splits two arms over the workers and returns each arm in seed order, with progress to the total', async () => {
    InThreadWorker.made = [];
    const a = arm({ runs: 9 });
    const b = arm({ runs: 9, overrides: { disable: ['peso-crisis'] } });
    const seen: number[] = [];
    const batch = runArmsInWorkers([a, b], { threads: 2, chunk: 4, spawn: () => new InThreadWorker(), onProgress: (done, total) => seen.push(done, total) });
    const [ra, rb] = await batch.done;
    expect(ra).toEqual(runRange(zacatecas, a, 0, 9));
    expect(rb).toEqual(runRange(zacatecas, b, 0, 9));
    expect(InThreadWorker.made).toHaveLength(2);
    // 3 ranges per arm, shared by two workers, every one terminated at the end.
    expect(InThreadWorker.made.flatMap((w) => w.received.map((t) => `${t.config.overrides.disable?.length ?? 0}:${t.from}-${t.to}`)).sort()).toEqual(
      ['0:0-4', '0:4-8', '0:8-9', '1:0-4', '1:4-8', '1:8-9'].sort(),
    );
    expect(InThreadWorker.made.every((w) => w.terminated)).toBe(true);
    expect(seen.at(-2)).toBe(18);
    expect(seen.at(-1)).toBe(18);
  });

  it('never starts more workers than ranges', async () => {
    InThreadWorker.made = [];
    const [r] = await runArmsInWorkers([arm({ runs: 3 })], { threads: 8, chunk: 10, spawn: () => new InThreadWorker() }).done;
    expect(r).toHaveLength(3);
    expect(InThreadWorker.made).toHaveLength(1);
  });

  it('cancel terminates every worker at once and rejects with LabCancelled', async () => {
    InThreadWorker.made = [];
    const batch = runArmsInWorkers([arm({ runs: 400 })], { threads: 2, spawn: () => new InThreadWorker() });
    batch.cancel();
    await expect(batch.done).rejects.toBeInstanceOf(LabCancelled);
    expect(InThreadWorker.made).toHaveLength(2);
    expect(InThreadWorker.made.every((w) => w.terminated && w.onmessage === null)).toBe(true);
  });

  it('a failing task or a worker that cannot start rejects the batch and stops the others', async () => {
    InThreadWorker.made = [];
    const bad = runArmsInWorkers([arm({ runs: 4, scenarioId: 'atlantis-1999' })], { threads: 2, chunk: 2, spawn: () => new InThreadWorker() });
    await expect(bad.done).rejects.toThrow('unknown scenario "atlantis-1999"');
    expect(InThreadWorker.made.every((w) => w.terminated)).toBe(true);
    const broken = runArmsInWorkers([arm({ runs: 4 })], {
      threads: 1,
      spawn: () => {
        const w = new InThreadWorker();
        w.postMessage = () => setTimeout(() => w.onerror?.({ message: 'SyntaxError in worker' } as ErrorEvent), 0);
        return w;
      },
    });
    await expect(broken.done).rejects.toThrow('SyntaxError in worker');
  });

  it('ranges are about a quarter of a worker share, between 10 and 250 games', () => {
    expect(defaultChunk(10_000, 2)).toBe(250);
    expect(defaultChunk(1000, 2)).toBe(125);
    expect(defaultChunk(20, 4)).toBe(10);
  });
});

describe('lab web report', () => {
  it('one arm: the JSON is what `npm run lab -- --json` writes for the same settings', () => {
    const config = arm({ runs: 6, seed: 3, overrides: { disable: ['peso-crisis'] } });
    const report = labReport(zacatecas, [{ label: 'A', config }], [runRange(zacatecas, config, 0, 6)]);
    const dir = mkdtempSync(join(tmpdir(), 'lab-web-'));
    const file = join(dir, 'out.json');
    execFileSync('npx', ['tsx', 'src/cli/lab.ts', '--scenario', 'zacatecas-1995', '--runs', '6', '--seed', '3', '--disable', 'peso-crisis', '--threads', '1', '--json', file], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    const cli = JSON.parse(readFileSync(file, 'utf8'));
    // The command line fills empty override lists in; the figures are the same.
    expect(JSON.parse(reportJson(report))).toEqual({ ...cli, settings: { ...cli.settings, overrides: { disable: ['peso-crisis'] } } });
    expect(reportFileName(report, 'json')).toBe('binational-lab-zacatecas-1995-seed3-6.json');
  });

  it('two arms: a, b and the paired difference; the CSV has every figure with its interval', () => {
    const a = arm({ runs: 8 });
    const b = arm({ runs: 8, overrides: { disable: ['peso-crisis', 'proposition-187'] } });
    const ra = runRange(zacatecas, a, 0, 8);
    const rb = runRange(zacatecas, b, 0, 8);
    const report = labReport(zacatecas, [{ label: 'As played', config: a }, { label: 'Changed', config: b }], [ra, rb]);
    const json = JSON.parse(reportJson(report));
    expect(Object.keys(json)).toEqual(['scenario', 'runs', 'seed', 'a', 'b', 'difference']);
    expect(json.b.summary).toEqual(JSON.parse(JSON.stringify(summarise(zacatecas, rb))));
    expect(json.difference.ratifiedRate.value).toBeCloseTo(json.b.summary.ratifiedRate.value - json.a.summary.ratifiedRate.value, 10);

    const lines = reportCsv(report).trimEnd().split('\n');
    expect(lines[0]).toBe('arm,measure,key,option,value,low,high');
    const s = summarise(zacatecas, ra);
    expect(lines).toContain(`A,agreementRate,,,${s.agreementRate.value},${s.agreementRate.low},${s.agreementRate.high}`);
    expect(lines).toContain(`A,meanScore,mx,,${s.meanScore.mx.value},${s.meanScore.mx.low},${s.meanScore.mx.high}`);
    expect(lines).toContain('B,overrides,,,"{""disable"":[""peso-crisis"",""proposition-187""]}",,');
    expect(lines.filter((l) => l.startsWith('B-A,'))).toHaveLength(4);
    // Every option of every issue has a line per arm (zero when no ratified deal chose it).
    const options = zacatecas.issues.reduce((n, i) => n + i.options.length, 0);
    expect(lines.filter((l) => l.startsWith('A,issues,'))).toHaveLength(options);
    expect(reportFileName(report, 'csv')).toBe('binational-lab-zacatecas-1995-seed7-8-compare.csv');
  });
});
