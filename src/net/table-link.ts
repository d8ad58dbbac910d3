// A student's link to the table room: joins with the seat token, numbers the student's moves, keeps each
// one until the table acknowledges it (TableUpdate.ackSeq) and sends the rest again, with the same
// numbers, after a reconnect (the table ignores a number it has already applied). The first update of a
// page's first connection says where the numbering stands, so a reloaded page goes on from there.
import type { Broadcast, Refused, SeatAssignment, Welcome } from '../content/classroom-schema';
import type { TableUpdate } from '../flow';
import type { Action } from '../engine';
import type { RoomLink, RoomLinkEvents } from './room-link';
import type { LinkEnd, TableChannel, TableEvents } from './types';

/**
 * Close codes the table room ends a connection with (src/server/table-host.ts): the same seat opened in
 * another tab (this one must not take it back), the student moved to another table (the 'moved' message
 * before it says where), the class ended.
 */
export const TABLE_CLOSE = { replaced: 4100, moved: 4101, ended: 4102 } as const;

interface Pending {
  /** Null until the numbering is known (before the first update of the page). */
  seq: number | null;
  action: Action;
  /** The connection it was last sent on (0: not sent). */
  sentOn: number;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export class TableLink implements TableChannel {
  private link: RoomLink | null = null;
  private nextSeq: number | null = null;
  private pending: Pending[] = [];
  private connection = 0;
  private awaitingFirst = false;

  constructor(
    private readonly events: TableEvents,
    /** Builds the room link (the caller gives the client, the room id and the options). */
    make: (on: RoomLinkEvents) => RoomLink,
  ) {
    this.link = make(this.roomEvents());
  }

  start(): void {
    this.link?.start();
  }

  /** The browser is back online or the page shown again: reconnects at once, or pings the open connection at once. */
  wake(): void {
    this.link?.wake();
  }

  act(action: Action): void {
    this.pending.push({ seq: this.nextSeq === null ? null : this.nextSeq++, action, sentOn: 0 });
    this.flush();
  }

  ready(): boolean {
    return this.link?.send('ready', {}) ?? false;
  }

  ack(): boolean {
    return this.link?.send('ack', {}) ?? false;
  }

  leave(): void {
    this.link?.stop({ code: 'left', reason: 'the student left the class' });
  }

  unacknowledged(): number {
    return this.pending.length;
  }

  private stop(end: LinkEnd): void {
    this.link?.stop(end);
  }

  /** Sends every move not yet sent on this connection, in order, once the numbering is known. */
  private flush(): void {
    if (!this.link?.isOpen || this.awaitingFirst || this.nextSeq === null) return;
    for (const p of this.pending) {
      if (p.sentOn === this.connection) continue;
      if (!this.link.send('act', { seq: p.seq, action: p.action })) return;
      p.sentOn = this.connection;
    }
  }

  private onUpdate(u: TableUpdate): void {
    const first = this.awaitingFirst;
    this.awaitingFirst = false;
    const acked = typeof u.ackSeq === 'number' ? u.ackSeq : 0;
    if (this.nextSeq === null) {
      // The page's first update: number the moves made before it after the last one the table knows.
      this.nextSeq = acked + 1;
      for (const p of this.pending) p.seq = this.nextSeq++;
    } else if (acked >= this.nextSeq) this.nextSeq = acked + 1;
    this.pending = this.pending.filter((p) => p.seq === null || p.seq > acked);
    this.events.update(u, first);
    this.flush();
  }

  private roomEvents(): RoomLinkEvents {
    return {
      opened: () => {
        this.connection++;
        // Moves wait for this connection's first update: it says which of them the table already has.
        this.awaitingFirst = true;
      },
      status: (status, end) => this.events.status(status, end),
      finalClose: (code, reason) =>
        code === TABLE_CLOSE.replaced
          ? { code: 'replaced', reason: reason || 'the seat was opened in another tab' }
          : code === TABLE_CLOSE.ended
            ? { code: 'closed', reason: reason || 'the class ended' }
            : null,
      message: (type, payload) => {
        if (!isObject(payload)) return;
        switch (type) {
          case 'welcome':
            this.events.welcome(payload as unknown as Welcome);
            return;
          case 'update':
            this.onUpdate(payload as unknown as TableUpdate);
            return;
          case 'refused': {
            const r = payload as unknown as Refused;
            if (typeof r.seq === 'number') this.pending = this.pending.filter((p) => p.seq !== r.seq);
            this.events.refused(r);
            if (r.code === 'bad-token') this.stop({ code: 'bad-token', reason: r.reason });
            return;
          }
          case 'broadcast':
            this.events.broadcast(payload as unknown as Broadcast);
            return;
          case 'moved': {
            const to = payload as unknown as SeatAssignment;
            this.events.moved(to);
            // A new table: its own numbering and its own moves; the ones for the old table no longer apply.
            this.pending = [];
            this.nextSeq = null;
            if (typeof to.roomId === 'string') this.link?.moveTo(to.roomId);
            return;
          }
          case 'closed': {
            // The table says why before it closes: another tab took the seat, or the class ended.
            const reason = typeof payload.reason === 'string' ? payload.reason : '';
            this.stop(payload.code === 'replaced' ? { code: 'replaced', reason: reason || 'the seat was opened in another tab' } : { code: 'closed', reason: reason || 'the class ended' });
            return;
          }
          default:
            return;
        }
      },
    };
  }
}
