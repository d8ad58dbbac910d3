// Property: projection(state, 'us') holds none of Mexico's private numbers, brief, reservation value or
// constituency data — over random reachable states — and the reverse. Each side's numbers are nudged by
// distinct tiny amounts first, so that any of them (or anything computed from them) is recognisable.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/content/scenario-schema';
import { createGame, type GameState, other, projection, RngStream, type Side, step } from '../../src/engine';
import { randomLegalAction } from '../helpers/random-play';
import { scenariosUnderTest } from '../helpers/scenarios';

function withCanaries(s: Scenario, side: Side): Scenario {
  const copy: Scenario = JSON.parse(JSON.stringify(s));
  let k = 1;
  const nudge = (x: number) => x + 1.1e-7 * k++ + 3.7e-11;
  const d = copy.delegations[side];
  for (const p of Object.values(d.priorities)) {
    p.weight = nudge(p.weight);
    p.values = p.values.map(nudge);
  }
  d.reservation.value = nudge(d.reservation.value);
  d.discount.value = Math.min(1, nudge(d.discount.value - 1e-3));
  d.trust.value = nudge(d.trust.value);
  for (const c of d.constituencies) {
    c.support = nudge(c.support);
    c.ratificationWeight = nudge(c.ratificationWeight);
    for (const st of Object.values(c.stakes)) {
      st.weight = nudge(st.weight);
      st.values = st.values.map(nudge);
    }
  }
  for (const r of Object.values(d.ratification)) r.threshold = nudge(r.threshold - 1e-3);
  return copy;
}

/** Every number in a side's private model that is distinctive enough to search for. */
function privateNumbers(state: GameState, side: Side): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === 'number') {
      const str = String(x);
      if (!Number.isInteger(x) && str.replace(/^-?0\./, '').length >= 7) out.push(str);
    } else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(state.sides[side]);
  return out;
}

const scenarios = scenariosUnderTest();
describe.each(scenarios.flatMap((s) => (['us', 'mx'] as const).map((viewer) => [s.id, viewer, s] as const)))(
  'hidden information: %s seen by %s',
  (_id, viewer, base) => {
    it('no private number, brief or constituency of the other side passes the projection', () => {
      const hidden = other(viewer);
      const scenario = withCanaries(base, hidden);
      const secretTexts = [
        scenario.delegations[hidden].brief.en,
        scenario.delegations[hidden].brief.es,
        scenario.delegations[hidden].reservation.label.en,
        ...scenario.delegations[hidden].constituencies.map((c) => c.description.en),
      ];
      let checked = 0;
      for (let seed = 0; seed < 120; seed++) {
        const rng = RngStream.fromSeed(seed + 1000);
        let state = createGame(scenario, seed);
        while (state.phase !== 'ended') {
          const view = projection(state, viewer);
          const json = JSON.stringify(view);
          expect(view.own).toBe(state.sides[viewer]);
          expect(view.reveal).toBeNull();
          for (const n of privateNumbers(state, hidden)) expect(json.includes(n), `leaks ${n}`).toBe(false);
          for (const t of secretTexts) expect(json.includes(t), `leaks "${t}"`).toBe(false);
          for (const n of state.rng) expect(json.includes(String(n)), 'leaks the RNG state').toBe(false);
          // An adviser seat sees the same side, and the instructor sees no delegation's numbers.
          expect(projection(state, `${viewer}.adviser`).own).toBe(state.sides[viewer]);
          expect(projection(state, 'instructor').own).toBeNull();
          checked++;
          state = step(state, randomLegalAction(state, rng)!).state;
        }
        // The debrief reveals both sides.
        expect(projection(state, viewer).reveal?.sides[hidden]).toBe(state.sides[hidden]);
      }
      expect(checked).toBeGreaterThan(1000);
    });
  },
);
