// Both renderers: Phaser.AUTO picks WebGL here (SwiftShader), ?renderer=canvas forces the Canvas
// fallback, and a browser without WebGL at all falls back to Canvas by itself. In each, the canvas really
// draws (not one flat colour) on the title and at the table, the overlay works over it, and nothing is
// logged as an error.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { launchChromium } from './support/chromium';
import { appState, canvasColours, openGame, press, screenshot, waitForScreen } from './support/page';
import { startByKeyboard } from './support/play';
import type { GameServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

let server: GameServer;
let browser: Browser;

withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

async function tour(page: Page, label: string): Promise<void> {
  expect(await canvasColours(page), `${label}: title canvas draws`).toBeGreaterThan(8);
  await screenshot(page, `renderer-${label}-title`);
  await startByKeyboard(page, { scenarioId: 'whole-enchilada-2001', seat: 'us' });
  await press(page, 'ready');
  if ((await waitForScreen(page, ['interlude', 'table'])).screen === 'interlude') {
    await screenshot(page, `renderer-${label}-interlude`);
    await press(page, 'continue');
  }
  await waitForScreen(page, 'table');
  await page.waitForTimeout(500);
  expect(await canvasColours(page), `${label}: table canvas draws`).toBeGreaterThan(8);
  await screenshot(page, `renderer-${label}-table`);
}

describe('renderers', () => {
  test('WebGL by default (Phaser.AUTO)', async () => {
    const g = await openGame(browser, server.url);
    expect(await g.page.evaluate(() => window.__binational!.renderer())).toBe('WEBGL');
    await tour(g.page, 'webgl');
    expect(g.errors).toEqual([]);
    await g.close();
  });

  test('the Canvas fallback on request (?renderer=canvas)', async () => {
    const g = await openGame(browser, server.url, { query: '?renderer=canvas' });
    expect(await g.page.evaluate(() => window.__binational!.renderer())).toBe('CANVAS');
    await tour(g.page, 'canvas');
    expect(g.errors).toEqual([]);
    await g.close();
  });

  test('losing the WebGL context in the middle of a game falls back to Canvas, and the game goes on', async () => {
    const g = await openGame(browser, server.url);
    expect(await g.page.evaluate(() => window.__binational!.renderer())).toBe('WEBGL');
    await startByKeyboard(g.page, { scenarioId: 'bracero-1942', seat: 'us' });
    await press(g.page, 'ready');
    if ((await waitForScreen(g.page, ['interlude', 'table'])).screen === 'interlude') await press(g.page, 'continue');
    const before = await waitForScreen(g.page, 'table');
    // What a GPU reset or a driver crash does: the WebGL context goes away.
    const lost = await g.page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#game canvas')!;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
      const ext = gl?.getExtension('WEBGL_lose_context');
      if (!ext) return false;
      ext.loseContext();
      return true;
    });
    expect(lost).toBe(true);
    await g.page.waitForFunction(() => window.__binational!.renderer() === 'CANVAS');
    // One canvas left, the new one, and it draws the table.
    await g.page.waitForFunction(() => [...document.querySelectorAll<HTMLCanvasElement>('#game canvas')].filter((c) => c.style.display !== 'none').length === 1);
    await g.page.waitForTimeout(500);
    expect(await canvasColours(g.page), 'table canvas draws after the fallback').toBeGreaterThan(8);
    await screenshot(g.page, 'renderer-context-lost-table');
    const after = await appState(g.page);
    expect({ screen: after.screen, round: after.view?.round, events: after.events }).toEqual({ screen: before.screen, round: before.view?.round, events: before.events });
    // The overlay still plays: a move by keyboard lands.
    const moves = after.events.length;
    const decision = await g.page.evaluate(() => (document.querySelector('[data-testid="propose"]:not([disabled])') ? 'propose' : document.querySelector('[data-testid="reject"]') ? 'reject' : 'pass'));
    if (decision === 'propose') await press(g.page, 'fill-best');
    await press(g.page, decision);
    await g.page.waitForFunction((n) => window.__binational!.controller.getState().events.length > n, moves);
    expect(g.errors).toEqual([]);
    await g.close();
  });

  test('a browser without WebGL falls back to Canvas by itself', async () => {
    const noGl = await launchChromium({ extraArgs: ['--disable-gpu', '--disable-software-rasterizer'] });
    try {
      const g = await openGame(noGl, server.url);
      expect(await g.page.evaluate(() => !!document.createElement('canvas').getContext('webgl'))).toBe(false);
      expect(await g.page.evaluate(() => window.__binational!.renderer())).toBe('CANVAS');
      await tour(g.page, 'no-webgl');
      expect(g.errors).toEqual([]);
      await g.close();
    } finally {
      await noGl.close();
    }
  });
});
