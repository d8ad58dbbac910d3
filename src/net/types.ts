// The classroom client as the app sees it: the instructor's and the student's HTTP requests, and the live
// links to a table room and to the console room. src/net implements it with fetch and colyseus.js; the
// app loads it on demand (the title screen ships without the network client).
import type { Broadcast, ClassResults, ClassroomErrorCode, ClassSummary, CommandResult, ConsoleCommand, CreateClassRequest, CreatedClass, Joined, JoinRequest, Refused, SeatAssignment, Welcome } from '../content/classroom-schema';
import type { TableUpdate } from '../flow';
import type { Action } from '../engine';

/**
 * Why a request failed: the server's code, or the client's own when there was no answer from the server
 * ('network') or the answer was not what the contract says ('bad-response').
 */
export type NetErrorCode = ClassroomErrorCode | 'network' | 'bad-response';

/** A refused or failed request, with the server's code and its English reason (the UI words the code). */
export class ClassroomRequestError extends Error {
  constructor(
    readonly error: NetErrorCode,
    readonly reason: string,
    /** The HTTP status, when the server answered. */
    readonly status: number | null = null,
  ) {
    super(`${error}: ${reason}`);
    this.name = 'ClassroomRequestError';
  }
}

export interface ClassroomApiPort {
  createClass(request: CreateClassRequest): Promise<CreatedClass>;
  join(request: JoinRequest): Promise<Joined>;
  results(classId: string, secret: string): Promise<ClassResults>;
  command(classId: string, secret: string, command: ConsoleCommand): Promise<CommandResult>;
}

export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * Why a link stopped for good (no more reconnecting): 'left' (this client left), 'replaced' (the same seat
 * opened in another tab), 'closed' (the class ended), or the server's refusal ('bad-token', 'unknown-class',
 * 'not-instructor', 'class-ended'…).
 */
export interface LinkEnd {
  code: NetErrorCode | 'left' | 'replaced' | 'closed';
  reason: string;
}

export interface TableEvents {
  welcome(w: Welcome): void;
  /** `first`: the first update of this connection (its events replace what the client had). */
  update(u: TableUpdate, first: boolean): void;
  refused(r: Refused): void;
  broadcast(b: Broadcast): void;
  /** The instructor moved the student: the link follows to the new table by itself. */
  moved(to: SeatAssignment): void;
  status(status: LinkStatus, end: LinkEnd | null): void;
}

export interface TableChannel {
  /** A move: numbered, sent now or when the link is back; re-sent after a reconnect until the table acknowledges it. */
  act(action: Action): void;
  /** Sends "ready"/"ack" if connected; false when offline (they are not queued: the screen may have moved on). */
  ready(): boolean;
  ack(): boolean;
  /** Leaves the table for good (a consented leave: no reconnecting). */
  leave(): void;
  /** Moves the student has made that the table has not acknowledged yet. */
  unacknowledged(): number;
}

export interface ConsoleEvents {
  summary(s: ClassSummary): void;
  refused(r: Refused): void;
  status(status: LinkStatus, end: LinkEnd | null): void;
}

export interface ConsoleChannel {
  leave(): void;
}

export interface ClassroomNet {
  api: ClassroomApiPort;
  table(target: { roomId: string; token: string }, events: TableEvents): TableChannel;
  console(target: { classId: string; secret: string }, events: ConsoleEvents): ConsoleChannel;
}
