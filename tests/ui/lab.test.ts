// The counterfactual Lab screen in jsdom, on a real controller: opened from the title (loaded on demand)
// and from a debrief ("What if…?", pre-filled from the game); bad settings refused with clear messages
// before anything runs; a batch run in workers (here in-thread workers answering the real worker protocol)
// with a progress bar, results tables and CSV/JSON downloads that carry the same figures; Cancel.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getScenario } from '../../src/content/scenarios';
import { type ArmConfig, runRange } from '../../src/lab/batch';
import { labReport, reportCsv, reportJson } from '../../src/lab/web-export';
import type { LabWorker } from '../../src/lab/web-pool';
import { handleLabTask, type LabReply, type LabTask } from '../../src/lab/web-worker';
import { labEnvironment } from '../../src/ui/screens/lab';
import { rateText, scoreText } from '../../src/ui/lab/results';
import { announced, byTestId, charts, check, click, flush, heading, maybeTestId, mount, toTable } from './helpers';

/** Answers the lab's messages in this thread, asynchronously, the way a Web Worker would. */
class InThreadWorker implements LabWorker {
  static made: InThreadWorker[] = [];
  onmessage: ((e: MessageEvent<LabReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor() {
    InThreadWorker.made.push(this);
  }
  postMessage(task: LabTask): void {
    const copy = JSON.parse(JSON.stringify(task)) as LabTask;
    setTimeout(() => {
      if (this.terminated) return;
      handleLabTask(copy, (reply) => {
        const data = JSON.parse(JSON.stringify(reply)) as LabReply;
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data } as MessageEvent<LabReply>);
        }, 0);
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const downloads: { name: string; blob: Blob }[] = [];
const original = { ...labEnvironment };

beforeEach(() => {
  InThreadWorker.made = [];
  downloads.length = 0;
  labEnvironment.spawn = () => new InThreadWorker();
  labEnvironment.threads = () => 2;
  let lastBlob: Blob | null = null;
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      lastBlob = b;
      return 'blob:lab';
    },
    revokeObjectURL: () => {},
  });
  const follow = HTMLAnchorElement.prototype.click;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (this.download && lastBlob) downloads.push({ name: this.download, blob: lastBlob });
    else follow.call(this);
  });
});
afterEach(() => {
  Object.assign(labEnvironment, original);
  vi.restoreAllMocks();
});

const input = (id: string, value: string) => {
  const el = byTestId<HTMLInputElement>(id);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
const choose = (id: string, value: string) => {
  const el = byTestId<HTMLSelectElement>(id);
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
};
const submit = () => click('lab-run');

async function openLab() {
  const m = await mount();
  click('open-lab');
  await vi.waitFor(() => expect(heading()).toBe('Counterfactual lab'));
  return m;
}

async function until(cond: () => boolean, timeout = 20_000) {
  await vi.waitFor(() => expect(cond()).toBe(true), { timeout, interval: 20 });
}

const rows = (testid: string) => [...byTestId<HTMLTableElement>(testid).tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent));

describe('lab screen', () => {
  it('opens from the title on demand, focuses its heading, offers only valid choices, and goes back', async () => {
    const m = await openLab();
    expect(m.controller.getState().screen).toBe('lab');
    expect(document.activeElement?.id).toBe('lab-heading');
    expect(byTestId<HTMLSelectElement>('lab-scenario').value).toBe('whole-enchilada-2001');
    expect(byTestId<HTMLInputElement>('lab-runs').value).toBe('1000');
    const enchilada = getScenario('whole-enchilada-2001')!;
    // Every shock has a row; the round choices are the calendar's; pool shocks are offered to add.
    const move = byTestId<HTMLSelectElement>('lab-0-september-11-move');
    expect([...move.options].map((o) => o.value)).toEqual(['', ...enchilada.calendar.map((c) => c.id)]);
    expect(document.querySelector('label[for="lab-0-fox-quick-solidarity-on"]')?.textContent).toContain('Add');
    expect(document.querySelector('label[for="lab-0-september-11-on"]')?.textContent).toContain('Switch off');
    // A switched-off shock has no timing or size to change.
    check('lab-0-september-11-on');
    expect(byTestId<HTMLSelectElement>('lab-0-september-11-move').disabled).toBe(true);
    expect(byTestId<HTMLInputElement>('lab-0-september-11-scale').disabled).toBe(true);
    // The historical arm uses the historical personas: the choices are then off.
    check('lab-history');
    expect(byTestId<HTMLSelectElement>('lab-ai-us').disabled).toBe(true);
    // Another scenario: its own shocks.
    choose('lab-scenario', 'zacatecas-1995');
    expect(maybeTestId('lab-0-september-11-on')).toBeNull();
    expect(maybeTestId('lab-0-peso-crisis-on')).not.toBeNull();
    click('lab-back');
    expect(m.controller.getState().screen).toBe('title');
    expect(heading()).toBe('Binational');
  });

  it('refuses bad settings with a message per field, before anything runs', async () => {
    const m = await openLab();
    input('lab-runs', '0');
    input('lab-seed', '-4');
    input('lab-0-recession-2001-scale', 'twice');
    input('lab-0-midterms-2002-scale', '11');
    submit();
    const summary = byTestId('lab-errors');
    expect(summary.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(summary);
    const text = summary.textContent!;
    expect(text).toContain('Games per arm must be a whole number from 1 to 10,000.');
    expect(text).toContain('The seed must be a whole number from 0 to 2147483647.');
    expect(text).toContain('the factor for “The 2001 recession” must be a number from 0 to 10 (got “twice”)'.replace('The 2001 recession', getScenario('whole-enchilada-2001')!.shocks[0]!.title.en));
    expect(summary.querySelectorAll('li')).toHaveLength(4);
    expect(byTestId('lab-runs').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('lab-runs').getAttribute('aria-describedby')).toContain('lab-runs-error');
    expect(document.getElementById('lab-runs-error')?.textContent).toContain('1 to 10,000');
    expect(announced(m.announcer)).toContain('Nothing was run: 4 settings to fix.');
    expect(InThreadWorker.made).toHaveLength(0);
    // The link in the summary takes the focus to the field.
    summary.querySelector('a')!.click();
    expect(document.activeElement?.id).toBe('lab-runs');
    // More than 10,000 is refused too; a comparison whose arm B changes nothing is refused.
    input('lab-runs', '10001');
    input('lab-seed', '3');
    input('lab-0-recession-2001-scale', '');
    input('lab-0-midterms-2002-scale', '1');
    check('lab-compare');
    input('lab-runs', '10001');
    submit();
    expect(byTestId('lab-errors').textContent).toContain('Games per arm must be a whole number from 1 to 10,000.');
    input('lab-runs', '20');
    submit();
    expect(byTestId('lab-errors').textContent).toContain('Arm B is the same as arm A');
    expect(InThreadWorker.made).toHaveLength(0);
    expect(m.controller.getState().screen).toBe('lab');
  });

  it('runs two arms on the same seeds in workers, shows progress, results with tables, and exports CSV and JSON', async () => {
    const m = await openLab();
    charts.length = 0;
    choose('lab-scenario', 'zacatecas-1995');
    input('lab-runs', '12');
    input('lab-seed', '5');
    check('lab-compare');
    check('lab-1-proposition-187-on');
    input('lab-1-peso-crisis-scale', '2');
    submit();
    const bar = byTestId('lab-progress');
    expect(bar.getAttribute('role')).toBe('progressbar');
    expect(bar.getAttribute('aria-valuemax')).toBe('24');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(document.activeElement?.id).toBe('lab-cancel');
    expect(byTestId<HTMLButtonElement>('lab-run').disabled).toBe(true);
    expect(announced(m.announcer)).toContain('Running 24 games on 2 workers.');
    await until(() => maybeTestId('lab-results') !== null);
    expect(InThreadWorker.made).toHaveLength(2);
    expect(InThreadWorker.made.every((w) => w.terminated)).toBe(true);
    expect(document.activeElement?.id).toBe('lab-results-heading');
    expect(announced(m.announcer)).toMatch(/Finished: 24 games in [\d.]+ s\. Arm A: agreement/);
    // Progress milestones were read on the way (a quarter, a half, three quarters).
    expect(announced(m.announcer)).toMatch(/(25|50|75)% of the games played\./);

    // The figures are those of runRange on the same seeds.
    const zacatecas = getScenario('zacatecas-1995')!;
    const base: ArmConfig = { scenarioId: zacatecas.id, runs: 12, seed: 5, ai: { us: 'pragmatic', mx: 'pragmatic' }, difficulty: 'normal', overrides: {}, history: false };
    const b: ArmConfig = { ...base, overrides: { disable: ['proposition-187'], scale: { 'peso-crisis': 2 } } };
    const expected = labReport(
      zacatecas,
      [
        { label: 'A', config: base },
        { label: 'B', config: b },
      ],
      [runRange(zacatecas, base, 0, 12), runRange(zacatecas, b, 0, 12)],
    );
    const summary = rows('lab-summary');
    expect(summary.map((r) => r[0])).toEqual(['Agreement signed', 'Ratified by both', 'Mean score, United States', 'Mean score, Mexico']);
    expect(summary[0]![1]).toBe(rateText('en', expected.arms[0]!.summary.agreementRate));
    expect(summary[1]![2]).toBe(rateText('en', expected.arms[1]!.summary.ratifiedRate));
    expect(summary[3]![1]).toBe(scoreText('en', expected.arms[0]!.summary.meanScore.mx));
    expect(summary[0]![3]).toMatch(/pts \(/);
    expect(byTestId('lab-results-meta').textContent).toMatch(/^12 games per arm, seeds 5 to 16, in [\d.]+ s on 2 workers\.$/);
    // One table per issue, one row per option; the round-of-agreement table has every round.
    for (const issue of zacatecas.issues) expect(rows(`lab-issue-table-${issue.id}`)).toHaveLength(issue.options.length);
    expect(rows('lab-rounds-table').map((r) => r[0]!.split(' · ')[1])).toEqual(zacatecas.calendar.map((c) => c.label.en));
    // Every chart drew (rates, one per issue, rounds) from the lazily loaded library.
    await flush();
    await flush();
    expect(charts).toHaveLength(2 + zacatecas.issues.length);
    expect(charts.every((c) => c.datasets === 2)).toBe(true);

    click('lab-export-csv');
    click('lab-export-json');
    expect(downloads.map((d) => d.name)).toEqual(['binational-lab-zacatecas-1995-seed5-12-compare.csv', 'binational-lab-zacatecas-1995-seed5-12-compare.json']);
    const csv = await downloads[0]!.blob.text();
    expect(csv).toBe(reportCsv(expected));
    expect(csv.split('\n')[0]).toBe('arm,measure,key,option,value,low,high');
    expect(csv).toContain('B,overrides,,,"{""disable"":[""proposition-187""],""scale"":{""peso-crisis"":2}}",,');
    expect(await downloads[1]!.blob.text()).toBe(reportJson(expected));
    expect(announced(m.announcer)).toContain('Downloaded binational-lab-zacatecas-1995-seed5-12-compare.json.');
  });

  it('Cancel stops a large batch at once: workers terminated, nothing kept, the form usable again', async () => {
    const m = await openLab();
    input('lab-runs', '10000');
    submit();
    expect(byTestId('lab-progress').getAttribute('aria-valuemax')).toBe('10000');
    click('lab-cancel');
    expect(InThreadWorker.made).toHaveLength(2);
    expect(InThreadWorker.made.every((w) => w.terminated)).toBe(true);
    expect(maybeTestId('lab-cancel')).toBeNull();
    expect(maybeTestId('lab-results')).toBeNull();
    expect(byTestId('lab-status').textContent).toMatch(/^Cancelled after \d+ of 10,000 games; nothing was kept\.$/);
    expect(announced(m.announcer)).toContain('Cancelled after');
    expect(byTestId<HTMLButtonElement>('lab-run').disabled).toBe(false);
    expect(document.activeElement?.id).toBe('lab-run');
    expect(byTestId<HTMLInputElement>('lab-runs').closest('fieldset')!.disabled).toBe(false);
  });

  it('leaving the lab while a batch runs cancels it', async () => {
    const m = await openLab();
    input('lab-runs', '5000');
    submit();
    click('lab-back');
    expect(m.controller.getState().screen).toBe('title');
    expect(InThreadWorker.made.every((w) => w.terminated)).toBe(true);
  });

  it('"What if…?" on a debrief opens the lab on that game: arm A as played, arm B without its pivotal shock', async () => {
    const m = await mount();
    const now = vi.spyOn(Date, 'now').mockReturnValue(4242);
    await toTable(m, 'whole-enchilada-2001', 'mx');
    now.mockRestore();
    click('walk-away');
    click('walk-yes');
    expect(m.controller.getState().screen).toBe('debrief');
    click('what-if');
    await vi.waitFor(() => expect(heading()).toBe('Counterfactual lab'));
    expect(byTestId('lab-from-game').textContent).toContain('arm A is the game as played');
    expect(byTestId<HTMLSelectElement>('lab-scenario').value).toBe('whole-enchilada-2001');
    expect(byTestId<HTMLInputElement>('lab-seed').value).toBe('4242');
    // The AI keeps its persona; the side the player held gets its historical persona.
    expect(byTestId<HTMLSelectElement>('lab-ai-us').value).toBe(m.controller.getState().opponent!.persona);
    expect(byTestId<HTMLSelectElement>('lab-ai-mx').value).toBe('castaneda-whole-enchilada');
    expect(byTestId<HTMLInputElement>('lab-compare').checked).toBe(true);
    expect(byTestId<HTMLInputElement>('lab-0-september-11-on').checked).toBe(false);
    expect(byTestId<HTMLInputElement>('lab-1-september-11-on').checked).toBe(true);
    // Shocks that fired in the game are marked.
    const fired = m.controller.getState().labPreset!.fired;
    for (const id of fired) expect(document.querySelector(`[data-testid="lab-arm-0"] tr[data-shock="${id}"]`)?.textContent).toContain('fired in your game');
    // Back goes to the same debrief.
    click('lab-back');
    expect(m.controller.getState().screen).toBe('debrief');
    expect(maybeTestId('what-if')).not.toBeNull();
  });

  it('speaks Spanish when the game does', async () => {
    const m = await openLab();
    m.controller.setSettings({ lang: 'es' });
    expect(heading()).toBe('Laboratorio contrafáctico');
    input('lab-runs', 'mil');
    submit();
    expect(byTestId('lab-errors').textContent).toContain('Las partidas por brazo deben ser un número entero de 1 a 10.000.');
  });
});
