// The negotiation table: the calendar, the issue board with the player's draft, the live evaluation of
// that draft for the player's side, capital, trust and linkage cards, the moves that apply now, domestic
// politics, and the transcript with the AI's reasons.
import { other, type View } from '../../engine';
import type { TableMemory, Ui } from '../context';
import { h, screenHeading } from '../dom';
import { local, refusalText, sideName } from '../i18n';
import { moveBar } from './actions';
import { issueBoard } from './board';
import { calendarStrip } from './calendar';
import { classSeatPanel } from './class-seat';
import { domesticPanel, renegePanel } from './domestic';
import { idealDraft, lastOfferBy, openPart, tableMemory } from './draft';
import { draftPanel, sidePanel, theirOfferPanel, worthOf } from './live';
import { type Moves, movesOf } from './moves';
import { transcript } from './transcript';

function statusText(ui: Ui, view: View, moves: Moves): string {
  const them = sideName(ui.lang, other(moves.side));
  // An adviser's side may be the one to move, but only its lead negotiator proposes and answers.
  if (!moves.lead && view.turn === moves.side && (view.phase === 'proposal' || view.phase === 'response'))
    return ui.tr(view.phase === 'proposal' ? 'classroom.statusLeadProposes' : 'classroom.statusLeadResponds');
  if (moves.propose) return ui.tr('table.statusPropose');
  if (moves.respond) return ui.tr('table.statusRespond');
  if (moves.domestic) return moves.suspended ? ui.tr('table.statusSuspended') : ui.tr('table.statusDomestic');
  if (moves.domesticDone) return ui.tr('table.statusDomesticDone', { side: them });
  return ui.tr('table.statusWaiting', { side: sideName(ui.lang, moves.waitingFor ?? other(moves.side)) });
}

function draftTools(ui: Ui, view: View, memory: TableMemory): HTMLElement {
  const side = view.side!;
  const theirs = view.offer && view.offer.by !== side ? view.offer : lastOfferBy(view, other(side));
  const mine = lastOfferBy(view, side);
  const set = (draft: Record<string, string>) => () => {
    memory.draft = draft;
    ui.rerender();
    announceDraft(ui, view, memory);
  };
  const tool = (id: string, text: string, onclick: () => void) => h('button', { type: 'button', class: 'btn btn-small', id, 'data-testid': id, onclick }, text);
  return h(
    'div',
    { class: 'button-row draft-tools', role: 'group', 'aria-label': ui.tr('board.draftTools') },
    theirs ? tool('fill-theirs', ui.tr('board.fillTheirs'), set(openPart(view, theirs.package))) : null,
    mine ? tool('fill-mine', ui.tr('board.fillMine'), set(openPart(view, mine.package))) : null,
    tool('fill-best', ui.tr('board.fillBest'), set(idealDraft(view))),
    tool('fill-clear', ui.tr('board.clear'), set({})),
  );
}

function announceDraft(ui: Ui, view: View, memory: TableMemory): void {
  const w = worthOf(view, memory.draft, memory.cards);
  ui.say(ui.tr('live.summary', { score: Math.round(w.score), pct: Math.round(w.probability * 100) }));
}

export function tableScreen(ui: Ui): HTMLElement {
  const view = ui.state.view!;
  const memory = tableMemory(view, ui.memory.table);
  ui.memory.table = memory;
  const moves = movesOf(view);
  const round = view.scenario.calendar[view.round];
  const theirOffer = moves.respond && view.offer ? view.offer : null;
  const err = ui.state.lastError;

  const board = issueBoard(ui, view, memory, moves.respond, {
    choose(issue, option) {
      if (option === null) delete memory.draft[issue];
      else memory.draft[issue] = option;
      ui.rerender();
      announceDraft(ui, view, memory);
    },
    bank(issue, on) {
      memory.bank = on ? [...memory.bank.filter((x) => x !== issue), issue] : memory.bank.filter((x) => x !== issue);
      ui.rerender();
    },
  });
  board.querySelector('.board-top')?.prepend(draftTools(ui, view, memory));

  return h(
    'section',
    { class: 'screen screen-table', 'aria-labelledby': 'table-heading' },
    h(
      'div',
      { class: 'table-head panel panel-slim' },
      screenHeading(1, ui.tr('table.heading', { n: view.round + 1, total: view.deadline + 1, label: local(ui.lang, round?.label) }), 'table-heading'),
      h('p', { class: 'status-line', id: 'table-status', tabindex: -1, 'data-focus-fallback': true, 'data-testid': 'status' }, statusText(ui, view, moves)),
      err ? h('p', { class: 'refusal', role: 'alert', 'data-testid': 'refusal' }, ui.tr('actions.refused', { reason: refusalText(ui.lang, err, view) })) : null,
    ),
    calendarStrip(ui, view),
    h(
      'div',
      { class: 'table-grid' },
      h(
        'div',
        { class: 'table-main' },
        // At home the domestic moves come first; the board stays below for planning.
        domesticPanel(ui, view, memory, moves),
        board,
        renegePanel(ui, view, memory, moves),
        h(
          'div',
          { class: 'table-moves' },
          moveBar(ui, view, memory, moves),
          moves.lead ? null : h('p', { class: 'help adviser-note', 'data-testid': 'adviser-note' }, ui.tr('classroom.adviserNote')),
        ),
      ),
      h(
        'div',
        { class: 'table-side' },
        classSeatPanel(ui),
        theirOffer ? theirOfferPanel(ui, view, theirOffer.package, theirOffer.cards) : null,
        draftPanel(ui, view, memory.draft, memory.cards, theirOffer !== null),
        sidePanel(ui, view, memory.cards, true, (card, on) => {
          memory.cards = on ? [...memory.cards.filter((c) => c !== card), card] : memory.cards.filter((c) => c !== card);
          ui.rerender();
          announceDraft(ui, view, memory);
        }),
        transcript(ui, view),
      ),
    ),
  );
}
