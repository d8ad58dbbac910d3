// The scenarios property tests run on: the literal fixture and every built-in scenario.
import type { Scenario } from '../../src/content/scenario-schema';
import { ScenarioSchema } from '../../src/content/scenario-schema';
import { miniScenario } from '../fixtures/mini-scenario';
import { allScenarios } from '../../src/content/scenarios';

export function scenariosUnderTest(): Scenario[] {
  return [ScenarioSchema.parse(miniScenario()), ...allScenarios()];
}
