// npm run calibrate -- [--runs <n>] [--seed <n>] [--scenario <id>] [--write]
// The history calibration table: for each scenario, the recorded outcome beside the distribution the
// historical arm produces, and what removing each historical shock does. --write puts it in README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allScenarios, isScenarioId, SCENARIO_IDS } from '../content/scenarios';
import { type CalibrationRow, calibrate, calibrationMarkdown, replaceCalibration } from '../lab/calibration';
import { runArmParallel } from '../lab/node-pool';
import { helpText, intFlag, parseFlags, UsageError } from './args';

const SPEC = {
  runs: { type: 'string', describe: 'games per arm (default 1000)' },
  seed: { type: 'string', describe: 'first seed (default 1)' },
  scenario: { type: 'string', describe: `only this scenario (${SCENARIO_IDS.join(', ')})` },
  write: { type: 'boolean', describe: 'replace the calibration section of README.md with the table' },
  help: { type: 'boolean', describe: 'show this help' },
} as const;

async function main() {
  const { flags } = parseFlags(process.argv.slice(2), SPEC);
  if (flags.help) {
    console.log(helpText('npm run calibrate -- [--runs <n>] [--seed <n>] [--scenario <id>] [--write]', SPEC));
    return;
  }
  const runs = intFlag(flags, 'runs', 1000, 1);
  const seed = intFlag(flags, 'seed', 1);
  const only = flags.scenario as string | undefined;
  if (only && !isScenarioId(only)) throw new UsageError(`unknown scenario "${only}"; valid scenarios: ${SCENARIO_IDS.join(', ')}`);
  if (only && flags.write) throw new UsageError('--write regenerates the whole table: drop --scenario');
  const scenarios = allScenarios().filter((s) => !only || s.id === only);
  const rows: CalibrationRow[] = [];
  for (const s of scenarios) {
    process.stderr.write(`${s.id}: ${1 + s.shocks.filter((x) => x.historical).length} arms of ${runs} games\n`);
    rows.push(await calibrate(s, runs, seed, (config) => runArmParallel(config, () => {})));
  }
  const md = calibrationMarkdown(rows, scenarios, runs, seed);
  console.log(md);
  if (flags.write) {
    const file = resolve(import.meta.dirname, '../../README.md');
    writeFileSync(file, replaceCalibration(readFileSync(file, 'utf8'), md));
    process.stderr.write(`wrote the calibration table to ${file}\n`);
  }
}

main().catch((e) => {
  if (e instanceof UsageError) {
    console.error(`error: ${e.message}`);
    process.exit(2);
  }
  throw e;
});
