// Personas are data: the built-in files pass their schema and cite real seed lines; a broken file is
// refused with the file, the JSON path and the rule; every scenario delegation has a historical persona.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allPersonas, difficultyLevels, loadPersonaData, PersonaLoadError, personaDocuments, personasFor } from '../../src/ai/persona-registry';
import { SourcesManifestSchema } from '../../src/content/citations';
import { parsePersona, parsePersonaText } from '../../src/content/persona-schema';
import { SCENARIO_IDS } from '../../src/content/scenarios';
import difficulties from '../../src/ai/personas/difficulties.json';
import pragmatic from '../../src/ai/personas/pragmatic.json';

const manifest = SourcesManifestSchema.parse(JSON.parse(readFileSync('scenarios/sources.json', 'utf8')));
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('built-in personas', () => {
  it('load, with tough, pragmatic and eager styles and three difficulty levels', () => {
    const ids = allPersonas().map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['tough', 'pragmatic', 'eager']));
    expect(Object.keys(difficultyLevels())).toEqual(['easy', 'normal', 'hard']);
  });

  it('give each delegation of each scenario exactly one historical persona', () => {
    for (const id of SCENARIO_IDS)
      for (const side of ['us', 'mx'] as const) {
        const historical = personasFor(id, side).filter((p) => p.scenario !== null);
        expect(historical.map((p) => p.side), `${id} ${side}`).toEqual([side]);
      }
  });

  it('ground historical personas in the seeds: every citation names a real, non-blank line', () => {
    for (const [file, doc] of Object.entries(personaDocuments())) {
      const r = parsePersona(doc, file, manifest);
      expect(r.ok ? [] : r.errors).toEqual([]);
      const p = allPersonas().find((x) => x.id === (doc as { id: string }).id)!;
      if (p.scenario) expect(JSON.stringify(p.concession), `${p.id} cites the seeds for its concession curve`).toMatch(/\d{3}_[0-9a-f]{16}\.txt:\d+/);
    }
  });

  it('keep Boulware, linear and Conceder shapes apart (tough < pragmatic < eager)', () => {
    const e = (id: string) => allPersonas().find((p) => p.id === id)!.concession.exponent.value;
    expect(e('tough')).toBeLessThan(e('pragmatic'));
    expect(e('pragmatic')).toBeLessThanOrEqual(1);
    expect(e('eager')).toBeGreaterThan(1);
  });
});

describe('a persona file that breaks the schema is refused with file, path and rule', () => {
  it('reports a value out of range', () => {
    const bad = clone(pragmatic);
    bad.concession.exponent.value = 50;
    const r = parsePersona(bad, 'src/ai/personas/bad.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ file: 'src/ai/personas/bad.json', path: 'concession.exponent.value', rule: expect.stringMatching(/10/) });
  });

  it('reports an unknown field and a missing one', () => {
    const bad = clone(pragmatic) as Record<string, unknown>;
    bad.aggression = 3;
    delete bad.reciprocity;
    const r = parsePersona(bad, 'p.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['reciprocity', '(root)']));
      expect(r.errors.find((e) => e.path === '(root)')!.rule).toMatch(/aggression/);
    }
  });

  it('refuses a risky ratification line unless the persona declares itself a gambler', () => {
    const bad = clone(pragmatic);
    bad.domestic.minRatification.value = 0.3;
    const r = parsePersona(bad, 'p.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ file: 'p.json', path: 'domestic.minRatification.value', rule: expect.stringMatching(/gambler/) });
    bad.domestic.gambler.value = true;
    expect(parsePersona(bad, 'p.json').ok).toBe(true);
  });

  it('refuses a citation of a line the seed does not have, and text that is not JSON', () => {
    const bad = clone(pragmatic);
    bad.reciprocity.cite = ['002_4cc06c85620ca617.txt:9999'];
    const r = parsePersona(bad, 'p.json', manifest);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ file: 'p.json', path: 'reciprocity.cite[0]', rule: expect.stringMatching(/9999/) });
    const t = parsePersonaText('{ "id": ', 'broken.json');
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.errors[0]).toMatchObject({ file: 'broken.json', path: '(root)', rule: expect.stringMatching(/JSON/) });
  });

  it('refuses a set with a duplicate id or an unknown scenario, listing the valid scenarios', () => {
    const other = clone(pragmatic);
    const historical = { ...clone(pragmatic), id: 'someone', scenario: 'alamo-1836', side: 'us' };
    try {
      loadPersonaData({ 'a.json': pragmatic, 'b.json': other, 'c.json': historical }, difficulties);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PersonaLoadError);
      const errors = (e as PersonaLoadError).errors;
      expect(errors).toContainEqual({ file: 'src/ai/personas/b.json', path: 'id', rule: expect.stringMatching(/already used by src\/ai\/personas\/a.json/) });
      expect(errors).toContainEqual({ file: 'src/ai/personas/c.json', path: 'scenario', rule: expect.stringContaining(`valid scenarios: ${SCENARIO_IDS.join(', ')}`) });
    }
  });

  it('refuses difficulty levels that miss one', () => {
    const { hard: _, ...two } = clone(difficulties);
    expect(() => loadPersonaData({ 'a.json': pragmatic }, two)).toThrow(/difficulties.json: hard/);
  });
});
