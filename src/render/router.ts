// The scene router: the canvas layer's one subscription to the app controller. It keeps the latest state,
// starts the scene that matches the screen (restarting it when the era changes) and passes every later
// state to the running scene, which redraws what changed. Destroying the game unsubscribes it.
import Phaser from 'phaser';
import type { AppState, Screen } from '../app/app-types';
import { type EraKey, eraOf } from './palette';

export type SceneKey = 'Title' | 'Select' | 'Briefing' | 'Table' | 'Interlude' | 'Signing' | 'Ratification' | 'Debrief' | 'Error';

export const SCENE_OF: Record<Screen, SceneKey> = {
  title: 'Title',
  select: 'Select',
  briefing: 'Briefing',
  table: 'Table',
  interlude: 'Interlude',
  signing: 'Signing',
  ratification: 'Ratification',
  debrief: 'Debrief',
  error: 'Error',
  // The lab and the classroom's own screens are all DOM; the title's decoration stays behind them.
  lab: 'Title',
  join: 'Title',
  waiting: 'Title',
  'class-setup': 'Title',
  console: 'Title',
  'class-debrief': 'Title',
};

export type StateListener = (next: AppState, prev: AppState) => void;

/** What the router needs of the app controller. */
export interface StateSource {
  subscribe(listener: (state: AppState) => void): () => void;
}

const routers = new WeakMap<Phaser.Game, SceneRouter>();

/** The router of a game (set by startGame before the first scene runs). */
export function routerOf(game: Phaser.Game): SceneRouter {
  const r = routers.get(game);
  if (!r) throw new Error('this game has no scene router');
  return r;
}

export class SceneRouter {
  private latest!: AppState;
  private listeners = new Set<StateListener>();
  private unsubscribe: (() => void) | null;
  private started = false;
  /** The scene showing now and the era it was started for. */
  current: { key: SceneKey; era: EraKey } | null = null;

  /** `changed` is told of every state received and every scene started (the frame gate draws then). */
  constructor(
    private readonly game: Phaser.Game,
    source: StateSource,
    private readonly changed: () => void = () => {},
  ) {
    routers.set(game, this);
    this.unsubscribe = source.subscribe((s) => this.receive(s));
    game.events.once(Phaser.Core.Events.DESTROY, () => this.destroy());
  }

  get state(): AppState {
    return this.latest;
  }

  /** The era the state belongs to ('home' outside a game). */
  get era(): EraKey {
    return eraOf(this.latest.view?.scenario.era);
  }

  /** Whether the router still listens to the controller. */
  get attached(): boolean {
    return this.unsubscribe !== null;
  }

  /** Called once the textures exist: from now on the screen decides the scene. */
  begin(): void {
    this.started = true;
    this.changed();
    this.route();
  }

  /** A scene listens while it runs; the returned function stops it. */
  onChange(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private receive(state: AppState): void {
    const prev = this.latest;
    this.latest = state;
    if (!this.started || prev === undefined) return;
    this.changed();
    if (!this.route()) for (const l of [...this.listeners]) l(state, prev);
  }

  /** Starts the scene for the current screen and era; false when it is already showing. */
  private route(): boolean {
    const key = SCENE_OF[this.latest.screen];
    const era = this.era;
    if (this.current && this.current.key === key && this.current.era === era) return false;
    const scenes = this.game.scene;
    if (this.current && this.current.key !== key) scenes.stop(this.current.key);
    this.current = { key, era };
    // start() restarts a scene that is already running (same screen, another era).
    scenes.start(key);
    return true;
  }

  destroy(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.listeners.clear();
    routers.delete(this.game);
  }
}
