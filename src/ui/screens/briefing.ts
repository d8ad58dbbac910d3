// The briefing: the player's own secret brief — priorities with weights and option values, the
// reservation value, constituencies, how the side ratifies, capital and trust, the calendar with what is
// announced, and who sits across the table. At a class's table it also shows the student's seat and role,
// and who (tablemates or the AI) plays the other delegation.
import { difficultyLevels, findPersona } from '../../ai/persona-registry';
import type { Joined } from '../../content/classroom-schema';
import type { Side, SideView, View } from '../../engine';
import type { Locale } from '../../i18n/translate';
import type { Ui } from '../context';
import { h, meter, screenHeading } from '../dom';
import { formatDate, instrumentName, listText, local, pct, points, sideName, tr } from '../i18n';
import { aiPlays, parseClassSeat, roleText, seatText } from '../table/class-seat';
import { goOnControls } from './go-on';

/** The priorities table: one row per issue, weight and the worth of each option (0–100). */
export function prioritiesTable(lang: Locale, view: View, own: SideView, caption: string, hideCaption = false): HTMLElement {
  return h(
    'table',
    { class: 'data-table priorities' },
    h('caption', hideCaption ? { class: 'visually-hidden' } : {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, tr(lang, 'briefing.colIssue')), h('th', { scope: 'col' }, tr(lang, 'briefing.colWeight')), h('th', { scope: 'col' }, tr(lang, 'briefing.colOptions')))),
    h(
      'tbody',
      {},
      view.scenario.issues.map((issue, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, local(lang, issue.name)),
          h('td', { class: 'num' }, tr(lang, 'common.percent', { n: pct(own.weights[i] ?? 0) })),
          h(
            'td',
            {},
            h(
              'ol',
              { class: 'option-values', start: 0 },
              issue.options.map((o, k) => h('li', {}, tr(lang, 'briefing.optionValue', { option: local(lang, o.label), value: points(own.values[i]?.[k] ?? 0) }))),
            ),
          ),
        ),
      ),
    ),
  );
}

export function constituencyTable(lang: Locale, own: SideView, names: { id: string; name: { en: string; es: string }; description: { en: string; es: string } }[]): HTMLElement {
  return h(
    'table',
    { class: 'data-table constituencies' },
    h('caption', { class: 'visually-hidden' }, tr(lang, 'briefing.constituenciesHeading')),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, tr(lang, 'briefing.colConstituency')), h('th', { scope: 'col' }, tr(lang, 'briefing.colSupport')), h('th', { scope: 'col' }, tr(lang, 'briefing.colWeightVote'))),
    ),
    h(
      'tbody',
      {},
      own.constituencies.map((c, k) => {
        const info = names[k];
        const name = info ? local(lang, info.name) : c.id;
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('span', { class: 'c-name' }, name), info ? h('span', { class: 'c-desc' }, local(lang, info.description)) : null),
          h('td', { class: 'num' }, meter(c.support, tr(lang, 'live.approval', { name, pct: pct(c.support) })), ` ${tr(lang, 'common.percent', { n: pct(c.support) })}`),
          h('td', { class: 'num' }, String(c.ratificationWeight)),
        );
      }),
    ),
  );
}

export function rulesList(lang: Locale, own: SideView, names: { name: { en: string; es: string } }[]): HTMLElement {
  return h(
    'ul',
    { class: 'rules' },
    (['executive', 'legislation', 'treaty'] as const).map((inst) =>
      h(
        'li',
        {},
        tr(lang, 'briefing.rule', {
          instrument: instrumentName(lang, inst),
          threshold: pct(own.thresholds[inst]),
          voters: listText(
            lang,
            own.voters[inst].map((k) => local(lang, names[k]?.name) || own.constituencies[k]?.id || ''),
          ),
        }),
      ),
    ),
  );
}

/** One delegation's seats at the student's table (the student's own left out), lead first, as list items. */
function delegationItems(ui: Ui, me: Joined, side: Side): HTMLElement[] {
  const c = ui.state.classroom;
  const rank = (seat: string) => {
    const p = parseClassSeat(seat);
    return p ? (p.role === 'lead' ? 0 : p.n) : 99;
  };
  const role = (seat: string) => {
    const p = parseClassSeat(seat);
    return p ? roleText(ui.lang, p.role, p.n) : seat;
  };
  const ofSide = (seat: string) => parseClassSeat(seat)?.side === side && seat !== me.seat;
  const mates = c.tablemates.filter((m) => ofSide(m.seat));
  const ai = c.aiSeats.filter((s) => ofSide(s) && !mates.some((m) => m.seat === s));
  const rows: { seat: string; el: HTMLElement }[] = [
    ...mates.map((m) => ({
      seat: m.seat,
      el: h(
        'li',
        { class: m.connected ? 'mate is-connected' : 'mate is-away' },
        h('span', { class: 'mate-name' }, m.name),
        ` — ${role(m.seat)}`,
        m.connected ? null : ` (${ui.tr('classroom.away')}${aiPlays(ui, m.seat) ? `; ${ui.tr('classroom.aiStandsIn')}` : ''})`,
      ),
    })),
    ...ai.map((s) => ({ seat: s, el: h('li', { class: 'mate is-ai' }, ui.tr('classroom.aiSeat', { seat: role(s) })) })),
  ];
  return rows.sort((a, b) => rank(a.seat) - rank(b.seat)).map((r) => r.el);
}

/** "Across the table" at a class's table: the other delegation's students by name and role, or the AI. */
function classAcross(ui: Ui, me: Joined): HTMLElement[] {
  const other: Side = me.side === 'us' ? 'mx' : 'us';
  const side = sideName(ui.lang, other);
  const c = ui.state.classroom;
  const students = c.tablemates.some((m) => parseClassSeat(m.seat)?.side === other);
  const items = delegationItems(ui, me, other);
  if (!students) return [h('p', { 'data-testid': 'across' }, ui.tr(items.length ? 'classroom.screens.acrossAi' : 'classroom.screens.acrossNobody', { side }))];
  return [h('p', {}, ui.tr('classroom.screens.acrossIntro', { side })), h('ul', { class: 'mates', 'data-testid': 'across' }, items)];
}

/** The student's seat at a class's table: name, side and role, what the role may do, and the rest of the delegation. */
function classSeatSection(ui: Ui, me: Joined): HTMLElement {
  const mates = delegationItems(ui, me, me.side);
  const p = parseClassSeat(me.seat);
  return h(
    'section',
    { class: 'panel class-seat', 'aria-labelledby': 'brief-seat', 'data-testid': 'brief-seat' },
    h('h2', { id: 'brief-seat' }, ui.tr('classroom.screens.seatHeading', { n: me.tableNo })),
    h('p', {}, `${ui.tr('classroom.you')} `, h('strong', { class: 'mate-name' }, me.name), ` — ${seatText(ui.lang, me.seat)}`),
    h('p', { class: 'lead', 'data-testid': 'brief-role' }, ui.tr('classroom.screens.yourRole', { role: roleText(ui.lang, me.role, p?.n ?? 1) })),
    h('p', { class: 'help', 'data-testid': 'brief-role-help' }, ui.tr(me.role === 'lead' ? 'classroom.roleLeadHelp' : 'classroom.roleAdviserHelp')),
    mates.length
      ? [h('p', {}, ui.tr('classroom.screens.withYou')), h('ul', { class: 'mates', 'data-testid': 'brief-delegation' }, mates)]
      : h('p', { class: 'help', 'data-testid': 'brief-delegation' }, ui.tr('classroom.screens.aloneInDelegation')),
  );
}

export function briefingScreen(ui: Ui): HTMLElement {
  const view = ui.state.view!;
  const own = view.own!;
  const brief = view.brief!;
  const lang = ui.lang;
  const side = view.side!;
  const opp = ui.state.opponent;
  const persona = opp ? findPersona(opp.persona) : undefined;
  const level = opp ? difficultyLevels()[opp.difficulty as 'normal'] : undefined;
  const foreseen = new Map(view.foreseen.map((f) => [f.round, f]));
  const me = ui.state.classroom.joined;
  return h(
    'section',
    { class: 'screen screen-briefing', 'aria-labelledby': 'briefing-heading' },
    h(
      'div',
      { class: 'panel briefing-intro' },
      screenHeading(1, ui.tr('briefing.heading', { side: sideName(lang, side) }), 'briefing-heading'),
      h('p', { class: 'secret-note' }, ui.tr('briefing.secret')),
      h('p', { class: 'lead' }, ui.tr('briefing.leader', { leader: local(lang, brief.leader) })),
      h('p', { class: 'brief-text' }, local(lang, brief.brief)),
    ),
    h(
      'div',
      { class: 'briefing-grid' },
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'brief-priorities' },
        h('h2', { id: 'brief-priorities' }, ui.tr('briefing.prioritiesHeading')),
        h('p', { class: 'help' }, ui.tr('briefing.prioritiesHelp')),
        prioritiesTable(lang, view, own, ui.tr('briefing.prioritiesHeading'), true),
      ),
      h(
        'div',
        { class: 'briefing-side' },
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'brief-reservation' },
          h('h2', { id: 'brief-reservation' }, ui.tr('briefing.reservationHeading')),
          h('p', { class: 'lead', 'data-testid': 'reservation' }, ui.tr('briefing.reservation', { value: points(own.reservation), label: local(lang, brief.reservationLabel) })),
          h('p', { class: 'help' }, ui.tr('briefing.reservationHelp')),
          h('p', {}, ui.tr('briefing.discount', { pct: pct(own.discount) })),
          h('p', {}, ui.tr('briefing.capital', { capital: own.capital, perRound: own.capitalPerRound })),
          h('p', {}, ui.tr('briefing.trust', { pct: pct(own.trust) })),
        ),
        me ? classSeatSection(ui, me) : null,
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'brief-opponent' },
          h('h2', { id: 'brief-opponent' }, ui.tr('briefing.opponentHeading')),
          me
            ? classAcross(ui, me)
            : [
                h(
                  'p',
                  {},
                  ui.tr('briefing.opponent', {
                    side: sideName(lang, side === 'us' ? 'mx' : 'us'),
                    persona: persona ? local(lang, persona.name) : (opp?.persona ?? ''),
                    difficulty: level ? local(lang, level.name) : (opp?.difficulty ?? ''),
                  }),
                ),
                persona ? h('p', { class: 'help' }, local(lang, persona.description)) : null,
              ],
        ),
      ),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'brief-constituencies' },
        h('h2', { id: 'brief-constituencies' }, ui.tr('briefing.constituenciesHeading')),
        h('p', { class: 'help' }, ui.tr('briefing.constituenciesHelp')),
        constituencyTable(lang, own, brief.constituencies),
      ),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'brief-rules' },
        h('h2', { id: 'brief-rules' }, ui.tr('briefing.rulesHeading')),
        rulesList(lang, own, brief.constituencies),
        h('p', { class: 'help' }, ui.tr('briefing.rulesHelp')),
        h('h2', { id: 'brief-calendar' }, ui.tr('briefing.calendarHeading')),
        h(
          'ol',
          { class: 'calendar-list' },
          view.scenario.calendar.map((r, k) =>
            h(
              'li',
              { class: k === view.deadline ? 'is-deadline' : '' },
              h('span', { class: 'cal-date' }, formatDate(lang, r.date)),
              ' ',
              local(lang, r.label),
              foreseen.has(k) ? h('strong', { class: 'announced' }, ` — ${ui.tr('briefing.announced', { title: local(lang, foreseen.get(k)!.title) })}`) : null,
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'button-row sticky-actions' },
      goOnControls(ui, h('button', { type: 'button', class: 'btn btn-primary', id: 'ready', 'data-testid': 'ready', onclick: () => ui.controller.ready() }, ui.tr('briefing.start'))),
    ),
  );
}
