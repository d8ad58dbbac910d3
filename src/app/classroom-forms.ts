// The classroom's forms checked in the browser before anything is sent: the same rules as the wire
// contract's schemas (src/content/classroom-schema.ts), each failure named by its field and rule so the
// screen can say it next to the field, in the player's language. A test holds these rules to the schemas.
import {
  type CreateClassRequest,
  CreateClassRequestSchema,
  JoinRequestSchema,
  MAX_NAME_LENGTH,
  MAX_TABLES,
} from '../content/classroom-schema';
import type { NetErrorCode } from '../net/types';

export type FormRule =
  | 'code-empty'
  | 'code-long'
  | 'name-empty'
  | 'name-long'
  | 'name-markup'
  | 'name-control'
  | 'scenario-missing'
  | 'title-long'
  | 'tables-range'
  | 'seats-range'
  | 'timer-range'
  | 'seed-range'
  | 'invalid';

export interface FormError {
  field: string;
  rule: FormRule;
  params?: Record<string, string | number>;
}

export const MAX_CODE_INPUT = 16;
export const MAX_TITLE_LENGTH = 80;
export const TIMER_MIN_S = 10;
export const TIMER_MAX_S = 3600;
export const MAX_SEED = 2_147_483_647;
export const TIMER_WAITS = ['proposal', 'response', 'domestic', 'news'] as const;
export type TimerWait = (typeof TIMER_WAITS)[number];

/** The rule a display name breaks, if any (the name as typed; it is trimmed first). */
export function nameRule(raw: string): FormRule | null {
  const name = raw.trim();
  if (name.length === 0) return 'name-empty';
  if (name.length > MAX_NAME_LENGTH) return 'name-long';
  if (/[<>&"'`]/.test(name)) return 'name-markup';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'name-control';
  return null;
}

export function checkJoin(code: string, name: string): { ok: true; code: string; name: string } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const c = code.trim().toUpperCase();
  if (c.length === 0) errors.push({ field: 'code', rule: 'code-empty' });
  else if (c.length > MAX_CODE_INPUT) errors.push({ field: 'code', rule: 'code-long', params: { max: MAX_CODE_INPUT } });
  const rule = nameRule(name);
  if (rule) errors.push({ field: 'name', rule, params: { max: MAX_NAME_LENGTH } });
  if (errors.length) return { ok: false, errors };
  // The schema has the last word: anything it still refuses is named by its field.
  const parsed = JoinRequestSchema.safeParse({ code: c, name });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'code'), rule: 'invalid' as const })) };
  return { ok: true, code: parsed.data.code, name: parsed.data.name };
}

/** The set-up form as typed (numbers as text: empty means "not set"). */
export interface SetupForm {
  scenarioId: string;
  title: string;
  tables: string;
  seatsPerSide: string;
  timers: Record<TimerWait, string>;
  aiForEmptySeats: boolean;
  difficulty: 'easy' | 'normal' | 'hard';
  lang: 'en' | 'es';
  seed: string;
  sameSeed: boolean;
}

export const setupFieldId = {
  scenario: 'setup-scenario',
  title: 'setup-title',
  tables: 'setup-tables',
  seats: 'setup-seats',
  timer: (w: TimerWait) => `setup-timer-${w}`,
  ai: 'setup-ai',
  difficulty: 'setup-difficulty',
  lang: 'setup-lang',
  seed: 'setup-seed',
  sameSeed: 'setup-same-seed',
};

const wholeIn = (text: string, min: number, max: number): number | null => {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
};

export function checkSetup(form: SetupForm): { ok: true; request: CreateClassRequest } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  if (!form.scenarioId) errors.push({ field: setupFieldId.scenario, rule: 'scenario-missing' });
  const title = form.title.trim();
  if (title.length > MAX_TITLE_LENGTH) errors.push({ field: setupFieldId.title, rule: 'title-long', params: { max: MAX_TITLE_LENGTH } });
  const tables = wholeIn(form.tables, 1, MAX_TABLES);
  if (tables === null) errors.push({ field: setupFieldId.tables, rule: 'tables-range', params: { max: MAX_TABLES } });
  const seats = wholeIn(form.seatsPerSide, 1, 3);
  if (seats === null) errors.push({ field: setupFieldId.seats, rule: 'seats-range' });
  const timers: Partial<Record<TimerWait, number>> = {};
  for (const w of TIMER_WAITS) {
    const text = form.timers[w].trim();
    if (text === '') continue;
    const n = wholeIn(text, TIMER_MIN_S, TIMER_MAX_S);
    if (n === null) errors.push({ field: setupFieldId.timer(w), rule: 'timer-range', params: { min: TIMER_MIN_S, max: TIMER_MAX_S } });
    else timers[w] = n;
  }
  let seed: number | undefined;
  if (form.seed.trim() !== '') {
    const n = wholeIn(form.seed, 0, MAX_SEED);
    if (n === null) errors.push({ field: setupFieldId.seed, rule: 'seed-range', params: { max: MAX_SEED } });
    else seed = n;
  }
  if (errors.length) return { ok: false, errors };
  const request: CreateClassRequest = {
    scenarioId: form.scenarioId,
    tables: tables!,
    seatsPerSide: seats!,
    timers,
    aiForEmptySeats: form.aiForEmptySeats,
    difficulty: form.difficulty,
    lang: form.lang,
    sameSeed: form.sameSeed,
    ...(seed !== undefined ? { seed } : {}),
    ...(title ? { title } : {}),
  };
  const parsed = CreateClassRequestSchema.safeParse(request);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ field: fieldOfPath(i.path.map(String).join('.')), rule: 'invalid' as const })) };
  return { ok: true, request };
}

/** The set-up field a request path names ("timers.proposal" -> the proposal timer's field). */
export function fieldOfPath(path: string): string {
  const [head, sub] = path.split('.');
  switch (head) {
    case 'scenarioId':
      return setupFieldId.scenario;
    case 'title':
      return setupFieldId.title;
    case 'tables':
      return setupFieldId.tables;
    case 'seatsPerSide':
      return setupFieldId.seats;
    case 'timers':
      return TIMER_WAITS.includes(sub as TimerWait) ? setupFieldId.timer(sub as TimerWait) : setupFieldId.timer('proposal');
    case 'aiForEmptySeats':
      return setupFieldId.ai;
    case 'difficulty':
      return setupFieldId.difficulty;
    case 'lang':
      return setupFieldId.lang;
    case 'seed':
    case 'sameSeed':
      return setupFieldId.seed;
    default:
      return setupFieldId.scenario;
  }
}

/** The join form's field a server refusal concerns (null: the form as a whole). */
export function joinFieldOf(code: NetErrorCode, reason: string): 'code' | 'name' | null {
  if (code === 'bad-code' || code === 'class-ended' || code === 'class-full') return 'code';
  if (code === 'bad-name' || code === 'name-taken') return 'name';
  if (code === 'bad-request') {
    const path = /^\s*([a-zA-Z]+)/.exec(reason)?.[1];
    return path === 'name' ? 'name' : path === 'code' ? 'code' : null;
  }
  return null;
}

/** The set-up form's field a server refusal concerns (null: the form as a whole). */
export function setupFieldOf(code: NetErrorCode, reason: string): string | null {
  if (code === 'unknown-scenario') return setupFieldId.scenario;
  if (code === 'bad-request') {
    const path = /^\s*([a-zA-Z.]+):/.exec(reason)?.[1];
    return path ? fieldOfPath(path) : null;
  }
  return null;
}
