// What the bots measure while they play: latencies per (client message, receiving client) pair, counts,
// and the refusals the run saw. One instance per run, filled by the tables and read by the report.

/** A (move, client) pair slower than this is kept with its time and place, to see what it coincided with. */
export const SLOW_MS = 100;

export interface SlowPair {
  /** performance.now() when it arrived. */
  at: number;
  ms: number;
  move: string;
  where: string;
}

export class Metrics {
  /** A move ('act') to each client at its table, the mover included: milliseconds from send to the update holding it. */
  readonly moveLatency: number[] = [];
  /** When each of those was measured (performance.now()), for the figures minute by minute. */
  readonly moveLatencyAt: number[] = [];
  readonly moveOwnLatency: number[] = [];
  readonly moveOthersLatency: number[] = [];
  /** The pairs at tables where one student's client is hostile (its tablemates, measured like everyone). */
  readonly moveLatencyBesideHostile: number[] = [];
  /** 'ready' / 'ack' to each client's update that shows it (the side ready, or the table moved on). */
  readonly signalLatency: number[] = [];
  /** A proposal or counter-offer to the first console summary showing it on the table. */
  readonly consoleLatency: number[] = [];
  readonly movesByType = new Map<string, number>();
  readonly slowPairs: SlowPair[] = [];
  /** When classes were being created and filled (performance.now() from, to): joins and connections load the server. */
  readonly creating: [number, number][] = [];
  /** The server answering a small HTTP request every 250 ms: when, and how long it took (its event loop's responsiveness). */
  readonly pingAt: number[] = [];
  readonly pingMs: number[] = [];
  /** Milliseconds the bots' AI took per decision (it runs on this process's event loop). */
  readonly decideMs: number[] = [];
  /** Garbage-collection pauses of this process, in milliseconds. */
  readonly gcMs: number[] = [];
  moves = 0;
  signals = 0;
  updates = 0;
  summaries = 0;
  /** Sizes in bytes of the JSON of every 25th update and summary (what the server encodes and sends). */
  readonly updateBytes: number[] = [];
  readonly summaryBytes: number[] = [];
  /** Moves refused because the table had moved on meanwhile (a timer ran out, the other side acted): not errors. */
  staleRefusals = 0;
  /** Hidden moves (another delegation's lobbying) not counted for the other side's clients. */
  hiddenPairs = 0;
  /** Updates whose ackSeq said a move was taken while their events did not hold it yet (it came in a later update). */
  earlyAcks = 0;
  gamesFinished = 0;
  tablesStarted = 0;

  countMove(type: string): void {
    this.moves++;
    this.movesByType.set(type, (this.movesByType.get(type) ?? 0) + 1);
  }
}
