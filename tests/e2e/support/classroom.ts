// Classroom mode end to end: the classroom server itself (API, rooms and the built app on one origin, its
// records in an in-memory PGlite), and a student who plays a class's table through the overlay. Two
// students play one table, so a student often has nothing to do while the other moves: the player waits
// for its own next control, reads the table's state to know whether it has already said "ready" or
// "continue" there, and clicks with the mouse (the other student's moves redraw the page at any time).
import type { Page } from 'playwright-core';
import type { AppState } from '../../../src/app/app-types';
import { type ClassroomServer, startClassroomServer } from '../../../src/server/server';
import { type TestStore, testStore } from '../../server/test-db';
import { appState, trace } from './page';
import { E2E_DIST } from './server';

export interface ClassroomSite {
  url: string;
  server: ClassroomServer;
  store: TestStore;
  /** What the server logged (its refusals and failures), to show when a test fails. */
  log: string[];
  close(): Promise<void>;
}

/** The classroom server on a free port of 127.0.0.1, serving the end-to-end build. */
export async function startClassroomSite(): Promise<ClassroomSite> {
  const store = await testStore();
  const log: string[] = [];
  let server: ClassroomServer;
  try {
    server = await startClassroomServer({
      port: 0,
      host: '127.0.0.1',
      store,
      staticDir: E2E_DIST,
      log: (message, error) => log.push(error === undefined ? message : `${message}: ${error instanceof Error ? error.message : String(error)}`),
    });
  } catch (e) {
    await store.close();
    throw e;
  }
  return {
    url: server.url,
    server,
    store,
    log,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

export type StudentMove = 'ready' | 'continue' | 'propose' | 'accept-all' | 'reject' | 'pass';

export interface StudentPolicy {
  /** Whether to accept the offer on the table (otherwise the student rejects it). */
  accept(s: AppState): boolean;
  /** Called before each move; may hold the student there (until the instructor has done something). */
  before?(move: StudentMove, s: AppState): Promise<void>;
  /** Called once on the table screen after each change of the game seen there. */
  onTable?(s: AppState): Promise<void>;
}

export interface StudentResult {
  final: AppState;
  moves: StudentMove[];
  /** Screens the student went through, in order of first appearance. */
  screens: string[];
}

type Found = { kind: 'done' } | { kind: 'move'; move: 'ready' | 'continue' | 'propose' | 'respond' | 'pass'; key: string };

/**
 * Waits until the student has a control of its own to use, or the game has reached the debrief. `said`
 * is the moment ("screen|round|events") at which this student last said ready or continue: the lead's
 * button stays on screen until the other lead says it too, and the table's list of ready sides may still
 * hold the previous screen's for a moment.
 */
async function nextMove(page: Page, said: string, timeout: number): Promise<Found> {
  const handle = await page.waitForFunction(
    (said) => {
      const s = window.__binational?.controller.getState();
      if (!s) return null;
      if (s.screen === 'debrief') return { kind: 'done' };
      const usable = (id: string) => {
        const el = document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
        return el !== null && !el.disabled && el.getClientRects().length > 0;
      };
      const key = [s.screen, s.view?.round ?? '-', s.events.length].join('|');
      const side = s.classroom.joined?.side;
      const ready = side !== undefined && s.classroom.readySides.includes(side);
      if (s.paused || s.classroom.connection !== 'open') return null;
      if (s.screen === 'briefing' && usable('ready') && !(ready && key === said)) return { kind: 'move', move: 'ready', key };
      if (['interlude', 'signing', 'ratification'].includes(s.screen) && usable('continue') && !(ready && key === said)) return { kind: 'move', move: 'continue', key };
      // A move not yet acknowledged by the table is not made twice.
      if (s.screen !== 'table' || s.classroom.unsent > 0) return null;
      if (usable('accept-all')) return { kind: 'move', move: 'respond', key };
      if (usable('propose')) return { kind: 'move', move: 'propose', key };
      if (usable('pass')) return { kind: 'move', move: 'pass', key };
      return null;
    },
    said,
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as Found;
}

/** What changes when the table takes a move (or refuses it). */
function stampOf(): string {
  const s = window.__binational!.controller.getState();
  return [s.screen, s.paused, s.events.length, s.view?.round ?? '-', s.view?.phase ?? '-', s.lastError?.code ?? '-', s.classroom.readySides.join(','), s.classroom.unsent].join('|');
}

/**
 * Clicks a control with the mouse; false when it had gone before any click (the other lead moved the table
 * on), and the next move is then read afresh. On a busy machine an attempt can time out after its click
 * was delivered: a control that is gone after such an attempt counts as clicked.
 */
async function click(page: Page, testid: string): Promise<boolean> {
  trace(`click ${testid}`);
  const selector = `[data-testid="${testid}"]`;
  for (let attempt = 0; attempt < 6; attempt++) {
    const there = await page.evaluate((sel) => {
      const el = document.querySelector<HTMLButtonElement>(sel);
      return el !== null && !el.disabled && el.getClientRects().length > 0;
    }, selector);
    if (!there) return attempt > 0;
    try {
      await page.locator(selector).first().click({ timeout: 15_000 });
      return true;
    } catch (e) {
      if (!(e instanceof Error && e.name === 'TimeoutError')) throw e;
    }
  }
  throw new Error(`${testid} stayed on screen but could not be clicked`);
}

/**
 * Plays the student's seat to the debrief: ready at the briefing, continue on the news, the signing and
 * the vote; on the table, propose its own best package, answer an offer as the policy says, pass at home.
 * `timeout` bounds each wait for the student's next control (the other student may be held meanwhile).
 */
export async function playClassTable(page: Page, label: string, policy: StudentPolicy, timeout = 180_000, maxMoves = 200): Promise<StudentResult> {
  const moves: StudentMove[] = [];
  const screens: string[] = [];
  let said = '';
  let lastTable = '';
  for (let n = 0; n < maxMoves; n++) {
    const found = await nextMove(page, said, timeout);
    const s = await appState(page);
    if (!screens.includes(s.screen)) screens.push(s.screen);
    if (found.kind === 'done') return { final: s, moves, screens };
    if (s.screen === 'table') {
      const seen = `${s.view?.round}|${s.events.length}`;
      if (seen !== lastTable) {
        lastTable = seen;
        await policy.onTable?.(s);
      }
    }
    const move: StudentMove = found.move === 'respond' ? (policy.accept(s) ? 'accept-all' : 'reject') : found.move;
    await policy.before?.(move, s);
    trace(`${label}: ${move} on ${s.screen} round ${s.view?.round ?? '-'} phase ${s.view?.phase ?? '-'}`);
    const before = await page.evaluate(stampOf);
    const done = (move !== 'propose' || (await click(page, 'fill-best'))) && (await click(page, move));
    if (!done) {
      trace(`${label}: ${move} is no longer offered`);
      continue;
    }
    if (move === 'ready' || move === 'continue') said = found.key;
    moves.push(move);
    // The table answers with an update (or a refusal); the next control is read afresh either way.
    await page
      .waitForFunction(
        (b) => {
          const s = window.__binational!.controller.getState();
          return [s.screen, s.paused, s.events.length, s.view?.round ?? '-', s.view?.phase ?? '-', s.lastError?.code ?? '-', s.classroom.readySides.join(','), s.classroom.unsent].join('|') !== b;
        },
        before,
        { timeout: 30_000, polling: 50 },
      )
      .catch(() => trace(`${label}: no change after ${move}`));
  }
  throw new Error(`${label}: the game did not end within ${maxMoves} moves`);
}
