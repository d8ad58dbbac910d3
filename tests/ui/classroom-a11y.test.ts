// Accessibility of the classroom screens in jsdom: axe-core finds no serious or critical violation (colour
// contrast is left to Chromium), focus lands on each screen's heading, every control has a name, nothing
// sits outside the natural tab order, and one h1 per screen.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { created, freshGame, joined, summary, updateFor } from '../net/fake-net';
import { mountClass, settle, submit, type } from './classroom-helpers';
import { click } from './helpers';

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
    const kind = b.getAttribute('type');
    if (kind !== 'button' && !(kind === 'submit' && b.form)) problems.push(`button of no explicit type: ${b.textContent}`);
    if (!(b.textContent ?? '').trim() && !b.getAttribute('aria-label')) problems.push('button without a name');
  }
  for (const f of document.querySelectorAll<HTMLElement>('main input:not([type="hidden"]), main select, main textarea')) {
    const named = (f as HTMLInputElement).labels?.length || f.getAttribute('aria-label') || f.getAttribute('aria-labelledby');
    if (!named) problems.push(`field without a label: ${f.id}`);
  }
  const h1 = document.querySelectorAll('main h1');
  if (h1.length !== 1) problems.push(`${h1.length} h1 elements in main`);
  return problems;
}

describe('accessibility of the classroom screens', () => {
  it('join (with errors), waiting room, class table, set-up (with errors) and console pass', async () => {
    const m = await mountClass();
    const checks: Record<string, string[]> = {};
    const check = async (name: string, headingFocused = true) => {
      await settle();
      if (headingFocused) expect(document.activeElement?.hasAttribute('data-screen-heading'), `${name}: focus on the heading`).toBe(true);
      checks[name] = [...(await serious()), ...structural()];
    };
    click('join-class');
    await check('join');
    submit('join-submit');
    await check('join with errors', false);
    type('join-code', 'K7M2QX9P');
    type('join-name', 'Ana');
    m.net.joinAnswer = joined();
    submit('join-submit');
    await settle();
    m.net.table0.events.welcome({ ...joined(), started: false, tablemates: [{ name: 'Luis', seat: 'us.lead', connected: true }] });
    await check('waiting');
    m.net.table0.events.update(updateFor(freshGame(), 'mx.lead', { tablemates: [{ name: 'Luis', seat: 'us.lead', connected: true }] }), true);
    await check('class table');
    m.net.table0.events.update(updateFor(freshGame(), 'mx.lead', { paused: true }), false);
    await check('class paused');
    m.controller.leaveClass();
    await settle();
    click('run-class');
    await check('set-up');
    type('setup-tables', '99');
    submit('class-create');
    await check('set-up with errors', false);
    type('setup-tables', '2');
    m.net.createAnswer = created();
    submit('class-create');
    await settle();
    m.net.console0.events.summary(summary({ status: 'started', students: [{ studentId: 's1', name: 'Ana', tableNo: 1, seat: 'us.lead', connected: true }] }));
    await check('console');
    expect(checks).toEqual({
      join: [],
      'join with errors': [],
      waiting: [],
      'class table': [],
      'class paused': [],
      'set-up': [],
      'set-up with errors': [],
      console: [],
    });
  });
});
