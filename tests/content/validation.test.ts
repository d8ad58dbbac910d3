// Bad scenario files are refused at load with the file, the JSON path and the rule — every error at once.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourcesManifestSchema } from '../../src/content/citations';
import { type ContentError, parseScenario, parseScenarioText } from '../../src/content/load-scenario';
import { miniScenario } from '../fixtures/mini-scenario';

const manifest = SourcesManifestSchema.parse(JSON.parse(readFileSync('scenarios/sources.json', 'utf8')));
const errorsOf = (mutate: (s: ReturnType<typeof miniScenario>) => void): ContentError[] => {
  const s = miniScenario();
  mutate(s);
  const r = parseScenario(JSON.parse(JSON.stringify(s)), 'bad.json', manifest);
  return r.ok ? [] : r.errors;
};
const has = (errors: ContentError[], path: string, rule: RegExp) =>
  expect(errors.some((e) => e.file === 'bad.json' && e.path === path && rule.test(e.rule)), JSON.stringify(errors, null, 1)).toBe(true);

describe('scenario validation', () => {
  it('accepts the valid fixture', () => {
    expect(errorsOf(() => {})).toEqual([]);
  });
  it('refuses a wrong type', () => {
    has(errorsOf((s) => ((s.rules as { maxCounters: unknown }).maxCounters = 'two')), 'rules.maxCounters', /expected number/);
  });
  it('refuses a shock that names an unknown issue', () => {
    has(errorsOf((s) => ((s.shocks[0]!.effects[0] as { issue: string }).issue = 'atlantis')), 'shocks[0].effects[0].issue', /unknown issue "atlantis"/);
  });
  it('refuses a scale of one option', () => {
    has(errorsOf((s) => s.issues[0]!.options.splice(1)), 'issues[0].options', /3 to 5 options/);
  });
  it('refuses a duplicate id', () => {
    has(errorsOf((s) => (s.issues[1]!.id = 'legal')), 'issues', /duplicate issue id "legal"/);
  });
  it('refuses a missing citation', () => {
    has(errorsOf((s) => (s.delegations.us.reservation.cite = [])), 'delegations.us.reservation.cite', /at least one citation/);
  });
  it('refuses a citation to a line that does not exist, or to a blank line', () => {
    has(errorsOf((s) => (s.rules.cite = ['000_a66e611e5822935c.txt:9999'])), 'rules.cite[0]', /line 9999 .* which has 470 lines/);
    has(errorsOf((s) => (s.rules.cite = ['000_a66e611e5822935c.txt:1'])), 'rules.cite[0]', /blank/);
    has(errorsOf((s) => (s.rules.cite = ['999_0000000000000000.txt:3'])), 'rules.cite[0]', /unknown seed/);
  });
  it('refuses weights that do not sum to 1', () => {
    has(errorsOf((s) => (s.delegations.mx.priorities.legal!.weight = 0.9)), 'delegations.mx.priorities', /sum to 1 \(they sum to 1\.4000\)/);
  });
  it('refuses values that do not match the options, and voters that do not exist', () => {
    const errors = errorsOf((s) => {
      s.delegations.us.priorities.legal!.values = [1, 0.5, 0.2, 0];
      s.delegations.us.ratification.legislation.voters.push('nobody');
    });
    has(errors, 'delegations.us.priorities.legal.values', /one value per option \(3\)/);
    has(errors, 'delegations.us.ratification.legislation.voters[2]', /unknown us constituency "nobody"/);
  });
  it('reports every error, not just the first', () => {
    const errors = errorsOf((s) => {
      s.issues[1]!.id = 'legal';
      s.shocks[1]!.trigger = { kind: 'round', round: 'r99' };
      s.history.round = 'r42';
    });
    expect(errors.length).toBeGreaterThanOrEqual(3);
  });
  it('reports a JSON syntax error as a rule too', () => {
    const r = parseScenarioText('{ "id": ', 'broken.json', manifest);
    expect(!r.ok && r.errors[0]!.rule).toMatch(/not valid JSON/);
  });
});

describe('npm run validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'binational-'));
  const run = (...files: string[]) => {
    try {
      return { code: 0, out: execFileSync('npx', ['tsx', 'src/cli/validate.ts', ...files], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string };
      return { code: err.status, out: err.stdout + err.stderr };
    }
  };
  it('prints every error with the file, the path and the rule, and exits 1', () => {
    const s = miniScenario();
    s.issues[1]!.id = 'legal';
    s.delegations.mx.priorities.legal!.weight = 0.9;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(s));
    const r = run(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}: issues: duplicate issue id "legal"`);
    expect(r.out).toContain(`${file}: delegations.mx.priorities: issue weights must sum to 1`);
  });
  it('passes a valid file', () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify(miniScenario()));
    const r = run(file);
    expect([r.code, r.out]).toEqual([0, `${file}: ok (mini)\n`]);
  });
});
