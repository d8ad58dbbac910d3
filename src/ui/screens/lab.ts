// The counterfactual Lab: thousands of AI-vs-AI games of a scenario in Web Workers, under chosen settings
// (personas or the historical arm, shocks switched off, moved, scaled or added), optionally against a
// second arm on the same seeds; a progress bar with a Cancel button; then the outcome distributions with
// data tables, downloadable as CSV and JSON. It is loaded on demand (the title does not carry it). The
// screen keeps its own state across the overlay's redraws; leaving it cancels a running batch.
import '../styles/lab.css';
import type { AppController } from '../../app/controller';
import { DIFFICULTIES, difficultyLevels, findPersona } from '../../ai/persona-registry';
import type { Scenario } from '../../content/scenario-schema';
import { getScenario, SCENARIO_IDS } from '../../content/scenarios';
import type { Side } from '../../engine';
import type { ArmConfig } from '../../lab/batch';
import { type LabReport, labReport, reportCsv, reportFileName, reportJson } from '../../lab/web-export';
import { type LabBatch, LabCancelled, type LabWorker, runArmsInWorkers, spawnLabWorker } from '../../lab/web-pool';
import type { Locale } from '../../i18n/translate';
import type { Ui } from '../context';
import { type Child, fill, h, screenHeading } from '../dom';
import { errorSummary } from '../error-summary';
import { formatDate, local, sideName } from '../i18n';
import { LabCharts } from '../lab/charts';
import { downloadText } from '../lab/download';
import { type FieldError, fieldId, formFromPreset, type LabForm, MAX_RUNS, MAX_SCALE, newForm, personaChoices, readForm } from '../lab/form';
import { percentText, resultsView } from '../lab/results';

/** Where the workers come from and how many; tests hand over in-thread workers. */
export const labEnvironment: { spawn: () => LabWorker; threads: () => number; now: () => number } = {
  spawn: spawnLabWorker,
  threads: () => Math.max(1, Math.min(16, globalThis.navigator?.hardwareConcurrency || 2)),
  now: () => performance.now(),
};

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; batch: LabBatch; done: number; total: number; workers: number; started: number; milestone: number }
  | { kind: 'cancelled'; done: number; total: number }
  | { kind: 'failed'; message: string };

const views = new WeakMap<AppController, LabView>();

export function labScreen(ui: Ui): HTMLElement {
  let view = views.get(ui.controller);
  if (!view || view.disposed) {
    view = new LabView(ui);
    views.set(ui.controller, view);
  }
  return view.render(ui);
}

class LabView {
  disposed = false;
  private ui: Ui;
  private scenario: Scenario;
  private form: LabForm;
  private phase: Phase = { kind: 'idle' };
  private errors: FieldError[] = [];
  private result: { report: LabReport; elapsedMs: number; workers: number } | null = null;
  private readonly root = h('section', { class: 'screen screen-lab', 'aria-labelledby': 'lab-heading', 'data-testid': 'lab' });
  private readonly charts = new LabCharts();
  private readonly unsubscribe: () => void;
  private readonly fromGame: boolean;

  constructor(ui: Ui) {
    this.ui = ui;
    const preset = ui.state.labPreset;
    this.fromGame = preset !== null;
    this.scenario = getScenario(preset?.scenarioId ?? 'whole-enchilada-2001') ?? getScenario(SCENARIO_IDS[0])!;
    this.form = preset ? formFromPreset(this.scenario, preset) : newForm(this.scenario);
    this.unsubscribe = ui.controller.subscribe((s) => {
      if (s.screen !== 'lab') this.dispose();
    });
  }

  private get lang(): Locale {
    return this.ui.lang;
  }

  private t(key: Parameters<Ui['tr']>[0], params?: Parameters<Ui['tr']>[1]): string {
    return this.ui.tr(key, params);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.phase.kind === 'running') this.phase.batch.cancel();
    this.charts.destroy();
    this.unsubscribe();
  }

  /** Draws the whole screen into its one root (the overlay puts the root back in place on each redraw). */
  render(ui: Ui): HTMLElement {
    this.ui = ui;
    const running = this.phase.kind === 'running';
    const results = this.result ? resultsView(this.lang, this.scenario, this.result.report, this.result) : null;
    fill(this.root,
      h(
        'div',
        { class: 'panel' },
        screenHeading(1, this.t('lab.heading'), 'lab-heading'),
        h('p', { class: 'intro' }, this.t('lab.intro')),
        this.fromGame ? h('p', { class: 'help', 'data-testid': 'lab-from-game' }, this.t('lab.fromGame')) : null,
      ),
      this.errorSummary(),
      h(
        'form',
        { class: 'lab-form', 'aria-labelledby': 'lab-heading', novalidate: true, onsubmit: (e: Event) => this.submit(e) },
        h('fieldset', { class: 'lab-fieldset', disabled: running }, h('legend', { class: 'visually-hidden' }, this.t('lab.settingsLegend')), this.settingsPanel(), this.armPanel(0), this.comparePanel()),
        this.runPanel(),
      ),
      results?.section ?? null,
      h(
        'div',
        { class: 'panel button-row' },
        h('button', { type: 'button', class: 'btn', id: 'lab-back', 'data-testid': 'lab-back', onclick: () => this.ui.controller.closeLab() }, this.t(this.fromGame ? 'lab.backToDebrief' : 'lab.backToTitle')),
      ),
    );
    for (const b of this.root.querySelectorAll<HTMLButtonElement>('[data-export]')) b.onclick = () => this.export(b.dataset.export as 'csv' | 'json');
    if (results) queueMicrotask(() => this.charts.draw(this.lang, results.charts));
    else this.charts.destroy();
    return this.root;
  }

  /** Draws again after a change of the screen's own state, keeping the focus where it was. */
  private redraw(focus?: string): void {
    if (this.disposed) return;
    const active = document.activeElement;
    const id = focus ?? (active instanceof HTMLElement && this.root.contains(active) ? active.id : '');
    this.render(this.ui);
    const el = id ? document.getElementById(id) : null;
    if (el && !(el as HTMLButtonElement).disabled) el.focus();
  }

  // ——— the form ———

  private errorFor(field: string): FieldError | undefined {
    return this.errors.find((e) => e.field === field);
  }

  /** aria attributes and the inline message of a control with a problem. */
  private invalid(field: string, help?: string): { attrs: Record<string, string | null>; message: HTMLElement | null } {
    const err = this.errorFor(field);
    const described = [help, err ? `${field}-error` : null].filter(Boolean).join(' ') || null;
    return {
      attrs: { 'aria-invalid': err ? 'true' : null, 'aria-describedby': described },
      message: err ? h('p', { class: 'field-error', id: `${field}-error` }, err.message) : null,
    };
  }

  private errorSummary(): HTMLElement | null {
    return errorSummary({ id: 'lab-errors', className: 'panel lab-errors', heading: h('h2', {}, this.t('lab.errorsHeading')), errors: this.errors });
  }

  private settingsPanel(): HTMLElement {
    const f = this.form;
    const runs = this.invalid(fieldId.runs, 'lab-runs-help');
    const seed = this.invalid(fieldId.seed, 'lab-seed-help');
    const levels = difficultyLevels();
    const personaField = (side: Side) => {
      const id = fieldId.persona(side);
      const inv = this.invalid(id);
      return h(
        'div',
        { class: 'field' },
        h('label', { for: id }, this.t('lab.persona', { side: sideName(this.lang, side) })),
        h(
          'select',
          {
            id,
            'data-testid': id,
            disabled: f.history,
            ...inv.attrs,
            onchange: (e: Event) => {
              f.ai[side] = (e.target as HTMLSelectElement).value;
              this.clearError(id);
            },
          },
          personaChoices(this.scenario, side).map((p) => {
            const persona = findPersona(p);
            const name = persona ? local(this.lang, persona.name) : p;
            return h('option', { value: p, selected: p === f.ai[side] }, persona?.scenario ? `${name} (${this.t('lab.historical')})` : name);
          }),
        ),
        inv.message,
      );
    };
    return h(
      'div',
      { class: 'panel lab-settings-panel' },
      h('h2', {}, this.t('lab.settingsHeading')),
      h(
        'div',
        { class: 'lab-grid' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'lab-scenario' }, this.t('lab.scenario')),
          h(
            'select',
            { id: 'lab-scenario', 'data-testid': 'lab-scenario', onchange: (e: Event) => this.chooseScenario((e.target as HTMLSelectElement).value) },
            SCENARIO_IDS.map((id) => h('option', { value: id, selected: id === this.scenario.id }, local(this.lang, getScenario(id)!.title))),
          ),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: fieldId.runs }, this.t('lab.runs')),
          h('input', {
            id: fieldId.runs,
            'data-testid': fieldId.runs,
            type: 'number',
            inputmode: 'numeric',
            min: 1,
            max: MAX_RUNS,
            step: 1,
            value: f.runs,
            ...runs.attrs,
            oninput: (e: Event) => {
              f.runs = (e.target as HTMLInputElement).value;
              this.updateRunLabel();
            },
          }),
          h('p', { class: 'help', id: 'lab-runs-help' }, this.t('lab.runsHelp', { max: MAX_RUNS.toLocaleString(this.lang) })),
          runs.message,
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: fieldId.seed }, this.t('lab.seed')),
          h('input', {
            id: fieldId.seed,
            'data-testid': fieldId.seed,
            type: 'number',
            inputmode: 'numeric',
            min: 0,
            step: 1,
            value: f.seed,
            ...seed.attrs,
            oninput: (e: Event) => {
              f.seed = (e.target as HTMLInputElement).value;
            },
          }),
          h('p', { class: 'help', id: 'lab-seed-help' }, this.t('lab.seedHelp')),
          seed.message,
        ),
      ),
      h(
        'div',
        { class: 'check-field' },
        h('input', {
          type: 'checkbox',
          id: 'lab-history',
          'data-testid': 'lab-history',
          checked: f.history,
          'aria-describedby': 'lab-history-help',
          onchange: (e: Event) => {
            f.history = (e.target as HTMLInputElement).checked;
            this.redraw();
          },
        }),
        h('label', { for: 'lab-history' }, this.t('lab.history')),
        h('p', { class: 'help', id: 'lab-history-help' }, this.t('lab.historyHelp')),
      ),
      h(
        'div',
        { class: 'lab-grid' },
        personaField('us'),
        personaField('mx'),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'lab-difficulty' }, this.t('lab.difficulty')),
          h(
            'select',
            {
              id: 'lab-difficulty',
              'data-testid': 'lab-difficulty',
              onchange: (e: Event) => {
                f.difficulty = (e.target as HTMLSelectElement).value;
              },
            },
            DIFFICULTIES.map((d) => h('option', { value: d, selected: d === f.difficulty }, local(this.lang, levels[d].name))),
          ),
        ),
      ),
    );
  }

  private timing(shock: Scenario['shocks'][number]): string {
    const round = (id: string) => {
      const c = this.scenario.calendar.find((x) => x.id === id);
      return c ? `${formatDate(this.lang, c.date)} · ${local(this.lang, c.label)}` : id;
    };
    const t = shock.trigger;
    if (t.kind === 'round') return round(t.round);
    if (t.kind === 'window') return this.t('lab.whenWindow', { from: round(t.from), to: round(t.to), p: Math.round(t.probability * 100) });
    return this.t('lab.whenCondition');
  }

  private armPanel(arm: 0 | 1): HTMLElement {
    const edits = this.form.arms[arm];
    const name = this.t(arm === 0 ? 'lab.armA' : 'lab.armB');
    const rows = this.scenario.shocks.map((shock) => {
      const e = edits[shock.id]!;
      const title = local(this.lang, shock.title);
      const live = shock.pool ? e.on : !e.on;
      const toggle = fieldId.toggle(arm, shock.id);
      const move = this.invalid(fieldId.move(arm, shock.id));
      const scale = this.invalid(fieldId.scale(arm, shock.id));
      const tags: Child[] = [
        shock.historical ? h('span', { class: 'tag' }, this.t('lab.tagHistorical')) : null,
        shock.pool ? h('span', { class: 'tag tag-pool' }, this.t('lab.tagPool')) : null,
        this.form.fired.includes(shock.id) ? h('span', { class: 'tag tag-fired' }, this.t('lab.tagFired')) : null,
      ];
      return h(
        'tr',
        { 'data-shock': shock.id },
        h('th', { scope: 'row' }, h('span', { class: 'lab-shock-name' }, title), ' ', tags),
        h('td', {}, this.timing(shock)),
        h(
          'td',
          { class: 'shock-toggle' },
          h('input', {
            type: 'checkbox',
            id: toggle,
            'data-testid': toggle,
            checked: e.on,
            onchange: (ev: Event) => {
              e.on = (ev.target as HTMLInputElement).checked;
              this.clearError(fieldId.compare);
              this.redraw();
            },
          }),
          h('label', { for: toggle }, this.t(shock.pool ? 'lab.add' : 'lab.disable'), h('span', { class: 'visually-hidden' }, `: ${title}`)),
        ),
        h(
          'td',
          {},
          h(
            'select',
            {
              id: fieldId.move(arm, shock.id),
              'data-testid': fieldId.move(arm, shock.id),
              'aria-label': this.t('lab.moveLabel', { shock: title, arm: name }),
              disabled: !live,
              ...move.attrs,
              onchange: (ev: Event) => {
                e.move = (ev.target as HTMLSelectElement).value;
                this.clearError(fieldId.move(arm, shock.id));
              },
            },
            h('option', { value: '', selected: e.move === '' }, this.t('lab.asScheduled')),
            this.scenario.calendar.map((c) => h('option', { value: c.id, selected: c.id === e.move }, `${formatDate(this.lang, c.date)} · ${local(this.lang, c.label)}`)),
          ),
          move.message,
        ),
        h(
          'td',
          {},
          h('input', {
            type: 'text',
            inputmode: 'decimal',
            class: 'lab-scale',
            id: fieldId.scale(arm, shock.id),
            'data-testid': fieldId.scale(arm, shock.id),
            'aria-label': this.t('lab.scaleLabel', { shock: title, arm: name, max: MAX_SCALE }),
            size: 4,
            value: e.scale,
            disabled: !live,
            ...scale.attrs,
            oninput: (ev: Event) => {
              e.scale = (ev.target as HTMLInputElement).value;
            },
          }),
          scale.message,
        ),
      );
    });
    return h(
      'div',
      { class: 'panel lab-arm', 'data-testid': `lab-arm-${arm}` },
      h('h2', { id: `lab-arm-${arm}-heading` }, this.t(arm === 0 ? 'lab.armAHeading' : 'lab.armBHeading')),
      h('p', { class: 'help' }, this.t(this.form.history ? 'lab.shocksHelpHistory' : 'lab.shocksHelp', { max: MAX_SCALE })),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'data-table lab-shocks' },
          h('caption', { class: 'visually-hidden' }, this.t('lab.shocksCaption', { arm: name })),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [this.t('lab.colShock'), this.t('lab.colWhen'), this.t('lab.colSwitch'), this.t('lab.colMove'), this.t('lab.colScale')].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h('tbody', {}, rows),
        ),
      ),
    );
  }

  private comparePanel(): HTMLElement[] {
    const err = this.invalid(fieldId.compare, 'lab-compare-help');
    const toggle = h(
      'div',
      { class: 'panel check-field lab-compare' },
      h('input', {
        type: 'checkbox',
        id: fieldId.compare,
        'data-testid': fieldId.compare,
        checked: this.form.compare,
        ...err.attrs,
        onchange: (e: Event) => {
          this.form.compare = (e.target as HTMLInputElement).checked;
          this.clearError(fieldId.compare);
          this.redraw();
        },
      }),
      h('label', { for: fieldId.compare }, this.t('lab.compare')),
      h('p', { class: 'help', id: 'lab-compare-help' }, this.t('lab.compareHelp')),
      err.message,
    );
    return this.form.compare ? [toggle, this.armPanel(1)] : [toggle];
  }

  private runLabel(): string {
    const n = Number(this.form.runs);
    const arms = this.form.compare ? 2 : 1;
    return Number.isSafeInteger(n) && n > 0 ? this.t(arms === 2 ? 'lab.runCompare' : 'lab.run', { n: n.toLocaleString(this.lang) }) : this.t('lab.runPlain');
  }

  private updateRunLabel(): void {
    const b = this.root.querySelector('#lab-run');
    if (b) b.textContent = this.runLabel();
  }

  private runPanel(): HTMLElement {
    const p = this.phase;
    const running = p.kind === 'running';
    const done = running ? p.done : p.kind === 'cancelled' ? p.done : 0;
    const total = running ? p.total : p.kind === 'cancelled' ? p.total : 0;
    const share = total ? done / total : 0;
    let status = '';
    if (running) status = this.progressText(done, total);
    else if (p.kind === 'cancelled') status = this.t('lab.cancelledStatus', { done: done.toLocaleString(this.lang), total: total.toLocaleString(this.lang) });
    else if (p.kind === 'failed') status = this.t('lab.failed', { message: p.message });
    return h(
      'div',
      { class: 'panel lab-run' },
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'submit', class: 'btn btn-primary', id: 'lab-run', 'data-testid': 'lab-run', disabled: running }, this.runLabel()),
        running ? h('button', { type: 'button', class: 'btn btn-danger', id: 'lab-cancel', 'data-testid': 'lab-cancel', onclick: () => this.cancel() }, this.t('lab.cancel')) : null,
      ),
      running || p.kind === 'cancelled'
        ? h(
            'div',
            {
              class: 'lab-progress',
              id: 'lab-progress',
              role: 'progressbar',
              'data-testid': 'lab-progress',
              'aria-label': this.t('lab.progressLabel'),
              'aria-valuemin': 0,
              'aria-valuemax': total,
              'aria-valuenow': done,
              'aria-valuetext': status,
            },
            h('span', { class: 'lab-progress-fill', style: `width:${(share * 100).toFixed(1)}%` }),
          )
        : null,
      h('p', { class: `lab-status${p.kind === 'failed' ? ' field-error' : ''}`, id: 'lab-status', 'data-testid': 'lab-status', 'data-focus-fallback': true, tabindex: -1 }, status),
    );
  }

  private progressText(done: number, total: number): string {
    return this.t('lab.progress', { done: done.toLocaleString(this.lang), total: total.toLocaleString(this.lang), pct: total ? Math.floor((done / total) * 100) : 0 });
  }

  private clearError(field: string): void {
    const had = this.errors.length;
    this.errors = this.errors.filter((e) => e.field !== field);
    if (this.errors.length !== had) this.redraw();
  }

  private chooseScenario(id: string): void {
    const s = getScenario(id);
    if (!s) return;
    const { runs, seed, difficulty } = this.form;
    this.scenario = s;
    this.form = { ...newForm(s), runs, seed, difficulty };
    this.errors = [];
    this.result = null;
    this.redraw('lab-scenario');
  }

  // ——— running ———

  private submit(e: Event): void {
    e.preventDefault();
    if (this.phase.kind === 'running') return;
    const read = readForm(this.scenario, this.form, this.lang);
    if (!read.ok) {
      this.errors = read.errors;
      this.ui.say(this.t('lab.refused', { n: read.errors.length }));
      this.redraw('lab-errors');
      return;
    }
    this.errors = [];
    this.start(read.arms);
  }

  private start(arms: ArmConfig[]): void {
    const workers = Math.min(labEnvironment.threads(), arms.reduce((n, a) => n + a.runs, 0));
    const total = arms.reduce((n, a) => n + a.runs, 0);
    const started = labEnvironment.now();
    const batch = runArmsInWorkers(arms, { threads: workers, spawn: labEnvironment.spawn, onProgress: (done) => this.onProgress(batch, done) });
    this.phase = { kind: 'running', batch, done: 0, total, workers, started, milestone: 0 };
    // The figures on screen always belong to the settings of the last batch run to its end.
    this.result = null;
    this.ui.say(this.t('lab.started', { n: total.toLocaleString(this.lang), workers }));
    this.redraw('lab-cancel');
    batch.done.then(
      (records) => {
        if (this.phase.kind !== 'running' || this.phase.batch !== batch) return;
        const report = labReport(
          this.scenario,
          arms.map((config, k) => ({ label: k === 0 ? 'A' : 'B', config })),
          records,
        );
        const elapsedMs = labEnvironment.now() - started;
        this.result = { report, elapsedMs, workers };
        this.phase = { kind: 'idle' };
        const a = report.arms[0]!.summary;
        this.ui.say(
          this.t('lab.finished', {
            n: total.toLocaleString(this.lang),
            seconds: (elapsedMs / 1000).toLocaleString(this.lang === 'es' ? 'es-MX' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
            agreement: percentText(this.lang, a.agreementRate.value),
            ratified: percentText(this.lang, a.ratifiedRate.value),
          }),
        );
        this.redraw('lab-results-heading');
      },
      (err: unknown) => {
        if (this.phase.kind !== 'running' || this.phase.batch !== batch) return;
        if (err instanceof LabCancelled) return;
        const message = err instanceof Error ? err.message : String(err);
        this.phase = { kind: 'failed', message };
        this.ui.say(this.t('lab.failed', { message }));
        this.redraw('lab-status');
      },
    );
  }

  private onProgress(batch: LabBatch, done: number): void {
    const p = this.phase;
    if (p.kind !== 'running' || p.batch !== batch) return;
    p.done = done;
    const bar = this.root.querySelector<HTMLElement>('#lab-progress');
    const text = this.progressText(done, p.total);
    if (bar) {
      bar.setAttribute('aria-valuenow', String(done));
      bar.setAttribute('aria-valuetext', text);
      const fill = bar.querySelector<HTMLElement>('.lab-progress-fill');
      if (fill) fill.style.width = `${((done / p.total) * 100).toFixed(1)}%`;
    }
    const status = this.root.querySelector('#lab-status');
    if (status) status.textContent = text;
    // Milestones at a quarter, a half and three quarters (the end has its own message).
    const quarter = Math.floor((done / p.total) * 4);
    if (quarter > p.milestone && quarter < 4) {
      p.milestone = quarter;
      this.ui.say(this.t('lab.milestone', { pct: quarter * 25 }));
    }
  }

  private cancel(): void {
    const p = this.phase;
    if (p.kind !== 'running') return;
    p.batch.cancel();
    this.phase = { kind: 'cancelled', done: p.done, total: p.total };
    this.ui.say(this.t('lab.cancelledStatus', { done: p.done.toLocaleString(this.lang), total: p.total.toLocaleString(this.lang) }));
    this.redraw('lab-run');
  }

  private export(kind: 'csv' | 'json'): void {
    if (!this.result) return;
    const r = this.result.report;
    const name = reportFileName(r, kind);
    const ok = kind === 'csv' ? downloadText(name, reportCsv(r), 'text/csv') : downloadText(name, reportJson(r), 'application/json');
    this.ui.say(this.t(ok ? 'lab.downloaded' : 'lab.downloadFailed', { file: name }));
  }
}
