// A shock's effects on the player's own side (and the public ones) in plain words, for the interlude and
// the debrief. The projection has already dropped the effects on the other delegation.
import type { Effect } from '../content/scenario-schema';
import type { View } from '../engine';
import type { Locale } from '../i18n/translate';
import { cardName, constituencyName, instrumentName, issueName, optionLabel, tr } from './i18n';

const size = (delta: number) => Math.max(1, Math.round(Math.abs(delta) * 100));

export function effectText(lang: Locale, e: Effect, view: View): string {
  switch (e.kind) {
    case 'weight':
      return tr(lang, e.delta >= 0 ? 'effect.weightUp' : 'effect.weightDown', { issue: issueName(view, lang, e.issue) });
    case 'reservation':
      return tr(lang, e.delta >= 0 ? 'effect.reservationUp' : 'effect.reservationDown', { n: size(e.delta) });
    case 'support':
      return tr(lang, e.delta >= 0 ? 'effect.supportUp' : 'effect.supportDown', {
        constituency: constituencyName(view, lang, e.constituency, e.side),
        n: size(e.delta),
      });
    case 'stake':
      return tr(lang, e.delta >= 0 ? 'effect.stakeUp' : 'effect.stakeDown', {
        constituency: constituencyName(view, lang, e.constituency, e.side),
        issue: issueName(view, lang, e.issue),
      });
    case 'capital':
      return tr(lang, e.delta >= 0 ? 'effect.capitalUp' : 'effect.capitalDown', { n: Math.abs(e.delta) });
    case 'trust':
      return tr(lang, e.delta >= 0 ? 'effect.trustUp' : 'effect.trustDown', { n: size(e.delta) });
    case 'deadline':
      return tr(lang, e.delta >= 0 ? 'effect.deadlineLater' : 'effect.deadlineEarlier', { n: Math.abs(e.delta) });
    case 'suspend':
      return tr(lang, 'effect.suspend', { n: e.rounds });
    case 'threshold':
      return tr(lang, e.delta >= 0 ? 'effect.thresholdUp' : 'effect.thresholdDown', { instrument: instrumentName(lang, e.instrument), n: size(e.delta) });
    case 'withdrawOption':
      return tr(lang, 'effect.withdraw', { issue: issueName(view, lang, e.issue), option: optionLabel(view, lang, e.issue, e.option) });
    case 'card':
      return tr(lang, e.available ? 'effect.cardOn' : 'effect.cardOff', { card: cardName(view, lang, e.card) });
  }
}
