// What every screen module receives: the app state to draw, the controller to send intents to, the
// language, and the overlay's own small memory (the player's draft, choices not yet confirmed).
import type { AppState } from '../app/app-types';
import type { AppController } from '../app/controller';
import type { Side } from '../engine';
import type { Locale } from '../i18n/translate';
import type { Params, UiKey } from './i18n';

export interface SelectMemory {
  scenarioId: string | null;
  seat: Side;
  persona: string | null;
  difficulty: string;
}

export interface TableMemory {
  /** The wait this draft was made for; a new wait starts a fresh draft. */
  key: string;
  /** issue id -> option id; issues not named are left open. */
  draft: Record<string, string>;
  cards: string[];
  /** Issues of their offer ticked for a partial acceptance. */
  bank: string[];
  confirm: { kind: 'walk' } | { kind: 'renege'; issue: string } | null;
  renegeIssue: string | null;
  lobby: { constituency: string | null; amount: number };
  statement: { issue: string | null; option: string | null };
}

/** The debrief's "Replay from a round…" panel: its choices, kept across redraws, for one finished game. */
export interface ForkMemory {
  /** The game it is for (a new game starts a fresh panel). */
  game: object;
  /** The round to replay from (0-based). */
  round: number;
  /** Per shock, as chosen (see ui/lab/shock-edits). */
  edits: Record<string, { on: boolean; move: string; scale: string }>;
  /** The engine's problems with the last attempt, by the id of the control they concern. */
  errors: { field: string; message: string }[];
}

export interface Memory {
  select: SelectMemory;
  table: TableMemory | null;
  fork: ForkMemory | null;
  /** A message of the overlay itself (a file it could not read, an export done). */
  notice: { kind: 'info' | 'error'; text: string } | null;
  /** Event indices whose "Why?" disclosure the player has opened. */
  openWhy: Set<number>;
  /** The controller's notice the player has dismissed (it stays hidden until a new one comes). */
  dismissed: object | null;
}

export interface Ui {
  readonly controller: AppController;
  readonly state: AppState;
  readonly lang: Locale;
  readonly memory: Memory;
  tr(key: UiKey, params?: Params): string;
  /** Draws the current screen again after a change of the overlay's own memory, keeping focus. */
  rerender(): void;
  /** Asks for a save file and opens it (a refused file leaves the game as it is). */
  openSaveFile(): void;
  /** Downloads the current game as a save file. */
  exportSave(): void;
  /** Reads a sentence through the announcer (e.g. the draft's new evaluation). */
  say(text: string): void;
  /** Starts loading the screens of a game (they come with the game module) before one is needed. */
  preloadScreens(): void;
}
