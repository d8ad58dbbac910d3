// Replaying a finished game from a round, in the built game, in Chromium, with the keyboard: a 2001 game
// finished (quickly, through the app hook) after 11 September; on its debrief, "Replay from a round…"
// opens on the round of the attacks; switching september-11 off and pressing Play it continues the same
// game from that round, whose news no longer has the attack; the replay is played on, and the autosave
// reloads to the same game, its fork included.
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { AppState } from '../../src/app/app-types';
import { appState, describeViolations, openGame, press, screenshot, seriousViolations, waitForApp, waitForScreen } from './support/page';
import { playToDebrief } from './support/play';
import type { GameServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

let server: GameServer;
let browser: Browser;

withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const sel = (id: string) => `[data-testid="${id}"]`;

/** Which game and where it stands. */
const identity = (s: AppState) => ({ scenarioId: s.scenarioId, seat: s.seat, opponent: s.opponent, forks: s.forks, round: s.view?.round, fired: s.view?.fired, outcome: s.view?.outcome, own: s.view?.own });

describe('replaying a game from a round', () => {
  test('forks a finished 2001 game at 11 September without the attack, plays on, and the save reloads to the same game', async () => {
    const g = await openGame(browser, server.url, { query: '?renderer=canvas' });
    const { page } = g;
    // A finished game as Mexico that lived through 11 September: holding out (own best package, rejecting,
    // passing at home) through the app hook, on the first seed whose game gets there.
    const round = await page.evaluate(async () => {
      const c = window.__binational!.controller;
      const tick = () => new Promise((r) => setTimeout(r, 0));
      const button = (id: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
      await c.newGame();
      for (let seed = 1; seed < 40; seed++) {
        await c.start('whole-enchilada-2001', 'mx', { persona: 'pragmatic', difficulty: 'normal' }, seed);
        c.ready();
        for (let i = 0; i < 600 && c.getState().screen !== 'debrief'; i++) {
          const s = c.getState();
          if (s.screen === 'interlude' || s.screen === 'signing' || s.screen === 'ratification') c.ack();
          else if (s.screen === 'table' && s.view!.phase === 'response') c.act({ type: 'reject', seat: 'mx' });
          else if (s.screen === 'table' && s.view!.phase === 'domestic') c.act({ type: 'pass', seat: 'mx' });
          else if (button('fill-best') && button('propose')) {
            button('fill-best')!.click();
            button('propose')!.click();
          }
          if (c.getState().lastError) c.act({ type: 'walkAway', seat: 'mx' });
          await tick();
        }
        const hit = c.getState().view?.fired.find((f) => f.id === 'september-11');
        if (c.getState().screen === 'debrief' && hit) return hit.round;
      }
      return -1;
    });
    expect(round).toBeGreaterThan(0);
    const parent = await waitForScreen(page, 'debrief');
    await page.waitForSelector(sel('fork-panel'));
    // The panel opens on the round of the attacks; only rounds the game reached are offered.
    expect(await page.locator(sel('fork-round')).inputValue()).toBe(String(round));
    expect(await page.locator(`${sel('fork-round')} option`).count()).toBe(parent.view!.round + 1);
    const v = await seriousViolations(page);
    expect(v, describeViolations('debrief with the replay panel', v)).toEqual([]);
    await press(page, 'fork-september-11-on', 'Space');
    await page.waitForFunction(() => /switched off Terror attacks/.test(document.querySelector('[data-testid="fork-changes"]')?.textContent ?? ''));
    await press(page, 'fork-play');

    // The same game from that round, as Mexico against the same AI: its news has no attack.
    const news = await waitForScreen(page, 'interlude');
    expect(news.view!.round).toBe(round);
    expect(news.seat).toBe('mx');
    expect(news.opponent).toEqual(parent.opponent);
    expect(news.news.map((n) => n.id)).not.toContain('september-11');
    expect(await page.locator(sel('shock-september-11')).count()).toBe(0);
    expect(await page.locator(sel('interlude-fork')).textContent()).toBe(`Replayed from round ${round + 1} (11 September 2001) with: switched off Terror attacks on New York and Washington.`);
    expect(news.forks).toEqual([{ atEvent: expect.any(Number), round, overrides: { disable: ['september-11'] } }]);
    await screenshot(page, 'fork-news');

    // Played on, by the keyboard, to its end.
    const end = await playToDebrief(page, { settleFromRound: round + 1 });
    expect(end.final.screen).toBe('debrief');
    expect(end.final.view!.fired.map((f) => f.id)).not.toContain('september-11');
    expect(end.final.events.some((e) => e.type === 'shockFired' && e.shock === 'september-11')).toBe(false);
    await page.waitForSelector(sel('fork-note'));
    expect(await page.locator(sel('fork-note')).textContent()).toContain(`replayed from round ${round + 1} (11 September 2001)`);

    // The autosave holds the replay (its envelope carries the fork); a reload continues the same game.
    const save = await page.evaluate(() => window.__binational!.controller.currentSave()!);
    expect(save.envelope.forks).toEqual(end.final.forks);
    await page.waitForFunction(async (events) => {
      const db = await new Promise<IDBDatabase>((done) => {
        const req = indexedDB.open('binational');
        req.onsuccess = () => done(req.result);
      });
      const stored = await new Promise<{ envelope?: { events?: unknown[] } } | undefined>((done) => {
        const get = db.transaction('kv', 'readonly').objectStore('kv').get('autosave');
        get.onsuccess = () => done(get.result);
      });
      db.close();
      return JSON.stringify(stored?.envelope?.events) === events;
    }, JSON.stringify(save.envelope.events));
    await page.reload();
    await waitForApp(page);
    expect((await appState(page)).canContinue).toBe(true);
    await press(page, 'continue-saved');
    const reloaded = await waitForScreen(page, ['debrief', 'signing']);
    expect(identity(reloaded)).toEqual(identity(end.final));
    const again = await page.evaluate(() => window.__binational!.controller.currentSave()!);
    expect(again.envelope).toEqual(save.envelope);
    expect(g.errors).toEqual([]);
    await g.close();
  });
});
