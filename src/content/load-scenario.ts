// Loading a scenario: shape (zod), then cross-references, then citations. Every error names the file,
// the JSON path and the rule it breaks, and all of them are reported at once.
import type { z } from 'zod';
import { checkCitations, type SourcesManifest } from './citations';
import { checkScenarioRules } from './scenario-rules';
import { type Scenario, ScenarioSchema } from './scenario-schema';

export interface ContentError {
  file: string;
  path: string;
  rule: string;
}

export type LoadResult<T> = { ok: true; value: T } | { ok: false; errors: ContentError[] };

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(root)';
}

export function zodErrors(file: string, error: z.ZodError): ContentError[] {
  return error.issues.map((i) => ({ file, path: jsonPath(i.path), rule: i.message }));
}

export function formatContentError(e: ContentError): string {
  return `${e.file}: ${e.path}: ${e.rule}`;
}

export function parseScenario(raw: unknown, file: string, manifest?: SourcesManifest): LoadResult<Scenario> {
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    // Citation problems are still worth reporting alongside shape problems.
    const cites = manifest ? checkCitations(raw, manifest) : [];
    return { ok: false, errors: [...zodErrors(file, parsed.error), ...cites.map((v) => ({ file, ...v }))] };
  }
  const violations = [...checkScenarioRules(parsed.data), ...(manifest ? checkCitations(raw, manifest) : [])];
  if (violations.length) return { ok: false, errors: violations.map((v) => ({ file, ...v })) };
  return { ok: true, value: parsed.data };
}

/** Parses JSON text first, so a syntax error is reported like any other rule. */
export function parseScenarioText(text: string, file: string, manifest?: SourcesManifest): LoadResult<Scenario> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ file, path: '(root)', rule: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseScenario(raw, file, manifest);
}
