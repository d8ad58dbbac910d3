// The error screen: names the problem (a scenario that fails validation lists file, path and rule) and
// offers a way back. Never a blank page.
import type { Ui } from '../context';
import { h, screenHeading } from '../dom';
import { lookup } from '../../i18n/translate';

export function errorScreen(ui: Ui): HTMLElement {
  const failure = ui.state.failure ?? { title: 'unknown', details: [] };
  const known = lookup(ui.lang, `ui.error.${failure.title}`);
  const canGoBack = ui.state.catalogue.length > 0;
  return h(
    'section',
    { class: 'screen screen-error panel', 'aria-labelledby': 'error-heading', 'data-testid': 'error-screen' },
    screenHeading(1, ui.tr('error.heading'), 'error-heading'),
    h('p', { class: 'lead', role: 'alert' }, known ?? ui.tr('error.unknown', { title: failure.title })),
    failure.details.length
      ? h(
          'div',
          { class: 'error-details' },
          h('h2', {}, ui.tr('error.details')),
          h('ul', { 'data-testid': 'error-details' }, failure.details.map((d) => h('li', {}, h('code', {}, d)))),
        )
      : null,
    h(
      'div',
      { class: 'button-row' },
      canGoBack
        ? h('button', { type: 'button', class: 'btn btn-primary', id: 'error-title', onclick: () => ui.controller.backToTitle() }, ui.tr('error.toTitle'))
        : h('button', { type: 'button', class: 'btn btn-primary', id: 'error-reload', onclick: () => location.reload() }, ui.tr('error.reload')),
    ),
  );
}
