// How the hub reaches rooms wherever they run. In one process Colyseus's local presence and driver carry
// these; with Redis, several processes share them: a room is created by its fixed id on whichever process
// the matchmaker picks, called by id from any process (matchMaker.remoteRoomCall), and a class's tables
// tell its console what changed on a presence channel of that class.
import { matchMaker, type Presence } from '@colyseus/core';
import type { Broadcast, TableSummary } from '../content/classroom-schema';

export type RoomType = 'table' | 'console';

/** What a class's channel carries: a table's summary, or a note that the students, the class or its broadcasts changed in the store. */
export type ClassNews =
  | { kind: 'table'; summary: TableSummary; at: number }
  | { kind: 'students' }
  | { kind: 'class' }
  | { kind: 'broadcast'; broadcast: Broadcast };

export interface RoomRouter {
  /** Makes sure the room with this id runs somewhere (created through the matchmaker when it does not). */
  ensure(type: RoomType, roomId: string): Promise<void>;
  /** Calls a method of the room, local or remote; rejects when no process hosts it (after `timeoutMs`). */
  call<T>(roomId: string, method: string, args?: unknown[], timeoutMs?: number): Promise<T>;
  /** Tells whoever listens to the class (its console rooms). */
  tell(classId: string, news: ClassNews): void;
  /** Listens to the class; returns the way to stop. */
  listen(classId: string, onNews: (news: ClassNews) => void): Promise<() => void>;
}

const classChannel = (classId: string) => `binational:class:${classId}`;
const creatingKey = (roomId: string) => `binational:creating:${roomId}`;

/** How long one process may hold the right to create a room before another takes over (seconds). */
const CREATE_LEASE_S = 15;
/** A room call waits this long for the process hosting the room (ending a table saves it first). */
const CALL_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function colyseusRouter(presence: Presence): RoomRouter {
  const exists = async (roomId: string) => (await matchMaker.query({ roomId })).length > 0;
  return {
    async ensure(type, roomId) {
      // Rooms have fixed ids, so two processes opening the same class must not both create one: the first
      // to count 1 on the room's key creates it, the others wait until it is listed.
      for (let attempt = 0; attempt < 3; attempt++) {
        if (await exists(roomId)) return;
        const key = creatingKey(roomId);
        const n = await presence.incr(key);
        await presence.expire(key, CREATE_LEASE_S);
        if (n === 1) {
          try {
            if (!(await exists(roomId))) await matchMaker.createRoom(type, { roomId });
          } finally {
            await presence.del(key);
          }
          return;
        }
        for (let waited = 0; waited < CREATE_LEASE_S * 1000; waited += 100) {
          await sleep(100);
          if (await exists(roomId)) return;
          if (!(await presence.get(key))) break;
        }
      }
      throw new Error(`room ${roomId} could not be created`);
    },
    call: <T>(roomId: string, method: string, args: unknown[] = [], timeoutMs = CALL_TIMEOUT_MS) => matchMaker.remoteRoomCall(roomId, method, args, timeoutMs) as Promise<T>,
    tell(classId, news) {
      presence.publish(classChannel(classId), news);
    },
    async listen(classId, onNews) {
      const channel = classChannel(classId);
      const callback = (news: ClassNews) => onNews(news);
      await presence.subscribe(channel, callback);
      return () => presence.unsubscribe(channel, callback);
    },
  };
}

/**
 * Where a new room goes: the live process hosting the fewest rooms, counted from the driver's listing
 * (Colyseus's own choice reads room counts saved at most once a second, so a class's tables opened
 * together would pile onto one process). Ties go to the lower process id, so the choice is the same on
 * every process.
 */
export async function processWithFewestRooms(): Promise<string> {
  const live = (await matchMaker.stats.fetchAll()).map((p) => p.processId);
  if (live.length <= 1) return live[0] ?? matchMaker.processId;
  const count = new Map<string, number>(live.map((id) => [id, 0]));
  for (const room of await matchMaker.query({})) {
    const n = count.get(room.processId);
    if (n !== undefined) count.set(room.processId, n + 1);
  }
  return [...count.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/**
 * A process that stopped without saying so (killed, crashed) still lists its rooms, so none would open
 * again. One no longer subscribed to its own channel is health-checked by Colyseus, which removes its
 * rooms when it does not answer; the next look for missing rooms then reopens them from the store.
 */
export async function forgetVanishedProcesses(presence: Presence): Promise<void> {
  const subscribed = new Set((await presence.channels('p:*')).map((c) => c.slice('p:'.length)));
  for (const p of await matchMaker.stats.fetchAll()) {
    if (p.processId !== matchMaker.processId && !subscribed.has(p.processId)) await matchMaker.healthCheckProcessId(p.processId);
  }
}
