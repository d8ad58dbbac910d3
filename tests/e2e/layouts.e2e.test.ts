// The three screen sizes of issue 4: a 1024×768 touch tablet played with taps only, and 1280×720 and
// 1920×1080 played with the mouse. On every kind of screen of a whole game (title, scenario list,
// briefing, news, table, signing and vote when there is a deal, debrief): nothing scrolls sideways, every
// control lies within the width of the screen, is not covered where it would be pressed, and is at least
// 40×40 px to hit. A screenshot of each screen at each size is kept under test-results/screens/.
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { layoutProblems } from './support/layout';
import { openGame, screenshot } from './support/page';
import { type Input, playToDebrief, startByPointer } from './support/play';
import type { GameServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

let server: GameServer;
let browser: Browser;

withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

interface Size {
  width: number;
  height: number;
  input: Exclude<Input, 'keyboard'>;
  scenarioId: string;
  seat: 'us' | 'mx';
}

const SIZES: Size[] = [
  { width: 1024, height: 768, input: 'touch', scenarioId: 'whole-enchilada-2001', seat: 'us' },
  { width: 1280, height: 720, input: 'mouse', scenarioId: 'bracero-1942', seat: 'mx' },
  { width: 1920, height: 1080, input: 'mouse', scenarioId: 'zacatecas-1995', seat: 'us' },
];
const MIN_HIT = 40;

describe('screen sizes', () => {
  for (const size of SIZES) {
    test(`${size.width}×${size.height} (${size.input}): a whole game, every control inside the screen, uncovered and big enough`, async () => {
      const touch = size.input === 'touch';
      const g = await openGame(browser, server.url, {
        query: '?renderer=canvas',
        context: { viewport: { width: size.width, height: size.height }, hasTouch: touch, isMobile: touch },
      });
      const label = `${size.width}x${size.height}`;
      const problems: string[] = [];
      const checked: string[] = [];
      const check = async (kind: string) => {
        checked.push(kind);
        // The picture first: the check scrolls each control into view.
        await screenshot(g.page, `layout-${label}-${kind.replace(':', '-')}`);
        for (const p of await layoutProblems(g.page, { minHit: MIN_HIT })) problems.push(`${kind}: ${p}`);
      };
      if (touch) expect(await g.page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);

      await check('title');
      const briefing = await startByPointer(g.page, size, size.input);
      expect(briefing.scenarioId).toBe(size.scenarioId);
      // The scenario list has a test of its own below (starting moves on from it at once).
      const result = await playToDebrief(g.page, { settleFromRound: 1, input: size.input }, { onScreen: (kind) => check(kind) });
      expect(result.final.screen).toBe('debrief');
      expect(result.seen).toEqual(expect.arrayContaining(['briefing', 'debrief']));
      expect(result.seen.some((k) => k.startsWith('table:'))).toBe(true);
      // A proposal was tabled by the player's own taps or clicks.
      expect(result.final.events.some((e) => e.type === 'proposed' && e.side === size.seat)).toBe(true);
      expect(checked).toEqual(expect.arrayContaining(['title', 'briefing', 'debrief']));
      expect(problems.join('\n')).toBe('');
      expect(g.errors).toEqual([]);
      await g.close();
    }, 300_000);
  }

  test('the scenario list fits each size too', async () => {
    for (const size of SIZES) {
      const touch = size.input === 'touch';
      const g = await openGame(browser, server.url, {
        query: '?renderer=canvas',
        context: { viewport: { width: size.width, height: size.height }, hasTouch: touch, isMobile: touch },
      });
      if (touch) await g.page.locator('[data-testid="new-game"]').tap();
      else await g.page.locator('[data-testid="new-game"]').click();
      await g.page.waitForSelector('[data-testid="start"]');
      await screenshot(g.page, `layout-${size.width}x${size.height}-select`);
      expect((await layoutProblems(g.page, { minHit: MIN_HIT })).join('\n'), `${size.width}×${size.height}`).toBe('');
      expect(g.errors).toEqual([]);
      await g.close();
    }
  });
});
