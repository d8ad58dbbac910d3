// The title screen works without the game: the scenarios, the engine, the flow, the AI and the game's
// screens are loaded (dynamic imports) when the player opens the scenario list, continues or imports a
// save. Meanwhile the overlay says it is loading; then the focus moves to the new screen's heading.
import { describe, expect, it } from 'vitest';
import * as screens from '../../src/ui/game-screens';
import type { GameScreens } from '../../src/ui/mount';
import { byTestId, check, click, heading, mount } from './helpers';

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('loading the game on demand', () => {
  it('opens the scenario list after loading, then plays on as usual', async () => {
    const m = await mount(undefined, { lazy: true });
    expect(heading()).toBe('Binational');
    expect(m.controller.getState().catalogue).toEqual([]);
    click('new-game');
    // The title's button was pressed: either the loading notice or, once loaded, the list.
    await until(() => document.querySelector('[data-testid="start"]') !== null, 'the scenario list');
    expect(heading()).toBe('Choose a negotiation');
    expect(document.activeElement?.id).toBe('select-heading');
    expect(m.controller.getState().catalogue).toHaveLength(3);
    check('scenario-bracero-1942');
    check('seat-mx');
    click('start');
    await until(() => m.controller.getState().screen === 'briefing', 'the briefing');
    await until(() => document.querySelector('[data-testid="ready"]') !== null, 'the briefing screen');
    expect(m.controller.getState().view?.side).toBe('mx');
  });

  it('says it is loading while the game screens are on their way, and tells the player if they fail', async () => {
    let arrive: (() => void) | null = null;
    let fail = false;
    const m = await mount(undefined, {
      lazy: true,
      screens: () =>
        new Promise<GameScreens>((done, reject) => {
          arrive = () => (fail ? reject(new TypeError('Failed to fetch dynamically imported module')) : done(screens));
        }),
    });
    fail = true;
    click('new-game');
    await until(() => m.controller.getState().screen === 'select', 'the controller on the scenario list');
    expect(heading()).toBe('Loading…');
    expect(document.querySelector('main [aria-busy="true"]')).not.toBeNull();
    expect(document.activeElement?.id).toBe('loading-heading');
    arrive!();
    await until(() => document.querySelector('[data-testid="notice"]') !== null, 'the notice');
    expect(byTestId('notice').textContent).toContain('The game could not be loaded');
    // The next draw asks again; this time the screens arrive and take the focus.
    fail = false;
    click('lang-toggle');
    click('lang-toggle');
    await until(() => arrive !== null, 'a second request');
    arrive!();
    await until(() => document.querySelector('[data-testid="start"]') !== null, 'the scenario list');
    expect(document.querySelector('main [aria-busy="true"]')).toBeNull();
    expect(document.activeElement?.id).toBe('select-heading');
  });
});
