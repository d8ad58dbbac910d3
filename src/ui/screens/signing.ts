// Signing: every issue is in the ledger, the package is signed; next, each side's ratification vote.
import type { Ui } from '../context';
import { h, screenHeading } from '../dom';
import { cardName, listText, local, optionLabel } from '../i18n';
import { goOnControls } from './go-on';

export function signingScreen(ui: Ui): HTMLElement {
  const view = ui.state.view!;
  const pkg = view.outcome?.package ?? view.ledger;
  const cards = view.outcome?.cards ?? [...view.ledgerCards];
  return h(
    'section',
    { class: `screen screen-signing panel signing-${view.scenario.era}`, 'aria-labelledby': 'signing-heading' },
    screenHeading(1, ui.tr('signing.heading'), 'signing-heading'),
    h('p', { class: 'lead' }, ui.tr('signing.text')),
    h('h2', {}, ui.tr('signing.packageHeading')),
    h(
      'dl',
      { class: 'package-list', 'data-testid': 'signed-package' },
      view.scenario.issues.map((i) => [h('dt', {}, local(ui.lang, i.name)), h('dd', {}, pkg[i.id] ? optionLabel(view, ui.lang, i.id, pkg[i.id]!) : '—')]),
    ),
    cards.length ? h('p', {}, ui.tr('signing.cards', { cards: listText(ui.lang, cards.map((c) => cardName(view, ui.lang, c))) })) : null,
    h(
      'div',
      { class: 'button-row' },
      goOnControls(ui, h('button', { type: 'button', class: 'btn btn-primary', id: 'continue', 'data-testid': 'continue', onclick: () => ui.controller.ack() }, ui.tr('signing.continue'))),
    ),
  );
}
