// The terminal game's command language, parsed against the player's view into engine actions.
import type { Action, View } from '../engine';
import { type Locale, t } from '../i18n/translate';

export type Command =
  | { kind: 'act'; action: Action }
  | { kind: 'eval'; package: Record<string, string>; cards: string[] }
  | { kind: 'show'; what: 'board' | 'brief' | 'help' }
  | { kind: 'quit' }
  | { kind: 'error'; message: string };

/** Reads `issue=option` pairs (options by id or by position) and `+card` tokens. */
function readPairs(tokens: string[], view: View, lang: Locale): { package: Record<string, string>; cards: string[] } | string {
  const pkg: Record<string, string> = {};
  const cards: string[] = [];
  const example = `${view.scenario.issues[0]!.id}=${view.scenario.issues[0]!.options[1]!.id}`;
  for (const tok of tokens) {
    if (tok.startsWith('+')) {
      cards.push(tok.slice(1));
      continue;
    }
    const [issueId, opt] = tok.split('=');
    if (!issueId || opt === undefined || opt === '') return t(lang, 'cli.badPair', { example });
    const issue = view.scenario.issues.find((i) => i.id === issueId);
    // Unknown ids pass through: the engine refuses them with its own reason.
    pkg[issueId] = issue && /^\d+$/.test(opt) && issue.options[Number(opt)] ? issue.options[Number(opt)]!.id : opt;
  }
  return { package: pkg, cards };
}

export function parseCommand(line: string, view: View, lang: Locale): Command | null {
  const [word, ...rest] = line.trim().split(/\s+/);
  if (!word) return null;
  const seat = view.seat;
  const withPairs = (make: (p: { package: Record<string, string>; cards: string[] }) => Command): Command => {
    const p = readPairs(rest, view, lang);
    return typeof p === 'string' ? { kind: 'error', message: p } : make(p);
  };
  switch (word.toLowerCase()) {
    case 'board':
    case 'brief':
    case 'help':
      return { kind: 'show', what: word.toLowerCase() as 'board' | 'brief' | 'help' };
    case 'quit':
    case 'exit':
      return { kind: 'quit' };
    case 'propose':
      return withPairs((p) => ({ kind: 'act', action: { type: 'propose', seat, package: p.package, ...(p.cards.length ? { cards: p.cards } : {}) } }));
    case 'counter':
      return withPairs((p) => ({ kind: 'act', action: { type: 'counter', seat, package: p.package, ...(p.cards.length ? { cards: p.cards } : {}) } }));
    case 'eval':
      return withPairs((p) => ({ kind: 'eval', package: p.package, cards: p.cards }));
    case 'accept':
      return { kind: 'act', action: rest.length ? { type: 'accept', seat, issues: rest } : { type: 'accept', seat } };
    case 'reject':
      return { kind: 'act', action: { type: 'reject', seat } };
    case 'walk':
      return { kind: 'act', action: { type: 'walkAway', seat } };
    case 'pass':
      return { kind: 'act', action: { type: 'pass', seat } };
    case 'renege':
      return { kind: 'act', action: { type: 'renege', seat, issue: rest[0] ?? '' } };
    case 'lobby':
      return { kind: 'act', action: { type: 'lobby', seat, constituency: rest[0] ?? '', amount: Number(rest[1] ?? 1) } };
    case 'statement':
      return withPairs((p) => {
        const [issue, option] = Object.entries(p.package)[0] ?? ['', ''];
        return { kind: 'act', action: { type: 'statement', seat, issue, option } };
      });
    default:
      return { kind: 'error', message: t(lang, 'cli.unknownCommand', { command: word }) };
  }
}
