// The controller's classroom intents in plain Node, with a classroom client double playing the server's
// part: joining (the form's own checks, the server's refusals by field), the waiting room, a class's
// table as the game session (moves sent for the student's own seat, no pause, no solo saves), leaving,
// and the instructor's set-up, console, commands and class debrief.
import { describe, expect, it } from 'vitest';
import { PageClassMemory } from '../../src/app/classroom-memory';
import { kitWith } from '../../src/app/classroom-kit';
import { AppController } from '../../src/app/controller';
import * as kit from '../../src/app/game-session';
import { MemoryStore, SilentSound } from '../helpers/app-doubles';
import { created, FakeNet, freshGame, joined, play, refusal, updateFor } from '../net/fake-net';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const net = new FakeNet();
  const memory = new PageClassMemory();
  const store = new MemoryStore();
  const sound = new SilentSound();
  const c = new AppController(store, sound, { kit, classroom: kitWith(net), classMemory: memory });
  return { c, net, memory, store, sound };
}

describe('a student joining a class', () => {
  it('checks the form first: nothing is sent while a field breaks its rule', async () => {
    const { c, net } = setup();
    c.openJoin();
    expect(c.getState().screen).toBe('join');
    const problems = await c.joinClass('', '<b>Ana</b>');
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ['code', 'code-empty'],
      ['name', 'name-markup'],
    ]);
    expect(net.calls).toEqual([]);
  });

  it('puts the server’s refusal next to its field and keeps the form', async () => {
    const { c, net } = setup();
    c.openJoin('k7m2qx9p');
    expect(c.getState().classroom.joinCode).toBe('K7M2QX9P');
    net.joinAnswer = refusal('name-taken', 'name: another student of this class has this name');
    expect(await c.joinClass('k7m2qx9p', ' Ana ')).toEqual([]);
    expect(net.calls[0]).toEqual({ method: 'join', args: [{ code: 'K7M2QX9P', name: 'Ana' }] });
    expect(c.getState().classroom.formError).toMatchObject({ form: 'join', field: 'name', code: 'name-taken' });
    expect(c.getState().screen).toBe('join');
    net.joinAnswer = refusal('class-ended');
    await c.joinClass('K7M2QX9P', 'Ana');
    expect(c.getState().classroom.formError).toMatchObject({ field: 'code', code: 'class-ended' });
    expect(c.getState().classroom.busy).toBe(false);
  });

  it('joins: the seat is remembered, the table link opens with its token, the waiting room shows', async () => {
    const { c, net, memory } = setup();
    net.joinAnswer = joined({ lang: 'es' });
    await c.joinClass('K7M2QX9P', 'Ana');
    const s = c.getState();
    expect(s.screen).toBe('waiting');
    expect(s.classroom.joined?.seat).toBe('mx.lead');
    // The class's language.
    expect(s.settings.lang).toBe('es');
    expect(memory.loadSeat()?.token).toBe('token-0123456789abcdef');
    expect(net.table0.target).toEqual({ roomId: 'c1-t3', token: 'token-0123456789abcdef' });
    net.table0.events.welcome({ ...joined(), started: false, tablemates: [{ name: 'Luis', seat: 'us.lead', connected: true }] });
    expect(c.getState().classroom.tablemates).toEqual([{ name: 'Luis', seat: 'us.lead', connected: true }]);
    expect(c.getState().classroom.started).toBe(false);
  });

  it('goes back to a remembered seat (a reload) and forgets it on leaving, with a consented leave', async () => {
    const { c, net, memory } = setup();
    memory.saveSeat(joined());
    c.openJoin();
    expect(c.getState().classroom.resumable?.studentId).toBe('s1');
    expect(await c.resumeSeat()).toBe(true);
    expect(c.getState().screen).toBe('waiting');
    expect(net.calls).toEqual([]);
    c.leaveClass();
    expect(net.table0.left).toBe(true);
    expect(memory.loadSeat()).toBeNull();
    expect(c.getState().screen).toBe('title');
    expect(c.getState().classroom.joined).toBeNull();
  });
});

describe('a class’s table as the game session', () => {
  async function seated(seat = 'mx.lead') {
    const t = setup();
    const adviser = seat.includes('adviser');
    t.net.joinAnswer = joined({ seat, role: adviser ? 'adviser' : 'lead' });
    await t.c.joinClass('K7M2QX9P', 'Ana');
    return t;
  }

  it('shows the table’s updates like a solo session and sends moves for the student’s own seat', async () => {
    const { c, net, store } = await seated();
    const game = freshGame();
    const first = play(game, { type: 'propose', seat: game.turn!, package: { regularisation: 'earned' } });
    net.table0.events.update(updateFor(first.state, 'mx', { events: first.events, ackSeq: 0 }), true);
    const s = c.getState();
    expect(s.screen).toBe('table');
    expect(s.view?.side).toBe('mx');
    expect(s.events).toHaveLength(first.events.length);
    // The UI builds the move for its side; the session sends it for the seat.
    c.act({ type: 'reject', seat: 'mx' });
    expect(net.table0.acts).toEqual([{ type: 'reject', seat: 'mx.lead' }]);
    // Students do not pause a class's table.
    c.pause();
    expect(c.getState().paused).toBe(false);
    await flush();
    expect(store.saved).toBeNull();
    expect(c.currentSave()).toBeNull();
  });

  it('applies event deltas, and a reconnect’s full list keeps the events already shown (nothing announced twice)', async () => {
    const { c, net } = await seated();
    const g0 = freshGame();
    const a = play(g0, { type: 'propose', seat: g0.turn!, package: { regularisation: 'earned' } });
    net.table0.events.update(updateFor(a.state, 'mx', { events: a.events }), true);
    const shown = c.getState().events;
    const b = play(a.state, { type: 'reject', seat: a.state.turn! });
    net.table0.events.update(updateFor(b.state, 'mx', { from: shown.length, events: b.events }), false);
    const after = c.getState().events;
    expect(after).toHaveLength(shown.length + b.events.length);
    expect(after[0]).toBe(shown[0]);
    net.table0.events.update(updateFor(b.state, 'mx', { events: JSON.parse(JSON.stringify(after)) }), true);
    expect(c.getState().events).toHaveLength(after.length);
    for (const [k, e] of c.getState().events.entries()) expect(e).toBe(after[k]);
  });

  it('shows a refused move with the game’s own refusal code, and clears it with the next move', async () => {
    const { c, net } = await seated();
    const g = freshGame();
    net.table0.events.update(updateFor(g, 'mx'), true);
    net.table0.events.refused({ code: 'refused', seq: 1, reason: 'the game refused the move: not-your-turn', params: { code: 'not-your-turn', turn: 'us' } });
    expect(c.getState().lastError).toEqual({ code: 'not-your-turn', params: { turn: 'us' } });
    c.act({ type: 'pass', seat: 'mx' });
    expect(c.getState().lastError).toBeNull();
    net.table0.events.refused({ code: 'rate-limited', reason: 'too many' });
    expect(c.getState().notice).toEqual({ kind: 'error', text: 'classroom:refused-rate-limited' });
  });

  it('a ready/ack the table no longer needs is no error; a paused table’s refusal of one is, without the message tag', async () => {
    const { c, net } = await seated();
    net.table0.events.update(updateFor(freshGame(), 'mx'), true);
    net.table0.events.refused({ code: 'refused', reason: '"ack" is for the news', params: { code: 'not-in-play', message: 'ack' } });
    expect(c.getState().lastError).toBeNull();
    expect(c.getState().notice).toBeNull();
    net.table0.events.refused({ code: 'refused', reason: 'the table is paused', params: { code: 'paused', message: 'ready' } });
    expect(c.getState().lastError).toEqual({ code: 'paused', params: {} });
  });

  it('an adviser’s "ready" is not sent (the lead decides); a lead’s is', async () => {
    const adv = await seated('mx.adviser');
    adv.c.ready();
    expect(adv.net.table0.readies).toBe(0);
    expect(adv.c.getState().notice?.text).toBe('classroom:lead-decides');
    const lead = await seated('mx.lead');
    lead.c.ready();
    lead.c.ack();
    expect([lead.net.table0.readies, lead.net.table0.acks]).toEqual([1, 1]);
  });

  it('keeps the instructor’s messages once each, follows a move to another table, and stops when the class ends', async () => {
    const { c, net, memory } = await seated();
    net.table0.events.broadcast({ text: 'Five minutes left', at: '2026-12-03T10:00:00Z' });
    net.table0.events.broadcast({ text: 'Five minutes left', at: '2026-12-03T10:00:00Z' });
    expect(c.getState().classroom.broadcasts).toEqual([{ text: 'Five minutes left', at: '2026-12-03T10:00:00Z' }]);
    net.table0.events.moved({ tableNo: 4, seat: 'us.adviser', side: 'us', role: 'adviser', roomId: 'c1-t4' });
    expect(c.getState().classroom.joined).toMatchObject({ tableNo: 4, seat: 'us.adviser', roomId: 'c1-t4' });
    expect(memory.loadSeat()?.roomId).toBe('c1-t4');
    expect(c.getState().notice?.text).toBe('classroom:moved');
    net.table0.events.status('closed', { code: 'closed', reason: 'the instructor ended the class' });
    expect(c.getState().classroom.connection).toBe('closed');
    expect(c.getState().notice?.text).toBe('classroom:class-closed');
    expect(memory.loadSeat()).toBeNull();
  });

  it('the lab opened from a class’s game stays on screen through the table’s updates and closes back to the table', async () => {
    const { c, net } = await seated();
    const g = freshGame();
    net.table0.events.update(updateFor(g, 'mx', { screen: 'debrief' }), true);
    c.openLab(true);
    expect(c.getState().screen).toBe('lab');
    net.table0.events.update(updateFor(g, 'mx', { screen: 'debrief', tablemates: [{ name: 'Luis', seat: 'us.lead', connected: false }] }), false);
    expect(c.getState().screen).toBe('lab');
    expect(c.getState().classroom.tablemates[0]?.connected).toBe(false);
    c.closeLab();
    expect(c.getState().screen).toBe('debrief');
    expect(net.table0.left).toBe(false);
    expect(c.getState().classroom.joined).not.toBeNull();
  });

  it('a seat token the table no longer knows sends the student back to the join form, saying why', async () => {
    const { c, net, memory } = await seated();
    net.table0.events.status('closed', { code: 'bad-token', reason: 'stale' });
    expect(c.getState().screen).toBe('join');
    expect(c.getState().classroom.formError).toMatchObject({ form: 'join', code: 'bad-token' });
    expect(memory.loadSeat()).toBeNull();
  });
});

describe('the instructor', () => {
  it('creates a class: the links are kept for the console, which opens on the class', async () => {
    const { c, net, memory } = setup();
    await c.openClassSetup();
    expect(c.getState().screen).toBe('class-setup');
    net.createAnswer = refusal('unknown-scenario', 'scenarioId: no scenario "x"');
    expect(await c.createClass({ scenarioId: 'x', tables: 2, seatsPerSide: 1 })).toBe(false);
    expect(c.getState().classroom.formError).toMatchObject({ form: 'setup', field: 'setup-scenario', code: 'unknown-scenario' });
    net.createAnswer = refusal('bad-request', 'tables: Too big');
    await c.createClass({ scenarioId: 'whole-enchilada-2001', tables: 2, seatsPerSide: 1 });
    expect(c.getState().classroom.formError?.field).toBe('setup-tables');
    net.createAnswer = created();
    expect(await c.createClass({ scenarioId: 'whole-enchilada-2001', tables: 2, seatsPerSide: 2 })).toBe(true);
    const s = c.getState();
    expect(s.screen).toBe('console');
    expect(s.classroom.created?.joinCode).toBe('K7M2QX9P');
    expect(s.classroom.console).toEqual({ classId: 'c1', secret: 'secret-0123456789abcdef' });
    expect(memory.loadConsole()).toEqual({ classId: 'c1', secret: 'secret-0123456789abcdef' });
    expect(net.console0.target).toEqual({ classId: 'c1', secret: 'secret-0123456789abcdef' });
    c.dismissCreated();
    expect(c.getState().classroom.created).toBeNull();
  });

  it('sends commands and keeps the answer with each table’s refusal, or why the request failed', async () => {
    const { c, net } = setup();
    await c.openConsole('c1', 'secret-0123456789abcdef');
    net.commandAnswer = { ok: true, refused: [{ tableNo: 2, code: 'shock-already-fired', reason: 'shock-already-fired (shock x)' }] };
    await c.consoleCommand({ op: 'inject', target: 'all', shock: 'x' });
    expect(net.calls.at(-1)).toEqual({ method: 'command', args: ['c1', 'secret-0123456789abcdef', { op: 'inject', target: 'all', shock: 'x' }] });
    expect(c.getState().classroom.lastCommand?.result?.refused[0]?.tableNo).toBe(2);
    net.commandAnswer = refusal('not-instructor');
    expect(await c.consoleCommand({ op: 'pause', target: 1 })).toBe(false);
    expect(c.getState().classroom.lastCommand).toMatchObject({ command: { op: 'pause', target: 1 }, result: null, error: { code: 'not-instructor' } });
  });

  it('opens the class debrief with the results and comes back to the console', async () => {
    const { c, net } = setup();
    await c.openConsole('c1', 'secret-0123456789abcdef');
    net.resultsAnswer = { classId: 'c1', config: created().config, status: 'started', tables: [] };
    expect(await c.openClassDebrief()).toBe(true);
    expect(c.getState().screen).toBe('class-debrief');
    expect(c.getState().classroom.results?.classId).toBe('c1');
    c.backToConsole();
    expect(c.getState().screen).toBe('console');
    c.closeConsole();
    expect(net.console0.left).toBe(true);
    expect(c.getState().screen).toBe('title');
  });

  it('a console whose secret is refused forgets it', async () => {
    const { c, net, memory } = setup();
    await c.openConsole('c1', 'wrong-secret-0123456789');
    net.console0.events.status('closed', { code: 'not-instructor', reason: 'wrong secret' });
    expect(c.getState().classroom.linkEnd?.code).toBe('not-instructor');
    expect(memory.loadConsole()).toBeNull();
  });
});
