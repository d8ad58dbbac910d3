// A table of a class as the controller's game session: the server hosts the game, this seat receives its
// own projection and sends its moves. It gives the controller the same updates as a solo GameSession (view,
// events, news, countdown, pause, analysis, forks, the last refusal), so the very same table, briefing,
// interlude, signing, ratification and debrief screens are used. The UI builds moves for its side; the
// seat they are sent for is the student's own seat ("mx.adviser"…), which the table checks.
import { CLASSROOM_ERROR_CODES, type Joined, type Refused, type SeatAssignment, type Welcome } from '../content/classroom-schema';
import type { TableUpdate } from '../flow';
import type { Action, GameEvent, Side } from '../engine';
import type { SessionError } from '../flow';
import type { ClassroomNet, LinkEnd, TableChannel } from '../net/types';
import type { ClassroomState, Screen } from './app-types';
import type { SessionUpdate } from './game-session';

const CLASSROOM_CODES = new Set<string>(CLASSROOM_ERROR_CODES);
const TABLE_SCREENS = new Set<Screen>(['waiting', 'briefing', 'table', 'interlude', 'signing', 'ratification', 'debrief']);

export interface RemoteHost {
  /** The game as the seat sees it, as a solo session reports it. */
  update(u: SessionUpdate): void;
  /** The classroom part: tablemates, AI seats, ready sides, broadcasts, the connection. */
  classroom(p: Partial<ClassroomState>): void;
  /** A message that is not a game refusal: a code the UI words ("offline", "moved", a classroom refusal…). */
  notice(code: string): void;
  /** The seat changed (the instructor moved the student): remember the new one. */
  seatChanged(seat: Joined): void;
  /** The link stopped for good (the class ended, the seat opened elsewhere, a refused token). */
  ended(end: LinkEnd): void;
}

export type SessionEvent = { type: 'READY' } | { type: 'ACK' } | { type: 'PAUSE' } | { type: 'RESUME' } | { type: 'ACT'; action: Action };

/** A refusal of a move in the words the solo game uses, or null when it is the classroom's own (shown as a notice). */
export function sessionErrorOf(r: Refused): SessionError | null {
  const params = { ...(r.params ?? {}) };
  if (r.code === 'refused') {
    // The table's session or engine refused: the params carry the game's refusal code.
    const code = typeof params.code === 'string' ? params.code : 'unknown-action';
    delete params.code;
    return { code: code as SessionError['code'], params };
  }
  if (r.code === 'wrong-seat') return { code: 'wrong-seat', params };
  if (CLASSROOM_CODES.has(r.code)) return null;
  return { code: r.code as SessionError['code'], params };
}

/** The events of a fresh connection, keeping the objects the client already had where they are the same (so nothing is announced twice). */
export function keepSame(before: readonly GameEvent[], incoming: readonly GameEvent[]): GameEvent[] {
  const out: GameEvent[] = [];
  let same = true;
  for (let k = 0; k < incoming.length; k++) {
    const b = before[k];
    same = same && b !== undefined && (b === incoming[k] || JSON.stringify(b) === JSON.stringify(incoming[k]));
    out.push(same ? b! : incoming[k]!);
  }
  return out;
}

export class RemoteSession {
  private channel: TableChannel | null = null;
  private events: GameEvent[] = [];
  private lastError: SessionError | null = null;
  private shown: SessionUpdate | null = null;
  private broadcasts: ClassroomState['broadcasts'] = [];

  constructor(
    private readonly net: ClassroomNet,
    private joined: Joined,
    private readonly host: RemoteHost,
  ) {}

  get seat(): Joined {
    return this.joined;
  }

  start(): void {
    this.host.classroom({ joined: this.joined, connection: 'connecting', linkEnd: null });
    this.channel = this.net.table(
      { roomId: this.joined.roomId, token: this.joined.token },
      {
        welcome: (w) => this.onWelcome(w),
        update: (u, first) => this.onUpdate(u, first),
        refused: (r) => this.onRefused(r),
        broadcast: (b) => {
          if (typeof b.text !== 'string') return;
          const at = typeof b.at === 'string' ? b.at : '';
          // A table sends every message again to a connection that comes back: keep each once.
          if (this.broadcasts.some((x) => x.at === at && x.text === b.text)) return;
          this.broadcasts = [...this.broadcasts, { text: b.text, at }];
          this.host.classroom({ broadcasts: this.broadcasts });
        },
        moved: (to) => this.onMoved(to),
        status: (status, end) => {
          this.host.classroom({ connection: status, unsent: this.channel?.unacknowledged() ?? 0, ...(end ? { linkEnd: end } : {}) });
          if (status === 'closed' && end && end.code !== 'left') this.host.ended(end);
        },
      },
    );
  }

  send(event: SessionEvent): void {
    const channel = this.channel;
    if (!channel) return;
    switch (event.type) {
      case 'ACT':
        this.clearError();
        channel.act({ ...event.action, seat: this.joined.seat } as Action);
        this.host.classroom({ unsent: channel.unacknowledged() });
        return;
      case 'READY':
      case 'ACK':
        this.clearError();
        // The lead of each delegation says when the table goes on (the table would refuse an adviser).
        if (this.joined.role !== 'lead') this.host.notice('lead-decides');
        else if (!(event.type === 'READY' ? channel.ready() : channel.ack())) this.host.notice('offline');
        return;
      default:
        // A class's table is paused and resumed by the instructor only.
        return;
    }
  }

  /** Leaves the table for good (a consented leave). */
  stop(): void {
    this.channel?.leave();
    this.channel = null;
  }

  getRationales(): readonly never[] {
    return [];
  }

  /** A class's game is kept by the server, not saved in the browser as a solo game. */
  currentSave(): null {
    return null;
  }

  private clearError(): void {
    if (this.lastError === null) return;
    this.lastError = null;
    if (this.shown) this.emit({ ...this.shown, lastError: null, fresh: [] });
  }

  private emit(u: SessionUpdate): void {
    this.shown = u;
    this.host.update(u);
  }

  private onWelcome(w: Welcome): void {
    const joined: Joined = { ...this.joined, name: w.name ?? this.joined.name, tableNo: w.tableNo, seat: w.seat, side: w.side, role: w.role, roomId: w.roomId };
    this.joined = joined;
    this.host.classroom({ joined, started: w.started === true, tablemates: Array.isArray(w.tablemates) ? w.tablemates : [] });
    if (!w.started && !this.shown) this.emit(this.blank('waiting'));
  }

  private blank(screen: Screen): SessionUpdate {
    return { screen, view: null, events: [], news: [], lastError: null, countdownMs: null, paused: false, analysis: null, fresh: [], forks: [] };
  }

  private onUpdate(u: TableUpdate, first: boolean): void {
    const before = this.events;
    const incoming = Array.isArray(u.events) ? u.events : [];
    const from = typeof u.from === 'number' && u.from >= 0 ? u.from : 0;
    // The first update of a connection carries the whole list (so does one after a move sent twice);
    // others what follows index `from`. Events already shown keep their objects, so none is announced twice.
    const events = first || from === 0 ? keepSame(before, incoming) : [...before.slice(0, Math.min(from, before.length)), ...incoming];
    // Sounds only for what is new on a game already shown (a reload or a new table starts quietly).
    const fresh = before.length > 0 && events[0] === before[0] ? events.slice(before.length) : [];
    this.events = events;
    const screen: Screen = TABLE_SCREENS.has(u.screen as Screen) ? (u.screen as Screen) : 'table';
    this.host.classroom({
      started: screen !== 'waiting',
      aiSeats: Array.isArray(u.aiSeats) ? u.aiSeats : [],
      tablemates: Array.isArray(u.tablemates) ? u.tablemates : [],
      readySides: Array.isArray(u.readySides) ? (u.readySides.filter((s) => s === 'us' || s === 'mx') as Side[]) : [],
      unsent: this.channel?.unacknowledged() ?? 0,
    });
    this.emit({
      screen,
      view: u.view ?? null,
      events,
      news: Array.isArray(u.news) ? u.news : [],
      lastError: this.lastError,
      countdownMs: typeof u.countdownMs === 'number' ? u.countdownMs : null,
      paused: u.paused === true,
      analysis: u.analysis ?? null,
      fresh,
      forks: Array.isArray(u.forks) ? u.forks : [],
    });
  }

  private onRefused(r: Refused): void {
    this.host.classroom({ unsent: this.channel?.unacknowledged() ?? 0 });
    const about = r.params?.message;
    // A ready/ack the table no longer needs (it moved on, e.g. one re-sent after a reconnect) is no error of the student's.
    if ((about === 'ready' || about === 'ack') && r.params?.code === 'not-in-play') return;
    const err = sessionErrorOf(about === undefined ? r : { ...r, params: Object.fromEntries(Object.entries(r.params ?? {}).filter(([k]) => k !== 'message')) });
    if (!err) {
      this.host.notice(`refused-${r.code}`);
      return;
    }
    this.lastError = err;
    this.emit({ ...(this.shown ?? this.blank('table')), lastError: err, fresh: [] });
  }

  private onMoved(to: SeatAssignment): void {
    this.joined = { ...this.joined, tableNo: to.tableNo, seat: to.seat, side: to.side, role: to.role, roomId: to.roomId };
    // Another table is another game: its first update replaces everything.
    this.events = [];
    this.lastError = null;
    this.shown = null;
    this.host.seatChanged(this.joined);
    this.host.classroom({ joined: this.joined, tablemates: [], aiSeats: [], readySides: [], unsent: 0 });
    this.host.notice('moved');
  }
}
