// The negotiation table driven through the overlay: drafting with live evaluation, proposing, the
// transcript and the announcer, a refusal with its reason, switching language mid-game and refusing a
// corrupt save file without touching the game.
import { describe, expect, it, vi } from 'vitest';
import { announced, byTestId, check, click, flush, heading, maybeTestId, mount, toTable } from './helpers';

/** Keeps the seed the select screen draws from the clock fixed, so the game is the same every run. */
async function tableWithSeed(seed: number, scenario = 'whole-enchilada-2001', seat: 'us' | 'mx' = 'mx') {
  const m = await mount();
  const now = vi.spyOn(Date, 'now').mockReturnValue(seed);
  await toTable(m, scenario, seat);
  now.mockRestore();
  return m;
}

describe('negotiation table', () => {
  it('reaches the table by clicks: calendar, issue board as radio groups, live panel', async () => {
    const m = await tableWithSeed(11);
    expect(m.controller.getState().screen).toBe('table');
    expect(heading()).toMatch(/^Round 1 of \d+: /);
    const view = m.controller.getState().view!;
    expect(document.querySelector('.calendar-strip [aria-current="step"]')).not.toBeNull();
    for (const issue of view.scenario.issues) {
      const set = byTestId(`issue-${issue.id}`);
      expect(set.tagName).toBe('FIELDSET');
      expect(set.querySelector('legend')?.textContent).toContain(issue.name.en);
      const radios = set.querySelectorAll('input[type="radio"]');
      expect(radios.length).toBe(issue.options.length + 1);
      expect(byTestId(`option-${issue.id}-${issue.options[0]!.id}`).getAttribute('name')).toBe(`draft-${issue.id}`);
    }
    expect(byTestId('live-panel').textContent).toContain('Chance your side ratifies');
  });

  it('updates the live evaluation as the draft changes, proposes, and shows and announces the answer', async () => {
    const m = await tableWithSeed(11);
    const state = m.controller.getState();
    const view = state.view!;
    // Mexico (first mover in 2001) proposes in round 1.
    expect(maybeTestId('propose')).not.toBeNull();
    const issue = view.scenario.issues[0]!;
    check(`option-${issue.id}-${issue.options[issue.options.length - 1]!.id}`);
    const high = byTestId('draft-score').textContent;
    check(`option-${issue.id}-${issue.options[0]!.id}`);
    const low = byTestId('draft-score').textContent;
    expect(high).not.toBe(low);
    const scores = [high, low].map((t) => Number(/(\d+) \/ 100/.exec(t ?? '')![1]));
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(announced(m.announcer)).toContain('Draft worth');
    // Support bars: one per constituency, with the number written out.
    expect(byTestId('support-list').querySelectorAll('li')).toHaveLength(view.own!.constituencies.length);
    click('fill-best');
    click('propose');
    const after = m.controller.getState();
    expect(after.events.some((e) => e.type === 'proposed' && e.side === 'mx')).toBe(true);
    const transcript = byTestId('transcript').textContent!;
    expect(transcript).toContain('You propose:');
    expect(transcript).toMatch(/United States (accepts|counters|rejects|proposes)/);
    expect(announced(m.announcer)).toContain('You propose:');
    expect(announced(m.announcer)).toMatch(/United States (accepts|counters|rejects)/);
    // The AI's move has a "Why?" with its reason.
    const why = byTestId('transcript').querySelector('details.why');
    expect(why).not.toBeNull();
    expect(why!.querySelector('p')!.textContent!.length).toBeGreaterThan(10);
  });

  it('shows and announces a refused action with its reason, and the game goes on', async () => {
    const m = await tableWithSeed(11);
    click('fill-clear');
    click('propose');
    expect(m.controller.getState().lastError?.code).toBe('empty-package');
    expect(byTestId('refusal').textContent).toBe('Refused: Name at least one issue.');
    expect(announced(m.announcer)).toContain('Refused: Name at least one issue.');
    expect(m.controller.getState().screen).toBe('table');
    click('fill-best');
    click('propose');
    expect(maybeTestId('refusal')).toBeNull();
  });

  it('switches to Spanish mid-game without losing the game', async () => {
    const m = await tableWithSeed(11);
    click('fill-best');
    click('propose');
    const before = JSON.stringify(m.controller.currentSave()!.envelope);
    const round = m.controller.getState().view!.round;
    byTestId('lang-toggle').focus();
    click('lang-toggle');
    expect(document.documentElement.lang).toBe('es');
    expect(heading()).toMatch(/^Ronda \d+ de \d+: /);
    expect(byTestId('transcript').textContent).toContain('Usted propone:');
    expect(byTestId('live-panel').textContent).toContain('Probabilidad de que su lado ratifique');
    expect(JSON.stringify(m.controller.currentSave()!.envelope)).toBe(before);
    expect(m.controller.getState().view!.round).toBe(round);
    expect(document.activeElement).toBe(byTestId('lang-toggle'));
  });

  it('refuses a corrupt save file with a notice and keeps the game', async () => {
    const m = await tableWithSeed(11);
    click('fill-best');
    click('propose');
    const before = JSON.stringify(m.controller.currentSave()!.envelope);
    click('pause');
    expect(heading()).toBe('Game paused');
    click('import-save');
    const input = byTestId<HTMLInputElement>('import-file');
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['{"format":"something else"}'], 'bad.json', { type: 'application/json' })] });
    input.dispatchEvent(new Event('change'));
    await flush();
    await flush();
    expect(byTestId('notice').textContent).toContain('This file is not a Binational save; your game is untouched.');
    expect(announced(m.announcer)).toContain('your game is untouched');
    expect(JSON.stringify(m.controller.currentSave()!.envelope)).toBe(before);
    click('resume');
    expect(m.controller.getState().screen).toBe('table');
    expect(m.controller.getState().paused).toBe(false);
    click('notice-dismiss');
    expect(maybeTestId('notice')).toBeNull();
  });

  it('asks before walking away, and ends the game when confirmed', async () => {
    const m = await tableWithSeed(11);
    byTestId('walk-away').focus();
    click('walk-away');
    expect(document.activeElement?.id).toBe('walk-no');
    click('walk-no');
    expect(m.controller.getState().screen).toBe('table');
    click('walk-away');
    click('walk-yes');
    expect(m.controller.getState().screen).toBe('debrief');
    expect(byTestId('outcome').textContent).toContain('walked away');
  });
});
