// The three built-in scenarios: valid, cited, bilingual, with the historical shocks the brief names.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../src/content/citations';
import { scenarioJsonSchema } from '../../src/content/json-schema';
import { allScenarios, getScenario, SCENARIO_IDS, sourcesManifest } from '../../src/content/scenarios';
import { createGame, projection } from '../../src/engine';

const SEEDS = '../shared/seeds';

describe('built-in scenarios', () => {
  it('all three load and pass every rule, citations included', () => {
    expect(allScenarios().map((s) => s.id)).toEqual([...SCENARIO_IDS]);
    for (const id of SCENARIO_IDS) {
      const raw = JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8'));
      expect(checkCitations(raw, sourcesManifest), id).toEqual([]);
      expect(raw.$schema).toBe('./scenario.schema.json');
    }
  });
  it('unknown ids are not scenarios', () => {
    expect(getScenario('atlantis-1999')).toBeUndefined();
  });
  it.each(SCENARIO_IDS)('%s: at least 4 constituencies a side, at least 4 shocks, cited history', (id) => {
    const s = getScenario(id)!;
    expect(s.delegations.us.constituencies.length).toBeGreaterThanOrEqual(4);
    expect(s.delegations.mx.constituencies.length).toBeGreaterThanOrEqual(4);
    expect(s.shocks.length).toBeGreaterThanOrEqual(4);
    expect(s.shocks.some((x) => x.historical)).toBe(true);
    expect(Object.keys(s.history.issueCites).sort()).toEqual(s.issues.map((i) => i.id).sort());
    // The historical package must not be a bare default: at least one issue cites a seed line.
    expect(Object.values(s.history.issueCites).flat().some((c) => c !== 'design')).toBe(true);
  });
  it('has the historical shocks the brief requires', () => {
    const ids = (id: string) => getScenario(id)!.shocks.map((x) => x.id);
    expect(ids('bracero-1942')).toEqual(expect.arrayContaining(['wartime-labour-shortage', 'grower-pressure', 'texas-question']));
    expect(ids('zacatecas-1995')).toEqual(expect.arrayContaining(['proposition-187', 'peso-crisis', 'iirira']));
    expect(ids('whole-enchilada-2001')).toEqual(expect.arrayContaining(['september-11', 'midterms-2002', 'mexican-congress-opposition', 'recession-2001']));
  });
  it('the 11 September shock lands on its date', () => {
    const s = getScenario('whole-enchilada-2001')!;
    const shock = s.shocks.find((x) => x.id === 'september-11')!;
    expect(shock.historical && !shock.pool && shock.type === 'security').toBe(true);
    expect(shock.trigger.kind).toBe('round');
    const round = s.calendar.find((r) => shock.trigger.kind === 'round' && r.id === shock.trigger.round)!;
    expect(round.date.startsWith('2001-09')).toBe(true);
    expect(round.date >= '2001-09-11' || round.date === '2001-09').toBe(true);
  });
  it('the 2001 regularisation scale runs from none to the 3.5 million', () => {
    const issue = getScenario('whole-enchilada-2001')!.issues.find((i) => i.id === 'regularisation')!;
    expect(issue.options.map((o) => o.id)).toEqual(['none', 'adjust-some', 'earned', 'most', 'all-3.5m']);
    expect(issue.options.slice(1).every((o) => o.instrument.us === 'legislation' || o.instrument.us === 'treaty')).toBe(true);
  });
  it('every scenario starts a playable game whose first projection names its own side only', () => {
    for (const s of allScenarios()) {
      const g = createGame(s, 1);
      const v = projection(g, 'us');
      expect(v.brief?.brief.en).toBe(s.delegations.us.brief.en);
      expect(JSON.stringify(v)).not.toContain(s.delegations.mx.brief.en);
    }
  });
});

describe('generated files', () => {
  it('scenarios/scenario.schema.json is up to date (npm run schema)', () => {
    expect(readFileSync('scenarios/scenario.schema.json', 'utf8')).toBe(scenarioJsonSchema());
  });
  it.runIf(existsSync(SEEDS))('scenarios/sources.json matches the seed texts line for line', () => {
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
    expect(Object.keys(sourcesManifest.files).sort()).toEqual(files);
    for (const f of files) {
      const text = readFileSync(`${SEEDS}/${f}`, 'utf8');
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      expect(sourcesManifest.files[f]!.lines, f).toBe(lines.length);
      expect(sourcesManifest.files[f]!.sha256, f).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});
