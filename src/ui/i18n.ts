// The overlay's words: its own catalogue (ui.*), the shared one (sides, instruments, refusals, reasons),
// and the names a view knows (issues, options, constituencies, cards) in the current language.
import type { SessionError } from '../flow';
import type { LocalText } from '../content/scenario-schema';
import type { Side, View } from '../engine';
import { type Locale, type MessageKey, t } from '../i18n/translate';

type UiKeyOf<K> = K extends `ui.${infer R}` ? R : never;
export type UiKey = UiKeyOf<MessageKey>;
export type Params = Record<string, string | number>;

export function tr(lang: Locale, key: UiKey, params: Params = {}): string {
  return t(lang, `ui.${key}` as MessageKey, params);
}

export const local = (lang: Locale, text: LocalText | undefined | null): string => (text ? text[lang] : '');
export const sideName = (lang: Locale, side: Side): string => t(lang, `side.${side}`);
export const instrumentName = (lang: Locale, instrument: string): string => t(lang, `instrument.${instrument}` as MessageKey);

/** A share 0..1 as a whole percentage. */
export const pct = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * 100);
/** A utility 0..1 on the 0–100 scale the briefs use. */
export const points = (x: number): number => Math.round(x * 100);

export function listText(lang: Locale, names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(tr(lang, 'common.listSep'))} ${tr(lang, 'common.and')} ${names[names.length - 1]}`;
}

/** "1942-04" or "2001-09-05" as "Apr 1942" / "5 Sept 2001" in the language. */
export function formatDate(lang: Locale, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const when = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions = d ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-GB', opts).format(when);
}

export function issueName(view: View, lang: Locale, id: string): string {
  return local(lang, view.scenario.issues.find((i) => i.id === id)?.name) || id;
}

export function optionLabel(view: View, lang: Locale, issueId: string, optionId: string): string {
  const issue = view.scenario.issues.find((i) => i.id === issueId);
  return local(lang, issue?.options.find((o) => o.id === optionId)?.label) || optionId;
}

/** A constituency's name: the seat's own brief first, else the public list of either side's actors. */
export function constituencyName(view: View, lang: Locale, id: string, side?: Side): string {
  const mine = view.brief?.constituencies.find((c) => c.id === id);
  if (mine && (!side || side === view.side)) return local(lang, mine.name);
  // Who the domestic actors are is public (the scenario names them); only their numbers are secret.
  for (const s of side ? [side] : (['us', 'mx'] as const)) {
    const c = view.scenario.delegations[s].constituencies.find((x) => x.id === id);
    if (c) return local(lang, c.name);
  }
  return id.replace(/-/g, ' ');
}

export function cardName(view: View, lang: Locale, id: string): string {
  return local(lang, view.scenario.cards.find((c) => c.id === id)?.name) || id;
}

/** "Regularisation: earned legalisation; Visas: 20,000 cap" in the scenario's issue order. */
export function packageText(view: View, lang: Locale, pkg: Readonly<Record<string, string>>): string {
  return view.scenario.issues
    .filter((i) => pkg[i.id] !== undefined)
    .map((i) => `${local(lang, i.name)}: ${optionLabel(view, lang, i.id, pkg[i.id]!)}`)
    .join('; ');
}

/** A refusal (engine or session) in words, ids turned into names. */
export function refusalText(lang: Locale, err: SessionError, view: View | null): string {
  const p: Params = { ...err.params };
  if (view) {
    const issue = typeof err.params.issue === 'string' ? err.params.issue : null;
    if (issue) p.issue = issueName(view, lang, issue);
    if (issue && typeof err.params.option === 'string') p.option = optionLabel(view, lang, issue, err.params.option);
    if (typeof err.params.constituency === 'string') p.constituency = constituencyName(view, lang, err.params.constituency);
    if (typeof err.params.card === 'string') p.card = cardName(view, lang, err.params.card);
  }
  for (const k of ['turn', 'seat'] as const) {
    const v = err.params[k];
    if (v === 'us' || v === 'mx') p[k] = sideName(lang, v);
  }
  if (typeof err.params.phase === 'string') p.phase = t(lang, `phase.${err.params.phase}` as MessageKey);
  if (err.code === 'bad-config') p.problems = Object.values(err.params).join('; ');
  return t(lang, `refusal.${err.code}` as MessageKey, p);
}
