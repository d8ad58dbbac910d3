// English strings. Keys are shared with es.ts, which must have every one (a type and a test check it).
// Parameters are written {name}; the engine and the AI emit keys and parameters, never sentences.
import { aiEn } from './ai.en';
import { cliEn } from './cli.en';
import { uiEn } from './ui.en';
export const en = {
  refusal: {
    'unknown-action': 'Unknown action "{type}".',
    'bad-seat': 'Unknown seat "{seat}".',
    'wrong-seat': 'The seat "{seat}" cannot do that.',
    'role-cannot': 'An {role} cannot {action}; the lead negotiator can.',
    'game-over': 'The negotiation is over.',
    'wrong-phase': 'That is not possible in the {phase} phase.',
    'not-your-turn': 'It is not your turn: {turn} moves now.',
    'talks-suspended': 'Talks are suspended this round.',
    'empty-package': 'Name at least one issue.',
    'unknown-issue': 'There is no issue "{issue}".',
    'unknown-option': 'Issue "{issue}" has no option "{option}".',
    'option-withdrawn': 'Option "{option}" of "{issue}" is off the table.',
    'issue-already-agreed': '"{issue}" is already agreed in the ledger.',
    'issue-not-offered': '"{issue}" is not in the offer.',
    'issue-not-in-ledger': '"{issue}" is not in the ledger.',
    'unknown-card': 'There is no linkage card "{card}".',
    'card-not-held': 'The card "{card}" belongs to the other delegation.',
    'card-unavailable': 'The card "{card}" is not available.',
    'counter-limit': 'No more counter-offers this round (at most {max}).',
    'unknown-constituency': 'Your side has no constituency "{constituency}".',
    'bad-amount': 'Spend a whole number of capital points, at least 1 (not {amount}).',
    'insufficient-capital': 'Not enough political capital: {need} needed, {have} left.',
    'already-committed': 'You have already made a public statement on "{issue}".',
    'already-passed': 'Your delegation has already finished this domestic phase.',
    'unknown-shock': 'There is no shock "{shock}".',
    'shock-already-fired': 'The shock "{shock}" has already happened.',
    'seat-not-human': 'Nobody plays the {seat} seat at this table.',
    'not-in-play': 'The game is not in play.',
    paused: 'The game is paused.',
    'news-interlude': 'Read the news first.',
    'bad-config': 'The game could not start: {problems}',
  },
  phase: { proposal: 'proposal', response: 'response', domestic: 'domestic politics', ended: 'ended' },
  side: { us: 'United States', mx: 'Mexico' },
  instrument: { executive: 'executive agreement', legislation: 'legislation', treaty: 'treaty' },
  salience: { technical: 'technical', political: 'political' },
  reason: {
    ratified: 'Agreement signed and ratified by both sides.',
    'ratification-failed': 'Agreement signed, but not ratified at home: a government whose own side rejected it ends below acting alone, for signing what it could not deliver.',
    'walked-away': 'The {side} walked away.',
    deadline: 'The deadline passed without agreement.',
  },
  ai: aiEn,
  cli: cliEn,
  ui: uiEn,
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
