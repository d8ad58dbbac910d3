// The lab's worker threads run a JavaScript bundle of the worker entry: it gives the records the same
// games give in this thread, and the bundle is rebuilt exactly when one of its sources changes.
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/content/scenarios';
import { type ArmConfig, runRange } from '../../src/lab/batch';
import { bundleEntry, type PoolTiming, runArmParallel, workerBundle } from '../../src/lab/node-pool';

describe('lab worker threads', () => {
  it('give the records runRange gives in this thread, in seed order', async () => {
    const config: ArmConfig = {
      scenarioId: 'whole-enchilada-2001',
      runs: 41,
      seed: 5,
      ai: { us: 'pragmatic', mx: 'tough' },
      difficulty: 'normal',
      overrides: { disable: ['september-11'] },
      history: false,
    };
    let progress = 0;
    let timing: PoolTiming | null = null;
    const records = await runArmParallel(config, (n) => (progress += n), 2, (t) => (timing = t));
    expect(records).toEqual(runRange(getScenario(config.scenarioId)!, config, 0, 41, undefined, null));
    expect(progress).toBe(41);
    expect(timing!.startupMs).toHaveLength(2);
  });
  it('run from a bundle of the worker entry that lists the scenarios among its inputs', async () => {
    const file = await workerBundle();
    expect(readFileSync(file, 'utf8')).toContain('whole-enchilada-2001');
    expect(await workerBundle()).toBe(file);
  });
});

describe('bundleEntry', () => {
  it('reuses the bundle while its sources are unchanged and rebuilds it when one changes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bundle-src-'));
    const out = mkdtempSync(join(tmpdir(), 'bundle-out-'));
    writeFileSync(join(root, 'entry.ts'), "import { word } from './dep';\nexport const said: string = word + '!';\n");
    writeFileSync(join(root, 'dep.ts'), "export const word = 'hola';\n");
    const first = await bundleEntry(join(root, 'entry.ts'), root, out);
    const built = statSync(first).mtimeMs;
    expect(await bundleEntry(join(root, 'entry.ts'), root, out)).toBe(first);
    expect(statSync(first).mtimeMs).toBe(built);
    expect(((await import(pathToFileURL(first).href)) as { said: string }).said).toBe('hola!');

    writeFileSync(join(root, 'dep.ts'), "export const word = 'adiós';\n");
    const second = await bundleEntry(join(root, 'entry.ts'), root, out);
    expect(second).not.toBe(first);
    expect(((await import(pathToFileURL(second).href)) as { said: string }).said).toBe('adiós!');
    // A recent bundle stays (a run may still be using it); one a day old goes when the next is written.
    expect(existsSync(first)).toBe(true);
    const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
    utimesSync(first, dayAgo, dayAgo);
    writeFileSync(join(root, 'dep.ts'), "export const word = 'hello';\n");
    const third = await bundleEntry(join(root, 'entry.ts'), root, out);
    expect(existsSync(first)).toBe(false);
    expect(existsSync(second)).toBe(true);
    expect(existsSync(third)).toBe(true);
  });
});
