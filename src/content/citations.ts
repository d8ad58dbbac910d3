// Citations: every number and option range in a scenario names the seed line it comes from,
// or says "design". The seeds themselves live outside the game; a manifest of their line counts
// (scenarios/sources.json) lets a scenario be checked anywhere.
import { z } from 'zod';
import type { RuleViolation } from './scenario-rules';

export const SourcesManifestSchema = z
  .object({
    files: z.record(
      z.string(),
      z.object({ lines: z.number().int().positive(), blank: z.array(z.number().int().positive()), sha256: z.string() }).strict(),
    ),
  })
  .strict();
export type SourcesManifest = z.infer<typeof SourcesManifestSchema>;

export interface ParsedCite {
  file: string;
  from: number;
  to: number;
}

export function parseCite(cite: string): ParsedCite | 'design' | null {
  if (cite === 'design') return 'design';
  const m = /^(\d{3}_[0-9a-f]{16}\.txt):(\d+)(?:-(\d+))?$/.exec(cite);
  if (!m) return null;
  const from = Number(m[2]);
  return { file: m[1]!, from, to: m[3] ? Number(m[3]) : from };
}

type Json = unknown;

/** Every `cite` list in a scenario document, with its JSON path. */
export function collectCites(doc: Json, path = ''): { path: string; cite: string }[] {
  const out: { path: string; cite: string }[] = [];
  const walk = (node: Json, p: string, inCites: boolean) => {
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, `${p}[${i}]`, inCites);
    }
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(v, p ? `${p}.${k}` : k, k === 'cite' || p.endsWith('issueCites'));
    else if (inCites && typeof node === 'string') out.push({ path: p, cite: node });
  };
  walk(doc, path, false);
  return out;
}

/** Paths of numbers that neither sit in an object with a `cite` nor under one that has it. */
export function uncitedNumbers(doc: Json): string[] {
  const out: string[] = [];
  const walk = (node: Json, p: string, covered: boolean) => {
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, `${p}[${i}]`, covered);
    }
    else if (node && typeof node === 'object') {
      const has = covered || Array.isArray((node as Record<string, unknown>).cite);
      for (const [k, v] of Object.entries(node)) walk(v, p ? `${p}.${k}` : k, has);
    } else if (typeof node === 'number' && !covered) out.push(p);
  };
  walk(doc, '', false);
  return out;
}

/** Citations that name an unknown seed, a line beyond its end, or a blank line. */
export function checkCitations(doc: Json, manifest: SourcesManifest): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const { path, cite } of collectCites(doc)) {
    const c = parseCite(cite);
    if (c === 'design') continue;
    if (!c) {
      out.push({ path, rule: `"${cite}" is not a citation` });
      continue;
    }
    const file = manifest.files[c.file];
    if (!file) out.push({ path, rule: `cites an unknown seed "${c.file}"` });
    else if (c.from < 1 || c.to > file.lines || c.to < c.from)
      out.push({ path, rule: `cites line ${c.from}${c.to !== c.from ? `-${c.to}` : ''} of ${c.file}, which has ${file.lines} lines` });
    else if (c.from === c.to && file.blank.includes(c.from)) out.push({ path, rule: `cites line ${c.from} of ${c.file}, which is blank` });
  }
  for (const p of uncitedNumbers(doc)) out.push({ path: p, rule: 'a number with no citation (cite a seed line or "design")' });
  return out;
}
