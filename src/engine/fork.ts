// Counterfactual forks: from a point in a game, the shocks still to come follow new overrides (disable,
// move, scale, add), with everything before the point kept exactly as it was.
import { patch } from './state-copy';
import type { Scenario } from '../content/scenario-schema';
import { indexScenario } from './model';
import { replay } from './replay';
import { checkOverrides, pendingShocks } from './shocks';
import type { Envelope, GameState, Overrides } from './types';

export type ForkResult = { ok: true; state: GameState } | { ok: false; problems: { path: string; rule: string }[] };

const touched = (o: Overrides): string[] => [...(o.disable ?? []), ...Object.keys(o.move ?? {}), ...Object.keys(o.scale ?? {}), ...(o.add ?? [])];

/** `base` with `later` on top: what a fork's shocks follow (a later disable undoes an add, and the other way round). */
export function mergeOverrides(base: Overrides, later: Overrides): Overrides {
  return {
    disable: [...new Set([...(base.disable ?? []), ...(later.disable ?? [])])].filter((id) => !(later.add ?? []).includes(id)),
    move: { ...base.move, ...later.move },
    scale: { ...base.scale, ...later.scale },
    add: [...new Set([...(base.add ?? []), ...(later.add ?? [])])].filter((id) => !(later.disable ?? []).includes(id)),
  };
}

/**
 * Re-plans the shocks still to come. Shocks that already happened cannot be changed, and a shock cannot be
 * moved to a round whose news is already out; `opensRound` is the first round whose news follows the new plan.
 */
export function applyFork(state: GameState, overrides: Overrides, opensRound: number): ForkResult {
  const s = state.scenario;
  const idx = indexScenario(s);
  const problems = checkOverrides(s, overrides);
  for (const id of touched(overrides)) {
    const fired = state.fired.find((f) => f.id === id);
    if (fired) problems.push({ path: id, rule: `"${id}" already happened (round ${fired.round + 1}), before the fork` });
  }
  for (const [id, round] of Object.entries(overrides.move ?? {})) {
    const r = idx.roundIndex.get(round);
    if (r !== undefined && r < opensRound)
      problems.push({ path: `move.${id}`, rule: `round "${round}" is before the fork; choose a round from "${s.calendar[opensRound]?.id}" on` });
  }
  if (problems.length) return { ok: false, problems };
  const merged = mergeOverrides(state.overrides, overrides);
  const firedIds = new Set(state.fired.map((f) => f.id));
  const pending = pendingShocks(s, merged).filter((p) => !firedIds.has(p.id));
  return {
    ok: true,
    state: patch(state, { pending, forks: [...state.forks, { atEvent: state.actions.length, round: opensRound, overrides }] }),
  };
}

export type ForkEnvelopeResult =
  | { ok: true; envelope: Envelope; state: GameState }
  | { ok: false; problems: { path: string; rule: string }[] };

/**
 * Forks a recorded game at the start of `round`: keeps every event up to (and not including) the one that
 * opened that round, re-plans the shocks to come, and replays that opening event under the new plan. The
 * new envelope records the parent's events up to there and the fork; play continues from its state.
 */
export function forkAtRound(parent: Envelope, round: number, overrides: Overrides, getScenario: (id: string) => Scenario | undefined): ForkEnvelopeResult {
  const scenario = getScenario(parent.scenarioId);
  if (!scenario) return { ok: false, problems: [{ path: 'scenarioId', rule: `unknown scenario "${parent.scenarioId}"` }] };
  if (!Number.isInteger(round) || round < 0 || round >= scenario.calendar.length)
    return { ok: false, problems: [{ path: 'round', rule: `a round from 1 to ${scenario.calendar.length}` }] };
  // Find the event that opened `round` (none for round 0: the fork then starts a new game).
  let opening = -1;
  if (round > 0) {
    for (let k = 0; k < parent.events.length; k++) {
      const r = replay(parent, getScenario, k + 1);
      if (!r.ok) return { ok: false, problems: [{ path: `events[${k}]`, rule: 'the parent game does not replay' }] };
      if (r.state.round >= round) {
        opening = k;
        break;
      }
    }
    if (opening < 0) return { ok: false, problems: [{ path: 'round', rule: `the game never reached round ${round + 1}` }] };
  }
  const prefixLength = round === 0 ? 0 : opening;
  const before = replay(parent, getScenario, prefixLength);
  if (!before.ok) return { ok: false, problems: [{ path: 'events', rule: 'the parent game does not replay' }] };
  const forked = applyFork(before.state, overrides, round);
  if (!forked.ok) return forked;
  const envelope: Envelope = {
    scenarioId: parent.scenarioId,
    seed: parent.seed,
    overrides: parent.overrides,
    events: parent.events.slice(0, round === 0 ? 0 : opening + 1),
    forks: [...(parent.forks ?? []), { atEvent: prefixLength, round, overrides }],
  };
  const r = replay(envelope, getScenario);
  if (!r.ok) return { ok: false, problems: [{ path: 'events', rule: 'the fork does not replay' }] };
  return { ok: true, envelope, state: r.state };
}
