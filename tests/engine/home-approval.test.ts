// The approval at home the instructor's console shows per delegation, on the Bracero scenario's states.
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/content/scenarios';
import { type Action, createGame, type GameState, homeApproval, step } from '../../src/engine';

const scenario = getScenario('bracero-1942')!;
const ok = (state: GameState, action: Action): GameState => {
  const r = step(state, action);
  if (r.error) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r.state;
};
/** Every constituency of both delegations at the same support. */
const allAt = (g: GameState, support: number): GameState => ({
  ...g,
  sides: {
    us: { ...g.sides.us, constituencies: g.sides.us.constituencies.map((c) => ({ ...c, support })) },
    mx: { ...g.sides.mx, constituencies: g.sides.mx.constituencies.map((c) => ({ ...c, support })) },
  },
});

describe('homeApproval', () => {
  it("is the delegation's constituencies' support weighted by their say in ratification, to 2 decimals", () => {
    const g = createGame(scenario, 3);
    // Washington after the first round's news (the labour shortage and the German foothold lift the State
    // Department, agriculture officials and military planners by 0.1): the White House (0.8) counts twice,
    // six others (0.8, 0.75, 0.3, 0.45, 0.8, 0.4) once: 5.1 / 8 = 0.6375.
    expect(homeApproval(g, 'us')).toBe(0.64);
    // Mexico City: the presidency (0.7) twice, five others (0.7, 0.5, 0.35, 0.6, 0.6) once: 4.15 / 7 = 0.5928…
    expect(homeApproval(g, 'mx')).toBe(0.59);
  });

  it("moves when one constituency's support moves (lobbying), and only for that delegation", () => {
    // The United States propose, Mexico rejects: the domestic phase, where lobbying happens.
    const domestic = ok(ok(createGame(scenario, 3), { type: 'propose', seat: 'us', package: { wages: 'market' } }), { type: 'reject', seat: 'mx' });
    const capital = domestic.sides.us.capital;
    const lobbied = ok(domestic, { type: 'lobby', seat: 'us.adviser', constituency: 'growers', amount: capital });
    const growers = (g: GameState) => g.sides.us.constituencies.find((c) => c.id === 'growers')!.support;
    expect(growers(lobbied)).toBeGreaterThan(growers(domestic));
    expect(homeApproval(lobbied, 'us')).toBeGreaterThan(homeApproval(domestic, 'us'));
    // All the capital (8) on the growers: 0.3 + 8 × 0.04 = 0.62, so Washington reads 5.42 / 8 = 0.6775.
    expect(capital).toBe(8);
    expect(growers(lobbied)).toBeCloseTo(0.62, 10);
    expect(homeApproval(lobbied, 'us')).toBe(0.68);
    expect(homeApproval(lobbied, 'mx')).toBe(homeApproval(domestic, 'mx'));
  });

  it('stays within 0..1 and carries at most 2 decimals', () => {
    const g = createGame(scenario, 3);
    for (const side of ['us', 'mx'] as const) {
      expect(homeApproval(allAt(g, 0), side)).toBe(0);
      expect(homeApproval(allAt(g, 1), side)).toBe(1);
      expect(homeApproval(allAt(g, 0.123456), side)).toBe(0.12);
    }
    // A delegation with no say at home at all reads 0, not NaN.
    const silent: GameState = { ...g, sides: { ...g.sides, us: { ...g.sides.us, constituencies: g.sides.us.constituencies.map((c) => ({ ...c, ratificationWeight: 0 })) } } };
    expect(homeApproval(silent, 'us')).toBe(0);
  });
});
