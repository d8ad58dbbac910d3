// Shocks: which are active (after counterfactual overrides), when they fire, and what they change.
import { patch } from './state-copy';
import type { Effect, Scenario } from '../content/scenario-schema';
import { indexScenario } from './model';
import { nextFloat } from './rng';
import type { GameEvent, GameState, Overrides, PendingShock, SideModel } from './types';
import { clamp01 } from './utility';

export interface OverrideProblem {
  path: string;
  rule: string;
}

/** Everything wrong with a set of overrides, each with the valid values to choose from. */
export function checkOverrides(s: Scenario, o: Overrides): OverrideProblem[] {
  if (!o.disable?.length && !o.add?.length && !o.move && !o.scale) return [];
  const out: OverrideProblem[] = [];
  const idx = indexScenario(s);
  const shockIds = s.shocks.map((x) => x.id);
  const poolIds = s.shocks.filter((x) => x.pool).map((x) => x.id);
  const roundIds = s.calendar.map((r) => r.id);
  const knownShock = (path: string, id: string) => {
    if (idx.shockIndex.has(id)) return true;
    out.push({ path, rule: `unknown shock "${id}"; valid shocks: ${shockIds.join(', ')}` });
    return false;
  };
  for (const id of o.disable ?? []) knownShock('disable', id);
  for (const [id, round] of Object.entries(o.move ?? {})) {
    knownShock(`move.${id}`, id);
    if (!idx.roundIndex.has(round)) out.push({ path: `move.${id}`, rule: `unknown round "${round}"; valid rounds: ${roundIds.join(', ')}` });
  }
  for (const [id, factor] of Object.entries(o.scale ?? {})) {
    knownShock(`scale.${id}`, id);
    if (!Number.isFinite(factor) || factor < 0 || factor > 10)
      out.push({ path: `scale.${id}`, rule: `a scale factor is a number from 0 to 10 (got ${factor})` });
  }
  for (const id of o.add ?? []) {
    if (knownShock('add', id) && !poolIds.includes(id))
      out.push({ path: 'add', rule: `"${id}" is already active; shocks that can be added: ${poolIds.join(', ') || '(none)'}` });
  }
  for (const id of o.disable ?? []) if ((o.add ?? []).includes(id)) out.push({ path: 'disable', rule: `"${id}" is both disabled and added` });
  return out;
}

const defaultPending = new WeakMap<Scenario, PendingShock[]>();

/** Active shocks with resolved triggers. Shared between games without overrides: it is never mutated. */
export function pendingShocks(s: Scenario, o: Overrides): PendingShock[] {
  const plain = !o.disable?.length && !o.add?.length && !Object.keys(o.move ?? {}).length && !Object.keys(o.scale ?? {}).length;
  if (plain) {
    const hit = defaultPending.get(s);
    if (hit) return hit;
  }
  const idx = indexScenario(s);
  const disabled = new Set(o.disable ?? []);
  const added = new Set(o.add ?? []);
  const out: PendingShock[] = [];
  for (const shock of s.shocks) {
    if (disabled.has(shock.id) || (shock.pool && !added.has(shock.id))) continue;
    const moved = o.move?.[shock.id];
    const t = shock.trigger;
    let trigger: PendingShock['trigger'];
    if (moved !== undefined) trigger = { kind: 'round', round: idx.roundIndex.get(moved)! };
    else if (t.kind === 'round') trigger = { kind: 'round', round: idx.roundIndex.get(t.round)! };
    else if (t.kind === 'window')
      trigger = { kind: 'window', from: idx.roundIndex.get(t.from)!, to: idx.roundIndex.get(t.to)!, probability: t.probability };
    else trigger = { kind: 'condition', from: t.from ? idx.roundIndex.get(t.from)! : 0 };
    out.push({ id: shock.id, scale: o.scale?.[shock.id] ?? 1, trigger });
  }
  if (plain) defaultPending.set(s, out);
  return out;
}

function conditionHolds(state: GameState, shockId: string): boolean {
  const s = state.scenario;
  const shock = s.shocks[indexScenario(s).shockIndex.get(shockId)!]!;
  if (shock.trigger.kind !== 'condition') return false;
  const w = shock.trigger.when;
  const idx = indexScenario(s);
  switch (w.kind) {
    case 'ledgerHas': {
      const i = idx.issueIndex.get(w.issue)!;
      const agreed = state.ledger[i];
      return agreed !== undefined && agreed >= idx.optionIndex[i]!.get(w.atLeast)!;
    }
    case 'trustBelow':
      return state.sides[w.side].trust < w.value;
    case 'supportBelow': {
      const c = idx.constituencyIndex[w.side].get(w.constituency)!;
      return state.sides[w.side].constituencies[c]!.support < w.value;
    }
  }
}

/**
 * Copy-on-write access to one side's numbers while a shock is applied: the side, its weights, thresholds,
 * constituency list and each constituency are copied the first time an effect changes them, so a shock
 * costs what it touches.
 */
class SideWriter {
  private copied = false;
  private weightsCopied = false;
  private thresholdsCopied = false;
  private listCopied = false;
  private readonly touched = new Set<number>();
  constructor(
    private readonly sides: Record<'us' | 'mx', SideModel>,
    private readonly key: 'us' | 'mx',
  ) {}
  side(): SideModel {
    if (!this.copied) {
      this.sides[this.key] = { ...this.sides[this.key] };
      this.copied = true;
    }
    return this.sides[this.key];
  }
  weights(): number[] {
    const m = this.side();
    if (!this.weightsCopied) {
      m.weights = [...m.weights];
      this.weightsCopied = true;
    }
    return m.weights;
  }
  thresholds(): SideModel['thresholds'] {
    const m = this.side();
    if (!this.thresholdsCopied) {
      m.thresholds = { ...m.thresholds };
      this.thresholdsCopied = true;
    }
    return m.thresholds;
  }
  constituency(k: number): SideModel['constituencies'][number] {
    const m = this.side();
    if (!this.listCopied) {
      m.constituencies = [...m.constituencies];
      this.listCopied = true;
    }
    if (!this.touched.has(k)) {
      const c = m.constituencies[k]!;
      m.constituencies[k] = { ...c, stakes: [...c.stakes] };
      this.touched.add(k);
    }
    return m.constituencies[k]!;
  }
}

export function applyShock(state: GameState, shockId: string, scale: number): GameState {
  const s = state.scenario;
  const idx = indexScenario(s);
  const shock = s.shocks[idx.shockIndex.get(shockId)!]!;
  const sides = { ...state.sides };
  const writers = { us: new SideWriter(sides, 'us'), mx: new SideWriter(sides, 'mx') };
  let next: GameState = patch(state, { sides });
  const apply = (e: Effect) => {
    switch (e.kind) {
      case 'weight': {
        const w = writers[e.side].weights();
        const i = idx.issueIndex.get(e.issue)!;
        w[i] = Math.max(0, w[i]! + e.delta * scale);
        const total = w.reduce((a, b) => a + b, 0);
        if (total > 0) for (let k = 0; k < w.length; k++) w[k] = w[k]! / total;
        break;
      }
      case 'reservation': {
        const m = writers[e.side].side();
        m.reservation = clamp01(m.reservation + e.delta * scale);
        break;
      }
      case 'support': {
        const c = writers[e.side].constituency(idx.constituencyIndex[e.side].get(e.constituency)!);
        c.support = clamp01(c.support + e.delta * scale);
        break;
      }
      case 'stake': {
        const c = writers[e.side].constituency(idx.constituencyIndex[e.side].get(e.constituency)!);
        const i = idx.issueIndex.get(e.issue)!;
        const st = c.stakes[i];
        if (st) c.stakes[i] = { weight: st.weight, values: st.values.map((v, o) => (o === 0 ? v : clamp01(v + e.delta * scale))) };
        break;
      }
      case 'capital': {
        const m = writers[e.side].side();
        m.capital = Math.max(0, m.capital + Math.round(e.delta * scale));
        break;
      }
      case 'trust': {
        const m = writers[e.side].side();
        m.trust = clamp01(m.trust + e.delta * scale);
        break;
      }
      case 'deadline': {
        const d = next.deadline + Math.round(e.delta * scale);
        next = patch(next, { deadline: Math.min(s.calendar.length - 1, Math.max(next.round, d)) });
        break;
      }
      case 'suspend': {
        const rounds = Math.round(e.rounds * scale);
        if (rounds > 0) next = patch(next, { suspendedUntil: Math.max(next.suspendedUntil, next.round + rounds) });
        break;
      }
      case 'threshold': {
        const t = writers[e.side].thresholds();
        t[e.instrument] = Math.min(1, Math.max(0.01, t[e.instrument] + e.delta * scale));
        break;
      }
      case 'withdrawOption': {
        const i = idx.issueIndex.get(e.issue)!;
        const o = idx.optionIndex[i]!.get(e.option)!;
        const prev = next.withdrawn[i] ?? [];
        if (!prev.includes(o)) next = patch(next, { withdrawn: { ...next.withdrawn, [i]: [...prev, o] } });
        break;
      }
      case 'card':
        next = patch(next, { cardsAvailable: { ...next.cardsAvailable, [e.card]: e.available } });
        break;
    }
  };
  for (const e of shock.effects) apply(e);
  return next;
}

/** The news at the start of a round: shocks whose trigger is met fire, in scenario order. `state` must be a
 * state object made for the current step (it may be finished in place). */
export function fireRoundShocks(state: GameState): { state: GameState; events: GameEvent[] } {
  if (state.pending.length === 0) return { state, events: [] };
  let next = state;
  const events: GameEvent[] = [];
  const remaining: PendingShock[] = [];
  for (const p of state.pending) {
    let fires = false;
    const t = p.trigger;
    if (t.kind === 'round') fires = t.round === next.round;
    else if (t.kind === 'window') {
      if (next.round >= t.from && next.round <= t.to) {
        const [r, rng] = nextFloat(next.rng);
        next = patch(next, { rng });
        fires = r < t.probability;
      }
    } else fires = next.round >= t.from && conditionHolds(next, p.id);
    // A round trigger left behind (moved to a past round) can never fire again: drop it.
    const expired = (t.kind === 'round' && t.round < next.round) || (t.kind === 'window' && next.round > t.to);
    if (fires) {
      next = applyShock(next, p.id, p.scale);
      next = patch(next, { fired: [...next.fired, { id: p.id, round: next.round, scale: p.scale, injected: false }] });
      events.push({ type: 'shockFired', shock: p.id, round: next.round, injected: false });
    } else if (!expired) remaining.push(p);
  }
  // Keep the shared list when nothing fired or expired (the common case). `next` is either the caller's
  // fresh state or a copy made here, so it may take the new list in place.
  if (remaining.length !== state.pending.length) next.pending = remaining;
  return { state: next, events };
}
