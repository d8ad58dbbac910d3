// The browser app's one source of truth: settings, the scenario library, and the session of the game in
// progress. The DOM overlay and the Phaser scenes subscribe to its state and call its intents; neither
// computes a rule. It reads the game only through the engine's projection for the player's seat.
// Everything a game needs beyond the title (scenarios, engine, flow, AI: ./game-session) is loaded on
// demand, the first time the player opens the scenario list, continues or imports a save.
import type { ConsoleCommand, CreateClassRequest } from '../content/classroom-schema';
import type { SaveFile } from '../content/save-schema';
import type { Action, GameEvent, Overrides, Side } from '../engine';
import type { AppState, Cue, LabPreset, OpponentChoice, SaveStore, Settings, SoundPort } from './app-types';
import { ClassroomDesk, type ClassroomKitSource, EMPTY_CLASSROOM } from './classroom-desk';
import type { FormError } from './classroom-forms';
import { type ClassMemory, PageClassMemory } from './classroom-memory';
import type { ForkProblem, GameSession, OpenRequest, Rationale, SessionUpdate } from './game-session';
import type { RemoteSession } from './remote-session';

export type { ForkProblem, Rationale } from './game-session';
export { EMPTY_CLASSROOM } from './classroom-desk';
export type { FormError } from './classroom-forms';

type Listener = (state: AppState) => void;
/** The game module: loaded with a dynamic import in the browser; tests may hand it over already loaded. */
export type GameKit = typeof import('./game-session');
export type KitSource = GameKit | (() => Promise<GameKit>);

export const DEFAULT_SETTINGS: Settings = { lang: 'en', sound: false, volume: 0.7 };
const loadKit = (): Promise<GameKit> => import('./game-session');
/**
 * The classroom kit for the server that served the page (its origin). Its links are woken when the browser
 * is back online or the page is shown again (a laptop woken from sleep): they check their connection at once.
 */
const loadClassroomKit = (): Promise<import('./classroom-kit').ClassroomKit> =>
  import('./classroom-kit').then((m) =>
    m.browserKit(globalThis.location?.origin ?? 'http://127.0.0.1', (wake) => {
      globalThis.addEventListener?.('online', wake);
      globalThis.document?.addEventListener?.('visibilitychange', () => {
        if (globalThis.document?.visibilityState === 'visible') wake();
      });
    }),
  );

/** A game in progress as the controller drives it: a solo GameSession, or a class's table (RemoteSession). */
type TableSession = Pick<GameSession, 'send' | 'stop' | 'getRationales' | 'currentSave'>;

/** Without the schema (which comes with the game module): does this look like one of our saves at all? */
function looksLikeSave(raw: unknown): boolean {
  if (!raw || typeof raw !== 'object') return false;
  const r = raw as { format?: unknown; version?: unknown; envelope?: unknown };
  return r.format === 'binational-save' && r.version === 1 && typeof r.envelope === 'object' && r.envelope !== null;
}

export class AppController {
  private state: AppState;
  private listeners = new Set<Listener>();
  private session: TableSession | null = null;
  private readonly desk: ClassroomDesk;
  private kit: GameKit | null;
  private kitLoading: Promise<GameKit | null> | null = null;
  private readonly kitLoader: () => Promise<GameKit>;

  constructor(
    private readonly store: SaveStore,
    private readonly sound: SoundPort,
    options: { settings?: Settings; kit?: KitSource; classroom?: ClassroomKitSource; classMemory?: ClassMemory } = {},
  ) {
    const source = options.kit ?? loadKit;
    this.kit = typeof source === 'function' ? null : source;
    this.kitLoader = typeof source === 'function' ? source : async () => source;
    this.state = {
      screen: 'title',
      settings: options.settings ?? DEFAULT_SETTINGS,
      catalogue: [],
      scenarioId: null,
      seat: null,
      opponent: null,
      view: null,
      news: [],
      events: [],
      lastError: null,
      countdownMs: null,
      paused: false,
      forks: [],
      analysis: null,
      canContinue: false,
      failure: null,
      notice: null,
      labPreset: null,
      labReturn: 'title',
      classroom: EMPTY_CLASSROOM,
    };
    if (this.kit) this.useLibrary(this.kit);
    this.desk = new ClassroomDesk(
      {
        getState: () => this.state,
        patch: (p) => this.patch(p),
        useTable: (session) => this.useTable(session),
        tableUpdate: (session, u) => this.onUpdate(session, u),
        loadCatalogue: async () => {
          await this.withKit(() => this.patch({}));
        },
      },
      options.classMemory ?? new PageClassMemory(),
      options.classroom ?? loadClassroomKit,
    );
  }

  /** Loads saved settings and whether a game can be continued (checked in full when it is continued). */
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
    this.patch({ canContinue: this.kit ? this.kit.parseSave(save) !== null : looksLikeSave(save) });
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
    return this.session?.getRationales() ?? [];
  }

  private patch(p: Partial<AppState>) {
    this.state = { ...this.state, ...p };
    for (const l of this.listeners) l(this.state);
  }

  // ——— the game module ———
  /** The scenario library goes into the state once the game module is there; an invalid scenario shows the error screen. */
  private useLibrary(kit: GameKit): boolean {
    const lib = kit.library();
    this.state = { ...this.state, catalogue: lib.catalogue, failure: lib.failure, ...(lib.failure ? { screen: 'error' as const } : {}) };
    return lib.failure === null;
  }

  /**
   * Runs `fn` with the game module: at once when it is loaded (so intents stay synchronous), else after
   * loading it. Null when it could not be loaded (the player is told) or a scenario is invalid.
   */
  private withKit<T>(fn: (kit: GameKit) => T): T | Promise<T | null> | null {
    if (this.kit) return this.state.failure?.title === 'scenario-invalid' ? null : fn(this.kit);
    this.kitLoading ??= this.kitLoader().then(
      (kit) => {
        this.kit = kit;
        this.useLibrary(kit);
        this.patch({});
        return kit;
      },
      () => {
        this.kitLoading = null;
        this.patch({ notice: { kind: 'error', text: 'load-failed' } });
        return null;
      },
    );
    return this.kitLoading.then((kit) => (kit && this.state.failure?.title !== 'scenario-invalid' ? fn(kit) : null));
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
  /** Opens the scenario list (loading the game module the first time). */
  async newGame(): Promise<void> {
    await this.withKit(() => this.patch({ screen: 'select', notice: null }));
  }
  backToTitle(): void {
    // From a class's game (its debrief), the title means leaving the class.
    if (this.desk.inClass) {
      this.desk.leaveClass();
      this.sound.setEra(null);
      return;
    }
    this.stopSession();
    this.sound.setEra(null);
    this.patch({ screen: 'title', view: null, scenarioId: null, seat: null, events: [], forks: [], analysis: null, notice: null, paused: false, lastError: null, countdownMs: null, labPreset: null });
  }

  /**
   * Opens the counterfactual lab: blank from the title, or on the game just finished ("what if…?"), with
   * the overrides it was played under (its forks' included) and `more` on top (a fork being prepared).
   */
  openLab(fromGame = false, more: Overrides = {}): void {
    const save = fromGame && this.state.view?.outcome && this.kit ? this.currentSave() : null;
    const preset: LabPreset | null =
      save && this.kit
        ? {
            scenarioId: save.envelope.scenarioId,
            seed: save.envelope.seed,
            seat: save.seat,
            opponent: save.opponent,
            overrides: this.kit.combinedOverrides(save.envelope, more),
            fired: this.state.view!.fired.map((s) => s.id),
          }
        : null;
    this.patch({ screen: 'lab', labPreset: preset, labReturn: preset ? 'debrief' : 'title', notice: null });
  }

  /** Opens the counterfactual lab on a given game (a table of a class, from the class debrief). */
  openLabPreset(preset: LabPreset, from: AppState['labReturn'] = 'class-debrief'): void {
    this.patch({ screen: 'lab', labPreset: preset, labReturn: from, notice: null });
  }

  /**
   * Replays the game on screen from the start of `round` (0-based) with new overrides for the shocks still
   * to come, on the same seed: played on from the player's seat against the same AI (`play`), or by the
   * AIs of both delegations to the debrief (`watch`). Returns the engine's problems when the fork cannot
   * be made (nothing changes then), else an empty list.
   */
  forkGame(round: number, overrides: Overrides, mode: 'play' | 'watch'): ForkProblem[] {
    const save = this.currentSave();
    if (!save || !this.kit) return [{ path: 'round', rule: 'there is no game to replay' }];
    const fork = this.kit.forkRequest(save, round, overrides, mode === 'watch');
    if (!fork.ok) return fork.problems;
    this.open(this.kit, fork.request);
    return [];
  }

  /** Leaves the lab: back to the debrief it was opened from, else to the title. */
  closeLab(): void {
    if (this.state.labReturn === 'class-debrief' && this.state.classroom.results) this.patch({ screen: 'class-debrief', labPreset: null });
    // A student of a class goes back to the table's screen (the title would mean leaving the class).
    else if (this.desk.inClass) this.patch({ screen: this.tableScreen, labPreset: null });
    else if (this.state.labPreset && this.session && this.state.view?.outcome) this.patch({ screen: 'debrief', labPreset: null });
    else this.backToTitle();
  }

  /** Starts a new game of a scenario from a seat against the chosen AI. */
  async start(scenarioId: string, seat: Side, opponent: OpponentChoice, seed = Date.now() % 2_147_483_647): Promise<void> {
    await this.withKit((kit) => this.open(kit, { scenarioId, seat, opponent, seed, resume: undefined, overrides: {} }));
  }

  private open(kit: GameKit, req: OpenRequest): boolean {
    const opened = kit.openGame(req);
    if (!opened.ok) {
      if ('failure' in opened) this.patch({ screen: 'error', failure: opened.failure });
      else this.patch({ notice: { kind: 'error', text: opened.notice } });
      return false;
    }
    const session = opened.session;
    this.stopSession();
    this.session = session;
    this.patch({ scenarioId: req.scenarioId, seat: req.seat, opponent: req.opponent, analysis: null, notice: null, failure: null });
    // The era first, so the opening news already sounds like its period.
    this.sound.setEra(session.era);
    const failure = session.start((u) => this.onUpdate(session, u));
    if (failure) {
      this.session = null;
      this.sound.setEra(null);
      this.patch({ screen: 'error', failure });
      return false;
    }
    return true;
  }

  private stopSession() {
    this.session?.stop();
    this.session = null;
  }

  /** A class's table becomes the game in progress (a solo game stops), or none. */
  private useTable(session: RemoteSession | null): void {
    this.stopSession();
    this.session = session;
    this.eraSet = false;
    if (!session) this.sound.setEra(null);
  }
  private eraSet = false;
  /** The screen the game in progress last asked for (where closing the lab goes back to in a class). */
  private tableScreen: AppState['screen'] = 'waiting';

  private onUpdate(session: TableSession, u: SessionUpdate) {
    if (session !== this.session) return;
    if (u.view && !this.eraSet && this.desk.inClass) {
      this.eraSet = true;
      this.sound.setEra(u.view.scenario.era);
    }
    for (const e of u.fresh) {
      const cue = cueOf(e);
      if (cue) this.sound.cue(cue);
    }
    const { fresh, ...shown } = u;
    this.tableScreen = u.screen;
    // A class's table keeps sending (a tablemate comes or goes): the lab, once opened, stays on screen.
    this.patch(this.state.screen === 'lab' ? { ...shown, screen: 'lab' } : shown);
    if (fresh.some((e) => e.type === 'roundStarted' || e.type === 'ended')) void this.autosave();
  }

  // ——— intents ———
  /** Begins the rounds after the briefing. */
  ready(): void {
    this.session?.send({ type: 'READY' });
  }
  act(action: Action): void {
    this.session?.send({ type: 'ACT', action });
  }
  ack(): void {
    this.session?.send({ type: 'ACK' });
  }
  /** Pauses a solo game (a class's table is paused by the instructor only: the remote session ignores it). */
  pause(): void {
    this.session?.send({ type: 'PAUSE' });
  }
  resume(): void {
    this.session?.send({ type: 'RESUME' });
  }

  // ——— classroom mode (src/app/classroom-desk.ts) ———
  /** The join form (a code from a link fills it in). */
  openJoin(code?: string): void {
    if (this.desk.inClass) return;
    this.stopSession();
    this.desk.openJoin(code);
  }
  /** Joins a class; returns the form's own problems (then nothing is sent). */
  joinClass(code: string, name: string): Promise<FormError[]> {
    return this.desk.joinClass(code, name);
  }
  /** Back to the seat this browser held (a reload, a closed tab). */
  resumeSeat(): Promise<boolean> {
    return this.desk.resumeSeat();
  }
  leaveClass(): void {
    this.desk.leaveClass();
    this.sound.setEra(null);
  }
  openClassSetup(): Promise<void> {
    this.stopSession();
    return this.desk.openClassSetup();
  }
  createClass(request: CreateClassRequest): Promise<boolean> {
    return this.desk.createClass(request);
  }
  /** The class's links have been kept: they are not shown again. */
  dismissCreated(): void {
    this.desk.dismissCreated();
  }
  openConsole(classId: string, secret: string): Promise<void> {
    this.stopSession();
    return this.desk.openConsole(classId, secret);
  }
  /** Opens the console this tab had open (its secret kept for the tab only), if any. */
  resumeConsole(classId?: string): Promise<boolean> {
    return this.desk.resumeConsole(classId);
  }
  /** A console address whose secret this tab does not have: the title says to use the instructor link. */
  consoleWithoutSecret(): void {
    this.stopSession();
    this.desk.consoleWithoutSecret();
  }
  consoleCommand(command: ConsoleCommand): Promise<boolean> {
    return this.desk.consoleCommand(command);
  }
  closeConsole(): void {
    this.desk.closeConsole();
  }
  openClassDebrief(): Promise<boolean> {
    return this.desk.openClassDebrief();
  }
  backToConsole(): void {
    this.desk.backToConsole();
  }
  /** Whether the game on screen is a class's table (no solo saves, no pause). */
  get inClass(): boolean {
    return this.desk.inClass;
  }

  // ——— saves ———
  /** The current game as a save file (the seed-and-event-log envelope with who plays what). */
  currentSave(): SaveFile | null {
    return this.session?.currentSave() ?? null;
  }

  private async autosave() {
    const save = this.currentSave();
    if (!save) return;
    await this.store.save(save).catch(() => undefined);
    if (!this.state.canContinue) this.patch({ canContinue: true });
  }

  async continueSaved(): Promise<void> {
    const raw = await this.store.load().catch(() => null);
    await this.resumeFrom(raw);
  }

  /** Opens an exported save file. A corrupt or foreign file is refused and the current game is untouched. */
  async importSave(text: string): Promise<boolean> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.patch({ notice: { kind: 'error', text: 'save-not-json' } });
      return false;
    }
    return this.resumeFrom(raw);
  }

  private async resumeFrom(raw: unknown): Promise<boolean> {
    const opened = await this.withKit((kit) => {
      const s = kit.parseSave(raw);
      if (!s) {
        this.patch({ notice: { kind: 'error', text: 'save-invalid' } });
        return false;
      }
      return this.open(kit, {
        scenarioId: s.envelope.scenarioId,
        seat: s.seat,
        opponent: s.opponent,
        seed: s.envelope.seed,
        resume: s.envelope.events as Action[],
        overrides: s.envelope.overrides,
        ...(s.envelope.forks?.length ? { forks: s.envelope.forks } : {}),
      });
    });
    return opened === true;
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
