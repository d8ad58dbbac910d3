// A class's results judged table by table: each table's game is rebuilt from its envelope (the engine's
// replay) and judged with the engine's own analysis (Pareto frontier, joint gain, distance to history), so
// the class debrief, its exports and the solo debrief can never disagree on a figure. Pure and Node-safe:
// the server's export endpoints and the browser's download buttons build the same files from here.
import { historicalPersona } from '../ai/opponent';
import type { ClassResults, ClassResultsTable, TableStatus } from '../content/classroom-schema';
import type { Scenario } from '../content/scenario-schema';
import {
  analyseGame,
  type EndReason,
  type Envelope,
  type FrontierPoint,
  type GameState,
  type Instrument,
  mergeOverrides,
  other,
  type Overrides,
  packageUtility,
  replay,
  type Side,
  SIDES,
} from '../engine';

export type GetScenario = (id: string) => Scenario | undefined;

export interface SeatInfo {
  seat: string;
  side: Side;
  role: 'lead' | 'adviser';
  /** The student's name, or null for a seat nobody took. */
  name: string | null;
  /** The AI plays this seat (an empty delegation, or a seat held for an absent student). */
  ai: boolean;
}

export interface FiredInfo {
  id: string;
  /** 0-based round it fired in. */
  round: number;
  /** The instructor injected it (rather than the scenario's calendar or chance). */
  injected: boolean;
}

export interface SideRatification {
  instrument: Instrument;
  passed: boolean;
  yesShare: number;
  threshold: number;
}

/** A finished game's outcome and how it is judged. Utilities are the engine's (0..1). */
export interface TableOutcome {
  reason: EndReason;
  walkedAwayBy: Side | null;
  /** A package was signed (it may still have failed at home). */
  signed: boolean;
  /** Signed and ratified by both sides. */
  ratified: boolean;
  /** The signed package (issue id -> option id), or null when nothing was signed. */
  package: Record<string, string> | null;
  cards: string[];
  /** 0-based round the game ended in. */
  round: number;
  /** The signed package's undiscounted utility per side (null without a signature). */
  utility: Record<Side, number> | null;
  /** The analysed point: the package's utilities, or the reservation values without one. */
  point: Record<Side, number>;
  payoff: Record<Side, number>;
  scores: Record<Side, number>;
  reservation: Record<Side, number>;
  jointGain: number;
  distanceToFrontier: number;
  /** Mean distance to the historical package over the issues' option scales, 0 (same) .. 1. */
  distanceToHistory: number;
  sameAgreementAsHistory: boolean;
  /** Where history's outcome lies in this table's utility space (its package if ratified, else acting alone). */
  historyPoint: Record<Side, number>;
  nash: Record<Side, number> | null;
  /** Per side, the vote at home; null when nothing was signed. */
  ratification: Record<Side, SideRatification> | null;
  /** Index into ClassAnalysis.frontiers of the frontier this table is judged against. */
  frontier: number;
}

export type TableProblem =
  | { code: 'not-started' }
  | { code: 'unfinished' }
  /** The envelope does not replay (its first bad event, or why it cannot start). */
  | { code: 'does-not-replay'; reason: string };

export interface TableAnalysis {
  tableNo: number;
  status: TableStatus;
  seats: SeatInfo[];
  /** Sides played by at least one student. */
  studentSides: Side[];
  /** Null when the table has no finished game (see `problem`). */
  outcome: TableOutcome | null;
  problem: TableProblem | null;
  /** 1 = the largest joint gain; tables with equal joint gains share a rank; null when unranked. */
  rank: number | null;
  /** 0-based round reached (null when the game never started or does not replay). */
  round: number | null;
  fired: FiredInfo[];
  /** The game was re-planned by the instructor (forks) on the way. */
  forked: boolean;
}

/** A Pareto frontier shared by some tables (shocks that change priorities can give a table its own). */
export interface FrontierGroup {
  tables: number[];
  points: { us: number; mx: number }[];
  history: Record<Side, number>;
}

export interface StudentRow {
  name: string;
  tableNo: number;
  seat: string;
  role: 'lead' | 'adviser';
  side: Side;
  ai: boolean;
  status: TableStatus;
  rank: number | null;
  reason: EndReason | null;
  signed: boolean | null;
  ratifiedBoth: boolean | null;
  /** The student's side: its utility of the signed package (null without one), payoff, score and vote. */
  utility: number | null;
  payoff: number | null;
  score: number | null;
  sideRatified: boolean | null;
  jointGain: number | null;
}

export interface ClassAnalysis {
  classId: string;
  scenarioId: string;
  title: string;
  /** In table order. */
  tables: TableAnalysis[];
  /** Ranked tables first (by rank, then table number), then the unranked ones by table number. */
  ranking: TableAnalysis[];
  frontiers: FrontierGroup[];
  students: StudentRow[];
}

const SEAT_RE = /^(us|mx)\.(lead|adviser\d*)$/;

export function seatInfo(seat: { seat: string; name: string | null; ai: boolean }): SeatInfo {
  const m = SEAT_RE.exec(seat.seat);
  if (!m) throw new Error(`seat "${seat.seat}": a seat is "us" or "mx" followed by ".lead", ".adviser" or ".adviserN"`);
  return { seat: seat.seat, side: m[1] as Side, role: m[2] === 'lead' ? 'lead' : 'adviser', name: seat.name, ai: seat.ai };
}

/** A seat a student took (the AI may hold it for them now: they still played that side). */
const isStudent = (s: SeatInfo): boolean => s.name !== null;

function replayProblem(r: Exclude<ReturnType<typeof replay>, { ok: true }>): string {
  if (r.reason === 'unknown-scenario') return `unknown scenario "${r.scenarioId}"`;
  if (r.reason === 'bad-options') return `invalid overrides: ${r.problems.map((p) => `${p.path}: ${p.rule}`).join('; ')}`;
  return `event ${r.index} refused (${r.error.code})`;
}

/** The table's game rebuilt from its envelope, or why it cannot be. */
export function replayTable(table: ClassResultsTable, getScenario: GetScenario): { ok: true; state: GameState } | { ok: false; problem: TableProblem } {
  if (!table.envelope) return { ok: false, problem: { code: 'not-started' } };
  const r = replay(table.envelope as Envelope, getScenario);
  if (!r.ok) return { ok: false, problem: { code: 'does-not-replay', reason: replayProblem(r) } };
  return { ok: true, state: r.state };
}

function historyPointOf(state: GameState): Record<Side, number> {
  const s = state.scenario;
  const h = s.history;
  if (!(h.agreement && h.ratified.us && h.ratified.mx)) return { us: state.sides.us.reservation, mx: state.sides.mx.reservation };
  const options = s.issues.map((issue) => Math.max(0, issue.options.findIndex((o) => o.id === h.package[issue.id])));
  return { us: packageUtility(state.sides.us, options), mx: packageUtility(state.sides.mx, options) };
}

/** Two frontiers are the same when every point agrees to rounding error (tables under the same shocks). */
const frontierKey = (points: readonly FrontierPoint[], hist: Record<Side, number>): string =>
  [...points.map((p) => `${p.us.toFixed(9)},${p.mx.toFixed(9)}`), `h${hist.us.toFixed(9)},${hist.mx.toFixed(9)}`].join(';');

/** Joint gains equal to rounding error share a rank. */
const sameGain = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

/** Every table replayed and judged, ranked by joint gain, and one row per student. */
export function analyseClass(results: ClassResults, getScenario: GetScenario): ClassAnalysis {
  const frontiers: FrontierGroup[] = [];
  const keys: string[] = [];
  const tables: TableAnalysis[] = [...results.tables]
    .sort((a, b) => a.tableNo - b.tableNo)
    .map((t): TableAnalysis => {
      const seats = t.seats.map(seatInfo);
      const studentSides = SIDES.filter((side) => seats.some((s) => s.side === side && isStudent(s)));
      const base = { tableNo: t.tableNo, status: t.status, seats, studentSides, rank: null as number | null, forked: (t.envelope?.forks ?? []).length > 0 };
      const r = replayTable(t, getScenario);
      if (!r.ok) return { ...base, outcome: null, problem: r.problem, round: null, fired: [] };
      const state = r.state;
      const fired = state.fired.map((f) => ({ id: f.id, round: f.round, injected: f.injected }));
      const o = state.outcome;
      if (!o) return { ...base, outcome: null, problem: { code: 'unfinished' }, round: state.round, fired };
      const a = analyseGame(state);
      const hist = historyPointOf(state);
      const key = frontierKey(a.frontier, hist);
      let group = keys.indexOf(key);
      if (group < 0) {
        group = keys.length;
        keys.push(key);
        frontiers.push({ tables: [], points: a.frontier.map((p) => ({ us: p.us, mx: p.mx })), history: hist });
      }
      frontiers[group]!.tables.push(t.tableNo);
      const rat = o.ratification;
      const outcome: TableOutcome = {
        reason: o.reason,
        walkedAwayBy: o.walkedAwayBy,
        signed: o.agreement,
        ratified: o.agreement && o.ratified.us && o.ratified.mx,
        package: o.package ? { ...o.package } : null,
        cards: [...o.cards],
        round: o.round,
        utility: o.utility ? { ...o.utility } : null,
        point: { ...a.point },
        payoff: { ...o.payoff },
        scores: { ...o.scores },
        reservation: { us: state.sides.us.reservation, mx: state.sides.mx.reservation },
        jointGain: a.jointGain,
        distanceToFrontier: a.distanceToFrontier,
        distanceToHistory: a.history.mean,
        sameAgreementAsHistory: a.history.sameAgreement,
        historyPoint: hist,
        nash: a.nash ? { us: a.nash.us, mx: a.nash.mx } : null,
        ratification: rat
          ? {
              us: { instrument: rat.us.instrument, passed: rat.us.passed, yesShare: rat.us.yesShare, threshold: rat.us.threshold },
              mx: { instrument: rat.mx.instrument, passed: rat.mx.passed, yesShare: rat.mx.yesShare, threshold: rat.mx.threshold },
            }
          : null,
        frontier: group,
      };
      return { ...base, outcome, problem: null, round: o.round, fired };
    });

  // Competition ranking ("1, 2, 2, 4"): a tie shares the better rank, the next rank skips.
  const finished = tables.filter((t) => t.outcome).sort((a, b) => b.outcome!.jointGain - a.outcome!.jointGain || a.tableNo - b.tableNo);
  finished.forEach((t, k) => {
    const prev = finished[k - 1];
    t.rank = prev && sameGain(prev.outcome!.jointGain, t.outcome!.jointGain) ? prev.rank : k + 1;
  });
  const ranking = [...finished, ...tables.filter((t) => !t.outcome)];

  const students: StudentRow[] = tables.flatMap((t) =>
    t.seats
      .filter((s) => s.name !== null)
      .map((s) => {
        const o = t.outcome;
        return {
          name: s.name!,
          tableNo: t.tableNo,
          seat: s.seat,
          role: s.role,
          side: s.side,
          ai: s.ai,
          status: t.status,
          rank: t.rank,
          reason: o?.reason ?? null,
          signed: o ? o.signed : null,
          ratifiedBoth: o ? o.ratified : null,
          utility: o?.utility ? o.utility[s.side] : null,
          payoff: o ? o.payoff[s.side] : null,
          score: o ? o.scores[s.side] : null,
          sideRatified: o ? (o.ratification ? o.ratification[s.side].passed : null) : null,
          jointGain: o ? o.jointGain : null,
        };
      }),
  );

  return { classId: results.classId, scenarioId: results.config.scenarioId, title: results.config.title, tables, ranking, frontiers, students };
}

// ——— the lab ———

/** What the counterfactual lab opens on (the app's LabPreset, by shape: the lab layer does not import the app). */
export interface ClassLabPreset {
  scenarioId: string;
  seed: number;
  seat: Side;
  opponent: { persona: string; difficulty: string };
  overrides: Overrides;
  fired: string[];
}

/** The overrides a whole game from round 1 needs to follow this one's shocks: the envelope's with its forks merged in. */
export function tableOverrides(envelope: NonNullable<ClassResultsTable['envelope']>): Overrides {
  const all = (envelope.forks ?? []).reduce<Overrides>((acc, f) => mergeOverrides(acc, f.overrides), envelope.overrides);
  const out: { -readonly [K in keyof Overrides]: Overrides[K] } = {};
  if (all.disable?.length) out.disable = all.disable;
  if (Object.keys(all.move ?? {}).length) out.move = all.move;
  if (Object.keys(all.scale ?? {}).length) out.scale = all.scale;
  if (all.add?.length) out.add = all.add;
  return out;
}

/**
 * A table's game for the counterfactual lab: its scenario, seed and shocks (forks merged in), seen from a
 * side the students played (the US when they played both) against the other side's historical persona at
 * the class's difficulty. Null when the table never started or its game does not replay.
 */
export function labPresetOf(table: ClassResultsTable, results: ClassResults, getScenario: GetScenario): ClassLabPreset | null {
  const r = replayTable(table, getScenario);
  if (!r.ok) return null;
  const seats = table.seats.map(seatInfo);
  const played = SIDES.filter((side) => seats.some((s) => s.side === side && isStudent(s)));
  const seat: Side = played.length === 1 ? played[0]! : 'us';
  const envelope = table.envelope!;
  return {
    scenarioId: envelope.scenarioId,
    seed: envelope.seed,
    seat,
    opponent: { persona: historicalPersona(r.state.scenario, other(seat)), difficulty: results.config.difficulty },
    overrides: tableOverrides(envelope),
    fired: r.state.fired.map((f) => f.id),
  };
}

// ——— exports ———

/**
 * A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. Text that a
 * spreadsheet would run as a formula (= + - @, tab, carriage return first) gets a leading apostrophe:
 * student names are typed by students. Numbers are written as numbers (a negative gain stays a number).
 */
export function csvCell(x: string | number | boolean | null): string {
  if (x === null) return '';
  if (typeof x === 'number') return Number.isFinite(x) ? String(x) : '';
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  const s = /^[=+\-@\t\r]/.test(x) ? `'${x}` : x;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A byte-order mark first, so spreadsheets read the names' accents as UTF-8; lines end CRLF (RFC 4180). */
export const CSV_BOM = '\uFEFF';
const csv = (rows: (string | number | boolean | null)[][]): string => `${CSV_BOM}${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** A utility (0..1) on the 0–100 scale of the briefs, to 2 decimals. */
const pts = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x * 10000) / 100);
const round4 = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x * 10000) / 10000);
const packageCell = (pkg: Record<string, string> | null): string | null =>
  pkg
    ? Object.entries(pkg)
        .map(([i, o]) => `${i}=${o}`)
        .join('; ')
    : null;
const firedCell = (fired: FiredInfo[]): string => fired.map((f) => `${f.id}@${f.round + 1}${f.injected ? ' (injected)' : ''}`).join('; ');
/** "us.lead: Ana; mx.lead: [AI]": a student's name, "[AI]" after it when the AI holds their seat, or alone for an empty seat. */
const seatsCell = (seats: SeatInfo[]): string => seats.map((s) => `${s.seat}: ${[s.name, s.ai ? '[AI]' : null].filter((x) => x !== null).join(' ')}`).join('; ');
const problemCell = (p: TableProblem | null): string | null => (p ? (p.code === 'does-not-replay' ? `${p.code}: ${p.reason}` : p.code) : null);

export const TABLES_CSV_HEADER = [
  'table',
  'status',
  'rank',
  'reason',
  'walked_away_by',
  'signed',
  'ratified',
  'ratified_us',
  'ratified_mx',
  'yes_share_us',
  'yes_share_mx',
  'round',
  'package',
  'cards',
  'utility_us',
  'utility_mx',
  'payoff_us',
  'payoff_mx',
  'score_us',
  'score_mx',
  'joint_gain',
  'distance_to_frontier',
  'distance_to_history',
  'same_agreement_as_history',
  'shocks',
  'injected_shocks',
  'forked',
  'seats',
  'problem',
] as const;

/** One row per table (utilities, payoffs, joint gain and distance to the frontier on the 0–100 scale). */
export function tablesCsv(results: ClassResults, getScenario: GetScenario): string {
  const a = analyseClass(results, getScenario);
  const rows = a.tables.map((t) => {
    const o = t.outcome;
    return [
      t.tableNo,
      t.status,
      t.rank,
      o?.reason ?? null,
      o?.walkedAwayBy ?? null,
      o ? o.signed : null,
      o ? o.ratified : null,
      o?.ratification ? o.ratification.us.passed : null,
      o?.ratification ? o.ratification.mx.passed : null,
      round4(o?.ratification?.us.yesShare),
      round4(o?.ratification?.mx.yesShare),
      o ? o.round + 1 : t.round === null ? null : t.round + 1,
      packageCell(o?.package ?? null),
      o ? o.cards.join('; ') : null,
      pts(o?.utility?.us),
      pts(o?.utility?.mx),
      pts(o?.payoff.us),
      pts(o?.payoff.mx),
      o ? o.scores.us : null,
      o ? o.scores.mx : null,
      pts(o?.jointGain),
      pts(o?.distanceToFrontier),
      round4(o?.distanceToHistory),
      o ? o.sameAgreementAsHistory : null,
      firedCell(t.fired),
      t.fired
        .filter((f) => f.injected)
        .map((f) => f.id)
        .join('; '),
      t.forked,
      seatsCell(t.seats),
      problemCell(t.problem),
    ];
  });
  return csv([[...TABLES_CSV_HEADER], ...rows]);
}

export const STUDENTS_CSV_HEADER = [
  'name',
  'table',
  'seat',
  'role',
  'side',
  'ai_holds_seat',
  'status',
  'rank',
  'reason',
  'signed',
  'ratified',
  'side_ratified',
  'side_utility',
  'side_payoff',
  'side_score',
  'joint_gain',
] as const;

/** One row per student (the table's outcome, and the student's side's utility, payoff, score and vote). */
export function studentsCsv(results: ClassResults, getScenario: GetScenario): string {
  const a = analyseClass(results, getScenario);
  const rows = a.students.map((s) => [
    s.name,
    s.tableNo,
    s.seat,
    s.role,
    s.side,
    s.ai,
    s.status,
    s.rank,
    s.reason,
    s.signed,
    s.ratifiedBoth,
    s.sideRatified,
    pts(s.utility),
    pts(s.payoff),
    s.score,
    pts(s.jointGain),
  ]);
  return csv([[...STUDENTS_CSV_HEADER], ...rows]);
}

/** The whole class: the analysis (engine units, 0..1) with each table's envelope, to replay any game again. */
export function resultsJson(results: ClassResults, getScenario: GetScenario): string {
  const a = analyseClass(results, getScenario);
  const envelopes = new Map(results.tables.map((t) => [t.tableNo, t.envelope]));
  const out = {
    format: 'binational-class-results',
    version: 1,
    units: 'utilities, payoffs, joint gain and distances in the engine units (0..1); scores 0..100; rounds 1-based',
    classId: results.classId,
    status: results.status,
    config: results.config,
    tables: a.tables.map((t) => ({
      ...t,
      round: t.round === null ? null : t.round + 1,
      fired: t.fired.map((f) => ({ ...f, round: f.round + 1 })),
      outcome: t.outcome ? { ...t.outcome, round: t.outcome.round + 1 } : null,
      envelope: envelopes.get(t.tableNo) ?? null,
    })),
    ranking: a.ranking.map((t) => ({ tableNo: t.tableNo, rank: t.rank, jointGain: t.outcome?.jointGain ?? null, status: t.status })),
    frontiers: a.frontiers,
    students: a.students,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
