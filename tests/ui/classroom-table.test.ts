// A student at a class's table in the overlay: the same table screen as solo play, from the seat's own
// projection, with the role's moves (an adviser sees that only the lead proposes and answers, and has the
// domestic controls), the tablemates and the AI's seats, moves sent for the student's own seat, the
// instructor's pause (no pause button for students), messages and refusals as text, and the connection.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine';
import { freshGame, play, updateFor } from '../net/fake-net';
import { seatedAt, settle } from './classroom-helpers';
import { announced, byTestId, check, click, heading, maybeTestId } from './helpers';


const mates = [
  { name: 'Ana', seat: 'mx.adviser', connected: true },
  { name: 'Bea <i>', seat: 'mx.lead', connected: true },
];

function show(m: Awaited<ReturnType<typeof seatedAt>>, state: GameState, seat: string, over: Parameters<typeof updateFor>[2] = {}, first = true) {
  m.net.table0.events.update(updateFor(state, seat, { tablemates: mates, aiSeats: ['us.lead'], ...over }), first);
}

describe('a student at a class’s table', () => {
  it('a lead proposes from the same table screen; the move goes out for the student’s seat', async () => {
    const m = await seatedAt('mx.lead');
    show(m, freshGame(), 'mx.lead');
    await settle();
    expect(heading()).toContain('Round 1');
    expect(maybeTestId('adviser-note')).toBeNull();
    click('fill-best');
    click('propose');
    const sent = m.net.table0.acts;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'propose', seat: 'mx.lead' });
    // The table's seat panel: the tablemates and the AI's seats.
    const panel = byTestId('class-seat');
    expect(panel.textContent).toContain('Table 3');
    expect(byTestId('class-mates').textContent).toContain('United States, lead negotiator: played by the AI');
    expect(byTestId('class-mates').querySelector('i')).toBeNull();
    // No pause for students: the toolbar shows the seat instead.
    expect(maybeTestId('pause')).toBeNull();
    expect(byTestId('class-line').textContent).toBe('Table 3 · Mexico, lead negotiator');
  });

  it('an adviser sees the lead proposes and answers, and plays the domestic phase', async () => {
    const m = await seatedAt('mx.adviser');
    const g = freshGame();
    show(m, g, 'mx.adviser');
    await settle();
    expect(byTestId('status').textContent).toBe('Your lead negotiator is preparing a proposal. Advise them with the draft; your domestic moves come at home.');
    expect(maybeTestId('propose')).toBeNull();
    expect(maybeTestId('walk-away')).toBeNull();
    expect(byTestId('adviser-note').textContent).toContain('Only your lead negotiator can propose');
    // The adviser's own "your turn" is not announced: it is the lead's.
    expect(announced(m.announcer)).not.toContain('your turn');
    const a = play(g, { type: 'propose', seat: 'mx', package: { regularisation: 'earned' } });
    const b = play(a.state, { type: 'reject', seat: 'us' });
    show(m, b.state, 'mx.adviser', {}, false);
    await settle();
    expect(byTestId('domestic-panel')).toBeTruthy();
    click('pass');
    expect(m.net.table0.acts).toEqual([{ type: 'pass', seat: 'mx.adviser' }]);
  });

  it('a refused move is shown with the game’s words; the instructor’s message as text, announced', async () => {
    const m = await seatedAt('mx.lead');
    show(m, freshGame(), 'mx.lead');
    await settle();
    m.net.table0.events.refused({ code: 'refused', seq: 1, reason: 'the game refused the move: empty-package', params: { code: 'empty-package' } });
    await settle();
    expect(byTestId('refusal').textContent).toContain('Name at least one issue.');
    const text = 'Ten minutes <script>alert(1)</script> left';
    m.net.table0.events.broadcast({ text, at: '2026-12-03T10:00:00Z' });
    await settle();
    const notice = byTestId('broadcast-notice');
    expect(notice.textContent).toContain(`Message from your instructor: ${text}`);
    expect(document.querySelector('#ui script')).toBeNull();
    expect(announced(m.announcer)).toContain(`Message from your instructor: ${text}`);
    click('broadcast-dismiss');
    expect(maybeTestId('broadcast-notice')).toBeNull();
  });

  it('on the briefing, the bar says which delegations are ready (the table goes on when both leads are)', async () => {
    const m = await seatedAt('mx.lead');
    show(m, freshGame(), 'mx.lead', { screen: 'briefing', readySides: [] });
    await settle();
    expect(maybeTestId('ready-sides')).toBeNull();
    click('ready');
    expect(m.net.table0.readies).toBe(1);
    show(m, freshGame(), 'mx.lead', { screen: 'briefing', readySides: ['mx'] }, false);
    await settle();
    expect(byTestId('ready-sides').textContent).toBe(' · ready: Mexico');
  });

  it('a table paused by the instructor shows its own pause screen, without resume or leaving the game', async () => {
    const m = await seatedAt('mx.lead');
    show(m, freshGame(), 'mx.lead', { paused: true, countdownMs: 30_000 });
    await settle();
    expect(heading()).toBe('Your instructor has paused the table');
    expect(maybeTestId('resume')).toBeNull();
    expect(maybeTestId('to-title')).toBeNull();
    expect(maybeTestId('pause')).toBeNull();
    show(m, freshGame(), 'mx.lead', { paused: false }, false);
    await settle();
    expect(heading()).toContain('Round 1');
  });

  it('says when the connection drops and comes back, and keeps the draft', async () => {
    const m = await seatedAt('mx.lead');
    const g0 = freshGame();
    const { state: g, events: played } = play(g0, { type: 'propose', seat: 'mx', package: { regularisation: 'earned' } });
    const wire = () => JSON.parse(JSON.stringify(played));
    show(m, g, 'mx.lead', { events: wire() });
    await settle();
    // A draft of the student's own: the status quo on every issue.
    click('fill-clear');
    const radios = [...document.querySelectorAll<HTMLInputElement>('.board input[type="radio"]')];
    const first = radios.find((r) => r.value !== '' && !r.disabled)!;
    check(first.id);
    const chosen = () => [...document.querySelectorAll<HTMLInputElement>('.board input[type="radio"]:checked')].map((r) => r.id);
    const before = chosen();
    expect(before).toContain(first.id);
    const events = m.controller.getState().events;
    m.net.table0.events.status('reconnecting', null);
    await settle();
    expect(byTestId('class-line').textContent).toContain('reconnecting');
    expect(announced(m.announcer)).toContain('Connection lost. Reconnecting.');
    m.net.table0.events.status('open', null);
    // A reconnect's first update carries the whole list again: the same game, so the same draft.
    show(m, g, 'mx.lead', { events: wire() }, true);
    await settle();
    expect(announced(m.announcer)).toContain('Connected again.');
    expect(events.length).toBeGreaterThan(0);
    m.controller.getState().events.forEach((e, k) => {
      expect(e).toBe(events[k]);
    });
    expect(chosen()).toEqual(before);
  });

  it('follows a move to another table and says when the class has ended', async () => {
    const m = await seatedAt('mx.lead');
    show(m, freshGame(), 'mx.lead');
    await settle();
    m.net.table0.events.moved({ tableNo: 5, seat: 'us.lead', side: 'us', role: 'lead', roomId: 'c1-t5' });
    await settle();
    expect(byTestId('notice').textContent).toContain('Your instructor moved you to another seat.');
    expect(byTestId('class-line').textContent).toContain('Table 5 · United States, lead negotiator');
    m.net.table0.events.status('closed', { code: 'closed', reason: 'the instructor ended the class' });
    await settle();
    expect(byTestId('notice').textContent).toContain('Your instructor has ended the class.');
  });
});
