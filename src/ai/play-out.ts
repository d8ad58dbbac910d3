// Plays a game to its end with one agent per delegation. Agents see only their projection; an agent
// whose action is refused gets the engine's default action instead, so a bad agent cannot hang a game.
import { type Action, awaitedSides, defaultAction, type GameEvent, type GameState, projection, type Side, step, type View } from '../engine';

export type Agent = (view: View) => Action;

export interface PlayOutResult {
  state: GameState;
  events: GameEvent[];
  refusals: number;
}

/** The delegation the game waits for next (in the domestic phase, the US first). */
export function nextToAct(state: GameState): Side | null {
  return awaitedSides(state)[0] ?? null;
}

export function playOut(start: GameState, agents: Record<Side, Agent>, maxSteps = 10_000, keepEvents = true): PlayOutResult {
  let state = start;
  const events: GameEvent[] = [];
  let refusals = 0;
  for (let n = 0; n < maxSteps; n++) {
    const side = nextToAct(state);
    if (!side) break;
    let r = step(state, agents[side](projection(state, side)));
    if (r.error) {
      refusals++;
      r = step(state, defaultAction(state, side)!);
    }
    state = r.state;
    if (keepEvents) events.push(...r.events);
  }
  return { state, events, refusals };
}
