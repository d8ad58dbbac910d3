// The counterfactual Lab in the built game, in Chromium, with the keyboard: opened from the title, a batch
// of 200 AI-vs-AI games of 2001 run in real Web Workers to the end (progress bar, figures equal to the
// Node lab's on the same seeds, CSV and JSON downloads), a batch of 10,000 started and cancelled (the
// workers go away at once), and "What if…?" from a debrief opening the lab on that game.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { getScenario } from '../../src/content/scenarios';
import { type ArmConfig, runRange } from '../../src/lab/batch';
import { labReport, reportCsv, reportJson } from '../../src/lab/web-export';
import { appState, describeViolations, openGame, press, screenshot, seriousViolations, trace, waitForScreen } from './support/page';
import type { GameServer } from './support/server';
import { withServerAndBrowser } from './support/suite';

let server: GameServer;
let browser: Browser;

withServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const sel = (id: string) => `[data-testid="${id}"]`;

/** Types into a field reached with the keyboard (select all, then type). */
async function typeInto(page: Page, testid: string, text: string): Promise<void> {
  await press(page, testid, 'Control+a');
  await page.keyboard.type(text);
}

async function openLabFromTitle(page: Page): Promise<void> {
  await press(page, 'open-lab');
  await waitForScreen(page, 'lab');
  await page.waitForSelector('#lab-heading');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('lab-heading');
}

const valueNow = (page: Page) => page.locator(sel('lab-progress')).getAttribute('aria-valuenow').then(Number);

describe('counterfactual lab', () => {
  test('runs 200 games of 2001 in Web Workers, with the Node lab’s figures, and downloads CSV and JSON', async () => {
    const g = await openGame(browser, server.url);
    const { page } = g;
    await openLabFromTitle(page);
    expect(await page.locator(sel('lab-scenario')).inputValue()).toBe('whole-enchilada-2001');
    await typeInto(page, 'lab-runs', '200');
    await typeInto(page, 'lab-seed', '11');
    const t0 = Date.now();
    await press(page, 'lab-run');
    await page.waitForSelector(`${sel('lab-progress')}[role="progressbar"]`);
    expect(await page.locator(sel('lab-progress')).getAttribute('aria-valuemax')).toBe('200');
    // The focus is on Cancel while the batch runs.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lab-cancel');
    await page.waitForSelector(sel('lab-results'), { timeout: 110_000 });
    const wallMs = Date.now() - t0;
    const meta = await page.locator(sel('lab-results-meta')).textContent();
    trace(`lab: 200 games in ${wallMs} ms (${meta})`);
    console.log(`browser lab, 200 games of whole-enchilada-2001: ${(wallMs / 1000).toFixed(1)} s wall (${meta})`);
    expect(meta).toMatch(/^200 games per arm, seeds 11 to 210, in [\d.]+ s on \d+ workers\.$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lab-results-heading');
    expect(await page.locator('#announcer').textContent()).toContain('Finished: 200 games');

    // The same seeds in Node give the same figures.
    const scenario = getScenario('whole-enchilada-2001')!;
    const config: ArmConfig = { scenarioId: scenario.id, runs: 200, seed: 11, ai: { us: 'pragmatic', mx: 'pragmatic' }, difficulty: 'normal', overrides: {}, history: false };
    const expected = labReport(scenario, [{ label: 'A', config }], [runRange(scenario, config, 0, 200)]);
    const summary = await page.locator(`${sel('lab-summary')} tbody tr`).allTextContents();
    expect(summary).toHaveLength(4);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    expect(summary[0]).toContain(pct(expected.arms[0]!.summary.agreementRate.value));
    expect(summary[1]).toContain(pct(expected.arms[0]!.summary.ratifiedRate.value));
    for (const issue of scenario.issues) expect(await page.locator(`${sel(`lab-issue-table-${issue.id}`)} tbody tr`).count()).toBe(issue.options.length);
    expect(await page.locator(`${sel('lab-rounds-table')} tbody tr`).count()).toBe(scenario.calendar.length);
    // Chart.js drew every chart (rates, one per issue, agreement over time).
    await page.waitForFunction((n) => [...document.querySelectorAll('.lab-results canvas')].filter((c) => (c as HTMLCanvasElement).width > 0).length === n, 2 + scenario.issues.length);
    expect(await page.locator('.lab-results .chart-status').allTextContents()).toEqual(Array(2 + scenario.issues.length).fill(''));

    const [csv] = await Promise.all([page.waitForEvent('download'), press(page, 'lab-export-csv')]);
    expect(csv.suggestedFilename()).toBe('binational-lab-whole-enchilada-2001-seed11-200.csv');
    expect(readFileSync((await csv.path())!, 'utf8')).toBe(reportCsv(expected));
    const [json] = await Promise.all([page.waitForEvent('download'), press(page, 'lab-export-json')]);
    expect(json.suggestedFilename()).toBe('binational-lab-whole-enchilada-2001-seed11-200.json');
    expect(readFileSync((await json.path())!, 'utf8')).toBe(reportJson(expected));

    const v = await seriousViolations(page);
    expect(v, describeViolations('lab results', v)).toEqual([]);
    await screenshot(page, 'lab-results');
    expect(g.errors).toEqual([]);
    await g.close();
  });

  test('refuses a bad run count before anything runs, then starts 10,000 games and cancels them at once', async () => {
    const g = await openGame(browser, server.url);
    const { page } = g;
    await openLabFromTitle(page);
    await typeInto(page, 'lab-runs', '10001');
    await press(page, 'lab-run');
    await page.waitForSelector(sel('lab-errors'));
    expect(await page.locator(sel('lab-errors')).textContent()).toContain('Games per arm must be a whole number from 1 to 10,000.');
    expect(page.workers()).toHaveLength(0);

    await typeInto(page, 'lab-runs', '10000');
    await press(page, 'lab-run');
    await page.waitForSelector(sel('lab-progress'));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="lab-progress"]')?.getAttribute('aria-valuenow')) > 0, undefined, { timeout: 60_000 });
    expect(page.workers().length).toBeGreaterThan(0);
    const before = await valueNow(page);
    expect(before).toBeLessThan(10_000);
    // The focus is on Cancel: Enter cancels.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lab-cancel');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^Cancelled after/.test(document.querySelector('[data-testid="lab-status"]')?.textContent ?? ''));
    await expect.poll(() => page.workers().length, { timeout: 5_000 }).toBe(0);
    const stopped = await valueNow(page);
    await page.waitForTimeout(800);
    expect(await valueNow(page)).toBe(stopped);
    expect(await page.locator(sel('lab-results')).count()).toBe(0);
    expect(await page.locator(sel('lab-run')).isDisabled()).toBe(false);
    expect(await page.locator('#announcer').textContent()).toContain('Cancelled after');
    expect(g.errors).toEqual([]);
    await g.close();
  });

  test('"What if…?" on a debrief opens the lab on that game and compares it with 9/11 switched off', async () => {
    const g = await openGame(browser, server.url);
    const { page } = g;
    // A quick debrief through the app hook: a 2001 game as Mexico, walked away from at the first table.
    await page.evaluate(async () => {
      const c = window.__binational!.controller;
      await c.newGame();
      await c.start('whole-enchilada-2001', 'mx', { persona: 'pragmatic', difficulty: 'normal' }, 4242);
      c.ready();
      for (let i = 0; i < 400 && c.getState().screen !== 'table'; i++) {
        if (c.getState().screen === 'interlude') c.ack();
        await new Promise((r) => setTimeout(r, 10));
      }
      c.act({ type: 'walkAway', seat: 'mx' });
    });
    await waitForScreen(page, 'debrief');
    await page.waitForSelector(sel('what-if'));
    await press(page, 'what-if');
    await waitForScreen(page, 'lab');
    await page.waitForSelector(sel('lab-from-game'));
    expect(await page.locator(sel('lab-seed')).inputValue()).toBe('4242');
    expect(await page.locator(sel('lab-ai-us')).inputValue()).toBe('pragmatic');
    expect(await page.locator(sel('lab-ai-mx')).inputValue()).toBe('castaneda-whole-enchilada');
    expect(await page.locator(sel('lab-compare')).isChecked()).toBe(true);
    expect(await page.locator(sel('lab-0-september-11-on')).isChecked()).toBe(false);
    expect(await page.locator(sel('lab-1-september-11-on')).isChecked()).toBe(true);
    await typeInto(page, 'lab-runs', '40');
    await press(page, 'lab-run');
    await page.waitForSelector(sel('lab-results'), { timeout: 110_000 });
    const head = await page.locator(`${sel('lab-summary')} thead th`).allTextContents();
    expect(head).toEqual(['Measure', 'Arm A', 'Arm B', 'B − A']);
    expect(await page.locator('.lab-settings').textContent()).toContain('switched off');
    const v = await seriousViolations(page);
    expect(v, describeViolations('lab what-if', v)).toEqual([]);
    // Back to the same debrief.
    await press(page, 'lab-back');
    expect((await waitForScreen(page, 'debrief')).screen).toBe('debrief');
    expect((await appState(page)).labPreset).toBeNull();
    expect(g.errors).toEqual([]);
    await g.close();
  });
});
