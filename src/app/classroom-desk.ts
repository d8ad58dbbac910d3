// Classroom mode's intents, owned by the controller: a student joins a class, waits, plays at a remote
// table and leaves; an instructor sets up a class, runs its console and opens its debrief. The network
// client and the remote session come with the classroom kit, loaded on the first of these intents.
import type { ClassResults, ConsoleCommand, CreateClassRequest, Joined } from '../content/classroom-schema';
import type { ConsoleChannel, LinkEnd, NetErrorCode } from '../net/types';
import type { AppState, ClassroomProblem, ClassroomState } from './app-types';
import type { FormError } from './classroom-forms';
import type { ClassroomKit } from './classroom-kit';
import type { ClassMemory } from './classroom-memory';
import type { SessionUpdate } from './game-session';
import type { RemoteSession } from './remote-session';

export type ClassroomKitSource = ClassroomKit | (() => Promise<ClassroomKit>);

export const EMPTY_CLASSROOM: ClassroomState = {
  joined: null,
  resumable: null,
  joinCode: '',
  started: false,
  tablemates: [],
  aiSeats: [],
  readySides: [],
  broadcasts: [],
  unsent: 0,
  created: null,
  console: null,
  summary: null,
  lastCommand: null,
  results: null,
  connection: 'idle',
  linkEnd: null,
  busy: false,
  formError: null,
};

export interface DeskHost {
  getState(): AppState;
  patch(p: Partial<AppState>): void;
  /** Makes a class's table the controller's game session (null: none), stopping a solo game first. */
  useTable(session: RemoteSession | null): void;
  /** An update of the table's game, handled like a solo session's (sounds, state). */
  tableUpdate(session: RemoteSession, u: SessionUpdate): void;
  /** Loads the scenario library (the set-up form's scenarios, the waiting room's scenario). */
  loadCatalogue(): Promise<void>;
}

/** A failed request as the state keeps it: the server's code, or 'network' when it could not be asked. */
function problemOf(e: unknown, field: string | null = null): ClassroomProblem {
  if (e && typeof e === 'object' && typeof (e as { error?: unknown }).error === 'string') {
    const x = e as { error: string; reason?: unknown };
    return { code: x.error as NetErrorCode, reason: typeof x.reason === 'string' ? x.reason : x.error, field };
  }
  return { code: 'network', reason: e instanceof Error ? e.message : String(e), field };
}

export class ClassroomDesk {
  private kit: ClassroomKit | null;
  private kitLoading: Promise<ClassroomKit | null> | null = null;
  private readonly kitLoader: () => Promise<ClassroomKit>;
  private table: RemoteSession | null = null;
  private consoleLink: ConsoleChannel | null = null;

  constructor(
    private readonly host: DeskHost,
    private readonly memory: ClassMemory,
    source: ClassroomKitSource,
  ) {
    this.kit = typeof source === 'function' ? null : source;
    this.kitLoader = typeof source === 'function' ? source : async () => source;
  }

  private get classroom(): ClassroomState {
    return this.host.getState().classroom;
  }

  private set(p: Partial<ClassroomState>, more: Partial<AppState> = {}): void {
    this.host.patch({ ...more, classroom: { ...this.host.getState().classroom, ...p } });
  }

  private async loadKit(): Promise<ClassroomKit | null> {
    if (this.kit) return this.kit;
    this.kitLoading ??= this.kitLoader().then(
      (kit) => {
        this.kit = kit;
        return kit;
      },
      () => {
        this.kitLoading = null;
        this.host.patch({ notice: { kind: 'error', text: 'load-failed' } });
        return null;
      },
    );
    return this.kitLoading;
  }

  // ——— students ———
  /** The join form, with a code from a link if there is one, and the seat this browser held before, if any. */
  openJoin(code = ''): void {
    if (this.table) return;
    this.set({ joinCode: code.trim().toUpperCase(), formError: null, resumable: this.memory.loadSeat(), busy: false }, { screen: 'join', notice: null });
  }

  /**
   * Joins a class with a code and a display name. Returns the form's own problems (nothing is sent then);
   * the server's refusal goes into `classroom.formError`, next to its field.
   */
  async joinClass(code: string, name: string): Promise<FormError[]> {
    const kit = await this.loadKit();
    if (!kit || this.table) return [];
    const checked = kit.checkJoin(code, name);
    if (!checked.ok) return checked.errors;
    this.set({ busy: true, formError: null, joinCode: checked.code });
    let joined: Joined;
    try {
      joined = await kit.net.api.join({ code: checked.code, name: checked.name });
    } catch (e) {
      const p = problemOf(e);
      this.set({ busy: false, formError: { ...p, field: kit.joinFieldOf(p.code, p.reason), form: 'join' } });
      return [];
    }
    this.memory.saveSeat(joined);
    this.sit(kit, joined);
    return [];
  }

  /** Goes back to the seat this browser held (after a reload or a closed tab): same token, same seat. */
  async resumeSeat(): Promise<boolean> {
    const seat = this.memory.loadSeat();
    if (!seat || this.table) return false;
    const kit = await this.loadKit();
    if (!kit || this.table) return false;
    this.sit(kit, seat);
    return true;
  }

  private sit(kit: ClassroomKit, joined: Joined): void {
    const s = this.host.getState();
    // The class's language, which the student may still switch.
    const lang = joined.lang === 'es' || joined.lang === 'en' ? joined.lang : s.settings.lang;
    this.host.patch({ settings: { ...s.settings, lang } });
    const session: RemoteSession = new kit.RemoteSession(kit.net, joined, {
      update: (u) => {
        if (this.table === session) this.host.tableUpdate(session, u);
      },
      classroom: (p) => {
        if (this.table === session) this.set(p);
      },
      notice: (code) => {
        if (this.table === session) this.host.patch({ notice: { kind: code.startsWith('refused-') || code === 'offline' ? 'error' : 'info', text: `classroom:${code}` } });
      },
      seatChanged: (seat) => this.memory.saveSeat(seat),
      ended: (end) => {
        if (this.table === session) this.tableEnded(end);
      },
    });
    this.host.useTable(session);
    this.table = session;
    this.set(
      { ...EMPTY_CLASSROOM, joined, joinCode: this.classroom.joinCode, connection: 'connecting' },
      { screen: 'waiting', scenarioId: joined.scenarioId, seat: joined.side, opponent: null, view: null, events: [], news: [], forks: [], analysis: null, lastError: null, countdownMs: null, paused: false, notice: null },
    );
    session.start();
    void this.host.loadCatalogue();
  }

  private tableEnded(end: LinkEnd): void {
    if (end.code === 'closed' || end.code === 'class-ended') {
      // The class is over: the seat is of no further use; the game stays on screen.
      this.memory.clearSeat();
      this.set({ linkEnd: end, connection: 'closed' }, { notice: { kind: 'info', text: 'classroom:class-closed' } });
      return;
    }
    if (end.code === 'replaced') {
      this.set({ linkEnd: end, connection: 'closed' }, { notice: { kind: 'error', text: 'classroom:replaced' } });
      return;
    }
    // A seat the server no longer knows (a stale token, an ended class): back to the join form, saying why.
    this.memory.clearSeat();
    this.table = null;
    this.host.useTable(null);
    this.set(
      { ...EMPTY_CLASSROOM, formError: { code: end.code === 'bad-token' ? 'bad-token' : 'network', reason: end.reason, field: null, form: 'join' } },
      { screen: 'join', view: null, events: [], seat: null, scenarioId: null },
    );
  }

  /** Leaves the class for good: a consented leave, and this browser forgets the seat. */
  leaveClass(): void {
    this.table?.stop();
    this.table = null;
    this.memory.clearSeat();
    this.host.useTable(null);
    this.set({ ...EMPTY_CLASSROOM }, { screen: 'title', view: null, events: [], news: [], scenarioId: null, seat: null, forks: [], analysis: null, lastError: null, countdownMs: null, paused: false, notice: null });
  }

  get inClass(): boolean {
    return this.table !== null;
  }

  // ——— instructors ———
  async openClassSetup(): Promise<void> {
    this.set({ formError: null, busy: false }, { screen: 'class-setup', notice: null });
    await this.host.loadCatalogue();
  }

  /** Creates a class; its join code and links are shown once on the console, which opens at once. */
  async createClass(request: CreateClassRequest): Promise<boolean> {
    const kit = await this.loadKit();
    if (!kit) return false;
    this.set({ busy: true, formError: null });
    try {
      const created = await kit.net.api.createClass(request);
      this.set({ busy: false, created });
      this.openConsoleWith(kit, created.classId, created.instructorSecret);
      return true;
    } catch (e) {
      const p = problemOf(e);
      this.set({ busy: false, formError: { ...p, field: kit.setupFieldOf(p.code, p.reason), form: 'setup' } });
      return false;
    }
  }

  /** The instructor has kept the class's links: they are not shown again. */
  dismissCreated(): void {
    this.set({ created: null });
  }

  async openConsole(classId: string, secret: string): Promise<void> {
    const kit = await this.loadKit();
    if (!kit) return;
    this.openConsoleWith(kit, classId, secret);
  }

  /** The console this tab had open before a reload, if any. */
  async resumeConsole(classId?: string): Promise<boolean> {
    const c = this.memory.loadConsole();
    if (!c || (classId && c.classId !== classId)) return false;
    await this.openConsole(c.classId, c.secret);
    return true;
  }

  /** A console address without its secret (this tab never had it): the title, saying how to open it. */
  consoleWithoutSecret(): void {
    this.set({ ...EMPTY_CLASSROOM }, { screen: 'title', notice: { kind: 'error', text: 'classroom:console-missing' } });
  }

  private openConsoleWith(kit: ClassroomKit, classId: string, secret: string): void {
    this.consoleLink?.leave();
    this.memory.saveConsole({ classId, secret });
    const created = this.classroom.created?.classId === classId ? this.classroom.created : null;
    this.set({ ...EMPTY_CLASSROOM, created, console: { classId, secret }, connection: 'connecting' }, { screen: 'console', notice: null });
    // The link reports its first status while it is being made: until it is ours, that report is not.
    let link: ConsoleChannel | null = null;
    link = kit.net.console(
      { classId, secret },
      {
        summary: (summary) => {
          if (link && this.consoleLink === link) this.set({ summary });
        },
        refused: (r) => {
          if (link && this.consoleLink === link) this.host.patch({ notice: { kind: 'error', text: `classroom:refused-${r.code}` } });
        },
        status: (connection, end) => {
          if (!link || this.consoleLink !== link) return;
          this.set({ connection, ...(end ? { linkEnd: end } : {}) });
          if (end && (end.code === 'not-instructor' || end.code === 'unknown-class')) this.memory.clearConsole();
        },
      },
    );
    this.consoleLink = link;
    void this.host.loadCatalogue();
  }

  /** Sends a console command; the answer (with each table's refusal) or why it failed goes into `lastCommand`. */
  async consoleCommand(command: ConsoleCommand): Promise<boolean> {
    const c = this.classroom.console;
    const kit = await this.loadKit();
    if (!c || !kit) return false;
    this.set({ busy: true });
    try {
      const result = await kit.net.api.command(c.classId, c.secret, command);
      this.set({ busy: false, lastCommand: { command, result, error: null } });
      return result.ok;
    } catch (e) {
      this.set({ busy: false, lastCommand: { command, result: null, error: problemOf(e) } });
      return false;
    }
  }

  /** Loads every table's game and opens the class debrief. */
  async openClassDebrief(): Promise<boolean> {
    const c = this.classroom.console;
    const kit = await this.loadKit();
    if (!c || !kit) return false;
    this.set({ busy: true, formError: null });
    let results: ClassResults;
    try {
      results = await kit.net.api.results(c.classId, c.secret);
    } catch (e) {
      this.set({ busy: false, formError: { ...problemOf(e), form: 'debrief' } });
      return false;
    }
    this.set({ busy: false, results }, { screen: 'class-debrief', notice: null });
    return true;
  }

  backToConsole(): void {
    if (this.classroom.console) this.host.patch({ screen: 'console', labPreset: null });
  }

  /** Closes the console in this tab (the class goes on; the instructor's link opens it again). */
  closeConsole(): void {
    this.consoleLink?.leave();
    this.consoleLink = null;
    this.memory.clearConsole();
    this.set({ ...EMPTY_CLASSROOM }, { screen: 'title', notice: null });
  }
}
