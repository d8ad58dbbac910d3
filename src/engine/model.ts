// Index-based views of a scenario (ids -> positions), built once per scenario and cached,
// and the initial numbers of each delegation.
import type { Scenario } from '../content/scenario-schema';
import { INSTRUMENTS, type Instrument, type Side, type SideModel } from './types';

export interface ScenarioIndex {
  issueIndex: Map<string, number>;
  optionIndex: Map<string, number>[];
  roundIndex: Map<string, number>;
  shockIndex: Map<string, number>;
  cardIndex: Map<string, number>;
  constituencyIndex: Record<Side, Map<string, number>>;
  /** instrument rank per issue, option, side: 0 executive, 1 legislation, 2 treaty. */
  instrumentRank: Record<Side, number[][]>;
  issueCount: number;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();
export const instrumentRank = (i: Instrument): number => INSTRUMENTS.indexOf(i);

export function indexScenario(s: Scenario): ScenarioIndex {
  const hit = cache.get(s);
  if (hit) return hit;
  const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x, i) => [x.id, i]));
  const idx: ScenarioIndex = {
    issueIndex: byId(s.issues),
    optionIndex: s.issues.map((i) => byId(i.options)),
    roundIndex: byId(s.calendar),
    shockIndex: byId(s.shocks),
    cardIndex: byId(s.cards),
    constituencyIndex: { us: byId(s.delegations.us.constituencies), mx: byId(s.delegations.mx.constituencies) },
    instrumentRank: {
      us: s.issues.map((i) => i.options.map((o) => instrumentRank(o.instrument.us))),
      mx: s.issues.map((i) => i.options.map((o) => instrumentRank(o.instrument.mx))),
    },
    issueCount: s.issues.length,
  };
  cache.set(s, idx);
  return idx;
}

const initialCache = new WeakMap<Scenario, Record<Side, SideModel>>();

/**
 * The delegation's numbers at the start. Built once per scenario and shared by every game: the engine
 * never mutates a side model, it replaces the parts it changes.
 */
export function initialSideModel(s: Scenario, side: Side): SideModel {
  let hit = initialCache.get(s);
  if (!hit) {
    hit = { us: buildSideModel(s, 'us'), mx: buildSideModel(s, 'mx') };
    initialCache.set(s, hit);
  }
  return hit[side];
}

function buildSideModel(s: Scenario, side: Side): SideModel {
  const d = s.delegations[side];
  const cIndex = indexScenario(s).constituencyIndex[side];
  const rule = (i: Instrument) => d.ratification[i];
  return {
    weights: s.issues.map((i) => d.priorities[i.id]!.weight),
    values: s.issues.map((i) => [...d.priorities[i.id]!.values]),
    reservation: d.reservation.value,
    discount: d.discount.value,
    capital: d.capital.initial,
    capitalPerRound: d.capital.perRound,
    trust: d.trust.value,
    constituencies: d.constituencies.map((c) => ({
      id: c.id,
      ratificationWeight: c.ratificationWeight,
      support: c.support,
      stakes: s.issues.map((i) => {
        const st = c.stakes[i.id];
        return st ? { weight: st.weight, values: [...st.values] } : null;
      }),
    })),
    thresholds: { executive: rule('executive').threshold, legislation: rule('legislation').threshold, treaty: rule('treaty').threshold },
    voters: {
      executive: rule('executive').voters.map((v) => cIndex.get(v)!),
      legislation: rule('legislation').voters.map((v) => cIndex.get(v)!),
      treaty: rule('treaty').voters.map((v) => cIndex.get(v)!),
    },
  };
}
