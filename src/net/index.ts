// The classroom client: HTTP requests and self-reconnecting room links to one server (the page's origin in
// the browser). Loaded on demand by the app, so the title screen ships without colyseus.js.
import { Client } from 'colyseus.js';
import { ClassroomApi } from './api';
import { ConsoleLink } from './console-link';
import { type Heartbeat, RETRY_DELAYS_MS, RoomLink, realTimers, type Scheduler, wsEndpoint } from './room-link';
import { TableLink } from './table-link';
import type { ClassroomNet, ConsoleChannel, ConsoleEvents, TableChannel, TableEvents } from './types';

export { ClassroomApi } from './api';
export { HEARTBEAT_MS, HEARTBEAT_TIMEOUT_MS, RETRY_DELAYS_MS, RoomLink, refusalCodeOf, wsEndpoint } from './room-link';
export { TABLE_CLOSE, TableLink } from './table-link';
export * from './types';

export interface NetOptions {
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** The timers of the reconnections. */
  timers?: Scheduler;
  delays?: readonly number[];
  /**
   * The open connections' heartbeat (room-link.ts): its waits, and its own timers (real ones unless given,
   * whatever `timers` is), so a test can drive the reconnections and the heartbeat apart.
   */
  heartbeat?: Partial<Heartbeat>;
  /**
   * Called with a function for the browser's signs that the network may have changed under the page (its
   * "online" event, the page shown again after being hidden): every link waiting to reconnect tries at
   * once, and every open one sends a ping at once (a connection that died unseen is found in seconds).
   */
  onWakeable?: (wake: () => void) => void;
}

/** The classroom client for the server at `base` (an http(s) address; the WebSocket address is derived from it). */
export function createClassroomNet(base: string, o: NetOptions = {}): ClassroomNet & { wakeAll(): void } {
  const client = new Client(wsEndpoint(base));
  const live = new Set<{ wake(): void }>();
  const timers = o.timers ?? realTimers;
  const delays = o.delays ?? RETRY_DELAYS_MS;
  const heartbeat: Partial<Heartbeat> = { ...o.heartbeat, timers: o.heartbeat?.timers ?? realTimers };
  const net = {
    api: new ClassroomApi(base, o.fetch),
    table(target: { roomId: string; token: string }, events: TableEvents): TableChannel {
      const link = new TableLink(
        {
          ...events,
          status: (s, end) => {
            if (s === 'closed') live.delete(link);
            events.status(s, end);
          },
        },
        (on) => new RoomLink(client, target.roomId, { token: target.token }, on, timers, delays, heartbeat),
      );
      live.add(link);
      link.start();
      return link;
    },
    console(target: { classId: string; secret: string }, events: ConsoleEvents): ConsoleChannel {
      const link = new ConsoleLink(
        {
          ...events,
          status: (s, end) => {
            if (s === 'closed') live.delete(link);
            events.status(s, end);
          },
        },
        (on) => new RoomLink(client, `${target.classId}-console`, { classId: target.classId, secret: target.secret }, on, timers, delays, heartbeat),
      );
      live.add(link);
      link.start();
      return link;
    },
    wakeAll(): void {
      for (const l of live) l.wake();
    },
  };
  o.onWakeable?.(() => net.wakeAll());
  return net;
}
