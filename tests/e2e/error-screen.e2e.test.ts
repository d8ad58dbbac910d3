// Bad content in the built game: the served code is changed on its way to the browser so that the Bracero
// scenario names an issue that its delegations' priorities do not know. Opening the scenario list then
// shows the error screen naming the file, the path and the rule — over a canvas that still draws (never a
// blank page), with no serious axe violation and nothing logged as an error by the game itself.
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { appState, canvasColours, describeViolations, openGame, press, screenshot, seriousViolations, waitForScreen } from './support/page';
import type { GameServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

let server: GameServer;
let browser: Browser;

withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

/** The first issue of the Bracero scenario, as the minifier writes it in the built chunk. */
const ISSUE_ID = /id:(["'`])wages\1/;

describe('a scenario that fails validation, in the browser', () => {
  test('shows the error screen naming the problem, never a blank canvas', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    let patched = 0;
    await context.route(/\/assets\/[\w-]+\.js$/, async (route) => {
      const res = await route.fetch();
      const body = await res.text();
      if (!ISSUE_ID.test(body)) return route.fulfill({ response: res });
      patched++;
      await route.fulfill({ response: res, body: body.replace(ISSUE_ID, 'id:$1wage-rates$1') });
    });
    const g = await openGame(browser, server.url, { reuse: context });
    await press(g.page, 'new-game');
    const s = await waitForScreen(g.page, 'error');
    expect(patched, 'the built game no longer holds the Bracero issue where this test expects it').toBe(1);
    expect(s.failure?.title).toBe('scenario-invalid');
    expect(s.failure?.details.join('\n')).toContain('scenarios/bracero-1942.json');
    await g.page.waitForSelector('[data-testid="error-screen"]');
    expect(await g.page.textContent('main [role=alert]')).toBe('A scenario file failed validation.');
    const details = (await g.page.textContent('[data-testid="error-details"]')) ?? '';
    expect(details).toContain('scenarios/bracero-1942.json');
    expect(details).toContain('wages');
    // The canvas shows the error scene, not a blank or frozen frame.
    await g.page.waitForFunction(() => window.__binational!.controller.getState().screen === 'error');
    await g.page.waitForTimeout(300);
    expect(await canvasColours(g.page)).toBeGreaterThan(8);
    expect(describeViolations('error screen', await seriousViolations(g.page))).toBe('');
    await screenshot(g.page, 'error-scenario-invalid');
    expect((await appState(g.page)).view).toBeNull();
    expect(g.errors).toEqual([]);
    await context.close();
  });
});
