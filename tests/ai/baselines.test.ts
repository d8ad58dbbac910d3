// The baselines the AI is measured against play legal moves only, and behave as their names say.
import { describe, expect, it } from 'vitest';
import { BASELINE_IDS, baselinePolicy } from '../../src/ai/policies';
import { evaluateDraft } from '../../src/engine/evaluate';
import { record, scenarios } from './helpers/games';

describe('baselines', () => {
  it('play every scenario to the end with legal moves only', () => {
    for (const s of scenarios())
      for (const a of BASELINE_IDS)
        for (const b of ['random', 'linear'] as const) {
          const { moves, state } = record(s, 3, { us: baselinePolicy(a), mx: baselinePolicy(b) });
          expect(state.phase).toBe('ended');
          expect(moves.filter((m) => m.refused).map((m) => `${s.id} ${a}: ${JSON.stringify(m.decision.action)}`)).toEqual([]);
        }
  });

  it('concede on their schedules: Boulware slowest, Conceder fastest', () => {
    const s = scenarios()[0]!;
    const ownAsk = (id: 'boulware' | 'linear' | 'conceder') => {
      const { moves } = record(s, 1, { us: baselinePolicy(id), mx: baselinePolicy('immovable') });
      const proposals = moves.filter((m) => m.side === 'us' && m.decision.action.type === 'propose');
      const mid = proposals[Math.floor(proposals.length / 2)]!;
      return evaluateDraft(mid.view, (mid.decision.action as { package: Record<string, string> }).package).utility;
    };
    expect(ownAsk('boulware')).toBeGreaterThan(ownAsk('linear'));
    expect(ownAsk('linear')).toBeGreaterThan(ownAsk('conceder'));
  });

  it('tit-for-tat does not move while the other side does not', () => {
    const s = scenarios()[0]!;
    const { moves } = record(s, 1, { us: baselinePolicy('tit-for-tat'), mx: baselinePolicy('immovable') });
    const asks = moves
      .filter((m) => m.side === 'us' && m.decision.action.type === 'propose')
      .map((m) => evaluateDraft(m.view, (m.decision.action as { package: Record<string, string> }).package).utility);
    expect(new Set(asks.map((u) => u.toFixed(9))).size).toBe(1);
  });
});
