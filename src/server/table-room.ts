// The Colyseus room of one table. It carries messages only (no synchronised state): the hub opens it with
// the table's fixed id, a student joins it with a seat token, and everything it receives goes to the
// table's host, which answers through the projection for the sender's seat.
import { type Client, Room, ServerError } from '@colyseus/core';
import type { ClassHub } from './class-hub';
import { HubError, joinRefusalMessage } from './hub-error';
import type { StudentLive, TableHost } from './table-host';

/** Colyseus error code for a refused join; the message is the JSON of the ClassroomError. */
export const JOIN_REFUSED = 4403;

export const refuseJoin = (e: unknown): never => {
  if (e instanceof HubError) throw new ServerError(JOIN_REFUSED, joinRefusalMessage(e));
  throw e;
};

/** The room type for one server's hub (rooms find their table through it). */
export function tableRoomType(hub: ClassHub, log: (message: string, error?: unknown) => void) {
  return class TableRoom extends Room {
    private host!: TableHost;

    override onCreate(options: { roomId?: unknown }): void {
      const host = typeof options?.roomId === 'string' ? hub.tableOfRoom(options.roomId) : undefined;
      if (!host) throw new ServerError(JOIN_REFUSED, 'tables are opened by their class, not by clients');
      this.roomId = host.roomId;
      this.host = host;
      this.autoDispose = false;
      // Plain messages only: no state to patch.
      this.patchRate = 0;
      host.attachRoom(this);
      this.onMessage('*', (client, type, message) => {
        try {
          host.message(client, type, message);
        } catch (e) {
          log(`${this.roomId}: message "${String(type).slice(0, 32)}" failed`, e);
          client.send('refused', { code: 'refused', reason: 'the server could not handle this message' });
        }
      });
    }

    override onAuth(_client: Client, options: unknown): { student: StudentLive } {
      try {
        return { student: hub.authStudent(this.roomId, options) };
      } catch (e) {
        return refuseJoin(e);
      }
    }

    override onJoin(client: Client, _options: unknown, auth: { student: StudentLive }): void {
      this.host.connect(auth.student, client);
    }

    override onLeave(client: Client): void {
      this.host.disconnect(client);
    }
  };
}
