// What a student's seat receives at a classroom table after every change: the engine's projection for that
// seat and the session's state around it. It lives with the flow (not with the wire schemas in content)
// because it carries engine types; the server builds it from the session, the browser applies it.
import type { TableScreen, Tablemate } from '../content/classroom-schema';
import type { Fork, GameAnalysis, GameEvent, ShockView, View } from '../engine';

/** What the student's seat sees after every change at the table (through the projection for its seat only). */
export interface TableUpdate {
  screen: TableScreen;
  view: View | null;
  /** Events the seat may see from index `from` of its own event list (0 on the first update of a connection). */
  from: number;
  events: GameEvent[];
  news: ShockView[];
  countdownMs: number | null;
  paused: boolean;
  analysis: GameAnalysis | null;
  forks: Fork[];
  /** The student's last move the table applied (or refused); 0 before any. */
  ackSeq: number;
  /** Seats the AI plays at this table (empty delegations, or a seat held for an absent student). */
  aiSeats: string[];
  tablemates: Tablemate[];
  /** Sides whose lead has pressed "ready" on the briefing, or acknowledged the current interlude. */
  readySides: ('us' | 'mx')[];
}
