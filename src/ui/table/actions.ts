// The move bar: propose, or answer an offer (accept all, accept the ticked issues, counter, reject), and
// walk away (after a confirmation). Domestic moves and reneging are in domestic.ts.
import type { View } from '../../engine';
import type { TableMemory, Ui } from '../context';
import { h } from '../dom';
import type { Moves } from './moves';

export function moveBar(ui: Ui, view: View, memory: TableMemory, moves: Moves): HTMLElement {
  const c = ui.controller;
  const seat = view.seat;
  const draft = () => ({ ...memory.draft });
  const cards = () => (memory.cards.length ? [...memory.cards] : undefined);
  const button = (id: string, text: string, onclick: () => void, primary = false, extra: Record<string, string> = {}) =>
    h('button', { type: 'button', class: `btn${primary ? ' btn-primary' : ''}`, id, 'data-testid': id, onclick, ...extra }, text);

  const confirmWalk =
    memory.confirm?.kind === 'walk'
      ? h(
          'div',
          { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'walk-confirm-text', 'aria-modal': 'false' },
          h('p', { id: 'walk-confirm-text' }, ui.tr('actions.walkConfirm')),
          h(
            'div',
            { class: 'button-row' },
            button('walk-yes', ui.tr('actions.walkYes'), () => {
              memory.confirm = null;
              c.act({ type: 'walkAway', seat });
            }, false, { class: 'btn btn-danger' }),
            button('walk-no', ui.tr('actions.walkNo'), () => {
              memory.confirm = null;
              ui.rerender();
              document.getElementById('walk-away')?.focus();
            }, true),
          ),
        )
      : null;

  const main: HTMLElement[] = [];
  if (moves.propose) {
    main.push(
      button('propose', ui.tr('actions.propose'), () => {
        const cs = cards();
        c.act({ type: 'propose', seat, package: draft(), ...(cs ? { cards: cs } : {}) });
      }, true),
    );
  }
  if (moves.respond) {
    main.push(
      button('accept-all', ui.tr('actions.acceptAll'), () => c.act({ type: 'accept', seat }), true),
      button('accept-selected', ui.tr('actions.acceptSelected'), () => c.act({ type: 'accept', seat, issues: [...memory.bank] }), false, {
        'aria-describedby': 'accept-selected-help',
        ...(memory.bank.length === 0 ? { disabled: '' } : {}),
      }),
    );
    if (moves.counter)
      main.push(
        button('counter', ui.tr('actions.counter'), () => {
          const cs = cards();
          c.act({ type: 'counter', seat, package: draft(), ...(cs ? { cards: cs } : {}) });
        }),
      );
    main.push(button('reject', ui.tr('actions.reject'), () => c.act({ type: 'reject', seat })));
  }
  const walk = moves.walkAway
    ? button('walk-away', ui.tr('actions.walkAway'), () => {
        memory.confirm = { kind: 'walk' };
        ui.rerender();
        document.getElementById('walk-no')?.focus();
      }, false, { class: 'btn btn-danger-quiet walk-away', 'aria-expanded': memory.confirm?.kind === 'walk' ? 'true' : 'false' })
    : null;
  return h(
    'section',
    { class: 'panel move-bar', 'aria-labelledby': 'moves-heading' },
    h('h2', { id: 'moves-heading', class: 'visually-hidden' }, ui.tr('actions.heading')),
    h('div', { class: 'button-row' }, main, moves.respond ? h('span', { class: 'help counters-left' }, ui.tr('table.countersLeft', { n: moves.countersLeft })) : null, walk),
    confirmWalk,
  );
}
