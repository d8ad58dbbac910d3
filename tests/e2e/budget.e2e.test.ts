// The title screen's JavaScript budget (issue 4: at most 480 KB gzip, Phaser included), measured the way
// `npm run bench:web` measures it: every script the built page has requested by the time the title is
// usable, sized from the build. The game (scenarios, engine, flow, AI), its screens, the debrief charts
// and Howler are not among them; they arrive when a game is opened. A size budget, not a timing.
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { builtFileSizes, type ScriptFile, TITLE_JS_TARGET_GZIP } from './support/budget';
import { press, waitForApp, waitForScreen, watchErrors } from './support/page';
import { E2E_DIST, type GameServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

let server: GameServer;
let browser: Browser;

withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const LAZY = [/\/game-session-[\w-]+\.js$/, /\/game-screens-[\w-]+\.js$/, /\/chart-[\w-]+\.js$/, /\/howler-[\w-]+\.js$/];

describe('title screen budget', () => {
  test('the title needs at most 480 KB of gzipped JavaScript; the game loads when one is opened', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    const requested: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') requested.push(new URL(r.url()).pathname);
    });
    await page.goto(server.url);
    await waitForApp(page);
    await page.waitForSelector('[data-testid="new-game"]:not([disabled])');
    const atTitle = [...requested];
    const files = atTitle.map((p) => builtFileSizes(E2E_DIST, p)).filter((f): f is ScriptFile => f !== null);
    expect(files.length).toBe(atTitle.length);
    expect(files.some((f) => /\/phaser-[\w-]+\.js$/.test(f.path))).toBe(true);
    const gzip = files.reduce((n, f) => n + f.gzip, 0);
    const listing = files.map((f) => `${f.path} ${(f.gzip / 1024).toFixed(1)} KB gzip`).join('\n');
    expect(gzip, `title JS ${(gzip / 1024).toFixed(1)} KB gzip:\n${listing}`).toBeLessThanOrEqual(TITLE_JS_TARGET_GZIP);
    for (const lazy of LAZY) expect(atTitle.filter((p) => lazy.test(p)), `${lazy} loaded for the title`).toEqual([]);

    // Opening the scenario list brings the game module and the game's screens.
    await press(page, 'new-game');
    await waitForScreen(page, 'select');
    await page.waitForSelector('[data-testid="start"]');
    expect(requested.some((p) => LAZY[0]!.test(p))).toBe(true);
    expect(requested.some((p) => LAZY[1]!.test(p))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
