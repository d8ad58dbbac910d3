// npm run bench:web — the browser game's figures on this machine: builds the production game, serves it
// with Vite's preview API and loads it in Debian's chromium (playwright-core), then prints
//   - the JavaScript the title screen needs: every script the page has loaded by the time the title is
//     interactive (Phaser included), raw and gzip (zlib level 6, as Vite reports), against the 480 KB target;
//   - time until the title is interactive (navigation start → the overlay's "New game" button and the app
//     hook exist), median of cold loads in fresh browser profiles;
//   - time until the table is ready (a game opened, the briefing and news passed, the table's controls
//     painted), from the start of the game and from navigation;
//   - frame time on the table over 5 s (requestAnimationFrame deltas: mean, p95, worst), for WebGL and Canvas;
//   - the JS heap on the table after a garbage collection (Chrome DevTools Protocol).
// It builds into test-results/bench-dist (git-ignored), not dist/.
// Flags: --no-build (reuse the last bench build), --runs N (cold loads, default 5), --json (one JSON object), --strict
// (exit 1 when the title's JS is over the target).
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { builtFileSizes, type ScriptFile, TITLE_JS_TARGET_GZIP } from '../e2e/support/budget';
import { CHROMIUM_PATH, launchChromium } from '../e2e/support/chromium';
import { ROOT, startServer } from '../e2e/support/server';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 && Number(args[runsAt + 1]) > 0 ? Number(args[runsAt + 1]) : 5;
const DIST = resolve(ROOT, 'test-results/bench-dist');

/**
 * Records, in the page, when the title becomes interactive (checked every animation frame). It also
 * defines `__name`: tsx compiles this file with esbuild's keepNames, which wraps the named helpers inside
 * the functions passed to page.evaluate in `__name(...)` calls that the page must be able to run.
 */
const TITLE_PROBE = `(() => {
  window.__name = (f) => f;
  const check = () => {
    const b = document.querySelector('[data-testid="new-game"]');
    if (window.__binational && b && !b.disabled) { window.__titleReadyAt = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

interface LoadRun {
  titleMs: number;
  scripts: ScriptFile[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function coldLoad(browser: Browser, url: string, query = ''): Promise<LoadRun> {
  // A fresh profile each time (empty HTTP cache), service workers blocked so precaching does not compete.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  await context.addInitScript(TITLE_PROBE);
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(new URL(query, url).href);
  await page.waitForFunction(() => (window as unknown as { __titleReadyAt?: number }).__titleReadyAt !== undefined, undefined, { timeout: 60_000 });
  const titleMs = await page.evaluate(() => (window as unknown as { __titleReadyAt: number }).__titleReadyAt);
  await context.close();
  const files = [...scripts].map((p) => builtFileSizes(DIST, p)).filter((f): f is ScriptFile => f !== null);
  return { titleMs, scripts: files };
}

/** Opens a game from the title through the controller and waits until the table's controls are painted. */
async function openTable(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const c = window.__binational!.controller;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    const t0 = performance.now();
    // The first game loads the game module (scenarios, engine, flow, AI) and the game's screens.
    await c.newGame();
    const scenario = c.getState().catalogue.find((s) => s.id === 'whole-enchilada-2001') ?? c.getState().catalogue[0]!;
    await c.start(scenario.id, 'us', { persona: 'pragmatic', difficulty: 'normal' });
    c.ready();
    for (let i = 0; i < 600 && c.getState().screen !== 'table'; i++) {
      if (c.getState().screen === 'interlude') c.ack();
      await frame();
    }
    while (!document.querySelector('[data-testid="status"]')) await frame();
    await frame();
    await frame();
    return performance.now() - t0;
  });
}

interface TableFigures {
  renderer: string;
  tableFromStartMs: number;
  tableFromNavigationMs: number;
  frames: number;
  meanFrameMs: number;
  p95FrameMs: number;
  worstFrameMs: number;
  heapUsedMB: number;
  heapTotalMB: number;
}

async function onTable(browser: Browser, url: string, query: string): Promise<TableFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  await context.addInitScript(TITLE_PROBE);
  const page = await context.newPage();
  await page.goto(new URL(query, url).href);
  await page.waitForFunction(() => (window as unknown as { __titleReadyAt?: number }).__titleReadyAt !== undefined, undefined, { timeout: 60_000 });
  const tableFromStartMs = await openTable(page);
  const tableFromNavigationMs = await page.evaluate(() => performance.now());
  const renderer = await page.evaluate(() => window.__binational!.renderer());
  await page.waitForTimeout(500);
  const deltas = await page.evaluate(
    () =>
      new Promise<number[]>((done) => {
        const out: number[] = [];
        let last = performance.now();
        const start = last;
        const tick = (t: number) => {
          out.push(t - last);
          last = t;
          if (t - start < 5000) requestAnimationFrame(tick);
          else done(out.slice(1));
        };
        requestAnimationFrame(tick);
      }),
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  await context.close();
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    renderer,
    tableFromStartMs,
    tableFromNavigationMs,
    frames: deltas.length,
    meanFrameMs: deltas.reduce((a, b) => a + b, 0) / Math.max(1, deltas.length),
    p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN,
    worstFrameMs: sorted[sorted.length - 1] ?? Number.NaN,
    heapUsedMB: metric('JSHeapUsedSize') / 1048576,
    heapTotalMB: metric('JSHeapTotalSize') / 1048576,
  };
}

async function main() {
  const t0 = Date.now();
  if (!flag('--no-build')) await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
  const server = await startServer(DIST);
  const browser = await launchChromium();
  try {
    const version = browser.version();
    const loads: LoadRun[] = [];
    for (let i = 0; i < RUNS; i++) loads.push(await coldLoad(browser, server.url));
    const scripts = loads[0]!.scripts.sort((a, b) => b.raw - a.raw);
    const raw = scripts.reduce((n, s) => n + s.raw, 0);
    const gzip = scripts.reduce((n, s) => n + s.gzip, 0);
    const titleMs = loads.map((l) => l.titleMs);
    const webgl = await onTable(browser, server.url, '');
    const canvas = await onTable(browser, server.url, '?renderer=canvas');
    const result = {
      chromium: `${version} (${CHROMIUM_PATH})`,
      node: process.version,
      titleJs: { files: scripts, raw, gzip, targetGzip: TITLE_JS_TARGET_GZIP, withinTarget: gzip <= TITLE_JS_TARGET_GZIP },
      titleInteractiveMs: { median: median(titleMs), min: Math.min(...titleMs), max: Math.max(...titleMs), runs: titleMs.length },
      table: [webgl, canvas],
      seconds: (Date.now() - t0) / 1000,
    };
    if (flag('--json')) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(`Binational web bench — Chromium ${result.chromium}, Node ${result.node}`);
      console.log('');
      console.log('JS loaded for the title screen (built files, Phaser included):');
      for (const s of scripts) console.log(`  ${s.path.padEnd(44)} ${kb(s.raw).padStart(11)} raw  ${kb(s.gzip).padStart(10)} gzip`);
      console.log(`  ${'total'.padEnd(44)} ${kb(raw).padStart(11)} raw  ${kb(gzip).padStart(10)} gzip   target ≤ ${kb(TITLE_JS_TARGET_GZIP)} gzip: ${result.titleJs.withinTarget ? 'OK' : 'OVER'}`);
      console.log('');
      console.log(
        `Title interactive (navigation → "New game" usable), ${titleMs.length} cold loads: median ${ms(result.titleInteractiveMs.median)} (min ${ms(result.titleInteractiveMs.min)}, max ${ms(result.titleInteractiveMs.max)})`,
      );
      console.log('');
      console.log('On the table (whole-enchilada-2001, US seat):');
      console.log('  renderer  table ready: from start / from navigation   frames in 5 s   frame mean / p95 / worst     JS heap used / total');
      for (const t of result.table) {
        console.log(
          `  ${t.renderer.padEnd(8)}  ${ms(t.tableFromStartMs).padStart(10)} / ${ms(t.tableFromNavigationMs).padStart(8)}              ${String(t.frames).padStart(5)}        ${t.meanFrameMs.toFixed(1).padStart(6)} / ${t.p95FrameMs.toFixed(1).padStart(5)} / ${t.worstFrameMs.toFixed(1).padStart(6)} ms   ${t.heapUsedMB.toFixed(1).padStart(6)} / ${t.heapTotalMB.toFixed(1)} MB`,
        );
      }
      console.log('');
      console.log(`(${result.seconds.toFixed(1)} s in all)`);
    }
    if (flag('--strict') && !result.titleJs.withinTarget) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
