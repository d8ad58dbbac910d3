// The lab: arms are reproducible, figures are computed from the records, and bad input is refused
// before anything runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/content/scenarios';
import { type ArmConfig, checkArm, resolveArm, runRange } from '../../src/lab/batch';
import { compareArms, summarise } from '../../src/lab/summary';

const enchilada = getScenario('whole-enchilada-2001')!;
const arm = (extra: Partial<ArmConfig> = {}): ArmConfig => ({
  scenarioId: enchilada.id,
  runs: 12,
  seed: 40,
  ai: { us: 'pragmatic', mx: 'pragmatic' },
  difficulty: 'normal',
  overrides: {},
  history: false,
  ...extra,
});

describe('lab arms', () => {
  it('are reproducible: the same config gives the same records, in seed order', () => {
    const a = runRange(enchilada, arm(), 0, 6);
    expect(runRange(enchilada, arm(), 0, 6)).toEqual(a);
    expect(a.map((r) => r.seed)).toEqual([40, 41, 42, 43, 44, 45]);
    // Splitting the range does not change the records.
    expect([...runRange(enchilada, arm(), 0, 3), ...runRange(enchilada, arm(), 3, 6)]).toEqual(a);
  });
  it('the historical arm uses the historical personas and only historical shocks', () => {
    const h = resolveArm(enchilada, arm({ history: true }));
    expect(h.ai).toEqual({ us: 'bush-administration', mx: 'castaneda-whole-enchilada' });
    const nonHistorical = enchilada.shocks.filter((s) => !s.historical && !s.pool).map((s) => s.id);
    expect(h.overrides.disable).toEqual(nonHistorical);
  });
  it('summaries count what the records say', () => {
    const records = runRange(enchilada, arm({ overrides: { disable: ['september-11'] } }), 0, 12);
    const s = summarise(enchilada, records);
    expect(s.runs).toBe(12);
    expect(s.ratifiedRate.value).toBe(records.filter((r) => r.ratified).length / 12);
    const ratified = records.filter((r) => r.ratified).length;
    for (const [issue, shares] of Object.entries(s.issues)) {
      const total = Object.values(shares).reduce((a, b) => a + b, 0);
      expect(total, issue).toBeCloseTo(ratified ? 1 : 0, 10);
    }
    const diff = compareArms(runRange(enchilada, arm(), 0, 12), records);
    expect(diff.ratifiedRate.value).toBeCloseTo(s.ratifiedRate.value - summarise(enchilada, runRange(enchilada, arm(), 0, 12)).ratifiedRate.value, 12);
  });
  it('refuses bad settings with the valid values', () => {
    expect(checkArm(enchilada, arm({ runs: 0 }))[0]).toMatch(/runs must be a positive whole number/);
    expect(checkArm(enchilada, arm({ overrides: { disable: ['nope'] } }))[0]).toMatch(/valid shocks: recession-2001, september-11/);
    expect(checkArm(enchilada, arm({ overrides: { move: { 'september-11': 'nowhere' } } }))[0]).toMatch(/valid rounds: guanajuato/);
    expect(checkArm(enchilada, arm({ ai: { us: 'napoleon', mx: 'pragmatic' } }))[0]).toMatch(/unknown persona "napoleon"; valid personas: pragmatic/);
  });
});

describe('npm run lab', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-'));
  const run = (args: string[]) => {
    try {
      return { code: 0, out: execFileSync('npx', ['tsx', 'src/cli/lab.ts', ...args], { encoding: 'utf8', stdio: 'pipe', timeout: 120_000 }), err: '' };
    } catch (e) {
      const x = e as { status: number; stdout: string; stderr: string };
      return { code: x.status, out: x.stdout, err: x.stderr };
    }
  };
  it('writes the figures as JSON over worker threads, the same for the same seed', () => {
    const f1 = join(dir, 'a.json');
    const f2 = join(dir, 'b.json');
    const first = run(['--scenario', 'bracero-1942', '--runs', '30', '--seed', '3', '--json', f1]);
    expect(first.code).toBe(0);
    // The speed line: games, time, threads, games per second, CPU per game and the workers' start-up.
    expect(first.out).toMatch(/speed\s+30 games in \d+\.\d+ s on \d+ threads: \d+ games\/s, \d+\.\d+ ms CPU per game; worker start-up \d+ ms/);
    expect(run(['--scenario', 'bracero-1942', '--runs', '30', '--seed', '3', '--json', f2, '--threads', '1']).code).toBe(0);
    const a = JSON.parse(readFileSync(f1, 'utf8'));
    expect(readFileSync(f2, 'utf8')).toBe(readFileSync(f1, 'utf8'));
    expect(a.runs).toBe(30);
    for (const k of ['agreementRate', 'ratifiedRate']) expect(Object.keys(a[k])).toEqual(['value', 'low', 'high']);
    expect(Object.keys(a.meanScore)).toEqual(['us', 'mx']);
    expect(a).toHaveProperty('issues');
    expect(a).toHaveProperty('instruments');
    expect(a).toHaveProperty('roundOfAgreement');
  });
  it('compares two arms on the same seeds', () => {
    const f = join(dir, 'c.json');
    const r = run(['compare', '--scenario', 'whole-enchilada-2001', '--runs', '20', '--disable', 'september-11', '--json', f]);
    expect(r.code, r.err).toBe(0);
    const c = JSON.parse(readFileSync(f, 'utf8'));
    expect(c.b.settings.overrides.disable).toEqual(['september-11']);
    expect(c.difference.ratifiedRate.value).toBeCloseTo(c.b.summary.ratifiedRate.value - c.a.summary.ratifiedRate.value, 10);
  });
  it('refuses bad input before running', () => {
    expect(run(['--scenario', 'bracero-1942', '--runs', '-5']).err).toMatch(/--runs must be a whole number of at least 1/);
    expect(run(['--scenario', 'bracero-1942', '--move', 'texas-question=1999']).err).toMatch(/unknown round "1999"; valid rounds:/);
    expect(run(['--scenario', 'mars-2050']).err).toMatch(/--scenario must be one of: bracero-1942, zacatecas-1995, whole-enchilada-2001/);
    expect(run(['compare', '--scenario', 'bracero-1942', '--runs', '5']).err).toMatch(/compare needs a change for arm B/);
    expect(run(['--scenario', 'bracero-1942', '--scale', 'texas-question=big']).err).toMatch(/--scale needs a number/);
  });
});
