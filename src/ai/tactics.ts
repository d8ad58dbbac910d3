// The numbers a policy plays with: a persona's style adjusted by a difficulty level.
import type { Difficulty, Persona } from '../content/persona-schema';

export interface Tactics {
  /** Concession curve exponent e: t^(1/e); below 1 Boulware, 1 linear, above 1 Conceder. */
  exponent: number;
  /** Share of the best expected surplus still demanded at the deadline. */
  floor: number;
  reciprocity: number;
  acceptSlack: number;
  minRatification: number;
  gambler: boolean;
  /** How much the opponent model learns from the other side's offers, 0..1. */
  learning: number;
  /** Random extra concession (share of what is left to concede). */
  noise: number;
  lobby: boolean;
  lobbyUntil: number;
  capitalReserve: number;
  statements: boolean;
  bankIssues: boolean;
  useCards: boolean;
  /** Believed chance the other side ratifies, by the instrument a package needs there (executive, legislation, treaty). */
  partnerOdds: readonly number[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function tacticsOf(p: Persona, d: Difficulty): Tactics {
  return {
    exponent: clamp(p.concession.exponent.value * d.exponentScale, 0.05, 10),
    floor: clamp(p.concession.floor.value * d.floorScale, 0, 0.9),
    reciprocity: clamp(p.reciprocity.value * d.reciprocityScale, 0, 1),
    acceptSlack: clamp(p.acceptSlack.value + d.extraSlack, 0, 0.5),
    minRatification: p.domestic.minRatification.value,
    gambler: p.domestic.gambler.value,
    learning: d.learning,
    noise: d.noise,
    lobby: d.lobby,
    lobbyUntil: p.domestic.lobbyUntil.value,
    capitalReserve: p.domestic.capitalReserve.value,
    statements: p.domestic.statements.value && d.lobby,
    bankIssues: p.bankIssues.value,
    useCards: p.useCards.value && d.useCards,
    partnerOdds: [d.partnerOdds.executive, d.partnerOdds.legislation, d.partnerOdds.treaty],
  };
}
