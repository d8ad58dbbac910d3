// The ingredients of the negotiating AI, each on a small literal game: the concession curve, the
// acceptance rule, the opponent model, the domestic check, reciprocity, linkage, the ledger, political
// capital and the reaction to shocks.
import { describe, expect, it } from 'vitest';
import { readBoard } from '../../src/ai/board';
import { negotiate } from '../../src/ai/negotiator';
import { learnOpponent } from '../../src/ai/opponent-model';
import { findPersona, difficultyLevels } from '../../src/ai/persona-registry';
import { curveTarget, plan } from '../../src/ai/planning';
import { baselinePolicy, personaPolicy } from '../../src/ai/policies';
import { type Tactics, tacticsOf } from '../../src/ai/tactics';
import { ScenarioSchema } from '../../src/content/scenario-schema';
import { type Action, createGame, type GameState, projection, RngStream, step } from '../../src/engine';
import { evaluateDraft } from '../../src/engine/evaluate';
import { miniScenario } from '../fixtures/mini-scenario';
import { record, scenario, scenarios } from './helpers/games';

const mini = ScenarioSchema.parse(miniScenario());
const tactics = (id: string, overrides: Partial<Tactics> = {}): Tactics => ({ ...tacticsOf(findPersona(id)!, difficultyLevels().normal), ...overrides });
const rng = () => RngStream.fromSeed(5);

function play(state: GameState, ...actions: Action[]): GameState {
  for (const a of actions) {
    const r = step(state, a);
    if (r.error) throw new Error(`${JSON.stringify(a)} refused: ${r.error.code}`);
    state = r.state;
  }
  return state;
}

describe('concession curve', () => {
  it('Boulware concedes late, Conceder early, linear in between; all start at the best and end at the floor', () => {
    const shape = (exponent: number, time: number) => curveTarget(1, { ...tactics('pragmatic'), exponent, floor: 0.2 }, time);
    for (const e of [0.2, 1, 2]) {
      expect(shape(e, 0)).toBeCloseTo(1);
      expect(shape(e, 1)).toBeCloseTo(0.2);
    }
    expect(shape(0.2, 0.5)).toBeGreaterThan(shape(1, 0.5));
    expect(shape(1, 0.5)).toBeGreaterThan(shape(2, 0.5));
    expect(shape(1, 0.5)).toBeCloseTo(0.6);
  });

  it('an AI opens with its own best package and concedes as the deadline nears', () => {
    const s = scenario('bracero-1942');
    const { moves } = record(s, 1, { us: personaPolicy(findPersona('pragmatic')!, 'normal'), mx: baselinePolicy('immovable') });
    const us = moves.filter((m) => m.side === 'us' && m.decision.action.type === 'propose');
    const value = (m: (typeof us)[number]) => evaluateDraft(m.view, (m.decision.action as { package: Record<string, string> }).package).utility;
    expect(us[0]!.decision.rationale.code).toBe('open');
    expect(value(us[us.length - 1]!)).toBeLessThan(value(us[0]!));
    for (let k = 1; k < us.length; k++) expect(value(us[k]!)).toBeLessThanOrEqual(value(us[k - 1]!) + 1e-9);
  });
});

describe('acceptance', () => {
  it('accepts an offer that beats its next offer and its reservation value; counters one below its reservation', () => {
    const start = createGame(mini, 1);
    // Mexico (first mover) offers the US its best package, then in another game its own best.
    const generous = play(start, { type: 'propose', seat: 'mx', package: { legal: 'legal-0', workers: 'workers-1', border: 'border-2', data: 'data-2' } });
    const d1 = negotiate(projection(generous, 'us'), tactics('pragmatic'), rng());
    expect(d1.action.type).toBe('accept');
    expect(d1.rationale.code).toBe('accept');
    const greedy = play(start, { type: 'propose', seat: 'mx', package: { legal: 'legal-2', workers: 'workers-2', border: 'border-0', data: 'data-0' } });
    const view = projection(greedy, 'us');
    expect(evaluateDraft(view, view.offer!.package).utility).toBeLessThan(view.own!.reservation);
    const d2 = negotiate(view, tactics('pragmatic'), rng());
    expect(d2.action.type).toBe('counter');
  });

  it('never accepts what its own side would not ratify, and says who would block it', () => {
    // A Senate that is cool on the deal: legislation then hangs on House Republicans, who hate legal-2.
    const raw = miniScenario();
    raw.delegations.us.constituencies.find((c) => c.id === 'senate')!.support = 0.3;
    const start = createGame(ScenarioSchema.parse(raw), 1);
    // Good for the US by its own values, but House Republicans hate legal-2 and legislation is needed.
    const s = play(start, { type: 'propose', seat: 'mx', package: { legal: 'legal-2', workers: 'workers-1', border: 'border-2', data: 'data-2' } });
    const view = projection(s, 'us');
    const ev = evaluateDraft(view, view.offer!.package);
    expect(ev.discounted).toBeGreaterThan(view.own!.reservation);
    expect(ev.ratification.probability).toBeLessThan(0.5);
    const d = negotiate(view, tactics('eager'), rng());
    expect(d.action.type).not.toBe('accept');
    expect(d.rationale.code).toBe('counterDomestic');
    expect(d.rationale.params.constituency).toBe('house-r');
    expect(d.rationale.params.issue).toBe('legal');
  });
});

describe('opponent model', () => {
  it('learns from the other side’s offers which issues it holds firm on', () => {
    let s = createGame(mini, 1);
    s = play(
      s,
      { type: 'propose', seat: 'mx', package: { legal: 'legal-2', workers: 'workers-2', border: 'border-0', data: 'data-0' } },
      { type: 'reject', seat: 'us' },
      { type: 'pass', seat: 'us' },
      { type: 'pass', seat: 'mx' },
      { type: 'propose', seat: 'us', package: { legal: 'legal-0', workers: 'workers-1', border: 'border-2', data: 'data-2' } },
      { type: 'counter', seat: 'mx', package: { legal: 'legal-2', workers: 'workers-1', border: 'border-1', data: 'data-1' } },
    );
    const model = learnOpponent(readBoard(projection(s, 'us')), 1);
    expect(model.firm).toEqual([0]);
    expect(model.weights[0]).toBeGreaterThan(Math.max(model.weights[1]!, model.weights[2]!, model.weights[3]!));
    // Its most valued option on the firm issue is the one it keeps asking for.
    expect(model.values[0]!.indexOf(Math.max(...model.values[0]!))).toBe(2);
    // Without learning, the model keeps its prior: the mirror of our own values, all issues alike.
    const prior = learnOpponent(readBoard(projection(s, 'us')), 0);
    expect(new Set(prior.weights).size).toBe(1);
  });
});

describe('reciprocity', () => {
  it('answers a concession with a bigger step than silence', () => {
    const base = play(
      createGame(mini, 1),
      { type: 'propose', seat: 'mx', package: { legal: 'legal-2', workers: 'workers-2', border: 'border-0', data: 'data-0' } },
      { type: 'counter', seat: 'us', package: { legal: 'legal-0', workers: 'workers-1', border: 'border-2', data: 'data-2' } },
      { type: 'reject', seat: 'mx' },
      { type: 'pass', seat: 'us' },
      { type: 'pass', seat: 'mx' },
    );
    const stays = play(base, { type: 'propose', seat: 'us', package: { legal: 'legal-0', workers: 'workers-1', border: 'border-2', data: 'data-2' } }, {
      type: 'counter',
      seat: 'mx',
      package: { legal: 'legal-2', workers: 'workers-2', border: 'border-0', data: 'data-0' },
    });
    const moves = play(base, { type: 'propose', seat: 'us', package: { legal: 'legal-0', workers: 'workers-1', border: 'border-2', data: 'data-2' } }, {
      type: 'counter',
      seat: 'mx',
      package: { legal: 'legal-2', workers: 'workers-1', border: 'border-1', data: 'data-0' },
    });
    const t = tactics('pragmatic', { reciprocity: 1 });
    const target = (s: GameState) => plan(readBoard(projection(s, 'us')), t, rng()).target;
    expect(target(moves)).toBeLessThan(target(stays));
  });
});

describe('linkage, ledger and political capital', () => {
  const games = scenarios().flatMap((s) =>
    [1, 2].flatMap((seed) => [
      record(s, seed, { us: personaPolicy(findPersona('eager')!, 'normal'), mx: baselinePolicy('linear') }),
      record(s, seed, { us: baselinePolicy('conceder'), mx: personaPolicy(findPersona('pragmatic')!, 'normal') }),
    ]),
  );
  const aiMoves = games.flatMap((g, k) => g.moves.filter((m) => m.side === (k % 2 ? 'mx' : 'us')));

  it('puts its linkage cards on the table, and only cards it holds', () => {
    const cardsOf = (a: Action) => ('cards' in a && a.cards ? a.cards : []);
    const withCards = aiMoves.filter((m) => cardsOf(m.decision.action).length);
    expect(withCards.length).toBeGreaterThan(0);
    for (const m of withCards) for (const c of cardsOf(m.decision.action)) expect(m.view.cards.find((x) => x.id === c)!.holder).toBe(m.side);
  });

  it('banks issues in the ledger and never reneges on them', () => {
    expect(aiMoves.some((m) => m.decision.action.type === 'accept' && m.decision.action.issues)).toBe(true);
    expect(aiMoves.some((m) => m.decision.action.type === 'renege')).toBe(false);
  });

  it('spends capital on the voter whose support raises the ratification chance most', () => {
    const lobbies = aiMoves.filter((m) => m.decision.action.type === 'lobby');
    expect(lobbies.length).toBeGreaterThan(0);
    for (const m of lobbies) {
      const pkg = m.decision.rationale.package!;
      const gain = (id: string) => {
        const r = step(m.before, { type: 'lobby', seat: m.side, constituency: id, amount: 1 });
        return evaluateDraft(projection(r.state, m.side), pkg).ratification.probability;
      };
      const chosen = gain((m.decision.action as { constituency: string }).constituency);
      for (const v of evaluateDraft(m.view, pkg).ratification.voters) expect(chosen).toBeGreaterThanOrEqual(gain(v.id) - 1e-12);
      expect(chosen).toBeGreaterThan(evaluateDraft(m.view, pkg).ratification.probability);
    }
  });
});

describe('shocks', () => {
  it('re-reads its numbers: a better alternative or an earlier deadline changes what it does', () => {
    const offered = play(createGame(mini, 1), { type: 'propose', seat: 'mx', package: { legal: 'legal-0', workers: 'workers-1', border: 'border-1', data: 'data-1' } });
    // The same offer seen in the last round: taken while it beats acting alone…
    const last = { ...projection(offered, 'us'), round: 3, t: 1 };
    expect(evaluateDraft(last, last.offer!.package).discounted).toBeCloseTo(0.675);
    expect(negotiate(last, tactics('pragmatic'), rng()).rationale.code).toBe('acceptLastChance');
    // …refused after a shock that improved the US alternative (its reservation value) beyond it.
    const better = { ...last, own: { ...last.own!, reservation: 0.7 } };
    expect(negotiate(better, tactics('pragmatic'), rng()).action.type).not.toBe('accept');

    const s = play(
      createGame(mini, 1),
      { type: 'propose', seat: 'mx', package: { legal: 'legal-2', workers: 'workers-2', border: 'border-0', data: 'data-0' } },
      { type: 'reject', seat: 'us' },
      { type: 'pass', seat: 'us' },
      { type: 'pass', seat: 'mx' },
    );
    const view = projection(s, 'us');
    expect(view.round).toBe(1);
    const ask = (v: typeof view) => plan(readBoard(v), tactics('pragmatic'), rng()).target;
    expect(ask({ ...view, deadline: 2 })).toBeLessThan(ask(view));
  });

  it('says so when a shock has just landed', () => {
    const s = scenario('whole-enchilada-2001');
    const { moves } = record(s, 1, { us: personaPolicy(findPersona('pragmatic')!, 'normal'), mx: personaPolicy(findPersona('pragmatic')!, 'normal') });
    const noted = moves.filter((m) => [m.decision.rationale, ...(m.decision.rationale.notes ?? [])].some((r) => r.code === 'shock'));
    expect(noted.length).toBeGreaterThan(0);
    for (const m of noted) expect(m.view.fired.some((f) => f.round === m.view.round)).toBe(true);
  });
});
