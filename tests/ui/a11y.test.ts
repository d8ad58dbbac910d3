// Accessibility of every screen in jsdom: axe-core finds no serious or critical violation (colour contrast
// needs real layout and is checked in Chromium by the end-to-end suite), focus lands on each screen's
// heading, nothing sits outside the natural tab order, and every control has a name.
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { byTestId, click, heading, maybeTestId, mount, toTable } from './helpers';

async function serious(): Promise<string[]> {
  const r = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function structural(): string[] {
  const problems: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('[tabindex]')) {
    if (Number(el.getAttribute('tabindex')) > 0) problems.push(`positive tabindex on ${el.outerHTML.slice(0, 60)}`);
  }
  for (const b of document.querySelectorAll('button')) {
    if (b.getAttribute('type') !== 'button') problems.push(`button without type="button": ${b.textContent}`);
    if (!(b.textContent ?? '').trim() && !b.getAttribute('aria-label')) problems.push('button without a name');
  }
  const h1 = document.querySelectorAll('main h1');
  if (h1.length !== 1) problems.push(`${h1.length} h1 elements in main`);
  return problems;
}

describe('accessibility of each screen', () => {
  it('title, select, briefing, interlude, table, pause and debrief pass axe and keep focus on the new heading', async () => {
    const m = await mount();
    const checks: Record<string, string[]> = {};
    const check = async (name: string) => {
      expect(document.activeElement?.hasAttribute('data-screen-heading'), `${name}: focus on the heading`).toBe(true);
      checks[name] = [...(await serious()), ...structural()];
    };
    await check('title');
    click('new-game');
    await check('select');
    const now = vi.spyOn(Date, 'now').mockReturnValue(21);
    click('start');
    now.mockRestore();
    await check('briefing');
    click('ready');
    await check('interlude');
    while (m.controller.getState().screen === 'interlude') click('continue');
    await check('table');
    click('pause');
    await check('pause');
    click('resume');
    expect(heading()).toMatch(/^Round/);
    // In Spanish too.
    click('lang-toggle');
    checks['table (es)'] = [...(await serious()), ...structural()];
    click('lang-toggle');
    click('walk-away');
    checks['walk confirmation'] = [...(await serious()), ...structural()];
    click('walk-yes');
    await check('debrief');
    for (const [name, problems] of Object.entries(checks)) expect(problems, name).toEqual([]);
  });

  it('has the issue board as fieldsets with legends, one radio group per issue, and a live region for the announcer', async () => {
    const m = await mount();
    await toTable(m, 'bracero-1942', 'us');
    const view = m.controller.getState().view!;
    for (const issue of view.scenario.issues) {
      const set = byTestId(`issue-${issue.id}`);
      expect(set.querySelector('legend')).not.toBeNull();
      const names = new Set([...set.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.name));
      expect(names.size).toBe(1);
      for (const r of set.querySelectorAll<HTMLInputElement>('input[type=radio]')) expect(document.querySelector(`label[for="${r.id}"]`)).not.toBeNull();
    }
    expect(m.announcer.getAttribute('aria-live')).toBe('polite');
    expect(maybeTestId('propose') ?? maybeTestId('accept-all')).not.toBeNull();
  });
});
