// Decisions remembered across the games of a batch. AI-vs-AI games of one scenario pass through the same
// positions again and again (the seeds differ mostly in stochastic shocks and the ratification vote), and a
// policy is a pure function of (view, seeded stream). A decision is reused only when the whole projection
// is the same — compared by content, every field and every nested value — for the same policy, and either
// the policy never touched its stream for it (then the stream cannot matter) or the stream starts in the
// same state. Pure TS with no Node APIs, so a browser worker can use it too.
import { decisionRng, nameSalt } from '../ai/decision-rng';
import type { Agent } from '../ai/play-out';
import type { Decision, Policy } from '../ai/types';
import { RngStream, type Side, type View } from '../engine';

/** Stops remembering (and starts afresh) past this many decisions, to bound memory. */
const DEFAULT_MAX_DECISIONS = 50_000;
/** Content ids kept before the table is renewed (ids are never reused, so stale ones only miss). */
const MAX_CONTENT_IDS = 400_000;

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
 */
export class DecisionMemo {
  readonly keys = new ContentKeys();
  /** policy name -> view key -> decision that did not touch the stream. */
  private free = new Map<string, Map<string, Decision>>();
  /** policy name -> view key and stream state -> decision that drew from the stream. */
  private drawn = new Map<string, Map<string, Decision>>();
  private size = 0;
  readonly stats: MemoStats = { hits: 0, misses: 0, skipped: 0 };

  constructor(readonly maxDecisions = DEFAULT_MAX_DECISIONS) {}

  /**
   * The agent of `policy` in game `seed` on `side`, exactly as agentOf builds it (each decision's stream
   * seeded by seed, side, name and the point of the game), with memory: the stream is only built when
   * the decision is not already known without it.
   */
  agent(policy: Policy, name: string, seed: number, side: Side): { agent: Agent; decide: (view: View) => Decision } {
    const salt = nameSalt(name);
    const free = mapOf(this.free, name);
    const drawn = mapOf(this.drawn, name);
    const decide = (view: View): Decision => {
      const key = this.keys.keyOnce(view);
      if (key === null) {
        this.stats.skipped++;
        return policy(view, decisionRng(seed, side, view, salt));
      }
      const known = free.get(key);
      if (known) {
        this.stats.hits++;
        return known;
      }
      const start = decisionRng(seed, side, view, salt).state();
      const drawnKey = `${key}|${start.join(',')}`;
      const again = drawn.get(drawnKey);
      if (again) {
        this.stats.hits++;
        return again;
      }
      this.stats.misses++;
      const rng = new WatchedRng(start);
      const decision = policy(view, rng);
      if (this.size >= this.maxDecisions) this.clear();
      this.size++;
      if (rng.touched) drawn.set(drawnKey, decision);
      else free.set(key, decision);
      return decision;
    };
    return { agent: (view) => decide(view).action, decide };
  }

  /** Forgets every decision (the maps stay shared with the agents already handed out). */
  clear(): void {
    for (const m of this.free.values()) m.clear();
    for (const m of this.drawn.values()) m.clear();
    this.size = 0;
  }

  get decisions(): number {
    return this.size;
  }
}

function mapOf<V>(m: Map<string, Map<string, V>>, name: string): Map<string, V> {
  let inner = m.get(name);
  if (!inner) {
    inner = new Map();
    m.set(name, inner);
  }
  return inner;
}
