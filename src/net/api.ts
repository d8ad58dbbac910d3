// The classroom's HTTP requests (src/content/classroom-schema.ts lists the routes). Answers are checked
// for the fields the client reads; a refusal comes back as a ClassroomRequestError with the server's code.
import { CLASSROOM_ERROR_CODES, type ClassResults, type CommandResult, type ConsoleCommand, type CreateClassRequest, type CreatedClass, type Joined, type JoinRequest } from '../content/classroom-schema';
import { type ClassroomApiPort, ClassroomRequestError, type NetErrorCode } from './types';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const KNOWN = new Set<string>(CLASSROOM_ERROR_CODES);

/** The fields a client reads, with their types: an answer without them is not the server's. */
function check<T>(raw: unknown, fields: Record<string, 'string' | 'number' | 'boolean' | 'object' | 'array'>, what: string): T {
  if (!isObject(raw)) throw new ClassroomRequestError('bad-response', `${what}: the answer is not a JSON object`);
  for (const [name, type] of Object.entries(fields)) {
    const v = raw[name];
    const ok = type === 'array' ? Array.isArray(v) : type === 'object' ? isObject(v) : typeof v === type;
    if (!ok) throw new ClassroomRequestError('bad-response', `${what}: "${name}" should be ${type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`}`);
  }
  return raw as T;
}

export class ClassroomApi implements ClassroomApiPort {
  private readonly fetch: Fetch;

  constructor(
    /** The server's address, e.g. the page's origin ("https://class.example.org"). */
    private readonly base: string,
    fetchImpl?: Fetch,
  ) {
    this.fetch = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  }

  async createClass(request: CreateClassRequest): Promise<CreatedClass> {
    const raw = await this.request('POST', '/api/classes', null, request);
    return check<CreatedClass>(raw, { classId: 'string', joinCode: 'string', instructorSecret: 'string', consolePath: 'string', config: 'object' }, 'created class');
  }

  async join(request: JoinRequest): Promise<Joined> {
    const raw = await this.request('POST', '/api/join', null, request);
    return check<Joined>(
      raw,
      { classId: 'string', studentId: 'string', token: 'string', name: 'string', scenarioId: 'string', lang: 'string', tableNo: 'number', seat: 'string', side: 'string', role: 'string', roomId: 'string' },
      'seat',
    );
  }

  async results(classId: string, secret: string): Promise<ClassResults> {
    const raw = await this.request('GET', `/api/classes/${encodeURIComponent(classId)}/results`, secret);
    return check<ClassResults>(raw, { classId: 'string', config: 'object', status: 'string', tables: 'array' }, 'class results');
  }

  async command(classId: string, secret: string, command: ConsoleCommand): Promise<CommandResult> {
    const raw = await this.request('POST', `/api/classes/${encodeURIComponent(classId)}/commands`, secret, command);
    return check<CommandResult>(raw, { ok: 'boolean', refused: 'array' }, 'command result');
  }

  private async request(method: 'GET' | 'POST', path: string, secret: string | null, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // The instructor's secret travels in a header, never in the request line (which servers log).
    if (secret !== null) headers.Authorization = `Bearer ${secret}`;
    let res: Response;
    try {
      res = await this.fetch(new URL(path, this.base).toString(), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (e) {
      throw new ClassroomRequestError('network', e instanceof Error ? e.message : String(e));
    }
    let data: unknown = null;
    const text = await res.text().catch(() => '');
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (res.ok) {
      if (data === null) throw new ClassroomRequestError('bad-response', `${method} ${path}: the answer is not JSON`, res.status);
      return data;
    }
    if (isObject(data) && typeof data.error === 'string' && KNOWN.has(data.error)) {
      throw new ClassroomRequestError(data.error as NetErrorCode, typeof data.reason === 'string' ? data.reason : data.error, res.status);
    }
    throw new ClassroomRequestError(res.status === 413 ? 'too-large' : 'bad-response', `${method} ${path}: HTTP ${res.status}`, res.status);
  }
}
