// The command-line tools, run as a user runs them: every scenario plays to an outcome, the simulator's
// JSON has what the lab and the README promise, and bad flags are refused before anything runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_IDS } from '../../src/content/scenarios';
import { getScenario } from '../../src/content/scenarios';

function run(script: string, args: string[], input?: string): { code: number; out: string; err: string } {
  try {
    const out = execFileSync('npx', ['tsx', script, ...args], { encoding: 'utf8', input, stdio: 'pipe', timeout: 60_000 });
    return { code: 0, out, err: '' };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

describe('npm run sim', () => {
  it.each(SCENARIO_IDS)('%s: one JSON object with the outcome and the log', (id) => {
    const r = run('src/cli/sim.ts', ['--scenario', id, '--seed', '5', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(typeof j.outcome.agreement).toBe('boolean');
    expect(j.outcome.package === null || Object.keys(j.outcome.package).length === getScenario(id)!.issues.length).toBe(true);
    expect(Object.keys(j.outcome.ratified)).toEqual(['us', 'mx']);
    expect(j.outcome.scores.us).toBeGreaterThanOrEqual(0);
    expect(j.outcome.scores.mx).toBeLessThanOrEqual(100);
    expect(j.log).toMatchObject({ scenarioId: id, seed: 5 });
    expect(j.log.events.length).toBeGreaterThan(3);
    // The same command gives the same JSON.
    expect(run('src/cli/sim.ts', ['--scenario', id, '--seed', '5', '--json']).out).toBe(r.out);
  });
  it('applies counterfactual overrides: no 11 September shock fires when it is disabled', () => {
    const j = JSON.parse(run('src/cli/sim.ts', ['--scenario', 'whole-enchilada-2001', '--seed', '2', '--json', '--disable', 'september-11']).out);
    expect(j.shocks.map((s: { id: string }) => s.id)).not.toContain('september-11');
    expect(j.log.overrides.disable).toEqual(['september-11']);
  });
  it('forks a recorded game at a round: the past is kept, the shocks to come follow the new plan, the same seed plays on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'binational-fork-'));
    const parentFile = join(dir, 'parent.json');
    const parent = run('src/cli/sim.ts', ['--scenario', 'whole-enchilada-2001', '--seed', '3', '--json']);
    writeFileSync(parentFile, parent.out);
    const p = JSON.parse(parent.out);
    expect(p.shocks.map((s: { id: string }) => s.id)).toContain('september-11');
    const r = run('src/cli/sim.ts', ['--fork', parentFile, '--round', '5', '--disable', 'september-11', '--json']);
    expect(r.code, r.err).toBe(0);
    const f = JSON.parse(r.out);
    expect(f.seed).toBe(3);
    expect(f.fork).toEqual({ round: 5, overrides: { disable: ['september-11'], move: {}, scale: {}, add: [] }, parentEvents: p.log.events.length });
    expect(f.shocks.map((s: { id: string }) => s.id)).not.toContain('september-11');
    // Everything before round 5 is the parent's, event for event, and the fork is recorded in the log.
    const kept = f.log.forks[0].atEvent;
    expect(kept).toBeGreaterThan(0);
    expect(f.log.events.slice(0, kept)).toEqual(p.log.events.slice(0, kept));
    expect(f.log.forks).toEqual([{ atEvent: kept, round: 4, overrides: { disable: ['september-11'], move: {}, scale: {}, add: [] } }]);
    // A fork of the fork's own log is accepted too, and bad requests are refused with their reason.
    writeFileSync(join(dir, 'fork.json'), JSON.stringify(f.log));
    expect(run('src/cli/sim.ts', ['--fork', join(dir, 'fork.json'), '--round', '8']).code).toBe(0);
    const past = run('src/cli/sim.ts', ['--fork', parentFile, '--round', '6', '--disable', 'september-11']);
    expect(past.code).toBe(2);
    expect(past.err).toContain('"september-11" already happened (round 5), before the fork');
    expect(run('src/cli/sim.ts', ['--fork', parentFile]).err).toContain('--fork needs --round');
    expect(run('src/cli/sim.ts', ['--fork', parentFile, '--round', '2', '--seed', '9']).err).toContain('--seed cannot be changed in a fork');
    writeFileSync(join(dir, 'bad.json'), '{"format":"binational-save"}');
    expect(run('src/cli/sim.ts', ['--fork', join(dir, 'bad.json'), '--round', '2']).err).toMatch(/is not a Binational save, envelope or sim output: .*bad\.json: version/);
  });
  it('refuses bad input with the valid values, before playing', () => {
    const unknownScenario = run('src/cli/sim.ts', ['--scenario', 'atlantis', '--seed', '1']);
    expect(unknownScenario.code).toBe(2);
    expect(unknownScenario.err).toContain('bracero-1942, zacatecas-1995, whole-enchilada-2001');
    const badSeed = run('src/cli/sim.ts', ['--scenario', 'bracero-1942', '--seed', 'x']);
    expect(badSeed.code).toBe(2);
    expect(badSeed.err).toContain('error: --seed must be a whole number (got "x")');
    const badShock = run('src/cli/sim.ts', ['--scenario', 'bracero-1942', '--disable', 'nope']);
    expect(badShock.code).toBe(2);
    expect(badShock.err).toMatch(/unknown shock "nope"; valid shocks: wartime-labour-shortage/);
    const badFlag = run('src/cli/sim.ts', ['--scenario', 'bracero-1942', '--seeed', '1']);
    expect(badFlag.err).toMatch(/unknown flag --seeed; valid flags: --scenario, --seed/);
  });
});

describe('npm run play', () => {
  /** An immovable but cooperative player: accepts every offer, passes at home, opens with the status quo. */
  const script = (id: string) => {
    const s = getScenario(id)!;
    const cycle = ['accept', 'pass', ...s.issues.map((i) => `propose ${i.id}=${i.options[1]!.id}`)];
    return `help\nbrief\n${Array.from({ length: 60 }, () => cycle.join('\n')).join('\n')}\n`;
  };
  it.each(SCENARIO_IDS.flatMap((id) => [[id, 'us'] as const, [id, 'mx'] as const]))('%s as %s plays to an outcome', (id, seat) => {
    const r = run('src/cli/play.ts', ['--scenario', id, '--seat', seat, '--seed', '4'], script(id));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('YOUR SECRET BRIEF');
    expect(r.out).toMatch(/OUTCOME: /);
    expect(r.out).toContain('DEBRIEF');
  });
  it('explains a refused command and goes on', () => {
    const r = run('src/cli/play.ts', ['--scenario', 'bracero-1942', '--seat', 'us', '--seed', '1'], 'propose wages=zzz\nwalk\n');
    expect(r.out).toContain('Refused: Issue "wages" has no option "zzz".');
    expect(r.out).toContain('OUTCOME: The United States delegation walked away.');
  });
  it('plays in Spanish', () => {
    const r = run('src/cli/play.ts', ['--scenario', 'bracero-1942', '--seat', 'mx', '--lang', 'es'], script('bracero-1942'));
    expect(r.out).toContain('SU INFORME SECRETO');
    expect(r.out).toMatch(/RESULTADO: /);
  });
  it('plays on from a round of a recorded game (--fork): the recorded rounds, then the branch, with the same seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'binational-play-fork-'));
    const file = join(dir, 'parent.json');
    writeFileSync(file, run('src/cli/sim.ts', ['--scenario', 'whole-enchilada-2001', '--seed', '3', '--json']).out);
    const r = run('src/cli/play.ts', ['--fork', file, '--round', '5', '--disable', 'september-11', '--seat', 'mx'], script('whole-enchilada-2001'));
    expect(r.code, r.err).toBe(0);
    const at = r.out.indexOf('Replayed from round 5 of the recorded game');
    expect(at).toBeGreaterThan(r.out.indexOf('Round 4 of 10'));
    expect(r.out.slice(at)).toContain('with: no september-11');
    expect(r.out).not.toContain('Terror attacks');
    expect(r.out).toMatch(/OUTCOME: /);
    expect(run('src/cli/play.ts', ['--scenario', 'bracero-1942', '--disable', 'german-foothold'], 'quit\n').err).toContain('shock overrides go with --fork');
    expect(run('src/cli/play.ts', ['--fork', file, '--round', '11'], 'quit\n').err).toContain('a round from 1 to 10');
  });
  it('asks for a scenario and a side when started without flags (npm run play)', () => {
    const r = run('src/cli/play.ts', [], `9\n3\n2\n${script('whole-enchilada-2001')}`);
    expect(r.out).toContain('Choose a negotiation (1–3):');
    expect(r.out).toContain('Which delegation do you lead?');
    expect(r.out).toMatch(/OUTCOME: /);
  });
});
