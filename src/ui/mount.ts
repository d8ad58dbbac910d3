// The DOM overlay: every control and every text of the game, drawn over the decorative canvas from the
// controller's state. It rebuilds the current screen on each change (keeping focus where it was), moves
// focus to the new screen's heading when the screen changes, keeps <html lang> in step with the language,
// and reads events, refusals and notices through the aria-live announcer.
import './styles/base.css';
import './styles/themes.css';
import './styles/screens.css';
import './styles/table.css';
import './styles/interlude.css';
import './styles/debrief.css';
import type { AppState } from '../app/app-types';
import type { AppController } from '../app/controller';
import type { Locale } from '../i18n/translate';
import { Announcer } from './announcer';
import type { Memory, Ui } from './context';
import { h, screenHeading } from './dom';
import { type Params, tr, type UiKey } from './i18n';
import { noticeArea } from './notice';
import { downloadSave, readFileText } from './save-file';
import { errorScreen } from './screens/error';
import { titleScreen } from './screens/title';
import { formatClock, toolbar } from './toolbar';

/** The screens of a game: loaded on demand in the browser; tests may hand them over already loaded. */
export type GameScreens = typeof import('./game-screens');
export type ScreensSource = GameScreens | (() => Promise<GameScreens>);
const loadScreens = (): Promise<GameScreens> => import('./game-screens');
/** The counterfactual lab's screen: loaded on demand, the first time the lab is opened. */
type LabModule = typeof import('./screens/lab');
const loadLab = (): Promise<LabModule> => import('./screens/lab');
/** Classroom mode's screens (join, waiting room, set-up, console, class debrief): loaded on demand too. */
export type ClassroomScreens = typeof import('./screens/classroom');
export type ClassroomScreensSource = ClassroomScreens | (() => Promise<ClassroomScreens>);
const loadClassroom = (): Promise<ClassroomScreens> => import('./screens/classroom');
const CLASSROOM_SCREENS = new Set<AppState['screen']>(['join', 'waiting', 'class-setup', 'console', 'class-debrief']);

/** Paused applies to a game in progress (the controller keeps the flag when the player leaves to the title). */
const isPaused = (s: AppState): boolean => s.paused && s.view !== null && ['briefing', 'table', 'interlude', 'signing', 'ratification', 'debrief'].includes(s.screen);

function screenKey(s: AppState): string {
  if (s.screen === 'error') return 'error';
  if (isPaused(s)) return 'paused';
  if (s.screen === 'interlude') return `interlude:${s.view?.round ?? 0}`;
  return s.screen;
}

class Overlay implements Ui {
  state: AppState;
  lang: Locale;
  readonly memory: Memory = {
    select: { scenarioId: null, seat: 'us', persona: null, difficulty: 'normal' },
    table: null,
    fork: null,
    notice: null,
    dismissed: null,
    openWhy: new Set(),
  };
  private readonly announcer: Announcer;
  private readonly fileInput: HTMLInputElement;
  private readonly top: HTMLElement;
  private readonly notices: HTMLElement;
  private readonly main: HTMLElement;
  private shownKey = '';
  private timer: ReturnType<typeof setInterval> | null = null;
  private screens: GameScreens | null;
  private screensLoading: Promise<void> | null = null;
  private readonly screensLoader: () => Promise<GameScreens>;
  private lab: LabModule | null = null;
  private labLoading = false;
  private classroom: ClassroomScreens | null;
  private classroomLoading = false;
  private readonly classroomLoader: () => Promise<ClassroomScreens>;

  constructor(
    private readonly root: HTMLElement,
    announcerEl: HTMLElement,
    readonly controller: AppController,
    screens: ScreensSource,
    classroom: ClassroomScreensSource = loadClassroom,
  ) {
    this.screens = typeof screens === 'function' ? null : screens;
    this.screensLoader = typeof screens === 'function' ? screens : async () => screens;
    this.classroom = typeof classroom === 'function' ? null : classroom;
    this.classroomLoader = typeof classroom === 'function' ? classroom : async () => classroom;
    this.state = controller.getState();
    this.lang = this.state.settings.lang;
    this.announcer = new Announcer(announcerEl);
    root.classList.add('overlay');
    this.fileInput = h('input', {
      type: 'file',
      accept: 'application/json,.json',
      class: 'visually-hidden',
      tabindex: -1,
      'aria-hidden': 'true',
      'data-testid': 'import-file',
      onchange: () => void this.readChosenFile(),
    });
    this.top = h('div', { class: 'overlay-top' });
    this.notices = h('div', { class: 'overlay-notices' });
    this.main = h('main', { class: 'overlay-main', id: 'main' });
    root.replaceChildren(this.top, this.notices, this.main, this.fileInput);
  }

  tr(key: UiKey, params?: Params): string {
    return tr(this.lang, key, params);
  }

  update(state: AppState): void {
    const newGame = state.events[0] !== this.state.events[0];
    if (state.screen === 'title' || newGame) {
      this.memory.table = null;
      this.memory.fork = null;
      this.memory.openWhy.clear();
    }
    // A new notice from the controller replaces the overlay's own.
    if (state.notice && state.notice !== this.state.notice) this.memory.notice = null;
    this.state = state;
    this.lang = state.settings.lang;
    document.documentElement.lang = this.lang;
    this.root.setAttribute('lang', this.lang);
    const era = state.view?.scenario.era ?? (state.screen === 'select' ? this.selectedEra() : null);
    if (era) this.root.dataset.era = era;
    else delete this.root.dataset.era;
    this.root.dataset.screen = state.screen;
    this.draw();
    this.announcer.update(state, this.lang);
  }

  private selectedEra(): string | null {
    const id = this.memory.select.scenarioId ?? this.state.catalogue[0]?.id;
    return this.state.catalogue.find((s) => s.id === id)?.era ?? null;
  }

  rerender(): void {
    if (this.state.screen === 'select') {
      const era = this.selectedEra();
      if (era) this.root.dataset.era = era;
    }
    this.draw();
  }

  private draw(): void {
    const active = document.activeElement;
    const focusId = active instanceof HTMLElement && this.root.contains(active) ? active.id : '';
    // Typing in a field while the console or the table redraws: the caret stays where it was.
    const caret = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? selectionOf(active) : null;
    const key = screenKey(this.state);
    const changed = key !== this.shownKey;
    this.shownKey = key;
    this.top.replaceChildren(toolbar(this));
    this.notices.replaceChildren(noticeArea(this));
    this.main.replaceChildren(this.screen());
    this.startTimer();
    for (const el of this.main.querySelectorAll<HTMLElement>('[data-scroll-end]')) el.scrollTop = el.scrollHeight;
    const name = this.tr('app.name');
    const headingText = this.main.querySelector('[data-screen-heading]')?.textContent ?? '';
    document.title = headingText && headingText !== name ? `${headingText} · ${name}` : name;
    if (changed) {
      this.focusHeading();
      return;
    }
    const again = focusId ? document.getElementById(focusId) : null;
    if (again && !(again as HTMLButtonElement).disabled) {
      again.focus();
      if (caret && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)) restoreSelection(again, caret);
    } else if (focusId) this.focusFallback();
  }

  private screen(): HTMLElement {
    const s = this.state;
    if (s.screen === 'error') return errorScreen(this);
    if (s.screen === 'title') return titleScreen(this);
    if (s.screen === 'lab') return this.labScreen();
    if (CLASSROOM_SCREENS.has(s.screen)) return this.classroomScreen();
    // A class's table paused by the instructor: only the instructor resumes it.
    if (isPaused(s) && s.classroom.joined) return this.classroomScreen();
    // A game screen before its game exists (the instant a session opens) has nothing to show yet.
    if (s.view === null && s.screen !== 'select') return h('section', { class: 'screen' });
    const screens = this.screens;
    if (!screens) {
      this.preloadScreens();
      return h('section', { class: 'screen panel', 'aria-busy': 'true' }, screenHeading(1, this.tr('app.loading'), 'loading-heading'));
    }
    const { briefingScreen, debriefScreen, interludeScreen, pauseScreen, ratificationScreen, selectScreen, signingScreen, tableScreen } = screens;
    if (isPaused(s)) return pauseScreen(this);
    switch (s.screen) {
      case 'select':
        return selectScreen(this);
      case 'briefing':
        return briefingScreen(this);
      case 'table':
        return tableScreen(this);
      case 'interlude':
        return interludeScreen(this);
      case 'signing':
        return signingScreen(this);
      case 'ratification':
        return ratificationScreen(this);
      case 'debrief':
        return debriefScreen(this);
      default:
        return errorScreen(this);
    }
  }

  private classroomScreen(): HTMLElement {
    const m = this.classroom;
    if (!m) {
      if (!this.classroomLoading) {
        this.classroomLoading = true;
        this.classroomLoader().then(
          (loaded) => {
            this.classroom = loaded;
            this.shownKey = '';
            this.draw();
          },
          () => {
            this.classroomLoading = false;
            this.memory.notice = { kind: 'error', text: 'load-failed' };
            this.draw();
          },
        );
      }
      return h('section', { class: 'screen panel', 'aria-busy': 'true' }, screenHeading(1, this.tr('app.loading'), 'loading-heading'));
    }
    if (isPaused(this.state)) return m.classPausedScreen(this);
    switch (this.state.screen) {
      case 'join':
        return m.joinScreen(this);
      case 'waiting':
        return m.waitingScreen(this);
      case 'class-setup':
        return m.classSetupScreen(this);
      case 'console':
        return m.consoleScreen(this);
      case 'class-debrief':
        return m.classDebriefScreen(this);
      default:
        return errorScreen(this);
    }
  }

  private labScreen(): HTMLElement {
    if (this.lab) return this.lab.labScreen(this);
    if (!this.labLoading) {
      this.labLoading = true;
      loadLab().then(
        (lab) => {
          this.lab = lab;
          this.shownKey = '';
          if (this.state.screen === 'lab') this.draw();
        },
        () => {
          this.labLoading = false;
          this.memory.notice = { kind: 'error', text: 'load-failed' };
          this.draw();
        },
      );
    }
    return h('section', { class: 'screen panel', 'aria-busy': 'true' }, screenHeading(1, this.tr('app.loading'), 'loading-heading'));
  }

  private focusHeading(): void {
    const heading = this.main.querySelector<HTMLElement>('[data-screen-heading]');
    heading?.focus();
  }

  /** The element focused before has gone (a button that no longer applies): focus the screen's status. */
  private focusFallback(): void {
    const target = this.main.querySelector<HTMLElement>('[data-focus-fallback]') ?? this.main.querySelector<HTMLElement>('[data-screen-heading]');
    target?.focus();
  }

  /** Counts the round timer (and the console's table timers, marked data-countdown) down between the controller's updates. */
  private startTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const ms = this.state.paused ? null : this.state.countdownMs;
    const clocks = [...this.main.querySelectorAll<HTMLElement>('[data-countdown]')].map((el) => ({ el, ms: Number(el.dataset.countdown) }));
    if (ms === null && clocks.length === 0) return;
    const started = Date.now();
    this.timer = setInterval(() => {
      const gone = Date.now() - started;
      const el = document.getElementById('round-timer');
      if (el && ms !== null) el.textContent = this.tr('toolbar.timer', { time: formatClock(ms - gone) });
      for (const c of clocks) c.el.textContent = formatClock(c.ms - gone);
    }, 1000);
  }

  preloadScreens(): void {
    if (this.screens || this.screensLoading) return;
    this.screensLoading = this.screensLoader().then(
      (screens) => {
        this.screens = screens;
        // Drawn as a new screen: the focus moves to the real heading.
        this.shownKey = '';
        this.draw();
      },
      () => {
        this.screensLoading = null;
        this.memory.notice = { kind: 'error', text: 'load-failed' };
        this.draw();
      },
    );
  }

  openSaveFile(): void {
    this.preloadScreens();
    this.fileInput.value = '';
    this.fileInput.click();
  }

  private async readChosenFile(): Promise<void> {
    const file = this.fileInput.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      this.memory.notice = { kind: 'error', text: 'file-unreadable' };
      this.draw();
      return;
    }
    this.memory.notice = null;
    void this.controller.importSave(text);
  }

  say(text: string): void {
    this.announcer.say(text);
  }

  exportSave(): void {
    const name = downloadSave(this.controller);
    if (name) {
      this.memory.notice = { kind: 'info', text: this.tr('notice.exported', { file: name }) };
      this.draw();
    }
  }
}

function selectionOf(el: HTMLInputElement | HTMLTextAreaElement): { start: number; end: number } | null {
  try {
    return el.selectionStart === null || el.selectionEnd === null ? null : { start: el.selectionStart, end: el.selectionEnd };
  } catch {
    // Inputs without a text selection (numbers, checkboxes) have none to keep.
    return null;
  }
}

function restoreSelection(el: HTMLInputElement | HTMLTextAreaElement, caret: { start: number; end: number }): void {
  try {
    el.setSelectionRange(Math.min(caret.start, el.value.length), Math.min(caret.end, el.value.length));
  } catch {
    // As above: nothing to restore.
  }
}

export function mountUi(
  root: HTMLElement,
  announcer: HTMLElement,
  controller: AppController,
  screens: ScreensSource = loadScreens,
  classroom: ClassroomScreensSource = loadClassroom,
): void {
  const overlay = new Overlay(root, announcer, controller, screens, classroom);
  controller.subscribe((state) => overlay.update(state));
}
