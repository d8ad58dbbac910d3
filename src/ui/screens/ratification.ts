// Ratification: the player's side's vote, constituency by constituency (approval, weight, yes or no),
// the threshold and the result; the other side's result in one line.
import type { RatificationResult, Side, View } from '../../engine';
import type { Locale } from '../../i18n/translate';
import type { Ui } from '../context';
import { h, meter, screenHeading } from '../dom';
import { constituencyName, instrumentName, pct, sideName, tr } from '../i18n';
import { goOnControls } from './go-on';

export function voteTable(lang: Locale, view: View, side: Side, r: RatificationResult, caption: string): HTMLElement {
  const weights = new Map((view.reveal?.sides[side] ?? (side === view.side ? view.own : null))?.constituencies.map((c) => [c.id, c.ratificationWeight]) ?? []);
  return h(
    'table',
    { class: 'data-table vote-table', 'data-testid': `vote-${side}` },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, tr(lang, 'ratification.colConstituency')),
        h('th', { scope: 'col' }, tr(lang, 'ratification.colApproval')),
        h('th', { scope: 'col' }, tr(lang, 'ratification.colWeight')),
        h('th', { scope: 'col' }, tr(lang, 'ratification.colVote')),
      ),
    ),
    h(
      'tbody',
      {},
      r.votes.map((v) => {
        const name = constituencyName(view, lang, v.constituency, side);
        return h(
          'tr',
          { class: v.yes ? 'vote-yes' : 'vote-no' },
          h('th', { scope: 'row' }, name),
          h('td', { class: 'num' }, meter(v.approval, tr(lang, 'live.approval', { name, pct: pct(v.approval) })), ` ${tr(lang, 'common.percent', { n: pct(v.approval) })}`),
          h('td', { class: 'num' }, String(weights.get(v.constituency) ?? '')),
          h('td', { class: 'vote-cell' }, v.yes ? `✔ ${tr(lang, 'ratification.voteYes')}` : `✘ ${tr(lang, 'ratification.voteNo')}`),
        );
      }),
    ),
  );
}

export function resultLine(lang: Locale, r: RatificationResult): string {
  return tr(lang, 'ratification.result', {
    yes: pct(r.yesShare),
    threshold: pct(r.threshold),
    verdict: tr(lang, r.passed ? 'ratification.passed' : 'ratification.failed'),
  });
}

export function ratificationScreen(ui: Ui): HTMLElement {
  const view = ui.state.view!;
  const side = view.side!;
  const them: Side = side === 'us' ? 'mx' : 'us';
  const rat = view.outcome?.ratification;
  const mine = rat?.[side];
  const theirs = rat?.[them];
  return h(
    'section',
    { class: 'screen screen-ratification panel', 'aria-labelledby': 'ratification-heading' },
    screenHeading(1, ui.tr('ratification.heading'), 'ratification-heading'),
    mine
      ? [
          voteTable(ui.lang, view, side, mine, ui.tr('ratification.yours', { instrument: instrumentName(ui.lang, mine.instrument), threshold: pct(mine.threshold) })),
          h('p', { class: `big-figure ${mine.passed ? 'is-good' : 'is-bad'}`, 'data-testid': 'ratification-result' }, resultLine(ui.lang, mine)),
          h('p', { class: 'help' }, ui.tr('ratification.estimate', { pct: pct(mine.estimate) })),
        ]
      : null,
    theirs
      ? h(
          'p',
          { class: 'lead' },
          ui.tr('ratification.theirs', { side: sideName(ui.lang, them), instrument: instrumentName(ui.lang, theirs.instrument), result: resultLine(ui.lang, theirs) }),
        )
      : null,
    h(
      'div',
      { class: 'button-row' },
      goOnControls(ui, h('button', { type: 'button', class: 'btn btn-primary', id: 'continue', 'data-testid': 'continue', onclick: () => ui.controller.ack() }, ui.tr('ratification.continue'))),
    ),
  );
}
