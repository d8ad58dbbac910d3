// A class end to end, in three browser contexts served by the classroom server itself: the instructor sets
// up a class through the form (#/class/new: 2001, one table, one student per delegation, no AI, no
// timers), reads the join code and the console's link and opens the console from that link; two students
// join with the code (one by keyboard, one by mouse; one name with an accent), wait in the waiting room,
// and play the table once the instructor starts the class. In the second round the instructor injects a
// shock from the scenario's pool while both students are at the table: both see it in their transcript and
// the console lists it. The students play on to their debrief; the instructor opens the class debrief,
// which ranks the table with its outcome. Along the way: axe-core on the join form, the waiting room, the
// console and the class debrief, screenshots of them, and no console or page error in any context.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppState } from '../../src/app/app-types';
import { getScenario } from '../../src/content/scenarios';
import { launchChromium } from './support/chromium';
import { type ClassroomSite, playClassTable, type StudentMove, startClassroomSite } from './support/classroom';
import { appState, describeViolations, type GamePage, openGame, press, screenshot, seriousViolations, tabTo, waitForApp, waitForScreen } from './support/page';

const SCENARIO = 'whole-enchilada-2001';
const SHOCK = 'fox-quick-solidarity';
/** The longest wait for one step: the browsers share a busy machine (three pages drawing the game). */
const SLOW = 120_000;

let site: ClassroomSite;
let browser: Browser;

beforeAll(async () => {
  site = await startClassroomSite();
  browser = await launchChromium();
});

/** A page of the built app at `fragment`, waited for as long as the busy machine needs. */
async function open(fragment: string, reuse?: GamePage): Promise<GamePage> {
  const g = await openGame(browser, site.url, { query: fragment, waitForTitle: false, ...(reuse ? { reuse: reuse.context } : {}) });
  g.context.setDefaultTimeout(SLOW);
  await waitForApp(g.page, SLOW);
  return g;
}

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A promise with its resolve, for holding one student while the instructor acts. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const injectedIn = (s: AppState) => s.events.some((e) => e.type === 'shockFired' && e.shock === SHOCK && e.injected);

describe('a class played end to end', () => {
  test('an instructor and two students play a table to its end, with a shock injected mid-game and the class debrief', async () => {
    const scenario = getScenario(SCENARIO)!;
    const shockTitle = scenario.shocks.find((s) => s.id === SHOCK)!.title.en;
    const pages: GamePage[] = [];
    const violations: string[] = [];
    const check = async (page: Page, kind: string) => {
      const text = describeViolations(kind, await seriousViolations(page));
      if (text) violations.push(text);
      await screenshot(page, `classroom-${kind}`);
    };

    try {
      // ——— the instructor sets up the class ———
      const setup = await open('#/class/new');
      pages.push(setup);
      const ip = setup.page;
      await waitForScreen(ip, 'class-setup', SLOW);
      await ip.waitForSelector(`#setup-scenario option[value="${SCENARIO}"]`, { state: 'attached' });
      await ip.selectOption('[data-testid="setup-scenario"]', SCENARIO);
      await ip.fill('[data-testid="setup-title"]', 'Seminario 2001');
      await ip.fill('[data-testid="setup-tables"]', '1');
      await ip.selectOption('[data-testid="setup-seats"]', '1');
      for (const w of ['proposal', 'response', 'domestic', 'news']) await ip.fill(`[data-testid="setup-timer-${w}"]`, '');
      await ip.uncheck('[data-testid="setup-ai"]');
      await press(ip, 'class-create');
      await waitForScreen(ip, 'console', SLOW);
      await ip.waitForSelector('[data-testid="created-code"]');
      const code = (await ip.textContent('[data-testid="created-code"]'))!.trim();
      const consoleLink = await ip.inputValue('[data-testid="created-console-link"]');
      expect(code).toMatch(/^[A-Z0-9]{4,}$/);
      expect(consoleLink).toContain('#/console/');
      const created = await appState(ip);
      expect(created.classroom.created?.joinCode).toBe(code);
      await press(ip, 'created-done');
      await ip.waitForSelector('[data-testid="created-panel"]', { state: 'detached' });

      // The console opened from its link, as the instructor would from the address they kept.
      const desk = await open(new URL(consoleLink).hash, setup);
      pages.push(desk);
      const cp = desk.page;
      await ip.close();
      await waitForScreen(cp, 'console', SLOW);
      await cp.waitForFunction(() => {
        const c = window.__binational!.controller.getState().classroom;
        return c.connection === 'open' && c.summary !== null;
      });
      // The secret is kept for the tab, not in the address.
      expect(new URL(cp.url()).hash).not.toContain(consoleLink.split('/').pop()!);
      expect(await cp.textContent('[data-testid="console-status"]')).toContain(code);

      // ——— two students join with the code ———
      const jose = await open('#/join');
      const ana = await open('#/join');
      pages.push(jose, ana);
      await waitForScreen(jose.page, 'join', SLOW);
      await check(jose.page, 'join');
      // José by keyboard…
      await tabTo(jose.page, '[data-testid="join-code"]');
      await jose.page.keyboard.type(code.toLowerCase());
      await tabTo(jose.page, '[data-testid="join-name"]');
      await jose.page.keyboard.type('José');
      await press(jose.page, 'join-submit');
      // …Ana with the mouse.
      await waitForScreen(ana.page, 'join', SLOW);
      await ana.page.click('[data-testid="join-code"]');
      await ana.page.keyboard.type(code);
      await ana.page.click('[data-testid="join-name"]');
      await ana.page.keyboard.type('Ana');
      await ana.page.click('[data-testid="join-submit"]');

      const students = [
        { name: 'José', g: jose },
        { name: 'Ana', g: ana },
      ];
      for (const { name, g } of students) {
        const s = await waitForScreen(g.page, 'waiting', SLOW);
        await g.page.waitForFunction(() => window.__binational!.controller.getState().classroom.connection === 'open');
        expect(s.classroom.joined?.name).toBe(name);
        expect(s.classroom.joined?.tableNo).toBe(1);
        expect(s.classroom.joined?.role).toBe('lead');
        expect(await g.page.textContent('[data-testid="waiting-seat"]')).toContain(name);
        expect(await g.page.textContent('[data-testid="waiting-scenario-title"]')).toBe(scenario.title.en);
      }
      await check(jose.page, 'waiting');
      const sides = (await Promise.all(students.map(({ g }) => appState(g.page)))).map((s) => s.classroom.joined!.side).sort();
      expect(sides).toEqual(['mx', 'us']);

      // The console sees both at table 1, and starts the class.
      await cp.waitForFunction(() => window.__binational!.controller.getState().classroom.summary?.students.filter((s) => s.connected).length === 2);
      const card = cp.locator('[data-testid="console-table-1"]');
      await expect.poll(() => card.textContent(), { timeout: SLOW }).toContain('José');
      expect(await card.textContent()).toContain('Ana');
      await check(cp, 'console');
      await press(cp, 'console-command-start');
      await cp.waitForFunction(() => window.__binational!.controller.getState().classroom.summary?.status === 'started');
      for (const { g } of students) await waitForScreen(g.page, 'briefing', SLOW);

      // ——— the table is played; in round 2 the proposer waits while the instructor injects a shock ———
      const atGate = deferred();
      const release = deferred();
      let injectedBeforeMove = false;
      const policy = () => ({
        // Hold out in round 1; settle once the shock has landed.
        accept: (s: AppState) => (s.view?.round ?? 0) >= 1 && injectedIn(s),
        before: async (move: StudentMove, s: AppState) => {
          if (move === 'propose' && s.view?.round === 1 && !injectedIn(s)) {
            atGate.resolve();
            await release.promise;
            injectedBeforeMove = true;
          }
        },
      });
      const play = Promise.all([playClassTable(jose.page, 'José', policy()), playClassTable(ana.page, 'Ana', policy())]);
      // Should a check below fail, the players stop when their pages close; their failure is not the test's.
      play.catch(() => undefined);
      // A student failing before the gate fails the test at once rather than leaving it waiting.
      await Promise.race([atGate.promise, play.then(() => Promise.reject(new Error('the game ended before round 2')))]);

      // Both students are at the table, round 2, the proposal not yet made.
      for (const { g } of students) {
        const s = await appState(g.page);
        expect(s.screen).toBe('table');
        expect(s.view?.round).toBe(1);
      }
      await cp.selectOption('[data-testid="console-target"]', '1');
      await cp.selectOption('[data-testid="console-shock"]', SHOCK);
      await press(cp, 'console-command-inject');
      await cp.waitForFunction(() => {
        const c = window.__binational!.controller.getState().classroom;
        return c.lastCommand?.command.op === 'inject' && !c.busy;
      });
      const injected = (await appState(cp)).classroom.lastCommand!;
      expect(injected.error).toBeNull();
      expect(injected.result).toEqual({ ok: true, refused: [] });
      await cp.waitForFunction((id) => window.__binational!.controller.getState().classroom.summary?.tables[0]?.fired.includes(id) === true, SHOCK);
      await expect.poll(() => card.textContent(), { timeout: SLOW }).toContain(shockTitle);
      for (const { name, g } of students) {
        await g.page.waitForFunction((id) => window.__binational!.controller.getState().events.some((e) => e.type === 'shockFired' && e.shock === id && e.injected), SHOCK);
        await expect.poll(() => g.page.textContent('[data-testid="transcript"]'), { message: `${name}'s transcript`, timeout: SLOW }).toContain(shockTitle);
        expect((await appState(g.page)).view?.fired.some((f) => f.id === SHOCK)).toBe(true);
      }
      await card.scrollIntoViewIfNeeded();
      await screenshot(cp, 'classroom-console-shock');
      await screenshot(jose.page, 'classroom-table-shock');
      release.resolve();

      const [joseEnd, anaEnd] = await play;
      expect(injectedBeforeMove).toBe(true);
      for (const [name, r] of [
        ['José', joseEnd],
        ['Ana', anaEnd],
      ] as const) {
        expect(r.final.screen, name).toBe('debrief');
        expect(r.final.view?.outcome, name).not.toBeNull();
        expect(r.screens, name).toEqual(expect.arrayContaining(['briefing', 'interlude', 'table', 'debrief']));
      }
      // The game as the table recorded it: an offer rejected, both sides passing at home, the shock, and
      // the offer of round 2 accepted; it ended the same way for both students.
      const kinds = (side: string) => joseEnd.final.events.filter((e) => 'side' in e && e.side === side).map((e) => e.type);
      const sidesThat = (type: string) => new Set(joseEnd.final.events.filter((e) => e.type === type && 'side' in e).map((e) => (e as { side: string }).side));
      expect(sidesThat('passed')).toEqual(new Set(['us', 'mx']));
      expect(sidesThat('proposed').size).toBeGreaterThan(0);
      expect(kinds('us').includes('rejected') || kinds('mx').includes('rejected')).toBe(true);
      expect(kinds('us').includes('accepted') || kinds('mx').includes('accepted')).toBe(true);
      expect(injectedIn(anaEnd.final)).toBe(true);
      expect(joseEnd.final.view?.outcome?.reason).toBe(anaEnd.final.view?.outcome?.reason);
      for (const { g } of students) expect(await g.page.textContent('[data-testid="outcome"]')).toBeTruthy();

      // ——— the console shows the end; the class debrief ranks the table ———
      await cp.waitForFunction(() => {
        const t = window.__binational!.controller.getState().classroom.summary?.tables[0];
        return t?.status === 'ended' && t.outcome !== null;
      });
      const ended = (await appState(cp)).classroom.summary!.tables[0]!;
      expect(ended.outcome?.reason).toBe(joseEnd.final.view?.outcome?.reason);
      expect(ended.fired).toContain(SHOCK);
      await press(cp, 'console-open-debrief');
      const debrief = await waitForScreen(cp, 'class-debrief', SLOW);
      expect(debrief.classroom.results?.tables).toHaveLength(1);
      expect(debrief.classroom.results?.tables[0]?.envelope).not.toBeNull();
      const row = cp.locator('[data-testid="cd-ranking"] tbody tr[data-table-no="1"]');
      await row.waitFor();
      const cells = await row.locator('td, th').allTextContents();
      expect(cells[0]).toBe('1');
      expect(cells[2]).toContain('José');
      expect(cells[2]).toContain('Ana');
      expect(cells[3]?.length).toBeGreaterThan(0);
      expect(cells[4]).toMatch(/^-?\d+\.\d$/);
      const data = cp.locator('[data-testid="cd-space-table"]');
      await data.waitFor();
      expect(await data.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
      expect(await cp.textContent('[data-testid="cd-shocks"]')).toContain(shockTitle);
      await check(cp, 'class-debrief');

      // Every context's errors and every screen's violations at once, so a failure lists them all.
      const errors = { 'instructor (set-up)': setup.errors, 'instructor (console)': desk.errors, José: jose.errors, Ana: ana.errors };
      expect({ errors, violations }).toEqual({ errors: { 'instructor (set-up)': [], 'instructor (console)': [], José: [], Ana: [] }, violations: [] });
    } catch (e) {
      if (site.log.length) console.error(`classroom server log:\n${site.log.join('\n')}`);
      throw e;
    } finally {
      for (const g of pages) await g.close().catch(() => undefined);
    }
  }, 900_000);
});
