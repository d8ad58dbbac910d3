// The transcript: every event the player may see, in order, and for each move of the AI the reason it
// gave, behind a "Why?" disclosure. The AI's reasons are matched to its visible moves in order and by
// kind (its lobbying is private to it, so those reasons are not shown).
import type { Rationale as AppRationale } from '../../app/controller';
import { renderRationale } from '../../ai/rationale';
import type { Rationale } from '../../ai/types';
import { type ActionType, type GameEvent, other, type Side, type View } from '../../engine';
import type { Locale } from '../../i18n/translate';
import type { Ui } from '../context';
import { h } from '../dom';
import { eventText } from '../events-text';
import { forkText } from '../fork-text';
import { constituencyName } from '../i18n';

const ACTION_OF: Partial<Record<GameEvent['type'], ActionType[]>> = {
  proposed: ['propose', 'counter'],
  accepted: ['accept'],
  rejected: ['reject'],
  reneged: ['renege'],
  statement: ['statement'],
  passed: ['pass'],
  walkedAway: ['walkAway'],
};

/** For each event index, the AI rationale behind it (if the event is one of the AI's moves). */
export function rationalesByEvent(events: readonly GameEvent[], rationales: readonly AppRationale[], aiSide: Side): Map<number, AppRationale> {
  const out = new Map<number, AppRationale>();
  const queue = rationales.filter((r) => r.side === aiSide && r.decision.action.type !== 'lobby');
  let next = 0;
  events.forEach((e, k) => {
    const kinds = ACTION_OF[e.type];
    if (!kinds || !('side' in e) || e.side !== aiSide) return;
    for (let j = next; j < queue.length; j++) {
      if (kinds.includes(queue[j]!.decision.action.type)) {
        out.set(k, queue[j]!);
        next = j + 1;
        return;
      }
    }
  });
  return out;
}

/** The AI's own constituencies are not in the player's brief until the debrief: name them from their ids meanwhile. */
function readable(r: Rationale, view: View, lang: Locale, aiSide: Side): Rationale {
  const p = { ...r.params };
  if (typeof p.constituency === 'string') p.constituency = constituencyName(view, lang, p.constituency, aiSide);
  return { ...r, params: p, ...(r.notes ? { notes: r.notes.map((n) => readable(n, view, lang, aiSide)) } : {}) };
}

export function transcript(ui: Ui, view: View): HTMLElement {
  const events = ui.state.events;
  const aiSide = other(view.side!);
  const why = rationalesByEvent(events, ui.controller.getRationales(), aiSide);
  const items = events.map((e, k) => {
    const r = why.get(k);
    return h(
      'li',
      { class: `ev ev-${e.type}${'side' in e && e.side === view.side ? ' ev-mine' : ''}` },
      h('span', { class: 'ev-text' }, eventText(ui.lang, e, view)),
      r
        ? h(
            'details',
            {
              class: 'why',
              open: ui.memory.openWhy.has(k),
              ontoggle: (ev: Event) => {
                if ((ev.target as HTMLDetailsElement).open) ui.memory.openWhy.add(k);
                else ui.memory.openWhy.delete(k);
              },
            },
            h('summary', { id: `why-${k}` }, ui.tr('transcript.why')),
            h('p', {}, renderRationale(ui.lang, readable(r.decision.rationale, view, ui.lang, aiSide), view)),
          )
        : null,
    );
  });
  // A replayed game says so where the replay begins: before the news of the round it was replayed from.
  const forkAt = ui.state.forks.map((f, k) => ({ f, k, at: events.findIndex((e) => e.type === 'roundStarted' && e.round === f.round) })).map((x) => ({ ...x, at: x.at < 0 ? events.length : x.at }));
  for (const { f, at } of forkAt.sort((a, b) => b.at - a.at || b.k - a.k))
    items.splice(at, 0, h('li', { class: 'ev ev-fork', 'data-testid': 'transcript-fork' }, h('span', { class: 'ev-text' }, forkText(ui.lang, view, f))));
  const list = h('ol', { class: 'transcript-list', 'data-testid': 'transcript' }, items.length ? items : h('li', {}, ui.tr('transcript.empty')));
  return h(
    'section',
    { class: 'panel transcript', 'aria-labelledby': 'transcript-heading' },
    h('h2', { id: 'transcript-heading' }, ui.tr('transcript.heading')),
    h('div', { class: 'transcript-scroll', tabindex: 0, id: 'transcript-scroll', 'data-scroll-end': true }, list),
  );
}
