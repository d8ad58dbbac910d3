// Every policy by name: the AI's personas at each difficulty and the baselines it is measured against.
// An agent (what playOut and the session run) is a policy with its own seeded stream per decision.
import type { DifficultyId, Persona } from '../content/persona-schema';
import type { Side } from '../engine';
import { randomPolicy, scriptedBaseline, immovablePolicy, timeDependentPolicy, titForTatPolicy } from './baselines';
import { decisionRng, nameSalt } from './decision-rng';
import { negotiate } from './negotiator';
import { difficultyLevels } from './persona-registry';
import type { Agent } from './play-out';
import { tacticsOf } from './tactics';
import type { Decision, Policy } from './types';

export const BASELINE_IDS = ['random', 'boulware', 'linear', 'conceder', 'tit-for-tat', 'scripted'] as const;
export type BaselineId = (typeof BASELINE_IDS)[number];

const baselines: Record<BaselineId | 'immovable', Policy> = {
  random: randomPolicy,
  boulware: timeDependentPolicy(0.2),
  linear: timeDependentPolicy(1),
  conceder: timeDependentPolicy(2),
  'tit-for-tat': titForTatPolicy,
  scripted: scriptedBaseline,
  /** Never concedes; for tests of exploitability, not listed among the baselines. */
  immovable: immovablePolicy,
};

export const isBaseline = (id: string): id is BaselineId => (BASELINE_IDS as readonly string[]).includes(id);

export function baselinePolicy(id: BaselineId | 'immovable'): Policy {
  return baselines[id];
}

export function personaPolicy(persona: Persona, difficulty: DifficultyId): Policy {
  const tactics = tacticsOf(persona, difficultyLevels()[difficulty]);
  return (view, rng) => negotiate(view, tactics, rng);
}

/** The agent form of a policy: each decision gets a stream seeded by (seed, side, name, point in the game). */
export function agentOf(policy: Policy, seed: number, side: Side, name = ''): { agent: Agent; decide: (view: Parameters<Agent>[0]) => Decision } {
  const salt = nameSalt(name);
  const decide = (view: Parameters<Agent>[0]) => policy(view, decisionRng(seed, side, view, salt));
  return { agent: (view) => decide(view).action, decide };
}
