// Choosing the AI across the table: the catalogue lists the personas of that delegation and the levels;
// an unknown persona or difficulty is refused with the valid ones; the agent is deterministic under a
// seed — a pure function of the seed and the view, however often it is asked.
import { describe, expect, it } from 'vitest';
import { createOpponent, DEFAULT_PERSONA, opponentCatalogue } from '../../src/ai/opponent';
import { playOut } from '../../src/ai/play-out';
import { renderRationale } from '../../src/ai/rationale';
import { createGame, envelopeOf, projection } from '../../src/engine';
import { scenario } from './helpers/games';

const s = scenario('whole-enchilada-2001');

describe('opponentCatalogue', () => {
  it('lists the generic styles, then the delegation’s historical persona, the levels and the baselines', () => {
    const us = opponentCatalogue(s, 'us');
    const mx = opponentCatalogue(s, 'mx');
    expect(us.personas[0]).toBe(DEFAULT_PERSONA);
    expect(us.personas).toEqual(['pragmatic', 'tough', 'eager', 'bush-administration']);
    expect(mx.personas).toEqual(['pragmatic', 'tough', 'eager', 'castaneda-whole-enchilada']);
    expect(us.difficulties).toEqual(['easy', 'normal', 'hard']);
    expect(us.baselines).toEqual(expect.arrayContaining(['random', 'boulware', 'linear', 'conceder', 'tit-for-tat']));
  });
});

describe('createOpponent', () => {
  it('refuses an unknown persona, listing the valid ones', () => {
    const r = createOpponent(s, 'us', { persona: 'machiavelli' }, 1);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('unknown persona "machiavelli"; valid personas: pragmatic, tough, eager, bush-administration') });
  });

  it('refuses another delegation’s historical persona', () => {
    const r = createOpponent(s, 'us', { persona: 'castaneda-whole-enchilada' }, 1);
    expect(r.ok).toBe(false);
  });

  it('refuses an unknown difficulty, listing the valid ones', () => {
    const r = createOpponent(s, 'mx', { persona: 'tough', difficulty: 'nightmare' }, 1);
    expect(r).toEqual({ ok: false, error: 'unknown difficulty "nightmare"; valid difficulties: easy, normal, hard' });
  });

  it('defaults to the pragmatic persona at normal difficulty', () => {
    const r = createOpponent(s, 'mx', {}, 1);
    expect(r.ok && r.label).toBe('Pragmatic (normal)');
    expect(r.ok && r.difficulty).toBe('normal');
  });

  it('gives an agent whose moves carry reasons that render in both languages', () => {
    const r = createOpponent(s, 'mx', { persona: 'castaneda-whole-enchilada', difficulty: 'hard' }, 3);
    if (!r.ok) throw new Error(r.error);
    const view = projection(createGame(s, 3), 'mx');
    const d = r.decide(view);
    expect(r.agent(view)).toEqual(d.action);
    expect(renderRationale('es', d.rationale, view)).toMatch(/^Abrimos/);
    expect(renderRationale('en', d.rationale, view)).toMatch(/^We open/);
  });

  it('plays a baseline when one is named', () => {
    const r = createOpponent(s, 'us', { persona: 'boulware' }, 1);
    expect(r.ok && r.persona).toBeNull();
  });
});

describe('determinism', () => {
  it('the same seed gives the same game; the agent answers a view the same way however often it is asked', () => {
    const play = (seed: number) => {
      const us = createOpponent(s, 'us', { persona: 'pragmatic', difficulty: 'easy' }, seed);
      const mx = createOpponent(s, 'mx', { persona: 'eager', difficulty: 'easy' }, seed);
      if (!us.ok || !mx.ok) throw new Error('no agent');
      // Asking twice before answering must not change anything (no hidden stream advanced per call).
      const twice = (a: typeof us.agent) => (v: Parameters<typeof a>[0]) => {
        a(v);
        return a(v);
      };
      return envelopeOf(playOut(createGame(s, seed), { us: twice(us.agent), mx: mx.agent }).state);
    };
    expect(play(11)).toEqual(play(11));
    // Easy play draws random extra concessions, so different seeds give different games.
    const games = new Set([11, 12, 13, 14, 15].map((seed) => JSON.stringify(play(seed).events)));
    expect(games.size).toBeGreaterThan(1);
  });
});
