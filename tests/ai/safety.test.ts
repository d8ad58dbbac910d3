// The AI cannot be exploited: against an agent that never concedes it never ends below its reservation
// value, and against random play it never signs a package its own side would probably reject — unless
// the persona is a declared gambler, and then it says so.
import { describe, expect, it } from 'vitest';
import { SAFE_RATIFICATION } from '../../src/content/persona-schema';
import { allPersonas, DIFFICULTIES, personasFor } from '../../src/ai/persona-registry';
import { baselinePolicy, personaPolicy } from '../../src/ai/policies';
import type { Side } from '../../src/engine';
import { record, scenarios } from './helpers/games';

const sides: Side[] = ['us', 'mx'];

describe('not exploitable', () => {
  it('against an immovable agent that never concedes, every persona ends at or above its reservation value', () => {
    let games = 0;
    for (const s of scenarios())
      for (const side of sides)
        for (const persona of personasFor(s.id, side))
          for (const level of DIFFICULTIES) {
            const ai = personaPolicy(persona, level);
            const immovable = baselinePolicy('immovable');
            const { state } = record(s, 7, side === 'us' ? { us: ai, mx: immovable } : { us: immovable, mx: ai });
            const o = state.outcome!;
            expect(o.payoff[side], `${s.id} ${persona.id}/${level} as ${side}`).toBeGreaterThanOrEqual(state.sides[side].reservation - 1e-12);
            expect(o.scores[side]).toBeGreaterThanOrEqual(50);
            games++;
          }
    expect(games).toBeGreaterThanOrEqual(3 * 2 * 4 * 3);
  });

  it('against random play it never signs a package its side would probably reject', () => {
    let signedByAi = 0;
    for (const s of scenarios())
      for (const side of sides)
        for (const persona of personasFor(s.id, side).filter((p) => !p.domestic.gambler.value))
          for (const seed of [1, 2, 3, 4]) {
            const ai = personaPolicy(persona, 'normal');
            const random = baselinePolicy('random');
            const { moves, state } = record(s, seed, side === 'us' ? { us: ai, mx: random } : { us: random, mx: ai });
            const o = state.outcome!;
            const last = moves[moves.length - 1]!;
            // Whoever signed — by accepting the AI's proposal or by the AI accepting theirs — the package is
            // one the AI proposed or accepted, and its own side's estimate clears the safe line.
            if (o.agreement) {
              expect(o.ratification![side].estimate, `${s.id} ${persona.id} as ${side}, seed ${seed}`).toBeGreaterThanOrEqual(SAFE_RATIFICATION);
              if (last.side === side) signedByAi++;
            }
            for (const m of moves.filter((x) => x.side === side && x.decision.action.type === 'accept'))
              expect(m.refused).toBe(false);
          }
    expect(signedByAi).toBeGreaterThan(5);
  });

  it('a declared gambler signs below the safe line only when it says so', () => {
    const gamblers = allPersonas().filter((p) => p.domestic.gambler.value);
    expect(gamblers.length).toBeGreaterThan(0);
    let gambles = 0;
    for (const persona of gamblers) {
      const s = scenarios().find((x) => x.id === persona.scenario)!;
      const side = persona.side!;
      // The counterfactual arms (without each historical shock) give it more chances to take the risk.
      const arms = [[], ...s.shocks.filter((x) => x.historical).map((x) => [x.id])];
      for (const seed of [1, 2, 3, 4, 5, 6])
        for (const disable of arms)
        for (const opponent of [baselinePolicy('linear'), baselinePolicy('conceder')]) {
          const ai = personaPolicy(persona, 'normal');
          const { moves } = record(s, seed, side === 'us' ? { us: ai, mx: opponent } : { us: opponent, mx: ai }, { disable });
          for (const m of moves.filter((x) => x.side === side)) {
            const r = m.decision.rationale;
            const risky = [r, ...(r.notes ?? [])].find((x) => x.code === 'gamble');
            const p = r.params.ratification;
            if (typeof p === 'number' && p < 100 * SAFE_RATIFICATION && ['accept', 'acceptLastChance', 'acceptPart', 'open', 'concede', 'stand'].includes(r.code)) {
              expect(risky, `${r.code} at ${p}% without saying so`).toBeDefined();
              gambles++;
            }
            if (risky) expect(risky.params.ratification).toBeLessThanOrEqual(100 * SAFE_RATIFICATION);
          }
        }
    }
    expect(gambles).toBeGreaterThan(0);
  });
});
