// Playing recorded games for the AI tests: every decision with the view it was made from, and the
// state before and after it, so tests can check the policy's reasons against the engine.
import { agentOf } from '../../../src/ai/policies';
import type { Decision, Policy } from '../../../src/ai/types';
import { allScenarios, getScenario } from '../../../src/content/scenarios';
import type { Scenario } from '../../../src/content/scenario-schema';
import { awaitedSides, createGame, defaultAction, type GameState, type Overrides, projection, type Side, step, type View } from '../../../src/engine';

export interface Move {
  side: Side;
  view: View;
  decision: Decision;
  before: GameState;
  after: GameState;
  refused: boolean;
}

export const scenario = (id: string): Scenario => getScenario(id)!;
export const scenarios = (): Scenario[] => allScenarios();

/** Plays a game to its end, recording each decision of the sides that have a policy. */
export function record(s: Scenario, seed: number, policies: Record<Side, Policy>, overrides: Overrides = {}): { moves: Move[]; state: GameState } {
  let state = createGame(s, seed, { overrides });
  const deciders = {
    us: agentOf(policies.us, seed, 'us', 'us').decide,
    mx: agentOf(policies.mx, seed, 'mx', 'mx').decide,
  };
  const moves: Move[] = [];
  for (let n = 0; n < 2000; n++) {
    const side = awaitedSides(state)[0];
    if (!side) break;
    const view = projection(state, side);
    const decision = deciders[side](view);
    let r = step(state, decision.action);
    const refused = !!r.error;
    if (refused) r = step(state, defaultAction(state, side)!);
    moves.push({ side, view, decision, before: state, after: r.state, refused });
    state = r.state;
  }
  return { moves, state };
}
