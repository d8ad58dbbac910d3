// npm run loadtest: a classroom under load on this machine. The server runs in a child process (its CPU
// and memory read from /proc every second); this process plays the students and the instructor through
// the HTTP API and colyseus.js, as browsers would, and measures what they see. Prints the figures and
// PASS/FAIL against the targets (p99 <= 150 ms from an action to every client's update, no error, no
// lost event); exit code 1 on FAIL. `npm run loadtest -- --help` lists the options.
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { MAX_TABLES } from '../../src/content/classroom-schema';
import { ErrorLog } from './errors';
import { Fleet } from './fleet';
import { HostileTally, HttpProber, quietColyseusWarnings, TokenForger } from './hostile';
import { Api } from './http';
import { Metrics, SLOW_MS } from './metrics';
import { type LoadOptions, OptionError, parseOptions, USAGE } from './args';
import { distribution, formatReport, type LoadFigures, type MinuteFigures, type ResourceSample, resources, type SlowFigures, verdict } from './report';
import { loadAverage, machineBusyMs, ServerProcess } from './server-process';
import type { RunContext } from './table';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Round timers: long enough that a student thinking 3 s never meets one, short enough that a stuck table moves on. */
const TIMERS = { proposal: 30, response: 30, domestic: 30, news: 10 };

interface Sample {
  t: number;
  /** CPU milliseconds the rest of the machine used (other processes: the load test shares the machine). */
  othersCpuMs: number;
  loadAverage: number | null;
  server: ResourceSample & { treeCpuMs: number };
  bots: ResourceSample;
  activeTables: number;
}

async function main(opts: LoadOptions): Promise<number> {
  const t0 = Date.now();
  const errors = new ErrorLog(t0);
  const store = opts.databaseUrl ? 'PostgreSQL (--database-url)' : 'embedded PGlite (temp folder)';
  console.log(`Starting the classroom server (${store})…`);
  const server = await ServerProcess.start({
    root,
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    ...(opts.serverCpuProf ? { cpuProfDir: opts.serverCpuProf } : {}),
  });
  // The server idle, settled for a few seconds after its start: the baseline its memory per table is measured above.
  await new Promise((r) => setTimeout(r, 3000));
  const idleRss = server.sample()?.rssBytes ?? 0;
  console.log(`Server pid ${server.pid} at ${server.url}; log ${server.logFile}${server.schema ? `; records in schema ${server.schema}` : ''}`);

  const metrics = new Metrics();
  const run: RunContext = { url: server.url, metrics, errors, thinkMs: { min: opts.think.min * 1000, max: opts.think.max * 1000 }, stopping: false, seed: opts.seed };
  const api = new Api(server.url, errors);
  const tally = new HostileTally(run);
  const fleet = new Fleet(run, api, { tables: opts.tables, seatsPerSide: opts.classSize, scenarioId: opts.scenarioId, timers: TIMERS, hostileEvery: opts.hostileEvery, tally });
  const hostiles = opts.hostileEvery > 0 ? [new TokenForger(run, () => fleet.classes, tally), new HttpProber(run, () => fleet.classes, tally)] : [];
  quietColyseusWarnings();

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) metrics.gcMs.push(e.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  const samples: Sample[] = [];
  let lastCpu = process.cpuUsage();
  let lastAt = performance.now();
  let lastBusy = machineBusyMs() ?? 0;
  let heapPeak = 0;
  const sampler = setInterval(() => {
    const now = performance.now();
    const s = server.sample();
    const cpu = process.cpuUsage();
    const busy = machineBusyMs() ?? lastBusy;
    const botsCpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    const dtMs = now - lastAt;
    const othersCpuMs = Math.max(0, busy - lastBusy - botsCpuMs - (s?.treeCpuMs ?? 0));
    lastCpu = cpu;
    lastAt = now;
    lastBusy = busy;
    if (s) samples.push({ t: now, othersCpuMs, loadAverage: loadAverage(), server: { dtMs: s.dtMs, cpuMs: s.cpuMs, rssBytes: s.rssBytes, treeCpuMs: s.treeCpuMs }, bots: { dtMs, cpuMs: botsCpuMs, rssBytes: process.memoryUsage.rss() }, activeTables: fleet.activeTables });
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    fleet.checkOverdue();
  }, 1000);

  // The server's responsiveness seen from outside: a small request (an unknown API route, answered 404
  // by the API handler) every 250 ms; a slow answer means its event loop was busy or it was descheduled.
  let pinging = false;
  const pinger = setInterval(() => {
    if (pinging) return;
    pinging = true;
    const t = performance.now();
    fetch(`${server.url}/api/ping`, { signal: AbortSignal.timeout(10_000) })
      .then((r) => r.arrayBuffer())
      .then(
        () => {
          metrics.pingAt.push(t);
          metrics.pingMs.push(performance.now() - t);
        },
        (e) => errors.add('http', 'ping', (e as Error).message),
      )
      .finally(() => {
        pinging = false;
      });
  }, 250);

  const started = performance.now();
  let exitCode = 1;
  try {
    // The opening classes (at most MAX_TABLES tables each), filled and started together.
    const sizes: number[] = [];
    for (let left = opts.tables; left > 0; left -= MAX_TABLES) sizes.push(Math.min(MAX_TABLES, left));
    console.log(`Creating ${sizes.length} class${sizes.length > 1 ? 'es' : ''} (${opts.tables} tables, ${opts.tables * 2 * opts.classSize} students) and playing for ${opts.minutes} min…`);
    await Promise.all(sizes.map((n) => fleet.addClass(n)));
    console.log(`  ${fleet.connectedClients} students connected after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    fleet.startTopUp();
    for (const h of hostiles) h.start();
    const end = started + opts.minutes * 60_000;
    let nextNote = started + 60_000;
    while (performance.now() < end) {
      await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(0, end - performance.now()))));
      if (performance.now() >= nextNote) {
        nextNote += 60_000;
        const d = distribution(metrics.moveLatency);
        console.log(
          `  ${((performance.now() - started) / 60_000).toFixed(0)} min: ${fleet.activeTables} tables playing, ${metrics.moves} moves, ${metrics.gamesFinished} games finished, p99 so far ${d ? d.p99.toFixed(1) : '?'} ms, errors ${errors.total}`,
        );
      }
    }
    const durationS = (performance.now() - started) / 1000;
    console.log('Stopping the bots, pausing the tables and checking every seat against the stored games…');
    clearInterval(pinger);
    for (const h of hostiles) h.stop();
    const audit = await fleet.finish();
    clearInterval(sampler);
    loop.disable();
    gc.disconnect();
    await server.stop();

    const undelivered = fleet.undelivered();
    if (undelivered) errors.add('undelivered', 'clients', `${undelivered} (message, client) pairs whose update never arrived`);
    const serverRes = resources(samples.map((x) => x.server));
    const treeRes = resources(samples.map((x) => ({ ...x.server, cpuMs: x.server.treeCpuMs })));
    const tableSeconds = samples.reduce((a, x) => a + (x.activeTables * x.server.dtMs) / 1000, 0);
    const serverCpuMs = samples.reduce((a, x) => a + x.server.cpuMs, 0);
    const peak = samples.reduce((best, x) => (x.server.rssBytes > (best?.server.rssBytes ?? -1) ? x : best), null as Sample | null);
    const MB = 1024 * 1024;
    const http: Record<string, ReturnType<typeof distribution>> = {};
    for (const [route, list] of api.timings) http[route] = distribution(list);
    const moveLatency = distribution(metrics.moveLatency);
    const meanActive = samples.length ? samples.reduce((a, x) => a + x.activeTables, 0) / samples.length : 0;
    const figures: LoadFigures = {
      setup: {
        minutes: opts.minutes,
        tables: opts.tables,
        classSize: opts.classSize,
        scenarioId: opts.scenarioId,
        store,
        think: opts.think,
        seed: opts.seed,
        cores: availableParallelism(),
        nice: opts.nice,
      },
      durationS,
      classes: fleet.classes.length,
      tablesStarted: metrics.tablesStarted,
      gamesFinished: metrics.gamesFinished,
      meanActiveTables: meanActive,
      moves: metrics.moves,
      movesByType: Object.fromEntries(metrics.movesByType),
      signals: metrics.signals,
      updates: metrics.updates,
      summaries: metrics.summaries,
      meanUpdateBytes: mean(metrics.updateBytes),
      meanSummaryBytes: mean(metrics.summaryBytes),
      latency: {
        move: moveLatency,
        moveOwn: distribution(metrics.moveOwnLatency),
        moveOthers: distribution(metrics.moveOthersLatency),
        signal: distribution(metrics.signalLatency),
        console: distribution(metrics.consoleLatency),
      },
      http,
      hostile: {
        every: opts.hostileEvery,
        seats: fleet.classes.reduce((a, c) => a + c.hostiles.length, 0),
        refusedAsExpected: tally.total,
        byKind: Object.fromEntries([...tally.expected].sort((a, b) => b[1] - a[1])),
        unexpected: tally.unexpected,
        besideHostile: distribution(metrics.moveLatencyBesideHostile),
      },
      staleRefusals: metrics.staleRefusals,
      hiddenPairs: metrics.hiddenPairs,
      earlyAcks: metrics.earlyAcks,
      errors: { total: errors.total, byKind: Object.fromEntries(errors.byKind), first: errors.first },
      lostEvents: { ...audit, undelivered },
      server: {
        ...serverRes,
        idleRssMB: idleRss / MB,
        treeCpuMeanPct: treeRes.cpuMeanPct,
        cpuMsPerTableMinute: tableSeconds > 0 ? serverCpuMs / (tableSeconds / 60) : null,
        rssPerTableMB: peak && peak.activeTables > 0 && peak.server.rssBytes > idleRss ? (peak.server.rssBytes - idleRss) / MB / peak.activeTables : null,
        rssAllInPerTableMB: meanActive > 0 ? serverRes.rssMeanMB / meanActive : null,
        errorLogLines: server.errorLineCount,
        firstErrorLines: server.errorLines,
      },
      bots: {
        ...resources(samples.map((x) => x.bots)),
        eventLoopDelayP99Ms: loop.percentile(99) / 1e6,
        eventLoopDelayMaxMs: loop.max / 1e6,
        decideMs: distribution(metrics.decideMs),
        gcMs: distribution(metrics.gcMs),
        gcTotalMs: metrics.gcMs.reduce((a, b) => a + b, 0),
        heapPeakMB: heapPeak / MB,
      },
      machine: {
        othersCpuMeanPct: resources(samples.map((x) => ({ ...x.bots, cpuMs: x.othersCpuMs }))).cpuMeanPct,
        loadAverageMax: samples.reduce((a, x) => Math.max(a, x.loadAverage ?? 0), 0),
      },
      timeline: timeline(samples, metrics, started, durationS),
      serverPing: distribution(metrics.pingMs),
      slow: slowFigures(metrics, started),
      verdict: verdict({
        moveLatency,
        errors: errors.total,
        lostEvents: audit.lost + audit.extra + undelivered,
        seatsChecked: audit.seatsChecked,
        ...(opts.hostileEvery > 0 ? { hostile: { expected: tally.total, unexpected: tally.unexpected } } : {}),
      }),
    };
    console.log('');
    console.log(formatReport(figures));
    if (opts.json) {
      writeFileSync(opts.json, `${JSON.stringify(figures, null, 2)}\n`);
      console.log(`Figures written to ${opts.json}`);
    }
    exitCode = figures.verdict.pass ? 0 : 1;
    if (figures.verdict.pass) server.cleanUp();
    else console.log(`The server's log and records are kept in ${server.dataDir}`);
  } finally {
    clearInterval(sampler);
    clearInterval(pinger);
    await server.stop();
  }
  return exitCode;
}

/** Slow (move, client) pairs and what they coincided with: a class being created, a slow answer of the server to its ping. */
function slowFigures(metrics: Metrics, started: number): SlowFigures {
  const SLOW_PING_MS = 50;
  const slowPings = metrics.pingAt.map((at, i) => [at, at + metrics.pingMs[i]!] as const).filter(([a, b]) => b - a > SLOW_PING_MS);
  const pairs = metrics.slowPairs;
  const during = (at: number, ms: number, windows: readonly (readonly [number, number])[]) => windows.some(([a, b]) => a <= at && at - ms <= b);
  return {
    thresholdMs: SLOW_MS,
    pairs: pairs.length,
    duringClassCreation: pairs.filter((p) => during(p.at, p.ms, metrics.creating)).length,
    withSlowServerPing: pairs.filter((p) => during(p.at, p.ms, slowPings)).length,
    slowPingMs: SLOW_PING_MS,
    slowest: [...pairs]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 20)
      .map((p) => ({ atS: (p.at - started) / 1000, ms: p.ms, move: p.move, where: p.where })),
  };
}

/** The run cut into minutes (the last one may be shorter). */
function timeline(samples: readonly Sample[], metrics: Metrics, started: number, durationS: number): MinuteFigures[] {
  const out: MinuteFigures[] = [];
  for (let k = 0; k * 60 < durationS; k++) {
    const from = started + k * 60_000;
    const to = from + 60_000;
    const lat = metrics.moveLatency.filter((_, i) => metrics.moveLatencyAt[i]! >= from && metrics.moveLatencyAt[i]! < to);
    const inMinute = samples.filter((x) => x.t >= from && x.t < to);
    const pct = (pick: (x: Sample) => number) => {
      const dt = inMinute.reduce((a, x) => a + x.bots.dtMs, 0);
      return dt ? (100 * inMinute.reduce((a, x) => a + pick(x), 0)) / dt : 0;
    };
    out.push({
      minute: k,
      pairs: lat.length,
      p99Ms: distribution(lat)?.p99 ?? null,
      activeTables: inMinute.length ? inMinute.reduce((a, x) => a + x.activeTables, 0) / inMinute.length : 0,
      serverCpuPct: pct((x) => x.server.cpuMs),
      botsCpuPct: pct((x) => x.bots.cpuMs),
      othersCpuPct: pct((x) => x.othersCpuMs),
      serverRssMB: inMinute.length ? inMinute.reduce((a, x) => a + x.server.rssBytes, 0) / inMinute.length / 1024 / 1024 : 0,
    });
  }
  return out;
}

const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

let opts: LoadOptions;
try {
  opts = parseOptions(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof OptionError)) throw e;
  console.error(`${e.message}\n\n${USAGE}`);
  process.exit(2);
}
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
// --nice: the whole run starts again under `nice`, so every thread of this process (the GC's helpers
// too) and the server it starts (which inherits it) have that niceness, not only the main thread.
const NICED = 'BINATIONAL_LOADTEST_NICED';
if (opts.nice !== null && process.env[NICED] !== '1') {
  const r = spawnSync('nice', ['-n', String(opts.nice), process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [NICED]: '1' },
  });
  if (r.error) {
    console.error(`--nice=${opts.nice}: could not run nice: ${r.error.message}`);
    process.exit(2);
  }
  process.exit(r.status ?? 1);
}
main(opts).then(
  (code) => process.exit(code),
  (e) => {
    console.error('the load test failed to run:', e);
    process.exit(1);
  },
);
