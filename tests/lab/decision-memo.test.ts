// Remembered decisions never change a game: content keys tell values apart exactly, a remembered agent
// decides exactly what the plain agent decides (actions and reasons) at every point of many games, a
// decision that drew from its seeded stream is never reused, and a batch with memory gives the records a
// batch without it gives.
import { describe, expect, it } from 'vitest';
import { findPersona } from '../../src/ai/persona-registry';
import { type Agent, playOut } from '../../src/ai/play-out';
import { agentOf, baselinePolicy, personaPolicy } from '../../src/ai/policies';
import type { Policy } from '../../src/ai/types';
import type { DifficultyId } from '../../src/content/persona-schema';
import { getScenario } from '../../src/content/scenarios';
import { createGame, type Overrides, projection, type Side, type View } from '../../src/engine';
import { type ArmConfig, runRange } from '../../src/lab/batch';
import { ContentKeys, DecisionMemo } from '../../src/lab/decision-memo';

const enchilada = getScenario('whole-enchilada-2001')!;

describe('content keys', () => {
  const keys = new ContentKeys();
  const k = (v: unknown) => keys.key(v);

  it('are equal for equal content in different objects, nested', () => {
    const a = { x: [1, 2, { y: 'z', n: null }], t: true };
    const b = structuredClone(a);
    expect(k(a)).toBe(k(b));
    expect(k(a)).toBeGreaterThanOrEqual(0);
  });
  it('tell apart what a policy could tell apart', () => {
    const distinct: unknown[] = [
      { a: 1, b: 2 },
      { b: 2, a: 1 }, // key order: iteration order differs
      { a: 1, b: 2, c: undefined }, // a key holding undefined is still a key
      { a: 1 },
      { a: '1', b: 2 },
      { a: 1, b: -0 },
      { a: 1, b: 0 },
      { a: 1, b: '2' },
      { a: 1, b: [2] },
      { a: 1, b: { 0: 2 } },
      { a: '1,b', b: 2 },
      { a: 's1:1', b: 2 },
      { 'a=s1:1,b': 2 },
      [1, 2],
      [1, [2]],
      [[1], 2],
      [1, 2, undefined],
      [null],
      [false],
      ['f'],
      [],
      {},
    ];
    const seen = new Map<number, unknown>();
    for (const v of distinct) {
      const key = k(v);
      expect(seen.get(key), `${JSON.stringify(v)} vs ${JSON.stringify(seen.get(key))}`).toBeUndefined();
      seen.set(key, v);
    }
  });
  it('refuse values that are not plain data', () => {
    expect(k({ a: new Map() })).toBe(-1);
    expect(k({ a: () => 1 })).toBe(-1);
    expect(k([new Date(0)])).toBe(-1);
    expect(k({ a: Symbol('s') })).toBe(-1);
  });
  it('never give one id to two contents, even after their tables are renewed', () => {
    const small = new ContentKeys(8);
    const ids = new Map<number, string>();
    for (let i = 0; i < 200; i++) {
      const v = { i: i % 50, s: `x${i % 7}`, a: [i % 3, { b: i % 5 }] };
      const id = small.key(v);
      const text = JSON.stringify(v);
      expect(ids.get(id) ?? text, `id ${id}`).toBe(text);
      ids.set(id, text);
    }
    // An object read before keeps its id.
    const kept = { z: 1 };
    const id = small.key(kept);
    for (let i = 0; i < 50; i++) small.key({ fill: i });
    expect(small.key(kept)).toBe(id);
  });
  it('read a projection whole: two games at the same point give one key, another point another', () => {
    const a = projection(createGame(enchilada, 1), 'us');
    const b = projection(createGame(enchilada, 2), 'us');
    expect(k(a)).toBe(k(b));
    expect(k(projection(createGame(enchilada, 1), 'mx'))).not.toBe(k(a));
    expect(k(projection(createGame(getScenario('bracero-1942')!, 1), 'us'))).not.toBe(k(a));
    // Only what the seat sees counts: a shock still to come, unknown to it, does not split the key.
    expect(k(projection(createGame(enchilada, 1, { overrides: { disable: ['september-11'] } }), 'us'))).toBe(k(a));
  });
});

/** Plays games with remembered agents, checking every decision against the plain agent's. */
function checkAgainstPlain(memo: DecisionMemo, policy: Policy, name: string, other: Policy, otherName: string, seeds: number[], overrides: Overrides = {}) {
  let decisions = 0;
  for (const seed of seeds) {
    const agents = {} as Record<Side, Agent>;
    for (const side of ['us', 'mx'] as const) {
      const [p, n] = side === 'us' ? [policy, name] : [other, otherName];
      const remembered = memo.agent(p, n, seed, side).decide;
      const plain = agentOf(p, seed, side, n).decide;
      agents[side] = (view: View) => {
        const d = remembered(view);
        expect(d).toEqual(plain(view));
        decisions++;
        return d.action;
      };
    }
    playOut(createGame(enchilada, seed, { overrides }), agents, 10_000, false);
  }
  return decisions;
}

describe('remembered agents', () => {
  const persona = (id: string, level: DifficultyId) => personaPolicy(findPersona(id)!, level);

  it('decide exactly as the plain agent at every point, and reuse decisions across games', () => {
    const memo = new DecisionMemo();
    const seeds = Array.from({ length: 25 }, (_, i) => 100 + i);
    const n = checkAgainstPlain(memo, persona('pragmatic', 'normal'), 'pragmatic/normal', persona('tough', 'hard'), 'tough/hard', seeds);
    checkAgainstPlain(memo, persona('eager', 'normal'), 'eager/normal', persona('pragmatic', 'normal'), 'pragmatic/normal', seeds, {
      disable: ['september-11'],
    });
    expect(n).toBeGreaterThan(seeds.length * 10);
    expect(memo.stats.hits).toBeGreaterThan(memo.stats.misses);
  });
  it('never reuse a decision that drew from its stream', () => {
    // Easy personas concede a random amount; the random baseline draws every move.
    const memo = new DecisionMemo();
    const seeds = Array.from({ length: 12 }, (_, i) => 7 + i);
    checkAgainstPlain(memo, persona('pragmatic', 'easy'), 'pragmatic/easy', baselinePolicy('random'), 'random', seeds, { disable: ['september-11'] });
    const drew: Policy = (view, rng) => ({ action: { type: 'pass', seat: view.seat }, rationale: { code: 'pass', params: { x: rng.float() } } });
    const view = projection(createGame(enchilada, 1), 'us');
    const a = memo.agent(drew, 'drew', 1, 'us').decide(view);
    const b = memo.agent(drew, 'drew', 2, 'us').decide(view);
    expect(a.rationale.params.x).not.toBe(b.rationale.params.x);
    expect(a).toEqual(agentOf(drew, 1, 'us', 'drew').decide(view));
    expect(memo.agent(drew, 'drew', 1, 'us').decide(view)).not.toBe(a);
    // Reading the stream's state counts as drawing from it.
    const peeked: Policy = (view, rng) => ({ action: { type: 'pass', seat: view.seat }, rationale: { code: 'pass', params: { s: rng.state()[0]! } } });
    const p1 = memo.agent(peeked, 'peeked', 1, 'us').decide(view);
    expect(memo.agent(peeked, 'peeked', 2, 'us').decide(view).rationale.params.s).not.toBe(p1.rationale.params.s);
  });
  it('leave alone a policy that keeps drawing, and it still decides the same', () => {
    const memo = new DecisionMemo();
    const drew: Policy = (view, rng) => ({ action: { type: 'pass', seat: view.seat }, rationale: { code: 'pass', params: { x: rng.float() } } });
    const view = projection(createGame(enchilada, 1), 'us');
    for (let seed = 0; seed < 300; seed++) expect(memo.agent(drew, 'drew', seed, 'us').decide(view)).toEqual(agentOf(drew, seed, 'us', 'drew').decide(view));
    expect(memo.stats.skipped).toBeGreaterThan(0);
    expect(memo.stats.misses + memo.stats.skipped).toBe(300);
  });
  it('forget everything past their bound and still decide the same', () => {
    const memo = new DecisionMemo(5);
    checkAgainstPlain(memo, persona('pragmatic', 'normal'), 'pragmatic/normal', persona('pragmatic', 'normal'), 'pragmatic/normal', [3, 4, 5]);
    expect(memo.decisions).toBeLessThanOrEqual(5);
  });
});

describe('batches with memory', () => {
  const arm = (scenarioId: string, extra: Partial<ArmConfig> = {}): ArmConfig => ({
    scenarioId,
    runs: 1,
    seed: 1,
    ai: { us: 'pragmatic', mx: 'pragmatic' },
    difficulty: 'normal',
    overrides: {},
    history: false,
    ...extra,
  });
  const cases: [string, ArmConfig, number][] = [
    ['2001', arm(enchilada.id), 60],
    ['2001 without 9/11', arm(enchilada.id, { overrides: { disable: ['september-11'] } }), 60],
    ['2001 history', arm(enchilada.id, { history: true }), 40],
    ['2001 tough vs eager, easy', arm(enchilada.id, { ai: { us: 'tough', mx: 'eager' }, difficulty: 'easy', overrides: { disable: ['september-11'] } }), 30],
    ['1942', arm('bracero-1942'), 30],
    ['1995 history', arm('zacatecas-1995', { history: true }), 30],
    ['1995 baselines: tit-for-tat vs scripted', arm('zacatecas-1995', { ai: { us: 'tit-for-tat', mx: 'scripted' } }), 30],
  ];
  for (const [label, config, n] of cases) {
    it(`give the records of a batch without memory: ${label}, ${n} seeds`, () => {
      const scenario = getScenario(config.scenarioId)!;
      const memo = new DecisionMemo();
      const remembered = runRange(scenario, config, 0, n, undefined, memo);
      expect(remembered).toEqual(runRange(scenario, config, 0, n, undefined, null));
      expect(memo.stats.hits).toBeGreaterThan(0);
      // A bound small enough to forget in the middle of games changes nothing either.
      expect(runRange(scenario, config, 0, Math.min(n, 10), undefined, new DecisionMemo(7))).toEqual(remembered.slice(0, Math.min(n, 10)));
    });
  }
});
