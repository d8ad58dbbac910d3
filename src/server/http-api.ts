// The classroom's HTTP API (routes in src/content/classroom-schema.ts): JSON in, JSON out, every refusal
// as { error, reason } with its status. Bodies are read up to a limit and parsed before the hub sees them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getScenario } from '../content/scenarios';
import { resultsJson, studentsCsv, tablesCsv } from '../lab/class-results';
import type { ClassHub } from './class-hub';
import { HubError } from './hub-error';

/** Largest request body read, in bytes; larger ones are refused with 413 unread. */
export const MAX_BODY_BYTES = 16 * 1024;

const CORS = {
  // The instructor's secret travels as a bearer header (never a cookie), so any origin may call the API:
  // the Vite dev server, or the built app served from another address.
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...CORS });
  res.end(text);
}

function sendFile(res: ServerResponse, name: string, type: string, text: string): void {
  res.writeHead(200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store', ...CORS });
  res.end(text);
}

const fail = (res: ServerResponse, e: HubError) => sendJson(res, e.status, e.toJSON());

/** The body as JSON, or the refusal: too large (413) or not JSON (400). */
function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new HubError('too-large', `the body has ${declared} bytes; at most ${MAX_BODY_BYTES}`));
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (over) return reject(new HubError('too-large', `the body has more than ${MAX_BODY_BYTES} bytes`));
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return reject(new HubError('bad-request', 'the body is empty; a JSON object is expected'));
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HubError('bad-request', 'the body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

const bearerOf = (req: IncomingMessage): string | null => {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m ? m[1]! : null;
};

/** Requests per address in a sliding window (join attempts, wrong codes, classes created). */
class AddressWindow {
  private readonly seen = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
  ) {}
  blocked(ip: string, now: number): boolean {
    const recent = (this.seen.get(ip) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length) this.seen.set(ip, recent);
    else this.seen.delete(ip);
    return recent.length >= this.max;
  }
  record(ip: string, now: number): void {
    // Bounded: a flood from many addresses cannot grow the map without end (the oldest address is forgotten).
    if (!this.seen.has(ip) && this.seen.size >= MAX_ADDRESSES) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(ip, [...(this.seen.get(ip) ?? []), now]);
  }
}

const MAX_ADDRESSES = 10_000;

/** Per address and minute. A school's students often share one public address, so joins allow a few classes' worth. */
export interface ApiLimits {
  /** Wrong join codes: past these, joining from that address waits a minute (a code cannot be enumerated). */
  wrongCodes: number;
  /** Join attempts of any kind. */
  joins: number;
  /** Classes created. */
  classes: number;
}
export const DEFAULT_API_LIMITS: ApiLimits = { wrongCodes: 20, joins: 240, classes: 20 };

/**
 * The address a request's limits are counted against: the socket's peer, or behind a reverse proxy that
 * the operator vouches for (trustProxy), the last address in X-Forwarded-For — the one that proxy appended
 * (the ones before it are the client's own say, and a client could write anything there).
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? '';
  if (!trustProxy) return peer;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((a) => a.trim()).filter(Boolean);
  return list.at(-1) ?? peer;
}

/** Whether the request comes from this machine (the process diagnostic answers only those). */
const fromLoopback = (req: IncomingMessage): boolean => {
  const a = req.socket.remoteAddress ?? '';
  return a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1';
};

/** The handler for every request under /api/. */
export function apiHandler(
  hub: ClassHub,
  log: (message: string, error?: unknown) => void,
  processInfo: () => Promise<unknown>,
  limits: ApiLimits = DEFAULT_API_LIMITS,
  trustProxy = false,
) {
  const guesses = new AddressWindow(limits.wrongCodes);
  const joins = new AddressWindow(limits.joins);
  const creations = new AddressWindow(limits.classes);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://server');
    const path = url.pathname.replace(/\/+$/, '');
    const method = req.method ?? 'GET';
    try {
      if (method === 'OPTIONS') {
        res.writeHead(204, CORS);
        res.end();
        return;
      }
      // Which process this is and the rooms it hosts: for an operator (or a test) on the machine itself, never over the network.
      if (path === '/api/process' && method === 'GET') {
        if (!fromLoopback(req)) throw new HubError('bad-request', `no route ${method} ${path}`);
        return sendJson(res, 200, await processInfo());
      }
      if (path === '/api/classes' && method === 'POST') {
        const ip = clientAddress(req, trustProxy);
        const now = Date.now();
        if (creations.blocked(ip, now)) throw new HubError('rate-limited', `at most ${limits.classes} classes a minute from one address; wait a minute`);
        creations.record(ip, now);
        return sendJson(res, 201, await hub.createClass(await readJson(req)));
      }
      if (path === '/api/join' && method === 'POST') {
        const ip = clientAddress(req, trustProxy);
        const now = Date.now();
        if (guesses.blocked(ip, now)) throw new HubError('rate-limited', 'too many wrong join codes from this address; wait a minute');
        if (joins.blocked(ip, now)) throw new HubError('rate-limited', `at most ${limits.joins} joins a minute from one address; wait a minute`);
        joins.record(ip, now);
        try {
          return sendJson(res, 200, await hub.join(await readJson(req)));
        } catch (e) {
          if (e instanceof HubError && e.code === 'bad-code') guesses.record(ip, now);
          throw e;
        }
      }
      const m = /^\/api\/classes\/([A-Za-z0-9_-]{1,64})\/(commands|results|export\/(tables\.csv|students\.csv|results\.json))$/.exec(path);
      if (m) {
        const [, classId, what] = m as unknown as [string, string, string];
        const bearer = bearerOf(req);
        if (what === 'commands') {
          if (method !== 'POST') throw new HubError('bad-request', `${path} takes POST`);
          return sendJson(res, 200, await hub.command(classId, bearer, await readJson(req)));
        }
        if (method !== 'GET') throw new HubError('bad-request', `${path} takes GET`);
        const results = await hub.results(classId, bearer);
        if (what === 'results') return sendJson(res, 200, results);
        // The same files the class debrief downloads in the browser (src/lab/class-results.ts builds both).
        const stem = `class-${classId}`;
        if (what === 'export/results.json') return sendFile(res, `${stem}-results.json`, 'application/json; charset=utf-8', resultsJson(results, getScenario));
        if (what === 'export/tables.csv') return sendFile(res, `${stem}-tables.csv`, 'text/csv; charset=utf-8', tablesCsv(results, getScenario));
        return sendFile(res, `${stem}-students.csv`, 'text/csv; charset=utf-8', studentsCsv(results, getScenario));
      }
      sendJson(res, 404, { error: 'bad-request', reason: `no route ${method} ${path}` });
    } catch (e) {
      if (e instanceof HubError) {
        // A refused body may not have been read to its end: close the connection rather than reuse it.
        if (e.code === 'too-large') res.setHeader('Connection', 'close');
        return fail(res, e);
      }
      log(`${method} ${path} failed`, e);
      sendJson(res, 500, { error: 'refused', reason: 'the server failed on this request' });
    }
  };
}
