// The load test's command line: `npm run loadtest -- [options]`. Every bad value is refused with the
// option's name and the rule it breaks.
import { parseArgs } from 'node:util';
import { SCENARIO_IDS } from '../../src/content/scenarios';

export interface LoadOptions {
  minutes: number;
  tables: number;
  /** Students per delegation (seatsPerSide): 2 makes 4 students a table. */
  classSize: number;
  databaseUrl: string | null;
  json: string | null;
  scenarioId: string;
  /** Think time range in seconds. */
  think: { min: number; max: number };
  seed: number;
  serverCpuProf: string | null;
  /** Scheduling niceness for the server and the bots (negative: ahead of other work on a shared machine), or null to leave it. */
  nice: number | null;
  /** One table in this many has a hostile adviser, and the forger, guesser and impostor run; 0 for none. */
  hostileEvery: number;
  help: boolean;
}

export const USAGE = `npm run loadtest -- [options]
  --minutes <n>        how long the load runs (default 5; fractions allowed)
  --tables <n>         tables playing at once, 4 students each with --class-size 2 (default 30)
  --class-size <n>     students per delegation: 1, 2 or 3 (default 2)
  --scenario <id>      ${SCENARIO_IDS.join(', ')} (default whole-enchilada-2001)
  --think <a-b>        a student's think time before acting, in seconds (default 0.5-3)
  --seed <n>           seeds the classes, the students' think times and their AI (default 1)
  --database-url <url> the server keeps its records in this PostgreSQL, in a fresh schema loadtest_… (default:
                       embedded PGlite in a temp folder)
  --hostile <n>        one table in n of each class (tables 1, 1+n, …) seats a hostile adviser whose client sends
                       malformed, oversized, out-of-role and flooding messages, and three more hostile clients run:
                       forged and stale seat tokens, wrong join codes from 127.0.0.2, instructor calls without the
                       secret from 127.0.0.3 (default 10; 0 for none; the adviser needs --class-size 2 or more)
  --json <file>        also write the figures as JSON
  --server-cpu-prof <dir>  write a V8 CPU profile of the server there (node --cpu-prof)
  --nice=<n>           run the server and the bots at this niceness (-20..19; below 0 needs root): on a shared
                       machine, -10 puts them ahead of other work so the figures measure the server, not its neighbours
Exit code 0 when every target holds (p99 <= 150 ms, no error, no lost event, every hostile request refused as
expected), 1 when one does not, 2 on bad options.`;

export class OptionError extends Error {}

function number(name: string, raw: string | undefined, fallback: number, rule: (n: number) => boolean, expected: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !rule(n)) throw new OptionError(`--${name} ${raw}: ${expected} is expected`);
  return n;
}

export function parseOptions(argv: readonly string[]): LoadOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: {
        minutes: { type: 'string' },
        tables: { type: 'string' },
        'class-size': { type: 'string' },
        'database-url': { type: 'string' },
        json: { type: 'string' },
        scenario: { type: 'string' },
        think: { type: 'string' },
        seed: { type: 'string' },
        'server-cpu-prof': { type: 'string' },
        nice: { type: 'string' },
        hostile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new OptionError((e as Error).message);
  }
  const str = (k: string) => values[k] as string | undefined;
  const minutes = number('minutes', str('minutes'), 5, (n) => n > 0 && n <= 240, 'a number of minutes above 0 and at most 240');
  const tables = number('tables', str('tables'), 30, (n) => Number.isInteger(n) && n >= 1 && n <= 400, 'a whole number of tables from 1 to 400');
  const classSize = number('class-size', str('class-size'), 2, (n) => Number.isInteger(n) && n >= 1 && n <= 3, 'a whole number of students per delegation from 1 to 3');
  const seed = number('seed', str('seed'), 1, (n) => Number.isInteger(n) && n >= 0 && n < 2_147_483_647, 'a whole number from 0 to 2147483646');
  const nice = str('nice') === undefined ? null : number('nice', str('nice'), 0, (n) => Number.isInteger(n) && n >= -20 && n <= 19, 'a whole number from -20 to 19');
  const hostileEvery = number('hostile', str('hostile'), 10, (n) => Number.isInteger(n) && n >= 0 && n <= 400, 'a whole number of tables from 0 to 400');
  const scenarioId = str('scenario') ?? 'whole-enchilada-2001';
  if (!(SCENARIO_IDS as readonly string[]).includes(scenarioId)) throw new OptionError(`--scenario ${scenarioId}: one of ${SCENARIO_IDS.join(', ')} is expected`);
  let think = { min: 0.5, max: 3 };
  const rawThink = str('think');
  if (rawThink !== undefined) {
    const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(rawThink.trim());
    if (!m || Number(m[1]) > Number(m[2]) || Number(m[2]) > 60) throw new OptionError(`--think ${rawThink}: two numbers of seconds "min-max" with min <= max <= 60 are expected`);
    think = { min: Number(m[1]), max: Number(m[2]) };
  }
  const databaseUrl = str('database-url') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new OptionError(`--database-url: a postgres:// or postgresql:// address is expected`);
  return {
    minutes,
    tables,
    classSize,
    databaseUrl,
    json: str('json') ?? null,
    scenarioId,
    think,
    seed,
    serverCpuProf: str('server-cpu-prof') ?? null,
    nice,
    hostileEvery,
    help: values.help === true,
  };
}
