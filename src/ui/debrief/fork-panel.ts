// "Replay from a round…" on the debrief: choose a round this game reached, change the shocks still to
// come (switch off, move to a later round, scale, add one from the scenario's pool), then play it on as
// before, watch the AIs play it, or run it many times in the Lab. Only valid choices are offered; what
// the engine still refuses (a move left in the past after choosing a later round, a bad factor) comes
// back from it and is shown next to the control concerned. The choices live in the overlay's memory.
import { getScenario } from '../../content/scenarios';
import type { Scenario } from '../../content/scenario-schema';
import { mergeOverrides, type Overrides, type View } from '../../engine';
import type { ForkProblem } from '../../app/controller';
import type { ForkMemory, Ui } from '../context';
import { type Child, h } from '../dom';
import { errorSummary } from '../error-summary';
import { forkText } from '../fork-text';
import { formatDate, local, sideName } from '../i18n';
import { armOverrides, blankArm, pivotalShock } from '../lab/shock-edits';
import { overridesText } from '../overrides-text';

const MAX_SCALE = 10;
type Shock = Scenario['shocks'][number];

export const forkFieldId = {
  round: 'fork-round',
  toggle: (shock: string) => `fork-${shock}-on`,
  move: (shock: string) => `fork-${shock}-move`,
  scale: (shock: string) => `fork-${shock}-scale`,
};

/** What the panel works from: the scenario, the game's own overrides (its earlier forks merged in) and its shocks. */
interface Setting {
  scenario: Scenario;
  view: View;
  /** The pool shocks the game already has, edited like any active shock. */
  added: Set<string>;
  disabled: Set<string>;
  moved: Record<string, string>;
}

function settingOf(ui: Ui, view: View): Setting | null {
  const scenario = getScenario(view.scenario.id);
  const save = ui.controller.currentSave();
  if (!scenario || !save) return null;
  const own = ui.state.forks.reduce<Overrides>((acc, f) => mergeOverrides(acc, f.overrides), save.envelope.overrides);
  return { scenario, view, added: new Set(own.add ?? []), disabled: new Set(own.disable ?? []), moved: { ...own.move } };
}

/** The shocks still open to change when replaying from `round`: not yet happened, and still in the game or in its pool. */
function shocksFrom(st: Setting, round: number): Shock[] {
  const happened = (id: string) => st.view.fired.some((f) => f.id === id && (f.round < round || (round === 0 && f.round === 0)));
  return st.scenario.shocks.filter((s) => !happened(s.id) && (st.added.has(s.id) || s.pool || !st.disabled.has(s.id)));
}

/** The first round a shock may move to: news of earlier rounds is already out (round 1's is out even at the start). */
const firstMove = (round: number) => Math.max(round, 1);

function memoryOf(ui: Ui, st: Setting): ForkMemory {
  const game = ui.state.events[0] ?? ui.state;
  if (ui.memory.fork?.game === game) return ui.memory.fork;
  // Start where the most consequential shock struck, if it did: "what if it had not happened?".
  const pivot = pivotalShock(st.scenario, { disable: [...st.disabled] });
  const struck = st.view.fired.find((f) => f.id === pivot);
  const round = struck ? struck.round : st.view.round;
  ui.memory.fork = { game, round, edits: blankArm(st.scenario), errors: [] };
  return ui.memory.fork;
}

/** The overrides the panel names: only the shocks it shows count. */
function chosenOverrides(st: Setting, mem: ForkMemory): Overrides {
  const shown = new Set(shocksFrom(st, mem.round).map((s) => s.id));
  const edits = Object.fromEntries(Object.entries(mem.edits).filter(([id]) => shown.has(id)));
  return armOverrides(st.scenario, edits, st.added);
}

const roundName = (ui: Ui, st: Setting, index: number) => {
  const c = st.scenario.calendar[index];
  return c ? `${formatDate(ui.lang, c.date)} · ${local(ui.lang, c.label)}` : String(index + 1);
};

/** The control a problem of the engine concerns, and the problem in the player's language. */
function placeProblem(ui: Ui, st: Setting, mem: ForkMemory, p: ForkProblem): { field: string; message: string } {
  const title = (id: string) => local(ui.lang, st.scenario.shocks.find((s) => s.id === id)?.title) || id;
  const known = (id: string) => st.scenario.shocks.some((s) => s.id === id);
  const m = /^(move|scale)\.(.+)$/.exec(p.path);
  if (m && known(m[2]!)) {
    const id = m[2]!;
    if (m[1] === 'move' && /before the fork/.test(p.rule))
      return {
        field: forkFieldId.move(id),
        message: ui.tr('fork.errMovePast', { shock: title(id), round: roundName(ui, st, st.scenario.calendar.findIndex((c) => c.id === mem.edits[id]?.move)), from: roundName(ui, st, mem.round) }),
      };
    if (m[1] === 'scale') return { field: forkFieldId.scale(id), message: ui.tr('fork.errScale', { shock: title(id), max: MAX_SCALE }) };
    return { field: m[1] === 'move' ? forkFieldId.move(id) : forkFieldId.scale(id), message: p.rule };
  }
  const happened = /already happened \(round (\d+)\)/.exec(p.rule);
  if (known(p.path) && happened) return { field: forkFieldId.toggle(p.path), message: ui.tr('fork.errHappened', { shock: title(p.path), n: happened[1]! }) };
  const quoted = /"([^"]+)"/.exec(p.rule)?.[1];
  if ((p.path === 'disable' || p.path === 'add') && quoted && known(quoted)) return { field: forkFieldId.toggle(quoted), message: p.rule };
  return { field: forkFieldId.round, message: p.rule };
}

function submit(ui: Ui, st: Setting, mem: ForkMemory, mode: 'play' | 'watch'): void {
  const overrides = chosenOverrides(st, mem);
  const fork = { atEvent: 0, round: mem.round, overrides };
  const line = forkText(ui.lang, st.view, fork);
  const problems = ui.controller.forkGame(mem.round, overrides, mode);
  if (problems.length) {
    mem.errors = problems.map((p) => placeProblem(ui, st, mem, p));
    ui.rerender();
    document.getElementById('fork-errors')?.focus();
    ui.say(`${ui.tr('fork.errorsHeading')} ${mem.errors.map((e) => e.message).join(' ')}`);
    return;
  }
  // The new game is on screen (the overlay starts a fresh panel for it); say what it is.
  ui.say(line);
}

function timing(ui: Ui, st: Setting, shock: Shock): string {
  const moved = st.moved[shock.id];
  const t = shock.trigger;
  let when: string;
  if (moved) when = roundName(ui, st, st.scenario.calendar.findIndex((c) => c.id === moved));
  else if (t.kind === 'round') when = roundName(ui, st, st.scenario.calendar.findIndex((c) => c.id === t.round));
  else if (t.kind === 'window') when = ui.tr('lab.whenWindow', { from: roundName(ui, st, st.scenario.calendar.findIndex((c) => c.id === t.from)), to: roundName(ui, st, st.scenario.calendar.findIndex((c) => c.id === t.to)), p: Math.round(t.probability * 100) });
  else when = ui.tr('lab.whenCondition');
  const fired = st.view.fired.find((f) => f.id === shock.id);
  const pool = shock.pool && !st.added.has(shock.id);
  return pool ? when : `${when} (${fired ? ui.tr('fork.firedAt', { n: fired.round + 1 }) : ui.tr('fork.notFired')})`;
}

export function forkPanel(ui: Ui, view: View): HTMLElement | null {
  const st = settingOf(ui, view);
  if (!st) return null;
  const mem = memoryOf(ui, st);
  const errorFor = (field: string) => mem.errors.find((e) => e.field === field);
  const invalid = (field: string, help?: string) => {
    const err = errorFor(field);
    return {
      attrs: { 'aria-invalid': err ? 'true' : null, 'aria-describedby': [help, err ? `${field}-error` : null].filter(Boolean).join(' ') || null },
      message: err ? h('p', { class: 'field-error', id: `${field}-error` }, err.message) : null,
    };
  };
  const changed = (field?: string) => {
    mem.errors = field ? mem.errors.filter((e) => e.field !== field) : [];
    ui.rerender();
  };
  const rows = shocksFrom(st, mem.round);
  const moveTo = st.scenario.calendar.map((c, i) => ({ c, i })).filter(({ i }) => i >= firstMove(mem.round));
  const roundField = invalid(forkFieldId.round, 'fork-intro');

  const row = (shock: Shock): HTMLElement => {
    const e = mem.edits[shock.id]!;
    const title = local(ui.lang, shock.title);
    const pool = shock.pool && !st.added.has(shock.id);
    const live = pool ? e.on : !e.on;
    const toggle = forkFieldId.toggle(shock.id);
    const tog = invalid(toggle);
    const move = invalid(forkFieldId.move(shock.id));
    const scale = invalid(forkFieldId.scale(shock.id));
    // A round chosen earlier may be in the past now (a later replay round): it stays shown, and the engine says why it cannot be.
    const stale = e.move !== '' && !moveTo.some(({ c }) => c.id === e.move);
    const tags: Child[] = [shock.historical ? h('span', { class: 'tag' }, ui.tr('lab.tagHistorical')) : null, shock.pool ? h('span', { class: 'tag' }, ui.tr('lab.tagPool')) : null];
    return h(
      'tr',
      { 'data-shock': shock.id },
      h('th', { scope: 'row' }, title, ' ', tags),
      h('td', {}, timing(ui, st, shock)),
      h(
        'td',
        { class: 'shock-toggle' },
        h('input', {
          type: 'checkbox',
          id: toggle,
          'data-testid': toggle,
          checked: e.on,
          ...tog.attrs,
          onchange: (ev: Event) => {
            e.on = (ev.target as HTMLInputElement).checked;
            changed(toggle);
          },
        }),
        h('label', { for: toggle }, ui.tr(pool ? 'lab.add' : 'lab.disable'), h('span', { class: 'visually-hidden' }, `: ${title}`)),
        tog.message,
      ),
      h(
        'td',
        {},
        h(
          'select',
          {
            id: forkFieldId.move(shock.id),
            'data-testid': forkFieldId.move(shock.id),
            'aria-label': ui.tr('fork.moveLabel', { shock: title }),
            disabled: !live,
            ...move.attrs,
            onchange: (ev: Event) => {
              e.move = (ev.target as HTMLSelectElement).value;
              changed(forkFieldId.move(shock.id));
            },
          },
          h('option', { value: '', selected: e.move === '' }, ui.tr('lab.asScheduled')),
          stale ? h('option', { value: e.move, selected: true }, roundName(ui, st, st.scenario.calendar.findIndex((c) => c.id === e.move))) : null,
          moveTo.map(({ c, i }) => h('option', { value: c.id, selected: c.id === e.move }, roundName(ui, st, i))),
        ),
        move.message,
      ),
      h(
        'td',
        {},
        h('input', {
          type: 'text',
          inputmode: 'decimal',
          class: 'fork-scale',
          id: forkFieldId.scale(shock.id),
          'data-testid': forkFieldId.scale(shock.id),
          'aria-label': ui.tr('fork.scaleLabel', { shock: title, max: MAX_SCALE }),
          size: 4,
          value: e.scale,
          disabled: !live,
          ...scale.attrs,
          oninput: (ev: Event) => {
            e.scale = (ev.target as HTMLInputElement).value;
          },
          onchange: () => changed(forkFieldId.scale(shock.id)),
        }),
        scale.message,
      ),
    );
  };

  const overrides = chosenOverrides(st, mem);
  const seat = view.side!;
  return h(
    'section',
    { class: 'panel fork-panel', 'aria-labelledby': 'fork-heading', 'data-testid': 'fork-panel' },
    h('h2', { id: 'fork-heading' }, ui.tr('fork.heading')),
    h('p', { class: 'help', id: 'fork-intro' }, ui.tr('fork.intro')),
    errorSummary({ id: 'fork-errors', className: 'fork-errors', heading: h('p', {}, h('strong', {}, ui.tr('fork.errorsHeading'))), errors: mem.errors }),
    h(
      'div',
      { class: 'field' },
      h('label', { for: forkFieldId.round }, ui.tr('fork.round')),
      h(
        'select',
        {
          id: forkFieldId.round,
          'data-testid': forkFieldId.round,
          ...roundField.attrs,
          onchange: (ev: Event) => {
            mem.round = Number((ev.target as HTMLSelectElement).value);
            changed();
          },
        },
        st.scenario.calendar.slice(0, view.round + 1).map((c, i) => h('option', { value: i, selected: i === mem.round }, ui.tr('fork.roundOption', { n: i + 1, label: local(ui.lang, c.label) }))),
      ),
      roundField.message,
    ),
    rows.length
      ? h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'data-table fork-shocks', 'data-testid': 'fork-shocks' },
            h('caption', {}, ui.tr('fork.shocksCaption', { n: mem.round + 1 })),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, ui.tr('lab.colShock')),
                h('th', { scope: 'col' }, ui.tr('lab.colWhen')),
                h('th', { scope: 'col' }, ui.tr('lab.colSwitch')),
                h('th', { scope: 'col' }, ui.tr('lab.colMove')),
                h('th', { scope: 'col' }, ui.tr('lab.colScale')),
              ),
            ),
            h('tbody', {}, rows.map(row)),
          ),
        )
      : h('p', { 'data-testid': 'fork-no-shocks' }, ui.tr('fork.noShocks')),
    h('p', { 'data-testid': 'fork-changes' }, ui.tr('fork.changes', { changes: overridesText(ui.lang, st.scenario, overrides) })),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', class: 'btn btn-primary', id: 'fork-play', 'data-testid': 'fork-play', 'aria-describedby': 'fork-play-help', onclick: () => submit(ui, st, mem, 'play') }, ui.tr('fork.play')),
      h('p', { class: 'help', id: 'fork-play-help' }, ui.tr('fork.playHelp', { side: sideName(ui.lang, seat) })),
      h('button', { type: 'button', class: 'btn', id: 'fork-watch', 'data-testid': 'fork-watch', 'aria-describedby': 'fork-watch-help', onclick: () => submit(ui, st, mem, 'watch') }, ui.tr('fork.watch')),
      h('p', { class: 'help', id: 'fork-watch-help' }, ui.tr('fork.watchHelp')),
      h(
        'button',
        { type: 'button', class: 'btn', id: 'fork-lab', 'data-testid': 'fork-lab', 'aria-describedby': 'fork-lab-help', onclick: () => ui.controller.openLab(true, chosenOverrides(st, mem)) },
        ui.tr('fork.lab'),
      ),
      h('p', { class: 'help', id: 'fork-lab-help' }, ui.tr('fork.labHelp')),
    ),
  );
}

/** On the debrief of a replayed game: from which round of which game, with which changes. */
export function forkNote(ui: Ui, view: View): HTMLElement | null {
  if (!ui.state.forks.length) return null;
  return h(
    'div',
    { class: 'fork-note', 'data-testid': 'fork-note' },
    h('h2', {}, ui.tr('fork.noteHeading')),
    ui.state.forks.map((f) => h('p', {}, forkText(ui.lang, view, f, 'fork.note'))),
  );
}
