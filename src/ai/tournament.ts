// Every policy against every other (itself included) from both seats over many seeds: agreement and
// ratification rates, each side's mean score, joint gain and distance to the Pareto frontier. The same
// seeds are used for every pairing, so differences come from the policies, not the dice.
import type { DifficultyId } from '../content/persona-schema';
import type { Scenario } from '../content/scenario-schema';
import { analyseGame, createGame, type Overrides, type Side, winSetsOverlap } from '../engine';
import { DIFFICULTIES, findPersona, personasFor } from './persona-registry';
import { playOut } from './play-out';
import { agentOf, BASELINE_IDS, baselinePolicy, isBaseline, personaPolicy } from './policies';
import type { Policy } from './types';

/** The AI entries played by default: each persona style at normal, the default one at every level. */
export const DEFAULT_ENTRIES = [
  'pragmatic/normal',
  'pragmatic/hard',
  'pragmatic/easy',
  'tough/normal',
  'eager/normal',
  'historical/normal',
  ...BASELINE_IDS,
] as const;

export interface Entry {
  name: string;
  kind: 'ai' | 'baseline';
  /** The policy for a seat, or null when the entry has nothing for that delegation (no historical persona). */
  policy: (side: Side) => Policy | null;
}

/** Resolves "persona/difficulty", "historical/difficulty" or a baseline id; an unknown one lists the valid ones. */
export function resolveEntry(scenario: Scenario, name: string): Entry | string {
  if (isBaseline(name) || name === 'immovable') {
    const policy = baselinePolicy(name as 'immovable');
    return { name, kind: 'baseline', policy: () => policy };
  }
  const [personaId, difficulty = 'normal', ...rest] = name.split('/');
  const personas = [...new Set([...personasFor(scenario.id, 'us'), ...personasFor(scenario.id, 'mx')].map((p) => p.id))];
  const valid = `valid entries: <persona>/<difficulty> with persona one of historical, ${personas.join(', ')} and difficulty one of ${DIFFICULTIES.join(', ')}; or a baseline: ${BASELINE_IDS.join(', ')}`;
  if (rest.length || !(DIFFICULTIES as readonly string[]).includes(difficulty)) return `unknown entry "${name}"; ${valid}`;
  const level = difficulty as DifficultyId;
  if (personaId === 'historical') {
    const cache: Partial<Record<Side, Policy | null>> = {};
    return {
      name,
      kind: 'ai',
      policy: (side) => {
        if (!(side in cache)) {
          const p = personasFor(scenario.id, side).find((x) => x.scenario !== null);
          cache[side] = p ? personaPolicy(p, level) : null;
        }
        return cache[side]!;
      },
    };
  }
  const persona = findPersona(personaId!);
  if (!persona || !personas.includes(persona.id)) return `unknown entry "${name}"; ${valid}`;
  const policy = personaPolicy(persona, level);
  return { name, kind: 'ai', policy: () => policy };
}

export interface GameRecord {
  agreement: boolean;
  ratified: boolean;
  scores: Record<Side, number>;
  jointGain: number;
  /** Distance of the outcome (the agreement, or both reservation values) to the Pareto frontier. */
  distance: number;
  /** Utility of the signed package for each side (null without agreement). */
  utility: Record<Side, number> | null;
  /** Whether the two win-sets overlapped at the end (winSetsOverlap: judged with both sides' secrets). */
  overlap: boolean;
  /** The chance the signed package was ratified by both, from the engine's exact vote odds (0 without one). */
  expectedRatified: number;
}

export function playGame(scenario: Scenario, seed: number, us: Entry, mx: Entry, overrides: Overrides = {}): GameRecord | null {
  const pu = us.policy('us');
  const pm = mx.policy('mx');
  if (!pu || !pm) return null;
  const { state } = playOut(
    createGame(scenario, seed, { overrides }),
    { us: agentOf(pu, seed, 'us', us.name).agent, mx: agentOf(pm, seed, 'mx', mx.name).agent },
    10_000,
    false,
  );
  const o = state.outcome!;
  const a = analyseGame(state);
  return {
    agreement: o.agreement,
    ratified: o.ratified.us && o.ratified.mx,
    scores: o.scores,
    jointGain: a.jointGain,
    distance: a.distanceToFrontier,
    utility: o.utility,
    overlap: winSetsOverlap(state),
    expectedRatified: o.ratification ? o.ratification.us.estimate * o.ratification.mx.estimate : 0,
  };
}

export interface PairingResult {
  a: string;
  b: string;
  games: number;
  agreementRate: number;
  ratificationRate: number;
  /** Mean score of a and of b, each over both seats. */
  scoreA: number;
  scoreB: number;
  jointGain: number;
  /** Mean distance to the Pareto frontier of the signed agreements (null when there were none). */
  distance: number | null;
  /** Games whose win-sets overlapped, how many of those ended in a ratified agreement, and how many were
   * expected to (the sum of each signed package's exact chance of ratification by both: no vote noise). */
  overlapGames: number;
  overlapRatified: number;
  overlapExpected: number;
}

export interface EntrySummary {
  name: string;
  kind: 'ai' | 'baseline';
  games: number;
  meanScore: number;
  agreementRate: number;
  ratificationRate: number;
}

export interface TournamentResult {
  scenario: string;
  /** Counterfactual controls every game was played with (empty: the historical arm). */
  overrides: Overrides;
  gamesPerSeat: number;
  firstSeed: number;
  pairings: PairingResult[];
  summary: EntrySummary[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function runTournament(
  scenario: Scenario,
  entries: Entry[],
  gamesPerSeat: number,
  firstSeed = 1,
  progress?: (done: number, total: number) => void,
  overrides: Overrides = {},
): TournamentResult {
  const pairs: [Entry, Entry][] = [];
  for (const [i, a] of entries.entries()) for (const b of entries.slice(i)) pairs.push([a, b]);
  const total = pairs.length * 2 * gamesPerSeat;
  let done = 0;
  const own: Record<string, { scores: number[]; agree: number[]; ratified: number[] }> = {};
  for (const e of entries) own[e.name] = { scores: [], agree: [], ratified: [] };
  const pairings: PairingResult[] = [];
  for (const [a, b] of pairs) {
    const sa: number[] = [];
    const sb: number[] = [];
    const agree: number[] = [];
    const ratified: number[] = [];
    const joint: number[] = [];
    const dist: number[] = [];
    let overlapGames = 0;
    let overlapRatified = 0;
    let overlapExpected = 0;
    for (const aSeat of ['us', 'mx'] as const) {
      for (let g = 0; g < gamesPerSeat; g++) {
        const r = aSeat === 'us' ? playGame(scenario, firstSeed + g, a, b, overrides) : playGame(scenario, firstSeed + g, b, a, overrides);
        done++;
        if (r) {
          const bSeat: Side = aSeat === 'us' ? 'mx' : 'us';
          sa.push(r.scores[aSeat]);
          sb.push(r.scores[bSeat]);
          agree.push(r.agreement ? 1 : 0);
          ratified.push(r.ratified ? 1 : 0);
          joint.push(r.jointGain);
          if (r.agreement) dist.push(r.distance);
          if (r.overlap) {
            overlapGames++;
            if (r.ratified) overlapRatified++;
            overlapExpected += r.expectedRatified;
          }
          own[a.name]!.scores.push(r.scores[aSeat]);
          own[a.name]!.agree.push(r.agreement ? 1 : 0);
          own[a.name]!.ratified.push(r.ratified ? 1 : 0);
          if (b !== a) {
            own[b.name]!.scores.push(r.scores[bSeat]);
            own[b.name]!.agree.push(r.agreement ? 1 : 0);
            own[b.name]!.ratified.push(r.ratified ? 1 : 0);
          }
        }
        if (progress) progress(done, total);
      }
    }
    if (!agree.length) continue;
    pairings.push({
      a: a.name,
      b: b.name,
      games: agree.length,
      agreementRate: mean(agree),
      ratificationRate: mean(ratified),
      scoreA: mean(sa),
      scoreB: mean(sb),
      jointGain: mean(joint),
      distance: dist.length ? mean(dist) : null,
      overlapGames,
      overlapRatified,
      overlapExpected,
    });
  }
  const summary = entries
    .filter((e) => own[e.name]!.scores.length)
    .map((e) => ({
      name: e.name,
      kind: e.kind,
      games: own[e.name]!.scores.length,
      meanScore: mean(own[e.name]!.scores),
      agreementRate: mean(own[e.name]!.agree),
      ratificationRate: mean(own[e.name]!.ratified),
    }));
  return { scenario: scenario.id, overrides, gamesPerSeat, firstSeed, pairings, summary };
}

export interface BarCheck {
  bar: 'score' | 'agreement' | 'selfPlay' | 'selfPlayExpected' | 'frontier';
  entry: string;
  /** null when the bar has nothing to judge (no game with overlapping win-sets, no agreement). */
  ok: boolean | null;
  value: number | null;
  against: number;
}

/**
 * The quality bars for the AI entries: a higher own mean score than every baseline; ratified
 * agreements at least as often as the linear baseline (a deal that dies at home is no agreement); in
 * self-play, a ratified agreement in at least 80% of the games whose win-sets overlap, and agreements
 * within 0.05 of the Pareto frontier on average.
 */
export function checkBars(r: TournamentResult, ais: readonly string[]): BarCheck[] {
  const by = new Map(r.summary.map((s) => [s.name, s]));
  const baselines = r.summary.filter((s) => s.kind === 'baseline');
  const out: BarCheck[] = [];
  for (const name of ais) {
    const me = by.get(name);
    if (!me) continue;
    const bestBaseline = Math.max(...baselines.map((b) => b.meanScore));
    out.push({ bar: 'score', entry: name, ok: me.meanScore > bestBaseline, value: me.meanScore, against: bestBaseline });
    const linear = by.get('linear');
    if (linear) out.push({ bar: 'agreement', entry: name, ok: me.ratificationRate >= linear.ratificationRate, value: me.ratificationRate, against: linear.ratificationRate });
    const self = r.pairings.find((p) => p.a === name && p.b === name);
    if (self) {
      const share = self.overlapGames ? self.overlapRatified / self.overlapGames : null;
      out.push({ bar: 'selfPlay', entry: name, ok: share === null ? null : share >= 0.8, value: share, against: 0.8 });
      const expected = self.overlapGames ? self.overlapExpected / self.overlapGames : null;
      out.push({ bar: 'selfPlayExpected', entry: name, ok: expected === null ? null : expected >= 0.8, value: expected, against: 0.8 });
      out.push({ bar: 'frontier', entry: name, ok: self.distance === null ? null : self.distance <= 0.05, value: self.distance, against: 0.05 });
    }
  }
  return out;
}
