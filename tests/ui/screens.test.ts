// The other screens: the shock interlude in the era's style, the error screen, save export and the
// notice for a file that is not JSON; and how the AI's reasons are matched to its moves.
import { describe, expect, it, vi } from 'vitest';
import type { Rationale } from '../../src/app/controller';
import type { GameEvent } from '../../src/engine';
import { rationalesByEvent } from '../../src/ui/table/transcript';
import { announced, byTestId, click, flush, heading, maybeTestId, mount } from './helpers';

describe('shock interlude', () => {
  it('shows the news of the round in the era style, with the effects on the player side in plain words', async () => {
    const m = await mount();
    m.controller.start('bracero-1942', 'us', { persona: 'pragmatic', difficulty: 'normal' }, 2);
    click('ready');
    expect(m.controller.getState().screen).toBe('interlude');
    const news = m.controller.getState().news;
    expect(news.length).toBeGreaterThan(0);
    expect(document.querySelector('.screen-interlude')?.classList.contains('interlude-1942')).toBe(true);
    expect(m.root.dataset.era).toBe('1942');
    const article = byTestId(`shock-${news[0]!.id}`);
    expect(article.textContent).toContain(news[0]!.title.en);
    expect(article.textContent).toContain('What this changes for you');
    expect(article.querySelectorAll('.shock-effects li').length).toBe(news[0]!.effects.length);
    expect(announced(m.announcer)).toContain(`News: ${news[0]!.title.en}.`);
    expect(document.activeElement?.id).toBe('interlude-heading');
    click('continue');
    expect(m.controller.getState().screen).toBe('table');
    // The calendar strip remembers what hit.
    expect(document.querySelector('.calendar-strip .cal-news')?.textContent).toContain(news[0]!.title.en);
  });
});

describe('error screen and notices', () => {
  it('names the problem and lists file, path and rule, never a blank page', async () => {
    const m = await mount();
    (m.controller as unknown as { patch(p: object): void }).patch({
      screen: 'error',
      failure: { title: 'scenario-invalid', details: ['scenarios/bracero-1942.json: issues.0.options: an issue is a scale of 3 to 5 options'] },
    });
    expect(heading()).toBe('Binational cannot go on');
    expect(document.querySelector('main [role=alert]')?.textContent).toBe('A scenario file failed validation.');
    expect(byTestId('error-details').textContent).toContain('issues.0.options');
    expect(document.activeElement?.id).toBe('error-heading');
  });

  it('refuses a file that is not JSON from the title screen, in Spanish', async () => {
    const m = await mount();
    click('lang-toggle');
    const input = byTestId<HTMLInputElement>('import-file');
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['not json at all'], 'notes.txt')] });
    input.dispatchEvent(new Event('change'));
    await flush();
    await flush();
    expect(byTestId('notice').textContent).toContain('Este archivo no es una partida de Binacional (no es JSON); su partida sigue intacta.');
    expect(byTestId('notice').getAttribute('role')).toBe('alert');
    expect(m.controller.getState().screen).toBe('title');
  });

  it('exports the game as a downloadable save file, and opens it again', async () => {
    const m = await mount();
    m.controller.start('zacatecas-1995', 'mx', { persona: 'pragmatic', difficulty: 'easy' }, 8);
    click('ready');
    click('continue');
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:save';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: () => {} });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    click('pause');
    click('export-save');
    expect(clicked).toHaveBeenCalled();
    expect(byTestId('notice').textContent).toMatch(/binational-zacatecas-1995-mx-\d{4}-\d{2}-\d{2}\.json/);
    const text = await blobs[0]!.text();
    clicked.mockRestore();
    click('to-title');
    expect(heading()).toBe('Binational');
    const input = byTestId<HTMLInputElement>('import-file');
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], 'save.json')] });
    input.dispatchEvent(new Event('change'));
    await flush();
    await flush();
    expect(m.controller.getState().scenarioId).toBe('zacatecas-1995');
    expect(m.controller.getState().seat).toBe('mx');
    expect(maybeTestId('notice')).toBeNull();
  });
});

describe('the AI reasons in the transcript', () => {
  it('matches each visible AI move to its reason, in order and by kind, skipping its private lobbying', () => {
    const r = (index: number, type: string): Rationale => ({
      index,
      side: 'us',
      decision: { action: { type, seat: 'us' } as never, rationale: { code: 'stand', params: { ratification: index } } },
    });
    const events: GameEvent[] = [
      { type: 'roundStarted', round: 0, proposer: 'us', suspended: false },
      { type: 'proposed', side: 'us', options: {}, cards: [], kind: 'propose' },
      { type: 'rejected', side: 'mx' },
      { type: 'passed', side: 'mx' },
      { type: 'passed', side: 'us' },
    ];
    const map = rationalesByEvent(events, [r(0, 'propose'), r(2, 'lobby'), r(3, 'pass')], 'us');
    expect(map.get(1)?.index).toBe(0);
    expect(map.get(4)?.index).toBe(3);
    expect(map.has(2)).toBe(false);
    expect(map.has(3)).toBe(false);
  });
});
