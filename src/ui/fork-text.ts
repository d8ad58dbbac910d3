// A replayed game in words: "Replayed from round 5 (11 September 2001) with: switched off 11 September."
// The transcript, the debrief and the announcer say it; the shocks are named from the scenario.
import { getScenario } from '../content/scenarios';
import type { Fork, View } from '../engine';
import type { Locale } from '../i18n/translate';
import { local, tr } from './i18n';
import { overridesText } from './overrides-text';

export function forkText(lang: Locale, view: View, fork: Fork, key: 'fork.line' | 'fork.note' = 'fork.line'): string {
  const scenario = getScenario(view.scenario.id);
  const changes = scenario ? overridesText(lang, scenario, fork.overrides) : JSON.stringify(fork.overrides);
  return tr(lang, key, { n: fork.round + 1, label: local(lang, view.scenario.calendar[fork.round]?.label), changes });
}
