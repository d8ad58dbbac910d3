// Students played by the real browser client (src/net links under src/app's RemoteSession) for the chaos
// and restart tests: a "tab" is one page's session (it can be closed like a page: its timers die with it
// and its socket drops), a player is a student who chooses its moves only from the view it receives, so
// two runs of the same class make the same moves whatever happens to the connections in between.
import { matchMaker } from '@colyseus/core';
import type { SessionUpdate } from '../../src/app/game-session';
import type { ClassroomState } from '../../src/app/app-types';
import { type RemoteHost, RemoteSession } from '../../src/app/remote-session';
import { createOpponent, historicalPersona } from '../../src/ai/opponent';
import type { Joined } from '../../src/content/classroom-schema';
import { getScenario } from '../../src/content/scenarios';
import { type Action, createGame, type Envelope, type GameEvent, replay, type Side, SIDES, type View } from '../../src/engine';
import { openingEvents } from '../../src/flow/session-stage';
import { createClassroomNet, type LinkEnd } from '../../src/net';
import type { Scheduler } from '../../src/net/room-link';
import { Bell } from '../helpers/bell';

/** Wakes whoever waits on any change of any tab (one bell for a whole class). */
export { Bell };

/** Real timers that die with their page: a closed tab never tries to reconnect again. */
export class PageTimers implements Scheduler {
  dead = false;
  set(fn: () => void, ms: number): unknown {
    if (this.dead) return null;
    return setTimeout(() => {
      if (!this.dead) fn();
    }, ms);
  }
  clear(handle: unknown): void {
    if (handle) clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}

/** One page of a student: what the app would hold of the table (as the app's controller receives it). */
export class Tab implements RemoteHost {
  last: SessionUpdate | null = null;
  room: Partial<ClassroomState> = {};
  notices: string[] = [];
  end: LinkEnd | null = null;
  readonly session: RemoteSession;
  readonly timers = new PageTimers();
  /** The view the page last moved from (a page moves at most once per view the server sent). */
  actedOn: View | null = null;
  /** Where the page last said ready/ack: once per screen and connection (a second one would be refused once the table moved on). */
  ackedAt = '';
  /** Connections this page has opened. */
  connections = 0;

  constructor(
    base: string,
    joined: Joined,
    private readonly changed: (tab: Tab) => void,
    delays?: readonly number[],
  ) {
    const net = createClassroomNet(base, { timers: this.timers, ...(delays ? { delays } : {}) });
    this.session = new RemoteSession(net, joined, this);
  }

  get dead(): boolean {
    return this.timers.dead;
  }
  get open(): boolean {
    return this.room.connection === 'open';
  }
  get events(): GameEvent[] {
    return this.last?.events ?? [];
  }

  update(u: SessionUpdate): void {
    this.last = u;
    this.changed(this);
  }
  classroom(p: Partial<ClassroomState>): void {
    if (p.connection === 'open' && this.room.connection !== 'open') this.connections++;
    this.room = { ...this.room, ...p };
    this.changed(this);
  }
  notice(code: string): void {
    this.notices.push(code);
    this.changed(this);
  }
  seatChanged(): void {}
  ended(end: LinkEnd): void {
    this.end = end;
    this.changed(this);
  }
}

/** The move the scenario's historical AI would make from this view, for the student's side (the session puts in its seat). */
export function chosenMove(view: View, seed: number): Action {
  const scenario = getScenario(view.scenario.id)!;
  const side = view.side!;
  // A fresh opponent per decision: the choice depends on the view and the seed only, never on what the page saw before.
  const opp = createOpponent(scenario, side, { persona: historicalPersona(scenario, side), difficulty: 'normal' }, seed);
  if (!opp.ok) throw new Error(opp.error);
  return { ...opp.decide(view).action, seat: side } as Action;
}

export const INTERLUDE_SCREENS = ['briefing', 'interlude', 'signing', 'ratification'];

export interface PlayerHooks {
  /** A server update reached the player's current tab. */
  updated?(p: Player): void;
  /** The player has just sent a move. */
  acted?(p: Player, action: Action): void;
}

/**
 * A student who plays through whichever tab is open. Only a lead moves and acknowledges; a delegation
 * moves only when no delegation before it (US, then Mexico) is awaited, so that when both are awaited
 * at once the moves reach the table in the same order in every run.
 */
export class Player {
  tab: Tab | null = null;
  tabs = 0;
  /** Every move sent, in order, with what became of it ('closed': its page was closed before any answer). */
  readonly sent: { action: Action; answer: 'pending' | 'acknowledged' | 'refused' | 'closed'; error?: unknown }[] = [];
  private pending: { action: Action; tab: Tab } | null = null;
  private hookedOn: SessionUpdate | null = null;
  /** Moves wait while this holds (the lead still says ready and acknowledges the news). */
  private holding = false;

  constructor(
    readonly base: string,
    readonly joined: Joined,
    readonly seed: number,
    private readonly bell: Bell,
    private readonly hooks: PlayerHooks = {},
    private readonly delays?: readonly number[],
  ) {}

  get isLead(): boolean {
    return this.joined.role === 'lead';
  }
  get engineSeat(): string {
    return this.isLead ? `${this.joined.side}.lead` : `${this.joined.side}.adviser`;
  }

  /** Opens a new page with the student's token (the first one, or a reload after a closed tab). */
  openTab(): Tab {
    const tab = new Tab(this.base, this.joined, (t) => this.changed(t), this.delays);
    this.tab = tab;
    this.tabs++;
    tab.session.start();
    return tab;
  }

  /** The page is gone: its timers die (it never reconnects) and it no longer reacts; the socket is the caller's to drop. */
  closeTab(): void {
    const tab = this.tab;
    if (!tab) return;
    tab.timers.dead = true;
    this.tab = null;
    this.bell.ring();
  }

  /** Holds the student's moves, or lets it move again. */
  holdMoves(hold: boolean): void {
    this.holding = hold;
    const tab = this.tab;
    if (!hold && tab) setImmediate(() => this.think(tab));
  }

  private changed(tab: Tab): void {
    if (tab.dead || tab !== this.tab) return;
    this.bell.ring();
    if (tab.last && tab.last !== this.hookedOn && tab.open) {
      this.hookedOn = tab.last;
      this.hooks.updated?.(this);
    }
    // After the client's whole reaction to one message (its counts first, then the update or the refusal).
    setImmediate(() => this.think(tab));
  }

  /** What became of the move in flight: acknowledged (nothing left unsent), or refused (the page shows an error). */
  private settle(tab: Tab): void {
    if (!this.pending) return;
    if (this.pending.tab !== tab) {
      // Its page was closed before an answer: the new page decides again from what the table shows.
      this.sent.at(-1)!.answer = 'closed';
      this.pending = null;
      return;
    }
    if (tab.last?.lastError) {
      this.sent.at(-1)!.answer = 'refused';
      this.sent.at(-1)!.error = tab.last.lastError;
      this.pending = null;
    } else if ((tab.room.unsent ?? 0) === 0) {
      this.sent.at(-1)!.answer = 'acknowledged';
      this.pending = null;
    }
  }

  private think(tab: Tab): void {
    if (tab.dead || tab !== this.tab) return;
    this.settle(tab);
    if (!tab.open || !this.isLead) return;
    const u = tab.last;
    if (!u || u.paused) return;
    const side = this.joined.side;
    if (INTERLUDE_SCREENS.includes(u.screen)) {
      const at = `${tab.connections}:${u.screen}:${u.view?.round}:${u.events.length}`;
      if ((tab.room.readySides ?? []).includes(side) || tab.ackedAt === at) return;
      tab.ackedAt = at;
      tab.session.send({ type: u.screen === 'briefing' ? 'READY' : 'ACK' });
      return;
    }
    const v = u.view;
    if (this.holding || u.screen !== 'table' || !v || !v.awaiting.includes(side)) return;
    if (SIDES.find((s) => v.awaiting.includes(s)) !== side) return;
    if ((tab.room.unsent ?? 0) > 0 || tab.actedOn === v) return;
    tab.actedOn = v;
    const action = chosenMove(v, this.seed);
    this.sent.push({ action, answer: 'pending' });
    this.pending = { action, tab };
    tab.session.send({ type: 'ACT', action });
    this.hooks.acted?.(this, action);
  }
}

/** The server's socket of a student at a table, cut without a closing handshake (as a dead network does). */
export function dropSocket(roomId: string, studentId: string): boolean {
  const room = matchMaker.getLocalRoomById(roomId);
  if (!room) return false;
  for (const client of room.clients) {
    const auth = client.auth as { student?: { record?: { id?: string } } } | undefined;
    if (auth?.student?.record?.id !== studentId) continue;
    (client as unknown as { ref: { terminate(): void } }).ref.terminate();
    return true;
  }
  return false;
}

/** Every engine event of a stored game, replayed from its envelope: the first round's opening, then each move's (throws when it does not replay). */
export function replayedEvents(envelope: Envelope): GameEvent[] {
  const scenario = getScenario(envelope.scenarioId);
  if (!scenario) throw new Error(`no scenario ${envelope.scenarioId}`);
  const events: GameEvent[] = openingEvents(createGame(scenario, envelope.seed, { overrides: envelope.overrides }));
  const r = replay(envelope, getScenario, envelope.events.length, (e) => events.push(...e));
  if (!r.ok) throw new Error(`the stored game does not replay: ${JSON.stringify(r)}`);
  return events;
}

const sideOf = (seat: string): string => seat.split('.')[0]!;

/** The moves of one delegation in a stored log, in order, each with its seat as the delegation. */
export const movesOf = (envelope: Envelope, side: Side): Action[] =>
  (envelope.events as Action[]).filter((a) => sideOf(a.seat) === side).map((a) => ({ ...a, seat: side }) as Action);

/** A move as movesOf gives it: its seat the delegation. */
export const asStored = (action: Action, side: Side): Action => ({ ...action, seat: side }) as Action;

/**
 * Whether a delegation's moves in the log are exactly what its student sent, in order: every acknowledged
 * move once, a refused one never, and a move whose page closed before any answer (or with another
 * answer in `open`) either there once (it arrived) or not at all (it was lost, and the next page decided
 * again); nothing else.
 * Null when so, else what differs.
 */
export function logMatchesSent(
  logMoves: readonly Action[],
  sent: Player['sent'],
  side: Side,
  /** Answers whose move may be in the log or not. */
  open: readonly Player['sent'][number]['answer'][] = ['closed'],
  /** Answers whose move is never in the log (a refused move was not applied). */
  absent: readonly Player['sent'][number]['answer'][] = ['refused'],
): string | null {
  const log = logMoves.map((m) => JSON.stringify(m));
  const mine = sent.map((s) => JSON.stringify(asStored(s.action, side)));
  // A closed page's move may or may not have arrived, and the next page may send the very same move
  // again: which copy the log holds is open, so every way of skipping closed pages' moves is tried.
  const memo = new Map<string, boolean>();
  const fits = (i: number, k: number): boolean => {
    const key = `${i}:${k}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok: boolean;
    if (k === sent.length) ok = i === log.length;
    else {
      const s = sent[k]!;
      const optional = open.includes(s.answer);
      const here = i < log.length && log[i] === mine[k] && (s.answer === 'acknowledged' || optional) && fits(i + 1, k + 1);
      ok = here || ((optional || absent.includes(s.answer)) && fits(i, k + 1));
    }
    memo.set(key, ok);
    return ok;
  };
  if (fits(0, 0)) return null;
  return `the log's moves ${JSON.stringify(logMoves)} are not the student's moves ${JSON.stringify(sent)} (only ${[...open, ...absent].join(', ')} moves may be missing, and ${absent.join(', ')} ones must be)`;
}
