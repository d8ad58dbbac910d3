// A lab batch as the browser shows and exports it: each arm's settings and summary, and for two arms the
// paired differences. The JSON has the shape `npm run lab -- --json` writes (one arm: the summary's
// fields at the top; two arms: a, b and difference), so files from either place can be read alike. The
// CSV has one figure per line, for spreadsheets.
import type { Scenario } from '../content/scenario-schema';
import type { Overrides, Side } from '../engine';
import { type ArmConfig, type RunRecord, resolveArm } from './batch';
import type { Interval } from './stats';
import { type ArmSummary, type Comparison, compareArms, summarise } from './summary';

export interface ArmReport {
  label: string;
  settings: { ai: Record<Side, string>; overrides: Overrides };
  summary: ArmSummary;
}

export interface LabReport {
  scenario: string;
  runs: number;
  seed: number;
  arms: ArmReport[];
  /** B − A, paired by seed, when two arms ran. */
  difference: Comparison | null;
}

export function labReport(scenario: Scenario, arms: readonly { label: string; config: ArmConfig }[], records: readonly (readonly RunRecord[])[]): LabReport {
  if (arms.length < 1 || arms.length > 2 || records.length !== arms.length) throw new Error('a lab report has one or two arms, each with its records');
  const reports = arms.map((a, k) => ({ label: a.label, settings: resolveArm(scenario, a.config), summary: summarise(scenario, records[k]!) }));
  return {
    scenario: scenario.id,
    runs: arms[0]!.config.runs,
    seed: arms[0]!.config.seed,
    arms: reports,
    difference: arms.length === 2 ? compareArms(records[0]!, records[1]!) : null,
  };
}

/** The report as `npm run lab -- [compare] … --json` writes it. */
export function reportJson(r: LabReport): string {
  const out =
    r.arms.length === 2
      ? { scenario: r.scenario, runs: r.runs, seed: r.seed, a: r.arms[0], b: r.arms[1], difference: r.difference }
      : { scenario: r.scenario, seed: r.seed, settings: r.arms[0]!.settings, ...r.arms[0]!.summary };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const CSV_HEADER = ['arm', 'measure', 'key', 'option', 'value', 'low', 'high'] as const;

function csvCell(x: string | number): string {
  const s = String(x);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One line per figure: arm (A, B, or B-A for the differences), measure, key (a side, an issue, a round),
 * option (an option or instrument), value, and the 95% interval where there is one.
 */
export function reportCsv(r: LabReport): string {
  const rows: (string | number)[][] = [[...CSV_HEADER]];
  const interval = (arm: string, measure: string, key: string, i: Interval) => rows.push([arm, measure, key, '', i.value, i.low, i.high]);
  const share = (arm: string, measure: string, key: string, option: string, x: number) => rows.push([arm, measure, key, option, x, '', '']);
  for (const [k, a] of r.arms.entries()) {
    const arm = k === 0 ? 'A' : 'B';
    const s = a.summary;
    rows.push([arm, 'runs', '', '', s.runs, '', '']);
    rows.push([arm, 'seed', '', '', r.seed, '', '']);
    for (const side of ['us', 'mx'] as const) rows.push([arm, 'ai', side, a.settings.ai[side], '', '', '']);
    rows.push([arm, 'overrides', '', '', JSON.stringify(a.settings.overrides), '', '']);
    interval(arm, 'agreementRate', '', s.agreementRate);
    interval(arm, 'ratifiedRate', '', s.ratifiedRate);
    for (const side of ['us', 'mx'] as const) interval(arm, 'meanScore', side, s.meanScore[side]);
    for (const [issue, options] of Object.entries(s.issues)) for (const [option, x] of Object.entries(options)) share(arm, 'issues', issue, option, x);
    for (const side of ['us', 'mx'] as const) for (const [instrument, x] of Object.entries(s.instruments[side])) share(arm, 'instruments', side, instrument, x);
    for (const [round, x] of Object.entries(s.roundOfAgreement)) share(arm, 'roundOfAgreement', round, '', x);
    for (const [issue, m] of Object.entries(s.modal)) share(arm, 'modal', issue, m.option, m.share);
  }
  if (r.difference) {
    interval('B-A', 'agreementRate', '', r.difference.agreementRate);
    interval('B-A', 'ratifiedRate', '', r.difference.ratifiedRate);
    for (const side of ['us', 'mx'] as const) interval('B-A', 'meanScore', side, r.difference.meanScore[side]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/** File names for the downloads: binational-lab-<scenario>-seed<seed>-<runs>[-compare].<ext>. */
export function reportFileName(r: LabReport, ext: 'csv' | 'json'): string {
  return `binational-lab-${r.scenario}-seed${r.seed}-${r.runs}${r.arms.length === 2 ? '-compare' : ''}.${ext}`;
}
