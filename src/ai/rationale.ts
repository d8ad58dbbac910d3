// Renders a rationale in a locale: ids become the names the delegation's own view knows (its issues,
// options, constituencies, cards and the shocks it has seen), and the locale's template fills the rest.
import type { View } from '../engine';
import { type Locale, type MessageKey, t } from '../i18n/translate';
import type { Rationale } from './types';

function list(locale: Locale, names: string[]): string {
  if (names.length <= 1) return names.join('');
  const and = t(locale, 'ai.and');
  const lastWord = names[names.length - 1]!;
  // Spanish "y" becomes "e" before an "i" sound (regularización e inmigración).
  const conj = locale === 'es' && /^h?[iíIÍ](?![aeiouáéíóú])/.test(lastWord) ? 'e' : and;
  return `${names.slice(0, -1).join(', ')} ${conj} ${lastWord}`;
}

export function renderRationale(locale: Locale, r: Rationale, view: View): string {
  const s = view.scenario;
  const issueName = (id: string) => s.issues.find((i) => i.id === id)?.name[locale] ?? id;
  const params: Record<string, string | number> = { ...r.params };
  const p = r.params;
  if (typeof p.issue === 'string') params.issue = issueName(p.issue);
  if (typeof p.issues === 'string') params.issues = list(locale, p.issues.split(',').filter(Boolean).map(issueName));
  if (typeof p.option === 'string' && typeof p.issue === 'string')
    params.option = s.issues.find((i) => i.id === p.issue)?.options.find((o) => o.id === p.option)?.label[locale] ?? p.option;
  if (typeof p.constituency === 'string')
    params.constituency = view.brief?.constituencies.find((c) => c.id === p.constituency)?.name[locale] ?? p.constituency;
  if (typeof p.cards === 'string') params.cards = list(locale, p.cards.split(',').map((id) => s.cards.find((c) => c.id === id)?.name[locale] ?? id));
  if (typeof p.shock === 'string') params.shock = view.fired.find((f) => f.id === p.shock)?.title[locale] ?? p.shock;
  const text = t(locale, `ai.reason.${r.code}` as MessageKey, params);
  return [text, ...(r.notes ?? []).map((n) => renderRationale(locale, n, view))].join(' ');
}
