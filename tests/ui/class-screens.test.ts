// The game's own screens (briefing, news, signing, vote, debrief) for a student at a class's table: who sits
// across (students by name and role, or the AI), the student's role; an adviser sees whom the table waits
// for instead of a button only the lead may press; the debrief leaves the class instead of going to the
// title, and offers no export, replay or lab that a class's game cannot give. Solo play keeps its screens.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine';
import { freshGame, play, updateFor } from '../net/fake-net';
import { type SeatAt as Seat, seatedAt, settle } from './classroom-helpers';
import { byTestId, click, heading, maybeTestId, mount } from './helpers';


type Mounted = Awaited<ReturnType<typeof seatedAt>>;

async function show(m: Mounted, state: GameState, seat: Seat, over: Parameters<typeof updateFor>[2], first = true) {
  m.net.table0.events.update(updateFor(state, seat, over), first);
  await settle();
}

/** A whole table of students: Ana (the student on screen) wherever she sits, and three classmates. */
function tableOf(me: Seat) {
  const all = [
    { name: 'Bea <b>', seat: 'mx.lead', connected: true },
    { name: 'Ana', seat: 'mx.adviser', connected: true },
    { name: 'Carl', seat: 'us.lead', connected: true },
    { name: 'Dee', seat: 'us.adviser', connected: false },
  ];
  return all.map((t) => (t.seat === me ? { ...t, name: 'Ana' } : t.name === 'Ana' ? { ...t, name: 'Eli' } : t));
}

const ended = (): GameState => play(freshGame(), { type: 'walkAway', seat: 'mx' }).state;
const text = (id: string) => byTestId(id).textContent ?? '';

describe('the briefing at a class’s table', () => {
  it('names the students across the table by role (the AI standing in for one away), and the student’s own role', async () => {
    const m = await seatedAt('mx.adviser');
    await show(m, freshGame(), 'mx.adviser', { screen: 'briefing', tablemates: tableOf('mx.adviser'), aiSeats: ['us.adviser'] });
    expect(heading()).toBe('Your secret brief: Mexico');
    const across = byTestId('across');
    expect(across.tagName).toBe('UL');
    const rows = [...across.querySelectorAll('li')].map((li) => li.textContent);
    expect(rows).toEqual(['Carl — lead negotiator', 'Dee — domestic adviser (not connected; the AI plays until they are back)']);
    expect(document.querySelector('main')!.textContent).not.toContain('played by the AI: ');
    expect(text('brief-role')).toBe('Your role: domestic adviser.');
    expect(text('brief-role-help')).toContain('Your lead negotiator proposes and answers at the table');
    // The student's own delegation, names as text (never markup).
    expect(text('brief-delegation')).toBe('Bea <b> — lead negotiator');
    expect(byTestId('brief-delegation').querySelector('b')).toBeNull();
  });

  it('says the AI plays the other delegation when no student sits there; a lead’s role says what a lead does', async () => {
    const m = await seatedAt('mx.lead');
    await show(m, freshGame(), 'mx.lead', { screen: 'briefing', tablemates: [{ name: 'Ana', seat: 'mx.lead', connected: true }], aiSeats: ['us.lead'] });
    expect(text('across')).toBe('The United States delegation is played by the AI.');
    expect(text('brief-role')).toBe('Your role: lead negotiator.');
    expect(text('brief-role-help')).toContain('As lead negotiator you propose, accept, counter and reject');
    expect(text('brief-delegation')).toBe('Nobody else sits for your delegation at this table.');
  });

  it('a lead keeps the button, and is told once a delegation is ready', async () => {
    const m = await seatedAt('mx.lead');
    await show(m, freshGame(), 'mx.lead', { screen: 'briefing', tablemates: tableOf('mx.lead'), readySides: [] });
    expect(maybeTestId('go-on-status')).toBeNull();
    click('ready');
    expect(m.net.table0.readies).toBe(1);
    await show(m, freshGame(), 'mx.lead', { screen: 'briefing', tablemates: tableOf('mx.lead'), readySides: ['mx'] }, false);
    expect(byTestId('ready')).toBeTruthy();
    expect(text('go-on-status')).toBe('Your delegation is ready; waiting for the United States delegation.');
    await show(m, freshGame(), 'mx.lead', { screen: 'briefing', tablemates: tableOf('mx.lead'), readySides: ['us'] }, false);
    expect(text('go-on-status')).toBe('The United States delegation is ready.');
  });
});

describe('an adviser between rounds', () => {
  it('sees whom the table waits for instead of a button, on the briefing, the news, the signing and the vote', async () => {
    const m = await seatedAt('mx.adviser');
    const mates = tableOf('mx.adviser');
    await show(m, freshGame(), 'mx.adviser', { screen: 'briefing', tablemates: mates, readySides: [] });
    expect(maybeTestId('ready')).toBeNull();
    expect(text('go-on-status')).toBe('Waiting for your lead negotiator: they say when your delegation goes on.');
    expect(byTestId('go-on-status').getAttribute('role')).toBe('status');
    await show(m, freshGame(), 'mx.adviser', { screen: 'briefing', tablemates: mates, readySides: ['us'] }, false);
    expect(text('go-on-status')).toBe('Waiting for your lead negotiator: they say when your delegation goes on. The United States delegation is ready.');
    for (const screen of ['interlude', 'signing', 'ratification'] as const) {
      await show(m, freshGame(), 'mx.adviser', { screen, tablemates: mates, readySides: ['mx'] }, false);
      expect(m.controller.getState().screen).toBe(screen);
      expect(maybeTestId('continue')).toBeNull();
      expect(text('go-on-status')).toBe('Your lead negotiator is ready; waiting for the United States delegation.');
    }
    // Nothing an adviser can press here reaches the table.
    expect(m.net.table0.readies + m.net.table0.acks).toBe(0);
  });

  it('whose lead the AI plays is told the table waits for the other delegation; in Spanish too', async () => {
    const m = await seatedAt('mx.adviser');
    const mates = tableOf('mx.adviser').map((t) => (t.seat === 'mx.lead' ? { ...t, connected: false } : t));
    await show(m, freshGame(), 'mx.adviser', { screen: 'interlude', tablemates: mates, aiSeats: ['mx.lead'], readySides: [] });
    expect(text('go-on-status')).toBe('The AI plays your lead negotiator’s seat: the table goes on when the United States delegation is ready.');
    m.controller.setSettings({ lang: 'es' });
    await settle();
    expect(text('go-on-status')).toBe('La IA juega el puesto de su negociador principal: la mesa sigue cuando la delegación de Estados Unidos esté lista.');
  });

  it('a lead acknowledges the news with the button as in solo play', async () => {
    const m = await seatedAt('mx.lead');
    await show(m, freshGame(), 'mx.lead', { screen: 'interlude', tablemates: tableOf('mx.lead') });
    click('continue');
    expect(m.net.table0.acks).toBe(1);
  });
});

describe('the debrief at a class’s table', () => {
  it('offers leaving the class, and no export, replay or lab (the class’s game is not the browser’s)', async () => {
    const m = await seatedAt('mx.lead');
    await show(m, ended(), 'mx.lead', { screen: 'debrief', tablemates: tableOf('mx.lead') });
    expect(m.controller.getState().screen).toBe('debrief');
    expect(text('outcome')).not.toBe('');
    expect(m.controller.currentSave()).toBeNull();
    expect(maybeTestId('export-save')).toBeNull();
    expect(maybeTestId('what-if')).toBeNull();
    expect(maybeTestId('fork-round')).toBeNull();
    expect(maybeTestId('to-title')).toBeNull();
    expect(text('class-debrief-note')).toContain('class debrief');
    expect(text('leave-class')).toBe('Leave the class');
    click('leave-class');
    expect(m.net.table0.left).toBe(true);
    const s = m.controller.getState();
    expect(s.screen).toBe('title');
    expect(s.classroom.joined).toBeNull();
    expect(m.memory.loadSeat()).toBeNull();
  });
});

describe('accessibility of a student’s game screens', () => {
  async function serious(): Promise<string[]> {
    const r = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  }

  it('the adviser’s briefing and news, and the class debrief, have no serious axe violation and unique ids', async () => {
    const m = await seatedAt('mx.adviser');
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      found[name] = [...(await serious()), ...ids.filter((id, k) => ids.indexOf(id) !== k).map((id) => `duplicate id ${id}`)];
    };
    await show(m, freshGame(), 'mx.adviser', { screen: 'briefing', tablemates: tableOf('mx.adviser'), aiSeats: ['us.adviser'], readySides: ['us'] });
    await check('briefing');
    await show(m, freshGame(), 'mx.adviser', { screen: 'interlude', tablemates: tableOf('mx.adviser') }, false);
    await check('interlude');
    await show(m, ended(), 'mx.adviser', { screen: 'debrief', tablemates: tableOf('mx.adviser') }, false);
    await check('debrief');
    expect(found).toEqual({ briefing: [], interlude: [], debrief: [] });
  });
});

describe('solo play keeps its screens', () => {
  it('the briefing names the AI opponent and the debrief keeps export, what if and the title', async () => {
    const m = await mount();
    m.controller.start('whole-enchilada-2001', 'us', { persona: 'castaneda-whole-enchilada', difficulty: 'normal' }, 4);
    expect(document.querySelector('[aria-labelledby="brief-opponent"]')!.textContent).toContain('Mexico, played by the AI: ');
    expect(maybeTestId('brief-seat')).toBeNull();
    expect(maybeTestId('go-on-status')).toBeNull();
    click('ready');
    while (m.controller.getState().screen === 'interlude') {
      expect(maybeTestId('go-on-status')).toBeNull();
      click('continue');
    }
    m.controller.act({ type: 'walkAway', seat: 'us' });
    expect(m.controller.getState().screen).toBe('debrief');
    for (const id of ['export-save', 'what-if', 'to-title']) expect(byTestId(id)).toBeTruthy();
    expect(maybeTestId('leave-class')).toBeNull();
  });
});
