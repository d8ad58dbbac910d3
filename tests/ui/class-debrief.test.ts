// The class debrief in jsdom, on a real controller: a loading state until the results come, the tables
// ranked by joint gain (a tie sharing its rank, unfinished tables unranked with their status), the chart
// with its data table, names with markup shown as text, downloads built by the same functions as the
// server's exports, and "Open in the lab" opening that table's game in the lab.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppController } from '../../src/app/controller';
import * as kit from '../../src/app/game-session';
import { createOpponent, historicalPersona } from '../../src/ai/opponent';
import { playOut } from '../../src/ai/play-out';
import { EnvelopeSchema } from '../../src/content/action-schema';
import { type ClassResults, type ClassResultsTable, CreateClassRequestSchema } from '../../src/content/classroom-schema';
import { getScenario } from '../../src/content/scenarios';
import { createGame, envelopeOf, type GameState, step } from '../../src/engine';
import type { Locale } from '../../src/i18n/translate';
import { analyseClass, labPresetOf, resultsJson, studentsCsv, tablesCsv } from '../../src/lab/class-results';
import type { Memory, Ui } from '../../src/ui/context';
import { tr } from '../../src/ui/i18n';
import { classDebriefScreen } from '../../src/ui/screens/class-debrief';
import { MemoryStore, SilentSound } from '../helpers/app-doubles';
import { charts } from './helpers';

const SCENARIO = 'zacatecas-1995';
const scenario = getScenario(SCENARIO)!;

function game(seed: number, o: { inject?: string; walk?: boolean; more?: number } = {}): GameState {
  const ai = (side: 'us' | 'mx') => {
    const r = createOpponent(scenario, side, { persona: historicalPersona(scenario, side), difficulty: 'easy' }, seed);
    if (!r.ok) throw new Error(r.error);
    return r.agent;
  };
  const agents = { us: ai('us'), mx: ai('mx') };
  let state = createGame(scenario, seed);
  if (o.inject || o.walk) state = playOut(state, agents, 2, false).state;
  if (o.inject) state = step(state, { type: 'inject', seat: 'instructor', shock: o.inject }).state;
  if (o.walk) return step(state, { type: 'walkAway', seat: 'us.lead' }).state;
  return playOut(state, agents, o.more ?? 10_000, false).state;
}
const env = (g: GameState) => EnvelopeSchema.parse(JSON.parse(JSON.stringify(envelopeOf(g))));
const seats = (us: (string | null)[], mx: (string | null)[]): ClassResultsTable['seats'] => [
  ...us.map((name, k) => ({ seat: k === 0 ? 'us.lead' : 'us.adviser', name, ai: name === null })),
  ...mx.map((name, k) => ({ seat: k === 0 ? 'mx.lead' : 'mx.adviser', name, ai: name === null })),
];

const MARKUP = '<img src=x onerror="alert(1)">';
const results: ClassResults = {
  classId: 'k7',
  config: { ...CreateClassRequestSchema.parse({ scenarioId: SCENARIO, tables: 6, seatsPerSide: 2 }), seed: 11, title: 'Week 9' },
  status: 'ended',
  tables: [
    { tableNo: 1, status: 'ended', seats: seats(['Ana', null], ['José', null]), envelope: env(game(11)) },
    // Same joint gain as table 1 (another game).
    { tableNo: 2, status: 'ended', seats: seats([MARKUP, null], [null, null]), envelope: env(game(13)) },
    { tableNo: 3, status: 'ended', seats: seats([null, null], ['=cmd', null]), envelope: env(game(14, { inject: 'decertification-clash' })) },
    { tableNo: 4, status: 'ended', seats: seats(['Walt', null], ['Mia', null]), envelope: env(game(12, { walk: true })) },
    { tableNo: 5, status: 'playing', seats: seats(['Finn', null], ['Gus', null]), envelope: env(game(15, { more: 5 })) },
    { tableNo: 6, status: 'waiting', seats: seats(['Hal', null], [null, null]), envelope: null },
  ],
};

let controller: AppController;
let said: string[];
const downloads: { name: string; blob: Blob }[] = [];

async function render(r: ClassResults | null, lang: Locale = 'en', formError: 'debrief' | null = null): Promise<Ui> {
  controller = new AppController(new MemoryStore(), new SilentSound(), { kit });
  await controller.init();
  said = [];
  const memory: Memory = { select: { scenarioId: null, seat: 'us', persona: null, difficulty: 'normal' }, table: null, fork: null, notice: null, openWhy: new Set(), dismissed: null };
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  const ui: Ui = {
    controller,
    get state() {
      const s = controller.getState();
      return {
        ...s,
        screen: 'class-debrief',
        classroom: { ...s.classroom, results: r, formError: formError ? { code: 'network', reason: 'offline', field: null, form: formError } : null },
      } as typeof s;
    },
    lang,
    memory,
    tr: (key, params) => tr(lang, key, params),
    rerender: () => root.replaceChildren(classDebriefScreen(ui)),
    openSaveFile: () => {},
    exportSave: () => {},
    say: (text) => said.push(text),
    preloadScreens: () => {},
  };
  ui.rerender();
  return ui;
}

const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no element with data-testid="${id}"`);
  return el;
};
const rowsOf = (id: string) => [...byTestId(id).querySelectorAll('tbody tr')] as HTMLTableRowElement[];
const cells = (row: Element) => [...row.children].map((c) => c.textContent ?? '');

beforeEach(() => {
  downloads.length = 0;
  let lastBlob: Blob | null = null;
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      lastBlob = b;
      return 'blob:class';
    },
    revokeObjectURL: () => {},
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (this.download && lastBlob) downloads.push({ name: this.download, blob: lastBlob });
  });
});
afterEach(() => vi.restoreAllMocks());

describe('the class debrief', () => {
  const analysis = analyseClass(results, getScenario);

  it('shows a loading state until the results arrive, and says so when they could not be loaded', async () => {
    await render(null);
    expect(document.querySelector('h1')!.textContent).toBe('Class debrief');
    expect(document.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(byTestId('cd-loading').textContent).toBe('Loading the class results…');
    expect(document.querySelector('[data-testid="cd-ranking"]')).toBeNull();
    expect(document.querySelector('[data-testid="cd-reload"]')).toBeNull();
    await render(null, 'en', 'debrief');
    expect(byTestId('cd-loading').getAttribute('role')).toBe('alert');
    expect(byTestId('cd-loading').textContent).toContain('could not be loaded');
    const again = vi.spyOn(controller, 'openClassDebrief').mockResolvedValue(true);
    byTestId<HTMLButtonElement>('cd-reload').click();
    expect(byTestId('cd-reload').textContent).toBe('Try again');
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('offers to refresh the results while the class is still running', async () => {
    await render({ ...results, status: 'started' });
    expect(byTestId('class-debrief').textContent).toContain('The class is still running');
    const again = vi.spyOn(controller, 'openClassDebrief').mockResolvedValue(true);
    byTestId<HTMLButtonElement>('cd-reload').click();
    expect(byTestId('cd-reload').textContent).toBe('Refresh the results');
    expect(again).toHaveBeenCalledTimes(1);
    await render(results);
    expect(document.querySelector('[data-testid="cd-reload"]')).toBeNull();
  });

  it('ranks the tables by joint gain: a tie shares its rank, unfinished tables come last, unranked, with their status', async () => {
    await render(results);
    const rows = rowsOf('cd-ranking');
    expect(rows.map((r) => r.getAttribute('data-table-no'))).toEqual(analysis.ranking.map((t) => String(t.tableNo)));
    const rank = (n: number) => cells(rows.find((r) => r.getAttribute('data-table-no') === String(n))!)[0];
    expect(analysis.tables[0]!.outcome!.jointGain).toBe(analysis.tables[1]!.outcome!.jointGain);
    expect(rank(1)).toBe(rank(2));
    // The walked-away table gained nothing: last of the finished ones.
    expect(rank(4)).toBe('4');
    expect(rows.slice(4).map((r) => cells(r).slice(0, 2))).toEqual([
      ['unranked', 'Table 5'],
      ['unranked', 'Table 6'],
    ]);
    expect(cells(rows[4]!)[3]).toMatch(/^Still playing: round \d+\.$/);
    expect(cells(rows[5]!)[3]).toBe('Not started.');
    const t4 = cells(rows.find((r) => r.getAttribute('data-table-no') === '4')!);
    expect(t4[3]).toContain('The United States walked away');
    expect(t4[4]).toBe('0.0');
    const t1 = analysis.tables[0]!.outcome!;
    expect(cells(rows.find((r) => r.getAttribute('data-table-no') === '1')!)[4]).toBe((Math.round(t1.jointGain * 1000) / 10).toFixed(1));
    expect(byTestId('cd-summary').textContent).toBe('4 of 6 tables finished their game; 3 reached an agreement ratified by both sides.');
    // Real table headers.
    for (const th of byTestId('cd-ranking').querySelectorAll('thead th')) expect(th.getAttribute('scope')).toBe('col');
    for (const r of rows) expect(r.querySelector('th')!.getAttribute('scope')).toBe('row');
  });

  it('draws the chart and carries the same points in a data table, with the frontier point by point', async () => {
    charts.length = 0;
    await render(results);
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    // A line per frontier (shocks gave some tables their own), the tables' outcomes, history.
    expect(analysis.frontiers.length).toBeGreaterThan(1);
    expect(charts).toEqual([{ datasets: analysis.frontiers.length + 2 }]);
    const canvas = document.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toContain('the table below has the same data');
    expect(byTestId('cd-frontiers-differ').textContent).toContain('its own frontier');
    const rows = rowsOf('cd-space-table').map(cells);
    const fmt = (x: number) => (Math.round(x * 1000) / 10).toFixed(1);
    analysis.frontiers.forEach((f, k) => {
      expect(rows[k]!.slice(1, 3)).toEqual([fmt(f.history.us), fmt(f.history.mx)]);
      expect(rows[k]![0]).toMatch(/^History \(tables [\d, and]+\)$/);
      for (const n of f.tables) expect(rows[k]![0]).toContain(String(n));
      expect(byTestId(`cd-frontier-${k}`).querySelectorAll('tbody tr')).toHaveLength(f.points.length);
    });
    for (const t of analysis.tables.filter((x) => x.outcome))
      expect(rows).toContainEqual([`Table ${t.tableNo}`, fmt(t.outcome!.point.us), fmt(t.outcome!.point.mx), fmt(t.outcome!.jointGain), fmt(t.outcome!.distanceToFrontier)]);
    expect(rows).toHaveLength(analysis.frontiers.length + 4);
  });

  it('shows the votes, the packages next to history and the shocks, the injected one marked', async () => {
    await render(results);
    const votes = rowsOf('cd-ratification').map(cells);
    expect(votes[0]![0]).toBe('Table 1');
    expect(votes[0]![1]).toMatch(/% yes of \d+% needed, passed$/);
    expect(votes.find((r) => r[0] === 'Table 4')!.slice(1)).toEqual(['no vote (nothing signed)', 'no vote (nothing signed)', 'no']);
    const packages = rowsOf('cd-packages').map(cells);
    expect(packages[0]![0]).toBe('History');
    expect(packages[0]!.slice(1)).toEqual(scenario.issues.map((i) => i.options.find((o) => o.id === scenario.history.package[i.id])!.label.en));
    const t3shocks = rowsOf('cd-shocks').find((r) => cells(r)[0] === 'Table 3')!;
    const injected = t3shocks.querySelector('[data-shock="decertification-clash"]')!;
    expect(injected.textContent).toContain('injected by the instructor');
    expect(rowsOf('cd-shocks').find((r) => cells(r)[0] === 'Table 1')!.textContent).not.toContain('injected');
  });

  it('shows names with markup as text, never as markup', async () => {
    await render(results);
    const screen = byTestId('class-debrief');
    expect(screen.querySelector('img')).toBeNull();
    expect(screen.querySelector('[onerror]')).toBeNull();
    expect(cells(rowsOf('cd-ranking').find((r) => r.getAttribute('data-table-no') === '2')!)[2]).toContain(MARKUP);
    const names = rowsOf('cd-students').map((r) => cells(r)[0]);
    expect(names).toContain(MARKUP);
    expect(names).toContain('=cmd');
    expect(names).toHaveLength(analysis.students.length);
  });

  it('downloads tables.csv, students.csv and results.json built by the export functions, and says so', async () => {
    await render(results);
    byTestId<HTMLButtonElement>('cd-export-tables').click();
    byTestId<HTMLButtonElement>('cd-export-students').click();
    byTestId<HTMLButtonElement>('cd-export-json').click();
    expect(downloads.map((d) => d.name)).toEqual(['binational-class-k7-tables.csv', 'binational-class-k7-students.csv', 'binational-class-k7-results.json']);
    // UTF-8 with its byte-order mark (which text() drops), for spreadsheets.
    expect([...new Uint8Array(await downloads[0]!.blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await downloads[0]!.blob.text()).toBe(tablesCsv(results, getScenario).replace(/^\uFEFF/, ''));
    const students = await downloads[1]!.blob.text();
    expect(students).toBe(studentsCsv(results, getScenario).replace(/^\uFEFF/, ''));
    expect(students).toContain("'=cmd");
    expect(await downloads[2]!.blob.text()).toBe(resultsJson(results, getScenario));
    expect(said.at(-1)).toBe('Downloaded binational-class-k7-results.json.');
    for (const id of ['cd-export-tables', 'cd-export-students', 'cd-export-json']) {
      const b = byTestId(id);
      expect(b.tagName).toBe('BUTTON');
      expect(b.getAttribute('aria-describedby')).toBe('cd-export-help');
    }
  });

  it("opens a table's game in the lab, and offers nothing to open for a table that never started", async () => {
    await render(results);
    const button = byTestId<HTMLButtonElement>('lab-table-3');
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('aria-label')).toBe('Open in the lab: table 3');
    button.click();
    const s = controller.getState();
    expect(s.screen).toBe('lab');
    expect(s.labReturn).toBe('class-debrief');
    expect(s.labPreset).toEqual(labPresetOf(results.tables[2]!, results, getScenario));
    expect(s.labPreset).toMatchObject({ seat: 'mx', seed: results.tables[2]!.envelope!.seed, opponent: { persona: historicalPersona(scenario, 'us'), difficulty: 'normal' } });
    expect(s.labPreset!.fired).toContain('decertification-clash');
    expect(document.querySelector('[data-testid="lab-table-6"]')).toBeNull();
    expect(document.querySelector('[data-testid="lab-table-5"]')).not.toBeNull();
  });

  it('goes back with a real button, in a heading-led page whose sections follow the h1', async () => {
    await render(results);
    const back = vi.spyOn(controller, 'backToConsole').mockImplementation(() => {});
    byTestId<HTMLButtonElement>('cd-back').click();
    expect(back).toHaveBeenCalledTimes(1);
    const headings = [...document.querySelectorAll('h1, h2')].map((x) => `${x.tagName}:${x.textContent}`);
    expect(headings[0]).toBe('H1:Class debrief');
    expect(headings.slice(1)).toEqual([
      'H2:Tables ranked by joint gain',
      'H2:Every table in utility space',
      'H2:Packages signed, issue by issue',
      'H2:Ratification at home',
      'H2:Shocks at each table',
      'H2:Students',
      'H2:Export the results',
    ]);
    expect(document.querySelector('h1')!.hasAttribute('data-screen-heading')).toBe(true);
    for (const b of document.querySelectorAll('button')) expect(b.getAttribute('type')).toBe('button');
  });

  it('speaks Spanish', async () => {
    await render(results, 'es');
    expect(document.querySelector('h1')!.textContent).toBe('Balance de la clase');
    expect(byTestId('cd-export-tables').textContent).toBe('Descargar tables.csv');
    expect(cells(rowsOf('cd-ranking').at(-1)!)[0]).toBe('sin lugar');
  });
});
