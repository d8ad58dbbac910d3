// A classroom client double for the controller's and the overlay's tests: answers the HTTP requests with
// what each test scripts, and hands the test the events of the table and console links so it can play
// the server's part (welcome, updates, refusals, broadcasts, a move, the class closing). The real client
// against the real server is tested in tests/net/classroom-net.test.ts.
import type {
  ClassResults,
  ClassSummary,
  CommandResult,
  ConsoleCommand,
  CreateClassRequest,
  CreatedClass,
  Joined,
  JoinRequest,
} from '../../src/content/classroom-schema';
import { getScenario } from '../../src/content/scenarios';
import { type Action, createGame, type GameEvent, type GameState, projection, step } from '../../src/engine';
import type { TableUpdate } from '../../src/flow';
import {
  type ClassroomApiPort,
  type ClassroomNet,
  ClassroomRequestError,
  type ConsoleChannel,
  type ConsoleEvents,
  type NetErrorCode,
  type TableChannel,
  type TableEvents,
} from '../../src/net/types';

type Answer<T> = T | ClassroomRequestError;

export const refusal = (code: NetErrorCode, reason: string = code): ClassroomRequestError => new ClassroomRequestError(code, reason, 400);

export class FakeTable implements TableChannel {
  readonly acts: Action[] = [];
  readies = 0;
  acks = 0;
  left = false;
  online = true;
  constructor(
    readonly target: { roomId: string; token: string },
    readonly events: TableEvents,
  ) {}
  act(action: Action): void {
    this.acts.push(action);
  }
  ready(): boolean {
    if (this.online) this.readies++;
    return this.online;
  }
  ack(): boolean {
    if (this.online) this.acks++;
    return this.online;
  }
  leave(): void {
    this.left = true;
  }
  unacknowledged(): number {
    return 0;
  }
}

export class FakeConsole implements ConsoleChannel {
  left = false;
  constructor(
    readonly target: { classId: string; secret: string },
    readonly events: ConsoleEvents,
  ) {}
  leave(): void {
    this.left = true;
  }
}

export class FakeNet implements ClassroomNet {
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly tables: FakeTable[] = [];
  readonly consoles: FakeConsole[] = [];
  joinAnswer: Answer<Joined> | null = null;
  createAnswer: Answer<CreatedClass> | null = null;
  resultsAnswer: Answer<ClassResults> | null = null;
  commandAnswer: Answer<CommandResult> = { ok: true, refused: [] };

  readonly api: ClassroomApiPort = {
    join: (req: JoinRequest) => this.answer('join', [req], this.joinAnswer),
    createClass: (req: CreateClassRequest) => this.answer('createClass', [req], this.createAnswer),
    results: (classId: string, secret: string) => this.answer('results', [classId, secret], this.resultsAnswer),
    command: (classId: string, secret: string, command: ConsoleCommand) => this.answer('command', [classId, secret, command], this.commandAnswer),
  };

  private async answer<T>(method: string, args: unknown[], a: Answer<T> | null): Promise<T> {
    this.calls.push({ method, args });
    if (a === null) throw new Error(`the test gave no answer for ${method}`);
    if (a instanceof ClassroomRequestError) throw a;
    return a;
  }

  table(target: { roomId: string; token: string }, events: TableEvents): TableChannel {
    const t = new FakeTable(target, events);
    this.tables.push(t);
    // As the real link does: its first status is reported while it is being made.
    events.status('connecting', null);
    return t;
  }

  console(target: { classId: string; secret: string }, events: ConsoleEvents): ConsoleChannel {
    const c = new FakeConsole(target, events);
    this.consoles.push(c);
    events.status('connecting', null);
    return c;
  }

  get table0(): FakeTable {
    const t = this.tables.at(-1);
    if (!t) throw new Error('no table link was opened');
    return t;
  }

  get console0(): FakeConsole {
    const c = this.consoles.at(-1);
    if (!c) throw new Error('no console link was opened');
    return c;
  }

  commands(): ConsoleCommand[] {
    return this.calls.filter((c) => c.method === 'command').map((c) => c.args[2] as ConsoleCommand);
  }
}

export function joined(over: Partial<Joined> = {}): Joined {
  return {
    classId: 'c1',
    studentId: 's1',
    token: 'token-0123456789abcdef',
    name: 'Ana',
    scenarioId: 'whole-enchilada-2001',
    lang: 'en',
    tableNo: 3,
    seat: 'mx.lead',
    side: 'mx',
    role: 'lead',
    roomId: 'c1-t3',
    ...over,
  };
}

export function created(over: Partial<CreatedClass> = {}): CreatedClass {
  return {
    classId: 'c1',
    joinCode: 'K7M2QX9P',
    instructorSecret: 'secret-0123456789abcdef',
    consolePath: '/#/console/c1/secret-0123456789abcdef',
    config: {
      scenarioId: 'whole-enchilada-2001',
      tables: 2,
      seatsPerSide: 2,
      timers: {},
      aiForEmptySeats: true,
      difficulty: 'normal',
      lang: 'en',
      seed: 7,
      sameSeed: true,
      title: 'Migration 2001',
    },
    ...over,
  };
}

// ——— what a table would send, built with the real engine ———

/** A fresh game of a scenario (its first round started), as the table's engine holds it. */
export function freshGame(scenarioId = 'whole-enchilada-2001', seed = 7): GameState {
  return createGame(getScenario(scenarioId)!, seed);
}

/** Applies a move with the engine, failing the test if it is refused. */
export function play(state: GameState, action: Action): { state: GameState; events: GameEvent[] } {
  const r = step(state, action);
  if (r.error) throw new Error(`the engine refused ${action.type}: ${r.error.code}`);
  return { state: r.state, events: r.events };
}

/** The update a table sends a seat: its own projection, through JSON as on the wire. */
export function updateFor(state: GameState, seat: string, over: Partial<TableUpdate> = {}): TableUpdate {
  const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  return {
    screen: 'table',
    view: wire(projection(state, seat)),
    from: 0,
    events: [],
    news: [],
    countdownMs: null,
    paused: false,
    analysis: null,
    forks: [],
    ackSeq: 0,
    aiSeats: [],
    tablemates: [],
    readySides: [],
    ...over,
  };
}

/** The console's summary of a class with `tables` tables of `seatsPerSide` seats a side, all waiting and empty. */
export function summary(over: Partial<ClassSummary> = {}, tables = 2, seatsPerSide = 2): ClassSummary {
  const config = { ...created().config, tables, seatsPerSide };
  const seatIds = (['us', 'mx'] as const).flatMap((side) => Array.from({ length: seatsPerSide }, (_, k) => (k === 0 ? `${side}.lead` : k === 1 ? `${side}.adviser` : `${side}.adviser${k}`)));
  return {
    classId: 'c1',
    joinCode: 'K7M2QX9P',
    config,
    status: 'open',
    tables: Array.from({ length: tables }, (_, k) => ({
      tableNo: k + 1,
      roomId: `c1-t${k + 1}`,
      status: 'waiting' as const,
      round: null,
      roundId: null,
      screen: 'waiting' as const,
      offer: null,
      approval: null,
      countdownMs: null,
      paused: false,
      seats: seatIds.map((seat) => ({ seat, studentId: null, name: null, connected: false, ai: false })),
      fired: [],
      outcome: null,
    })),
    students: [],
    broadcasts: [],
    ...over,
  };
}
