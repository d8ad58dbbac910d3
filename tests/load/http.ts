// The HTTP side of the classroom API as the load driver uses it: every call timed, every refusal or
// failure recorded as an error with its status and reason (and thrown, so the caller stops that path).
import type { ClassResults, CommandResult, ConsoleCommand, CreateClassRequest, CreatedClass, Joined } from '../../src/content/classroom-schema';
import type { ErrorLog } from './errors';

export class HttpFailure extends Error {}

export class Api {
  /** Milliseconds per call, by route. */
  readonly timings = new Map<string, number[]>();

  constructor(
    readonly url: string,
    private readonly errors: ErrorLog,
  ) {}

  private async call<T>(route: string, path: string, init: { body?: unknown; secret?: string; expect: number }): Promise<T> {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.secret) headers.Authorization = `Bearer ${init.secret}`;
    const t = performance.now();
    let status = 0;
    let text = '';
    try {
      const res = await fetch(`${this.url}${path}`, {
        method: init.body !== undefined ? 'POST' : 'GET',
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        signal: AbortSignal.timeout(60_000),
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      this.errors.add('http', route, `${path}: ${(e as Error).message}`);
      throw new HttpFailure(`${route}: ${(e as Error).message}`);
    } finally {
      const list = this.timings.get(route) ?? [];
      list.push(performance.now() - t);
      this.timings.set(route, list);
    }
    if (status !== init.expect) {
      this.errors.add('http', route, `${status} ${text.slice(0, 200)}`);
      throw new HttpFailure(`${route}: ${status} ${text.slice(0, 200)}`);
    }
    return JSON.parse(text) as T;
  }

  createClass(req: CreateClassRequest): Promise<CreatedClass> {
    return this.call('POST /api/classes', '/api/classes', { body: req, expect: 201 });
  }

  join(code: string, name: string): Promise<Joined> {
    return this.call('POST /api/join', '/api/join', { body: { code, name }, expect: 200 });
  }

  command(created: CreatedClass, cmd: ConsoleCommand): Promise<CommandResult> {
    return this.call(`POST commands ${cmd.op}`, `/api/classes/${created.classId}/commands`, { body: cmd, secret: created.instructorSecret, expect: 200 });
  }

  results(created: CreatedClass): Promise<ClassResults> {
    return this.call('GET results', `/api/classes/${created.classId}/results`, { secret: created.instructorSecret, expect: 200 });
  }
}
