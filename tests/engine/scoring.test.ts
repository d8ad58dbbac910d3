// Scores, the Pareto frontier and the Nash point, checked against brute force on the fixture.
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/content/scenario-schema';
import {
  compareWithHistory,
  createGame,
  distanceToFrontier,
  nashPoint,
  type Outcome,
  packageUtility,
  paretoFrontier,
  passProbability,
  score,
} from '../../src/engine';
import { miniScenario } from '../fixtures/mini-scenario';

const scenario = ScenarioSchema.parse(miniScenario());
const sides = createGame(scenario, 1).sides;

function allPackages(): number[][] {
  let out: number[][] = [[]];
  for (const issue of scenario.issues) out = out.flatMap((p) => issue.options.map((_, o) => [...p, o]));
  return out;
}

describe('score', () => {
  it('puts the reservation value at 50, the best package at 100 and the worst at 0, linear between', () => {
    expect(score(0.4, 0.4, 0.9, 0.1)).toBe(50);
    expect(score(0.9, 0.4, 0.9, 0.1)).toBe(100);
    expect(score(0.1, 0.4, 0.9, 0.1)).toBe(0);
    expect(score(0.65, 0.4, 0.9, 0.1)).toBe(75);
    expect(score(0.25, 0.4, 0.9, 0.1)).toBe(25);
  });
});

describe('passProbability', () => {
  it('is the voter approval for a single voter', () => {
    expect(passProbability([1], [0.37], 0.5)).toBeCloseTo(0.37, 12);
  });
  it('needs either of two equal voters at a half threshold', () => {
    expect(passProbability([1, 1], [0.3, 0.6], 0.5)).toBeCloseTo(1 - 0.7 * 0.4, 12);
  });
  it('needs both at a two-thirds threshold', () => {
    expect(passProbability([1, 1], [0.3, 0.6], 0.67)).toBeCloseTo(0.18, 12);
  });
  it('weighs voters by their ratification weight', () => {
    expect(passProbability([3, 1], [0.8, 0.1], 0.7)).toBeCloseTo(0.8, 12);
  });
});

describe('the Pareto frontier', () => {
  const frontier = paretoFrontier({ ...scenario, cards: [] }, sides);
  const points = allPackages().map((p) => ({ p, us: packageUtility(sides.us, p), mx: packageUtility(sides.mx, p) }));
  it('is exactly the set of undominated packages found by brute force', () => {
    const undominated = points.filter((a) => !points.some((b) => b.us >= a.us - 1e-12 && b.mx >= a.mx - 1e-12 && (b.us > a.us + 1e-12 || b.mx > a.mx + 1e-12)));
    const key = (x: { us: number; mx: number }) => `${x.us.toFixed(9)},${x.mx.toFixed(9)}`;
    expect(new Set(frontier.map(key))).toEqual(new Set(undominated.map(key)));
    for (const f of frontier) expect(packageUtility(sides.us, f.options)).toBeCloseTo(f.us, 12);
  });
  it('gives the Nash point: the largest product of gains over the reservation values', () => {
    const r = { us: sides.us.reservation, mx: sides.mx.reservation };
    const nash = nashPoint(frontier, r)!;
    const best = Math.max(...points.filter((x) => x.us > r.us && x.mx > r.mx).map((x) => (x.us - r.us) * (x.mx - r.mx)));
    expect((nash.us - r.us) * (nash.mx - r.mx)).toBeCloseTo(best, 12);
  });
  it('measures 0 on the frontier and the shortfall below it', () => {
    const f = frontier[Math.floor(frontier.length / 2)]!;
    expect(distanceToFrontier(frontier, f.us, f.mx)).toBe(0);
    expect(distanceToFrontier(frontier, f.us - 0.03, f.mx - 0.04)).toBeLessThanOrEqual(0.05 + 1e-12);
    expect(distanceToFrontier(frontier, 0, 0)).toBeGreaterThan(0.3);
  });
  it('includes linkage cards as extra dimensions', () => {
    const withCard = paretoFrontier(scenario, sides);
    expect(withCard.some((p) => p.cards.includes('energy'))).toBe(true);
  });
});

describe('distance to history', () => {
  it('compares the ratified package issue by issue along each scale, and no deal as the status quo', () => {
    const base: Outcome = {
      reason: 'ratified',
      agreement: true,
      package: { legal: 'legal-2', workers: 'workers-1', border: 'border-0', data: 'data-0' },
      cards: [],
      round: 1,
      walkedAwayBy: null,
      ratification: null,
      ratified: { us: true, mx: true },
      utility: { us: 0.5, mx: 0.5 },
      payoff: { us: 0.5, mx: 0.5 },
      scores: { us: 60, mx: 60 },
    };
    const c = compareWithHistory(scenario, base);
    expect(c.issues.map((i) => i.distance)).toEqual([1, 0.5, 0, 0]);
    expect(c.mean).toBeCloseTo(0.375, 12);
    expect(c.sameAgreement).toBe(false);
    const failed = compareWithHistory(scenario, { ...base, reason: 'ratification-failed', ratified: { us: false, mx: true } });
    expect(failed.mean).toBe(0);
    expect(failed.sameAgreement).toBe(true);
  });
});
