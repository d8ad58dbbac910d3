// "Replay from a round…" on the debrief, in jsdom on a real controller: only valid choices are offered
// (rounds the game reached, shocks still to come, later rounds to move them to), a move left in the past
// is refused with the engine's reason next to its field, and Play it / Watch the AIs / Run many in the Lab
// start the replay from the right round with the shock gone, saying so in the transcript and the debrief.
import { describe, expect, it, vi } from 'vitest';
import { announced, byTestId, check, click, heading, maybeTestId, type Mounted, mount, toTable } from './helpers';

const choose = (id: string, value: string) => {
  const el = byTestId<HTMLSelectElement>(id);
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
};
const options = (id: string) => [...byTestId<HTMLSelectElement>(id).options].map((o) => o.value);
const shockRows = () => [...byTestId('fork-shocks').querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-shock'));
const round911 = (m: Mounted) => m.controller.getState().view!.fired.find((f) => f.id === 'september-11')?.round;

/**
 * A finished 2001 game that reached 11 September, through the overlay: walked away from at the first
 * table, then replayed from round 1 with the AIs playing both sides (the panel's own Watch button).
 */
async function debriefPast911(): Promise<Mounted> {
  for (let seed = 1; seed < 60; seed++) {
    const m = await mount();
    const now = vi.spyOn(Date, 'now').mockReturnValue(seed);
    await toTable(m, 'whole-enchilada-2001', 'mx');
    now.mockRestore();
    click('walk-away');
    click('walk-yes');
    expect(m.controller.getState().screen).toBe('debrief');
    // The game ended in round 1: that is the only round to replay from.
    expect(options('fork-round')).toEqual(['0']);
    click('fork-watch');
    expect(m.controller.getState().screen).toBe('debrief');
    if (round911(m) !== undefined) return m;
  }
  throw new Error('no watched game reached 11 September');
}

describe('replaying a finished game from a round', () => {
  it('offers the rounds the game reached and, from the chosen round, only the shocks still to come and later rounds', async () => {
    const m = await debriefPast911();
    const s = m.controller.getState();
    const r = round911(m)!;
    expect(heading()).toContain('Debrief');
    // A watched replay says it is one.
    expect(byTestId('fork-note').textContent).toContain('replayed from round 1');
    expect(options('fork-round')).toEqual(Array.from({ length: s.view!.round + 1 }, (_, i) => String(i)));
    // It opens on the round of the most consequential shock: 11 September.
    expect(byTestId<HTMLSelectElement>('fork-round').value).toBe(String(r));
    const fired = s.view!.fired;
    for (const f of fired.filter((f) => f.round < r)) expect(shockRows()).not.toContain(f.id);
    expect(shockRows()).toContain('september-11');
    expect(shockRows()).toContain('fox-quick-solidarity'); // from the pool
    expect(byTestId('fork-fox-quick-solidarity-on').parentElement!.textContent).toContain('Add');
    expect(byTestId('fork-september-11-on').parentElement!.textContent).toContain('Switch off');
    expect(options('fork-september-11-move').slice(1)).toEqual(s.view!.scenario.calendar.slice(r).map((c) => c.id));
    // A shock that already happened before the chosen round is not offered at all.
    choose('fork-round', String(r + 1 <= s.view!.round ? r + 1 : r));
    if (r + 1 <= s.view!.round) expect(shockRows()).not.toContain('september-11');
  });

  it('refuses a move left in the past by a later replay round, with the engine’s reason next to the field', async () => {
    const m = await debriefPast911();
    const r = round911(m)!;
    const before = m.controller.currentSave()!.envelope;
    choose('fork-round', String(r - 1));
    choose('fork-september-11-move', m.controller.getState().view!.scenario.calendar[r - 1]!.id);
    expect(byTestId('fork-changes').textContent).toContain('moved Terror attacks on New York and Washington');
    choose('fork-round', String(r));
    // The earlier choice stays visible…
    expect(byTestId<HTMLSelectElement>('fork-september-11-move').value).toBe(m.controller.getState().view!.scenario.calendar[r - 1]!.id);
    click('fork-play');
    // …and the engine refuses it: nothing changed, the reason is next to the field and in the summary.
    expect(m.controller.getState().screen).toBe('debrief');
    expect(m.controller.currentSave()!.envelope).toEqual(before);
    const field = byTestId('fork-september-11-move');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById('fork-september-11-move-error')!.textContent!;
    expect(message).toContain('is before the round you replay from');
    expect(field.getAttribute('aria-describedby')).toContain('fork-september-11-move-error');
    expect(byTestId('fork-errors').textContent).toContain(message);
    expect(document.activeElement?.id).toBe('fork-errors');
    expect(announced(m.announcer)).toContain('This replay cannot start');
    // Putting it back as scheduled clears the message.
    choose('fork-september-11-move', '');
    expect(document.getElementById('fork-september-11-move-error')).toBeNull();
  });

  it('Play it: the same seat and AI from the round of 11 September, without the attack, saying so; its debrief says it is a replay', async () => {
    const m = await debriefPast911();
    const r = round911(m)!;
    const parent = m.controller.getState();
    check('fork-september-11-on');
    expect(byTestId('fork-changes').textContent).toBe('Your changes: switched off Terror attacks on New York and Washington.');
    click('fork-play');
    const s = m.controller.getState();
    expect(s.screen).toBe('interlude');
    expect(s.view!.round).toBe(r);
    expect(s.view!.side).toBe('mx');
    expect(s.opponent).toEqual(parent.opponent);
    expect(s.news.map((n) => n.id)).not.toContain('september-11');
    expect(maybeTestId('shock-september-11')).toBeNull();
    const line = `Replayed from round ${r + 1} (11 September 2001) with: switched off Terror attacks on New York and Washington.`;
    expect(byTestId('interlude-fork').textContent).toBe(line);
    expect(announced(m.announcer)).toContain(line);
    while (m.controller.getState().screen === 'interlude') click('continue');
    expect(m.controller.getState().screen).toBe('table');
    const transcript = byTestId('transcript');
    // This game was replayed twice (from round 1 by the AIs, then from the round of 11 September): both say so.
    const forkItems = [...document.querySelectorAll('[data-testid="transcript-fork"]')];
    expect(forkItems).toHaveLength(2);
    const forkItem = forkItems[1]!;
    expect(forkItem.textContent).toBe(line);
    // Where the replay begins: right before the news of that round.
    expect(forkItem.nextElementSibling?.textContent).toContain(`Round ${r + 1}`);
    expect(transcript.textContent).not.toContain('News: Terror attacks on New York and Washington');
    expect(transcript.textContent).toContain('News: The US economy slows');
    click('lang-toggle');
    expect(document.querySelectorAll('[data-testid="transcript-fork"]')[1]!.textContent).toBe(`Repetida desde la ronda ${r + 1} (11 de septiembre de 2001) con: desactivadas Atentados terroristas en Nueva York y Washington.`);
    click('lang-toggle');
    click('walk-away');
    click('walk-yes');
    expect(m.controller.getState().screen).toBe('debrief');
    expect(byTestId('fork-note').textContent).toContain(`replayed from round ${r + 1} (11 September 2001) of an earlier game, on the same seed, with: switched off Terror attacks`);
  });

  it('Watch the AIs play it runs the replay to its debrief; Run many in the Lab opens the lab with the changes', async () => {
    const m = await debriefPast911();
    const r = round911(m)!;
    check('fork-september-11-on');
    click('fork-watch');
    const s = m.controller.getState();
    expect(s.screen).toBe('debrief');
    expect(s.view!.outcome).not.toBeNull();
    expect(s.view!.fired.map((f) => f.id)).not.toContain('september-11');
    expect(s.forks.at(-1)).toMatchObject({ round: r, overrides: { disable: ['september-11'] } });
    expect(byTestId('fork-note').textContent).toContain(`round ${r + 1}`);
    // The lab, on this game with one more change.
    choose('fork-round', String(s.view!.round));
    if (maybeTestId('fork-midterms-2002-on')) {
      check('fork-midterms-2002-on');
      click('fork-lab');
      expect(m.controller.getState().screen).toBe('lab');
      expect(m.controller.getState().labPreset!.overrides.disable).toEqual(['september-11', 'midterms-2002']);
    } else {
      click('fork-lab');
      expect(m.controller.getState().labPreset!.overrides.disable).toEqual(['september-11']);
    }
  });
});
