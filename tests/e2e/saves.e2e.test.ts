// Saves in the browser: the autosave in IndexedDB survives a reload and the title continues the same game;
// an exported save file opens in a fresh browser profile; corrupt or foreign files are refused with a
// notice while the game in progress — and its autosave — stay exactly as they were. Keyboard only.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import type { AppState } from '../../src/app/app-types';
import { appState, type GamePage, openGame, press, readAutosave, screenshot, waitForApp, waitForScreen } from './support/page';
import { playToDebrief, startByKeyboard } from './support/play';
import type { GameServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

// The canvas renderer keeps these runs quick; the renderers have their own test.
const QUERY = '?renderer=canvas';

let server: GameServer;
let browser: Browser;
const open: GamePage[] = [];

withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

afterEach(async () => {
  for (const g of open.splice(0)) {
    expect(g.errors, 'console or page errors').toEqual([]);
    await g.close();
  }
});

async function game(): Promise<GamePage> {
  const g = await openGame(browser, server.url, { query: QUERY });
  open.push(g);
  return g;
}

/** What must not change: which game, whose seat, and where it stands (offers, ledger, shocks, own numbers). */
const identity = (s: AppState) => ({
  scenarioId: s.scenarioId,
  seat: s.seat,
  opponent: s.opponent,
  round: s.view?.round,
  ledger: s.view?.ledger,
  offers: s.view?.offers,
  fired: s.view?.fired,
  own: s.view?.own,
});

/** Starts a game and plays (holding out) until the news of round 1, right after an autosave. */
async function gameAtRoundOne(page: Page, scenarioId: string, seat: 'us' | 'mx'): Promise<AppState> {
  await startByKeyboard(page, { scenarioId, seat });
  const r = await playToDebrief(page, { settleFromRound: 99, stopWhen: (s) => s.screen === 'interlude' && (s.view?.round ?? 0) >= 1 });
  expect(r.final.screen).toBe('interlude');
  return r.final;
}

/** Waits until the autosave holds the game as the controller has it now. */
async function autosaved(page: Page): Promise<{ envelope: { events: unknown[]; scenarioId: string; seed: number } }> {
  await page.waitForFunction(async () => {
    const current = window.__binational!.controller.currentSave();
    const dbs = await indexedDB.databases();
    if (!current || !dbs.some((d) => d.name === 'binational')) return false;
    const stored = await new Promise<{ envelope?: { events?: unknown[] } } | null>((done) => {
      const req = indexedDB.open('binational');
      req.onsuccess = () => {
        const get = req.result.transaction('kv', 'readonly').objectStore('kv').get('autosave');
        get.onsuccess = () => {
          req.result.close();
          done(get.result ?? null);
        };
      };
    });
    return JSON.stringify(stored?.envelope?.events) === JSON.stringify(current.envelope.events);
  });
  return (await readAutosave(page)) as { envelope: { events: unknown[]; scenarioId: string; seed: number } };
}

describe('saves', () => {
  test('the autosave survives a reload and the title continues the same game', async () => {
    const g = await game();
    const before = await gameAtRoundOne(g.page, 'zacatecas-1995', 'mx');
    const saved = await autosaved(g.page);
    expect(saved.envelope.scenarioId).toBe('zacatecas-1995');

    await g.page.reload();
    await waitForApp(g.page);
    const title = await appState(g.page);
    expect(title.screen).toBe('title');
    expect(title.canContinue).toBe(true);
    await press(g.page, 'continue-saved');
    const resumed = await waitForScreen(g.page, ['interlude', 'table']);
    expect(identity(resumed)).toEqual(identity(before));
    const again = await g.page.evaluate(() => window.__binational!.controller.currentSave());
    expect(again?.envelope.seed).toBe(saved.envelope.seed);
    expect(again?.envelope.events.slice(0, saved.envelope.events.length)).toEqual(saved.envelope.events);
    await screenshot(g.page, 'saves-continued');

    // The continued game plays on to its end.
    const end = await playToDebrief(g.page, { settleFromRound: 1 });
    expect(end.final.screen).toBe('debrief');
  });

  test('corrupt or foreign save files are refused and the game in progress is untouched', async () => {
    const g = await game();
    await gameAtRoundOne(g.page, 'bracero-1942', 'us');
    await press(g.page, 'continue');
    const playing = await waitForScreen(g.page, 'table');
    const autosaveBefore = await autosaved(g.page);
    const good = await g.page.evaluate(() => window.__binational!.controller.currentSave());
    expect(good).not.toBeNull();

    // A save that parses but does not replay: an action for a seat that does not exist.
    const tampered = JSON.parse(JSON.stringify(good)) as { envelope: { events: Record<string, unknown>[] } };
    tampered.envelope.events.push({ ...tampered.envelope.events[0], seat: 'nobody' });
    const files: [string, string][] = [
      ['not-json.json', '{ "format": "binational-save", "version": 1, '],
      ['foreign.json', JSON.stringify({ format: 'another-game', players: 2 })],
      ['empty.json', ''],
      ['tampered.json', JSON.stringify(tampered)],
    ];

    await press(g.page, 'pause');
    await waitForScreen(g.page, 'table');
    for (const [name, text] of files) {
      const chooser = g.page.waitForEvent('filechooser');
      await press(g.page, 'import-save');
      await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await g.page.waitForSelector('[data-testid="notice"][role="alert"]');
      const after = await appState(g.page);
      expect(after.notice?.kind ?? 'error').toBe('error');
      expect(identity(after), name).toEqual(identity(playing));
      expect(after.events, name).toEqual(playing.events);
      expect(after.paused).toBe(true);
      await screenshot(g.page, `saves-refused-${name.replace('.json', '')}`);
      await press(g.page, 'notice-dismiss');
      await g.page.waitForSelector('[data-testid="notice"]', { state: 'detached' });
    }
    // The autosave was not overwritten by any of them.
    expect(await readAutosave(g.page)).toEqual(autosaveBefore);

    // And the game goes on.
    await press(g.page, 'resume');
    const end = await playToDebrief(g.page, { settleFromRound: 1 });
    expect(end.final.screen).toBe('debrief');
  });

  test('when IndexedDB refuses to open, the game still plays and keeps its save for the session', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('storage is disabled', 'InvalidStateError');
      };
    });
    const g = await openGame(browser, server.url, { query: QUERY, reuse: context });
    open.push({ ...g, close: () => context.close() });
    await gameAtRoundOne(g.page, 'bracero-1942', 'mx');
    const atRound = await appState(g.page);
    // Back to the title: the game is kept in memory, so it can still be continued in this session.
    await press(g.page, 'continue');
    await press(g.page, 'pause');
    await press(g.page, 'to-title');
    const title = await waitForScreen(g.page, 'title');
    expect(title.canContinue).toBe(true);
    await press(g.page, 'continue-saved');
    const resumed = await waitForScreen(g.page, ['interlude', 'table']);
    expect(identity(resumed)).toEqual(identity(atRound));
    // A reload starts afresh (nothing could be stored), without any error.
    await g.page.reload();
    await waitForApp(g.page);
    expect((await appState(g.page)).canContinue).toBe(false);
  });

  test('an exported save opens in a fresh browser profile and continues the same game', async () => {
    const g = await game();
    const before = await gameAtRoundOne(g.page, 'whole-enchilada-2001', 'us');
    await press(g.page, 'continue');
    await waitForScreen(g.page, 'table');
    const atTable = await appState(g.page);
    await press(g.page, 'pause');
    const download = g.page.waitForEvent('download');
    await press(g.page, 'export-save');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^binational-whole-enchilada-2001-us-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile((await file.path())!, 'utf8');
    const exported = JSON.parse(text) as { format: string; envelope: { events: unknown[] } };
    expect(exported.format).toBe('binational-save');
    expect(before.scenarioId).toBe('whole-enchilada-2001');

    const fresh = await game();
    expect((await appState(fresh.page)).canContinue).toBe(false);
    const chooser = fresh.page.waitForEvent('filechooser');
    await press(fresh.page, 'import-save');
    await (await chooser).setFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    const opened = await waitForScreen(fresh.page, ['interlude', 'table']);
    expect(identity(opened)).toEqual(identity(atTable));
    const reopened = await fresh.page.evaluate(() => window.__binational!.controller.currentSave());
    expect(reopened?.envelope.events.slice(0, exported.envelope.events.length)).toEqual(exported.envelope.events);
  });
});
