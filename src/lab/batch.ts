// One arm of a lab experiment: many AI-vs-AI games of a scenario under the same settings, one seed each
// (base seed + run index), reduced to small records. Pure: the same config and range give the same records.
import { createOpponent } from '../ai/opponent';
import { DIFFICULTIES, personasFor } from '../ai/persona-registry';
import { type Agent, playOut } from '../ai/play-out';
import { baselinePolicy, isBaseline, personaPolicy } from '../ai/policies';
import type { Policy } from '../ai/types';
import type { DifficultyId } from '../content/persona-schema';
import type { Scenario } from '../content/scenario-schema';
import { checkOverrides, createGame, type Overrides, type Side } from '../engine';
import { DecisionMemo } from './decision-memo';

export interface ArmConfig {
  scenarioId: string;
  runs: number;
  seed: number;
  /** Persona ids per side (ignored with `history`). */
  ai: Record<Side, string>;
  difficulty: string;
  overrides: Overrides;
  /** The historical arm: only historical shocks, and each side's historical persona. */
  history: boolean;
}

export interface RunRecord {
  seed: number;
  agreement: boolean;
  ratified: boolean;
  scores: Record<Side, number>;
  /** Option id per issue when a deal was signed. */
  package: Record<string, string> | null;
  instrument: Record<Side, string> | null;
  round: number | null;
  reason: string;
}

/** The settings an arm really plays with: with `history`, the historical personas and shocks. */
export function resolveArm(scenario: Scenario, config: ArmConfig): { ai: Record<Side, string>; overrides: Overrides } {
  if (!config.history) return { ai: config.ai, overrides: config.overrides };
  const historical = (side: Side) => personasFor(scenario.id, side).find((p) => p.scenario === scenario.id)?.id ?? config.ai[side];
  const nonHistorical = scenario.shocks.filter((s) => !s.historical && !s.pool).map((s) => s.id);
  const disable = [...new Set([...(config.overrides.disable ?? []), ...nonHistorical])].filter((id) => !(config.overrides.add ?? []).includes(id));
  return { ai: { us: historical('us'), mx: historical('mx') }, overrides: { ...config.overrides, disable } };
}

/** Problems with an arm's settings, each with the valid values; empty when it can run. */
export function checkArm(scenario: Scenario, config: ArmConfig): string[] {
  const out: string[] = [];
  if (!Number.isSafeInteger(config.runs) || config.runs < 1) out.push(`runs must be a positive whole number (got ${config.runs})`);
  const arm = resolveArm(scenario, config);
  for (const p of checkOverrides(scenario, arm.overrides)) out.push(`${p.path}: ${p.rule}`);
  for (const side of ['us', 'mx'] as const) {
    const r = createOpponent(scenario, side, { persona: arm.ai[side], difficulty: config.difficulty }, 0);
    if (!r.ok) out.push(`${side}: ${r.error}`);
  }
  return out;
}

/**
 * Decisions shared by the games a thread runs (a Node worker, a browser worker, or the main thread).
 * Bounded; reusing a decision never changes a game (see decision-memo.ts).
 */
const sharedMemo = new DecisionMemo();

/** The memo runGame and runRange use unless told otherwise. */
export const defaultMemo = (): DecisionMemo => sharedMemo;

const policies = new Map<string, { policy: Policy; name: string }>();

/**
 * The policy createOpponent would pick and the name its agent is seeded with, built once per thread so
 * the memo can share decisions between games (tests check the records equal createOpponent's).
 */
function labPolicy(scenario: Scenario, side: Side, personaId: string, difficulty: string): { policy: Policy; name: string } {
  const key = `${scenario.id}|${side}|${personaId}|${difficulty}`;
  let entry = policies.get(key);
  if (entry) return entry;
  if (isBaseline(personaId)) entry = { policy: baselinePolicy(personaId), name: personaId };
  else {
    const persona = personasFor(scenario.id, side).find((p) => p.id === personaId);
    if (!persona) throw new Error(`unknown persona "${personaId}"`);
    if (!(DIFFICULTIES as readonly string[]).includes(difficulty)) throw new Error(`unknown difficulty "${difficulty}"`);
    entry = { policy: personaPolicy(persona, difficulty as DifficultyId), name: `${personaId}/${difficulty}` };
  }
  policies.set(key, entry);
  return entry;
}

/**
 * One game of the arm. With a memo (by default the thread's shared one), decisions already taken in an
 * identical position are reused; with `null`, every decision is computed afresh. Both give the same record.
 */
export function runGame(scenario: Scenario, config: ArmConfig, index: number, memo: DecisionMemo | null = sharedMemo): RunRecord {
  const arm = resolveArm(scenario, config);
  const seed = config.seed + index;
  const agent = (side: Side): Agent => {
    if (memo) {
      const { policy, name } = labPolicy(scenario, side, arm.ai[side], config.difficulty);
      return memo.agent(policy, name, seed, side).agent;
    }
    const r = createOpponent(scenario, side, { persona: arm.ai[side], difficulty: config.difficulty }, seed);
    if (!r.ok) throw new Error(r.error);
    return r.agent;
  };
  const end = playOut(createGame(scenario, seed, { overrides: arm.overrides }), { us: agent('us'), mx: agent('mx') }, 10_000, false).state;
  const o = end.outcome!;
  return {
    seed,
    agreement: o.agreement,
    ratified: o.reason === 'ratified',
    scores: o.scores,
    package: o.package,
    instrument: o.ratification ? { us: o.ratification.us.instrument, mx: o.ratification.mx.instrument } : null,
    round: o.agreement ? o.round : null,
    reason: o.reason,
  };
}

export function runRange(
  scenario: Scenario,
  config: ArmConfig,
  from: number,
  to: number,
  onRun?: () => void,
  memo: DecisionMemo | null = sharedMemo,
): RunRecord[] {
  const out: RunRecord[] = [];
  for (let k = from; k < to; k++) {
    out.push(runGame(scenario, config, k, memo));
    onRun?.();
  }
  return out;
}
