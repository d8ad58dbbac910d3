// A student's seat in a class, in words: who sits where at the table (tablemates, connected or not), which
// seats the AI plays, and what the student's role may do. Shown on the table screen and in the waiting
// room. Names are the students' own text: always set as text, never parsed as markup.
import type { Tablemate } from '../../content/classroom-schema';
import type { Side } from '../../engine';
import type { Locale } from '../../i18n/translate';
import type { Ui } from '../context';
import { h } from '../dom';
import { sideName, tr } from '../i18n';

/** "us.lead" -> side and role; "mx.adviser2" is the second adviser. */
export function parseClassSeat(seat: string): { side: Side; role: 'lead' | 'adviser'; n: number } | null {
  const m = /^(us|mx)\.(lead|adviser)(\d*)$/.exec(seat);
  if (!m) return null;
  return { side: m[1] as Side, role: m[2] as 'lead' | 'adviser', n: m[3] ? Number(m[3]) : 1 };
}

/** "Mexico, domestic adviser" */
export function seatText(lang: Locale, seat: string): string {
  const p = parseClassSeat(seat);
  if (!p) return seat;
  return tr(lang, 'classroom.seat', { side: sideName(lang, p.side), role: roleText(lang, p.role, p.n) });
}

export function roleText(lang: Locale, role: 'lead' | 'adviser', n = 1): string {
  if (role === 'lead') return tr(lang, 'classroom.roleLead');
  return n > 1 ? tr(lang, 'classroom.roleAdviserN', { n }) : tr(lang, 'classroom.roleAdviser');
}

/** Whether the AI plays a seat of the student's table now (a seat of its own, or standing in for an absent student). */
export function aiPlays(ui: Ui, seat: string): boolean {
  const c = ui.state.classroom;
  return c.aiSeats.includes(seat) && !c.tablemates.some((m) => m.seat === seat && m.connected);
}

/** Everyone at the student's table: the tablemates (with their connection) and the seats the AI plays. */
export function tableList(ui: Ui, testId: string): HTMLElement {
  const c = ui.state.classroom;
  const me = c.joined;
  const mates: Tablemate[] = c.tablemates.filter((m) => !me || m.seat !== me.seat);
  const ai = c.aiSeats.filter((s) => aiPlays(ui, s));
  const items = [
    ...mates.map((m) =>
      h(
        'li',
        { class: m.connected ? 'mate is-connected' : 'mate is-away' },
        h('span', { class: 'mate-name' }, m.name),
        ` — ${seatText(ui.lang, m.seat)} `,
        h('span', { class: 'mate-status' }, tr(ui.lang, m.connected ? 'classroom.connected' : 'classroom.away')),
      ),
    ),
    ...ai.map((s) => h('li', { class: 'mate is-ai' }, tr(ui.lang, 'classroom.aiSeat', { seat: seatText(ui.lang, s) }))),
  ];
  return items.length ? h('ul', { class: 'mates', 'data-testid': testId }, items) : h('p', { class: 'help', 'data-testid': testId }, ui.tr('classroom.aloneAtTable'));
}

/** The table screen's panel for a class: the seat, the role's moves, the tablemates and the AI's seats. */
export function classSeatPanel(ui: Ui): HTMLElement | null {
  const me = ui.state.classroom.joined;
  if (!me) return null;
  const ready = ui.state.classroom.readySides;
  return h(
    'section',
    { class: 'panel class-seat', 'aria-labelledby': 'class-seat-heading', 'data-testid': 'class-seat' },
    h('h2', { id: 'class-seat-heading' }, ui.tr('classroom.tableHeading', { n: me.tableNo })),
    h('p', {}, `${ui.tr('classroom.you')} `, h('strong', { class: 'mate-name' }, me.name), ` — ${seatText(ui.lang, me.seat)}`),
    h('p', { class: 'help', 'data-testid': 'role-help' }, ui.tr(me.role === 'lead' ? 'classroom.roleLeadHelp' : 'classroom.roleAdviserHelp')),
    tableList(ui, 'class-mates'),
    ready.length && ui.state.screen === 'briefing'
      ? h('p', { class: 'help' }, ui.tr('classroom.readySides', { sides: ready.map((s) => sideName(ui.lang, s)).join(', ') }))
      : null,
  );
}
