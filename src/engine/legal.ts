// What a seat may do now, and the default move a round timer applies when it runs out.
import { parseSeat } from './step';
import type { Action, ActionType, GameState, Side } from './types';

/** The delegations the game waits for: the one whose turn it is, or those still in the domestic phase. */
export function awaitedSides(state: GameState): Side[] {
  if (state.phase === 'ended') return [];
  if (state.phase === 'domestic') return (['us', 'mx'] as const).filter((x) => !state.domesticDone[x]);
  return state.turn ? [state.turn] : [];
}

export function legalActionTypes(state: GameState, seat: string): ActionType[] {
  const p = parseSeat(seat);
  if (!p || state.phase === 'ended') return [];
  if (p.kind === 'instructor') return state.pending.length > 0 || state.scenario.shocks.some((s) => s.pool) ? ['inject'] : [];
  const side = p.side;
  const lead = p.role === 'lead';
  const out: ActionType[] = [];
  if (state.phase === 'proposal' && state.turn === side && lead) {
    out.push('propose');
    if (Object.keys(state.ledger).length) out.push('renege');
  }
  if (state.phase === 'response' && state.turn === side && lead) {
    out.push('accept', 'reject');
    if (state.counters < state.scenario.rules.maxCounters) out.push('counter');
  }
  if (state.phase === 'domestic' && !state.domesticDone[side]) {
    out.push('pass');
    if (state.sides[side].capital > 0) out.push('lobby');
    if (state.sides[side].capital >= state.scenario.rules.statementCost) out.push('statement');
    if (lead && Object.keys(state.ledger).length) out.push('renege');
  }
  if (lead) out.push('walkAway');
  return out;
}

/** The issues still open, with the options that may be offered on each. */
export function openIssues(state: GameState): { issue: number; options: number[] }[] {
  const out: { issue: number; options: number[] }[] = [];
  state.scenario.issues.forEach((issue, i) => {
    if (state.ledger[i] !== undefined) return;
    const gone = state.withdrawn[i] ?? [];
    out.push({ issue: i, options: issue.options.map((_, o) => o).filter((o) => !gone.includes(o)) });
  });
  return out;
}

/**
 * When a round timer runs out: a proposer re-tables its last offer (or its own best package),
 * a responder rejects, a delegation in the domestic phase passes. Null when nothing is awaited from it.
 */
export function defaultAction(state: GameState, side: Side): Action | null {
  const s = state.scenario;
  if (state.phase === 'ended') return null;
  if (state.phase === 'domestic') return state.domesticDone[side] ? null : { type: 'pass', seat: side };
  if (state.turn !== side) return null;
  if (state.phase === 'response') return { type: 'reject', seat: side };
  const open = openIssues(state);
  const last = [...state.offers].reverse().find((o) => o.by === side);
  const pkg: Record<string, string> = {};
  const values = state.sides[side].values;
  for (const { issue, options } of open) {
    const prev = last?.options[issue];
    const best = options.reduce((a, b) => (values[issue]![b]! > values[issue]![a]! ? b : a), options[0]!);
    const o = prev !== undefined && options.includes(prev) ? prev : best;
    pkg[s.issues[issue]!.id] = s.issues[issue]!.options[o]!.id;
  }
  return { type: 'propose', seat: side, package: pkg };
}
