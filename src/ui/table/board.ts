// The issue board: one fieldset per issue, its options as a radio group (the first is the status quo),
// the player's draft checked, their last offer and the player's own last offer marked, ledger items
// locked, withdrawn options disabled, and — when answering — a box to accept each offered issue.
import type { View } from '../../engine';
import type { TableMemory, Ui } from '../context';
import { h } from '../dom';
import { t } from '../../i18n/translate';
import { instrumentName, local, optionLabel, points } from '../i18n';
import { lastOfferBy } from './draft';

export interface BoardHandlers {
  choose(issue: string, option: string | null): void;
  bank(issue: string, on: boolean): void;
}

export function issueBoard(ui: Ui, view: View, memory: TableMemory, answering: boolean, on: BoardHandlers): HTMLElement {
  const side = view.side!;
  const own = view.own!;
  const lang = ui.lang;
  const theirOffer = view.offer && view.offer.by !== side ? view.offer : lastOfferBy(view, side === 'us' ? 'mx' : 'us');
  const myLast = lastOfferBy(view, side);
  const committed = view.commitments[side];
  return h(
    'section',
    { class: 'panel board', 'aria-labelledby': 'board-heading' },
    h('h2', { id: 'board-heading' }, ui.tr('board.heading')),
    h('p', { class: 'help board-key' }, ui.tr('board.key')),
    answering ? h('p', { class: 'help board-key', id: 'accept-selected-help' }, ui.tr('actions.acceptSelectedHelp')) : null,
    h(
      'div',
      { class: 'board-top' },
      h('details', { class: 'help-details' }, h('summary', {}, ui.tr('board.howItWorks')), h('p', { class: 'help' }, ui.tr('board.help')), h('p', { class: 'help' }, ui.tr('board.ledgerHelp'))),
    ),
    view.scenario.issues.map((issue, i) => {
      const agreed = view.ledger[issue.id];
      const gone = view.withdrawn[issue.id] ?? [];
      const chosen = agreed ?? memory.draft[issue.id] ?? null;
      const theirs = theirOffer?.package[issue.id];
      const mine = myLast?.package[issue.id];
      const locked = agreed !== undefined;
      const name = `draft-${issue.id}`;
      const marks: string[] = [];
      if (locked) marks.push(ui.tr('board.agreed', { option: optionLabel(view, lang, issue.id, agreed) }));
      else {
        if (theirs !== undefined) marks.push(ui.tr('board.theirOffer', { option: optionLabel(view, lang, issue.id, theirs) }));
        if (mine !== undefined) marks.push(ui.tr('board.yourLast', { option: optionLabel(view, lang, issue.id, mine) }));
      }
      if (committed[issue.id] !== undefined) marks.push(ui.tr('board.committed', { option: optionLabel(view, lang, issue.id, committed[issue.id]!) }));
      const offeredNow = answering && !locked && view.offer?.package[issue.id] !== undefined;
      const radio = (id: string, option: string | null, label: HTMLElement[], extra: string, disabled: boolean) =>
        h(
          'div',
          { class: `opt ${extra}`.trim() },
          h('input', {
            type: 'radio',
            name,
            id,
            'data-testid': id,
            value: option ?? '',
            checked: chosen === option,
            disabled,
            onchange: () => on.choose(issue.id, option),
          }),
          h('label', { for: id }, label),
        );
      return h(
        'fieldset',
        {
          class: `issue${locked ? ' is-agreed' : ''}`,
          id: `issue-${issue.id}`,
          'data-testid': `issue-${issue.id}`,
          disabled: locked,
          'aria-describedby': `issue-${issue.id}-marks`,
        },
        h(
          'legend',
          {},
          h('span', { class: 'issue-name' }, local(lang, issue.name)),
          h('span', { class: `tag tag-${issue.salience}` }, ui.tr('board.salience', { salience: t(lang, `salience.${issue.salience}`) })),
          locked ? h('span', { class: 'tag tag-agreed' }, '✔') : null,
        ),
        h(
          'div',
          { class: 'scale' },
          radio(`omit-${issue.id}`, null, [h('span', { class: 'opt-label' }, ui.tr('board.leaveOpen'))], 'opt-open', locked),
          issue.options.map((o, k) => {
            const withdrawn = gone.includes(o.id);
            const inst = o.instrument[side];
            const classes = [theirs === o.id ? 'is-theirs' : '', mine === o.id ? 'is-mine' : '', agreed === o.id ? 'is-agreed' : '', withdrawn ? 'is-withdrawn' : '', k === 0 ? 'is-status-quo' : '']
              .filter(Boolean)
              .join(' ');
            return radio(
              `option-${issue.id}-${o.id}`,
              o.id,
              [
                h('span', { class: 'opt-label' }, local(lang, o.label)),
                h(
                  'span',
                  { class: 'opt-meta' },
                  ui.tr('board.worth', { value: points(own.values[i]?.[k] ?? 0) }),
                  inst !== 'executive' ? ` · ${instrumentName(lang, inst)}` : '',
                  withdrawn ? ` · ${ui.tr('board.withdrawn')}` : '',
                ),
                h('span', { class: 'opt-flags', 'aria-hidden': 'true' }, theirs === o.id ? h('span', { class: 'flag flag-theirs' }, '◆') : null, mine === o.id ? h('span', { class: 'flag flag-mine' }, '◇') : null),
              ],
              classes,
              locked || withdrawn,
            );
          }),
        ),
        h(
          'div',
          { class: 'issue-foot' },
          h('p', { class: 'issue-marks', id: `issue-${issue.id}-marks` }, marks.join(' · ')),
          offeredNow
            ? h(
                'div',
                { class: 'choice bank' },
                h('input', {
                  type: 'checkbox',
                  id: `bank-${issue.id}`,
                  'data-testid': `bank-${issue.id}`,
                  checked: memory.bank.includes(issue.id),
                  onchange: (ev: Event) => on.bank(issue.id, (ev.target as HTMLInputElement).checked),
                }),
                h('label', { for: `bank-${issue.id}` }, ui.tr('board.bank')),
              )
            : null,
          h('details', { class: 'issue-about' }, h('summary', {}, ui.tr('board.about')), h('p', {}, local(lang, issue.description))),
        ),
      );
    }),
  );
}
