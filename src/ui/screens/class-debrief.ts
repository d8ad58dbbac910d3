// The class debrief: every table's game judged like a solo debrief (the engine's analysis of its replayed
// envelope), side by side — the outcomes in utility space with the Pareto frontier and history (a lazily
// loaded chart and the same data as a table), the ranking by joint gain, the packages, the votes at home,
// the shocks, each student's result, a way into the lab for any table, and the exports the server offers
// too (built here with the same functions). Student names are typed by students: they are only ever text.
import '../styles/class-debrief.css';
import type { ClassResults } from '../../content/classroom-schema';
import type { Scenario } from '../../content/scenario-schema';
import { getScenario } from '../../content/scenarios';
import { type Side, SIDES } from '../../engine';
import {
  analyseClass,
  type ClassAnalysis,
  labPresetOf,
  resultsJson,
  studentsCsv,
  type TableAnalysis,
  tablesCsv,
} from '../../lab/class-results';
import { type ClassChartData, drawClassChart } from '../class-debrief/chart';
import type { Ui } from '../context';
import { append, h, screenHeading } from '../dom';
import { reasonText } from '../events-text';
import { instrumentName, listText, local, pct, sideName } from '../i18n';
import { downloadText } from '../lab/download';

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
/** A utility (0..1) on the 0–100 scale of the briefs, to one decimal. */
const pts = (x: number) => fmt(x * 100);

type Analysed = { ok: true; analysis: ClassAnalysis; scenario: Scenario } | { ok: false; error: string };

// Replaying every table is the costly part: once per results object, not on every redraw.
const cache = new WeakMap<ClassResults, Analysed>();

function analysed(results: ClassResults): Analysed {
  const hit = cache.get(results);
  if (hit) return hit;
  let out: Analysed;
  try {
    const scenario = getScenario(results.config.scenarioId);
    out = scenario
      ? { ok: true, analysis: analyseClass(results, getScenario), scenario }
      : { ok: false, error: `unknown scenario "${results.config.scenarioId}"` };
  } catch (e) {
    out = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  cache.set(results, out);
  return out;
}

const tableName = (ui: Ui, n: number) => ui.tr('classDebrief.tableName', { n });
const shockTitle = (ui: Ui, s: Scenario, id: string) => local(ui.lang, s.shocks.find((x) => x.id === id)?.title) || id;
const optionText = (ui: Ui, s: Scenario, issueId: string, optionId: string | undefined) => {
  if (optionId === undefined) return '—';
  const issue = s.issues.find((i) => i.id === issueId);
  return local(ui.lang, issue?.options.find((o) => o.id === optionId)?.label) || optionId;
};

function playersText(ui: Ui, t: TableAnalysis): string {
  return SIDES.map((side) => {
    const seats = t.seats.filter((s) => s.side === side);
    const named = seats.filter((s) => s.name !== null).map((s) => s.name!);
    const names = named.length ? listText(ui.lang, named) : seats.some((s) => s.ai) ? ui.tr('classDebrief.ai') : ui.tr('classDebrief.nobody');
    return ui.tr('classDebrief.playersOf', { side: sideName(ui.lang, side), names });
  }).join(' · ');
}

/** What became of a table's game, in a sentence. */
function outcomeText(ui: Ui, t: TableAnalysis): string {
  const o = t.outcome;
  if (o) return ui.tr('classDebrief.endedRound', { reason: reasonText(ui.lang, o.reason, o.walkedAwayBy), n: o.round + 1 });
  const p = t.problem;
  if (!p || p.code === 'not-started') return ui.tr('classDebrief.statusWaiting');
  if (p.code === 'does-not-replay') return ui.tr('classDebrief.statusBroken', { reason: p.reason });
  return ui.tr(t.status === 'ended' ? 'classDebrief.statusUnfinishedEnded' : 'classDebrief.statusUnfinished', { n: (t.round ?? 0) + 1 });
}

function col(text: string): HTMLElement {
  return h('th', { scope: 'col' }, text);
}

/** A wide table scrolls sideways in its own box, which the keyboard can reach (a named region). */
function scroll(label: string, table: HTMLElement): HTMLElement {
  return h('div', { class: 'cd-scroll', role: 'region', tabindex: 0, 'aria-label': label }, table);
}

function rankingSection(ui: Ui, results: ClassResults, a: ClassAnalysis): HTMLElement {
  const row = (t: TableAnalysis) => {
    const o = t.outcome;
    const table = results.tables.find((x) => x.tableNo === t.tableNo)!;
    const labButton = table.envelope && t.problem?.code !== 'does-not-replay'
      ? h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small',
            id: `lab-table-${t.tableNo}`,
            'data-testid': `lab-table-${t.tableNo}`,
            'aria-label': ui.tr('classDebrief.openLabLabel', { n: t.tableNo }),
            onclick: () => {
              const preset = labPresetOf(table, results, getScenario);
              if (preset) ui.controller.openLabPreset(preset);
            },
          },
          ui.tr('classDebrief.openLab'),
        )
      : h('span', { class: 'help' }, ui.tr('classDebrief.noLab'));
    return h(
      'tr',
      { 'data-table-no': t.tableNo, class: o ? '' : 'is-unranked' },
      h('td', { class: 'num' }, t.rank === null ? ui.tr('classDebrief.unranked') : String(t.rank)),
      h('th', { scope: 'row' }, tableName(ui, t.tableNo)),
      h('td', { class: 'cd-players' }, playersText(ui, t)),
      h('td', {}, outcomeText(ui, t)),
      h('td', { class: 'num' }, o ? pts(o.jointGain) : '—'),
      h('td', { class: 'num' }, o ? pts(o.distanceToFrontier) : '—'),
      h('td', { class: 'num' }, o ? ui.tr('common.percent', { n: pct(o.distanceToHistory) }) : '—'),
      h('td', {}, labButton),
    );
  };
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'cd-ranking-heading' },
    h('h2', { id: 'cd-ranking-heading' }, ui.tr('classDebrief.rankingHeading')),
    h('p', { class: 'help' }, ui.tr('classDebrief.rankingHelp')),
    scroll(
      ui.tr('classDebrief.rankingCaption'),
      h(
        'table',
        { class: 'data-table', 'data-testid': 'cd-ranking' },
        h('caption', {}, ui.tr('classDebrief.rankingCaption')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            col(ui.tr('classDebrief.colRank')),
            col(ui.tr('classDebrief.colTable')),
            col(ui.tr('classDebrief.colPlayers')),
            col(ui.tr('classDebrief.colOutcome')),
            col(ui.tr('classDebrief.colJointGain')),
            col(ui.tr('classDebrief.colDistance')),
            col(ui.tr('classDebrief.colHistory')),
            col(ui.tr('classDebrief.colLab')),
          ),
        ),
        h('tbody', {}, a.ranking.map(row)),
      ),
    ),
  );
}

function spaceSection(ui: Ui, a: ClassAnalysis): HTMLElement {
  const finished = a.tables.filter((t) => t.outcome);
  const many = a.frontiers.length > 1;
  const tablesList = (ns: number[]) => listText(ui.lang, ns.map(String));
  const frontierLabel = (k: number) => (many ? ui.tr('classDebrief.frontierOf', { tables: tablesList(a.frontiers[k]!.tables) }) : ui.tr('classDebrief.frontier'));
  const historyLabel = (k: number) => (many ? ui.tr('classDebrief.historyPointOf', { tables: tablesList(a.frontiers[k]!.tables) }) : ui.tr('classDebrief.historyPoint'));
  const head = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'cd-space-heading' },
    h('h2', { id: 'cd-space-heading' }, ui.tr('classDebrief.spaceHeading')),
    h('p', { class: 'help' }, ui.tr('classDebrief.spaceHelp')),
  );
  if (!finished.length) {
    head.appendChild(h('p', { 'data-testid': 'cd-no-finished' }, ui.tr('classDebrief.noFinished')));
    return head;
  }
  const data: ClassChartData = {
    frontiers: a.frontiers.map((f, k) => ({ label: frontierLabel(k), points: f.points.map((p) => ({ us: p.us * 100, mx: p.mx * 100 })) })),
    history: a.frontiers.map((f, k) => ({ label: historyLabel(k), us: f.history.us * 100, mx: f.history.mx * 100 })),
    tables: finished.map((t) => ({ tableNo: t.tableNo, us: t.outcome!.point.us * 100, mx: t.outcome!.point.mx * 100 })),
  };
  const canvas = h('canvas', { id: 'cd-space-chart', role: 'img', 'aria-label': ui.tr('classDebrief.chartLabel') });
  const status = h('p', { class: 'help chart-status' }, ui.tr('debrief.chartLoading'));
  queueMicrotask(() => drawClassChart(canvas, status, ui.lang, data));
  const point = (name: string, us: number, mx: number, o: TableAnalysis['outcome']) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, name),
      h('td', { class: 'num' }, pts(us)),
      h('td', { class: 'num' }, pts(mx)),
      h('td', { class: 'num' }, o ? pts(o.jointGain) : '—'),
      h('td', { class: 'num' }, o ? pts(o.distanceToFrontier) : '—'),
    );
  const pointHead = (first: string) =>
    h(
      'thead',
      {},
      h('tr', {}, col(first), col(sideName(ui.lang, 'us')), col(sideName(ui.lang, 'mx')), col(ui.tr('classDebrief.colJointGain')), col(ui.tr('classDebrief.colDistance'))),
    );
  append(head, [
    h('div', { class: 'cd-chart-box' }, canvas),
    status,
    many ? h('p', { 'data-testid': 'cd-frontiers-differ' }, ui.tr('classDebrief.frontiersDiffer')) : null,
    h(
      'table',
      { class: 'data-table', 'data-testid': 'cd-space-table' },
      h('caption', {}, ui.tr('classDebrief.spaceCaption')),
      pointHead(ui.tr('classDebrief.colPoint')),
      h(
        'tbody',
        {},
        a.frontiers.map((f, k) => point(historyLabel(k), f.history.us, f.history.mx, null)),
        finished.map((t) => point(tableName(ui, t.tableNo), t.outcome!.point.us, t.outcome!.point.mx, t.outcome)),
      ),
    ),
    a.frontiers.map((f, k) =>
      h(
        'details',
        { 'data-testid': `cd-frontier-${k}` },
        h('summary', {}, ui.tr('classDebrief.frontierPoints', { name: frontierLabel(k), n: f.points.length })),
        h(
          'table',
          { class: 'data-table' },
          h('caption', { class: 'visually-hidden' }, frontierLabel(k)),
          h('thead', {}, h('tr', {}, col(ui.tr('classDebrief.colPoint')), col(sideName(ui.lang, 'us')), col(sideName(ui.lang, 'mx')))),
          h(
            'tbody',
            {},
            f.points.map((p, j) =>
              h('tr', {}, h('th', { scope: 'row' }, ui.tr('classDebrief.frontierPoint', { k: j + 1 })), h('td', { class: 'num' }, pts(p.us)), h('td', { class: 'num' }, pts(p.mx))),
            ),
          ),
        ),
      ),
    ),
  ]);
  return head;
}

function packagesSection(ui: Ui, a: ClassAnalysis, s: Scenario): HTMLElement | null {
  const signed = a.tables.filter((t) => t.outcome);
  if (!signed.length) return null;
  const hasCards = signed.some((t) => t.outcome!.cards.length);
  const cardName = (id: string) => local(ui.lang, s.cards.find((c) => c.id === id)?.name) || id;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'cd-packages-heading' },
    h('h2', { id: 'cd-packages-heading' }, ui.tr('classDebrief.packagesHeading')),
    scroll(
      ui.tr('classDebrief.packagesCaption'),
      h(
        'table',
        { class: 'data-table cd-packages', 'data-testid': 'cd-packages' },
        h('caption', {}, ui.tr('classDebrief.packagesCaption')),
        h('thead', {}, h('tr', {}, col(ui.tr('classDebrief.colTable')), s.issues.map((i) => col(local(ui.lang, i.name))), hasCards ? col(ui.tr('classDebrief.colCards')) : null)),
        h(
          'tbody',
          {},
          h(
            'tr',
            { class: 'cd-history-row' },
            h('th', { scope: 'row' }, ui.tr('classDebrief.historyPoint')),
            s.issues.map((i) => h('td', {}, optionText(ui, s, i.id, s.history.package[i.id]))),
            hasCards ? h('td', {}, '—') : null,
          ),
          signed.map((t) => {
            const pkg = t.outcome!.package;
            return h(
              'tr',
              {},
              h('th', { scope: 'row' }, tableName(ui, t.tableNo)),
              pkg ? s.issues.map((i) => h('td', {}, optionText(ui, s, i.id, pkg[i.id]))) : h('td', { colspan: s.issues.length, class: 'help' }, ui.tr('classDebrief.noPackage')),
              hasCards ? h('td', {}, t.outcome!.cards.map(cardName).join(', ') || '—') : null,
            );
          }),
        ),
      ),
    ),
  );
}

function ratificationSection(ui: Ui, a: ClassAnalysis): HTMLElement {
  const finished = a.tables.filter((t) => t.outcome);
  const section = h('section', { class: 'panel', 'aria-labelledby': 'cd-ratification-heading' }, h('h2', { id: 'cd-ratification-heading' }, ui.tr('classDebrief.ratificationHeading')));
  if (!finished.some((t) => t.outcome!.signed)) {
    section.appendChild(h('p', {}, finished.length ? ui.tr('classDebrief.noneSigned') : ui.tr('classDebrief.noFinished')));
    return section;
  }
  const vote = (t: TableAnalysis, side: Side) => {
    const r = t.outcome!.ratification?.[side];
    if (!r) return h('td', { class: 'help' }, ui.tr('classDebrief.noVote'));
    return h(
      'td',
      { class: r.passed ? 'is-good' : 'is-bad' },
      `${r.passed ? '✔' : '✘'} `,
      ui.tr('classDebrief.vote', {
        instrument: instrumentName(ui.lang, r.instrument),
        yes: pct(r.yesShare),
        threshold: pct(r.threshold),
        result: ui.tr(r.passed ? 'classDebrief.passed' : 'classDebrief.failed'),
      }),
    );
  };
  section.appendChild(
    scroll(
      ui.tr('classDebrief.ratificationCaption'),
      h(
        'table',
        { class: 'data-table', 'data-testid': 'cd-ratification' },
        h('caption', {}, ui.tr('classDebrief.ratificationCaption')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            col(ui.tr('classDebrief.colTable')),
            SIDES.map((side) => col(ui.tr('classDebrief.colVote', { side: sideName(ui.lang, side) }))),
            col(ui.tr('classDebrief.colResult')),
          ),
        ),
        h(
          'tbody',
          {},
          finished.map((t) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, tableName(ui, t.tableNo)),
              SIDES.map((side) => vote(t, side)),
              h('td', {}, ui.tr(t.outcome!.ratified ? 'common.yes' : 'common.no')),
            ),
          ),
        ),
      ),
    ),
  );
  return section;
}

function shocksSection(ui: Ui, a: ClassAnalysis, s: Scenario): HTMLElement {
  const started = a.tables.filter((t) => t.round !== null);
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'cd-shocks-heading' },
    h('h2', { id: 'cd-shocks-heading' }, ui.tr('classDebrief.shocksHeading')),
    started.length
      ? h(
          'table',
          { class: 'data-table', 'data-testid': 'cd-shocks' },
          h('caption', {}, ui.tr('classDebrief.shocksCaption')),
          h('thead', {}, h('tr', {}, col(ui.tr('classDebrief.colTable')), col(ui.tr('classDebrief.colShocks')))),
          h(
            'tbody',
            {},
            started.map((t) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, tableName(ui, t.tableNo)),
                h(
                  'td',
                  {},
                  t.fired.length
                    ? h(
                        'ul',
                        { class: 'cd-shock-list' },
                        t.fired.map((f) =>
                          h(
                            'li',
                            { 'data-shock': f.id },
                            ui.tr('classDebrief.shockLine', { title: shockTitle(ui, s, f.id), n: f.round + 1 }),
                            f.injected ? [' ', h('span', { class: 'tag cd-injected' }, ui.tr('classDebrief.injected'))] : null,
                          ),
                        ),
                      )
                    : ui.tr('classDebrief.noShocks'),
                  t.forked ? h('p', { class: 'help' }, ui.tr('classDebrief.forked')) : null,
                ),
              ),
            ),
          ),
        )
      : h('p', {}, ui.tr('classDebrief.noFinished')),
  );
}

function studentsSection(ui: Ui, a: ClassAnalysis): HTMLElement {
  const byTable = new Map(a.tables.map((t) => [t.tableNo, t]));
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'cd-students-heading' },
    h('h2', { id: 'cd-students-heading' }, ui.tr('classDebrief.studentsHeading')),
    a.students.length
      ? scroll(
          ui.tr('classDebrief.studentsCaption'),
          h(
            'table',
            { class: 'data-table', 'data-testid': 'cd-students' },
            h('caption', {}, ui.tr('classDebrief.studentsCaption')),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                col(ui.tr('classDebrief.colName')),
                col(ui.tr('classDebrief.colTable')),
                col(ui.tr('classDebrief.colSeat')),
                col(ui.tr('classDebrief.colOutcome')),
                col(ui.tr('classDebrief.colUtility')),
                col(ui.tr('classDebrief.colRatified')),
                col(ui.tr('classDebrief.colRank')),
              ),
            ),
            h(
              'tbody',
              {},
              a.students.map((st) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row', class: 'cd-name' }, st.name),
                  h('td', {}, tableName(ui, st.tableNo)),
                  h(
                    'td',
                    {},
                    ui.tr('classDebrief.seatOf', { side: sideName(ui.lang, st.side), role: ui.tr(st.role === 'lead' ? 'classDebrief.role.lead' : 'classDebrief.role.adviser') }),
                    st.ai ? ` (${ui.tr('classDebrief.aiHolds')})` : '',
                  ),
                  h('td', {}, outcomeText(ui, byTable.get(st.tableNo)!)),
                  h('td', { class: 'num' }, st.utility === null ? '—' : pts(st.utility)),
                  h('td', {}, st.sideRatified === null ? '—' : ui.tr(st.sideRatified ? 'common.yes' : 'common.no')),
                  h('td', { class: 'num' }, st.rank === null ? ui.tr('classDebrief.unranked') : String(st.rank)),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, ui.tr('classDebrief.noStudents')),
  );
}

function download(ui: Ui, name: string, build: () => string, type: string): void {
  const ok = downloadText(name, build(), type);
  const text = ui.tr(ok ? 'classDebrief.downloaded' : 'classDebrief.downloadFailed', { file: name });
  ui.memory.notice = { kind: ok ? 'info' : 'error', text };
  ui.say(text);
  ui.rerender();
}

function exportSection(ui: Ui, results: ClassResults): HTMLElement {
  const base = `binational-class-${results.classId}`;
  const button = (id: string, label: string, onclick: () => void) =>
    h('button', { type: 'button', class: 'btn', id, 'data-testid': id, 'aria-describedby': 'cd-export-help', onclick }, label);
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'cd-export-heading' },
    h('h2', { id: 'cd-export-heading' }, ui.tr('classDebrief.exportHeading')),
    h('p', { class: 'help', id: 'cd-export-help' }, ui.tr('classDebrief.exportHelp')),
    h(
      'div',
      { class: 'button-row' },
      button('cd-export-tables', ui.tr('classDebrief.exportTables'), () => download(ui, `${base}-tables.csv`, () => tablesCsv(results, getScenario), 'text/csv;charset=utf-8')),
      button('cd-export-students', ui.tr('classDebrief.exportStudents'), () => download(ui, `${base}-students.csv`, () => studentsCsv(results, getScenario), 'text/csv;charset=utf-8')),
      button('cd-export-json', ui.tr('classDebrief.exportJson'), () => download(ui, `${base}-results.json`, () => resultsJson(results, getScenario), 'application/json')),
    ),
  );
}

function backButton(ui: Ui, reload: 'retry' | 'refresh' | null = null): HTMLElement {
  return h(
    'div',
    { class: 'panel button-row' },
    reload
      ? h(
          'button',
          { type: 'button', class: 'btn', id: 'cd-reload', 'data-testid': 'cd-reload', onclick: () => void ui.controller.openClassDebrief() },
          ui.tr(reload === 'retry' ? 'classDebrief.retry' : 'classDebrief.refresh'),
        )
      : null,
    h('button', { type: 'button', class: 'btn btn-primary', id: 'cd-back', 'data-testid': 'cd-back', onclick: () => ui.controller.backToConsole() }, ui.tr('classDebrief.backToConsole')),
  );
}

export function classDebriefScreen(ui: Ui): HTMLElement {
  const results = ui.state.classroom.results;
  const heading = screenHeading(1, ui.tr('classDebrief.heading'), 'class-debrief-heading');
  const screen = (...children: (HTMLElement | null)[]) =>
    h('section', { class: 'screen screen-class-debrief', 'aria-labelledby': 'class-debrief-heading', 'data-testid': 'class-debrief' }, ...children);
  if (!results) {
    const failed = ui.state.classroom.formError?.form === 'debrief';
    return screen(
      h(
        'div',
        { class: 'panel', 'aria-busy': failed ? null : 'true' },
        heading,
        h('p', { role: failed ? 'alert' : 'status', 'data-testid': 'cd-loading' }, ui.tr(failed ? 'classDebrief.loadFailed' : 'classDebrief.loading')),
      ),
      backButton(ui, failed ? 'retry' : null),
    );
  }
  const r = analysed(results);
  if (!r.ok)
    return screen(
      h('div', { class: 'panel' }, heading, h('p', { role: 'alert', 'data-testid': 'cd-failed' }, ui.tr('classDebrief.loadFailed')), h('p', { class: 'help' }, r.error)),
      backButton(ui),
    );
  const { analysis: a, scenario: s } = r;
  const finished = a.tables.filter((t) => t.outcome);
  return screen(
    h(
      'div',
      { class: 'panel' },
      heading,
      h('p', { class: 'lead' }, results.config.title ? ui.tr('classDebrief.subtitle', { title: results.config.title, scenario: local(ui.lang, s.title) }) : local(ui.lang, s.title)),
      h(
        'p',
        { 'data-testid': 'cd-summary' },
        ui.tr('classDebrief.summary', { finished: finished.length, tables: a.tables.length, ratified: finished.filter((t) => t.outcome!.ratified).length }),
      ),
      results.status === 'ended' ? null : h('p', { class: 'help' }, ui.tr('classDebrief.stillRunning')),
    ),
    rankingSection(ui, results, a),
    spaceSection(ui, a),
    packagesSection(ui, a, s),
    ratificationSection(ui, a),
    shocksSection(ui, a, s),
    studentsSection(ui, a),
    exportSection(ui, results),
    backButton(ui, results.status === 'ended' ? null : 'refresh'),
  );
}
