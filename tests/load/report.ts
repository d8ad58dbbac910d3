// The figures of a run (also written as JSON with --json) and their printed form.
import { type Distribution, distribution, type Verdict, verdict } from './stats';

export interface ResourceFigures {
  /** Percent of one core (the machine's cores together make 100 × cores). */
  cpuMeanPct: number;
  cpuPeakPct: number;
  rssMeanMB: number;
  rssPeakMB: number;
}

export interface LoadFigures {
  setup: {
    minutes: number;
    tables: number;
    classSize: number;
    scenarioId: string;
    store: string;
    think: { min: number; max: number };
    seed: number;
    cores: number;
    nice: number | null;
  };
  durationS: number;
  classes: number;
  tablesStarted: number;
  gamesFinished: number;
  meanActiveTables: number;
  moves: number;
  movesByType: Record<string, number>;
  signals: number;
  updates: number;
  summaries: number;
  meanUpdateBytes: number | null;
  meanSummaryBytes: number | null;
  latency: {
    move: Distribution | null;
    moveOwn: Distribution | null;
    moveOthers: Distribution | null;
    signal: Distribution | null;
    console: Distribution | null;
  };
  http: Record<string, Distribution | null>;
  staleRefusals: number;
  hiddenPairs: number;
  earlyAcks: number;
  errors: { total: number; byKind: Record<string, number>; first: { at: number; kind: string; where: string; reason: string }[] };
  lostEvents: { lost: number; extra: number; seatsChecked: number; tablesChecked: number; eventsExpected: number; mismatches: string[]; unreadable: string[]; undelivered: number };
  server: ResourceFigures & {
    idleRssMB: number;
    cpuMsPerTableMinute: number | null;
    /** (peak RSS - idle RSS) / tables playing at the peak; null when the peak is not above idle. */
    rssPerTableMB: number | null;
    /** Mean RSS / mean tables playing: the whole server's memory shared out, the store's included. */
    rssAllInPerTableMB: number | null;
    treeCpuMeanPct: number;
    errorLogLines: number;
    firstErrorLines: string[];
  };
  bots: ResourceFigures & {
    eventLoopDelayP99Ms: number;
    eventLoopDelayMaxMs: number;
    /** The students' AI choosing a move, per decision (it runs on the bots' event loop). */
    decideMs: Distribution | null;
    gcMs: Distribution | null;
    gcTotalMs: number;
    heapPeakMB: number;
  };
  /** What else ran on the machine meanwhile (other processes' CPU, percent of one core; the highest 1-minute load average). */
  machine: { othersCpuMeanPct: number; loadAverageMax: number };
  /** The server answering a small HTTP request every 250 ms. */
  serverPing: Distribution | null;
  slow: SlowFigures;
  /** Minute by minute: what the latency did against what the server and the rest of the machine did. */
  timeline: MinuteFigures[];
  verdict: Verdict;
  hostile: HostileFigures;
}

export interface HostileFigures {
  /** One table in this many seats a hostile adviser (0: no hostile clients). */
  every: number;
  seats: number;
  refusedAsExpected: number;
  byKind: Record<string, number>;
  unexpected: number;
  /** Move latency of the honest clients at the tables with a hostile adviser. */
  besideHostile: Distribution | null;
}

export interface SlowFigures {
  thresholdMs: number;
  pairs: number;
  /** Of them, arrived while a class was being created, filled and started. */
  duringClassCreation: number;
  /** Of them, overlapped a ping the server answered slower than slowPingMs. */
  withSlowServerPing: number;
  slowPingMs: number;
  slowest: { atS: number; ms: number; move: string; where: string }[];
}

export interface MinuteFigures {
  minute: number;
  pairs: number;
  p99Ms: number | null;
  activeTables: number;
  serverCpuPct: number;
  botsCpuPct: number;
  othersCpuPct: number;
  serverRssMB: number;
}

export interface ResourceSample {
  dtMs: number;
  cpuMs: number;
  rssBytes: number;
}

export function resources(samples: readonly ResourceSample[]): ResourceFigures {
  if (samples.length === 0) return { cpuMeanPct: 0, cpuPeakPct: 0, rssMeanMB: 0, rssPeakMB: 0 };
  let cpu = 0;
  let time = 0;
  let peak = 0;
  let rss = 0;
  let rssPeak = 0;
  for (const s of samples) {
    cpu += s.cpuMs;
    time += s.dtMs;
    if (s.dtMs > 0) peak = Math.max(peak, (100 * s.cpuMs) / s.dtMs);
    rss += s.rssBytes;
    rssPeak = Math.max(rssPeak, s.rssBytes);
  }
  const MB = 1024 * 1024;
  return { cpuMeanPct: time ? (100 * cpu) / time : 0, cpuPeakPct: peak, rssMeanMB: rss / samples.length / MB, rssPeakMB: rssPeak / MB };
}

export { distribution, verdict };

const ms = (d: Distribution | null) =>
  d ? `p50 ${d.p50.toFixed(1)}  p95 ${d.p95.toFixed(1)}  p99 ${d.p99.toFixed(1)}  max ${d.max.toFixed(1)} ms  (${d.count.toLocaleString('en-US')} samples)` : 'no samples';
const n = (x: number) => x.toLocaleString('en-US');
const f1 = (x: number) => x.toFixed(1);

export function formatReport(r: LoadFigures): string {
  const s = r.setup;
  const lines: string[] = [];
  lines.push(
    `Binational classroom load test: ${s.tables} tables × ${2 * s.classSize} students (${s.classSize} per delegation), ${s.scenarioId}, ${f1(r.durationS / 60)} min on ${s.cores} cores, records in ${s.store}`,
  );
  lines.push(`  think time ${s.think.min}–${s.think.max} s, seed ${s.seed}${s.nice === null ? '' : `, server and bots at niceness ${s.nice}`}`);
  lines.push('');
  lines.push(`Play: ${r.classes} classes, ${r.tablesStarted} tables started, ${r.gamesFinished} games finished; ${f1(r.meanActiveTables)} tables playing on average`);
  const types = Object.entries(r.movesByType)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  lines.push(`  moves ${n(r.moves)} (${f1(r.moves / r.durationS)}/s: ${types}); ready/ack ${n(r.signals)}`);
  lines.push(
    `  updates received ${n(r.updates)} (${f1(r.updates / r.durationS)}/s, ~${r.meanUpdateBytes === null ? '?' : n(Math.round(r.meanUpdateBytes))} bytes of JSON each); console summaries ${n(r.summaries)} (~${r.meanSummaryBytes === null ? '?' : n(Math.round(r.meanSummaryBytes))} bytes)`,
  );
  lines.push('');
  lines.push('Latency, a client action to each client at its table receiving the update that holds it:');
  lines.push(`  moves, all clients   ${ms(r.latency.move)}`);
  lines.push(`    the mover itself   ${ms(r.latency.moveOwn)}`);
  lines.push(`    the other clients  ${ms(r.latency.moveOthers)}`);
  lines.push(`  ready / ack          ${ms(r.latency.signal)}`);
  lines.push(`  console (an offer showing in the instructor's summary) ${ms(r.latency.console)}`);
  lines.push(`  (${n(r.hiddenPairs)} lobbying moves not counted for the other delegation, which never sees them)`);
  if (r.earlyAcks)
    lines.push(`  ${n(r.earlyAcks)} moves were acknowledged (ackSeq) by an update that did not hold them yet; a later update did (counted from the later one)`);
  const sl = r.slow;
  const share = (k: number) => (sl.pairs ? `${Math.round((100 * k) / sl.pairs)}%` : '-');
  lines.push(
    `  pairs over ${sl.thresholdMs} ms: ${n(sl.pairs)}; ${share(sl.duringClassCreation)} of them while a class was being created, ${share(sl.withSlowServerPing)} while the server answered its ping slower than ${sl.slowPingMs} ms`,
  );
  for (const x of sl.slowest.slice(0, 5)) lines.push(`    ${f1(x.atS)} s  ${f1(x.ms)} ms  ${x.move}  ${x.where}`);
  lines.push(`  server ping (a small HTTP request every 250 ms) ${ms(r.serverPing)}`);
  const http = Object.entries(r.http)
    .filter(([, d]) => d)
    .map(([k, d]) => `${k}: p50 ${f1(d!.p50)} max ${f1(d!.max)} ms (${d!.count})`);
  if (http.length) lines.push(`  HTTP  ${http.join('; ')}`);
  lines.push('');
  const h = r.hostile;
  if (h.every > 0) {
    lines.push(
      `Hostile clients (a hostile adviser at one table in ${h.every}: ${h.seats} seats; a token forger; a code guesser at 127.0.0.2; an instructor impostor at 127.0.0.3): ${n(h.refusedAsExpected)} bad requests answered as expected, ${h.unexpected} otherwise`,
    );
    for (const [k, v] of Object.entries(h.byKind)) lines.push(`  ${String(n(v)).padStart(7)}  ${k}`);
    lines.push(`  the honest clients at the hostile advisers' tables: ${ms(h.besideHostile)}`);
    lines.push('');
  }
  lines.push(`Errors: ${r.errors.total}${r.errors.total ? ` (${Object.entries(r.errors.byKind).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`);
  for (const e of r.errors.first) lines.push(`  ${f1(e.at)} s  ${e.kind}  ${e.where}: ${e.reason}`);
  if (r.staleRefusals) lines.push(`  (${r.staleRefusals} moves refused because the table had moved on meanwhile: not counted as errors)`);
  const le = r.lostEvents;
  lines.push(
    `Lost events: ${le.lost} (${n(le.eventsExpected)} events expected over ${le.seatsChecked} seats at ${le.tablesChecked} tables; ${le.extra} unexpected; ${le.undelivered} updates never delivered)`,
  );
  for (const m of le.mismatches) lines.push(`  ${m}`);
  for (const u of le.unreadable) lines.push(`  not checked: ${u}`);
  lines.push('');
  const sv = r.server;
  lines.push(
    `Server (its own process): CPU mean ${f1(sv.cpuMeanPct)}%, peak ${f1(sv.cpuPeakPct)}% of one core (with the processes it started: ${f1(sv.treeCpuMeanPct)}%); ${sv.cpuMsPerTableMinute === null ? '?' : n(Math.round(sv.cpuMsPerTableMinute))} CPU-ms per table-minute`,
  );
  lines.push(
    `  memory: ${f1(sv.idleRssMB)} MB idle just after start, mean ${f1(sv.rssMeanMB)} MB, peak ${f1(sv.rssPeakMB)} MB RSS under load; per table: ${sv.rssPerTableMB === null ? 'not measurable (the load never rose above the idle figure, which holds start-up memory released later)' : `${f1(sv.rssPerTableMB)} MB above idle`}, ${sv.rssAllInPerTableMB === null ? '?' : f1(sv.rssAllInPerTableMB)} MB all in (mean RSS / mean tables)`,
  );
  if (sv.errorLogLines) {
    lines.push(`  the server logged ${sv.errorLogLines} error lines, first:`);
    for (const l of sv.firstErrorLines.slice(0, 8)) lines.push(`    ${l}`);
  }
  const b = r.bots;
  lines.push(
    `Bots (this process): CPU mean ${f1(b.cpuMeanPct)}%, peak ${f1(b.cpuPeakPct)}% of one core; RSS peak ${f1(b.rssPeakMB)} MB (JS heap ${f1(b.heapPeakMB)} MB); event-loop delay p99 ${f1(b.eventLoopDelayP99Ms)} ms, max ${f1(b.eventLoopDelayMaxMs)} ms`,
  );
  lines.push(
    `  (a late arrival there adds to the measured latency) the AI's decisions: ${b.decideMs ? `p99 ${f1(b.decideMs.p99)} ms, max ${f1(b.decideMs.max)} ms` : 'none'}; GC pauses: ${b.gcMs ? `${b.gcMs.count}, ${n(Math.round(b.gcTotalMs))} ms in all, p99 ${f1(b.gcMs.p99)} ms, max ${f1(b.gcMs.max)} ms` : 'none'}`,
  );
  lines.push(
    `Machine: other processes used ${f1(r.machine.othersCpuMeanPct)}% of one core on average meanwhile (load average up to ${r.machine.loadAverageMax.toFixed(2)} on ${s.cores} cores)`,
  );
  if (r.timeline.length > 1) {
    lines.push('By minute: moves→clients pairs, their p99; tables playing; CPU % of one core of the server, the bots and the other processes; server RSS');
    for (const m of r.timeline)
      lines.push(
        `  ${String(m.minute + 1).padStart(3)}  ${String(m.pairs).padStart(6)} pairs  p99 ${m.p99Ms === null ? '   ?' : m.p99Ms.toFixed(1).padStart(6)} ms  ${f1(m.activeTables).padStart(5)} tables  server ${f1(m.serverCpuPct).padStart(5)}%  bots ${f1(m.botsCpuPct).padStart(5)}%  others ${f1(m.othersCpuPct).padStart(5)}%  ${f1(m.serverRssMB)} MB`,
      );
  }
  lines.push('');
  for (const c of r.verdict.checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.measured} (target ${c.required})`);
  lines.push(r.verdict.pass ? 'PASS' : 'FAIL');
  return lines.join('\n');
}
