// A whole game through the overlay, from the title to the debrief, playing by clicks only: accept what
// is offered, propose back what the other side last asked, finish each domestic phase. The debrief must
// show both secret briefs, the utility-space table (the chart's alternative) and history with sources.
import { describe, expect, it, vi } from 'vitest';
import type { Screen } from '../../src/app/app-types';
import { byTestId, charts, click, flush, heading, maybeTestId, mount, toTable } from './helpers';

/** Plays by clicks: rejects offers before round `acceptFrom` (lobbying at home), then accepts them. */
async function playToDebrief(seed: number, scenario: string, seat: 'us' | 'mx', acceptFrom = 0) {
  const m = await mount();
  const now = vi.spyOn(Date, 'now').mockReturnValue(seed);
  await toTable(m, scenario, seat);
  now.mockRestore();
  const seen = new Set<Screen>();
  let lobbied = -1;
  for (let step = 0; step < 400 && m.controller.getState().screen !== 'debrief'; step++) {
    const s = m.controller.getState();
    seen.add(s.screen);
    if (s.screen === 'interlude' || s.screen === 'signing' || s.screen === 'ratification') click('continue');
    else if (maybeTestId('accept-all') && s.view!.round >= acceptFrom) click('accept-all');
    else if (maybeTestId('reject')) click('reject');
    else if (maybeTestId('propose')) {
      if (maybeTestId('fill-theirs')) click('fill-theirs');
      else click('fill-best');
      click('propose');
      if (m.controller.getState().lastError) {
        click('fill-best');
        click('propose');
      }
    } else if (maybeTestId('pass')) {
      if (s.view!.round < acceptFrom && lobbied < s.view!.round && s.view!.own!.capital > 0) {
        lobbied = s.view!.round;
        click('lobby');
        expect(m.controller.getState().lastError).toBeNull();
      } else click('pass');
    }
    else throw new Error(`stuck on ${s.screen}: ${byTestId('status').textContent}`);
  }
  return { m, seen };
}

describe('a full game through the overlay', () => {
  it('plays Bracero 1942 as the US to a signed, voted agreement and a complete debrief', async () => {
    const { m, seen } = await playToDebrief(7, 'bracero-1942', 'us');
    const s = m.controller.getState();
    expect(s.screen).toBe('debrief');
    expect(seen.has('table')).toBe(true);
    expect(heading()).toContain('Debrief');
    expect(document.activeElement?.id).toBe('debrief-heading');
    const view = s.view!;
    // Both secret briefs side by side.
    for (const side of ['us', 'mx'] as const) {
      const col = byTestId(`brief-${side}`);
      for (const c of view.reveal!.briefs[side].constituencies) expect(col.textContent).toContain(c.name.en);
    }
    // The utility-space data table is always there; the chart was drawn from the lazily loaded library.
    const table = byTestId<HTMLTableElement>('space-table');
    expect(table.querySelector('caption')?.textContent).toContain('utility space');
    expect(table.tBodies[0]!.rows.length).toBeGreaterThanOrEqual(2);
    await flush();
    expect(charts.length).toBeGreaterThan(0);
    // What really happened, issue by issue, with sources.
    const history = byTestId<HTMLTableElement>('history-table');
    expect(history.tBodies[0]!.rows).toHaveLength(view.scenario.issues.length);
    expect(history.querySelector('cite')?.textContent).toMatch(/\(\d{4}\)/);
    expect(byTestId('scores').textContent).toContain('/ 100');
    if (s.view!.outcome!.agreement) {
      expect(seen.has('signing')).toBe(true);
      expect(seen.has('ratification')).toBe(true);
      expect(byTestId('vote-us')).not.toBeNull();
    }
    // Back to the title, and the game can be continued from the autosave.
    click('to-title');
    expect(heading()).toBe('Binational');
  });

  it('plays Zacatecas 1995 as Mexico over several rounds (rejecting, lobbying), then to the debrief in Spanish', async () => {
    const { m, seen } = await playToDebrief(3, 'zacatecas-1995', 'mx', 3);
    const outcome = m.controller.getState().view!.outcome!;
    expect(seen.has('interlude')).toBe(true);
    expect(outcome.round).toBeGreaterThan(0);
    if (outcome.agreement) {
      expect(seen.has('signing')).toBe(true);
      expect(seen.has('ratification')).toBe(true);
    }
    expect(byTestId('outcome').textContent!.length).toBeGreaterThan(10);
    // Spanish debrief on demand, same game.
    click('lang-toggle');
    expect(heading()).toContain('Balance final');
    expect(byTestId('brief-us').textContent).toContain('Estados Unidos');
  });
});
