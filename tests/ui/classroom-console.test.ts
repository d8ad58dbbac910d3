// The instructor in the overlay: setting up a class (the form's own checks and the server's refusal next
// to their fields), the join code and links shown once, the live grid of tables, and every console
// command — start, pause/resume/extend for one table or all, a pool shock, a change of the shocks to come,
// a message, seating a student, ending after a confirmation — with each table's refusal listed.
import { describe, expect, it } from 'vitest';
import type { ClassSummary } from '../../src/content/classroom-schema';
import { created, refusal, summary } from '../net/fake-net';
import { choose, mountClass, settle, submit, type } from './classroom-helpers';
import { byTestId, check, click, heading, maybeTestId } from './helpers';

async function consoleWith(s: ClassSummary) {
  const m = await mountClass();
  await m.controller.openConsole('c1', 'secret-0123456789abcdef');
  m.net.console0.events.status('open', null);
  m.net.console0.events.summary(s);
  await settle();
  return m;
}

const playing = (): ClassSummary => {
  const s = summary({ status: 'started' }, 2, 2);
  const t = s.tables[0]!;
  Object.assign(t, {
    status: 'playing',
    round: 3,
    roundId: 'washington-summit',
    screen: 'table',
    offer: { by: 'mx', package: { regularisation: 'earned' } },
    approval: { us: 0.54, mx: 0.61 },
    countdownMs: 90_000,
    fired: ['recession-2001'],
  });
  t.seats[0] = { seat: 'us.lead', studentId: 's1', name: '<b>Ana</b>', connected: true, ai: false };
  t.seats[2] = { seat: 'mx.lead', studentId: null, name: null, connected: false, ai: true };
  s.students = [{ studentId: 's1', name: '<b>Ana</b>', tableNo: 1, seat: 'us.lead', connected: true }];
  return s;
};

describe('setting up a class', () => {
  it('checks the form next to each field, then creates the class and shows its links once', async () => {
    const m = await mountClass();
    click('run-class');
    await settle();
    expect(heading()).toBe('Run a class');
    type('setup-tables', '0');
    type('setup-timer-response', '5');
    submit('class-create');
    await settle();
    expect(m.net.calls).toEqual([]);
    expect(byTestId('setup-tables-error').textContent).toBe('Type a whole number of tables from 1 to 40.');
    expect(byTestId('setup-timer-response-error').textContent).toContain('from 10 to 3600');
    expect(byTestId('setup-tables').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('setup-errors');
    type('setup-tables', '3');
    type('setup-timer-response', '');
    choose('setup-seats', '2');
    choose('setup-lang', 'es');
    m.net.createAnswer = refusal('unknown-scenario');
    submit('class-create');
    await settle();
    expect(byTestId('setup-scenario-error').textContent).toBe('The server does not know this scenario.');
    m.net.createAnswer = created();
    submit('class-create');
    await settle();
    const req = m.net.calls.at(-1)!.args[0];
    expect(req).toMatchObject({ scenarioId: 'bracero-1942', tables: 3, seatsPerSide: 2, lang: 'es', aiForEmptySeats: true, timers: { proposal: 180, domestic: 120 } });
    expect(m.controller.getState().screen).toBe('console');
    expect(byTestId('created-code').textContent).toBe('K7M2QX9P');
    expect(byTestId<HTMLInputElement>('created-student-link').value).toMatch(/#\/join\/K7M2QX9P$/);
    expect(byTestId<HTMLInputElement>('created-console-link').value).toMatch(/#\/console\/c1\/secret-0123456789abcdef$/);
    expect(byTestId('created-warning').textContent).toContain('shown only once');
    click('created-done');
    expect(maybeTestId('created-panel')).toBeNull();
  });
});

describe('the console', () => {
  it('shows every table live: round, stage, offer, approval, timer, seats (names as text), shocks', async () => {
    await consoleWith(playing());
    expect(heading()).toBe('Class console: Migration 2001');
    const t1 = byTestId('console-table-1');
    const text = t1.textContent ?? '';
    expect(text).toContain('Table 1');
    expect(text).toContain('4 of 10');
    expect(text).toContain('negotiating');
    expect(text).toContain('by Mexico: Regularisation');
    expect(text).toContain('United States 54% · Mexico 61%');
    expect(byTestId('console-table-1-timer').textContent).toBe('1:30');
    expect(text).toContain('The US economy slows');
    expect(text).toContain('United States, lead negotiator: <b>Ana</b> (connected)');
    expect(text).toContain('Mexico, lead negotiator: played by the AI');
    expect(t1.querySelector('b')).toBeNull();
    expect(byTestId('console-table-2').textContent).toContain('not started');
  });

  it('pauses, resumes and extends one table or all, and lists each table’s refusal', async () => {
    const m = await consoleWith(playing());
    click('console-command-pause');
    await settle();
    choose('console-target', '2');
    m.net.commandAnswer = { ok: true, refused: [{ tableNo: 2, code: 'not-started', reason: 'not started' }] };
    click('console-command-resume');
    await settle();
    expect(byTestId('console-refusal-2').textContent).toBe('Table 2: the table has not started yet');
    expect(byTestId('console-result').textContent).toContain('refused at table(s) 2');
    type('console-extend-seconds', '2');
    click('console-command-extend');
    await settle();
    expect(byTestId('console-extend-seconds-error').textContent).toContain('from 5 to 3600');
    type('console-extend-seconds', '120');
    click('console-command-extend');
    await settle();
    click('console-table-1-select');
    m.net.commandAnswer = { ok: true, refused: [] };
    click('console-command-pause');
    await settle();
    expect(m.net.commands()).toEqual([
      { op: 'pause', target: 'all' },
      { op: 'resume', target: 2 },
      { op: 'extend', target: 2, seconds: 120 },
      { op: 'pause', target: 1 },
    ]);
  });

  it('injects a pool shock chosen by title, and changes the shocks to come with the shared shock edits', async () => {
    const m = await consoleWith(playing());
    const titles = [...byTestId<HTMLSelectElement>('console-shock').options].map((o) => o.textContent);
    expect(titles).toEqual(['Counterfactual: Mexico stands by Washington at once', 'Counterfactual: both presidents push for an early signing']);
    choose('console-shock', 'early-signing-push');
    click('console-command-inject');
    await settle();
    click('console-command-override');
    await settle();
    expect(byTestId('console-command-override-error').textContent).toBe('Change at least one shock first.');
    check('console-ov-september-11-on');
    expect(byTestId('console-override-changes').textContent).toContain('Terror attacks on New York and Washington');
    type('console-ov-midterms-2002-scale', 'abc');
    click('console-command-override');
    await settle();
    expect(byTestId('console-ov-midterms-2002-scale-error').textContent).toContain('The midterm campaign');
    type('console-ov-midterms-2002-scale', '0.5');
    click('console-command-override');
    await settle();
    expect(m.net.commands()).toEqual([
      { op: 'inject', target: 'all', shock: 'early-signing-push' },
      { op: 'override', target: 'all', overrides: { disable: ['september-11'], scale: { 'midterms-2002': 0.5 } } },
    ]);
  });

  it('sends a message, seats a student elsewhere, starts and ends the class after a confirmation', async () => {
    const m = await consoleWith(playing());
    click('console-command-broadcast');
    await settle();
    expect(byTestId('console-broadcast-text-error').textContent).toBe('Type a message to send.');
    type('console-broadcast-text', '  Five minutes left  ');
    click('console-command-broadcast');
    await settle();
    expect(byTestId<HTMLTextAreaElement>('console-broadcast-text').value).toBe('');
    const move = byTestId<HTMLSelectElement>('console-move-s1');
    // A seat someone else holds cannot be chosen.
    expect([...move.options].find((o) => o.value === '1:mx.lead')?.disabled).toBe(false);
    choose('console-move-s1', '2:mx.adviser');
    click('console-command-seat-s1');
    await settle();
    click('console-command-end');
    expect(document.activeElement?.id).toBe('console-end-no');
    click('console-end-no');
    click('console-command-end');
    click('console-end-yes');
    await settle();
    expect(m.net.commands()).toEqual([
      { op: 'broadcast', text: 'Five minutes left' },
      { op: 'seat', studentId: 's1', tableNo: 2, seat: 'mx.adviser' },
      { op: 'end' },
    ]);
    // Starting is offered while the class is open.
    m.net.console0.events.summary(summary({ status: 'open' }));
    await settle();
    click('console-command-start');
    await settle();
    expect(m.net.commands().at(-1)).toEqual({ op: 'start' });
  });

  it('a failed command says why; a refused instructor link says so', async () => {
    const m = await consoleWith(playing());
    m.net.commandAnswer = refusal('network');
    click('console-command-pause');
    await settle();
    expect(byTestId('console-result').textContent).toBe('The command was not sent: The server could not be reached. Check the connection and try again.');
    m.net.console0.events.status('closed', { code: 'not-instructor', reason: 'wrong secret' });
    await settle();
    expect(byTestId('console-refused').textContent).toContain('This instructor link is not valid for this class.');
  });

  it('opens the class debrief with the results', async () => {
    const m = await consoleWith(playing());
    m.net.resultsAnswer = { classId: 'c1', config: created().config, status: 'started', tables: [] };
    click('console-open-debrief');
    await settle();
    expect(m.controller.getState().screen).toBe('class-debrief');
    expect(heading()).not.toBe('');
    m.controller.backToConsole();
    await settle();
    expect(m.controller.getState().screen).toBe('console');
  });
});
