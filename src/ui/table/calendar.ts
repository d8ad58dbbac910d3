// The calendar strip: every dated round, the current one marked, the deadline, announced events and
// the shocks that have already hit.
import type { View } from '../../engine';
import type { Ui } from '../context';
import { h } from '../dom';
import { formatDate, local } from '../i18n';

export function calendarStrip(ui: Ui, view: View): HTMLElement {
  const foreseen = new Map(view.foreseen.map((f) => [f.round, f]));
  const fired = new Map<number, string[]>();
  for (const f of view.fired) fired.set(f.round, [...(fired.get(f.round) ?? []), local(ui.lang, f.title)]);
  return h(
    'nav',
    { class: 'calendar-strip', 'aria-label': ui.tr('table.calendar') },
    h(
      'ol',
      {},
      view.scenario.calendar.map((r, k) => {
        const state = k < view.round ? 'is-past' : k === view.round ? 'is-current' : 'is-future';
        const notes: string[] = [];
        if (k === view.round) notes.push(ui.tr('table.calendarCurrent'));
        if (k === view.deadline) notes.push(ui.tr('table.calendarDeadline'));
        const news = fired.get(k);
        const ahead = foreseen.get(k);
        return h(
          'li',
          {
            class: `cal ${state}${k === view.deadline ? ' is-deadline' : ''}${k > view.deadline ? ' is-beyond' : ''}`,
            'aria-current': k === view.round ? 'step' : null,
            title: local(ui.lang, r.label),
          },
          h('span', { class: 'cal-dot', 'aria-hidden': 'true' }, k === view.round ? '◉' : k < view.round ? '●' : '○'),
          h('span', { class: 'cal-date' }, formatDate(ui.lang, r.date)),
          notes.length ? h('span', { class: 'cal-note' }, notes.join(' · ')) : null,
          news ? h('span', { class: 'cal-news' }, news.join('; ')) : null,
          ahead ? h('span', { class: 'cal-ahead' }, ui.tr('briefing.announced', { title: local(ui.lang, ahead.title) })) : null,
        );
      }),
    ),
  );
}
