// The classroom server under test, in its own process (`node --import tsx src/server/main.ts`), so its CPU
// and memory are read from /proc apart from the bots': user+system time of the server process and of the
// processes it started (tsx's esbuild), and its resident memory, sampled every second.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../helpers/free-port';

export interface ServerOptions {
  /** The repository root (where src/server/main.ts is). */
  root: string;
  databaseUrl?: string;
  /** Write a V8 CPU profile of the server into this folder when it stops (node --cpu-prof). */
  cpuProfDir?: string;
}

export interface CpuSample {
  /** Milliseconds since the previous sample. */
  dtMs: number;
  /** CPU milliseconds of the server process since the previous sample (user + system). */
  cpuMs: number;
  /** Including the processes it started. */
  treeCpuMs: number;
  rssBytes: number;
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process in milliseconds, or null when it is gone. */
export function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(rest[11]);
    const stime = Number(rest[12]);
    return ((utime + stime) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
}

export function rssBytesOf(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Busy CPU milliseconds of the whole machine so far (all cores: user, nice, system, irq, softirq, steal). */
export function machineBusyMs(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = f;
    return ((user + nice + system + irq + softirq + steal) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
}

/** The 1-minute load average (runnable processes), for the report's note on what else ran. */
export function loadAverage(): number | null {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

/** The process and every process below it. */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const p = out[i]!;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').split(' ').filter(Boolean)) out.push(Number(c));
      } catch {
        // the task ended meanwhile
      }
    }
  }
  return out;
}

export class ServerProcess {
  readonly samples: CpuSample[] = [];
  /** Lines the server wrote to stderr (its log of failures), the first ones kept. */
  readonly errorLines: string[] = [];
  errorLineCount = 0;
  exit: { code: number | null; signal: string | null } | null = null;
  private last: { at: number; cpu: number; tree: Map<number, number> } | null = null;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly dataDir: string,
    readonly logFile: string,
    /** The PostgreSQL schema holding the run's records, or null on PGlite. */
    readonly schema: string | null,
  ) {}

  static async start(opts: ServerOptions): Promise<ServerProcess> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'binational-load-'));
    const logFile = join(dataDir, 'server.log');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dataDir, 'db'),
      CLASSROOM_API_ONLY: '1',
    };
    // On PostgreSQL the run keeps its records in a schema of its own: a class left open by an interrupted
    // run is never brought back (and played) by the next one, and nothing mixes with other records.
    const schema = opts.databaseUrl ? `loadtest_${Date.now().toString(36)}_${process.pid}` : null;
    if (opts.databaseUrl) {
      env.DATABASE_URL = opts.databaseUrl;
      env.DATABASE_SCHEMA = schema!;
    } else {
      delete env.DATABASE_URL;
      delete env.DATABASE_SCHEMA;
    }
    const args = ['--import', 'tsx'];
    if (opts.cpuProfDir) args.push('--cpu-prof', `--cpu-prof-dir=${resolve(opts.cpuProfDir)}`);
    args.push('src/server/main.ts');
    const child = spawn(process.execPath, args, { cwd: opts.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const sp = new ServerProcess(child, `http://127.0.0.1:${port}`, dataDir, logFile, schema);
    const log = createWriteStream(logFile);
    child.stdout!.pipe(log, { end: false });
    let partial = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) sp.noteError(line);
    });
    child.once('exit', (code, signal) => {
      sp.exit = { code, signal };
      log.end();
    });
    await sp.waitForHttp(90_000);
    return sp;
  }

  private noteError(line: string): void {
    if (!line.trim()) return;
    // A failure's stack follows its [classroom] line: count the lines that start a report.
    if (/^\[classroom\]|Error|error/.test(line)) this.errorLineCount++;
    if (this.errorLines.length < 40) this.errorLines.push(line);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves once the server answers HTTP (any status), fails if it exits or takes longer than `ms`. */
  private async waitForHttp(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (this.exit) throw new Error(`the server exited while starting (code ${this.exit.code}); its log: ${this.logFile}\n${this.errorLines.join('\n')}`);
      try {
        await fetch(`${this.url}/api/`, { signal: AbortSignal.timeout(1000) });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`the server did not answer HTTP within ${ms / 1000} s; its log: ${this.logFile}`);
  }

  /**
   * CPU and memory since the previous call (the runner calls it every second); null on the first call,
   * which only sets the baseline, or when the process is gone.
   */
  sample(): CpuSample | null {
    const pid = this.pid;
    const cpu = cpuMsOf(pid);
    const rss = rssBytesOf(pid);
    if (cpu === null || rss === null) return null;
    const now = performance.now();
    const tree = new Map<number, number>();
    for (const p of processTree(pid)) {
      const c = cpuMsOf(p);
      if (c !== null) tree.set(p, c);
    }
    const last = this.last;
    this.last = { at: now, cpu, tree };
    if (!last) return { dtMs: 0, cpuMs: 0, treeCpuMs: 0, rssBytes: rss };
    let treeCpuMs = 0;
    for (const [p, c] of tree) treeCpuMs += c - (last.tree.get(p) ?? 0);
    return { dtMs: now - last.at, cpuMs: cpu - last.cpu, treeCpuMs, rssBytes: rss };
  }

  /** Asks the server to stop (it saves and exits), then kills it if it has not within `ms`. */
  async stop(ms = 20_000): Promise<void> {
    if (this.exit) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), ms);
    await exited;
    clearTimeout(timer);
  }

  /** Removes the temporary data folder (kept when the run failed, for its log). */
  cleanUp(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
