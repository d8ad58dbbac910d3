// A refusal the hub gives a request: its classroom error code, the English reason (which field, which
// rule) and the HTTP status it travels with.
import type { ClassroomError, ClassroomErrorCode } from '../content/classroom-schema';

const STATUS: Record<ClassroomErrorCode, number> = {
  'bad-request': 400,
  'too-large': 413,
  'unknown-scenario': 400,
  'bad-code': 404,
  'class-ended': 410,
  'class-full': 409,
  'table-full': 409,
  'bad-name': 400,
  'name-taken': 409,
  'not-instructor': 401,
  'unknown-class': 404,
  'unknown-table': 404,
  'unknown-student': 404,
  'bad-token': 401,
  'wrong-seat': 403,
  'not-started': 409,
  'already-started': 409,
  'no-players': 409,
  refused: 409,
  'rate-limited': 429,
};

export class HubError extends Error {
  readonly status: number;
  constructor(
    readonly code: ClassroomErrorCode,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'HubError';
    this.status = STATUS[code];
  }

  toJSON(): ClassroomError {
    return { error: this.code, reason: this.reason };
  }
}

/** How a refused room join travels: Colyseus hands the client this message, the JSON of the ClassroomError. */
export const joinRefusalMessage = (e: HubError): string => JSON.stringify(e.toJSON());
