// How good the AI is, on small samples (the tournament measures it at scale): in self-play it reaches a
// ratified agreement near the Pareto frontier whenever the two win-sets overlap, and it scores above
// every baseline while reaching ratified agreements at least as often as the linear baseline (in a
// two-level game a deal that dies at home is no agreement: it costs the side that rejected it).
import { describe, expect, it } from 'vitest';
import { findPersona } from '../../src/ai/persona-registry';
import { personaPolicy } from '../../src/ai/policies';
import { checkBars, type Entry, resolveEntry, runTournament } from '../../src/ai/tournament';
import { analyseGame, winSetsOverlap } from '../../src/engine';
import { record, scenario, scenarios } from './helpers/games';

const ai = personaPolicy(findPersona('pragmatic')!, 'normal');

function selfPlay(id: string, disable: string[], seeds: number[]) {
  const t = { overlapping: 0, ratified: 0, expected: 0, distances: [] as number[] };
  for (const seed of seeds) {
    const { state } = record(scenario(id), seed, { us: ai, mx: ai }, { disable });
    if (!winSetsOverlap(state)) continue;
    t.overlapping++;
    const o = state.outcome!;
    if (o.ratified.us && o.ratified.mx) t.ratified++;
    // The exact chance that both votes pass: the bar without the noise of a few seeded votes.
    if (o.ratification) t.expected += o.ratification.us.estimate * o.ratification.mx.estimate;
    if (o.agreement) t.distances.push(analyseGame(state).distanceToFrontier);
  }
  return t;
}

describe('self-play of the normal persona', () => {
  it('over every scenario, its historical arm and each arm without one historical shock: ratified in at least 80% of the games where the win-sets overlap, within 0.05 of the frontier', () => {
    let overlapping = 0;
    let ratified = 0;
    const distances: number[] = [];
    for (const s of scenarios()) {
      const arms = [[], ...s.shocks.filter((x) => x.historical).map((x) => [x.id])];
      for (const disable of arms) {
        const t = selfPlay(s.id, disable, [1, 2, 3]);
        overlapping += t.overlapping;
        ratified += t.ratified;
        distances.push(...t.distances);
      }
    }
    expect(overlapping).toBeGreaterThanOrEqual(30);
    expect(ratified / overlapping).toBeGreaterThanOrEqual(0.8);
    expect(distances.reduce((a, b) => a + b, 0) / distances.length).toBeLessThanOrEqual(0.05);
  });

  for (const [id, disable] of [
    ['bracero-1942', []],
    ['zacatecas-1995', []],
    ['whole-enchilada-2001', ['september-11']],
  ] as const) {
    it(`${id}${disable.length ? ` without ${disable.join(', ')}` : ''}: the agreements it signs where the win-sets overlap are ratified with at least 80% chance`, () => {
      const t = selfPlay(id, [...disable], [1, 2, 3, 4, 5, 6]);
      expect(t.overlapping).toBeGreaterThanOrEqual(5);
      expect(t.expected / t.overlapping).toBeGreaterThanOrEqual(0.8);
    });
  }

  it('whole-enchilada-2001 as it happened: after 11 September and the midterms no package both sides would surely ratify is left', () => {
    expect(selfPlay('whole-enchilada-2001', [], [1, 2, 3]).overlapping).toBe(0);
  });
});

describe('against the baselines', () => {
  for (const [id, disable] of [
    ['bracero-1942', []],
    ['zacatecas-1995', []],
    ['whole-enchilada-2001', []],
    ['whole-enchilada-2001', ['september-11']],
  ] as const) {
    it(`${id}${disable.length ? ` without ${disable.join(', ')}` : ''}: normal and hard score above every baseline and reach ratified agreements at least as often as linear`, () => {
      const s = scenario(id);
      const names = ['pragmatic/normal', 'pragmatic/hard', 'random', 'boulware', 'linear', 'conceder', 'tit-for-tat', 'scripted'];
      const r = runTournament(
        s,
        names.map((n) => resolveEntry(s, n) as Entry),
        2,
        1,
        undefined,
        { disable: [...disable] },
      );
      const checks = checkBars(r, ['pragmatic/normal', 'pragmatic/hard']).filter((c) => c.bar === 'score' || c.bar === 'agreement');
      expect(checks).toHaveLength(4);
      for (const c of checks) expect(c.ok, `${c.entry} ${c.bar}: ${c.value} vs ${c.against}`).toBe(true);
    });
  }
});
