// The clients' heartbeat, answered the same way by a table and by a console: a page cannot see a
// connection that died without a close, so it asks now and then, and the room answers the sender only.
import type { Client } from '@colyseus/core';
import { parseMessage, PingMessageSchema, type Pong, type Refused } from '../content/classroom-schema';

/** Answers a 'ping' with a 'pong' to its sender; a malformed one gets back the refusal to send instead. */
export function answerPing(client: Client, payload: unknown): Refused | null {
  const parsed = parseMessage(PingMessageSchema, payload ?? {});
  if (!parsed.ok) return { code: parsed.error.error, reason: parsed.error.reason };
  client.send('pong', {} satisfies Pong);
  return null;
}
