// A whole solo game of each scenario, played through the overlay with the keyboard only: title → select
// (arrow keys on the scenario and seat radios) → briefing → rounds with their news → signing and
// ratification, or no deal → debrief. On the way: axe-core on every kind of screen (no serious or critical
// violation), a screenshot of each kept under test-results/screens/, the pause menu, a switch to Spanish
// in the middle of a game (the game goes on untouched, the words change), and no console or page error.
// 1942 and 2001 run on WebGL (Phaser.AUTO), 1995 on the Canvas fallback.
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { AppState } from '../../src/app/app-types';
import { type AxeViolation, appState, describeViolations, openGame, press, screenshot, seriousViolations } from './support/page';
import { type GameChoice, playToDebrief, startByKeyboard } from './support/play';
import type { GameServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

let server: GameServer;
let browser: Browser;

withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

interface Case extends GameChoice {
  label: string;
  /** Round from which the player settles (later rounds bring more news). */
  settleFromRound: number;
  /** Renderer query: the default (WebGL through Phaser.AUTO) or the canvas fallback. */
  query: string;
  switchLanguage: boolean;
}

const CASES: Case[] = [
  { label: 'bracero-1942', scenarioId: 'bracero-1942', seat: 'mx', settleFromRound: 1, query: '', switchLanguage: false },
  { label: 'zacatecas-1995', scenarioId: 'zacatecas-1995', seat: 'us', settleFromRound: 2, query: '?renderer=canvas', switchLanguage: true },
  { label: 'whole-enchilada-2001', scenarioId: 'whole-enchilada-2001', seat: 'mx', settleFromRound: 5, query: '', switchLanguage: false },
];

/** Kinds of screen the three games showed between them. */
const allSeen = new Set<string>(['title', 'select']);

const fingerprint = (s: AppState) => JSON.stringify({ scenario: s.scenarioId, seat: s.seat, round: s.view?.round, phase: s.view?.phase, events: s.events, ledger: s.view?.ledger });

describe('a full solo game by keyboard', () => {
  for (const c of CASES) {
    test(c.label, async () => {
      const g = await openGame(browser, server.url, { query: c.query });
      const violations: string[] = [];
      let shot = 0;
      const check = async (kind: string) => {
        const v: AxeViolation[] = await seriousViolations(g.page);
        const text = describeViolations(`${c.label} / ${kind}`, v);
        if (text) violations.push(text);
        await screenshot(g.page, `${c.label}-${String(++shot).padStart(2, '0')}-${kind.replace(':', '-')}`);
      };

      await check('title');
      await press(g.page, 'new-game');
      await g.page.waitForSelector('[data-testid="start"]');
      await check('select');
      await press(g.page, 'back');
      const briefing = await startByKeyboard(g.page, c);
      expect(briefing.scenarioId).toBe(c.scenarioId);
      expect(briefing.seat).toBe(c.seat);

      let paused = false;
      let switched = false;
      const result = await playToDebrief(
        g.page,
        { settleFromRound: c.settleFromRound },
        {
          onScreen: (kind) => check(kind),
          onTable: async (s) => {
            // The pause menu, once, by keyboard.
            if (!paused) {
              paused = true;
              await press(g.page, 'pause');
              await g.page.waitForFunction(() => window.__binational?.controller.getState().paused === true);
              await check('paused');
              allSeen.add('paused');
              await press(g.page, 'resume');
              await g.page.waitForFunction(() => window.__binational?.controller.getState().paused === false);
            }
            // Mid-game, switch to Spanish: the same game, other words.
            if (c.switchLanguage && !switched && (s.view?.round ?? 0) >= 1) {
              switched = true;
              const before = await appState(g.page);
              const heading = await g.page.textContent('#table-heading');
              const status = await g.page.textContent('[data-testid="status"]');
              await press(g.page, 'lang-toggle');
              await g.page.waitForFunction(() => document.documentElement.lang === 'es');
              const after = await appState(g.page);
              expect(after.settings.lang).toBe('es');
              expect(fingerprint(after)).toBe(fingerprint(before));
              expect(await g.page.textContent('#table-heading')).not.toBe(heading);
              expect(await g.page.textContent('[data-testid="status"]')).not.toBe(status);
              expect(await g.page.getAttribute('#ui', 'lang')).toBe('es');
              await check('table-es');
            }
          },
        },
      );

      for (const k of result.seen) allSeen.add(k);
      const end = result.final;
      expect(end.screen).toBe('debrief');
      expect(end.view?.outcome).not.toBeNull();
      expect(end.analysis).not.toBeNull();
      expect(await g.page.textContent('[data-testid="outcome"]')).toBeTruthy();
      expect(result.seen).toEqual(expect.arrayContaining(['briefing', 'debrief']));
      expect(result.seen.some((k) => k.startsWith('interlude'))).toBe(true);
      expect(paused).toBe(true);
      expect(result.seen.some((k) => k.startsWith('table:'))).toBe(true);
      if (c.switchLanguage) {
        expect(switched).toBe(true);
        expect(end.settings.lang).toBe('es');
      }
      // Back to the title, where the finished game can no longer be continued into play but the title works.
      await press(g.page, 'to-title');
      await g.page.waitForFunction(() => window.__binational?.controller.getState().screen === 'title');

      expect(violations.join('\n\n')).toBe('');
      expect(g.errors).toEqual([]);
      await g.close();
    }, 300_000);
  }

  test('between them, the games went through every screen of a game', () => {
    // Each game ends in a deal or not depending on the AI (seeded by the clock); the three together
    // have always reached a signature so far. If this fails, the list says which screens were missed.
    const kinds = [...allSeen].map((k) => (k.startsWith('interlude') ? 'interlude' : k));
    expect([...new Set(kinds)].sort()).toEqual(
      expect.arrayContaining(['briefing', 'debrief', 'interlude', 'paused', 'ratification', 'select', 'signing', 'table:domestic', 'table:propose', 'table:respond', 'title']),
    );
  });
});
