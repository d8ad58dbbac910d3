// One live link to a Colyseus room that keeps itself connected: after a close it did not ask for, it joins
// the room again by id with the same options (the seat token or the instructor's secret survive a server
// restart, unlike Colyseus's own reconnection token), backing off 250 ms, 1 s, 2 s, 4 s, then every 4 s
// for as long as the page is open. It stops for good after its own leave, or when the upper layer says
// so (the class closed, a refused token), or when the server refuses the join for a reason that will
// not change ('bad-token', 'unknown-class', 'not-instructor', 'class-ended').
//
// While a connection is open it keeps a heartbeat: a browser cannot see a connection that died without a
// close (a laptop woken from sleep, another Wi-Fi access point: the socket looks open and nothing comes)
// and answers the server's WebSocket pings without telling the page. So after HEARTBEAT_MS without any
// message the link sends 'ping'; if nothing at all arrives within HEARTBEAT_TIMEOUT_MS after it, the
// connection is taken for dead: dropped on this side (its late messages and close are ignored) and joined
// again like any other lost connection. The room's 'pong' stops here; the upper layer never sees it.
import { Client, type Room } from 'colyseus.js';
import { CLASSROOM_ERROR_CODES } from '../content/classroom-schema';
import type { LinkEnd, LinkStatus, NetErrorCode } from './types';

export const RETRY_DELAYS_MS: readonly number[] = [250, 1000, 2000, 4000];
/** A connection that has received nothing for this long is sent a 'ping' (far below the rooms' message budget). */
export const HEARTBEAT_MS = 15_000;
/** How long after a ping a connection may stay silent before it is taken for dead. */
export const HEARTBEAT_TIMEOUT_MS = 10_000;
/** Refusals of a join that another try would only repeat. */
const FINAL_REFUSALS = new Set<string>(['bad-token', 'unknown-class', 'not-instructor', 'class-ended', 'bad-request']);
const KNOWN = new Set<string>(CLASSROOM_ERROR_CODES);

export interface Scheduler {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}
export const realTimers: Scheduler = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The heartbeat of an open connection: its two waits, and the timers that run them. */
export interface Heartbeat {
  everyMs: number;
  timeoutMs: number;
  timers: Scheduler;
}

export interface RoomLinkEvents {
  message(type: string, payload: unknown): void;
  status(status: LinkStatus, end: LinkEnd | null): void;
  /** A connection opened (`first`: the link's first one). */
  opened(first: boolean): void;
  /** Close codes of the server that mean "do not come back" (e.g. the seat was taken over by another tab), with the end they mean. */
  finalClose?(code: number, reason: string): LinkEnd | null;
}

/**
 * The classroom code a refused join carries: the server refuses with the JSON of its ClassroomError as
 * the error's message ({"error":"bad-token","reason":…}); a bare "code: reason" is read too.
 */
export function refusalCodeOf(e: unknown): NetErrorCode | null {
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  try {
    const parsed: unknown = JSON.parse(message);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { error?: unknown }).error === 'string') {
      const code = (parsed as { error: string }).error;
      return KNOWN.has(code) ? (code as NetErrorCode) : null;
    }
  } catch {
    // Not JSON: a plain message.
  }
  const m = /^\s*([a-z][a-z-]*)/.exec(message);
  return m && KNOWN.has(m[1]!) ? (m[1] as NetErrorCode) : null;
}

/** The English reason of a refused join, for logs. */
export function refusalReasonOf(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  try {
    const parsed: unknown = JSON.parse(message);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { reason?: unknown }).reason === 'string') return (parsed as { reason: string }).reason;
  } catch {
    // Not JSON: the message is the reason.
  }
  return message;
}

/** The colyseus.js client for a server: its ws address from the http one ("https://host" -> "wss://host"). */
export function wsEndpoint(base: string): string {
  const url = new URL(base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
  return url.toString().replace(/\/$/, '');
}

export class RoomLink {
  private room: Room | null = null;
  private timer: unknown = null;
  private failures = 0;
  private ended = false;
  private everOpened = false;
  /** Counts connections, so a close of an old one is not taken for the current one's. */
  private generation = 0;
  private readonly heartbeat: Heartbeat;
  /** The heartbeat's wait: for silence (then a ping), or for an answer to the ping (then the connection is dead). */
  private beat: { handle: unknown; pinged: boolean } | null = null;

  constructor(
    private readonly client: Client,
    private roomId: string,
    private readonly options: Record<string, unknown>,
    private readonly on: RoomLinkEvents,
    private readonly timers: Scheduler = realTimers,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
    /** The heartbeat's waits (HEARTBEAT_MS, HEARTBEAT_TIMEOUT_MS unless given); its timers are the link's unless given. */
    heartbeat: Partial<Heartbeat> = {},
  ) {
    this.heartbeat = { everyMs: heartbeat.everyMs ?? HEARTBEAT_MS, timeoutMs: heartbeat.timeoutMs ?? HEARTBEAT_TIMEOUT_MS, timers: heartbeat.timers ?? timers };
  }

  start(): void {
    void this.connect();
  }

  get isOpen(): boolean {
    return this.room !== null && this.room.connection?.isOpen === true;
  }

  /** Sends a message on the open connection; false when there is none (the caller decides what to keep). */
  send(type: string, payload: unknown): boolean {
    if (!this.isOpen) return false;
    try {
      this.room!.send(type, payload);
      return true;
    } catch {
      return false;
    }
  }

  /** Joins another room of the same server with the same options (the student was moved to another table). */
  moveTo(roomId: string): void {
    if (this.ended) return;
    this.roomId = roomId;
    const old = this.room;
    this.room = null;
    this.quiet();
    this.generation++;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    if (old) void old.leave(true).catch(() => undefined);
    void this.connect();
  }

  /**
   * The browser says the network may have changed under the page (back online, the page shown again):
   * a link waiting to reconnect tries at once instead of waiting for the next delay, and an open one is
   * pinged at once rather than after HEARTBEAT_MS (a connection that died while the laptop slept is then
   * found within HEARTBEAT_TIMEOUT_MS).
   */
  wake(): void {
    if (this.ended) return;
    if (this.room) {
      this.ping(this.room);
      return;
    }
    if (this.timer === null) return;
    this.timers.clear(this.timer);
    this.timer = null;
    void this.connect();
  }

  /** Stops for good: leaves the room (a consented leave) and never reconnects. */
  stop(end: LinkEnd): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    const room = this.room;
    this.room = null;
    this.quiet();
    this.generation++;
    if (room) void room.leave(true).catch(() => undefined);
    this.on.status('closed', end);
  }

  private async connect(): Promise<void> {
    if (this.ended) return;
    const generation = ++this.generation;
    this.on.status(this.everOpened ? 'reconnecting' : 'connecting', null);
    let room: Room;
    try {
      room = await this.client.joinById(this.roomId, this.options);
    } catch (e) {
      if (this.ended || generation !== this.generation) return;
      const code = refusalCodeOf(e);
      if (code && FINAL_REFUSALS.has(code)) {
        this.stop({ code, reason: refusalReasonOf(e) });
        return;
      }
      this.retry();
      return;
    }
    if (this.ended || generation !== this.generation) {
      void room.leave(true).catch(() => undefined);
      return;
    }
    this.room = room;
    this.failures = 0;
    room.onMessage('*', (type: string | number, payload: unknown) => {
      if (this.room !== room) return;
      this.listen(room);
      if (type !== 'pong') this.on.message(String(type), payload);
    });
    room.onLeave((code: number, reason?: string) => this.closed(room, code, reason ?? ''));
    this.listen(room);
    const first = !this.everOpened;
    this.everOpened = true;
    this.on.status('open', null);
    this.on.opened(first);
  }

  /** Something arrived (or the connection just opened): the heartbeat waits HEARTBEAT_MS of silence again. */
  private listen(room: Room): void {
    this.quiet();
    const handle = this.heartbeat.timers.set(() => {
      if (this.beat?.handle === handle) this.beat = null;
      if (this.room === room) this.ping(room);
    }, this.heartbeat.everyMs);
    this.beat = { handle, pinged: false };
  }

  /** Asks the connection for a sign of life; silence until the answer's deadline means it is dead. */
  private ping(room: Room): void {
    // A ping already waiting for its answer keeps its deadline (a second one would only postpone it).
    if (this.beat?.pinged) return;
    this.quiet();
    try {
      room.send('ping', {});
    } catch {
      // A socket that cannot even take the ping is as good as dead: the deadline below decides.
    }
    const handle = this.heartbeat.timers.set(() => {
      if (this.beat?.handle === handle) this.beat = null;
      if (this.room === room) this.dead(room);
    }, this.heartbeat.timeoutMs);
    this.beat = { handle, pinged: true };
  }

  private quiet(): void {
    if (this.beat) this.heartbeat.timers.clear(this.beat.handle);
    this.beat = null;
  }

  /**
   * The connection answered nothing: it is dropped here, without waiting for a close that a dead network
   * may take minutes to deliver (a late message or close of it is ignored: it is no longer the link's
   * room), and the link comes back as after any other lost connection.
   */
  private dead(room: Room): void {
    if (this.room !== room || this.ended) return;
    this.room = null;
    this.quiet();
    void room.leave(false).catch(() => undefined);
    this.retry();
  }

  private closed(room: Room, code: number, reason: string): void {
    if (this.room !== room || this.ended) return;
    this.room = null;
    this.quiet();
    const end = this.on.finalClose?.(code, reason) ?? null;
    if (end) {
      this.stop(end);
      return;
    }
    // Any other close (a dropped network, a server restart, even the 4000 a shutting-down server sends) is not ours: come back.
    this.retry();
  }

  private retry(): void {
    if (this.ended) return;
    const delay = this.delays[Math.min(this.failures, this.delays.length - 1)] ?? 4000;
    this.failures++;
    this.on.status(this.everOpened ? 'reconnecting' : 'connecting', null);
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.connect();
    }, delay);
  }
}

export const colyseusClient = (base: string): Client => new Client(wsEndpoint(base));
