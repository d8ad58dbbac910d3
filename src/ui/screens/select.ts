// Scenario select: three scenario cards (era, dates, summary and its sources), the seat (US or Mexico)
// and the AI across the table (negotiating style and difficulty), then start.
import { DIFFICULTIES, difficultyLevels, findPersona } from '../../ai/persona-registry';
import { opponentCatalogue } from '../../ai/opponent';
import { getScenario } from '../../content/scenarios';
import { other, type PublicScenario, type Side } from '../../engine';
import type { Ui } from '../context';
import { h, screenHeading } from '../dom';
import { formatDate, local, sideName } from '../i18n';

function personasOf(scenarioId: string, side: Side): string[] {
  const scenario = getScenario(scenarioId);
  return scenario ? opponentCatalogue(scenario, side).personas : [];
}

function scenarioCard(ui: Ui, s: PublicScenario, chosen: boolean): HTMLElement {
  const first = s.calendar[0]!;
  const last = s.calendar[s.calendar.length - 1]!;
  const summaryId = `scenario-${s.id}-summary`;
  const select = () => {
    ui.memory.select.scenarioId = s.id;
    ui.memory.select.persona = null;
    ui.rerender();
  };
  return h(
    'div',
    { class: `scenario-card${chosen ? ' is-chosen' : ''}`, 'data-era-card': s.era },
    h(
      'div',
      { class: 'scenario-card-head' },
      h('input', {
        type: 'radio',
        name: 'scenario',
        id: `scenario-${s.id}`,
        'data-testid': `scenario-${s.id}`,
        value: s.id,
        checked: chosen,
        'aria-describedby': summaryId,
        onchange: select,
      }),
      h('label', { for: `scenario-${s.id}`, class: 'scenario-card-title' }, local(ui.lang, s.title)),
    ),
    h(
      'p',
      { class: 'scenario-card-meta' },
      ui.tr('select.era', { era: s.era }),
      ' · ',
      ui.tr('select.dates', { from: formatDate(ui.lang, first.date), to: formatDate(ui.lang, last.date) }),
      ' · ',
      ui.tr('select.rounds', { n: s.calendar.length }),
    ),
    h('p', { class: 'scenario-card-summary', id: summaryId }, local(ui.lang, s.summary)),
    h(
      'details',
      { class: 'scenario-card-sources' },
      h('summary', {}, ui.tr('select.sources')),
      h('ul', {}, s.sources.map((src) => h('li', {}, ui.tr('select.source', { author: src.author, title: src.title, year: src.year })))),
    ),
  );
}

export function selectScreen(ui: Ui): HTMLElement {
  const { state, memory } = ui;
  const m = memory.select;
  const scenarios = state.catalogue;
  const chosen = scenarios.find((s) => s.id === m.scenarioId) ?? scenarios[0]!;
  m.scenarioId = chosen.id;
  const aiSide = other(m.seat);
  const personas = personasOf(chosen.id, aiSide);
  if (!m.persona || !personas.includes(m.persona)) m.persona = personas[0] ?? null;
  const levels = difficultyLevels();
  const persona = m.persona ? findPersona(m.persona) : undefined;
  const level = DIFFICULTIES.includes(m.difficulty as 'normal') ? levels[m.difficulty as 'normal'] : undefined;

  const seatRadio = (side: Side) => {
    const d = chosen.delegations[side];
    return h(
      'div',
      { class: 'choice' },
      h('input', {
        type: 'radio',
        name: 'seat',
        id: `seat-${side}`,
        'data-testid': `seat-${side}`,
        value: side,
        checked: m.seat === side,
        onchange: () => {
          m.seat = side;
          m.persona = null;
          ui.rerender();
        },
      }),
      h('label', { for: `seat-${side}` }, h('strong', {}, sideName(ui.lang, side)), h('span', { class: 'choice-sub' }, ` — ${ui.tr('select.leads', { leader: local(ui.lang, d.leader) })}`)),
    );
  };

  const start = () => {
    if (!m.persona) return;
    void ui.controller.start(chosen.id, m.seat, { persona: m.persona, difficulty: m.difficulty });
  };

  return h(
    'section',
    { class: 'screen screen-select', 'aria-labelledby': 'select-heading' },
    h('div', { class: 'panel panel-slim' }, screenHeading(1, ui.tr('select.heading'), 'select-heading')),
    h(
      'fieldset',
      { class: 'scenario-cards' },
      h('legend', { class: 'visually-hidden' }, ui.tr('select.scenarios')),
      scenarios.map((s) => scenarioCard(ui, s, s.id === chosen.id)),
    ),
    h(
      'div',
      { class: 'select-options panel' },
      h(
        'fieldset',
        { class: 'seat-choice', 'aria-describedby': 'seat-help' },
        h('legend', {}, ui.tr('select.seatLegend')),
        seatRadio('us'),
        seatRadio('mx'),
        h('p', { class: 'help', id: 'seat-help' }, ui.tr('select.seatHelp')),
      ),
      h(
        'fieldset',
        { class: 'opponent-choice' },
        h('legend', {}, ui.tr('select.opponentLegend')),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'persona' }, ui.tr('select.persona')),
          h(
            'select',
            {
              id: 'persona',
              'data-testid': 'persona',
              'aria-describedby': 'persona-help',
              onchange: (ev: Event) => {
                m.persona = (ev.target as HTMLSelectElement).value;
                ui.rerender();
              },
            },
            personas.map((id) => {
              const p = findPersona(id);
              const name = p ? local(ui.lang, p.name) : id;
              return h('option', { value: id, selected: id === m.persona }, p?.scenario ? `${name} (${ui.tr('select.historical')})` : name);
            }),
          ),
          h('p', { class: 'help', id: 'persona-help' }, persona ? local(ui.lang, persona.description) : ''),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'difficulty' }, ui.tr('select.difficulty')),
          h(
            'select',
            {
              id: 'difficulty',
              'data-testid': 'difficulty',
              'aria-describedby': 'difficulty-help',
              onchange: (ev: Event) => {
                m.difficulty = (ev.target as HTMLSelectElement).value;
                ui.rerender();
              },
            },
            DIFFICULTIES.map((id) => h('option', { value: id, selected: id === m.difficulty }, local(ui.lang, levels[id].name))),
          ),
          h('p', { class: 'help', id: 'difficulty-help' }, level ? local(ui.lang, level.description) : ''),
        ),
      ),
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'button', class: 'btn', id: 'select-back', 'data-testid': 'back', onclick: () => ui.controller.backToTitle() }, ui.tr('select.back')),
        h('button', { type: 'button', class: 'btn btn-primary', id: 'start', 'data-testid': 'start', onclick: start }, ui.tr('select.start')),
      ),
    ),
  );
}
