// The classroom server: one node:http server carrying the JSON API (/api/*), the built browser app, and
// the Colyseus rooms (tables and consoles) over WebSocket. Colyseus keeps its matchmaker in module
// state, so a process runs one classroom server at a time; start and close may repeat (tests do).
//
// Several processes can share a classroom: given a Redis, they share Colyseus's presence and matchmaker
// driver, and the records are in one PostgreSQL. Any process answers any request; each table room runs
// on one of them (clients' sockets go to the process hosting their room, at its publicAddress).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalDriver, LocalPresence, matchMaker, type Presence, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { ClassHub } from './class-hub';
import { consoleRoomType } from './console-room';
import { type ApiLimits, apiHandler } from './http-api';
import { colyseusRouter, forgetVanishedProcesses, processWithFewestRooms } from './rooms';
import { staticHandler } from './static-files';
import type { ClassroomStore } from './store';
import { LocalTables, tableRoomType } from './table-room';

export interface ClassroomServerOptions {
  /** 0 picks any free port. */
  port: number;
  host: string;
  store: ClassroomStore;
  /** The built browser app to serve (Vite's dist/), or null to serve the API and rooms only. */
  staticDir?: string | null;
  /** How long a delegation's lead may be away from a game in progress before the AI holds the delegation. */
  graceMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** redis://… — share the classroom with other processes through this Redis (their store must be the same PostgreSQL). */
  redisUrl?: string;
  /** With redisUrl: host:port (and path) at which clients reach THIS process's rooms, e.g. "10.0.0.5:2567" or "play.example.org/a". */
  publicAddress?: string;
  /** Requests per address and minute on the HTTP API (DEFAULT_API_LIMITS). */
  limits?: ApiLimits;
  /** Behind a reverse proxy: count the limits against the address it appends to X-Forwarded-For, not the proxy's own. */
  trustProxy?: boolean;
  /** With redisUrl: the interval of the look for rooms no process hosts (DEFAULT_SWEEP_MS). */
  sweepMs?: number;
}

export interface ClassroomServer {
  url: string;
  port: number;
  /** Colyseus's id of this process (the path prefix of its rooms' sockets). */
  processId: string;
  close(): Promise<void>;
}

/** Largest WebSocket frame read. Room messages over MAX_MESSAGE_BYTES but under this are refused with a reason; larger frames close the socket. */
const MAX_FRAME_BYTES = 64 * 1024;
export const DEFAULT_GRACE_MS = 120_000;
/** With Redis: how often a process looks for rooms of open classes that no process hosts (their process stopped) and opens them. */
export const DEFAULT_SWEEP_MS = 5_000;

let running = false;

const defaultLog = (message: string, error?: unknown) => console.error(`[classroom] ${message}`, ...(error === undefined ? [] : [error]));

export async function startClassroomServer(opts: ClassroomServerOptions): Promise<ClassroomServer> {
  if (running) throw new Error('a classroom server is already running in this process (Colyseus keeps one matchmaker per process)');
  const redisUrl = opts.redisUrl === '' ? undefined : opts.redisUrl;
  if (redisUrl !== undefined) {
    if (!/^rediss?:\/\//.test(redisUrl)) throw new Error('redisUrl: expected a redis:// or rediss:// address');
    if (opts.store.backend !== 'postgres')
      throw new Error('redisUrl: processes sharing a classroom keep its records in one PostgreSQL (give a databaseUrl); PGlite is one process\'s own file');
    if (!opts.publicAddress) throw new Error('publicAddress: with redisUrl, each process needs the address at which clients reach its rooms (host:port)');
  }
  running = true;
  const log = opts.log ?? defaultLog;
  try {
    const presence: Presence = redisUrl ? new RedisPresence(redisUrl) : new LocalPresence();
    const driver = redisUrl ? new RedisDriver(redisUrl) : new LocalDriver();
    const rooms = colyseusRouter(presence);
    const local = new LocalTables();
    const hub = new ClassHub({ store: opts.store, rooms, log });
    const deps = { store: opts.store, rooms, graceMs: opts.graceMs ?? DEFAULT_GRACE_MS, log };
    const api = apiHandler(hub, log, () => localRooms(), opts.limits, opts.trustProxy ?? false);
    const files = opts.staticDir ? staticHandler(opts.staticDir) : null;
    // Registered before Colyseus attaches: it routes /matchmake/ itself and hands the rest to this listener.
    const http = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? '/';
      if (path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')) void api(req, res);
      else if (files) void files(req, res);
      else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('this classroom server serves the API only');
      }
    });
    const transport = new WebSocketTransport({ server: http, maxPayload: MAX_FRAME_BYTES });
    quietSocketErrors(transport, log);
    // No signal handlers from Colyseus (its shutdown would exit the process): main.ts installs its own.
    const colyseus = new Server({
      transport,
      greet: false,
      gracefullyShutdown: false,
      presence,
      driver,
      ...(redisUrl ? { publicAddress: opts.publicAddress, selectProcessIdToCreateRoom: processWithFewestRooms } : {}),
    });
    // Rooms are opened by their class with fixed ids; clients may only join them by id.
    matchMaker.controller.exposedMethods = ['joinById'];
    colyseus.define('table', tableRoomType(deps, local));
    colyseus.define('console', consoleRoomType(deps, local));
    await colyseus.listen(opts.port, opts.host);
    const closed = new Promise<void>((resolve) => http.once('close', () => resolve()));
    const sweep = { timer: null as NodeJS.Timeout | null, run: Promise.resolve(), stopped: false };
    const stopSweeping = async () => {
      sweep.stopped = true;
      if (sweep.timer) clearTimeout(sweep.timer);
      await sweep.run;
    };
    try {
      await hub.restore();
    } catch (e) {
      await shutdown(local, colyseus, http, closed);
      throw e;
    }
    if (redisUrl) {
      // Rooms of a process that stopped are gone from the driver's listing (or removed once it is found
      // vanished): another process reopens them from the store.
      const again = () => {
        sweep.timer = setTimeout(() => {
          sweep.run = forgetVanishedProcesses(presence)
            .then(() => hub.restore(true))
            .catch((e) => log('reopening the rooms of stopped processes failed', e))
            .finally(() => {
              if (!sweep.stopped) again();
            });
        }, opts.sweepMs ?? DEFAULT_SWEEP_MS);
      };
      again();
    }
    const port = (http.address() as AddressInfo).port;
    const shown = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${shown}:${port}`,
      port,
      processId: matchMaker.processId,
      close: () => {
        closing ??= stopSweeping()
          .then(() => shutdown(local, colyseus, http, closed))
          .finally(() => {
            running = false;
          });
        return closing;
      },
    };
  } catch (e) {
    running = false;
    throw e;
  }
}

/**
 * A client's socket failing (a frame over MAX_FRAME_BYTES, a broken handshake) is the client's doing: one
 * line in the log instead of the stack trace Colyseus prints for each, which a hostile client could repeat
 * at will. The transport's server is not in its typings (protected); its 'connection' listeners run in
 * order, so this one replaces the listener Colyseus has just added.
 */
function quietSocketErrors(transport: WebSocketTransport, log: (message: string) => void): void {
  const wss = (transport as unknown as { wss: { on(event: 'connection', fn: (socket: NodeJS.EventEmitter) => void): void } }).wss;
  wss.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (e: Error) => log(`a client's socket failed and was closed: ${e.message}`));
  });
}

/** The rooms this process hosts (for the local-only GET /api/process). */
async function localRooms(): Promise<{ processId: string; rooms: string[] }> {
  const listed = await matchMaker.query({ processId: matchMaker.processId });
  return { processId: matchMaker.processId, rooms: listed.map((r) => r.roomId).sort() };
}

async function shutdown(local: LocalTables, colyseus: Server, http: ReturnType<typeof createServer>, closed: Promise<void>): Promise<void> {
  // Tables first: timers stop and the last changes are saved while the store is still open.
  await local.close();
  await colyseus.gracefullyShutdown(false);
  http.closeAllConnections();
  await closed;
}
