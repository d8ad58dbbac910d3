// The waiting room: before the instructor starts the class, the student sees the seat and the role, the
// scenario, who else sits at the table (and which seats the AI plays), what happens next, and the
// instructor's messages. Leaving the class asks for a confirmation.
import type { Ui } from '../../context';
import { h, screenHeading } from '../../dom';
import { local } from '../../i18n';
import { seatText, tableList } from '../../table/class-seat';
import { classroomMemory } from './memory';

export function connectionText(ui: Ui): string {
  const c = ui.state.classroom;
  switch (c.connection) {
    case 'open':
      return ui.tr('classroom.connOpen');
    case 'connecting':
      return ui.tr('classroom.connConnecting');
    case 'reconnecting':
      return ui.tr('classroom.connReconnecting');
    case 'closed':
      return ui.tr(c.linkEnd?.code === 'closed' || c.linkEnd?.code === 'class-ended' ? 'classroom.connEnded' : c.linkEnd?.code === 'replaced' ? 'classroom.connReplaced' : 'classroom.connClosed');
    default:
      return '';
  }
}

export function broadcastList(ui: Ui): HTMLElement | null {
  const list = ui.state.classroom.broadcasts;
  if (!list.length) return null;
  return h(
    'section',
    { class: 'class-broadcasts', 'aria-labelledby': 'broadcasts-heading' },
    h('h2', { id: 'broadcasts-heading' }, ui.tr('classroom.broadcastsHeading')),
    h(
      'ul',
      { 'data-testid': 'broadcasts' },
      list.map((b) => h('li', {}, b.text)),
    ),
  );
}

export function leaveControls(ui: Ui): HTMLElement {
  const mem = classroomMemory(ui.memory);
  return h(
    'div',
    { class: 'class-leave' },
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-danger-quiet',
        id: 'leave-class',
        'data-testid': 'leave-class',
        'aria-expanded': mem.leaveConfirm ? 'true' : 'false',
        onclick: () => {
          mem.leaveConfirm = true;
          ui.rerender();
          document.getElementById('leave-no')?.focus();
        },
      },
      ui.tr('classroom.leave'),
    ),
    mem.leaveConfirm
      ? h(
          'div',
          { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'leave-confirm-text', 'aria-modal': 'false' },
          h('p', { id: 'leave-confirm-text' }, ui.tr('classroom.leaveConfirm')),
          h(
            'div',
            { class: 'button-row' },
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-danger',
                id: 'leave-yes',
                'data-testid': 'leave-yes',
                onclick: () => {
                  mem.leaveConfirm = false;
                  ui.controller.leaveClass();
                },
              },
              ui.tr('classroom.leaveYes'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-primary',
                id: 'leave-no',
                'data-testid': 'leave-no',
                onclick: () => {
                  mem.leaveConfirm = false;
                  ui.rerender();
                  document.getElementById('leave-class')?.focus();
                },
              },
              ui.tr('classroom.leaveNo'),
            ),
          ),
        )
      : null,
  );
}

export function waitingScreen(ui: Ui): HTMLElement {
  const c = ui.state.classroom;
  const me = c.joined;
  if (!me) return h('section', { class: 'screen' });
  const scenario = ui.state.catalogue.find((s) => s.id === me.scenarioId);
  return h(
    'section',
    { class: 'screen screen-waiting panel', 'aria-labelledby': 'waiting-heading' },
    // A started class (a reload, a move to another table): the game is on its way, not waiting to start.
    screenHeading(1, ui.tr(c.started ? 'classroom.joiningHeading' : 'classroom.waitingHeading', { n: me.tableNo }), 'waiting-heading'),
    h('p', { class: 'status-line', role: 'status', 'data-testid': 'connection' }, connectionText(ui)),
    h('p', { class: 'lead', 'data-testid': 'waiting-seat' }, `${ui.tr('classroom.you')} `, h('strong', { class: 'mate-name' }, me.name), ` — ${seatText(ui.lang, me.seat)}`),
    h('p', { 'data-testid': 'role-help' }, ui.tr(me.role === 'lead' ? 'classroom.roleLeadHelp' : 'classroom.roleAdviserHelp')),
    h(
      'section',
      { 'aria-labelledby': 'waiting-scenario' },
      h('h2', { id: 'waiting-scenario' }, ui.tr('classroom.scenarioHeading')),
      scenario
        ? [h('p', { class: 'lead', 'data-testid': 'waiting-scenario-title' }, local(ui.lang, scenario.title)), h('p', {}, local(ui.lang, scenario.summary))]
        : h('p', { 'aria-busy': 'true' }, ui.tr('app.loading')),
    ),
    h('section', { 'aria-labelledby': 'waiting-table' }, h('h2', { id: 'waiting-table' }, ui.tr('classroom.atYourTable')), tableList(ui, 'waiting-mates')),
    h('section', { 'aria-labelledby': 'waiting-next' }, h('h2', { id: 'waiting-next' }, ui.tr('classroom.nextHeading')), h('p', {}, ui.tr('classroom.waitingHelp')), h('p', { class: 'help' }, ui.tr('classroom.reconnectHelp'))),
    broadcastList(ui),
    leaveControls(ui),
  );
}

/** A class's table paused by the instructor: only the instructor resumes it. */
export function classPausedScreen(ui: Ui): HTMLElement {
  return h(
    'section',
    { class: 'screen screen-pause panel', 'aria-labelledby': 'class-paused-heading' },
    screenHeading(1, ui.tr('classroom.pausedHeading'), 'class-paused-heading'),
    h('p', { class: 'lead' }, ui.tr('classroom.pausedHelp')),
    broadcastList(ui),
  );
}
