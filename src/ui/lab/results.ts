// The Lab's results: the headline rates and mean scores with their 95% intervals (and, for two arms, the
// paired difference), then the outcome distributions — each option's share among ratified deals, issue by
// issue; when agreements came; which instruments ratified deals needed. Every chart has a data table with
// the same numbers, and the whole result downloads as CSV or JSON.
import { findPersona } from '../../ai/persona-registry';
import type { Scenario } from '../../content/scenario-schema';
import { SIDES } from '../../engine';
import type { Locale } from '../../i18n/translate';
import type { Interval } from '../../lab/stats';
import type { LabReport } from '../../lab/web-export';
import { type Child, h } from '../dom';
import { overridesText } from '../overrides-text';
import { formatDate, instrumentName, local, sideName, tr } from '../i18n';
import type { BarChartSpec } from './charts';

export { overridesText };

const number = (lang: Locale, x: number, digits = 1) => new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
export const percentText = (lang: Locale, x: number) => tr(lang, 'common.percent', { n: number(lang, x * 100) });
export const rateText = (lang: Locale, i: Interval) => tr(lang, 'lab.withInterval', { value: percentText(lang, i.value), low: number(lang, i.low * 100), high: number(lang, i.high * 100) });
export const scoreText = (lang: Locale, i: Interval) => tr(lang, 'lab.withInterval', { value: number(lang, i.value), low: number(lang, i.low), high: number(lang, i.high) });
const sign = (lang: Locale, x: number, digits = 1) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${number(lang, Math.abs(x), digits)}`;
const pointsText = (lang: Locale, i: Interval) =>
  tr(lang, 'lab.differencePoints', { value: sign(lang, i.value * 100), low: sign(lang, i.low * 100), high: sign(lang, i.high * 100) });
const scoreDiffText = (lang: Locale, i: Interval) => tr(lang, 'lab.withInterval', { value: sign(lang, i.value), low: sign(lang, i.low), high: sign(lang, i.high) });

export interface ResultsView {
  section: HTMLElement;
  charts: BarChartSpec[];
}

function chartBox(lang: Locale, id: string, label: string, categories: string[], series: BarChartSpec['series'], charts: BarChartSpec[], horizontal = false): HTMLElement {
  const canvas = h('canvas', { id, role: 'img', 'aria-label': tr(lang, 'lab.chartLabel', { chart: label }) });
  const status = h('p', { class: 'help chart-status' });
  charts.push({ canvas, status, categories, series, horizontal });
  return h('div', { class: 'lab-chart' }, h('div', { class: 'chart-box lab-chart-box', style: `height:${Math.max(12, horizontal ? categories.length * 2.6 + 5 : 16)}rem` }, canvas), status);
}

function table(testid: string, caption: string, head: string[], rows: Child[][]): HTMLElement {
  return h(
    'table',
    { class: 'data-table', 'data-testid': testid },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, first), rest.map((c) => h('td', { class: 'num' }, c)))),
    ),
  );
}

const personaName = (lang: Locale, id: string): string => {
  const p = findPersona(id);
  return p ? local(lang, p.name) : id;
};

export function resultsView(lang: Locale, scenario: Scenario, r: LabReport, meta: { elapsedMs: number; workers: number }): ResultsView {
  const charts: BarChartSpec[] = [];
  const arms = r.arms;
  // The report's labels are data ('A', 'B'); the screen names the arms in its language.
  const labels = arms.map((_, k) => tr(lang, k === 0 ? 'lab.armA' : 'lab.armB'));
  const two = arms.length === 2;
  const headWith = (first: string) => [first, ...labels, ...(two ? [tr(lang, 'lab.difference')] : [])];

  const ratified = arms.map((a) => Math.round(a.summary.ratifiedRate.value * a.summary.runs));
  const signed = arms.map((a) => Math.round(a.summary.agreementRate.value * a.summary.runs));
  const d = r.difference;
  const summaryRows: Child[][] = [
    [tr(lang, 'lab.agreementRate'), ...arms.map((a) => rateText(lang, a.summary.agreementRate)), ...(d ? [pointsText(lang, d.agreementRate)] : [])],
    [tr(lang, 'lab.ratifiedRate'), ...arms.map((a) => rateText(lang, a.summary.ratifiedRate)), ...(d ? [pointsText(lang, d.ratifiedRate)] : [])],
    ...SIDES.map((s) => [
      tr(lang, 'lab.meanScore', { side: sideName(lang, s) }),
      ...arms.map((a) => scoreText(lang, a.summary.meanScore[s])),
      ...(d ? [scoreDiffText(lang, d.meanScore[s])] : []),
    ]),
  ];
  const settingsList = h(
    'ul',
    { class: 'lab-settings' },
    arms.map((a, k) =>
      h(
        'li',
        {},
        h('strong', {}, `${labels[k]}: `),
        tr(lang, 'lab.settingsLine', { us: personaName(lang, a.settings.ai.us), mx: personaName(lang, a.settings.ai.mx), overrides: overridesText(lang, scenario, a.settings.overrides) }),
      ),
    ),
  );

  const issueBlocks = scenario.issues.map((issue) => {
    const name = local(lang, issue.name);
    const categories = issue.options.map((o) => local(lang, o.label));
    const series = arms.map((a, k) => ({ label: labels[k]!, values: issue.options.map((o) => a.summary.issues[issue.id]?.[o.id] ?? 0) }));
    return h(
      'section',
      { class: 'lab-issue', 'aria-labelledby': `lab-issue-${issue.id}` },
      h('h4', { id: `lab-issue-${issue.id}` }, name),
      chartBox(lang, `lab-chart-issue-${issue.id}`, name, categories, series, charts, true),
      table(
        `lab-issue-table-${issue.id}`,
        tr(lang, 'lab.issueCaption', { issue: name }),
        [tr(lang, 'lab.colOption'), ...labels],
        issue.options.map((_o, i) => [categories[i]!, ...arms.map((_, k) => (ratified[k] ? percentText(lang, series[k]!.values[i]!) : '—'))]),
      ),
    );
  });

  const roundNames = scenario.calendar.map((c) => `${formatDate(lang, c.date)} · ${local(lang, c.label)}`);
  const roundSeries = arms.map((a, k) => ({ label: labels[k]!, values: scenario.calendar.map((c) => a.summary.roundOfAgreement[c.id] ?? 0) }));
  const instrumentRows: Child[][] = [];
  for (const side of SIDES)
    for (const inst of ['executive', 'legislation', 'treaty'] as const)
      if (arms.some((a) => (a.summary.instruments[side][inst] ?? 0) > 0))
        instrumentRows.push([`${sideName(lang, side)}: ${instrumentName(lang, inst)}`, ...arms.map((a, k) => (ratified[k] ? percentText(lang, a.summary.instruments[side][inst] ?? 0) : '—'))]);

  const section = h(
    'section',
    { class: 'panel lab-results', 'aria-labelledby': 'lab-results-heading', 'data-testid': 'lab-results' },
    h('h2', { id: 'lab-results-heading', tabindex: -1 }, tr(lang, 'lab.resultsHeading')),
    h(
      'p',
      { 'data-testid': 'lab-results-meta' },
      tr(lang, 'lab.resultsMeta', {
        runs: r.runs.toLocaleString(lang),
        from: r.seed,
        to: r.seed + r.runs - 1,
        seconds: number(lang, meta.elapsedMs / 1000),
        workers: meta.workers,
      }),
    ),
    settingsList,
    h('p', { class: 'help' }, tr(lang, 'lab.intervalHelp')),
    table('lab-summary', tr(lang, 'lab.summaryCaption'), headWith(tr(lang, 'lab.colMeasure')), summaryRows),
    chartBox(
      lang,
      'lab-chart-rates',
      tr(lang, 'lab.ratesChart'),
      [tr(lang, 'lab.agreementRate'), tr(lang, 'lab.ratifiedRate')],
      arms.map((a, k) => ({ label: labels[k]!, values: [a.summary.agreementRate.value, a.summary.ratifiedRate.value] })),
      charts,
    ),
    h(
      'div',
      { class: 'button-row lab-export' },
      h('button', { type: 'button', class: 'btn', id: 'lab-export-csv', 'data-testid': 'lab-export-csv', 'data-export': 'csv' }, tr(lang, 'lab.exportCsv')),
      h('button', { type: 'button', class: 'btn', id: 'lab-export-json', 'data-testid': 'lab-export-json', 'data-export': 'json' }, tr(lang, 'lab.exportJson')),
    ),
    h('h3', {}, tr(lang, 'lab.issuesHeading')),
    h('p', { class: 'help' }, tr(lang, 'lab.issuesHelp', { counts: arms.map((_, k) => `${labels[k]}: ${ratified[k]!.toLocaleString(lang)}`).join('; ') })),
    h('div', { class: 'lab-issues' }, issueBlocks),
    h('h3', {}, tr(lang, 'lab.timeHeading')),
    h('p', { class: 'help' }, tr(lang, 'lab.timeHelp', { counts: arms.map((_, k) => `${labels[k]}: ${signed[k]!.toLocaleString(lang)}`).join('; ') })),
    chartBox(lang, 'lab-chart-rounds', tr(lang, 'lab.timeHeading'), roundNames, roundSeries, charts),
    table(
      'lab-rounds-table',
      tr(lang, 'lab.timeCaption'),
      [tr(lang, 'lab.colRound'), ...labels],
      scenario.calendar.map((_, i) => [roundNames[i]!, ...arms.map((_, k) => (signed[k] ? percentText(lang, roundSeries[k]!.values[i]!) : '—'))]),
    ),
    h('h3', {}, tr(lang, 'lab.instrumentsHeading')),
    instrumentRows.length
      ? table('lab-instruments-table', tr(lang, 'lab.instrumentsCaption'), [tr(lang, 'lab.colInstrument'), ...labels], instrumentRows)
      : h('p', { 'data-testid': 'lab-instruments-none' }, tr(lang, 'lab.noRatified')),
  );
  return { section, charts };
}
