// The installable, offline game: a web manifest with its icons, and a service worker that precaches the
// whole game (HTML, JS, CSS, sounds, icons) on the first visit. Then, with the network off and the server
// gone, a reload still brings the game up, a game can be played, and its sounds play from the cache.
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { appState, audioProbe, openGame, press, screenshot, waitForApp, waitForScreen } from './support/page';
import { playToDebrief, startByKeyboard } from './support/play';
import { type GameServer, startServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

let server: GameServer;
let browser: Browser;

withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

describe('installable and offline', () => {
  test('the manifest names the game and its icons are real PNG and SVG files', async () => {
    const g = await openGame(browser, server.url, { query: '?renderer=canvas' });
    const href = await g.page.getAttribute('link[rel="manifest"]', 'href');
    expect(href).toBeTruthy();
    const manifestUrl = new URL(href!, server.url).href;
    const res = await g.page.request.get(manifestUrl);
    expect(res.ok()).toBe(true);
    const manifest = (await res.json()) as { name: string; short_name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
    expect(manifest.name).toBe('Binational');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.some((i) => i.sizes === '192x192')).toBe(true);
    expect(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const r = await g.page.request.get(new URL(icon.src, manifestUrl).href);
      expect(r.ok(), icon.src).toBe(true);
      const body = await r.body();
      if (icon.type === 'image/png') {
        expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
        const [w, h] = icon.sizes.split('x').map(Number);
        expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([w, h]);
      } else {
        expect(body.toString('utf8')).toContain('<svg');
      }
    }
    expect(g.errors).toEqual([]);
    await g.close();
  });

  test('once loaded, the game plays with the network off', async () => {
    // A server of its own, so that it can be shut down for the offline part.
    const own = await startServer();
    const g = await openGame(browser, own.url, { query: '?renderer=canvas' });
    // The service worker installs (precaching everything), activates and takes control of the page.
    await g.page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', undefined, { timeout: 60_000 });
    await g.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const cached = await g.page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return urls;
    });
    for (const kind of [/\/index\.html$/, /\.js$/, /\/game-session-[\w-]+\.js$/, /\/game-screens-[\w-]+\.js$/, /\/chart-[\w-]+\.js$/, /\.css$/, /music-1942-[\w-]+\.wav$/, /music-1995-[\w-]+\.wav$/, /music-2001-[\w-]+\.wav$/, /signing-[\w-]+\.wav$/, /icon-192\.png$/]) {
      expect(
        cached.some((u) => kind.test(u)),
        `${kind} precached`,
      ).toBe(true);
    }

    // Network off, server gone.
    await g.context.setOffline(true);
    await own.close();
    await g.page.reload();
    await waitForApp(g.page);
    expect((await appState(g.page)).screen).toBe('title');
    await screenshot(g.page, 'offline-title');

    // A game, with sound: the bed and the cues come from the cache.
    await press(g.page, 'sound-toggle');
    await startByKeyboard(g.page, { scenarioId: 'bracero-1942', seat: 'us' });
    await g.page.waitForFunction(
      () => (window as unknown as { __audioProbe: { starts: { duration: number; loop: boolean }[] } }).__audioProbe.starts.some((x) => x.loop && Math.abs(x.duration - 30) < 0.02),
      undefined,
      { timeout: 15_000 },
    );
    await press(g.page, 'ready');
    await waitForScreen(g.page, ['interlude', 'table']);
    await screenshot(g.page, 'offline-game');
    const end = await playToDebrief(g.page, { settleFromRound: 0 });
    expect(end.final.screen).toBe('debrief');
    expect((await audioProbe(g.page)).contexts).toBe(1);
    expect(g.errors).toEqual([]);
    await g.close();
  });
});
