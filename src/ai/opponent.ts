// Choosing the AI that sits across the table: by persona and difficulty, refused with the valid
// choices when unknown. The command line, the browser and the classroom all pick opponents here.
import type { Scenario } from '../content/scenario-schema';
import type { Side } from '../engine';
import type { Agent } from './play-out';
import { scriptedPolicy } from './scripted';

export interface OpponentChoice {
  persona?: string;
  difficulty?: string;
}

export interface OpponentCatalogue {
  personas: string[];
  difficulties: string[];
}

export function opponentCatalogue(_scenario: Scenario, _side: Side): OpponentCatalogue {
  return { personas: ['scripted'], difficulties: ['normal'] };
}

export type OpponentResult = { ok: true; agent: Agent; label: string } | { ok: false; error: string };

export function createOpponent(scenario: Scenario, side: Side, choice: OpponentChoice, _seed: number): OpponentResult {
  const cat = opponentCatalogue(scenario, side);
  const persona = choice.persona ?? cat.personas[0]!;
  const difficulty = choice.difficulty ?? cat.difficulties[0]!;
  if (!cat.personas.includes(persona)) return { ok: false, error: `unknown persona "${persona}"; valid personas: ${cat.personas.join(', ')}` };
  if (!cat.difficulties.includes(difficulty))
    return { ok: false, error: `unknown difficulty "${difficulty}"; valid difficulties: ${cat.difficulties.join(', ')}` };
  return { ok: true, agent: scriptedPolicy, label: `${persona} (${difficulty})` };
}
