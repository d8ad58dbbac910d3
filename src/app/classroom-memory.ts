// What the browser remembers of classroom mode between page loads: a student's seat (so a closed tab or a
// reload goes back to the same seat) and, for the open tab only, the instructor's console (so the secret
// read from the link's fragment need not stay in the address bar or the history).
import type { Joined } from '../content/classroom-schema';

export interface ClassMemory {
  loadSeat(): Joined | null;
  saveSeat(seat: Joined): void;
  clearSeat(): void;
  loadConsole(): { classId: string; secret: string } | null;
  saveConsole(c: { classId: string; secret: string }): void;
  clearConsole(): void;
}

const SEAT_KEY = 'binational.class-seat';
const CONSOLE_KEY = 'binational.class-console';

function isSeat(x: unknown): x is Joined {
  if (!x || typeof x !== 'object') return false;
  const j = x as Record<string, unknown>;
  return ['classId', 'studentId', 'token', 'name', 'seat', 'roomId', 'scenarioId'].every((k) => typeof j[k] === 'string') && typeof j.tableNo === 'number' && (j.side === 'us' || j.side === 'mx');
}

function isConsole(x: unknown): x is { classId: string; secret: string } {
  return !!x && typeof x === 'object' && typeof (x as { classId?: unknown }).classId === 'string' && typeof (x as { secret?: unknown }).secret === 'string';
}

function read<T>(storage: Storage | null, key: string, valid: (x: unknown) => x is T): T | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return valid(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, key: string, value: unknown | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage refused (private mode, quota): the seat then lasts as long as the page.
  }
}

/** Web Storage: the seat in localStorage (it outlives the tab), the console in sessionStorage (this tab only). */
export class BrowserClassMemory implements ClassMemory {
  constructor(
    private readonly local: Storage | null,
    private readonly session: Storage | null,
  ) {}
  loadSeat() {
    return read(this.local, SEAT_KEY, isSeat);
  }
  saveSeat(seat: Joined) {
    write(this.local, SEAT_KEY, seat);
  }
  clearSeat() {
    write(this.local, SEAT_KEY, null);
  }
  loadConsole() {
    return read(this.session, CONSOLE_KEY, isConsole);
  }
  saveConsole(c: { classId: string; secret: string }) {
    write(this.session, CONSOLE_KEY, c);
  }
  clearConsole() {
    write(this.session, CONSOLE_KEY, null);
  }
}

/** Remembers for the life of the page only (where there is no Web Storage, e.g. the tests' plain Node). */
export class PageClassMemory implements ClassMemory {
  private seat: Joined | null = null;
  private console: { classId: string; secret: string } | null = null;
  loadSeat() {
    return this.seat;
  }
  saveSeat(seat: Joined) {
    this.seat = seat;
  }
  clearSeat() {
    this.seat = null;
  }
  loadConsole() {
    return this.console;
  }
  saveConsole(c: { classId: string; secret: string }) {
    this.console = c;
  }
  clearConsole() {
    this.console = null;
  }
}
