// The class debrief's figures, on real games: tables played to the end by the AI on both delegations (one
// with an instructor's shock, one re-planned mid-game), one still playing, one never started and one whose
// log does not replay. Each table's judgement must be the engine's own (replay + analyseGame); ties share a
// rank; the CSV files are RFC 4180 with names that cannot run as spreadsheet formulas; the JSON carries the
// envelopes; the lab opens on a table's game with its forks merged into its overrides.
import { describe, expect, it } from 'vitest';
import { createOpponent, historicalPersona } from '../../src/ai/opponent';
import { playOut } from '../../src/ai/play-out';
import { type ClassConfig, type ClassResults, type ClassResultsTable, CreateClassRequestSchema } from '../../src/content/classroom-schema';
import { EnvelopeSchema } from '../../src/content/action-schema';
import { getScenario } from '../../src/content/scenarios';
import { analyseGame, applyFork, createGame, envelopeOf, type GameState, type Overrides, packageUtility, replay, step } from '../../src/engine';
import {
  analyseClass,
  CSV_BOM,
  csvCell,
  labPresetOf,
  resultsJson,
  STUDENTS_CSV_HEADER,
  studentsCsv,
  TABLES_CSV_HEADER,
  tablesCsv,
} from '../../src/lab/class-results';

const SCENARIO = 'zacatecas-1995';
const scenario = getScenario(SCENARIO)!;

function agents(seed: number) {
  const make = (side: 'us' | 'mx') => {
    const r = createOpponent(scenario, side, { persona: historicalPersona(scenario, side), difficulty: 'easy' }, seed);
    if (!r.ok) throw new Error(r.error);
    return r.agent;
  };
  return { us: make('us'), mx: make('mx') };
}

/** A game played by the AIs: `steps` moves first, then the instructor's doings, then to the end (or `more` moves). */
function game(seed: number, o: { overrides?: Overrides; steps?: number; inject?: string; fork?: boolean; walk?: boolean; more?: number } = {}): GameState {
  let state = createGame(scenario, seed, { overrides: o.overrides ?? {} });
  const ai = agents(seed);
  if (o.steps) state = playOut(state, ai, o.steps, false).state;
  if (o.inject) {
    const r = step(state, { type: 'inject', seat: 'instructor', shock: o.inject });
    if (r.error) throw new Error(r.error.code);
    state = r.state;
  }
  if (o.fork) {
    const f = applyFork(state, { disable: ['iirira'], add: ['decertification-clash'] }, state.round + 1);
    if (!f.ok) throw new Error(JSON.stringify(f.problems));
    state = f.state;
  }
  if (o.walk) {
    const r = step(state, { type: 'walkAway', seat: 'mx.lead' });
    if (r.error) throw new Error(r.error.code);
    return r.state;
  }
  return playOut(state, ai, o.more ?? 10_000, false).state;
}

const config: ClassConfig = { ...CreateClassRequestSchema.parse({ scenarioId: SCENARIO, tables: 6, seatsPerSide: 2, difficulty: 'hard' }), seed: 11, title: 'Seminar, week 9' };

const finishedA = game(11);
const sameGain = game(13);
const finishedB = game(12, { steps: 3, inject: 'decertification-clash' });
const forked = game(14, { overrides: { scale: { 'peso-crisis': 0.5 } }, steps: 2, fork: true });
const playing = game(15, { more: 6 });
const walked = game(16, { steps: 1, walk: true });

const seats = (us: [string | null, string | null], mx: [string | null, string | null]): ClassResultsTable['seats'] => [
  { seat: 'us.lead', name: us[0], ai: us[0] === null },
  { seat: 'us.adviser', name: us[1], ai: us[1] === null },
  { seat: 'mx.lead', name: mx[0], ai: mx[0] === null },
  { seat: 'mx.adviser', name: mx[1], ai: mx[1] === null },
];

/** A game's envelope as the server keeps it: JSON, checked against the envelope schema. */
const env = (g: GameState) => EnvelopeSchema.parse(JSON.parse(JSON.stringify(envelopeOf(g))));
const broken = env(finishedA);
const results: ClassResults = {
  classId: 'c1',
  config,
  status: 'ended',
  tables: [
    // Listed out of order: the analysis puts them in table order.
    { tableNo: 3, status: 'ended', seats: seats(['Zoë, the "chair"', null], [null, null]), envelope: env(finishedB) },
    { tableNo: 1, status: 'ended', seats: seats(['Ana', '=HYPERLINK("x")'], ['José', '+1']), envelope: env(finishedA) },
    // Another game with the same joint gain as table 1: the same rank.
    { tableNo: 2, status: 'ended', seats: seats(['-Bea', null], ['@Carl', 'Dana']), envelope: env(sameGain) },
    { tableNo: 4, status: 'ended', seats: seats([null, null], ['Eve <b>', null]), envelope: env(forked) },
    { tableNo: 5, status: 'playing', seats: seats(['Finn', null], ['Gus', null]), envelope: env(playing) },
    { tableNo: 6, status: 'waiting', seats: seats(['Hal', null], [null, null]), envelope: null },
    {
      tableNo: 7,
      status: 'ended',
      seats: seats(['Ida', null], ['Jo', null]),
      envelope: { ...broken, events: [{ type: 'accept', seat: 'mx' }, ...broken.events] },
    },
    { tableNo: 8, status: 'ended', seats: seats([null, null], ['Kim', null]), envelope: env(walked) },
  ],
};

/** An RFC 4180 reader, to check the files the way a spreadsheet reads them. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const s = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('the class analysis', () => {
  const a = analyseClass(results, getScenario);
  const byNo = (n: number) => a.tables.find((t) => t.tableNo === n)!;

  it('the games are what they claim: five finished (one walked away from), one still in play', () => {
    for (const g of [finishedA, sameGain, finishedB, forked]) expect(g.outcome?.reason).toBe('ratified');
    expect(walked.outcome).toMatchObject({ reason: 'walked-away', walkedAwayBy: 'mx' });
    expect(analyseGame(sameGain).jointGain).toBe(analyseGame(finishedA).jointGain);
    expect(analyseGame(finishedB).jointGain).not.toBe(analyseGame(finishedA).jointGain);
    expect(playing.outcome).toBeNull();
    expect(a.tables.map((t) => t.tableNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("judges each finished table with the engine's own analysis of its replayed game", () => {
    for (const [no, state] of [
      [1, finishedA],
      [3, finishedB],
      [4, forked],
      [8, walked],
    ] as const) {
      const r = replay(envelopeOf(state), getScenario);
      expect(r.ok).toBe(true);
      const expected = analyseGame(state);
      const t = byNo(no);
      const o = t.outcome!;
      expect(t.problem).toBeNull();
      expect(o.jointGain).toBe(expected.jointGain);
      expect(o.distanceToFrontier).toBe(expected.distanceToFrontier);
      expect(o.distanceToHistory).toBe(expected.history.mean);
      expect(o.sameAgreementAsHistory).toBe(expected.history.sameAgreement);
      expect(o.point).toEqual(expected.point);
      expect(o.reason).toBe(state.outcome!.reason);
      expect(o.package).toEqual(state.outcome!.package);
      expect(o.utility).toEqual(state.outcome!.utility);
      expect(o.scores).toEqual(state.outcome!.scores);
      expect(o.ratified).toBe(state.outcome!.agreement && state.outcome!.ratified.us && state.outcome!.ratified.mx);
      if (state.outcome!.ratification) expect(o.ratification!.us.passed).toBe(state.outcome!.ratification.us.passed);
      else expect(o.ratification).toBeNull();
      expect(a.frontiers[o.frontier]!.points).toEqual(expected.frontier.map((p) => ({ us: p.us, mx: p.mx })));
      expect(a.frontiers[o.frontier]!.tables).toContain(no);
      expect(t.fired).toEqual(state.fired.map((f) => ({ id: f.id, round: f.round, injected: f.injected })));
    }
    // History reached a ratified agreement in 1995–97: its point is that package's utilities for each side.
    const h = scenario.history.package;
    const options = scenario.issues.map((i) => i.options.findIndex((o) => o.id === h[i.id]));
    expect(byNo(1).outcome!.historyPoint).toEqual({ us: packageUtility(finishedA.sides.us, options), mx: packageUtility(finishedA.sides.mx, options) });
    // Without an agreement, the table's point is both sides acting alone, no vote and no package.
    expect(byNo(8).outcome).toMatchObject({ signed: false, ratified: false, package: null, utility: null, ratification: null, jointGain: 0 });
    expect(byNo(8).outcome!.point).toEqual({ us: walked.sides.us.reservation, mx: walked.sides.mx.reservation });
  });

  it("marks the instructor's shock as injected and says which game was re-planned", () => {
    expect(byNo(3).fired.find((f) => f.id === 'decertification-clash')).toMatchObject({ injected: true });
    expect(byNo(1).fired.every((f) => !f.injected)).toBe(true);
    expect(byNo(4).forked).toBe(true);
    // The fork added a pool shock: it fired on the calendar, not by the instructor's hand.
    expect(byNo(4).fired.find((f) => f.id === 'decertification-clash')).toMatchObject({ injected: false });
    expect(byNo(4).fired.map((f) => f.id)).not.toContain('iirira');
    expect(byNo(1).fired.map((f) => f.id)).not.toContain('decertification-clash');
    expect(byNo(1).forked).toBe(false);
  });

  it('ranks by joint gain, ties sharing a rank and the next rank skipping; unfinished tables unranked with their reason', () => {
    expect(byNo(1).rank).toBe(byNo(2).rank);
    const finished = a.ranking.filter((t) => t.rank !== null);
    expect(finished.map((t) => t.tableNo).sort()).toEqual([1, 2, 3, 4, 8]);
    expect(finished.at(-1)!.tableNo).toBe(8);
    for (let k = 1; k < finished.length; k++) expect(finished[k]!.outcome!.jointGain).toBeLessThanOrEqual(finished[k - 1]!.outcome!.jointGain);
    // Competition ranking: each rank is 1 + the number of tables with a strictly larger joint gain.
    for (const t of finished) expect(t.rank).toBe(1 + finished.filter((u) => u.outcome!.jointGain > t.outcome!.jointGain + 1e-9).length);
    expect(a.ranking.slice(5).map((t) => [t.tableNo, t.rank, t.status, t.problem?.code])).toEqual([
      [5, null, 'playing', 'unfinished'],
      [6, null, 'waiting', 'not-started'],
      [7, null, 'ended', 'does-not-replay'],
    ]);
    expect(byNo(5).round).toBe(playing.round);
    expect(byNo(7).problem).toEqual({ code: 'does-not-replay', reason: expect.stringContaining('event 0 refused') });
  });

  it("has one row per student with the table's outcome and their own side's figures", () => {
    expect(a.students.map((s) => [s.name, s.tableNo, s.seat])).toContainEqual(['José', 1, 'mx.lead']);
    expect(a.students).toHaveLength(15);
    const jose = a.students.find((s) => s.name === 'José')!;
    const o = byNo(1).outcome!;
    expect(jose).toMatchObject({ side: 'mx', role: 'lead', rank: byNo(1).rank, reason: o.reason, payoff: o.payoff.mx, score: o.scores.mx, jointGain: o.jointGain });
    expect(jose.utility).toBe(o.utility ? o.utility.mx : null);
    expect(jose.sideRatified).toBe(o.ratification ? o.ratification.mx.passed : null);
    const finn = a.students.find((s) => s.name === 'Finn')!;
    expect(finn).toMatchObject({ status: 'playing', rank: null, reason: null, utility: null, payoff: null });
    expect(a.students.find((s) => s.name === 'Ana')!.role).toBe('lead');
    expect(a.students.find((s) => s.name === '+1')).toMatchObject({ role: 'adviser', side: 'mx' });
  });

  it('refuses a seat id it does not know, naming it', () => {
    const bad: ClassResults = { ...results, tables: [{ tableNo: 1, status: 'waiting', seats: [{ seat: 'xx.lead', name: null, ai: true }], envelope: null }] };
    expect(() => analyseClass(bad, getScenario)).toThrow(/seat "xx.lead"/);
  });
});

describe('CSV exports', () => {
  it('quotes cells with a comma, a quote or a line break (quotes doubled), and leaves others bare', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('turns text a spreadsheet would run as a formula into text, and keeps numbers as numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell('Ana=1')).toBe('Ana=1');
  });

  it('tables.csv: a header and one row per table in table order, with the figures of the analysis', () => {
    const rows = parseCsv(tablesCsv(results, getScenario));
    expect(rows[0]).toEqual([...TABLES_CSV_HEADER]);
    expect(rows).toHaveLength(9);
    for (const r of rows) expect(r).toHaveLength(TABLES_CSV_HEADER.length);
    const col = (name: (typeof TABLES_CSV_HEADER)[number]) => TABLES_CSV_HEADER.indexOf(name);
    expect(rows.slice(1).map((r) => r[col('table')])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const a = analyseClass(results, getScenario);
    const t1 = a.tables[0]!;
    expect(rows[1]![col('rank')]).toBe(String(t1.rank));
    expect(rows[2]![col('rank')]).toBe(String(t1.rank));
    expect(Number(rows[1]![col('joint_gain')])).toBeCloseTo(t1.outcome!.jointGain * 100, 2);
    expect(Number(rows[1]![col('distance_to_frontier')])).toBeCloseTo(t1.outcome!.distanceToFrontier * 100, 2);
    expect(rows[1]![col('reason')]).toBe(finishedA.outcome!.reason);
    // Names inside the seats cell are neutralised as a whole cell only when the cell starts with a formula character.
    expect(rows[1]![col('seats')]).toContain('us.adviser: =HYPERLINK("x")');
    expect(rows[3]![col('seats')]).toContain('Zoë, the "chair"');
    expect(rows[3]![col('seats')]).toBe('us.lead: Zoë, the "chair"; us.adviser: [AI]; mx.lead: [AI]; mx.adviser: [AI]');
    expect(rows[3]![col('injected_shocks')]).toBe('decertification-clash');
    expect(rows[3]![col('shocks')]).toContain('decertification-clash@');
    expect(rows[3]![col('shocks')]).toContain('(injected)');
    expect(rows[4]![col('forked')]).toBe('true');
    expect(rows[5]![col('rank')]).toBe('');
    expect(rows[5]![col('problem')]).toBe('unfinished');
    expect(rows[6]![col('status')]).toBe('waiting');
    expect(rows[7]![col('problem')]).toContain('does-not-replay');
  });

  it('students.csv: one row per student; names are text to a spreadsheet, accents survive as UTF-8', () => {
    const text = studentsCsv(results, getScenario);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...STUDENTS_CSV_HEADER]);
    expect(rows).toHaveLength(16);
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toContain("'=HYPERLINK(\"x\")");
    expect(names).toContain("'+1");
    expect(names).toContain("'-Bea");
    expect(names).toContain("'@Carl");
    expect(names).toContain('José');
    expect(names).toContain('Zoë, the "chair"');
    expect(names).toContain('Eve <b>');
    // No cell starts with a formula character.
    for (const r of rows) for (const c of r) expect(/^[=+@\t\r]/.test(c) || /^-[^\d]/.test(c)).toBe(false);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(text.length);
    const jose = rows.find((r) => r[0] === 'José')!;
    const o = analyseClass(results, getScenario).tables[0]!.outcome!;
    expect(jose.slice(1, 5)).toEqual(['1', 'mx.lead', 'lead', 'mx']);
    expect(Number(jose[STUDENTS_CSV_HEADER.indexOf('side_payoff')])).toBeCloseTo(o.payoff.mx * 100, 2);
    expect(jose[STUDENTS_CSV_HEADER.indexOf('side_score')]).toBe(String(o.scores.mx));
  });
});

describe('results.json', () => {
  it('carries the analysis and every envelope, so each game can be replayed from the file', () => {
    const json = JSON.parse(resultsJson(results, getScenario));
    expect(json.format).toBe('binational-class-results');
    expect(json.classId).toBe('c1');
    expect(json.config).toEqual(config);
    expect(json.tables.map((t: { tableNo: number }) => t.tableNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(json.tables[0].envelope).toEqual(JSON.parse(JSON.stringify(envelopeOf(finishedA))));
    expect(json.tables[5].envelope).toBeNull();
    const again = replay(json.tables[3].envelope, getScenario);
    expect(again.ok && again.state.outcome).toEqual(forked.outcome);
    expect(json.tables[0].outcome.jointGain).toBe(analyseGame(finishedA).jointGain);
    expect(json.tables[0].outcome.round).toBe(finishedA.outcome!.round + 1);
    expect(json.ranking.map((r: { tableNo: number }) => r.tableNo).slice(5)).toEqual([5, 6, 7]);
    expect(json.students).toHaveLength(15);
    expect(json.frontiers.length).toBeGreaterThanOrEqual(1);
  });
});

describe('labPresetOf', () => {
  it("opens a re-planned table's game with its forks merged into the overrides, from the side the students played", () => {
    const table = results.tables.find((t) => t.tableNo === 4)!;
    const p = labPresetOf(table, results, getScenario)!;
    expect(p).toEqual({
      scenarioId: SCENARIO,
      seed: 14,
      seat: 'mx',
      opponent: { persona: historicalPersona(scenario, 'us'), difficulty: 'hard' },
      overrides: { disable: ['iirira'], add: ['decertification-clash'], scale: { 'peso-crisis': 0.5 } },
      fired: forked.fired.map((f) => f.id),
    });
  });

  it("takes the US seat when students played both sides, and the students' only side otherwise", () => {
    const t1 = labPresetOf(results.tables.find((t) => t.tableNo === 1)!, results, getScenario)!;
    expect(t1.seat).toBe('us');
    expect(t1.opponent.persona).toBe(historicalPersona(scenario, 'mx'));
    expect(t1.overrides).toEqual({});
    const t3 = labPresetOf(results.tables.find((t) => t.tableNo === 3)!, results, getScenario)!;
    expect(t3.seat).toBe('us');
    expect(t3.fired).toContain('decertification-clash');
  });

  it('has nothing to open for a table that never started or whose game does not replay', () => {
    expect(labPresetOf(results.tables.find((t) => t.tableNo === 6)!, results, getScenario)).toBeNull();
    expect(labPresetOf(results.tables.find((t) => t.tableNo === 7)!, results, getScenario)).toBeNull();
  });
});
