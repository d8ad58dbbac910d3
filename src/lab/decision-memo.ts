// Decisions remembered across the games of a batch. AI-vs-AI games of one scenario pass through the same
// positions again and again (the seeds differ mostly in stochastic shocks and the ratification vote), and a
// policy is a pure function of (view, seeded stream). A decision is reused only when the whole projection
// is the same — compared by content, every field and every nested value — for the same policy, and the
// policy never touched its seeded stream for it (so the stream, the only thing that differs between games,
// cannot matter). Pure TS with no Node APIs, so a browser worker can use it too.
import { decisionRng, nameSalt } from '../ai/decision-rng';
import type { Agent } from '../ai/play-out';
import type { Decision, Policy } from '../ai/types';
import { RngStream, type Side, type View } from '../engine';

/** Forgets everything and starts afresh past this many decisions, to bound memory. */
const DEFAULT_MAX_DECISIONS = 20_000;
/** Content ids kept before the table is renewed (ids are never reused, so stale ones only miss). */
const MAX_CONTENT_IDS = 50_000;
/** A policy that drew from its stream this many decisions in a row is no longer remembered. */
const GIVE_UP_AFTER_DRAWS = 200;

/**
 * Content keys for plain JSON-like values: two values get the same key exactly when they have the same
 * content (same keys in the same order, same numbers, strings, booleans, nulls and undefineds, nested).
 * Each object is read once per identity — the engine replaces, never mutates, what it changes, so an
 * object that was read keeps its content — and stands in its parent's text as a short content id.
 * Anything that is not plain data (a function, a Map, a class instance) makes the value uncacheable (null).
 */
export class ContentKeys {
  private byObject = new WeakMap<object, string | null>();
  private byContent = new Map<string, string>();
  private next = 0;

  key(value: unknown): string | null {
    switch (typeof value) {
      case 'number':
        return Object.is(value, -0) ? '-0' : String(value);
      case 'string':
        // Length-prefixed: unambiguous without escaping.
        return `s${value.length}:${value}`;
      case 'boolean':
        return value ? 't' : 'f';
      case 'undefined':
        return 'u';
      case 'object':
        return value === null ? 'n' : this.ofObject(value);
      default:
        return null;
    }
  }

  /**
   * The key of a value that is about to be dropped (a projection built for one decision): its parts are
   * remembered, the value itself is not.
   */
  keyOnce(value: object): string | null {
    return this.ofObject(value, false);
  }

  private ofObject(value: object, keep = true): string | null {
    const known = this.byObject.get(value);
    if (known !== undefined) return known;
    let text: string;
    if (Array.isArray(value)) {
      text = '[';
      for (let i = 0; i < value.length; i++) {
        const t = this.key(value[i]);
        if (t === null) return this.remember(value, null);
        text += `${t},`;
      }
      text += ']';
    } else {
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return this.remember(value, null);
      text = '{';
      for (const k of Object.keys(value)) {
        const t = this.key((value as Record<string, unknown>)[k]);
        if (t === null) return this.remember(value, null);
        text += `${k.length}:${k}=${t},`;
      }
      text += '}';
    }
    if (this.byContent.size >= MAX_CONTENT_IDS) this.byContent = new Map();
    let id = this.byContent.get(text);
    if (id === undefined) {
      id = `#${this.next++}`;
      this.byContent.set(text, id);
    }
    return keep ? this.remember(value, id) : id;
  }

  private remember(value: object, key: string | null): string | null {
    this.byObject.set(value, key);
    return key;
  }
}

/** A stream that reports whether the policy drew from it (or read its state). */
class WatchedRng extends RngStream {
  touched = false;
  override float(): number {
    this.touched = true;
    return super.float();
  }
  override state(): number[] {
    this.touched = true;
    return super.state();
  }
}

export interface MemoStats {
  hits: number;
  misses: number;
  /** Decisions that could not be remembered (a view that is not plain data). */
  skipped: number;
}

/**
 * Remembered decisions of named policies. A name must identify its policy completely (the persona and
 * difficulty, or the baseline): everything else a decision depends on is in the view or the stream.
 * Only decisions that did not touch their stream are kept: one that drew would be reusable only in the
 * same game at the same point, so keeping it would cost memory for nothing; and a policy that keeps
 * drawing (a random baseline) is left alone.
 */
export class DecisionMemo {
  readonly keys = new ContentKeys();
  /** policy name -> view key -> decision. */
  private known = new Map<string, Map<string, Decision>>();
  /** policy name -> decisions in a row that drew from the stream. */
  private drawing = new Map<string, number>();
  private size = 0;
  readonly stats: MemoStats = { hits: 0, misses: 0, skipped: 0 };

  constructor(readonly maxDecisions = DEFAULT_MAX_DECISIONS) {}

  /**
   * The agent of `policy` in game `seed` on `side`, exactly as agentOf builds it (each decision's stream
   * seeded by seed, side, name and the point of the game), with memory: the stream is only built when
   * the decision is not already known.
   */
  agent(policy: Policy, name: string, seed: number, side: Side): { agent: Agent; decide: (view: View) => Decision } {
    const salt = nameSalt(name);
    let known = this.known.get(name);
    if (!known) {
      known = new Map();
      this.known.set(name, known);
    }
    const memo = known;
    const decide = (view: View): Decision => {
      // A policy that draws at (nearly) every decision gains nothing here: plain, it costs less.
      const key = (this.drawing.get(name) ?? 0) >= GIVE_UP_AFTER_DRAWS ? null : this.keys.keyOnce(view);
      if (key === null) {
        this.stats.skipped++;
        return policy(view, decisionRng(seed, side, view, salt));
      }
      const hit = memo.get(key);
      if (hit) {
        this.stats.hits++;
        return hit;
      }
      this.stats.misses++;
      // The policy plays with the same stream, watched, so we know whether the stream mattered.
      const rng = new WatchedRng(decisionRng(seed, side, view, salt).state());
      const decision = policy(view, rng);
      if (rng.touched) this.drawing.set(name, (this.drawing.get(name) ?? 0) + 1);
      else {
        this.drawing.set(name, 0);
        if (this.size >= this.maxDecisions) this.clear();
        memo.set(key, decision);
        this.size++;
      }
      return decision;
    };
    return { agent: (view) => decide(view).action, decide };
  }

  /** Forgets every decision (the maps stay shared with the agents already handed out). */
  clear(): void {
    for (const m of this.known.values()) m.clear();
    this.drawing.clear();
    this.size = 0;
  }

  get decisions(): number {
    return this.size;
  }
}
