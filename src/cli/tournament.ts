// npm run tournament -- --scenario <id|all> --games <n> [--json <file>] [--entries a,b,…] [--seed <n>] [--disable <shock>]
// Plays every policy against every other from both seats and prints, per pairing, the agreement and
// ratification rates, each side's mean score, the joint gain and the distance to the Pareto frontier;
// then each entry's own mean score over all its games. Progress goes to stderr.
import { writeFileSync } from 'node:fs';
import { checkOverrides } from '../engine';
import { checkBars, DEFAULT_ENTRIES, type Entry, resolveEntry, runTournament, type TournamentResult } from '../ai/tournament';
import { SCENARIO_IDS } from '../content/scenarios';
import { helpText, intFlag, parseFlags, UsageError } from './args';
import { loadScenarioOrExit } from './load';

const SPEC = {
  scenario: { type: 'string', describe: `a scenario id or "all" (${SCENARIO_IDS.join(', ')})` },
  games: { type: 'string', describe: 'games per pairing and seat (default 20)' },
  seed: { type: 'string', describe: 'first seed (default 1)' },
  entries: { type: 'string', describe: `comma-separated entries (default: ${DEFAULT_ENTRIES.join(',')})` },
  json: { type: 'string', describe: 'also write the results as JSON to this file' },
  disable: { type: 'string', repeat: true, describe: 'play the counterfactual arm without this shock (repeatable)' },
  help: { type: 'boolean', describe: 'show this help' },
} as const;

function bar(done: number, total: number, label: string): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor((100 * done) / total)).padStart(3)}% ${done}/${total} games`);
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function print(r: TournamentResult): void {
  const w = Math.max(12, ...r.summary.map((s) => s.name.length));
  const arm = r.overrides.disable?.length ? `counterfactual arm without ${r.overrides.disable.join(', ')}` : 'historical arm';
  console.log(`\n${r.scenario} (${arm}) — ${r.gamesPerSeat} games per pairing and seat (seeds ${r.firstSeed}–${r.firstSeed + r.gamesPerSeat - 1})`);
  console.log('scores: 0–100, 50 = acting alone; joint = mean gain over both reservation values; dist = mean distance of agreements to the Pareto frontier');
  console.log('agree = signed; ratif = ratified by both; overlap = ratified / games whose win-sets overlapped (a package both sides prefer to acting alone and each would ratify with ≥ 90% chance)');
  console.log(`${'A'.padEnd(w)}  ${'B'.padEnd(w)}  games  agree  ratif  scoreA  scoreB  joint   dist  overlap`);
  for (const p of r.pairings)
    console.log(
      `${p.a.padEnd(w)}  ${p.b.padEnd(w)}  ${String(p.games).padStart(5)}  ${pct(p.agreementRate).padStart(5)}  ${pct(p.ratificationRate).padStart(5)}  ${p.scoreA.toFixed(1).padStart(6)}  ${p.scoreB.toFixed(1).padStart(6)}  ${p.jointGain.toFixed(3).padStart(5)}  ${p.distance === null ? '    -' : p.distance.toFixed(3).padStart(5)}  ${`${p.overlapRatified}/${p.overlapGames}`.padStart(7)}`,
    );
  console.log(`\nper entry, over all its games (both seats, every opponent)`);
  console.log(`${'entry'.padEnd(w)}  kind      games  own score  agree  ratif`);
  for (const s of [...r.summary].sort((a, b) => b.meanScore - a.meanScore))
    console.log(
      `${s.name.padEnd(w)}  ${s.kind.padEnd(8)}  ${String(s.games).padStart(5)}  ${s.meanScore.toFixed(1).padStart(9)}  ${pct(s.agreementRate).padStart(5)}  ${pct(s.ratificationRate).padStart(5)}`,
    );
}

const BAR_TEXT = {
  score: (v: number, a: number) => `own mean score ${v.toFixed(1)} vs best baseline ${a.toFixed(1)}`,
  agreement: (v: number, a: number) => `ratified agreements ${pct(v)} vs linear ${pct(a)}`,
  selfPlay: (v: number, a: number) => `self-play: ratified in ${pct(v)} of games with overlapping win-sets (bar ${pct(a)})`,
  selfPlayExpected: (v: number, a: number) => `self-play: expected ratification ${pct(v)} in those games, from the exact vote odds (bar ${pct(a)})`,
  frontier: (v: number, a: number) => `self-play: agreements ${v.toFixed(3)} from the Pareto frontier on average (bar ${a})`,
} as const;

function printBars(r: TournamentResult): void {
  const ais = r.summary.filter((s) => s.kind === 'ai' && /\/(normal|hard)$/.test(s.name)).map((s) => s.name);
  const checks = checkBars(r, ais);
  if (!checks.length) return;
  console.log('\nbars (normal and hard AI entries)');
  for (const c of checks) {
    const mark = c.ok === null ? ' n/a' : c.ok ? ' ok ' : 'MISS';
    const text = c.value === null ? (c.bar === 'frontier' ? 'self-play: no agreement' : 'self-play: no game with overlapping win-sets') : BAR_TEXT[c.bar](c.value, c.against);
    console.log(`${mark}  ${c.entry.padEnd(20)} ${text}`);
  }
}

function main() {
  const { flags } = parseFlags(process.argv.slice(2), SPEC);
  if (flags.help) {
    console.log(helpText('npm run tournament -- --scenario <id|all> --games <n> [--json <file>]', SPEC));
    return;
  }
  if (!flags.scenario) throw new UsageError(`--scenario is required; valid scenarios: ${SCENARIO_IDS.join(', ')}, all`);
  const ids = flags.scenario === 'all' ? [...SCENARIO_IDS] : [flags.scenario as string];
  const games = intFlag(flags, 'games', 20, 1);
  const seed = intFlag(flags, 'seed', 1);
  const names = flags.entries ? (flags.entries as string).split(',').filter(Boolean) : [...DEFAULT_ENTRIES];
  const results: TournamentResult[] = [];
  for (const id of ids) {
    const scenario = loadScenarioOrExit(id);
    const entries: Entry[] = [];
    for (const name of names) {
      const e = resolveEntry(scenario, name);
      if (typeof e === 'string') throw new UsageError(e);
      entries.push(e);
    }
    const overrides = { disable: (flags.disable as string[] | undefined) ?? [] };
    const problems = checkOverrides(scenario, overrides);
    if (problems.length) throw new UsageError(problems.map((p) => `${p.path}: ${p.rule}`).join('; '));
    const r = runTournament(
      scenario,
      entries,
      games,
      seed,
      (done, total) => {
        if (done === total || done % 10 === 0) bar(done, total, id);
      },
      overrides,
    );
    process.stderr.write('\n');
    print(r);
    printBars(r);
    results.push(r);
  }
  if (flags.json) writeFileSync(flags.json as string, `${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
}

try {
  main();
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`error: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
