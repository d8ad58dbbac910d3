// What classroom mode needs beyond the title: the network client, the remote table session and the forms'
// checks (with the wire contract's schemas). The controller loads it on demand, the first time a class is
// joined, created or opened, so solo play ships without colyseus.js.
import { createClassroomNet } from '../net';
import type { ClassroomNet } from '../net/types';
import { checkJoin, joinFieldOf, setupFieldOf } from './classroom-forms';
import { RemoteSession } from './remote-session';

export interface ClassroomKit {
  net: ClassroomNet;
  RemoteSession: typeof RemoteSession;
  checkJoin: typeof checkJoin;
  joinFieldOf: typeof joinFieldOf;
  setupFieldOf: typeof setupFieldOf;
}

/** The kit around a given client (the browser's, or a test's). */
export function kitWith(net: ClassroomNet): ClassroomKit {
  return { net, RemoteSession, checkJoin, joinFieldOf, setupFieldOf };
}

/**
 * The kit for the server that served the page: requests and rooms at the page's origin; a link waiting to
 * reconnect tries again at once when the browser says it is back online.
 */
export function browserKit(origin: string, onOnline?: (listener: () => void) => void): ClassroomKit {
  return kitWith(createClassroomNet(origin, { ...(onOnline ? { onWakeable: (wake: () => void) => onOnline(wake) } : {}) }));
}
