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
/** Nodes of the content tables kept before they are renewed (ids are never reused, so stale ones only miss). */
const MAX_NODES = 200_000;
/** A policy that drew from its stream this many decisions in a row is no longer remembered. */
const GIVE_UP_AFTER_DRAWS = 200;

/** A node of a content table: the next part's id -> the node after it; END -> the id of what ends here. */
type Node = Map<number, Node | number>;
const END = -1;
const FALSE = 0;
const TRUE = 1;
const NULL = 2;
const UNDEFINED = 3;
const MINUS_ZERO = 4;

/**
 * Content ids for plain JSON-like values: two values get the same id exactly when they have the same
 * content (same keys in the same order, same numbers, strings, booleans, nulls and undefineds, nested).
 * Each number and string gets an id; an array is the sequence of its items' ids and an object the
 * sequence of its keys' and values' ids, looked up in a table of such sequences (a trie of small-integer
 * maps, cheaper than spelling the content out as text). Each object is read once per identity — the engine
 * replaces, never mutates, what it changes, so an object that was read keeps its content. Anything that
 * is not plain data (a function, a Map, a class instance) makes the value uncacheable (-1).
 */
export class ContentKeys {
  private byObject = new WeakMap<object, number>();
  private numbers = new Map<number, number>();
  private strings = new Map<string, number>();
  private arrays: Node = new Map();
  private objects: Node = new Map();
  private nodes = 0;
  private next = MINUS_ZERO + 1;

  constructor(private readonly maxNodes = MAX_NODES) {}

  key(value: unknown): number {
    switch (typeof value) {
      case 'number': {
        // Map keys compare 0 and -0 as equal; a policy could tell them apart (1 / x).
        if (Object.is(value, -0)) return MINUS_ZERO;
        let id = this.numbers.get(value);
        if (id === undefined) {
          id = this.next++;
          this.numbers.set(value, id);
        }
        return id;
      }
      case 'string': {
        let id = this.strings.get(value);
        if (id === undefined) {
          id = this.next++;
          this.strings.set(value, id);
        }
        return id;
      }
      case 'boolean':
        return value ? TRUE : FALSE;
      case 'undefined':
        return UNDEFINED;
      case 'object':
        return value === null ? NULL : this.ofObject(value, true);
      default:
        return -1;
    }
  }

  /**
   * The id of a value that is about to be dropped (a projection built for one decision): its parts are
   * remembered, the value itself is not.
   */
  keyOnce(value: object): number {
    return this.ofObject(value, false);
  }

  private ofObject(value: object, keep: boolean): number {
    const known = this.byObject.get(value);
    if (known !== undefined) return known;
    if (this.nodes > this.maxNodes) this.renew();
    let node: Node;
    if (Array.isArray(value)) {
      node = this.arrays;
      for (let i = 0; i < value.length; i++) {
        const id = this.key(value[i]);
        if (id < 0) return this.remember(value, -1);
        node = this.child(node, id);
      }
    } else {
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return this.remember(value, -1);
      node = this.objects;
      for (const k in value) {
        const id = this.key((value as Record<string, unknown>)[k]);
        if (id < 0) return this.remember(value, -1);
        node = this.child(this.child(node, this.key(k)), id);
      }
    }
    let id = node.get(END) as number | undefined;
    if (id === undefined) {
      id = this.next++;
      node.set(END, id);
    }
    return keep ? this.remember(value, id) : id;
  }

  private child(node: Node, id: number): Node {
    let next = node.get(id) as Node | undefined;
    if (next === undefined) {
      next = new Map();
      node.set(id, next);
      this.nodes++;
    }
    return next;
  }

  private remember(value: object, id: number): number {
    this.byObject.set(value, id);
    return id;
  }

  /** New tables; ids keep counting up, so an id read before can never name other content. */
  private renew(): void {
    this.numbers = new Map();
    this.strings = new Map();
    this.arrays = new Map();
    this.objects = new Map();
    this.nodes = 0;
  }
}

/**
 * A stream that tells whether the policy used it: drawing by any method moves the generator's state, and
 * reading the state is watched.
 */
class WatchedRng extends RngStream {
  private read = false;
  constructor(private readonly start: readonly number[]) {
    super(start);
  }
  override state(): number[] {
    this.read = true;
    return super.state();
  }
  get touched(): boolean {
    if (this.read) return true;
    const now = super.state();
    return now.some((x, i) => x !== this.start[i]);
  }
}

export interface MemoStats {
  hits: number;
  misses: number;
  /** Decisions not looked up: a view that is not plain data, or a policy that keeps drawing. */
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
  /** policy name -> view content id -> decision. */
  private known = new Map<string, Map<number, Decision>>();
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
      const key = (this.drawing.get(name) ?? 0) >= GIVE_UP_AFTER_DRAWS ? -1 : this.keys.keyOnce(view);
      if (key < 0) {
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
