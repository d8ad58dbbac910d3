// The instructor's console: every table live (round, stage, the offer on the table, approval at home, the
// timer, seats with names, AI or empty and who is connected, the shocks fired, the outcome), and the
// class's controls — start, pause, resume and extend the timer of one table or all, inject a shock from
// the scenario's pool, change the shocks still to come (the same shock edits as the Lab and the replay
// panel), broadcast a message, seat a student, end the class (after a confirmation), open the class
// debrief. Each table's refusal of a command is listed. Names and messages are set as text only.
import type { ClassSummary, ConsoleCommand, TableSummary } from '../../../content/classroom-schema';
import { MAX_BROADCAST_LENGTH } from '../../../content/classroom-schema';
import { getScenario } from '../../../content/scenarios';
import type { Scenario } from '../../../content/scenario-schema';
import type { Overrides } from '../../../engine';
import { lookup } from '../../../i18n/translate';
import type { Ui } from '../../context';
import { type Child, h, screenHeading } from '../../dom';
import { errorSummary } from '../../error-summary';
import { local, pct, sideName } from '../../i18n';
import { armOverrides, blankArm } from '../../lab/shock-edits';
import { overridesText } from '../../overrides-text';
import { seatText } from '../../table/class-seat';
import { formatClock } from '../../toolbar';
import { type ClassroomMemory, classroomMemory } from './memory';
import { problemText } from './words';

const MAX_SCALE = 10;
const EXTEND_MIN_S = 5;
const EXTEND_MAX_S = 3600;
type ConsoleMemory = ClassroomMemory['console'];

function scenarioOf(summary: ClassSummary | null): Scenario | null {
  if (!summary) return null;
  try {
    return getScenario(summary.config.scenarioId) ?? null;
  } catch {
    return null;
  }
}

const shockTitle = (ui: Ui, scenario: Scenario | null, id: string) => local(ui.lang, scenario?.shocks.find((s) => s.id === id)?.title) || id;

function roundText(ui: Ui, scenario: Scenario | null, t: TableSummary): string {
  if (t.round === null) return ui.tr('classroom.notStarted');
  const total = scenario?.calendar.length ?? t.round + 1;
  const label = local(ui.lang, scenario?.calendar.find((c) => c.id === t.roundId)?.label ?? scenario?.calendar[t.round]?.label);
  return ui.tr('classroom.roundOf', { n: t.round + 1, total, label });
}

function offerText(ui: Ui, scenario: Scenario | null, offer: NonNullable<TableSummary['offer']>): string {
  const parts = Object.entries(offer.package).map(([issueId, optionId]) => {
    const issue = scenario?.issues.find((i) => i.id === issueId);
    const option = issue?.options.find((o) => o.id === optionId);
    return `${local(ui.lang, issue?.name) || issueId}: ${local(ui.lang, option?.label) || optionId}`;
  });
  return ui.tr('classroom.offerBy', { side: sideName(ui.lang, offer.by), package: parts.join('; ') });
}

function outcomeText(ui: Ui, o: NonNullable<TableSummary['outcome']>): string {
  const reason = lookup(ui.lang, `ui.classroom.outcome.${o.reason}`) ?? o.reason;
  if (!o.ratified) return reason;
  const verdict = (side: 'us' | 'mx') => `${sideName(ui.lang, side)} ${o.ratified![side] ? '✔' : '✘'}`;
  return `${reason} (${verdict('us')} · ${verdict('mx')})`;
}

/** A table's refusal of a command in words: the console's own text for the code, else the server's reason. */
function commandRefusalText(ui: Ui, code: string, reason: string): string {
  return lookup(ui.lang, `ui.classroom.commandRefusal.${code}`) ?? lookup(ui.lang, `ui.classroom.error.${code}`) ?? reason;
}

function send(ui: Ui, command: ConsoleCommand, done?: () => void): void {
  void ui.controller.consoleCommand(command).then(() => {
    done?.();
    ui.rerender();
    const r = ui.state.classroom.lastCommand;
    if (r) ui.say(resultLine(ui, r));
  });
}

function resultLine(ui: Ui, r: NonNullable<Ui['state']['classroom']['lastCommand']>): string {
  if (r.error) return ui.tr('classroom.commandFailed', { reason: problemText(ui.lang, r.error.code) });
  if (!r.result) return '';
  const refused = r.result.refused;
  const op = ui.tr(`classroom.op.${r.command.op}`);
  if (!refused.length) return ui.tr(r.result.ok ? 'classroom.commandDone' : 'classroom.commandNotDone', { op });
  return ui.tr('classroom.commandRefusedAt', { op, tables: refused.map((x) => x.tableNo).join(', ') });
}

function lastCommandPanel(ui: Ui): HTMLElement {
  const r = ui.state.classroom.lastCommand;
  return h(
    'div',
    { class: 'console-result', role: 'status', 'data-testid': 'console-result' },
    r ? h('p', {}, resultLine(ui, r)) : null,
    r?.result?.refused.length
      ? h(
          'ul',
          { class: 'console-refusals', 'data-testid': 'console-refusals' },
          r.result.refused.map((x) => h('li', { 'data-testid': `console-refusal-${x.tableNo}` }, ui.tr('classroom.tableRefused', { n: x.tableNo, reason: commandRefusalText(ui, x.code, x.reason) }))),
        )
      : null,
  );
}

function createdPanel(ui: Ui): HTMLElement | null {
  const created = ui.state.classroom.created;
  if (!created) return null;
  const mem = classroomMemory(ui.memory).console;
  const here = `${globalThis.location?.origin ?? ''}${globalThis.location?.pathname ?? '/'}`;
  const studentLink = `${here}#/join/${created.joinCode}`;
  // The console's address keeps this page's path; only its fragment (which carries the secret) is the server's.
  const hash = created.consolePath.indexOf('#');
  const consoleLink = hash >= 0 ? `${here}${created.consolePath.slice(hash)}` : new URL(created.consolePath, here || 'http://localhost/').toString();
  const copy = (which: string, text: string, inputId: string) => () => {
    const done = () => {
      mem.copied = which;
      ui.rerender();
      ui.say(ui.tr('classroom.copied'));
    };
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    const clip = globalThis.navigator?.clipboard;
    if (clip) void clip.writeText(text).then(done, () => input?.select());
    else input?.select();
  };
  const row = (which: string, label: string, value: string, inputId: string) =>
    h(
      'div',
      { class: 'field created-row' },
      h('label', { for: inputId }, label),
      h(
        'div',
        { class: 'created-value' },
        h('input', { type: 'text', id: inputId, 'data-testid': inputId, readonly: true, value, spellcheck: 'false' }),
        h(
          'button',
          { type: 'button', class: 'btn btn-small', id: `${inputId}-copy`, 'data-testid': `${inputId}-copy`, onclick: copy(which, value, inputId) },
          mem.copied === which ? ui.tr('classroom.copiedShort') : ui.tr('classroom.copy'),
          h('span', { class: 'visually-hidden' }, `: ${label}`),
        ),
      ),
    );
  return h(
    'section',
    { class: 'panel created-panel', 'aria-labelledby': 'created-heading', 'data-testid': 'created-panel' },
    h('h2', { id: 'created-heading' }, ui.tr('classroom.createdHeading')),
    h('p', { class: 'big-figure join-code', 'data-testid': 'created-code' }, created.joinCode),
    row('code', ui.tr('classroom.createdCode'), created.joinCode, 'created-code-text'),
    row('student', ui.tr('classroom.createdStudentLink'), studentLink, 'created-student-link'),
    row('console', ui.tr('classroom.createdConsoleLink'), consoleLink, 'created-console-link'),
    h('p', { class: 'secret-note', 'data-testid': 'created-warning' }, ui.tr('classroom.createdOnce')),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', class: 'btn btn-primary', id: 'created-done', 'data-testid': 'created-done', onclick: () => ui.controller.dismissCreated() }, ui.tr('classroom.createdDone')),
    ),
  );
}

function tableCard(ui: Ui, scenario: Scenario | null, t: TableSummary, mem: ConsoleMemory): HTMLElement {
  const id = `console-table-${t.tableNo}`;
  const item = (term: string, ...value: Child[]) => [h('dt', {}, term), h('dd', {}, ...value)];
  const status = ui.tr(`classroom.status.${t.status}`);
  return h(
    'article',
    { class: `console-table is-${t.status}${t.paused ? ' is-paused' : ''}${mem.target === t.tableNo ? ' is-target' : ''}`, 'aria-labelledby': `${id}-heading`, 'data-testid': id },
    h('h3', { id: `${id}-heading` }, ui.tr('classroom.tableHeading', { n: t.tableNo }), ' ', h('span', { class: 'tag' }, status), t.paused ? [' ', h('span', { class: 'tag tag-paused' }, ui.tr('classroom.paused'))] : null),
    h(
      'dl',
      { class: 'console-facts' },
      item(ui.tr('classroom.factRound'), roundText(ui, scenario, t)),
      item(ui.tr('classroom.factStage'), ui.tr(`classroom.stage.${t.screen}`)),
      item(ui.tr('classroom.factOffer'), t.offer ? offerText(ui, scenario, t.offer) : ui.tr('classroom.none')),
      item(
        ui.tr('classroom.factApproval'),
        t.approval ? `${sideName(ui.lang, 'us')} ${ui.tr('common.percent', { n: pct(t.approval.us) })} · ${sideName(ui.lang, 'mx')} ${ui.tr('common.percent', { n: pct(t.approval.mx) })}` : ui.tr('classroom.none'),
      ),
      item(
        ui.tr('classroom.factTimer'),
        t.countdownMs === null
          ? ui.tr('classroom.untimed')
          : t.paused
            ? ui.tr('classroom.timerPaused', { time: formatClock(t.countdownMs) })
            : h('span', { 'data-countdown': t.countdownMs, 'data-testid': `${id}-timer` }, formatClock(t.countdownMs)),
      ),
      item(ui.tr('classroom.factShocks'), t.fired.length ? t.fired.map((s) => shockTitle(ui, scenario, s)).join(', ') : ui.tr('classroom.none')),
      t.outcome ? item(ui.tr('classroom.factOutcome'), outcomeText(ui, t.outcome)) : null,
    ),
    h(
      'ul',
      { class: 'console-seats', 'aria-label': ui.tr('classroom.seatsLabel', { n: t.tableNo }) },
      t.seats.map((s) =>
        h(
          'li',
          { class: s.ai ? 'is-ai' : s.name ? (s.connected ? 'is-connected' : 'is-away') : 'is-empty' },
          `${seatText(ui.lang, s.seat)}: `,
          s.name ? h('span', { class: 'mate-name' }, s.name) : null,
          s.name ? ` (${ui.tr(s.connected ? 'classroom.connected' : 'classroom.away')}${s.ai ? `, ${ui.tr('classroom.aiStandsIn')}` : ''})` : s.ai ? ui.tr('classroom.ai') : ui.tr('classroom.emptySeat'),
        ),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-small',
        id: `${id}-select`,
        'data-testid': `${id}-select`,
        'aria-pressed': mem.target === t.tableNo ? 'true' : 'false',
        onclick: () => {
          mem.target = mem.target === t.tableNo ? 'all' : t.tableNo;
          ui.rerender();
        },
      },
      ui.tr('classroom.controlThis', { n: t.tableNo }),
    ),
  );
}

function overridePanel(ui: Ui, scenario: Scenario, mem: ConsoleMemory, busy: boolean, fieldError: (f: string) => HTMLElement | null): HTMLElement {
  mem.edits ??= blankArm(scenario);
  const edits = mem.edits;
  const rounds = scenario.calendar.map((c, i) => ({ c, i })).filter(({ i }) => i >= 1);
  const overrides = armOverrides(scenario, edits);
  const rows = scenario.shocks.map((shock) => {
    const e = edits[shock.id]!;
    const title = local(ui.lang, shock.title);
    const live = shock.pool ? e.on : !e.on;
    const base = `console-ov-${shock.id}`;
    return h(
      'tr',
      { 'data-shock': shock.id },
      h('th', { scope: 'row' }, title, shock.pool ? [' ', h('span', { class: 'tag' }, ui.tr('lab.tagPool'))] : null),
      h(
        'td',
        { class: 'shock-toggle' },
        h('input', {
          type: 'checkbox',
          id: `${base}-on`,
          'data-testid': `${base}-on`,
          checked: e.on,
          onchange: (ev: Event) => {
            e.on = (ev.target as HTMLInputElement).checked;
            ui.rerender();
          },
        }),
        h('label', { for: `${base}-on` }, ui.tr(shock.pool ? 'lab.add' : 'lab.disable'), h('span', { class: 'visually-hidden' }, `: ${title}`)),
      ),
      h(
        'td',
        {},
        h(
          'select',
          {
            id: `${base}-move`,
            'data-testid': `${base}-move`,
            'aria-label': ui.tr('fork.moveLabel', { shock: title }),
            disabled: !live,
            onchange: (ev: Event) => {
              e.move = (ev.target as HTMLSelectElement).value;
              ui.rerender();
            },
          },
          h('option', { value: '', selected: e.move === '' }, ui.tr('lab.asScheduled')),
          rounds.map(({ c, i }) => h('option', { value: c.id, selected: c.id === e.move }, ui.tr('fork.roundOption', { n: i + 1, label: local(ui.lang, c.label) }))),
        ),
      ),
      h(
        'td',
        {},
        h('input', {
          type: 'text',
          inputmode: 'decimal',
          size: 4,
          id: `${base}-scale`,
          'data-testid': `${base}-scale`,
          'aria-label': ui.tr('fork.scaleLabel', { shock: title, max: MAX_SCALE }),
          value: e.scale,
          disabled: !live,
          'aria-invalid': mem.errors.some((x) => x.field === `${base}-scale`) ? 'true' : null,
          'aria-describedby': mem.errors.some((x) => x.field === `${base}-scale`) ? `${base}-scale-error` : null,
          oninput: (ev: Event) => {
            e.scale = (ev.target as HTMLInputElement).value;
          },
          onchange: () => {
            mem.errors = mem.errors.filter((x) => x.field !== `${base}-scale`);
            ui.rerender();
          },
        }),
        fieldError(`${base}-scale`),
      ),
    );
  });
  const submit = () => {
    const bad = scenario.shocks.filter((s) => {
      const e = edits[s.id]!;
      const live = s.pool ? e.on : !e.on;
      const f = e.scale.trim().replace(',', '.');
      return live && f !== '' && !(/^\d+(\.\d+)?$/.test(f) && Number(f) > 0 && Number(f) <= MAX_SCALE);
    });
    mem.errors = mem.errors.filter((x) => !x.field.startsWith('console-ov-') && x.field !== 'console-command-override');
    for (const s of bad) mem.errors.push({ field: `console-ov-${s.id}-scale`, message: ui.tr('classroom.errScale', { shock: local(ui.lang, s.title), max: MAX_SCALE }) });
    const chosen: Overrides = armOverrides(scenario, edits);
    if (!bad.length && Object.keys(chosen).length === 0) mem.errors.push({ field: 'console-command-override', message: ui.tr('classroom.errNoChange') });
    if (mem.errors.length) {
      ui.rerender();
      document.getElementById('console-errors')?.focus();
      return;
    }
    send(ui, { op: 'override', target: mem.target, overrides: chosen as Extract<ConsoleCommand, { op: 'override' }>['overrides'] }, () => {
      if (ui.state.classroom.lastCommand?.result?.ok) mem.edits = blankArm(scenario);
    });
  };
  return h(
    'details',
    { class: 'console-override', open: mem.errors.some((x) => x.field.startsWith('console-ov-') || x.field === 'console-command-override') || undefined },
    h('summary', {}, ui.tr('classroom.overrideHeading')),
    h('p', { class: 'help' }, ui.tr('classroom.overrideHelp')),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data-table fork-shocks', 'data-testid': 'console-override-table' },
        h('caption', { class: 'visually-hidden' }, ui.tr('classroom.overrideHeading')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ui.tr('lab.colShock')), h('th', { scope: 'col' }, ui.tr('lab.colSwitch')), h('th', { scope: 'col' }, ui.tr('lab.colMove')), h('th', { scope: 'col' }, ui.tr('lab.colScale')))),
        h('tbody', {}, rows),
      ),
    ),
    h('p', { 'data-testid': 'console-override-changes' }, ui.tr('fork.changes', { changes: overridesText(ui.lang, scenario, overrides) })),
    h('button', { type: 'button', class: 'btn', id: 'console-command-override', 'data-testid': 'console-command-override', disabled: busy, onclick: submit }, ui.tr('classroom.override')),
    fieldError('console-command-override'),
  );
}

function controlsPanel(ui: Ui, summary: ClassSummary, scenario: Scenario | null, mem: ConsoleMemory): HTMLElement {
  const busy = ui.state.classroom.busy;
  const ended = summary.status === 'ended';
  const fieldError = (field: string) => {
    const e = mem.errors.find((x) => x.field === field);
    return e ? h('p', { class: 'field-error', id: `${field}-error`, 'data-testid': `${field}-error` }, e.message) : null;
  };
  const invalid = (field: string) => (mem.errors.some((x) => x.field === field) ? { 'aria-invalid': 'true', 'aria-describedby': `${field}-error` } : {});
  const clear = (field: string) => {
    mem.errors = mem.errors.filter((x) => x.field !== field);
  };
  const button = (op: string, text: string, onclick: () => void, extra: Record<string, string | boolean> = {}) =>
    h('button', { type: 'button', class: 'btn', id: `console-command-${op}`, 'data-testid': `console-command-${op}`, disabled: busy || ended, onclick, ...extra }, text);
  const pool = scenario?.shocks.filter((s) => s.pool) ?? [];
  if (pool.length && !pool.some((s) => s.id === mem.shock)) mem.shock = pool[0]!.id;
  const target = mem.target;
  const targetName = target === 'all' ? ui.tr('classroom.allTables') : ui.tr('classroom.tableHeading', { n: target });

  const extend = () => {
    const t = mem.extend.trim();
    const n = /^\d+$/.test(t) ? Number(t) : Number.NaN;
    clear('console-extend-seconds');
    if (!(n >= EXTEND_MIN_S && n <= EXTEND_MAX_S)) {
      mem.errors.push({ field: 'console-extend-seconds', message: ui.tr('classroom.errExtend', { min: EXTEND_MIN_S, max: EXTEND_MAX_S }) });
      ui.rerender();
      document.getElementById('console-extend-seconds')?.focus();
      return;
    }
    send(ui, { op: 'extend', target, seconds: n });
  };
  const broadcast = () => {
    const text = mem.broadcast.trim();
    clear('console-broadcast-text');
    if (text.length === 0 || text.length > MAX_BROADCAST_LENGTH) {
      mem.errors.push({ field: 'console-broadcast-text', message: ui.tr(text.length === 0 ? 'classroom.errBroadcastEmpty' : 'classroom.errBroadcastLong', { max: MAX_BROADCAST_LENGTH }) });
      ui.rerender();
      document.getElementById('console-broadcast-text')?.focus();
      return;
    }
    send(ui, { op: 'broadcast', text }, () => {
      if (ui.state.classroom.lastCommand?.result?.ok) mem.broadcast = '';
    });
  };

  return h(
    'section',
    { class: 'panel console-controls', 'aria-labelledby': 'console-controls-heading' },
    h('h2', { id: 'console-controls-heading' }, ui.tr('classroom.controlsHeading')),
    errorSummary({ id: 'console-errors', className: 'class-errors', heading: h('p', {}, h('strong', {}, ui.tr('classroom.formErrors'))), errors: mem.errors }),
    summary.status === 'open'
      ? h(
          'div',
          { class: 'console-start' },
          h('p', { class: 'help', id: 'console-start-help' }, ui.tr('classroom.startHelp', { n: summary.students.length })),
          button('start', ui.tr('classroom.start'), () => send(ui, { op: 'start' }), { class: 'btn btn-primary', 'aria-describedby': 'console-start-help' }),
        )
      : null,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'console-target' }, ui.tr('classroom.target')),
      h(
        'select',
        {
          id: 'console-target',
          'data-testid': 'console-target',
          onchange: (ev: Event) => {
            const v = (ev.target as HTMLSelectElement).value;
            mem.target = v === 'all' ? 'all' : Number(v);
            ui.rerender();
          },
        },
        h('option', { value: 'all', selected: target === 'all' }, ui.tr('classroom.allTables')),
        summary.tables.map((t) => h('option', { value: t.tableNo, selected: target === t.tableNo }, ui.tr('classroom.tableHeading', { n: t.tableNo }))),
      ),
    ),
    h(
      'div',
      { class: 'button-row', role: 'group', 'aria-label': ui.tr('classroom.timerGroup', { target: targetName }) },
      button('pause', ui.tr('classroom.pause'), () => send(ui, { op: 'pause', target })),
      button('resume', ui.tr('classroom.resume'), () => send(ui, { op: 'resume', target })),
    ),
    h(
      'div',
      { class: 'console-inline' },
      h('label', { for: 'console-extend-seconds' }, ui.tr('classroom.extendSeconds')),
      h('input', {
        type: 'text',
        inputmode: 'numeric',
        size: 5,
        id: 'console-extend-seconds',
        'data-testid': 'console-extend-seconds',
        value: mem.extend,
        ...invalid('console-extend-seconds'),
        oninput: (ev: Event) => {
          mem.extend = (ev.target as HTMLInputElement).value;
        },
      }),
      button('extend', ui.tr('classroom.extend'), extend),
      fieldError('console-extend-seconds'),
    ),
    pool.length
      ? h(
          'div',
          { class: 'console-inline' },
          h('label', { for: 'console-shock' }, ui.tr('classroom.injectShock')),
          h(
            'select',
            {
              id: 'console-shock',
              'data-testid': 'console-shock',
              onchange: (ev: Event) => {
                mem.shock = (ev.target as HTMLSelectElement).value;
              },
            },
            pool.map((s) => h('option', { value: s.id, selected: s.id === mem.shock }, local(ui.lang, s.title))),
          ),
          button('inject', ui.tr('classroom.inject'), () => send(ui, { op: 'inject', target, shock: mem.shock })),
        )
      : h('p', { class: 'help' }, ui.tr('classroom.noPool')),
    scenario && !ended ? overridePanel(ui, scenario, mem, busy, fieldError) : null,
    h(
      'div',
      { class: 'field console-broadcast' },
      h('label', { for: 'console-broadcast-text' }, ui.tr('classroom.broadcastLabel')),
      h(
        'textarea',
        {
          id: 'console-broadcast-text',
          'data-testid': 'console-broadcast-text',
          rows: 2,
          maxlength: MAX_BROADCAST_LENGTH,
          ...invalid('console-broadcast-text'),
          oninput: (ev: Event) => {
            mem.broadcast = (ev.target as HTMLTextAreaElement).value;
          },
        },
        mem.broadcast,
      ),
      h('p', { class: 'help' }, ui.tr('classroom.broadcastHelp', { max: MAX_BROADCAST_LENGTH })),
      fieldError('console-broadcast-text'),
      h('div', { class: 'button-row' }, button('broadcast', ui.tr('classroom.broadcast'), broadcast)),
    ),
    lastCommandPanel(ui),
    h(
      'div',
      { class: 'button-row console-class-actions' },
      h('button', { type: 'button', class: 'btn', id: 'console-open-debrief', 'data-testid': 'console-open-debrief', disabled: busy, onclick: () => void ui.controller.openClassDebrief() }, ui.tr('classroom.openDebrief')),
      ended
        ? null
        : h(
            'button',
            {
              type: 'button',
              class: 'btn btn-danger-quiet',
              id: 'console-command-end',
              'data-testid': 'console-command-end',
              'aria-expanded': mem.confirmEnd ? 'true' : 'false',
              disabled: busy,
              onclick: () => {
                mem.confirmEnd = true;
                ui.rerender();
                document.getElementById('console-end-no')?.focus();
              },
            },
            ui.tr('classroom.end'),
          ),
      h('button', { type: 'button', class: 'btn btn-quiet', id: 'console-close', 'data-testid': 'console-close', onclick: () => ui.controller.closeConsole() }, ui.tr('classroom.closeConsole')),
    ),
    mem.confirmEnd && !ended
      ? h(
          'div',
          { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'console-end-text', 'aria-modal': 'false' },
          h('p', { id: 'console-end-text' }, ui.tr('classroom.endConfirm')),
          h(
            'div',
            { class: 'button-row' },
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-danger',
                id: 'console-end-yes',
                'data-testid': 'console-end-yes',
                onclick: () => {
                  mem.confirmEnd = false;
                  send(ui, { op: 'end' });
                },
              },
              ui.tr('classroom.endYes'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-primary',
                id: 'console-end-no',
                'data-testid': 'console-end-no',
                onclick: () => {
                  mem.confirmEnd = false;
                  ui.rerender();
                  document.getElementById('console-command-end')?.focus();
                },
              },
              ui.tr('classroom.endNo'),
            ),
          ),
        )
      : null,
  );
}

function studentsPanel(ui: Ui, summary: ClassSummary, mem: ConsoleMemory): HTMLElement {
  const busy = ui.state.classroom.busy;
  const seats = summary.tables.flatMap((t) => t.seats.map((s) => ({ tableNo: t.tableNo, ...s })));
  return h(
    'section',
    { class: 'panel console-students', 'aria-labelledby': 'console-students-heading' },
    h('h2', { id: 'console-students-heading' }, ui.tr('classroom.studentsHeading', { n: summary.students.length })),
    summary.students.length === 0
      ? h('p', { class: 'help', 'data-testid': 'console-no-students' }, ui.tr('classroom.noStudents', { code: summary.joinCode }))
      : h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'data-table', 'data-testid': 'console-students' },
            h('caption', { class: 'visually-hidden' }, ui.tr('classroom.studentsHeading', { n: summary.students.length })),
            h(
              'thead',
              {},
              h('tr', {}, h('th', { scope: 'col' }, ui.tr('classroom.colName')), h('th', { scope: 'col' }, ui.tr('classroom.colSeat')), h('th', { scope: 'col' }, ui.tr('classroom.colConnected')), h('th', { scope: 'col' }, ui.tr('classroom.colMove'))),
            ),
            h(
              'tbody',
              {},
              summary.students.map((st) => {
                const current = `${st.tableNo}:${st.seat}`;
                const chosen = mem.moves[st.studentId] ?? current;
                const selectId = `console-move-${st.studentId}`;
                return h(
                  'tr',
                  { 'data-testid': `console-student-${st.studentId}` },
                  h('th', { scope: 'row', class: 'mate-name' }, st.name),
                  h('td', {}, ui.tr('classroom.tableSeat', { n: st.tableNo, seat: seatText(ui.lang, st.seat) })),
                  h('td', {}, ui.tr(st.connected ? 'classroom.connected' : 'classroom.away')),
                  h(
                    'td',
                    { class: 'console-move' },
                    h(
                      'select',
                      {
                        id: selectId,
                        'data-testid': selectId,
                        'aria-label': ui.tr('classroom.moveLabel', { name: st.name }),
                        onchange: (ev: Event) => {
                          mem.moves[st.studentId] = (ev.target as HTMLSelectElement).value;
                          ui.rerender();
                        },
                      },
                      seats.map((s) => {
                        const value = `${s.tableNo}:${s.seat}`;
                        const taken = s.studentId !== null && s.studentId !== st.studentId;
                        const who = s.name ?? (s.ai ? ui.tr('classroom.ai') : ui.tr('classroom.emptySeat'));
                        return h('option', { value, selected: value === chosen, disabled: taken }, `${ui.tr('classroom.tableSeat', { n: s.tableNo, seat: seatText(ui.lang, s.seat) })} (${who})`);
                      }),
                    ),
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'btn btn-small',
                        id: `console-command-seat-${st.studentId}`,
                        'data-testid': `console-command-seat-${st.studentId}`,
                        disabled: busy || chosen === current,
                        onclick: () => {
                          const [tableNo, seat] = chosen.split(':');
                          send(ui, { op: 'seat', studentId: st.studentId, tableNo: Number(tableNo), seat: seat! }, () => {
                            delete mem.moves[st.studentId];
                          });
                        },
                      },
                      ui.tr('classroom.move'),
                      h('span', { class: 'visually-hidden' }, `: ${st.name}`),
                    ),
                  ),
                );
              }),
            ),
          ),
        ),
  );
}

export function consoleScreen(ui: Ui): HTMLElement {
  const c = ui.state.classroom;
  const mem = classroomMemory(ui.memory).console;
  const summary = c.summary;
  const scenario = scenarioOf(summary);
  const title = summary?.config.title || (scenario ? local(ui.lang, scenario.title) : '');
  const refused = c.linkEnd && (c.linkEnd.code === 'not-instructor' || c.linkEnd.code === 'unknown-class') ? c.linkEnd : null;
  const debriefError = c.formError?.form === 'debrief' ? c.formError : null;
  return h(
    'section',
    { class: 'screen screen-console', 'aria-labelledby': 'console-heading' },
    h(
      'div',
      { class: 'panel panel-slim console-head' },
      screenHeading(1, title ? ui.tr('classroom.consoleHeadingOf', { title }) : ui.tr('classroom.consoleHeading'), 'console-heading'),
      summary
        ? h(
            'p',
            { class: 'status-line', 'data-testid': 'console-status' },
            ui.tr('classroom.consoleStatus', { status: ui.tr(`classroom.classStatus.${summary.status}`), code: summary.joinCode, n: summary.students.length, tables: summary.tables.length }),
          )
        : null,
      h('p', { class: 'help', role: 'status', 'data-testid': 'connection' }, consoleConnection(ui)),
      debriefError ? h('p', { class: 'refusal', role: 'alert' }, ui.tr('classroom.debriefFailed', { reason: problemText(ui.lang, debriefError.code) })) : null,
    ),
    createdPanel(ui),
    refused
      ? h(
          'div',
          { class: 'panel', role: 'alert', 'data-testid': 'console-refused' },
          h('p', {}, problemText(ui.lang, refused.code)),
          h('button', { type: 'button', class: 'btn', id: 'console-close', 'data-testid': 'console-close', onclick: () => ui.controller.closeConsole() }, ui.tr('classroom.closeConsole')),
        )
      : null,
    summary && !refused
      ? [
          controlsPanel(ui, summary, scenario, mem),
          h(
            'section',
            { class: 'panel console-tables', 'aria-labelledby': 'console-tables-heading' },
            h('h2', { id: 'console-tables-heading' }, ui.tr('classroom.tablesHeading')),
            h(
              'div',
              { class: 'console-grid', 'data-testid': 'console-tables' },
              summary.tables.map((t) => tableCard(ui, scenario, t, mem)),
            ),
          ),
          studentsPanel(ui, summary, mem),
        ]
      : refused
        ? null
        : h('p', { class: 'panel', 'aria-busy': 'true' }, ui.tr('app.loading')),
  );
}

function consoleConnection(ui: Ui): string {
  const c = ui.state.classroom;
  switch (c.connection) {
    case 'open':
      return ui.tr('classroom.connConsoleOpen');
    case 'reconnecting':
      return ui.tr('classroom.connReconnecting');
    case 'connecting':
      return ui.tr('classroom.connConnecting');
    case 'closed':
      return ui.tr('classroom.connClosed');
    default:
      return '';
  }
}
