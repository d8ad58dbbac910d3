// The tournament: every entry against every other from both seats, with the figures per pairing; bad
// entries are refused with the valid ones; the command line prints the table and writes JSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveEntry, runTournament, type Entry } from '../../src/ai/tournament';
import { scenario } from './helpers/games';

const s = scenario('zacatecas-1995');

describe('runTournament', () => {
  it('plays each pairing from both seats and reports rates, scores, joint gain and frontier distance', () => {
    const entries = ['pragmatic/normal', 'historical/hard', 'linear'].map((n) => resolveEntry(s, n) as Entry);
    const seen: number[] = [];
    const r = runTournament(s, entries, 2, 5, (done) => seen.push(done));
    expect(r.pairings.map((p) => `${p.a}|${p.b}`)).toEqual([
      'pragmatic/normal|pragmatic/normal',
      'pragmatic/normal|historical/hard',
      'pragmatic/normal|linear',
      'historical/hard|historical/hard',
      'historical/hard|linear',
      'linear|linear',
    ]);
    expect(seen[seen.length - 1]).toBe(6 * 2 * 2);
    for (const p of r.pairings) {
      expect(p.games).toBe(4);
      expect(p.agreementRate).toBeGreaterThanOrEqual(p.ratificationRate);
      for (const x of [p.scoreA, p.scoreB]) expect(x).toBeGreaterThanOrEqual(0);
      expect(typeof p.jointGain).toBe('number');
    }
    expect(r.summary.map((x) => x.games)).toEqual([4 * 2 + 4, 4 * 2 + 4, 4 * 2 + 4]);
  });

  it('refuses an unknown entry with the valid ones', () => {
    expect(resolveEntry(s, 'machiavelli/normal')).toMatch(/unknown entry "machiavelli\/normal"; valid entries: .*historical, pragmatic, tough, eager.*easy, normal, hard.*linear/);
    expect(resolveEntry(s, 'pragmatic/impossible')).toMatch(/unknown entry/);
  });
});

describe('npm run tournament', () => {
  it('prints the per-pairing table, a progress bar on stderr, and writes JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tournament-'));
    const json = join(dir, 'out.json');
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/tournament.ts', ...args], { encoding: 'utf8' });
    const ok = run(['--scenario', 'bracero-1942', '--games', '1', '--entries', 'pragmatic/normal,linear', '--json', json]);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toMatch(/bracero-1942 \[#+\] 100% 6\/6 games/);
    const out = ok.stdout;
    expect(out).toMatch(/A\s+B\s+games\s+agree\s+ratif\s+scoreA\s+scoreB\s+joint\s+dist/);
    expect(out).toMatch(/pragmatic\/normal\s+linear\s+2\s/);
    const data = JSON.parse(readFileSync(json, 'utf8'));
    expect(data.scenario).toBe('bracero-1942');
    expect(data.pairings).toHaveLength(3);
    const bad = run(['--scenario', 'bracero-1942', '--entries', 'nobody']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/valid entries/);
  });
});
