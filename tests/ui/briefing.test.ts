// The briefing shows the player's own secret brief, and nothing of the other side's.
import { describe, expect, it } from 'vitest';
import { byTestId, click, heading, mount } from './helpers';

describe('briefing', () => {
  it('shows priorities, reservation value, constituencies, ratification rules, the calendar and the opponent', async () => {
    const m = await mount();
    m.controller.start('whole-enchilada-2001', 'us', { persona: 'castaneda-whole-enchilada', difficulty: 'normal' }, 4);
    expect(heading()).toBe('Your secret brief: United States');
    const text = document.querySelector('main')!.textContent!;
    const view = m.controller.getState().view!;
    expect(byTestId('reservation').textContent).toContain(String(Math.round(view.own!.reservation * 100)));
    for (const c of view.brief!.constituencies) expect(text).toContain(c.name.en);
    expect(text).toContain('executive agreement');
    expect(text).toContain('legislation');
    expect(text).toContain('Announced: ');
    expect(text).toContain('Castañeda');
    // The other delegation's constituencies are secret until the debrief.
    expect(text).not.toContain('PRD');
    click('ready');
    expect(m.controller.getState().screen).toBe('interlude');
  });
});
