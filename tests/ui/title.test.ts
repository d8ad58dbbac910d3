// The title and scenario-select screens: settings, language, continue, and the way to the briefing.
import { describe, expect, it } from 'vitest';
import { byTestId, check, click, heading, MemoryStore, mount } from './helpers';

describe('title screen', () => {
  it('shows the game, with continue disabled when nothing is saved, and focuses its heading', async () => {
    await mount();
    expect(heading()).toBe('Binational');
    expect(document.activeElement?.id).toBe('title-heading');
    expect(byTestId<HTMLButtonElement>('continue-saved').disabled).toBe(true);
    expect(byTestId<HTMLButtonElement>('new-game').disabled).toBe(false);
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches the language and keeps <html lang> in step', async () => {
    const m = await mount();
    byTestId('lang-toggle').focus();
    click('lang-toggle');
    expect(m.controller.getState().settings.lang).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(heading()).toBe('Binacional');
    expect(byTestId('new-game').textContent).toBe('Nueva partida');
    expect(byTestId('lang-toggle').textContent).toBe('English');
    // Focus stays on the toggle that was pressed.
    expect(document.activeElement).toBe(byTestId('lang-toggle'));
    click('lang-toggle');
    expect(document.documentElement.lang).toBe('en');
  });

  it('turns sound on and sets the volume', async () => {
    const m = await mount();
    const volume = byTestId<HTMLInputElement>('volume');
    expect(volume.disabled).toBe(true);
    click('sound-toggle');
    expect(m.controller.getState().settings.sound).toBe(true);
    expect(byTestId('sound-toggle').getAttribute('aria-pressed')).toBe('true');
    const v = byTestId<HTMLInputElement>('volume');
    v.value = '30';
    v.dispatchEvent(new Event('change'));
    expect(m.controller.getState().settings.volume).toBeCloseTo(0.3);
  });

  it('enables continue when a save exists', async () => {
    const store = new MemoryStore();
    const first = await mount(store);
    first.controller.start('zacatecas-1995', 'us', { persona: 'pragmatic', difficulty: 'normal' }, 3);
    first.controller.ready();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.saved).not.toBeNull();
    await mount(store);
    expect(byTestId<HTMLButtonElement>('continue-saved').disabled).toBe(false);
  });
});

describe('scenario select', () => {
  it('lists three scenarios with era, dates, summary and sources, and starts the chosen one', async () => {
    const m = await mount();
    click('new-game');
    expect(document.activeElement?.id).toBe('select-heading');
    const cards = document.querySelectorAll('.scenario-card');
    expect(cards).toHaveLength(3);
    expect(cards[0]!.textContent).toContain('1942');
    expect(cards[0]!.querySelector('.scenario-card-sources li')).not.toBeNull();
    check('scenario-zacatecas-1995');
    expect(m.root.dataset.era).toBe('1995');
    check('seat-mx');
    // The AI plays the US: its historical persona is offered next to the generic styles.
    const personas = [...byTestId<HTMLSelectElement>('persona').options].map((o) => o.value);
    expect(personas).toContain('clinton-administration');
    const persona = byTestId<HTMLSelectElement>('persona');
    persona.value = 'tough';
    persona.dispatchEvent(new Event('change'));
    const difficulty = byTestId<HTMLSelectElement>('difficulty');
    difficulty.value = 'hard';
    difficulty.dispatchEvent(new Event('change'));
    click('start');
    const s = m.controller.getState();
    expect(s.screen).toBe('briefing');
    expect(s.scenarioId).toBe('zacatecas-1995');
    expect(s.seat).toBe('mx');
    expect(s.opponent).toEqual({ persona: 'tough', difficulty: 'hard' });
    expect(document.activeElement?.id).toBe('briefing-heading');
  });
});
