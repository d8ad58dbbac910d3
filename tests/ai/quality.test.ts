// How good the AI is, on small samples (the tournament measures it at scale): in self-play it reaches a
// ratified agreement near the Pareto frontier whenever the two win-sets overlap, and it scores above
// every baseline while agreeing at least as often as the linear baseline.
import { describe, expect, it } from 'vitest';
import { resolveEntry, runTournament, type Entry } from '../../src/ai/tournament';
import { analyseGame } from '../../src/engine';
import { findPersona } from '../../src/ai/persona-registry';
import { personaPolicy } from '../../src/ai/policies';
import { winSetsOverlap } from './helpers/win-sets';
import { record, scenario, scenarios } from './helpers/games';

describe('self-play of the normal persona', () => {
  it('reaches a ratified agreement in at least 80% of the games where the win-sets overlap, within 0.05 of the frontier', () => {
    const ai = personaPolicy(findPersona('pragmatic')!, 'normal');
    const tally = new Map<string, { overlapping: number; ratified: number }>();
    const distances: number[] = [];
    for (const s of scenarios()) {
      const t = { overlapping: 0, ratified: 0 };
      tally.set(s.id, t);
      // The historical arm and each counterfactual arm without one historical shock.
      const arms = [[], ...s.shocks.filter((x) => x.historical).map((x) => [x.id])];
      for (const disable of arms)
        for (const seed of [1, 2, 3]) {
          const { state } = record(s, seed, { us: ai, mx: ai }, { disable });
          if (!winSetsOverlap(state)) continue;
          t.overlapping++;
          const o = state.outcome!;
          if (o.ratified.us && o.ratified.mx) t.ratified++;
          if (o.agreement) distances.push(analyseGame(state).distanceToFrontier);
        }
    }
    const all = [...tally.values()].reduce((a, b) => ({ overlapping: a.overlapping + b.overlapping, ratified: a.ratified + b.ratified }));
    expect(all.overlapping).toBeGreaterThanOrEqual(20);
    expect(all.ratified / all.overlapping).toBeGreaterThanOrEqual(0.8);
    for (const [id, t] of tally) {
      expect(t.overlapping, id).toBeGreaterThan(0);
      expect(t.ratified / t.overlapping, id).toBeGreaterThanOrEqual(0.8);
    }
    expect(distances.reduce((a, b) => a + b, 0) / distances.length).toBeLessThanOrEqual(0.05);
  });
});

describe('against the baselines', () => {
  for (const id of ['bracero-1942', 'zacatecas-1995', 'whole-enchilada-2001']) {
    it(`${id}: normal and hard score above every baseline and agree at least as often as linear`, () => {
      const s = scenario(id);
      const names = ['pragmatic/normal', 'pragmatic/hard', 'random', 'boulware', 'linear', 'conceder', 'tit-for-tat', 'scripted'];
      const r = runTournament(s, names.map((n) => resolveEntry(s, n) as Entry), 2);
      const by = Object.fromEntries(r.summary.map((x) => [x.name, x]));
      for (const ai of ['pragmatic/normal', 'pragmatic/hard']) {
        for (const b of names.slice(2)) expect(by[ai]!.meanScore, `${ai} vs ${b}`).toBeGreaterThan(by[b]!.meanScore);
        expect(by[ai]!.agreementRate).toBeGreaterThanOrEqual(by.linear!.agreementRate);
        expect(by[ai]!.ratificationRate).toBeGreaterThanOrEqual(by.linear!.ratificationRate);
      }
    });
  }
});
