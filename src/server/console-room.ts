// The Colyseus room of a class's console: the instructor joins it with the class id and secret and gets
// the class summary on joining and after every change. Commands travel by HTTP, not through this room.
import { type Client, Room, ServerError } from '@colyseus/core';
import type { ClassHub } from './class-hub';
import { JOIN_REFUSED, refuseJoin } from './table-room';

export function consoleRoomType(hub: ClassHub) {
  return class ConsoleRoom extends Room {
    private classId!: string;

    override onCreate(options: { roomId?: unknown }): void {
      const classId = typeof options?.roomId === 'string' ? hub.classOfConsoleRoom(options.roomId) : undefined;
      if (!classId) throw new ServerError(JOIN_REFUSED, 'consoles are opened by their class, not by clients');
      this.roomId = options.roomId as string;
      this.classId = classId;
      this.autoDispose = false;
      this.patchRate = 0;
      this.onMessage('*', (client, type) => {
        client.send('refused', {
          code: 'bad-request',
          reason: `the console room takes no messages ("${String(type).slice(0, 32)}"): commands go to POST /api/classes/${this.classId}/commands`,
        });
      });
    }

    override onAuth(_client: Client, options: unknown): true {
      try {
        hub.authConsole(this.roomId, options);
        return true;
      } catch (e) {
        return refuseJoin(e);
      }
    }

    override onJoin(client: Client): void {
      hub.consoleJoined(this.classId, client);
    }

    override onLeave(client: Client): void {
      hub.consoleLeft(this.classId, client);
    }
  };
}
