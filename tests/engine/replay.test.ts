// Envelopes that do not replay are refused with the reason and the index of the first bad event.
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/content/scenario-schema';
import { type Envelope, replay } from '../../src/engine';
import { miniScenario } from '../fixtures/mini-scenario';

const scenario = ScenarioSchema.parse(miniScenario());
const get = (id: string) => (id === 'mini' ? scenario : undefined);

describe('replay', () => {
  const good: Envelope = {
    scenarioId: 'mini',
    seed: 4,
    overrides: {},
    events: [
      { type: 'propose', seat: 'mx', package: { legal: 'legal-1' } },
      { type: 'reject', seat: 'us' },
      { type: 'pass', seat: 'us' },
    ],
  };
  it('rebuilds a game', () => {
    const r = replay(good, get);
    expect(r.ok && [r.state.phase, r.state.actions.length]).toEqual(['domestic', 3]);
  });
  it('can stop at any event (to fork a game)', () => {
    const r = replay(good, get, 1);
    expect(r.ok && r.state.phase).toBe('response');
  });
  it('refuses an unknown scenario', () => {
    expect(replay({ ...good, scenarioId: 'atlantis' }, get)).toEqual({ ok: false, reason: 'unknown-scenario', scenarioId: 'atlantis' });
  });
  it('refuses bad overrides with the rule they break', () => {
    const r = replay({ ...good, overrides: { scale: { attack: -1 } } }, get);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason === 'bad-options' && r.problems[0]!.path).toBe('scale.attack');
  });
  it('names the first illegal event', () => {
    const bad = { ...good, events: [...good.events.slice(0, 2), { type: 'propose', seat: 'mx', package: { legal: 'legal-1' } } as const, ...good.events.slice(2)] };
    expect(replay(bad, get)).toEqual({ ok: false, reason: 'illegal-event', index: 2, error: { code: 'wrong-phase', params: { phase: 'domestic' } } });
  });
});
