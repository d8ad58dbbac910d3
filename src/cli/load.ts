// Loading a built-in scenario for a command-line tool: an unknown id or an invalid file ends the
// command with every error printed (file, JSON path, rule) and exit code 1.
import type { Scenario } from '../content/scenario-schema';
import { getScenario, SCENARIO_IDS, ScenarioLoadError } from '../content/scenarios';
import { formatContentError } from '../content/load-scenario';

export function loadScenarioOrExit(id: string): Scenario {
  try {
    const s = getScenario(id);
    if (s) return s;
    console.error(`error: unknown scenario "${id}"; valid scenarios: ${SCENARIO_IDS.join(', ')}`);
  } catch (e) {
    if (!(e instanceof ScenarioLoadError)) throw e;
    for (const err of e.errors) console.error(formatContentError(err));
  }
  process.exit(1);
}
