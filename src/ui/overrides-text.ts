// Counterfactual overrides in words ("switched off 11 September; moved …"), for the Lab's settings lines,
// the fork panel, the transcript and the debrief of a replayed game. Kept apart from the Lab so that the
// game's screens can use it without loading the Lab.
import type { Scenario } from '../content/scenario-schema';
import type { Locale } from '../i18n/translate';
import { local, tr } from './i18n';

const number = (lang: Locale, x: number, digits: number) => new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);

/** "none", or "switched off: 11 September; moved: …; scaled: …; added: …" with the shocks' names. */
export function overridesText(lang: Locale, scenario: Scenario, o: { disable?: readonly string[]; move?: Readonly<Record<string, string>>; scale?: Readonly<Record<string, number>>; add?: readonly string[] }): string {
  const name = (id: string) => local(lang, scenario.shocks.find((s) => s.id === id)?.title) || id;
  const round = (id: string) => {
    const c = scenario.calendar.find((x) => x.id === id);
    return c ? local(lang, c.label) : id;
  };
  const parts: string[] = [];
  if (o.disable?.length) parts.push(tr(lang, 'lab.ovDisabled', { list: o.disable.map(name).join(', ') }));
  const moved = Object.entries(o.move ?? {});
  if (moved.length) parts.push(tr(lang, 'lab.ovMoved', { list: moved.map(([id, r]) => `${name(id)} → ${round(r)}`).join(', ') }));
  const scaled = Object.entries(o.scale ?? {});
  if (scaled.length) parts.push(tr(lang, 'lab.ovScaled', { list: scaled.map(([id, x]) => `${name(id)} × ${number(lang, x, 2)}`).join(', ') }));
  if (o.add?.length) parts.push(tr(lang, 'lab.ovAdded', { list: o.add.map(name).join(', ') }));
  return parts.length ? parts.join('; ') : tr(lang, 'lab.ovNone');
}
