// The browser app's state as every front-end part reads it: the DOM overlay renders its controls from it,
// the Phaser scenes draw their decoration from it, the announcer reads its events. Plain data only.
import type {
  Broadcast,
  ClassResults,
  ClassSummary,
  CommandResult,
  ConsoleCommand,
  CreatedClass,
  Joined,
  Tablemate,
} from '../content/classroom-schema';
import type { LinkEnd, NetErrorCode } from '../net/types';
import type { Fork, GameAnalysis, GameEvent, Overrides, PublicScenario, ShockView, Side, View } from '../engine';
import type { SessionError } from '../flow';
import type { Locale } from '../i18n/translate';

export type Screen =
  | 'title'
  | 'select'
  | 'briefing'
  | 'table'
  | 'interlude'
  | 'signing'
  | 'ratification'
  | 'debrief'
  | 'error'
  | 'lab'
  // classroom mode: a student joining and waiting to start; the instructor's set-up, console and class debrief
  | 'join'
  | 'waiting'
  | 'class-setup'
  | 'console'
  | 'class-debrief';

/** A request of classroom mode that was refused or failed: the server's code (or 'network'), in the field it concerns. */
export interface ClassroomProblem {
  code: NetErrorCode;
  /** The server's English reason, for logs and bug reports; the UI shows its own words for `code`. */
  reason: string;
  /** The form field it concerns ('code', 'name', 'tables'…), or null for the form as a whole. */
  field: string | null;
}

/** Classroom mode, as the browser sees it: a student's seat at a remote table, or the instructor's console. */
export interface ClassroomState {
  /** A student: the seat this browser holds (null when not in a class). */
  joined: Joined | null;
  /** A seat this browser held before (a closed tab, a reload), offered on the join screen. */
  resumable: Joined | null;
  /** The join code the join screen starts with (from a link "#/join/CODE"). */
  joinCode: string;
  /** Whether the instructor has started the class (the student waits until then). */
  started: boolean;
  tablemates: Tablemate[];
  /** Seats the AI plays at the student's table. */
  aiSeats: string[];
  /** Sides whose lead is ready (briefing) or has acknowledged the current interlude. */
  readySides: Side[];
  /** The instructor's messages, oldest first. */
  broadcasts: Broadcast[];
  /** Moves made that the table has not acknowledged yet (sent again after a reconnect). */
  unsent: number;
  /** The instructor: the class just created (its secret is shown once), and the console's class. */
  created: CreatedClass | null;
  console: { classId: string; secret: string } | null;
  summary: ClassSummary | null;
  /** The last console command: the server's answer with each table's refusal, or why the request failed. */
  lastCommand: { command: ConsoleCommand; result: CommandResult | null; error: ClassroomProblem | null } | null;
  /** The class debrief's data (every table's envelope), once loaded. */
  results: ClassResults | null;
  /** The live connection to the table or console room. */
  connection: 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
  /** Why the live connection stopped for good (the class ended, the seat opened in another tab…). */
  linkEnd: LinkEnd | null;
  /** A request in flight (joining, creating a class, a console command, loading results). */
  busy: boolean;
  /** The join or set-up form's refusal from the server, or why the request failed. */
  formError: (ClassroomProblem & { form: 'join' | 'setup' | 'debrief' }) | null;
}

export interface Settings {
  lang: Locale;
  sound: boolean;
  /** 0..1 */
  volume: number;
}

/** Cues the sound layer plays; the controller names them, the audio layer owns the sounds. */
export type Cue = 'offer' | 'accept' | 'reject' | 'shock' | 'signing' | 'vote' | 'click';
export type Era = PublicScenario['era'];

export interface OpponentChoice {
  persona: string;
  difficulty: string;
}

/** The game a "what if…?" opens the counterfactual lab on: its scenario, seed, players and overrides. */
export interface LabPreset {
  scenarioId: string;
  seed: number;
  seat: Side;
  opponent: OpponentChoice;
  overrides: Overrides;
  /** Shocks that fired in that game. */
  fired: string[];
}

export interface AppState {
  screen: Screen;
  settings: Settings;
  /** The scenario library (public information only). */
  catalogue: PublicScenario[];
  /** The game in progress: what the player's seat may see, and nothing else. */
  scenarioId: string | null;
  seat: Side | null;
  opponent: OpponentChoice | null;
  view: View | null;
  /** The current round's shocks, for the interlude. */
  news: ShockView[];
  /** Every event the seat may see, in order (the transcript and the announcer read it). */
  events: GameEvent[];
  /** The refusal of the player's last intent, if any (shown and announced; the game goes on). */
  lastError: SessionError | null;
  /** Milliseconds left on the round timer, when one runs. */
  countdownMs: number | null;
  paused: boolean;
  /** The game's counterfactual forks (replayed from a round with changed shocks), oldest first; empty for a game as scheduled. */
  forks: Fork[];
  /** Judging the outcome (Pareto frontier, Nash point, distance to history): only once the game has ended. */
  analysis: GameAnalysis | null;
  /** A saved game can be continued from the title. */
  canContinue: boolean;
  /** Why the app cannot go on (an invalid scenario file, a save that does not replay…). */
  failure: { title: string; details: string[] } | null;
  /** A message for the player that is not a game refusal (e.g. "this file is not a Binational save"). */
  notice: { kind: 'info' | 'error'; text: string } | null;
  /** On the lab screen: the game it was opened on, or null when opened from the title. */
  labPreset: LabPreset | null;
  /** Where the lab was opened from, to go back there ('class-debrief' for a table of a class). */
  labReturn: 'title' | 'debrief' | 'class-debrief';
  classroom: ClassroomState;
}

/** Persistence of the one autosaved game and of exported files (src/persist implements it). */
export interface SaveStore {
  load(): Promise<unknown | null>;
  save(save: unknown): Promise<void>;
  clear(): Promise<void>;
  loadSettings(): Promise<unknown | null>;
  saveSettings(settings: Settings): Promise<void>;
}

/** The sound layer (src/audio implements it with Howler). */
export interface SoundPort {
  setEnabled(on: boolean): void;
  setVolume(v: number): void;
  setEra(era: Era | null): void;
  cue(cue: Cue): void;
}
