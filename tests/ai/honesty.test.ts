// The AI is honest: it decides from its own projection only (changing the other side's secrets changes
// none of its decisions), and every number in a reason is a value the policy used — recomputed here with
// the engine's own evaluateDraft, before and after the move — never its reservation value.
import { describe, expect, it } from 'vitest';
import { findPersona } from '../../src/ai/persona-registry';
import { baselinePolicy, personaPolicy } from '../../src/ai/policies';
import { RATIONALE_CODES } from '../../src/ai/rationale-codes';
import { renderRationale } from '../../src/ai/rationale';
import type { Policy, Rationale } from '../../src/ai/types';
import { agentOf } from '../../src/ai/policies';
import { type GameState, other, projection, type Side, type View } from '../../src/engine';
import { evaluateDraft } from '../../src/engine/evaluate';
import { type Move, record, scenario, scenarios } from './helpers/games';

const pct = (x: number) => Math.round(x * 100);
const ai = (id: string, level: 'easy' | 'normal' | 'hard' = 'normal') => personaPolicy(findPersona(id)!, level);
/** The only numbers a reason may carry: chances, approvals, thresholds, capital spent, rounds left. */
const NUMERIC_KEYS = new Set(['ratification', 'approval', 'threshold', 'before', 'after', 'approvalBefore', 'approvalAfter', 'amount', 'roundsLeft']);

function aiMoves(): { moves: Move[]; label: string }[] {
  const out: { moves: Move[]; label: string }[] = [];
  const opponents: [string, Policy][] = [
    ['random', baselinePolicy('random')],
    ['linear', baselinePolicy('linear')],
  ];
  for (const s of scenarios()) {
    const historicalUs = s.id === 'bracero-1942' ? 'roosevelt-administration' : s.id === 'zacatecas-1995' ? 'clinton-administration' : 'bush-administration';
    const historicalMx = s.id === 'bracero-1942' ? 'avila-camacho-government' : s.id === 'zacatecas-1995' ? 'rozental-foreign-ministry' : 'castaneda-whole-enchilada';
    const pairs: [string, Policy, Policy][] = [
      ['pragmatic self-play', ai('pragmatic'), ai('pragmatic')],
      ['tough vs eager/easy', ai('tough'), ai('eager', 'easy')],
      ['historical', ai(historicalUs, 'hard'), ai(historicalMx)],
      ...opponents.map(([n, p]): [string, Policy, Policy] => [`pragmatic vs ${n}`, ai('pragmatic'), p]),
      ...opponents.map(([n, p]): [string, Policy, Policy] => [`${n} vs tough`, p, ai('tough')]),
    ];
    for (const [label, us, mx] of pairs)
      for (const seed of [1, 2]) {
        const { moves } = record(s, seed, { us, mx });
        const aiSides = new Set<Side>(label.startsWith('pragmatic vs') ? ['us'] : label.endsWith('vs tough') ? ['mx'] : ['us', 'mx']);
        out.push({ label: `${s.id} ${label} seed ${seed}`, moves: moves.filter((m) => aiSides.has(m.side)) });
      }
  }
  return out;
}

const games = aiMoves();

function checkNumbers(r: Rationale, move: Move, parent?: Rationale): void {
  const { view, decision, after, side } = move;
  const pkg = r.package ?? parent?.package;
  const cards = r.package ? (r.cards ?? []) : (parent?.cards ?? []);
  const ev = pkg ? evaluateDraft(view, pkg, cards) : null;
  for (const [key, value] of Object.entries(r.params)) {
    if (typeof value !== 'number') continue;
    expect(NUMERIC_KEYS.has(key), `${r.code}.${key} is not a number a reason may state`).toBe(true);
  }
  const p = r.params;
  switch (r.code) {
    case 'lobby':
    case 'statement':
    case 'commit': {
      const next = evaluateDraft(projection(after, side), pkg!, cards);
      expect(p.before).toBe(pct(ev!.ratification.probability));
      expect(p.after).toBe(pct(next.ratification.probability));
      if (r.code === 'lobby') {
        const action = decision.action as { amount: number; constituency: string };
        expect(p.amount).toBe(action.amount);
        expect(p.constituency).toBe(action.constituency);
        expect(p.approvalBefore).toBe(pct(ev!.ratification.voters.find((v) => v.id === p.constituency)!.approval));
        expect(p.approvalAfter).toBe(pct(next.ratification.voters.find((v) => v.id === p.constituency)!.approval));
      }
      return;
    }
    case 'counterDomestic':
    case 'rejectDomestic': {
      const voter = ev!.ratification.voters.find((v) => v.id === p.constituency)!;
      expect(voter, `${p.constituency} votes on this package`).toBeDefined();
      expect(p.approval).toBe(pct(voter.approval));
      expect(p.threshold).toBe(pct(ev!.ratification.threshold));
      expect(p.ratification).toBe(pct(ev!.ratification.probability));
      expect(ev!.ratification.probability).toBeLessThan(1);
      return;
    }
    default:
      if (p.ratification !== undefined) expect(p.ratification, `${r.code} ratification`).toBe(pct(ev!.ratification.probability));
      if (p.roundsLeft !== undefined) expect(p.roundsLeft).toBe(view.deadline - view.round);
  }
}

/** The package named in a proposal is the rationale's package on the open issues. */
function checkSubject(move: Move): void {
  const { decision, view } = move;
  const a = decision.action;
  // A counter's first reason is about their offer; the note after it is about our counter-proposal.
  const r = a.type === 'counter' ? decision.rationale.notes![0]! : decision.rationale;
  if ((a.type === 'propose' || a.type === 'counter') && r.package) {
    for (const [issue, option] of Object.entries(a.package)) expect(r.package[issue], `${issue} in ${r.code}`).toBe(option);
    if (r.code !== 'noWinset') expect(Object.keys(a.package).length).toBe(view.scenario.issues.filter((i) => view.ledger[i.id] === undefined).length);
    expect([...(a.cards ?? [])].sort()).toEqual([...(r.cards ?? [])].sort());
  }
  if (a.type === 'accept' && !a.issues) for (const [issue, option] of Object.entries(view.offer!.package)) expect(decision.rationale.package![issue]).toBe(option);
}

describe('the AI decides from its own projection only', () => {
  it('changing every secret of the other delegation changes none of its decisions', () => {
    const s = scenario('bracero-1942');
    const policies = { us: ai('pragmatic'), mx: ai('tough', 'hard') };
    let checked = 0;
    for (const seed of [1, 2, 3]) {
      const { moves } = record(s, seed, policies);
      for (const m of moves) {
        const o = other(m.side);
        const theirs = m.before.sides[o];
        const altered: GameState = {
          ...m.before,
          sides: {
            ...m.before.sides,
            [o]: {
              ...theirs,
              reservation: theirs.reservation * 0.5,
              discount: 1,
              capital: theirs.capital + 7,
              weights: theirs.weights.map((_, i, w) => (i === 0 ? 1 : 0) + 0 * w[i]!),
              thresholds: { executive: 0.9, legislation: 0.9, treaty: 0.9 },
              constituencies: theirs.constituencies.map((c) => ({ ...c, support: 1 - c.support, ratificationWeight: c.ratificationWeight + 1 })),
            },
          },
        };
        const view: View = projection(altered, m.side);
        const again = agentOf(m.side === 'us' ? policies.us : policies.mx, seed, m.side, m.side).decide(view);
        expect(again).toEqual(m.decision);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});

describe('every reason states only numbers the policy used', () => {
  it('AI moves are legal, carry known reason codes and recomputable numbers', () => {
    let n = 0;
    const codes = new Set<string>();
    for (const g of games)
      for (const m of g.moves) {
        expect(m.refused, `${g.label}: ${JSON.stringify(m.decision.action)} was refused`).toBe(false);
        const r = m.decision.rationale;
        for (const x of [r, ...(r.notes ?? [])]) {
          expect(RATIONALE_CODES).toContain(x.code);
          codes.add(x.code);
          checkNumbers(x, m, r);
        }
        checkSubject(m);
        n++;
      }
    expect(n).toBeGreaterThan(500);
    // The games above exercise the main kinds of reason (so the checks are not vacuous).
    for (const c of ['open', 'concede', 'accept', 'counterValue', 'counterDomestic', 'lobby', 'pass', 'shock', 'linkage', 'commit'])
      expect(codes, c).toContain(c);
  });

  it('renders every reason in English and Spanish with no placeholder left', () => {
    for (const g of games.slice(0, 12))
      for (const m of g.moves)
        for (const locale of ['en', 'es'] as const) {
          const text = renderRationale(locale, m.decision.rationale, m.view);
          expect(text, text).not.toMatch(/[{}]/);
          expect(text.length).toBeGreaterThan(10);
        }
  });

  it('names constituencies, issues and options as the delegation knows them', () => {
    const m = games.flatMap((g) => g.moves).find((x) => x.decision.rationale.code === 'counterDomestic')!;
    const r = m.decision.rationale;
    const constituency = m.view.brief!.constituencies.find((c) => c.id === r.params.constituency)!;
    const issue = m.view.scenario.issues.find((i) => i.id === r.params.issue)!;
    expect(renderRationale('en', r, m.view)).toContain(constituency.name.en);
    expect(renderRationale('es', r, m.view)).toContain(issue.name.es);
    expect(renderRationale('es', r, m.view)).toContain(`${r.params.approval}%`);
  });
});
