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

/** Paused applies to a game in progress (the controller keeps the flag when the player leaves to the title). */
const isPaused = (s: AppState): boolean => s.paused && s.view !== null && s.screen !== 'title' && s.screen !== 'select' && s.screen !== 'error' && s.screen !== 'lab';

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

  constructor(
    private readonly root: HTMLElement,
    announcerEl: HTMLElement,
    readonly controller: AppController,
    screens: ScreensSource,
  ) {
    this.screens = typeof screens === 'function' ? null : screens;
    this.screensLoader = typeof screens === 'function' ? screens : async () => screens;
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
    if (again && !(again as HTMLButtonElement).disabled) again.focus();
    else if (focusId) this.focusFallback();
  }

  private screen(): HTMLElement {
    const s = this.state;
    if (s.screen === 'error') return errorScreen(this);
    if (s.screen === 'title') return titleScreen(this);
    if (s.screen === 'lab') return this.labScreen();
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
        // The classroom's screens are wired in with their module (src/ui/screens/classroom).
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

  /** Counts the round timer down between the controller's updates. */
  private startTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const ms = this.state.countdownMs;
    if (ms === null || this.state.paused) return;
    const started = Date.now();
    this.timer = setInterval(() => {
      const el = document.getElementById('round-timer');
      if (!el) return;
      el.textContent = this.tr('toolbar.timer', { time: formatClock(ms - (Date.now() - started)) });
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

export function mountUi(root: HTMLElement, announcer: HTMLElement, controller: AppController, screens: ScreensSource = loadScreens): void {
  const overlay = new Overlay(root, announcer, controller, screens);
  controller.subscribe((state) => overlay.update(state));
}
