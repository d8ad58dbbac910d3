// Domestic politics (level II): lobby a constituency with political capital, make a public statement,
// finish for the round; and reneging on a ledger item (with a confirmation), possible in one's own
// proposal turn or at home.
import type { View } from '../../engine';
import type { TableMemory, Ui } from '../context';
import { h } from '../dom';
import { issueName, local, optionLabel } from '../i18n';
import type { Moves } from './moves';

export function domesticPanel(ui: Ui, view: View, memory: TableMemory, moves: Moves): HTMLElement | null {
  if (!moves.domestic) return null;
  const c = ui.controller;
  const seat = view.seat;
  const own = view.own!;
  const names = view.brief?.constituencies ?? [];
  const rules = view.scenario.rules;
  const lobby = memory.lobby;
  const constituency = lobby.constituency ?? own.constituencies[0]?.id ?? '';
  const amount = Math.max(1, Math.min(lobby.amount, Math.max(1, own.capital)));
  const committed = view.commitments[moves.side];
  const stateable = view.scenario.issues.filter((i) => view.ledger[i.id] === undefined && committed[i.id] === undefined);
  const st = memory.statement;
  const stIssue = stateable.find((i) => i.id === st.issue) ?? stateable[0];
  const stOption = stIssue ? (stIssue.options.find((o) => o.id === st.option) ?? stIssue.options[stIssue.options.length - 1]!) : undefined;

  return h(
    'section',
    { class: 'panel domestic', 'aria-labelledby': 'domestic-heading', 'data-testid': 'domestic-panel' },
    h('h2', { id: 'domestic-heading' }, ui.tr('domestic.heading')),
    h('p', { class: 'help' }, ui.tr('domestic.help')),
    own.capital === 0 ? h('p', { class: 'help' }, ui.tr('domestic.noCapital')) : null,
    h(
      'div',
      { class: 'domestic-forms' },
      h(
        'fieldset',
        { class: 'mini-form', disabled: !moves.lobby },
        h('legend', {}, ui.tr('domestic.lobbyLegend')),
        h('label', { for: 'lobby-constituency' }, ui.tr('domestic.constituency')),
        h(
          'select',
          {
            id: 'lobby-constituency',
            'data-testid': 'lobby-constituency',
            onchange: (ev: Event) => {
              lobby.constituency = (ev.target as HTMLSelectElement).value;
            },
          },
          own.constituencies.map((x, k) => h('option', { value: x.id, selected: x.id === constituency }, local(ui.lang, names[k]?.name) || x.id)),
        ),
        h('label', { for: 'lobby-amount' }, ui.tr('domestic.amount')),
        h('input', {
          type: 'number',
          id: 'lobby-amount',
          'data-testid': 'lobby-amount',
          min: 1,
          max: Math.max(1, own.capital),
          step: 1,
          value: amount,
          inputmode: 'numeric',
          onchange: (ev: Event) => {
            lobby.amount = Number((ev.target as HTMLInputElement).value);
          },
        }),
        h(
          'button',
          {
            type: 'button',
            class: 'btn',
            id: 'lobby',
            'data-testid': 'lobby',
            onclick: () => {
              const who = (document.getElementById('lobby-constituency') as HTMLSelectElement | null)?.value ?? constituency;
              const pts = Number((document.getElementById('lobby-amount') as HTMLInputElement | null)?.value ?? amount);
              lobby.constituency = who;
              lobby.amount = pts;
              c.act({ type: 'lobby', seat, constituency: who, amount: pts });
            },
          },
          ui.tr('domestic.lobby'),
        ),
      ),
      stIssue && stOption
        ? h(
            'fieldset',
            { class: 'mini-form', disabled: !moves.statement },
            h('legend', {}, ui.tr('domestic.statementLegend')),
            h('label', { for: 'statement-issue' }, ui.tr('domestic.issue')),
            h(
              'select',
              {
                id: 'statement-issue',
                'data-testid': 'statement-issue',
                onchange: (ev: Event) => {
                  st.issue = (ev.target as HTMLSelectElement).value;
                  st.option = null;
                  ui.rerender();
                },
              },
              stateable.map((i) => h('option', { value: i.id, selected: i.id === stIssue.id }, local(ui.lang, i.name))),
            ),
            h('label', { for: 'statement-option' }, ui.tr('domestic.option')),
            h(
              'select',
              {
                id: 'statement-option',
                'data-testid': 'statement-option',
                onchange: (ev: Event) => {
                  st.option = (ev.target as HTMLSelectElement).value;
                },
              },
              stIssue.options.map((o) => h('option', { value: o.id, selected: o.id === stOption.id }, optionLabel(view, ui.lang, stIssue.id, o.id))),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'btn',
                id: 'statement',
                'data-testid': 'statement',
                onclick: () => {
                  const option = (document.getElementById('statement-option') as HTMLSelectElement | null)?.value ?? stOption.id;
                  c.act({ type: 'statement', seat, issue: stIssue.id, option });
                },
              },
              ui.tr('domestic.statement', { cost: rules.statementCost }),
            ),
          )
        : null,
    ),
    h(
      'div',
      { class: 'button-row' },
      h(
        'button',
        { type: 'button', class: 'btn btn-primary', id: 'pass', 'data-testid': 'pass', 'aria-describedby': 'pass-help', onclick: () => c.act({ type: 'pass', seat }) },
        ui.tr('domestic.pass'),
      ),
      h('p', { class: 'help', id: 'pass-help' }, ui.tr('domestic.passHelp')),
    ),
  );
}

export function renegePanel(ui: Ui, view: View, memory: TableMemory, moves: Moves): HTMLElement | null {
  if (!moves.renege) return null;
  const agreed = view.scenario.issues.filter((i) => view.ledger[i.id] !== undefined);
  const chosen = agreed.find((i) => i.id === memory.renegeIssue) ?? agreed[0]!;
  const confirming = memory.confirm?.kind === 'renege' ? memory.confirm.issue : null;
  return h(
    'details',
    { class: 'panel renege', open: confirming !== null },
    h('summary', {}, ui.tr('actions.renegeHeading')),
    h('p', { class: 'help', id: 'renege-help' }, ui.tr('actions.renegeHelp')),
    h(
      'div',
      { class: 'mini-form' },
      h('label', { for: 'renege-issue' }, ui.tr('actions.renegeIssue')),
      h(
        'select',
        {
          id: 'renege-issue',
          'data-testid': 'renege-issue',
          onchange: (ev: Event) => {
            memory.renegeIssue = (ev.target as HTMLSelectElement).value;
          },
        },
        agreed.map((i) => h('option', { value: i.id, selected: i.id === chosen.id }, local(ui.lang, i.name))),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-danger-quiet',
          id: 'renege',
          'data-testid': 'renege',
          'aria-describedby': 'renege-help',
          onclick: () => {
            const issue = (document.getElementById('renege-issue') as HTMLSelectElement | null)?.value ?? chosen.id;
            memory.renegeIssue = issue;
            memory.confirm = { kind: 'renege', issue };
            ui.rerender();
            document.getElementById('renege-no')?.focus();
          },
        },
        ui.tr('actions.renege'),
      ),
    ),
    confirming
      ? h(
          'div',
          { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'renege-confirm-text', 'aria-modal': 'false' },
          h('p', { id: 'renege-confirm-text' }, ui.tr('actions.renegeConfirm', { issue: issueName(view, ui.lang, confirming) })),
          h(
            'div',
            { class: 'button-row' },
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-danger',
                id: 'renege-yes',
                'data-testid': 'renege-yes',
                onclick: () => {
                  memory.confirm = null;
                  ui.controller.act({ type: 'renege', seat: view.seat, issue: confirming });
                },
              },
              ui.tr('actions.renegeYes'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-primary',
                id: 'renege-no',
                onclick: () => {
                  memory.confirm = null;
                  ui.rerender();
                  document.getElementById('renege')?.focus();
                },
              },
              ui.tr('actions.renegeNo'),
            ),
          ),
        )
      : null,
  );
}
