// The classroom client: HTTP requests and self-reconnecting room links to one server (the page's origin in
// the browser). Loaded on demand by the app, so the title screen ships without colyseus.js.
import { Client } from 'colyseus.js';
import { ClassroomApi } from './api';
import { ConsoleLink } from './console-link';
import { RETRY_DELAYS_MS, RoomLink, realTimers, type Scheduler, wsEndpoint } from './room-link';
import { TableLink } from './table-link';
import type { ClassroomNet, ConsoleChannel, ConsoleEvents, TableChannel, TableEvents } from './types';

export { ClassroomApi } from './api';
export { RETRY_DELAYS_MS, RoomLink, refusalCodeOf, wsEndpoint } from './room-link';
export { TABLE_CLOSE, TableLink } from './table-link';
export * from './types';

export interface NetOptions {
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  timers?: Scheduler;
  delays?: readonly number[];
  /** Called with a function that retries every waiting link at once (the browser's "online" event). */
  onWakeable?: (wake: () => void) => void;
}

/** The classroom client for the server at `base` (an http(s) address; the WebSocket address is derived from it). */
export function createClassroomNet(base: string, o: NetOptions = {}): ClassroomNet & { wakeAll(): void } {
  const client = new Client(wsEndpoint(base));
  const live = new Set<{ wake(): void }>();
  const timers = o.timers ?? realTimers;
  const delays = o.delays ?? RETRY_DELAYS_MS;
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
        (on) => new RoomLink(client, target.roomId, { token: target.token }, on, timers, delays),
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
        (on) => new RoomLink(client, `${target.classId}-console`, { classId: target.classId, secret: target.secret }, on, timers, delays),
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
