// What a batch of games says: rates with Wilson intervals, mean scores with t intervals, which options
// ratified deals contain, which instruments they needed, when agreements came — and, for two arms on the
// same seeds, each difference with its interval.
import type { Scenario } from '../content/scenario-schema';
import type { Side } from '../engine';
import type { RunRecord } from './batch';
import { type Interval, meanInterval, pairedDifference, wilson } from './stats';

export interface ArmSummary {
  runs: number;
  agreementRate: Interval;
  ratifiedRate: Interval;
  meanScore: Record<Side, Interval>;
  /** Among ratified deals: issue -> option -> share. */
  issues: Record<string, Record<string, number>>;
  /** Among ratified deals: side -> instrument -> share. */
  instruments: Record<Side, Record<string, number>>;
  /** Among signed agreements: round id -> share. */
  roundOfAgreement: Record<string, number>;
  /** Per issue, the option most games ended with (the status quo where no deal was ratified). */
  modal: Record<string, { option: string; share: number }>;
}

const share = (counts: Map<string, number>, n: number): Record<string, number> =>
  Object.fromEntries([...counts].map(([k, v]) => [k, n ? v / n : 0]));
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function summarise(scenario: Scenario, records: readonly RunRecord[]): ArmSummary {
  const n = records.length;
  const ratified = records.filter((r) => r.ratified);
  const signed = records.filter((r) => r.agreement);
  const issues: ArmSummary['issues'] = {};
  const modal: ArmSummary['modal'] = {};
  for (const issue of scenario.issues) {
    const inDeals = new Map<string, number>(issue.options.map((o) => [o.id, 0]));
    const overall = new Map<string, number>(issue.options.map((o) => [o.id, 0]));
    for (const r of records) {
      const opt = r.ratified && r.package ? r.package[issue.id]! : issue.options[0]!.id;
      bump(overall, opt);
      if (r.ratified && r.package) bump(inDeals, opt);
    }
    issues[issue.id] = share(inDeals, ratified.length);
    const [option, count] = [...overall].sort((a, b) => b[1] - a[1])[0]!;
    modal[issue.id] = { option, share: n ? count / n : 0 };
  }
  const instruments = { us: new Map<string, number>(), mx: new Map<string, number>() };
  for (const r of ratified) for (const side of ['us', 'mx'] as const) if (r.instrument) bump(instruments[side], r.instrument[side]);
  const rounds = new Map<string, number>();
  for (const r of signed) bump(rounds, scenario.calendar[r.round!]!.id);
  return {
    runs: n,
    agreementRate: wilson(signed.length, n),
    ratifiedRate: wilson(ratified.length, n),
    meanScore: { us: meanInterval(records.map((r) => r.scores.us)), mx: meanInterval(records.map((r) => r.scores.mx)) },
    issues,
    instruments: { us: share(instruments.us, ratified.length), mx: share(instruments.mx, ratified.length) },
    roundOfAgreement: share(rounds, signed.length),
    modal,
  };
}

export interface Comparison {
  runs: number;
  /** B − A per measure, paired by seed. */
  agreementRate: Interval;
  ratifiedRate: Interval;
  meanScore: Record<Side, Interval>;
}

export function compareArms(a: readonly RunRecord[], b: readonly RunRecord[]): Comparison {
  for (let i = 0; i < a.length; i++) if (a[i]!.seed !== b[i]!.seed) throw new Error('arms must be run on the same seeds');
  const num = (xs: readonly RunRecord[], f: (r: RunRecord) => number | boolean) => xs.map((r) => Number(f(r)));
  return {
    runs: a.length,
    agreementRate: pairedDifference(num(a, (r) => r.agreement), num(b, (r) => r.agreement)),
    ratifiedRate: pairedDifference(num(a, (r) => r.ratified), num(b, (r) => r.ratified)),
    meanScore: {
      us: pairedDifference(num(a, (r) => r.scores.us), num(b, (r) => r.scores.us)),
      mx: pairedDifference(num(a, (r) => r.scores.mx), num(b, (r) => r.scores.mx)),
    },
  };
}
