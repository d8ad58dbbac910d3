// Joining a class: the code the instructor gave and a display name. The form's rules are checked before
// anything is sent; the server's refusals (a wrong or expired code, a full class, a name taken…) are shown
// next to the field they concern, in the player's language. A seat this browser held before is offered.
import type { FormError } from '../../../app/classroom-forms';
import type { Ui } from '../../context';
import { h, screenHeading } from '../../dom';
import { errorSummary } from '../../error-summary';
import { seatText } from '../../table/class-seat';
import { textField } from './fields';
import { classroomMemory } from './memory';
import { problemText, ruleText } from './words';

const FIELD = { code: 'join-code', name: 'join-name' } as const;

async function submit(ui: Ui): Promise<void> {
  const mem = classroomMemory(ui.memory).join;
  const code = mem.code ?? ui.state.classroom.joinCode;
  ui.preloadScreens();
  const errors: FormError[] = await ui.controller.joinClass(code, mem.name);
  mem.errors = errors.map((e) => ({ ...e, field: e.field === 'name' ? FIELD.name : FIELD.code }));
  ui.rerender();
  if (mem.errors.length) {
    document.getElementById('join-errors')?.focus();
    ui.say(mem.errors.map((e) => ruleText(ui.lang, e)).join(' '));
  }
}

export function joinScreen(ui: Ui): HTMLElement {
  const c = ui.state.classroom;
  const mem = classroomMemory(ui.memory).join;
  const code = mem.code ?? c.joinCode;
  const server = c.formError?.form === 'join' ? c.formError : null;
  const serverField = server?.field === 'name' ? FIELD.name : server?.field === 'code' ? FIELD.code : null;
  const messageFor = (field: string): string | null => {
    const own = mem.errors.find((e) => e.field === field);
    if (own) return ruleText(ui.lang, own);
    return server && serverField === field ? problemText(ui.lang, server.code) : null;
  };
  const summary = [
    ...mem.errors.map((e) => ({ field: e.field, message: ruleText(ui.lang, e) })),
    ...(server && !mem.errors.length ? [{ field: serverField ?? FIELD.code, message: problemText(ui.lang, server.code) }] : []),
  ];
  const seat = c.resumable;
  const edited = (field: string) => {
    mem.errors = mem.errors.filter((e) => e.field !== field);
  };
  return h(
    'section',
    { class: 'screen screen-join panel', 'aria-labelledby': 'join-heading' },
    screenHeading(1, ui.tr('classroom.joinHeading'), 'join-heading'),
    h('p', { class: 'help' }, ui.tr('classroom.joinIntro')),
    seat
      ? h(
          'div',
          { class: 'class-resume', 'data-testid': 'join-resume' },
          h('p', {}, ui.tr('classroom.resumeText', { n: seat.tableNo, seat: seatText(ui.lang, seat.seat), name: seat.name })),
          h(
            'div',
            { class: 'button-row' },
            h('button', { type: 'button', class: 'btn btn-primary', id: 'join-rejoin', 'data-testid': 'join-rejoin', onclick: () => void ui.controller.resumeSeat() }, ui.tr('classroom.resumeSeat')),
          ),
        )
      : null,
    errorSummary({ id: 'join-errors', className: 'class-errors', heading: h('p', {}, h('strong', {}, ui.tr('classroom.formErrors'))), errors: summary }),
    h(
      'form',
      {
        class: 'class-form',
        novalidate: true,
        'aria-labelledby': 'join-heading',
        onsubmit: (ev: Event) => {
          ev.preventDefault();
          void submit(ui);
        },
      },
      textField({
        id: FIELD.code,
        label: ui.tr('classroom.joinCode'),
        value: code,
        attrs: { class: 'join-code-input', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' },
        help: ui.tr('classroom.joinCodeHelp'),
        problem: messageFor(FIELD.code),
        onInput: (v) => {
          mem.code = v;
          edited(FIELD.code);
        },
      }),
      textField({
        id: FIELD.name,
        label: ui.tr('classroom.joinName'),
        value: mem.name,
        attrs: { autocomplete: 'nickname', spellcheck: 'false' },
        help: ui.tr('classroom.joinNameHelp'),
        problem: messageFor(FIELD.name),
        onInput: (v) => {
          mem.name = v;
          edited(FIELD.name);
        },
      }),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          { type: 'submit', class: 'btn btn-primary', id: 'join-submit', 'data-testid': 'join-submit', disabled: c.busy, 'aria-describedby': c.busy ? 'join-busy' : null },
          ui.tr('classroom.joinSubmit'),
        ),
        c.busy ? h('p', { class: 'help', id: 'join-busy', role: 'status' }, ui.tr('classroom.joining')) : null,
        h('button', { type: 'button', class: 'btn btn-quiet', id: 'join-back', 'data-testid': 'join-back', onclick: () => ui.controller.backToTitle() }, ui.tr('classroom.backToTitle')),
      ),
    ),
  );
}
