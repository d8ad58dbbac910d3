// Choosing the AI that sits across the table: by persona and difficulty, refused with the valid
// choices when unknown. The command line, the browser and the classroom all pick opponents here.
import type { DifficultyId, Persona } from '../content/persona-schema';
import type { Scenario } from '../content/scenario-schema';
import type { Side, View } from '../engine';
import { DIFFICULTIES, personasFor } from './persona-registry';
import type { Agent } from './play-out';
import { agentOf, BASELINE_IDS, baselinePolicy, isBaseline, personaPolicy } from './policies';
import type { Decision } from './types';

export interface OpponentChoice {
  persona?: string;
  difficulty?: string;
}

export interface OpponentCatalogue {
  /** Personas for this delegation: the generic styles, then its historical ones. The first is the default. */
  personas: string[];
  difficulties: string[];
  /** Evaluation baselines, also selectable as a persona (difficulty does not change them). */
  baselines: string[];
}

export const DEFAULT_PERSONA = 'pragmatic';
export const DEFAULT_DIFFICULTY: DifficultyId = 'normal';

export function opponentCatalogue(scenario: Scenario, side: Side): OpponentCatalogue {
  return { personas: personasFor(scenario.id, side).map((p) => p.id), difficulties: [...DIFFICULTIES], baselines: [...BASELINE_IDS] };
}

/** A delegation's historically inspired persona in this scenario, else the default (first) style. */
export function historicalPersona(scenario: Scenario, side: Side): string {
  const all = personasFor(scenario.id, side);
  return (all.find((p) => p.scenario === scenario.id) ?? all[0])?.id ?? DEFAULT_PERSONA;
}

export type OpponentResult =
  | {
      ok: true;
      agent: Agent;
      label: string;
      /** The same move with its reason (render it with renderRationale and the agent's own view). */
      decide: (view: View) => Decision;
      persona: Persona | null;
      difficulty: DifficultyId;
    }
  | { ok: false; error: string };

export function createOpponent(scenario: Scenario, side: Side, choice: OpponentChoice, seed: number): OpponentResult {
  const cat = opponentCatalogue(scenario, side);
  const personaId = choice.persona ?? DEFAULT_PERSONA;
  const difficulty = choice.difficulty ?? DEFAULT_DIFFICULTY;
  if (!cat.personas.includes(personaId) && !isBaseline(personaId))
    return { ok: false, error: `unknown persona "${personaId}"; valid personas: ${[...cat.personas, ...cat.baselines].join(', ')}` };
  if (!(DIFFICULTIES as readonly string[]).includes(difficulty))
    return { ok: false, error: `unknown difficulty "${difficulty}"; valid difficulties: ${cat.difficulties.join(', ')}` };
  const level = difficulty as DifficultyId;
  if (isBaseline(personaId)) {
    const { agent, decide } = agentOf(baselinePolicy(personaId), seed, side, personaId);
    return { ok: true, agent, decide, label: personaId, persona: null, difficulty: level };
  }
  const persona = personasFor(scenario.id, side).find((p) => p.id === personaId)!;
  const { agent, decide } = agentOf(personaPolicy(persona, level), seed, side, `${personaId}/${level}`);
  return { ok: true, agent, decide, label: `${persona.name.en} (${difficulty})`, persona, difficulty: level };
}
