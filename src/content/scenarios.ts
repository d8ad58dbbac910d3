// The built-in scenarios, validated on first use (shape, cross-references and citations). A scenario
// that fails is refused with every error, never half-loaded.
import bracero from '../../scenarios/bracero-1942.json';
import sources from '../../scenarios/sources.json';
import enchilada from '../../scenarios/whole-enchilada-2001.json';
import zacatecas from '../../scenarios/zacatecas-1995.json';
import { SourcesManifestSchema } from './citations';
import { type ContentError, formatContentError, parseScenario } from './load-scenario';
import type { Scenario } from './scenario-schema';

export const SCENARIO_IDS = ['bracero-1942', 'zacatecas-1995', 'whole-enchilada-2001'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

const raw: Record<ScenarioId, unknown> = {
  'bracero-1942': bracero,
  'zacatecas-1995': zacatecas,
  'whole-enchilada-2001': enchilada,
};

export class ScenarioLoadError extends Error {
  constructor(readonly errors: ContentError[]) {
    super(`scenario failed validation:\n${errors.map(formatContentError).join('\n')}`);
    this.name = 'ScenarioLoadError';
  }
}

export const sourcesManifest = SourcesManifestSchema.parse(sources);
const cache = new Map<string, Scenario>();

export const isScenarioId = (id: string): id is ScenarioId => (SCENARIO_IDS as readonly string[]).includes(id);

/** The validated scenario, or undefined for an unknown id; throws ScenarioLoadError if the file is invalid. */
export function getScenario(id: string): Scenario | undefined {
  const hit = cache.get(id);
  if (hit) return hit;
  if (!isScenarioId(id)) return undefined;
  const result = parseScenario(raw[id], `scenarios/${id}.json`, sourcesManifest);
  if (!result.ok) throw new ScenarioLoadError(result.errors);
  cache.set(id, result.value);
  return result.value;
}

export function allScenarios(): Scenario[] {
  return SCENARIO_IDS.map((id) => getScenario(id)!);
}
