// One live link to a Colyseus room that keeps itself connected: after a close it did not ask for, it joins
// the room again by id with the same options (the seat token or the instructor's secret survive a server
// restart, unlike Colyseus's own reconnection token), backing off 250 ms, 1 s, 2 s, 4 s, then every 4 s
// for as long as the page is open. It stops for good after its own leave, or when the upper layer says
// so (the class closed, a refused token), or when the server refuses the join for a reason that will
// not change ('bad-token', 'unknown-class', 'not-instructor', 'class-ended').
import { Client, type Room } from 'colyseus.js';
import { CLASSROOM_ERROR_CODES } from '../content/classroom-schema';
import type { LinkEnd, LinkStatus, NetErrorCode } from './types';

export const RETRY_DELAYS_MS: readonly number[] = [250, 1000, 2000, 4000];
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

  constructor(
    private readonly client: Client,
    private roomId: string,
    private readonly options: Record<string, unknown>,
    private readonly on: RoomLinkEvents,
    private readonly timers: Scheduler = realTimers,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
  ) {}

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
    this.generation++;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    if (old) void old.leave(true).catch(() => undefined);
    void this.connect();
  }

  /** Tries again at once instead of waiting for the next delay (the browser says it is back online). */
  wake(): void {
    if (this.ended || this.room || this.timer === null) return;
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
      if (this.room === room) this.on.message(String(type), payload);
    });
    room.onLeave((code: number, reason?: string) => this.closed(room, code, reason ?? ''));
    const first = !this.everOpened;
    this.everOpened = true;
    this.on.status('open', null);
    this.on.opened(first);
  }

  private closed(room: Room, code: number, reason: string): void {
    if (this.room !== room || this.ended) return;
    this.room = null;
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
