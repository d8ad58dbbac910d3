// The classroom's wire contract: every request and message a client sends is checked against these
// schemas by the server (and the client checks the server's answers with the same file), so both ends
// share one definition. Legality of a game move stays the engine's business; this is shape and size.
//
// HTTP (JSON bodies, answers JSON; errors are { error: ClassroomErrorCode, reason: string } with a 4xx):
//   POST /api/classes                         CreateClassRequest            -> CreatedClass
//   POST /api/join                            JoinRequest                   -> Joined
//   GET  /api/classes/:id/results             (instructor)                  -> ClassResults
//   GET  /api/classes/:id/export/tables.csv   (instructor)                  -> text/csv, one row per table
//   GET  /api/classes/:id/export/students.csv (instructor)                  -> text/csv, one row per student
//   GET  /api/classes/:id/export/results.json (instructor)                  -> ClassResults as a download
//   POST /api/classes/:id/commands            (instructor) ConsoleCommand   -> CommandResult
// "(instructor)": the request carries the class's instructor secret as `Authorization: Bearer <secret>`.
//
// Colyseus rooms (WebSocket, joined with the colyseus.js client by room id):
//   table   `${classId}-t${tableNo}`  join options TableJoinOptions   (a student with its seat token)
//   console `${classId}-console`      join options ConsoleJoinOptions (the instructor with the secret)
// Client -> table room: 'act' ActMessage, 'ready' {}, 'ack' {}, 'ping' PingMessage. Table room -> client:
// 'welcome', 'update' (TableUpdate, in src/flow/table-update.ts: it carries the engine's view), 'refused',
// 'broadcast', 'moved', 'closed' (types below), 'pong' Pong. Instructor -> console room: 'ping'
// PingMessage (nothing else: commands go by HTTP). Console room -> instructor: 'summary' ClassSummary (on
// join and on every change), 'refused', 'pong' Pong.
// 'ping'/'pong' is the client's heartbeat: a browser cannot see a connection that died without a close
// (a laptop woken from sleep, another Wi-Fi access point) and answers the server's WebSocket pings
// without telling the page, so a client that has heard nothing for a while asks, and the room answers
// the sender only (a table counts the ping in the sender's message budget like any other message).
import { z } from 'zod';
import { ActionSchema, type EnvelopeSchema, OverridesSchema } from './action-schema';

/** Largest message a client may send a room, in bytes of its JSON (larger ones are refused unread). */
export const MAX_MESSAGE_BYTES = 8 * 1024;
export const MAX_TABLES = 40;
export const MAX_NAME_LENGTH = 40;
export const MAX_BROADCAST_LENGTH = 500;
/** Join codes: 8 characters from an alphabet without look-alikes (0/O, 1/I/L), about 2^39 codes. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;

export const CLASSROOM_ERROR_CODES = [
  'bad-request', // the body or message does not match its schema (the reason names the field)
  'too-large', // over MAX_MESSAGE_BYTES (or the HTTP body limit)
  'unknown-scenario',
  'bad-code', // no open class has this join code
  'class-ended', // the class's join code expired: the instructor ended it
  'class-full', // every seat of every table is taken
  'table-full', // the instructor seated a student at a seat already taken
  'bad-name', // empty, too long, or carries markup
  'name-taken', // another student of the class has this name
  'not-instructor', // missing or wrong instructor secret
  'unknown-class',
  'unknown-table',
  'unknown-student',
  'bad-token', // a seat token that is not this table's (stale, forged, or for another table)
  'wrong-seat', // a move for a seat that is not the sender's
  'not-started', // the instructor has not started the class yet
  'already-started',
  'no-players', // a table cannot start: a delegation has no student and empty seats get no AI
  'refused', // the session or the engine refused (the params say why: game refusal code)
  'rate-limited',
] as const;
export type ClassroomErrorCode = (typeof CLASSROOM_ERROR_CODES)[number];

export interface ClassroomError {
  error: ClassroomErrorCode;
  /** English, for logs and tests; the UI shows its own words for `error`. */
  reason: string;
}

// ——— names ———
/** A display name: 1..40 characters after trimming, no markup or control characters. */
export const DisplayNameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'a name cannot be empty')
      .max(MAX_NAME_LENGTH, `a name has at most ${MAX_NAME_LENGTH} characters`)
      .refine((s) => !/[<>&"'`]/.test(s), 'a name cannot carry markup (< > & " \' `)')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'a name cannot carry control characters'),
  );

// ——— instructor: creating a class ———
export const ROLES = ['lead', 'adviser'] as const;
/** Seats of a delegation in the order they are filled: the lead first, then advisers ("us.adviser", "us.adviser2"). */
export const seatIdsOf = (side: 'us' | 'mx', seatsPerSide: number): string[] =>
  Array.from({ length: seatsPerSide }, (_, k) => (k === 0 ? `${side}.lead` : k === 1 ? `${side}.adviser` : `${side}.adviser${k}`));

const Seconds = z.number().int().min(10).max(3600);
export const ClassTimersSchema = z
  .object({ proposal: Seconds.optional(), response: Seconds.optional(), domestic: Seconds.optional(), news: Seconds.optional() })
  .strict();

export const CreateClassRequestSchema = z
  .object({
    scenarioId: z.string().min(1).max(64),
    tables: z.number().int().min(1).max(MAX_TABLES),
    /** Students per delegation: 1 (a lead), 2 (lead and domestic adviser) or 3 (and a second adviser). */
    seatsPerSide: z.number().int().min(1).max(3),
    /** Round timers in seconds; a missing wait is untimed. */
    timers: ClassTimersSchema.default({}),
    /** An empty delegation is played by the AI (else a table needs a student on each side to start). */
    aiForEmptySeats: z.boolean().default(true),
    /** The AI's difficulty for empty seats (its persona is the scenario's historical delegation). */
    difficulty: z.enum(['easy', 'normal', 'hard']).default('normal'),
    lang: z.enum(['en', 'es']).default('en'),
    /** Table n plays seed + n (same seed for all when `sameSeed`), so a class can compare like with like. */
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    sameSeed: z.boolean().default(true),
    title: z.string().max(80).optional(),
  })
  .strict();
export type CreateClassRequest = z.input<typeof CreateClassRequestSchema>;
export type ClassConfig = z.output<typeof CreateClassRequestSchema> & { seed: number; title: string };

export interface CreatedClass {
  classId: string;
  joinCode: string;
  /** Shown once; the server keeps only its hash. */
  instructorSecret: string;
  /** The console's address in the browser app (its fragment carries the secret, never sent in a request line). */
  consolePath: string;
  config: ClassConfig;
}

// ——— students: joining ———
export const JoinRequestSchema = z.object({ code: z.string().trim().toUpperCase().pipe(z.string().min(1).max(16)), name: DisplayNameSchema }).strict();
export type JoinRequest = z.input<typeof JoinRequestSchema>;

export interface SeatAssignment {
  tableNo: number;
  /** "us.lead", "mx.adviser"… */
  seat: string;
  side: 'us' | 'mx';
  role: (typeof ROLES)[number];
  roomId: string;
}

export interface Joined extends SeatAssignment {
  classId: string;
  studentId: string;
  /** The student's seat token: it joins the table room and survives reconnects; only its hash is stored. */
  token: string;
  name: string;
  scenarioId: string;
  lang: 'en' | 'es';
}

// ——— rooms ———
export const TableJoinOptionsSchema = z.object({ token: z.string().min(16).max(128) }).strict();
export const ConsoleJoinOptionsSchema = z.object({ classId: z.string().min(1).max(64), secret: z.string().min(16).max(128) }).strict();

/** A move at the table. `seq` numbers the student's moves (1, 2, …): a refusal names it, an update says the last one applied. */
export const ActMessageSchema = z.object({ seq: z.number().int().min(1).max(1_000_000), action: ActionSchema }).strict();
export type ActMessage = z.infer<typeof ActMessageSchema>;
export const EmptyMessageSchema = z.object({}).strict();
/** The heartbeat's question: an empty object (any message that arrives proves the connection, so none needs matching). */
export const PingMessageSchema = EmptyMessageSchema;
export type PingMessage = z.infer<typeof PingMessageSchema>;
/** The room's answer to a ping, to its sender only: an empty object. */
export type Pong = Record<string, never>;

export interface Tablemate {
  name: string;
  seat: string;
  connected: boolean;
}

export interface Welcome extends SeatAssignment {
  classId: string;
  name: string;
  scenarioId: string;
  lang: 'en' | 'es';
  started: boolean;
  tablemates: Tablemate[];
}

export type TableScreen = 'waiting' | 'briefing' | 'table' | 'interlude' | 'signing' | 'ratification' | 'debrief';

export interface Refused {
  code: ClassroomErrorCode | string;
  reason: string;
  /** The refused move's seq, when it was a move. */
  seq?: number;
  params?: Record<string, string | number>;
}

export interface Broadcast {
  text: string;
  at: string;
}

// ——— instructor: the console ———
const Target = z.union([z.literal('all'), z.number().int().min(1).max(MAX_TABLES)]);
export const ConsoleCommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('start') }).strict(),
  z.object({ op: z.literal('pause'), target: Target }).strict(),
  z.object({ op: z.literal('resume'), target: Target }).strict(),
  z.object({ op: z.literal('extend'), target: Target, seconds: z.number().int().min(5).max(3600) }).strict(),
  z.object({ op: z.literal('inject'), target: Target, shock: z.string().min(1).max(64) }).strict(),
  z.object({ op: z.literal('override'), target: Target, overrides: OverridesSchema }).strict(),
  z.object({ op: z.literal('broadcast'), text: z.string().trim().min(1).max(MAX_BROADCAST_LENGTH) }).strict(),
  z.object({ op: z.literal('seat'), studentId: z.string().min(1).max(64), tableNo: z.number().int().min(1).max(MAX_TABLES), seat: z.string().min(2).max(16) }).strict(),
  z.object({ op: z.literal('end') }).strict(),
]);
export type ConsoleCommand = z.infer<typeof ConsoleCommandSchema>;

export interface CommandResult {
  ok: boolean;
  /** Tables that refused (e.g. a shock that already fired there), each with the reason; others applied it. */
  refused: { tableNo: number; code: string; reason: string }[];
}

export type TableStatus = 'waiting' | 'playing' | 'ended';

export interface TableSummary {
  tableNo: number;
  roomId: string;
  status: TableStatus;
  /** 0-based round and its calendar id; null before the start. */
  round: number | null;
  roundId: string | null;
  screen: TableScreen;
  /** The offer on the table (public), if any. */
  offer: { by: 'us' | 'mx'; package: Record<string, string> } | null;
  /** Each delegation's public approval at home, 0..1, when the game is running. */
  approval: { us: number; mx: number } | null;
  countdownMs: number | null;
  paused: boolean;
  seats: { seat: string; studentId: string | null; name: string | null; connected: boolean; ai: boolean }[];
  fired: string[];
  outcome: { reason: string; agreed: boolean; ratified: { us: boolean; mx: boolean } | null } | null;
}

export interface ClassSummary {
  classId: string;
  joinCode: string;
  config: ClassConfig;
  status: 'open' | 'started' | 'ended';
  tables: TableSummary[];
  students: { studentId: string; name: string; tableNo: number; seat: string; connected: boolean }[];
  broadcasts: Broadcast[];
}

// ——— the class debrief and exports ———
export interface ClassResultsTable {
  tableNo: number;
  status: TableStatus;
  seats: { seat: string; name: string | null; ai: boolean }[];
  /** The table's game as its seed-and-event-log envelope (null if it never started). */
  envelope: z.infer<typeof EnvelopeSchema> | null;
}

export interface ClassResults {
  classId: string;
  config: ClassConfig;
  status: 'open' | 'started' | 'ended';
  tables: ClassResultsTable[];
}

/** Checks a client's payload: the parsed value, or the refusal naming the first field that breaks its rule. */
export function parseMessage<T>(
  schema: z.ZodType<T, unknown>,
  raw: unknown,
  /** The code for a field's failure when it is not plain 'bad-request' (e.g. name -> 'bad-name'). */
  codeOf: (path: string) => ClassroomErrorCode = () => 'bad-request',
): { ok: true; value: T } | { ok: false; error: ClassroomError } {
  let size: number;
  try {
    size = JSON.stringify(raw ?? null).length;
  } catch {
    return { ok: false, error: { error: 'bad-request', reason: 'the message is not JSON data' } };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: { error: 'too-large', reason: `the message has ${size} bytes; at most ${MAX_MESSAGE_BYTES}` } };
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  const path = issue.path.length ? issue.path.join('.') : '(message)';
  return { ok: false, error: { error: codeOf(path), reason: `${path}: ${issue.message}` } };
}
