// npm run bench:lab-web — the browser Lab's speed on this machine: builds the production game, serves it
// with Vite's preview API, opens the Lab screen in Debian's chromium (playwright-core) and times batches of
// AI-vs-AI games of whole-enchilada-2001 as a user runs them: from pressing Run (workers started, scenario
// loaded in each) to the results drawn. Prints 1,000 and 10,000 games against the 20 s target for
// 10,000. It builds into test-results/lab-bench-dist (git-ignored), not dist/.
// Flags: --no-build (reuse the last build), --runs a,b (default 1000,10000), --history (the historical arm),
// --json (one JSON object), --strict (exit 1 when 10,000 games take more than 20 s).
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../e2e/support/chromium';
import { ROOT, startServer } from '../e2e/support/server';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const runsAt = args.indexOf('--runs');
const RUNS = (runsAt >= 0 ? (args[runsAt + 1] ?? '') : '1000,10000')
  .split(',')
  .map(Number)
  .filter((n) => Number.isSafeInteger(n) && n > 0 && n <= 10_000);
const DIST = resolve(ROOT, 'test-results/lab-bench-dist');
const SCENARIO = 'whole-enchilada-2001';
const TARGET_10K_MS = 20_000;

/** tsx keeps function names with `__name(...)` wrappers, which the page must be able to run. */
const NAME_SHIM = 'window.__name = (f) => f;';

interface Timing {
  runs: number;
  /** Pressing Run → the results in the page (performance.now in the page). */
  ms: number;
  /** The Lab's own figure (its results line: from the start of the batch to the records summarised). */
  labSeconds: number;
  workers: number;
  agreement: string;
}

async function timeBatch(page: Page, runs: number, history: boolean): Promise<Timing> {
  await page.evaluate(() => window.__binational!.controller.openLab());
  await page.waitForSelector('[data-testid="lab-run"]');
  await page.selectOption('[data-testid="lab-scenario"]', SCENARIO);
  await page.fill('[data-testid="lab-runs"]', String(runs));
  await page.fill('[data-testid="lab-seed"]', '1');
  if (history) await page.check('[data-testid="lab-history"]');
  const ms = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector<HTMLButtonElement>('[data-testid="lab-run"]')!.click();
    await new Promise<void>((done, fail) => {
      const check = () => {
        if (document.querySelector('[data-testid="lab-results"]')) done();
        else if (/stopped/.test(document.querySelector('[data-testid="lab-status"]')?.textContent ?? '')) fail(new Error(document.querySelector('[data-testid="lab-status"]')!.textContent!));
        else setTimeout(check, 10);
      };
      check();
    });
    return performance.now() - t0;
  });
  const meta = (await page.locator('[data-testid="lab-results-meta"]').textContent()) ?? '';
  const m = / in ([\d.]+) s on (\d+) workers/.exec(meta);
  const agreement = (await page.locator('[data-testid="lab-summary"] tbody tr').first().locator('td').first().textContent()) ?? '';
  await page.evaluate(() => window.__binational!.controller.closeLab());
  return { runs, ms, labSeconds: m ? Number(m[1]) : Number.NaN, workers: m ? Number(m[2]) : 0, agreement };
}

async function main() {
  if (!flag('--no-build')) {
    console.error('building the game into test-results/lab-bench-dist …');
    await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
  }
  const server = await startServer(DIST);
  const browser = await launchChromium();
  const history = flag('--history');
  const timings: Timing[] = [];
  let cores = 0;
  try {
    for (const runs of RUNS) {
      // A fresh page per batch: nothing warmed up but what a user's first batch would have.
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
      await context.addInitScript(NAME_SHIM);
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => window.__binational !== undefined && document.querySelector('[data-testid="open-lab"]') !== null, undefined, { timeout: 60_000 });
      cores = await page.evaluate(() => navigator.hardwareConcurrency);
      console.error(`running ${runs.toLocaleString('en-US')} games …`);
      timings.push(await timeBatch(page, runs, history));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const big = timings.find((t) => t.runs === 10_000);
  if (flag('--json')) {
    console.log(JSON.stringify({ scenario: SCENARIO, history, hardwareConcurrency: cores, targetMs10k: TARGET_10K_MS, timings }, null, 2));
  } else {
    console.log(`Browser Lab (Chromium, navigator.hardwareConcurrency ${cores}), ${SCENARIO}, seed 1, ${history ? 'historical arm' : 'AI pragmatic / pragmatic'}`);
    console.log('games      Run → results   lab figure   workers   games/s   agreement (95% CI)');
    for (const t of timings)
      console.log(
        `${t.runs.toLocaleString('en-US').padStart(6)}   ${(t.ms / 1000).toFixed(1).padStart(11)} s   ${t.labSeconds.toFixed(1).padStart(8)} s   ${String(t.workers).padStart(7)}   ${Math.round(t.runs / (t.ms / 1000))
          .toString()
          .padStart(7)}   ${t.agreement}`,
      );
    if (big) console.log(`10,000 games: ${(big.ms / 1000).toFixed(1)} s — target ≤ ${TARGET_10K_MS / 1000} s: ${big.ms <= TARGET_10K_MS ? 'met' : 'NOT met'}`);
  }
  if (flag('--strict') && big && big.ms > TARGET_10K_MS) process.exit(1);
}

await main();
