// The debrief: the outcome and scores, both sides' secret briefs side by side, the offers in utility
// space (a lazily loaded chart and the same data as a table), the shocks and what they changed, the
// vote, and what really happened, issue by issue, with its sources. A student of a class leaves the class
// from here; the replays and the lab come with the instructor's class debrief instead.
import { type Side, SIDES, type View } from '../../engine';
import type { Ui } from '../context';
import { h, screenHeading } from '../dom';
import { effectText } from '../effects-text';
import { reasonText } from '../events-text';
import { issueName, local, optionLabel, pct, points, sideName } from '../i18n';
import { drawChart } from '../debrief/chart';
import { forkNote, forkPanel } from '../debrief/fork-panel';
import { frontierPoints, offerPoints, referencePoints, type SpacePoint, sideOfOffer } from '../debrief/space';
import { constituencyTable, prioritiesTable, rulesList } from './briefing';
import { resultLine, voteTable } from './ratification';

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

function scoresTable(ui: Ui, view: View): HTMLElement {
  const o = view.outcome!;
  const sides = view.reveal!.sides;
  return h(
    'table',
    { class: 'data-table', 'data-testid': 'scores' },
    h('caption', {}, ui.tr('debrief.scoresHeading')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, ui.tr('debrief.colSide')),
        h('th', { scope: 'col' }, ui.tr('debrief.colScore')),
        h('th', { scope: 'col' }, ui.tr('debrief.colUtility')),
        h('th', { scope: 'col' }, ui.tr('debrief.colReservation')),
        h('th', { scope: 'col' }, ui.tr('debrief.colRatified')),
      ),
    ),
    h(
      'tbody',
      {},
      SIDES.map((s) =>
        h(
          'tr',
          { class: s === view.side ? 'is-mine' : '' },
          h('th', { scope: 'row' }, sideName(ui.lang, s), s === view.side ? ` (${ui.tr('common.you')})` : ''),
          h('td', { class: 'num' }, `${o.scores[s]} / 100`),
          h('td', { class: 'num' }, o.utility ? String(points(o.utility[s])) : '—'),
          h('td', { class: 'num' }, String(points(sides[s].reservation))),
          h('td', {}, o.agreement ? ui.tr(o.ratified[s] ? 'common.yes' : 'common.no') : '—'),
        ),
      ),
    ),
  );
}

function briefColumn(ui: Ui, view: View, side: Side): HTMLElement {
  const brief = view.reveal!.briefs[side];
  const model = view.reveal!.sides[side];
  return h(
    'section',
    { class: 'panel brief-column', 'aria-labelledby': `brief-${side}`, 'data-testid': `brief-${side}` },
    h('h3', { id: `brief-${side}` }, `${sideName(ui.lang, side)}${side === view.side ? ` (${ui.tr('common.you')})` : ''}`),
    h('p', { class: 'lead' }, local(ui.lang, brief.leader)),
    h('p', {}, local(ui.lang, brief.brief)),
    h('p', {}, ui.tr('debrief.reservation', { value: points(model.reservation), label: local(ui.lang, brief.reservationLabel) })),
    prioritiesTable(ui.lang, view, model, ui.tr('debrief.weights')),
    constituencyTable(ui.lang, model, brief.constituencies),
    rulesList(ui.lang, model, brief.constituencies),
  );
}

function pointName(ui: Ui, p: SpacePoint): string {
  const side = sideOfOffer(p.kind);
  if (side) return ui.tr('debrief.offerBy', { side: sideName(ui.lang, side) });
  if (p.kind === 'nash') return ui.tr('debrief.nash');
  if (p.kind === 'outcome') return ui.tr('debrief.outcomePoint');
  return ui.tr('debrief.reservationPoint');
}

function spaceSection(ui: Ui, view: View): HTMLElement {
  const analysis = ui.state.analysis;
  if (!analysis) return h('section', {});
  const offers = offerPoints(view, ui.state.events);
  const refs = referencePoints(view, analysis);
  const frontier = frontierPoints(analysis);
  const canvas = h('canvas', { id: 'space-chart', role: 'img', 'aria-label': ui.tr('debrief.chartLabel') });
  const status = h('p', { class: 'help chart-status' }, ui.tr('debrief.chartLoading'));
  queueMicrotask(() => drawChart(canvas, status, ui.lang, frontier, [...offers, ...refs]));
  const row = (p: SpacePoint) =>
    h('tr', {}, h('th', { scope: 'row' }, pointName(ui, p)), h('td', { class: 'num' }, p.round ?? '—'), h('td', { class: 'num' }, fmt(p.us)), h('td', { class: 'num' }, fmt(p.mx)));
  const head = (first: string) =>
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, first),
        h('th', { scope: 'col' }, ui.tr('debrief.colRound')),
        h('th', { scope: 'col' }, sideName(ui.lang, 'us')),
        h('th', { scope: 'col' }, sideName(ui.lang, 'mx')),
      ),
    );
  return h(
    'section',
    { class: 'panel space', 'aria-labelledby': 'space-heading' },
    h('h2', { id: 'space-heading' }, ui.tr('debrief.spaceHeading')),
    h('p', { class: 'help' }, ui.tr('debrief.spaceHelp')),
    h('div', { class: 'chart-box' }, canvas),
    status,
    h('p', {}, ui.tr('debrief.distance', { d: fmt(analysis.distanceToFrontier * 100) }), ' ', ui.tr('debrief.jointGain', { g: fmt(analysis.jointGain * 100) })),
    analysis.nash ? null : h('p', {}, ui.tr('debrief.noNash')),
    h(
      'table',
      { class: 'data-table', 'data-testid': 'space-table' },
      h('caption', {}, ui.tr('debrief.tableCaption')),
      head(ui.tr('debrief.colPoint')),
      h('tbody', {}, [...refs, ...offers].map(row)),
    ),
    h(
      'details',
      {},
      h('summary', {}, ui.tr('debrief.frontierPoints', { n: frontier.length })),
      h(
        'table',
        { class: 'data-table' },
        h('caption', { class: 'visually-hidden' }, ui.tr('debrief.frontier')),
        head(ui.tr('debrief.colPoint')),
        h('tbody', {}, frontier.map((p, k) => h('tr', {}, h('th', { scope: 'row' }, `${ui.tr('debrief.frontier')} ${k + 1}`), h('td', {}, '—'), h('td', { class: 'num' }, fmt(p.us)), h('td', { class: 'num' }, fmt(p.mx))))),
      ),
    ),
  );
}

function shocksSection(ui: Ui, view: View): HTMLElement {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'shocks-heading' },
    h('h2', { id: 'shocks-heading' }, ui.tr('debrief.shocksHeading')),
    view.fired.length
      ? h(
          'ul',
          { class: 'shock-list' },
          view.fired.map((s) =>
            h(
              'li',
              {},
              h('strong', {}, `${ui.tr('debrief.shockRound', { n: s.round + 1 })}: ${local(ui.lang, s.title)}`),
              h('p', {}, local(ui.lang, s.narrative)),
              s.effects.length ? h('ul', {}, s.effects.map((e) => h('li', {}, effectText(ui.lang, e, view)))) : null,
            ),
          ),
        )
      : h('p', {}, ui.tr('debrief.noShocks')),
  );
}

function voteSection(ui: Ui, view: View): HTMLElement {
  const rat = view.outcome?.ratification;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'vote-heading' },
    h('h2', { id: 'vote-heading' }, ui.tr('debrief.voteHeading')),
    rat
      ? h(
          'div',
          { class: 'two-columns' },
          SIDES.map((s) =>
            h('div', {}, voteTable(ui.lang, view, s, rat[s], `${sideName(ui.lang, s)}: ${resultLine(ui.lang, rat[s])}`)),
          ),
        )
      : h('p', {}, ui.tr('debrief.noVote')),
  );
}

function citeText(ui: Ui, view: View, cite: string): string {
  const [file, line] = cite.split(':');
  const src = view.scenario.sources.find((s) => s.file === file);
  if (!src) return cite;
  return `${src.author} (${src.year}), ${ui.tr('debrief.line', { line: line ?? '' })}`;
}

function historySection(ui: Ui, view: View): HTMLElement {
  const analysis = ui.state.analysis;
  const history = view.reveal!.history;
  const cmp = analysis?.history;
  const ratified = !!view.outcome?.agreement && !!view.outcome.ratified.us && !!view.outcome.ratified.mx;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'history-heading' },
    h('h2', { id: 'history-heading' }, ui.tr('debrief.historyHeading')),
    h('p', {}, local(ui.lang, history.summary)),
    cmp
      ? h(
          'p',
          {},
          ui.tr(cmp.sameAgreement ? 'debrief.sameAgreement' : 'debrief.differentAgreement', { verb: ui.tr(ratified ? 'debrief.verbDeal' : 'debrief.verbNoDeal') }),
          ' ',
          ui.tr('debrief.mean', { pct: pct(cmp.mean) }),
        )
      : null,
    cmp
      ? h(
          'table',
          { class: 'data-table', 'data-testid': 'history-table' },
          h('caption', { class: 'visually-hidden' }, ui.tr('debrief.historyHeading')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, ui.tr('debrief.colIssue')),
              h('th', { scope: 'col' }, ui.tr('debrief.colYours')),
              h('th', { scope: 'col' }, ui.tr('debrief.colHistory')),
              h('th', { scope: 'col' }, ui.tr('debrief.colDistance')),
              h('th', { scope: 'col' }, ui.tr('debrief.colSources')),
            ),
          ),
          h(
            'tbody',
            {},
            cmp.issues.map((r) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, issueName(view, ui.lang, r.issue)),
                h('td', {}, optionLabel(view, ui.lang, r.issue, r.agreed)),
                h('td', {}, optionLabel(view, ui.lang, r.issue, r.historical)),
                h('td', { class: 'num' }, ui.tr('common.percent', { n: pct(r.distance) })),
                h('td', { class: 'cites' }, h('ul', {}, r.cite.map((c) => h('li', {}, h('cite', { title: c }, citeText(ui, view, c)))))),
              ),
            ),
          ),
        )
      : null,
  );
}

export function debriefScreen(ui: Ui): HTMLElement {
  const view = ui.state.view!;
  const outcome = view.outcome!;
  // A student of a class: the table's game is the server's; it can be exported only when the controller
  // hands it over as a save. Replays and the lab come with the instructor's class debrief.
  const inClass = ui.state.classroom.joined !== null;
  const canExport = !inClass || ui.controller.currentSave() !== null;
  return h(
    'section',
    { class: 'screen screen-debrief', 'aria-labelledby': 'debrief-heading' },
    h(
      'div',
      { class: 'panel' },
      screenHeading(1, ui.tr('debrief.heading', { scenario: local(ui.lang, view.scenario.title) }), 'debrief-heading'),
      h('h2', {}, ui.tr('debrief.outcomeHeading')),
      h('p', { class: 'big-figure', 'data-testid': 'outcome' }, reasonText(ui.lang, outcome.reason, outcome.walkedAwayBy)),
      forkNote(ui, view),
      h('p', { class: 'help' }, ui.tr('debrief.scoresHelp')),
      scoresTable(ui, view),
    ),
    h(
      'section',
      { class: 'briefs', 'aria-labelledby': 'briefs-heading' },
      h('h2', { id: 'briefs-heading', class: 'panel panel-slim' }, ui.tr('debrief.briefsHeading')),
      h('div', { class: 'two-columns' }, briefColumn(ui, view, 'us'), briefColumn(ui, view, 'mx')),
    ),
    spaceSection(ui, view),
    shocksSection(ui, view),
    voteSection(ui, view),
    historySection(ui, view),
    inClass ? null : forkPanel(ui, view),
    h(
      'div',
      { class: 'panel button-row' },
      canExport
        ? [
            h('button', { type: 'button', class: 'btn', id: 'export-save', 'data-testid': 'export-save', 'aria-describedby': 'export-help', onclick: () => ui.exportSave() }, ui.tr('debrief.export')),
            h('p', { class: 'help', id: 'export-help' }, ui.tr('debrief.exportHelp')),
          ]
        : null,
      inClass
        ? [
            h('p', { class: 'help', 'data-testid': 'class-debrief-note' }, ui.tr('classroom.screens.debriefClassNote')),
            h(
              'button',
              { type: 'button', class: 'btn btn-primary', id: 'leave-class', 'data-testid': 'leave-class', 'aria-describedby': 'leave-help', onclick: () => ui.controller.leaveClass() },
              ui.tr('classroom.leave'),
            ),
            h('p', { class: 'help', id: 'leave-help' }, ui.tr('classroom.screens.leaveHelp')),
          ]
        : [
            h('button', { type: 'button', class: 'btn', id: 'what-if', 'data-testid': 'what-if', 'aria-describedby': 'what-if-help', onclick: () => ui.controller.openLab(true) }, ui.tr('lab.whatIf')),
            h('p', { class: 'help', id: 'what-if-help' }, ui.tr('lab.whatIfHelp')),
            h('button', { type: 'button', class: 'btn btn-primary', id: 'to-title', 'data-testid': 'to-title', onclick: () => ui.controller.backToTitle() }, ui.tr('debrief.toTitle')),
          ],
    ),
  );
}
