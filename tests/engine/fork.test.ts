// Forks: the past stays exactly as it was; the shocks still to come follow the new plan.
import { describe, expect, it } from 'vitest';
import { playOut } from '../../src/ai/play-out';
import { scriptedPolicy } from '../../src/ai/scripted';
import { ScenarioSchema } from '../../src/content/scenario-schema';
import { createGame, envelopeOf, forkAtRound, replay, serializeState } from '../../src/engine';
import { miniScenario } from '../fixtures/mini-scenario';

const scenario = ScenarioSchema.parse(miniScenario());
const get = (id: string) => (id === 'mini' ? scenario : undefined);
// A parent game that reaches the last round: the script plays both sides.
const parentState = (() => {
  for (let seed = 0; seed < 200; seed++) {
    const s = playOut(createGame(scenario, seed, { overrides: { disable: ['slump'] } }), { us: scriptedPolicy, mx: scriptedPolicy }).state;
    if (s.outcome!.round >= 3) return s;
  }
  throw new Error('no parent game reached round 4');
})();
const parent = envelopeOf(parentState);

describe('forkAtRound', () => {
  it('keeps everything before the fork and changes the shocks after it', () => {
    const r = forkAtRound(parent, 2, { disable: ['attack'] }, get);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.round).toBe(2);
    expect(r.state.fired.map((f) => f.id)).not.toContain('attack');
    expect(r.state.phase).toBe('proposal'); // the parent was suspended in round 2
    expect(r.envelope.forks).toEqual([{ atEvent: r.envelope.events.length - 1, round: 2, overrides: { disable: ['attack'] } }]);
    // The prefix is the parent's, event for event.
    expect(r.envelope.events).toEqual(parent.events.slice(0, r.envelope.events.length));
    const before = replay(parent, get, r.envelope.events.length - 1);
    const forkedBefore = replay({ ...r.envelope, forks: [] }, get, r.envelope.events.length - 1);
    expect(before.ok && forkedBefore.ok && serializeState(before.state)).toBe(forkedBefore.ok && serializeState(forkedBefore.state));
  });
  it('records the fork in the envelope: it replays exactly, and play continues from it', () => {
    const r = forkAtRound(parent, 1, { move: { attack: 'r3' } }, get);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const end = playOut(r.state, { us: scriptedPolicy, mx: scriptedPolicy }).state;
    const again = replay(envelopeOf(end), get);
    expect(again.ok && serializeState(again.state)).toBe(serializeState(end));
    expect(end.fired.find((f) => f.id === 'attack')?.round ?? 3).toBe(3);
  });
  it('forks at round 1 with a pool shock added', () => {
    const r = forkAtRound(parent, 1, { add: ['early-push'] }, get);
    expect(r.ok && r.state.fired.map((f) => f.id)).toContain('early-push');
  });
  it('refuses to change what already happened or to move a shock into the past', () => {
    const past = forkAtRound(parent, 3, { disable: ['attack'] }, get);
    expect(!past.ok && past.problems[0]!.rule).toMatch(/"attack" already happened \(round 3\), before the fork/);
    const back = forkAtRound(parent, 2, { move: { attack: 'r1' } }, get);
    expect(!back.ok && back.problems[0]!.rule).toMatch(/before the fork/);
    const unknown = forkAtRound(parent, 2, { disable: ['nope'] }, get);
    expect(!unknown.ok && unknown.problems[0]!.rule).toMatch(/valid shocks: attack, election/);
    const outside = forkAtRound(parent, 9, {}, get);
    expect(!outside.ok && outside.problems[0]!.rule).toBe('a round from 1 to 4');
  });
});
