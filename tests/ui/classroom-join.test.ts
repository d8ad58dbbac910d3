// Joining a class in the overlay: the title's way in, the form's own checks and the server's refusals next
// to their fields (in the player's language), the waiting room with the seat, the role, the tablemates and
// the scenario, a remembered seat, and leaving after a confirmation. Names are always text, never markup.
import { describe, expect, it } from 'vitest';
import { PageClassMemory } from '../../src/app/classroom-memory';
import { joined, refusal } from '../net/fake-net';
import { mountClass, settle, submit, type } from './classroom-helpers';
import { byTestId, click, heading, maybeTestId } from './helpers';

describe('joining a class', () => {
  it('opens from the title, with the heading focused', async () => {
    await mountClass();
    expect(byTestId('join-class').textContent).toBe('Join a class');
    expect(byTestId('run-class').textContent).toBe('Run a class');
    click('join-class');
    await settle();
    expect(heading()).toBe('Join a class');
    expect(document.activeElement?.id).toBe('join-heading');
    expect(byTestId<HTMLInputElement>('join-code').labels?.[0]?.textContent).toBe('Join code');
  });

  it('shows the form’s own problems next to their fields and sends nothing', async () => {
    const m = await mountClass();
    m.controller.openJoin();
    await settle();
    type('join-name', '<b>Ana</b>');
    submit('join-submit');
    await settle();
    expect(m.net.calls).toEqual([]);
    const code = byTestId<HTMLInputElement>('join-code');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby')).toContain('join-code-error');
    expect(byTestId('join-code-error').textContent).toBe('Type the join code.');
    expect(byTestId('join-name-error').textContent).toContain('cannot contain < > &');
    expect(document.activeElement?.id).toBe('join-errors');
    // Typed text survives the redraw.
    expect(byTestId<HTMLInputElement>('join-name').value).toBe('<b>Ana</b>');
  });

  it('puts the server’s refusal next to its field, in the player’s language', async () => {
    const m = await mountClass();
    m.controller.openJoin('K7M2QX9P');
    await settle();
    expect(byTestId<HTMLInputElement>('join-code').value).toBe('K7M2QX9P');
    type('join-name', 'Ana');
    m.net.joinAnswer = refusal('name-taken');
    submit('join-submit');
    await settle();
    expect(m.net.calls[0]?.args[0]).toEqual({ code: 'K7M2QX9P', name: 'Ana' });
    expect(byTestId('join-name-error').textContent).toBe('Another student of this class already uses this name. Choose another.');
    expect(maybeTestId('join-code-error')).toBeNull();
    click('lang-toggle');
    expect(byTestId('join-name-error').textContent).toBe('Otro estudiante de esta clase ya usa este nombre. Elija otro.');
    m.net.joinAnswer = refusal('bad-code');
    submit('join-submit');
    await settle();
    expect(byTestId('join-code-error').textContent).toContain('Ninguna clase abierta tiene este código');
  });

  it('seats the student in the waiting room: seat, role, scenario and tablemates as text', async () => {
    const m = await mountClass();
    m.controller.openJoin();
    await settle();
    type('join-code', 'k7m2qx9p');
    type('join-name', 'Ana');
    m.net.joinAnswer = joined({ seat: 'mx.adviser', role: 'adviser' });
    submit('join-submit');
    await settle();
    expect(heading()).toBe('Table 3: waiting for the class to start');
    expect(byTestId('waiting-seat').textContent).toBe('You: Ana — Mexico, domestic adviser');
    expect(byTestId('role-help').textContent).toContain('Your lead negotiator proposes and answers');
    expect(byTestId('waiting-scenario-title').textContent).toContain('2001');
    m.net.table0.events.status('open', null);
    m.net.table0.events.welcome({
      ...joined({ seat: 'mx.adviser', role: 'adviser' }),
      started: false,
      tablemates: [
        { name: '<img src=x onerror=alert(1)>', seat: 'mx.lead', connected: true },
        { name: 'Ana', seat: 'mx.adviser', connected: true },
        { name: 'Luis', seat: 'us.lead', connected: false },
      ],
    });
    await settle();
    const mates = byTestId('waiting-mates');
    expect(mates.querySelector('img')).toBeNull();
    expect(mates.textContent).toContain('<img src=x onerror=alert(1)> — Mexico, lead negotiator connected');
    expect(mates.textContent).toContain('Luis — United States, lead negotiator not connected');
    // The student's own seat is not listed among the tablemates.
    expect(mates.querySelectorAll('li')).toHaveLength(2);
    expect(byTestId('connection').textContent).toBe('Connected.');
  });

  it('offers a remembered seat and goes back to it', async () => {
    const memory = new PageClassMemory();
    memory.saveSeat(joined());
    const m = await mountClass(memory);
    m.controller.openJoin();
    await settle();
    expect(byTestId('join-resume').textContent).toContain('table 3, Mexico, lead negotiator, as Ana');
    click('join-rejoin');
    await settle();
    expect(m.controller.getState().screen).toBe('waiting');
    expect(m.net.table0.target.token).toBe('token-0123456789abcdef');
  });

  it('leaves the class only after a confirmation', async () => {
    const m = await mountClass();
    m.net.joinAnswer = joined();
    await m.controller.joinClass('K7M2QX9P', 'Ana');
    await settle();
    click('leave-class');
    expect(document.activeElement?.id).toBe('leave-no');
    click('leave-no');
    expect(m.controller.getState().screen).toBe('waiting');
    expect(document.activeElement?.id).toBe('leave-class');
    click('leave-class');
    click('leave-yes');
    expect(m.controller.getState().screen).toBe('title');
    expect(m.net.table0.left).toBe(true);
    expect(m.memory.loadSeat()).toBeNull();
  });
});
