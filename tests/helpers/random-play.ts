// Random play for property tests: legal actions chosen by a seeded stream, with some illegal ones mixed in
// (which the engine must refuse without changing anything).
import { type Action, type GameState, openIssues, type RngStream, type Side } from '../../src/engine';

const pick = <T>(rng: RngStream, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

function randomPackage(state: GameState, rng: RngStream): Record<string, string> {
  const open = openIssues(state);
  const pkg: Record<string, string> = {};
  const n = 1 + rng.int(open.length);
  const shuffled = [...open];
  for (let k = shuffled.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [shuffled[k], shuffled[j]] = [shuffled[j]!, shuffled[k]!];
  }
  const chosen = shuffled.slice(0, n);
  for (const { issue, options } of chosen) {
    const def = state.scenario.issues[issue]!;
    pkg[def.id] = def.options[pick(rng, options)]!.id;
  }
  return pkg;
}

/** A legal action for one of the awaited delegations. */
export function randomLegalAction(state: GameState, rng: RngStream): Action | null {
  if (state.phase === 'ended') return null;
  const s = state.scenario;
  if (state.phase === 'domestic') {
    const sides = (['us', 'mx'] as const).filter((x) => !state.domesticDone[x]);
    const side: Side = pick(rng, sides);
    const seat = rng.float() < 0.3 ? `${side}.adviser` : side;
    const m = state.sides[side];
    const r = rng.float();
    if (r < 0.2 && m.capital > 0) {
      const c = pick(rng, s.delegations[side].constituencies);
      return { type: 'lobby', seat, constituency: c.id, amount: 1 + rng.int(m.capital) };
    }
    if (r < 0.3 && m.capital >= s.rules.statementCost) {
      const open = openIssues(state).filter(({ issue }) => state.commitments[side][issue] === undefined);
      if (open.length) {
        const { issue, options } = pick(rng, open);
        return { type: 'statement', seat, issue: s.issues[issue]!.id, option: s.issues[issue]!.options[pick(rng, options)]!.id };
      }
    }
    if (r < 0.33 && seat === side && Object.keys(state.ledger).length) {
      const i = Number(pick(rng, Object.keys(state.ledger)));
      return { type: 'renege', seat, issue: s.issues[i]!.id };
    }
    if (r < 0.335) return { type: 'walkAway', seat: side };
    return { type: 'pass', seat };
  }
  const side = state.turn!;
  if (state.phase === 'proposal') {
    const cards = s.cards.filter((c) => c.holder === side && state.cardsAvailable[c.id] && !state.cardsUsed.includes(c.id));
    const withCards = cards.length && rng.float() < 0.2 ? [pick(rng, cards).id] : undefined;
    return { type: 'propose', seat: side, package: randomPackage(state, rng), ...(withCards ? { cards: withCards } : {}) };
  }
  const offered = Object.keys(state.offer!.options).map((k) => s.issues[Number(k)]!.id);
  const r = rng.float();
  if (r < 0.35) return { type: 'accept', seat: side };
  if (r < 0.55) return { type: 'accept', seat: side, issues: offered.slice(0, 1 + rng.int(offered.length)) };
  if (r < 0.75 && state.counters < s.rules.maxCounters) return { type: 'counter', seat: side, package: randomPackage(state, rng) };
  if (r < 0.76) return { type: 'walkAway', seat: side };
  return { type: 'reject', seat: side };
}

/** An action that is illegal in this state (wrong seat, unknown ids, out of turn, …). */
export function randomIllegalAction(state: GameState, rng: RngStream): Action {
  const s = state.scenario;
  const notTurn: Side = state.turn === 'us' ? 'mx' : 'us';
  const options: Action[] = [
    { type: 'propose', seat: notTurn, package: { [s.issues[0]!.id]: s.issues[0]!.options[0]!.id } },
    { type: 'propose', seat: state.turn ?? 'us', package: { 'no-such-issue': 'x' } },
    { type: 'propose', seat: state.turn ?? 'us', package: { [s.issues[0]!.id]: 'no-such-option' } },
    { type: 'lobby', seat: 'us', constituency: 'nobody', amount: 1 },
    { type: 'lobby', seat: 'mx', constituency: s.delegations.mx.constituencies[0]!.id, amount: 999 },
    { type: 'accept', seat: 'martian' },
    { type: 'inject', seat: 'us', shock: s.shocks[0]!.id },
    { type: 'propose', seat: 'us.adviser', package: {} },
  ];
  return pick(rng, options);
}
