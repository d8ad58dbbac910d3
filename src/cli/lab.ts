// npm run lab -- --scenario <id> --runs <n> [--seed <n>] [--ai us,mx] [--difficulty d] [--history]
//                [--disable id] [--move id=round] [--scale id=x] [--add id] [--json <file>] [--threads n]
// npm run lab -- compare …same flags…: arm A without the shock changes, arm B with them, on the same seeds.
// Thousands of AI-vs-AI games over all cores; everything is checked before anything runs.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { opponentCatalogue } from '../ai/opponent';
import { SCENARIO_IDS } from '../content/scenarios';
import { type ArmConfig, checkArm, resolveArm } from '../lab/batch';
import { type PoolTiming, runArmParallel } from '../lab/node-pool';
import { type ArmSummary, compareArms, summarise } from '../lab/summary';
import type { Interval } from '../lab/stats';
import { helpText, intFlag, OVERRIDE_FLAGS, overridesFrom, parseFlags, runCli, UsageError } from './args';
import { loadScenarioOrExit } from './load';

const SPEC = {
  scenario: { type: 'string', choices: SCENARIO_IDS, describe: 'which historical negotiation' },
  runs: { type: 'string', describe: 'number of games per arm (default 1000)' },
  seed: { type: 'string', describe: 'base seed; game k uses seed + k (default 1)' },
  ai: { type: 'string', describe: 'personas <us>,<mx> (default pragmatic,pragmatic)' },
  difficulty: { type: 'string', describe: 'difficulty of both AIs (default normal)' },
  history: { type: 'boolean', describe: 'historical shocks and historical personas' },
  json: { type: 'string', describe: 'also write the figures to this JSON file' },
  threads: { type: 'string', describe: 'worker threads (default: all cores)' },
  ...OVERRIDE_FLAGS,
  help: { type: 'boolean', describe: 'show this help' },
} as const;

const pct = (i: Interval) => `${(i.value * 100).toFixed(1)}% [${(i.low * 100).toFixed(1)}, ${(i.high * 100).toFixed(1)}]`;
const num = (i: Interval) => `${i.value.toFixed(1)} [${i.low.toFixed(1)}, ${i.high.toFixed(1)}]`;
const signedPct = (i: Interval) => `${i.value >= 0 ? '+' : ''}${(i.value * 100).toFixed(1)} pts [${(i.low * 100).toFixed(1)}, ${(i.high * 100).toFixed(1)}]`;

function progressBar(total: number): { tick: (n: number) => void; end: () => void } {
  let done = 0;
  const started = Date.now();
  const draw = () => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} games, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  return {
    tick: (n) => {
      done += n;
      draw();
    },
    end: () => process.stderr.write('\n'),
  };
}

function printArm(label: string, s: ArmSummary) {
  console.log(`${label}: ${s.runs} games`);
  console.log(`  agreement signed  ${pct(s.agreementRate)}`);
  console.log(`  ratified by both  ${pct(s.ratifiedRate)}`);
  console.log(`  mean score        US ${num(s.meanScore.us)}, Mexico ${num(s.meanScore.mx)}`);
  console.log(`  modal outcome     ${Object.entries(s.modal).map(([i, m]) => `${i}=${m.option} (${Math.round(m.share * 100)}%)`).join(', ')}`);
  const rounds = Object.entries(s.roundOfAgreement).map(([r, x]) => `${r} ${Math.round(x * 100)}%`);
  if (rounds.length) console.log(`  round of agreement ${rounds.join(', ')}`);
}

async function main() {
  const argv = process.argv.slice(2).filter((a) => a !== '--');
  const compare = argv[0] === 'compare';
  const { flags, positional } = parseFlags(compare ? argv.slice(1) : argv, SPEC);
  if (flags.help) {
    console.log(helpText('npm run lab -- [compare] --scenario <id> --runs <n>', SPEC));
    return;
  }
  if (positional.length) throw new UsageError(`unexpected "${positional[0]}"; the only sub-command is "compare"`);
  if (!flags.scenario) throw new UsageError(`--scenario is required; valid scenarios: ${SCENARIO_IDS.join(', ')}`);
  const scenario = loadScenarioOrExit(flags.scenario as string);
  const runs = intFlag(flags, 'runs', 1000, 1);
  const seed = intFlag(flags, 'seed', 1);
  const threads = intFlag(flags, 'threads', availableParallelism(), 1);
  const [us, mx, extra] = ((flags.ai as string | undefined) ?? 'pragmatic,pragmatic').split(',');
  if (!us || !mx || extra !== undefined) throw new UsageError('--ai takes two personas: <us>,<mx>');
  const changes = overridesFrom(flags);
  const base: ArmConfig = {
    scenarioId: scenario.id,
    runs,
    seed,
    ai: { us, mx },
    difficulty: (flags.difficulty as string | undefined) ?? 'normal',
    overrides: compare ? {} : changes,
    history: flags.history === true,
  };
  const arms: [string, ArmConfig][] = compare ? [['A (baseline)', base], ['B (changed)', { ...base, overrides: changes }]] : [['run', base]];
  if (compare && !Object.values(changes).some((v) => (Array.isArray(v) ? v.length : Object.keys(v).length)))
    throw new UsageError('compare needs a change for arm B: --disable, --move, --scale or --add');
  for (const [, arm] of arms) {
    const problems = checkArm(scenario, arm);
    if (problems.length) {
      const cat = opponentCatalogue(scenario, 'us');
      throw new UsageError(`${problems.join('; ')}${problems.some((p) => p.includes('persona')) ? ` (difficulties: ${cat.difficulties.join(', ')})` : ''}`);
    }
  }

  const started = performance.now();
  const cpu = process.cpuUsage();
  const bar = progressBar(runs * arms.length);
  const results = [];
  const timings: PoolTiming[] = [];
  for (const [label, arm] of arms) results.push({ label, arm, records: await runArmParallel(arm, bar.tick, threads, (t) => timings.push(t)) });
  bar.end();
  const summaries = results.map((r) => ({ label: r.label, settings: resolveArm(scenario, r.arm), summary: summarise(scenario, r.records) }));
  const elapsedMs = performance.now() - started;
  // CPU time of the whole process, all threads: less sensitive than wall time to other work on the machine.
  const used = process.cpuUsage(cpu);
  const games = runs * arms.length;
  console.log(`${scenario.title.en} — seeds ${seed}..${seed + runs - 1}`);
  console.log(
    `  speed             ${games} games in ${(elapsedMs / 1000).toFixed(2)} s on ${threads} threads: ${Math.round(games / (elapsedMs / 1000))} games/s, ` +
      `${((used.user + used.system) / 1000 / games).toFixed(2)} ms CPU per game; worker start-up ${Math.round(Math.max(...timings.flatMap((t) => t.startupMs)))} ms`,
  );
  for (const s of summaries) {
    printArm(s.label, s.summary);
    console.log(`  settings          AI ${s.settings.ai.us} / ${s.settings.ai.mx}; overrides ${JSON.stringify(s.settings.overrides)}`);
  }
  let difference = null;
  if (compare) {
    difference = compareArms(results[0]!.records, results[1]!.records);
    console.log('B − A (paired by seed, 95% intervals)');
    console.log(`  agreement signed  ${signedPct(difference.agreementRate)}`);
    console.log(`  ratified by both  ${signedPct(difference.ratifiedRate)}`);
    console.log(`  mean score        US ${difference.meanScore.us.value.toFixed(1)}, Mexico ${difference.meanScore.mx.value.toFixed(1)}`);
  }
  if (flags.json) {
    const out = compare
      ? { scenario: scenario.id, runs, seed, a: summaries[0], b: summaries[1], difference }
      : { scenario: scenario.id, seed, settings: summaries[0]!.settings, ...summaries[0]!.summary };
    writeFileSync(flags.json as string, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`wrote ${flags.json}`);
  }
}

runCli(main);
