// Where the session stands, read off the engine's state. The machine's round substates are these
// stages: it never decides whose turn it is, it asks the game.
import type { GameEvent, GameState } from '../engine';
import type { Stage } from './session-types';

/** Shocks the news of a round brought (the engine applies them when the round starts). */
export function firedInRound(game: GameState, round: number): GameState['fired'] {
  return game.fired.filter((f) => f.round === round);
}

/**
 * The stage the table should be in: the debrief or signing once the game has ended, the round's news
 * until the table has seen it (a shock interlude when that news fired shocks), else the engine's phase.
 */
export function stageOf(game: GameState | null, newsRound: number): Stage | null {
  if (!game) return null;
  if (game.phase === 'ended') return game.outcome?.agreement ? 'signing' : 'debrief';
  if (game.round !== newsRound) return firedInRound(game, game.round).length > 0 ? 'shock' : 'news';
  return game.phase;
}

/**
 * Names one wait: stage, round, whose turn and how many counters. A counter-offer keeps the phase
 * but changes the key, so the machine re-enters the response stage and its countdown starts afresh.
 */
export function stageKey(game: GameState | null, newsRound: number): string {
  const stage = stageOf(game, newsRound);
  if (!game || !stage) return 'none';
  return `${stage}:${game.round}:${game.turn ?? '-'}:${game.counters}`;
}

export const isPhaseStage = (stage: Stage | null): stage is 'proposal' | 'response' | 'domestic' =>
  stage === 'proposal' || stage === 'response' || stage === 'domestic';

/**
 * The events of the first round's start. createGame applies round 0's news but returns only the state,
 * so they are rebuilt from it here (see the report: the engine could return them).
 */
export function openingEvents(game: GameState): GameEvent[] {
  return [
    { type: 'roundStarted', round: game.round, proposer: game.proposer, suspended: game.round < game.suspendedUntil },
    ...firedInRound(game, game.round).map((f): GameEvent => ({ type: 'shockFired', shock: f.id, round: f.round, injected: f.injected })),
  ];
}
