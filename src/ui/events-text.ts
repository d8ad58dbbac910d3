// One sentence per game event, in the current language, from the player's side of the table: the
// transcript shows them and the announcer reads them.
import type { GameEvent, Side, View } from '../engine';
import { t } from '../i18n/translate';
import type { Locale } from '../i18n/translate';
import { cardName, constituencyName, issueName, listText, local, optionLabel, packageText, pct, sideName, tr } from './i18n';

export function eventText(lang: Locale, e: GameEvent, view: View): string {
  const mine = view.side;
  const you = (side: Side) => side === mine;
  const side = (s: Side) => sideName(lang, s);
  switch (e.type) {
    case 'roundStarted': {
      const round = view.scenario.calendar[e.round];
      const label = local(lang, round?.label);
      return e.suspended
        ? tr(lang, 'event.roundSuspended', { n: e.round + 1, label })
        : tr(lang, 'event.roundStarted', { n: e.round + 1, label, side: side(e.proposer) });
    }
    case 'shockFired':
      return tr(lang, 'event.shockFired', { title: local(lang, view.fired.find((f) => f.id === e.shock)?.title) || e.shock });
    case 'proposed': {
      const pkg = packageText(view, lang, e.options);
      const key = e.kind === 'counter' ? (you(e.side) ? 'event.youCountered' : 'event.countered') : you(e.side) ? 'event.youProposed' : 'event.proposed';
      const text = tr(lang, key, { side: side(e.side), package: pkg });
      return e.cards.length ? `${text} ${tr(lang, 'event.withCards', { cards: listText(lang, e.cards.map((c) => cardName(view, lang, c))) })}` : text;
    }
    case 'accepted': {
      const issues = listText(lang, e.issues.map((i) => issueName(view, lang, i)));
      const text = tr(lang, you(e.side) ? 'event.youAccepted' : 'event.accepted', { side: side(e.side), issues });
      return e.cards.length ? `${text} ${tr(lang, 'event.withCards', { cards: listText(lang, e.cards.map((c) => cardName(view, lang, c))) })}` : text;
    }
    case 'rejected':
      return tr(lang, you(e.side) ? 'event.youRejected' : 'event.rejected', { side: side(e.side) });
    case 'reneged':
      return tr(lang, you(e.side) ? 'event.youReneged' : 'event.reneged', { side: side(e.side), issue: issueName(view, lang, e.issue) });
    case 'lobbied':
      return tr(lang, 'event.lobbied', { constituency: constituencyName(view, lang, e.constituency, e.side), amount: e.amount });
    case 'statement':
      return tr(lang, you(e.side) ? 'event.youStatement' : 'event.statement', {
        side: side(e.side),
        issue: issueName(view, lang, e.issue),
        option: optionLabel(view, lang, e.issue, e.option),
      });
    case 'passed':
      return tr(lang, you(e.side) ? 'event.youPassed' : 'event.passed', { side: side(e.side) });
    case 'walkedAway':
      return tr(lang, you(e.side) ? 'event.youWalkedAway' : 'event.walkedAway', { side: side(e.side) });
    case 'signed':
      return tr(lang, 'event.signed', { package: packageText(view, lang, e.package) });
    case 'ratification':
      return tr(lang, e.result.passed ? 'event.ratified' : 'event.notRatified', {
        side: side(e.side),
        yes: pct(e.result.yesShare),
        threshold: pct(e.result.threshold),
      });
    case 'ended':
      return tr(lang, 'event.ended', { reason: reasonText(lang, e.outcome.reason, e.outcome.walkedAwayBy) });
  }
}

export function reasonText(lang: Locale, reason: string, walkedAwayBy: Side | null): string {
  if (reason === 'walked-away') return t(lang, 'reason.walked-away', { side: walkedAwayBy ? sideName(lang, walkedAwayBy) : '' });
  return t(lang, `reason.${reason}` as 'reason.ratified');
}
