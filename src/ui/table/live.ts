// The live panel: what the draft is worth to the player's side (0–100, 50 = acting alone), the chance
// the side ratifies it with the instrument it needs, each constituency's approval, capital, trust and the
// linkage cards. Recomputed on every change of the draft from the player's own view.
import { type Package, score, utilityRange, type View } from '../../engine';
import { evaluateDraft } from '../../engine/evaluate';
import type { Ui } from '../context';
import { h, meter } from '../dom';
import { cardName, instrumentName, local, pct, points, sideName } from '../i18n';

export interface Worth {
  score: number;
  probability: number;
}

export function worthOf(view: View, pkg: Package, cards: readonly string[]): Worth & { ev: ReturnType<typeof evaluateDraft> } {
  const own = view.own!;
  const ev = evaluateDraft(view, pkg, cards);
  const { best, worst } = utilityRange(
    own,
    view.cards.map((c) => c.ownValue ?? 0),
  );
  return { ev, score: score(ev.discounted, ev.reservation, best, worst), probability: ev.ratification.probability };
}

function scoreBlock(ui: Ui, w: ReturnType<typeof worthOf>, idPrefix: string): HTMLElement[] {
  const above = w.score >= 50;
  return [
    h(
      'p',
      { class: 'big-figure', id: `${idPrefix}-score`, 'data-testid': `${idPrefix}-score` },
      ui.tr('live.score', { score: Math.round(w.score) }),
      h('span', { class: `verdict ${above ? 'is-good' : 'is-bad'}` }, ` ${ui.tr(above ? 'live.above' : 'live.below')}`),
    ),
    h(
      'div',
      { class: 'score-track', 'aria-hidden': 'true' },
      h('span', { class: 'score-fill', style: `width:${Math.round(w.score)}%` }),
      h('span', { class: 'score-mark', style: 'left:50%' }),
    ),
    h('p', { class: 'help help-tight' }, ui.tr('live.scoreHelp')),
    h(
      'p',
      { class: 'big-figure', id: `${idPrefix}-odds`, 'data-testid': `${idPrefix}-odds` },
      ui.tr('live.ratification', { pct: pct(w.probability) }),
    ),
    meter(w.probability, ui.tr('live.ratification', { pct: pct(w.probability) }), 'meter-odds'),
    h('p', { class: 'help help-tight' }, ui.tr('live.ratificationHelp')),
    h(
      'p',
      { class: 'instrument-line' },
      ui.tr('live.instrument', { instrument: instrumentName(ui.lang, w.ev.ratification.instrument), threshold: pct(w.ev.ratification.threshold) }),
    ),
  ];
}

export function draftPanel(ui: Ui, view: View, pkg: Package, cards: readonly string[], countering = false): HTMLElement {
  const w = worthOf(view, pkg, cards);
  const own = view.own!;
  const names = view.brief?.constituencies ?? [];
  const voters = new Map(w.ev.ratification.voters.map((v) => [v.id, v]));
  const order = own.constituencies.map((c, k) => ({ c, k })).sort((a, b) => Number(voters.has(b.c.id)) - Number(voters.has(a.c.id)));
  return h(
    'section',
    { class: 'panel live-panel', 'aria-labelledby': 'live-heading', 'data-testid': 'live-panel' },
    h('h2', { id: 'live-heading' }, ui.tr(countering ? 'live.counterHeading' : 'live.heading')),
    scoreBlock(ui, w, 'draft'),
    h(
      'details',
      { class: 'help-details' },
      h('summary', {}, ui.tr('live.moreHeading')),
      h('p', { class: 'help' }, ui.tr('live.more')),
      h('p', { class: 'help' }, ui.tr('live.raw', { utility: points(w.ev.utility), reservation: points(w.ev.reservation) })),
    ),
    h('h3', {}, ui.tr('live.supportHeading')),
    h(
      'ul',
      { class: 'support-list', 'data-testid': 'support-list' },
      order.map(({ c, k }) => {
        const name = local(ui.lang, names[k]?.name) || c.id;
        const approval = w.ev.ratification.approvals[k] ?? c.support;
        const vote = voters.get(c.id);
        return h(
          'li',
          { class: vote ? 'is-voter' : 'is-bystander' },
          h('span', { class: 'support-name' }, name),
          meter(approval, ui.tr('live.approval', { name, pct: pct(approval) }), approval >= w.ev.ratification.threshold ? 'meter-yes' : 'meter-no'),
          h('span', { class: 'support-pct' }, ui.tr('common.percent', { n: pct(approval) })),
          h('span', { class: 'support-vote' }, vote ? ui.tr('live.votes', { weight: vote.weight }) : ui.tr('live.noVote')),
        );
      }),
    ),
  );
}

export function theirOfferPanel(ui: Ui, view: View, pkg: Package, cards: readonly string[]): HTMLElement {
  const w = worthOf(view, pkg, cards);
  return h(
    'section',
    { class: 'panel live-panel live-theirs', 'aria-labelledby': 'theirs-heading', 'data-testid': 'their-offer-panel' },
    h('h2', { id: 'theirs-heading' }, ui.tr('live.theirHeading')),
    scoreBlock(ui, w, 'theirs'),
  );
}

export function sidePanel(ui: Ui, view: View, chosenCards: readonly string[], editable: boolean, toggle: (card: string, on: boolean) => void): HTMLElement {
  const own = view.own!;
  const side = view.side!;
  const mine = view.cards.filter((c) => c.holder === side);
  const theirs = view.cards.filter((c) => c.holder !== side && c.available && !c.used);
  return h(
    'section',
    { class: 'panel side-panel', 'aria-labelledby': 'side-heading' },
    h('h2', { id: 'side-heading', class: 'visually-hidden' }, sideName(ui.lang, side)),
    h(
      'p',
      { class: 'capital-line', 'data-testid': 'capital' },
      ui.tr('live.capital', { n: own.capital }),
      h('span', { class: 'pips', 'aria-hidden': 'true' }, '●'.repeat(Math.min(own.capital, 12))),
    ),
    h(
      'p',
      { class: 'trust-line' },
      ui.tr('live.trust', { side: sideName(ui.lang, side === 'us' ? 'mx' : 'us'), pct: pct(own.trust) }),
      meter(own.trust, ui.tr('live.trust', { side: sideName(ui.lang, side === 'us' ? 'mx' : 'us'), pct: pct(own.trust) }), 'meter-trust'),
    ),
    h(
      'fieldset',
      { class: 'cards', 'aria-describedby': 'cards-help' },
      h('legend', {}, ui.tr('live.cardsHeading')),
      mine.length === 0 ? h('p', { class: 'help' }, ui.tr('live.noCards')) : null,
      mine.map((c) => {
        const usable = c.available && !c.used;
        const card = view.scenario.cards.find((x) => x.id === c.id)!;
        const note = c.used ? ui.tr('live.cardUsed') : !c.available ? ui.tr('live.cardUnavailable') : ui.tr('live.cardValue', { value: points(c.ownValue ?? 0) });
        return h(
          'div',
          { class: 'choice card-choice' },
          h('input', {
            type: 'checkbox',
            id: `card-${c.id}`,
            'data-testid': `card-${c.id}`,
            checked: chosenCards.includes(c.id),
            disabled: !usable || !editable,
            'aria-describedby': `card-${c.id}-desc`,
            onchange: (ev: Event) => toggle(c.id, (ev.target as HTMLInputElement).checked),
          }),
          h('label', { for: `card-${c.id}` }, local(ui.lang, card.name), h('span', { class: 'choice-sub' }, ` (${note})`)),
          h('p', { class: 'help', id: `card-${c.id}-desc` }, local(ui.lang, card.description)),
        );
      }),
      theirs.length ? h('p', { class: 'help' }, ui.tr('live.theirCards', { cards: theirs.map((c) => cardName(view, ui.lang, c.id)).join(', ') })) : null,
      h('p', { class: 'help', id: 'cards-help' }, ui.tr('live.cardsHelp')),
    ),
  );
}
