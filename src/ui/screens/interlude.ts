// The news between rounds, in the style of the era: a 1942 newspaper, a 1995 fax, a 2001 TV ticker.
// Each shock shows its title, its narrative and what it changes for the player's side, in plain words.
import type { ShockView, View } from '../../engine';
import { lookup } from '../../i18n/translate';
import type { Ui } from '../context';
import { h, screenHeading } from '../dom';
import { effectText } from '../effects-text';
import { forkText } from '../fork-text';
import { formatDate, local } from '../i18n';
import { goOnControls } from './go-on';

function shockArticle(ui: Ui, view: View, shock: ShockView, k: number): HTMLElement {
  const type = lookup(ui.lang, `ui.interlude.shockType.${shock.type}`) ?? shock.type;
  const effects = shock.effects.map((e) => effectText(ui.lang, e, view));
  return h(
    'article',
    { class: `shock shock-${shock.type}`, 'aria-labelledby': `shock-${k}-title`, 'data-testid': `shock-${shock.id}` },
    h('p', { class: 'shock-type' }, type),
    h('h2', { id: `shock-${k}-title`, class: 'shock-title' }, local(ui.lang, shock.title)),
    h('p', { class: `shock-narrative${local(ui.lang, shock.narrative).length < 320 ? ' is-short' : ''}` }, local(ui.lang, shock.narrative)),
    h(
      'div',
      { class: 'shock-effects' },
      h('h3', { id: `shock-${k}-effects` }, ui.tr('interlude.effectsHeading')),
      effects.length ? h('ul', {}, effects.map((t) => h('li', {}, t))) : h('p', {}, ui.tr('interlude.noEffects')),
    ),
  );
}

export function interludeScreen(ui: Ui): HTMLElement {
  const view = ui.state.view!;
  const era = view.scenario.era;
  const round = view.scenario.calendar[view.round]!;
  const news = ui.state.news;
  const kicker = ui.tr(`interlude.kicker${era}`);
  const masthead = ui.tr(`interlude.masthead${era}`);
  const headline = ui.tr('interlude.heading', { label: local(ui.lang, round.label) });
  // The news a replay starts from follows its changed shocks: say so.
  const fork = ui.state.forks.findLast((f) => f.round === view.round);
  return h(
    'section',
    { class: `screen screen-interlude interlude-${era}`, 'aria-labelledby': 'interlude-heading' },
    h(
      'div',
      { class: 'news-sheet' },
      h(
        'header',
        { class: 'news-masthead' },
        h('p', { class: 'news-kicker' }, kicker),
        h('p', { class: 'news-name' }, masthead),
        h('p', { class: 'news-round' }, ui.tr('interlude.roundLine', { n: view.round + 1, total: view.deadline + 1, date: formatDate(ui.lang, round.date) })),
      ),
      era === '2001' && news.length
        ? h('div', { class: 'ticker', 'aria-hidden': 'true' }, h('span', { class: 'ticker-text' }, news.map((s) => local(ui.lang, s.title).toUpperCase()).join('  ▪  ')))
        : null,
      screenHeading(1, headline, 'interlude-heading'),
      fork ? h('p', { class: 'news-fork', 'data-testid': 'interlude-fork' }, forkText(ui.lang, view, fork)) : null,
      news.length ? news.map((s, k) => shockArticle(ui, view, s, k)) : h('p', { class: 'no-news' }, ui.tr('interlude.noNews')),
      h(
        'div',
        { class: 'button-row' },
        goOnControls(ui, h('button', { type: 'button', class: 'btn btn-primary', id: 'continue', 'data-testid': 'continue', onclick: () => ui.controller.ack() }, ui.tr('interlude.continue'))),
      ),
    ),
  );
}
