// The browser app's one source of truth: settings, the scenario library, and the session actor of the game
// in progress. The DOM overlay and the Phaser scenes subscribe to its state and call its intents; neither
// computes a rule. It reads the game only through the engine's projection for the player's seat.
import { createActor } from 'xstate';
import { createOpponent } from '../ai/opponent';
import type { Decision } from '../ai/types';
import { SaveFileSchema, type SaveFile } from '../content/save-schema';
import { allScenarios, getScenario, ScenarioLoadError } from '../content/scenarios';
import { type Action, analyseGame, envelopeOf, type GameEvent, other, publicScenario, replay, type Side, type View } from '../engine';
import { countdownLeft, eventsForSeat, newsFor, type SessionSnapshot, sessionMachine, viewFor } from '../flow';
import type { AppState, Cue, OpponentChoice, SaveStore, Screen, Settings, SoundPort } from './app-types';

type Listener = (state: AppState) => void;
type SessionActor = ReturnType<typeof createActor<typeof sessionMachine>>;

export const DEFAULT_SETTINGS: Settings = { lang: 'en', sound: false, volume: 0.7 };

/** An AI move with the reason it gave, for the transcript. */
export interface Rationale {
  /** Index of the action in the game's action log. */
  index: number;
  side: Side;
  decision: Decision;
}

function screenOf(snap: SessionSnapshot): Screen {
  if (snap.matches('debrief')) return 'debrief';
  if (snap.matches({ playing: 'briefing' })) return 'briefing';
  if (snap.matches({ playing: 'signing' })) return 'signing';
  if (snap.matches({ playing: 'ratification' })) return 'ratification';
  if (snap.matches({ playing: { rounds: 'news' } }) || snap.matches({ playing: { rounds: 'shock' } })) return 'interlude';
  return 'table';
}

export class AppController {
  private state: AppState;
  private listeners = new Set<Listener>();
  private actor: SessionActor | null = null;
  private rationales: Rationale[] = [];
  private lastEventCount = 0;

  constructor(
    private readonly store: SaveStore,
    private readonly sound: SoundPort,
    settings: Settings = DEFAULT_SETTINGS,
  ) {
    let catalogue: AppState['catalogue'] = [];
    let failure: AppState['failure'] = null;
    try {
      catalogue = allScenarios().map(publicScenario);
    } catch (e) {
      if (!(e instanceof ScenarioLoadError)) throw e;
      failure = { title: 'scenario-invalid', details: e.errors.map((x) => `${x.file}: ${x.path}: ${x.rule}`) };
    }
    this.state = {
      screen: failure ? 'error' : 'title',
      settings,
      catalogue,
      scenarioId: null,
      seat: null,
      opponent: null,
      view: null,
      news: [],
      events: [],
      lastError: null,
      countdownMs: null,
      paused: false,
      analysis: null,
      canContinue: false,
      failure,
      notice: null,
    };
  }

  /** Loads saved settings and whether a game can be continued. */
  async init(): Promise<void> {
    const saved = await this.store.loadSettings().catch(() => null);
    if (saved && typeof saved === 'object') {
      const s = saved as Partial<Settings>;
      this.setSettings({
        lang: s.lang === 'es' ? 'es' : 'en',
        sound: s.sound === true,
        volume: typeof s.volume === 'number' && s.volume >= 0 && s.volume <= 1 ? s.volume : DEFAULT_SETTINGS.volume,
      });
    }
    const save = await this.store.load().catch(() => null);
    this.patch({ canContinue: save !== null && SaveFileSchema.safeParse(save).success });
  }

  getState(): AppState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** The reasons the AI gave, for the transcript (only the opponent's own moves). */
  getRationales(): readonly Rationale[] {
    return this.rationales;
  }

  private patch(p: Partial<AppState>) {
    this.state = { ...this.state, ...p };
    for (const l of this.listeners) l(this.state);
  }

  // ——— settings ———
  setSettings(p: Partial<Settings>): void {
    const settings = { ...this.state.settings, ...p };
    this.sound.setEnabled(settings.sound);
    this.sound.setVolume(settings.volume);
    this.patch({ settings });
    void this.store.saveSettings(settings).catch(() => undefined);
  }

  // ——— navigation ———
  newGame(): void {
    this.patch({ screen: 'select', notice: null });
  }
  backToTitle(): void {
    this.stopSession();
    this.sound.setEra(null);
    this.patch({ screen: 'title', view: null, scenarioId: null, seat: null, events: [], analysis: null, notice: null, paused: false, lastError: null, countdownMs: null });
  }

  /** Starts a new game of a scenario from a seat against the chosen AI. */
  start(scenarioId: string, seat: Side, opponent: OpponentChoice, seed = Date.now() % 2_147_483_647): void {
    this.open({ scenarioId, seat, opponent, seed, resume: undefined, overrides: {} });
  }

  private open(g: { scenarioId: string; seat: Side; opponent: OpponentChoice; seed: number; resume: Action[] | undefined; overrides: SaveFile['envelope']['overrides'] }) {
    let scenario: ReturnType<typeof getScenario>;
    try {
      scenario = getScenario(g.scenarioId);
    } catch (e) {
      if (!(e instanceof ScenarioLoadError)) throw e;
      this.patch({ screen: 'error', failure: { title: 'scenario-invalid', details: e.errors.map((x) => `${x.file}: ${x.path}: ${x.rule}`) } });
      return;
    }
    if (!scenario) {
      this.patch({ notice: { kind: 'error', text: `unknown scenario ${g.scenarioId}` } });
      return;
    }
    if (g.resume) {
      // Check the save replays before leaving the game in progress: a bad file must not cost it.
      const check = replay({ scenarioId: scenario.id, seed: g.seed, overrides: g.overrides, events: g.resume }, (id) =>
        id === scenario.id ? scenario : undefined,
      );
      if (!check.ok) {
        this.patch({ notice: { kind: 'error', text: 'save-invalid' } });
        return;
      }
    }
    const aiSide = other(g.seat);
    const opp = createOpponent(scenario, aiSide, g.opponent, g.seed);
    if (!opp.ok) {
      this.patch({ notice: { kind: 'error', text: opp.error } });
      return;
    }
    this.stopSession();
    this.rationales = [];
    this.lastEventCount = 0;
    // The AI's reason travels with its move: record it against the action's index in the log.
    const agent = (view: View) => {
      const decision = opp.decide(view);
      const game = this.actor?.getSnapshot().context.game;
      this.rationales.push({ index: game ? game.actions.length : 0, side: aiSide, decision });
      return decision.action;
    };
    const actor = createActor(sessionMachine, {
      input: {
        scenario,
        seed: g.seed,
        overrides: g.overrides,
        humanSeats: [g.seat],
        agents: { [aiSide]: agent },
        ...(g.resume ? { resume: g.resume } : {}),
      },
    });
    this.actor = actor;
    this.patch({ scenarioId: scenario.id, seat: g.seat, opponent: g.opponent, analysis: null, notice: null, failure: null });
    actor.subscribe((snap) => this.onSnapshot(snap));
    // The era first, so the opening news already sounds like its period.
    this.sound.setEra(scenario.era);
    actor.start();
    actor.send({ type: 'START' });
    const err = actor.getSnapshot().context.lastError;
    if (!actor.getSnapshot().context.game) {
      this.stopSession();
      this.sound.setEra(null);
      this.patch({ screen: 'error', failure: { title: 'save-invalid', details: [err ? `${err.code}: ${JSON.stringify(err.params)}` : 'unknown'] } });
      return;
    }
    if (g.resume) actor.send({ type: 'READY' });
  }

  private stopSession() {
    this.actor?.stop();
    this.actor = null;
  }

  private onSnapshot(snap: SessionSnapshot) {
    const seat = this.state.seat;
    // Before START there is no game yet: keep showing the screen the player is on.
    if (!seat || this.actor === null || !snap.context.game) return;
    const view = viewFor(snap, seat);
    const events = eventsForSeat(snap, seat);
    const fresh = events.slice(this.lastEventCount);
    this.lastEventCount = events.length;
    for (const e of fresh) {
      const cue = cueOf(e);
      if (cue) this.sound.cue(cue);
    }
    const screen = screenOf(snap);
    const game = snap.context.game;
    const analysis = game?.phase === 'ended' && !this.state.analysis ? analyseGame(game) : game?.phase === 'ended' ? this.state.analysis : null;
    this.patch({
      screen,
      view,
      events,
      news: newsFor(snap, seat),
      lastError: snap.context.lastError,
      countdownMs: countdownLeft(snap, Date.now()),
      paused: snap.matches('paused'),
      analysis,
    });
    if (game && fresh.some((e) => e.type === 'roundStarted' || e.type === 'ended')) void this.autosave();
  }

  // ——— intents ———
  /** Begins the rounds after the briefing. */
  ready(): void {
    this.actor?.send({ type: 'READY' });
  }
  act(action: Action): void {
    this.actor?.send({ type: 'ACT', action });
  }
  ack(): void {
    this.actor?.send({ type: 'ACK' });
  }
  pause(): void {
    this.actor?.send({ type: 'PAUSE' });
  }
  resume(): void {
    this.actor?.send({ type: 'RESUME' });
  }

  // ——— saves ———
  /** The current game as a save file (the seed-and-event-log envelope with who plays what). */
  currentSave(): SaveFile | null {
    const game = this.actor?.getSnapshot().context.game;
    if (!game || !this.state.seat || !this.state.opponent) return null;
    return {
      format: 'binational-save',
      version: 1,
      savedAt: new Date().toISOString(),
      seat: this.state.seat,
      opponent: this.state.opponent,
      // Validated on the way back in; a plain JSON copy drops the engine's read-only typing.
      envelope: JSON.parse(JSON.stringify(envelopeOf(game))) as SaveFile['envelope'],
    };
  }

  private async autosave() {
    const save = this.currentSave();
    if (!save) return;
    await this.store.save(save).catch(() => undefined);
    if (!this.state.canContinue) this.patch({ canContinue: true });
  }

  async continueSaved(): Promise<void> {
    const raw = await this.store.load().catch(() => null);
    this.resumeFrom(raw);
  }

  /** Opens an exported save file. A corrupt or foreign file is refused and the current game is untouched. */
  importSave(text: string): boolean {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.patch({ notice: { kind: 'error', text: 'save-not-json' } });
      return false;
    }
    return this.resumeFrom(raw);
  }

  private resumeFrom(raw: unknown): boolean {
    const parsed = SaveFileSchema.safeParse(raw);
    if (!parsed.success) {
      this.patch({ notice: { kind: 'error', text: 'save-invalid' } });
      return false;
    }
    const s = parsed.data;
    this.open({
      scenarioId: s.envelope.scenarioId,
      seat: s.seat,
      opponent: s.opponent,
      seed: s.envelope.seed,
      resume: s.envelope.events as Action[],
      overrides: s.envelope.overrides,
    });
    return true;
  }
}

function cueOf(e: GameEvent): Cue | null {
  switch (e.type) {
    case 'proposed':
      return 'offer';
    case 'accepted':
      return 'accept';
    case 'rejected':
    case 'walkedAway':
      return 'reject';
    case 'shockFired':
      return 'shock';
    case 'signed':
      return 'signing';
    case 'ratification':
      return 'vote';
    default:
      return null;
  }
}
