// Setting up a class: the scenario, how many tables, how many students per delegation (a lead, and one or
// two domestic advisers), the round timers (seconds, or untimed), whether the AI plays empty delegations and
// how well, and the class's language. The rules of the wire contract are checked here first, each problem
// shown next to its field; the server's refusal is shown the same way.
import { DIFFICULTIES, difficultyLevels } from '../../../ai/persona-registry';
import { checkSetup, type FormError, type SetupForm, setupFieldId, TIMER_WAITS, type TimerWait } from '../../../app/classroom-forms';
import { MAX_TABLES } from '../../../content/classroom-schema';
import type { Ui } from '../../context';
import { type Attrs, h, screenHeading } from '../../dom';
import { errorSummary } from '../../error-summary';
import { local } from '../../i18n';
import { selectField, textField } from './fields';
import { classroomMemory } from './memory';
import { problemText, ruleText } from './words';

const TIMER_KEY: Record<TimerWait, 'classroom.timerProposal' | 'classroom.timerResponse' | 'classroom.timerDomestic' | 'classroom.timerNews'> = {
  proposal: 'classroom.timerProposal',
  response: 'classroom.timerResponse',
  domestic: 'classroom.timerDomestic',
  news: 'classroom.timerNews',
};

function formOf(ui: Ui): SetupForm {
  const mem = classroomMemory(ui.memory).setup;
  const first = ui.state.catalogue[0]?.id ?? '';
  mem.form ??= {
    scenarioId: first,
    title: '',
    tables: '4',
    seatsPerSide: '1',
    timers: { proposal: '180', response: '120', domestic: '120', news: '' },
    aiForEmptySeats: true,
    difficulty: 'normal',
    lang: ui.lang,
    seed: '',
    sameSeed: true,
  };
  if (!mem.form.scenarioId && first) mem.form.scenarioId = first;
  return mem.form;
}

async function submit(ui: Ui, form: SetupForm): Promise<void> {
  const mem = classroomMemory(ui.memory).setup;
  const checked = checkSetup(form);
  if (!checked.ok) {
    mem.errors = checked.errors;
    ui.rerender();
    document.getElementById('setup-errors')?.focus();
    ui.say(mem.errors.map((e) => ruleText(ui.lang, e)).join(' '));
    return;
  }
  mem.errors = [];
  const ok = await ui.controller.createClass(checked.request);
  if (ok) mem.form = null;
  else if (ui.state.classroom.formError) {
    document.getElementById('setup-errors')?.focus();
    ui.say(problemText(ui.lang, ui.state.classroom.formError.code));
  }
}

export function classSetupScreen(ui: Ui): HTMLElement {
  const c = ui.state.classroom;
  const mem = classroomMemory(ui.memory).setup;
  const form = formOf(ui);
  const server = c.formError?.form === 'setup' ? c.formError : null;
  const messageFor = (field: string): string | null => {
    const own = mem.errors.find((e: FormError) => e.field === field);
    if (own) return ruleText(ui.lang, own);
    return server && (server.field ?? setupFieldId.scenario) === field ? problemText(ui.lang, server.code) : null;
  };
  const summary = [
    ...mem.errors.map((e) => ({ field: e.field, message: ruleText(ui.lang, e) })),
    ...(server && !mem.errors.length ? [{ field: server.field ?? setupFieldId.scenario, message: problemText(ui.lang, server.code) }] : []),
  ];
  const changed = (field: string) => {
    mem.errors = mem.errors.filter((e) => e.field !== field);
  };
  const text = (field: string, label: string, value: string, set: (v: string) => void, help: string | null, attrs: Attrs = {}) =>
    textField({
      id: field,
      label,
      value,
      attrs,
      help,
      problem: messageFor(field),
      onInput: (v) => {
        set(v);
        changed(field);
      },
    });
  const levels = difficultyLevels();
  const scenario = ui.state.catalogue.find((s) => s.id === form.scenarioId);
  return h(
    'section',
    { class: 'screen screen-class-setup panel', 'aria-labelledby': 'setup-heading' },
    screenHeading(1, ui.tr('classroom.setupHeading'), 'setup-heading'),
    h('p', { class: 'help' }, ui.tr('classroom.setupIntro')),
    errorSummary({ id: 'setup-errors', className: 'class-errors', heading: h('p', {}, h('strong', {}, ui.tr('classroom.formErrors'))), errors: summary }),
    h(
      'form',
      {
        class: 'class-form setup-form',
        novalidate: true,
        'aria-labelledby': 'setup-heading',
        onsubmit: (ev: Event) => {
          ev.preventDefault();
          void submit(ui, form);
        },
      },
      selectField({
        id: setupFieldId.scenario,
        label: ui.tr('classroom.setupScenario'),
        options: ui.state.catalogue.map((s) => h('option', { value: s.id, selected: s.id === form.scenarioId }, local(ui.lang, s.title))),
        help: scenario ? local(ui.lang, scenario.summary) : ui.tr('app.loading'),
        problem: messageFor(setupFieldId.scenario),
        onChange: (v) => {
          form.scenarioId = v;
          changed(setupFieldId.scenario);
          ui.rerender();
        },
      }),
      text(setupFieldId.title, ui.tr('classroom.setupTitle'), form.title, (v) => {
        form.title = v;
      }, ui.tr('classroom.setupTitleHelp')),
      text(setupFieldId.tables, ui.tr('classroom.setupTables'), form.tables, (v) => {
        form.tables = v;
      }, ui.tr('classroom.setupTablesHelp', { max: MAX_TABLES }), { inputmode: 'numeric', size: 4 }),
      selectField({
        id: setupFieldId.seats,
        label: ui.tr('classroom.setupSeats'),
        options: (['1', '2', '3'] as const).map((n) => h('option', { value: n, selected: n === form.seatsPerSide }, ui.tr(`classroom.seats${n}`))),
        help: ui.tr('classroom.setupSeatsHelp'),
        problem: messageFor(setupFieldId.seats),
        onChange: (v) => {
          form.seatsPerSide = v;
          changed(setupFieldId.seats);
        },
      }),
      h(
        'fieldset',
        { class: 'setup-timers', 'aria-describedby': 'setup-timers-help' },
        h('legend', {}, ui.tr('classroom.setupTimers')),
        h('p', { class: 'help', id: 'setup-timers-help' }, ui.tr('classroom.setupTimersHelp')),
        TIMER_WAITS.map((w) =>
          text(setupFieldId.timer(w), ui.tr(TIMER_KEY[w]), form.timers[w], (v) => {
            form.timers[w] = v;
          }, null, { inputmode: 'numeric', size: 5 }),
        ),
      ),
      h(
        'div',
        { class: 'choice' },
        h('input', {
          type: 'checkbox',
          id: setupFieldId.ai,
          'data-testid': setupFieldId.ai,
          checked: form.aiForEmptySeats,
          'aria-describedby': 'setup-ai-help',
          onchange: (ev: Event) => {
            form.aiForEmptySeats = (ev.target as HTMLInputElement).checked;
            ui.rerender();
          },
        }),
        h('label', { for: setupFieldId.ai }, ui.tr('classroom.setupAi')),
        h('p', { class: 'help', id: 'setup-ai-help' }, ui.tr('classroom.setupAiHelp')),
      ),
      selectField({
        id: setupFieldId.difficulty,
        label: ui.tr('classroom.setupDifficulty'),
        attrs: { disabled: !form.aiForEmptySeats },
        options: DIFFICULTIES.map((id) => h('option', { value: id, selected: id === form.difficulty }, local(ui.lang, levels[id].name))),
        onChange: (v) => {
          form.difficulty = v as SetupForm['difficulty'];
        },
      }),
      selectField({
        id: setupFieldId.lang,
        label: ui.tr('classroom.setupLang'),
        options: [
          h('option', { value: 'en', lang: 'en', selected: form.lang === 'en' }, ui.tr('classroom.langEn')),
          h('option', { value: 'es', lang: 'es', selected: form.lang === 'es' }, ui.tr('classroom.langEs')),
        ],
        help: ui.tr('classroom.setupLangHelp'),
        helpLinked: false,
        onChange: (v) => {
          form.lang = v === 'es' ? 'es' : 'en';
        },
      }),
      h(
        'details',
        { class: 'help-details', open: mem.errors.some((e) => e.field === setupFieldId.seed) || server?.field === setupFieldId.seed },
        h('summary', {}, ui.tr('classroom.setupAdvanced')),
        text(setupFieldId.seed, ui.tr('classroom.setupSeed'), form.seed, (v) => {
          form.seed = v;
        }, ui.tr('classroom.setupSeedHelp'), { inputmode: 'numeric' }),
        h(
          'div',
          { class: 'choice' },
          h('input', {
            type: 'checkbox',
            id: setupFieldId.sameSeed,
            'data-testid': setupFieldId.sameSeed,
            checked: form.sameSeed,
            'aria-describedby': 'setup-same-seed-help',
            onchange: (ev: Event) => {
              form.sameSeed = (ev.target as HTMLInputElement).checked;
            },
          }),
          h('label', { for: setupFieldId.sameSeed }, ui.tr('classroom.setupSameSeed')),
          h('p', { class: 'help', id: 'setup-same-seed-help' }, ui.tr('classroom.setupSameSeedHelp')),
        ),
      ),
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'submit', class: 'btn btn-primary', id: 'class-create', 'data-testid': 'class-create', disabled: c.busy }, ui.tr('classroom.create')),
        c.busy ? h('p', { class: 'help', role: 'status' }, ui.tr('classroom.creating')) : null,
        h('button', { type: 'button', class: 'btn btn-quiet', id: 'setup-back', 'data-testid': 'setup-back', onclick: () => ui.controller.backToTitle() }, ui.tr('classroom.backToTitle')),
      ),
    ),
  );
}
