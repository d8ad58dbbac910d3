// A scenario file that fails validation: the player who opens the scenario list gets the error screen,
// which names the file, the path and the rule broken — never a blank page — and offers a reload.
// The built-in Bracero file is replaced here by a copy whose first issue has only two options.
import { describe, expect, it, vi } from 'vitest';
import { byTestId, click, heading, mount } from './helpers';

vi.mock('../../scenarios/bracero-1942.json', async (importOriginal) => {
  const real = (await importOriginal<{ default: { issues: { options: unknown[] }[] } }>()).default;
  const broken = structuredClone(real);
  broken.issues[0]!.options = broken.issues[0]!.options.slice(0, 2);
  return { default: broken };
});

describe('a scenario that fails validation', () => {
  it('shows the error screen naming the problem when the game is loaded', async () => {
    const m = await mount(undefined, { lazy: true });
    expect(heading()).toBe('Binational');
    click('new-game');
    for (let i = 0; i < 400 && m.controller.getState().screen !== 'error'; i++) await new Promise((r) => setTimeout(r, 10));
    const s = m.controller.getState();
    expect(s.screen).toBe('error');
    expect(s.failure?.title).toBe('scenario-invalid');
    expect(heading()).toBe('Binational cannot go on');
    expect(document.querySelector('main [role=alert]')?.textContent).toBe('A scenario file failed validation.');
    const details = byTestId('error-details').textContent ?? '';
    expect(details).toContain('scenarios/bracero-1942.json');
    expect(details).toContain('issues[0].options: an issue is a scale of 3 to 5 options');
    // Nothing to go back to: the way out is a reload (after the file is fixed).
    expect(document.getElementById('error-reload')?.textContent).toBe('Reload the page');
    expect(document.activeElement?.id).toBe('error-heading');
    // No game can start from it.
    await m.controller.start('bracero-1942', 'us', { persona: 'pragmatic', difficulty: 'normal' }, 1);
    expect(m.controller.getState().screen).toBe('error');
    expect(m.controller.getState().view).toBeNull();
  });
});
