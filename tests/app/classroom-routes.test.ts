// The classroom's addresses: what each fragment opens (a secret read once and dropped from the address),
// and the fragment each classroom screen shows (never the secret), with the controller and a client double.
import { describe, expect, it } from 'vitest';
import { PageClassMemory } from '../../src/app/classroom-memory';
import { kitWith } from '../../src/app/classroom-kit';
import { fragmentOf, openRoute, parseFragment } from '../../src/app/classroom-routes';
import { AppController } from '../../src/app/controller';
import * as kit from '../../src/app/game-session';
import { MemoryStore, SilentSound } from '../helpers/app-doubles';
import { FakeNet, joined } from '../net/fake-net';

function app(memory = new PageClassMemory()) {
  const net = new FakeNet();
  const c = new AppController(new MemoryStore(), new SilentSound(), { kit, classroom: kitWith(net), classMemory: memory });
  return { c, net, memory };
}

describe('classroom fragments', () => {
  it('are read into routes', () => {
    expect(parseFragment('#/join')).toEqual({ kind: 'join', code: '' });
    expect(parseFragment('#/join/K7M2QX9P')).toEqual({ kind: 'join', code: 'K7M2QX9P' });
    expect(parseFragment('#/class/new')).toEqual({ kind: 'class-new' });
    expect(parseFragment('#/console/c1/s%2Fecret')).toEqual({ kind: 'console', classId: 'c1', secret: 's/ecret' });
    expect(parseFragment('#/console/c1')).toEqual({ kind: 'console', classId: 'c1', secret: null });
    expect(parseFragment('')).toEqual({ kind: 'seat' });
    expect(parseFragment('#/class')).toEqual({ kind: 'seat' });
    expect(parseFragment('#/join/%E0%A4%A')).toEqual({ kind: 'join', code: '%E0%A4%A' });
  });

  it('a console link opens the console and its secret leaves the address first; a reload finds it in the tab', async () => {
    const memory = new PageClassMemory();
    const { c, net } = app(memory);
    const forgotten: string[] = [];
    await openRoute(c, parseFragment('#/console/c1/secret-0123456789abcdef'), (f) => forgotten.push(f));
    expect(forgotten).toEqual(['#/console/c1']);
    expect(net.console0.target).toEqual({ classId: 'c1', secret: 'secret-0123456789abcdef' });
    expect(fragmentOf(c.getState())).toBe('#/console/c1');
    // The same tab after a reload: the address has no secret; the tab's memory has it.
    const again = app(memory);
    await openRoute(again.c, parseFragment('#/console/c1'), () => undefined);
    expect(again.net.console0.target.secret).toBe('secret-0123456789abcdef');
    // Another tab, without the secret: the title says how to open the console.
    const other = app();
    await openRoute(other.c, parseFragment('#/console/c1'), () => undefined);
    expect(other.net.consoles).toEqual([]);
    expect(other.c.getState()).toMatchObject({ screen: 'title', notice: { text: 'classroom:console-missing' } });
  });

  it('a join link fills the code in; a held seat is taken back from any other address', async () => {
    const { c } = app();
    await openRoute(c, parseFragment('#/join/k7m2qx9p'), () => undefined);
    expect(c.getState().screen).toBe('join');
    expect(fragmentOf(c.getState())).toBe('#/join/K7M2QX9P');
    const memory = new PageClassMemory();
    memory.saveSeat(joined());
    const held = app(memory);
    await openRoute(held.c, parseFragment('#/class'), () => undefined);
    expect(held.c.getState().screen).toBe('waiting');
    expect(held.net.table0.target.token).toBe('token-0123456789abcdef');
    expect(fragmentOf(held.c.getState())).toBe('#/class');
    // Without a held seat, nothing opens (solo play never loads the classroom client).
    const solo = app();
    await openRoute(solo.c, parseFragment(''), () => undefined);
    expect(solo.c.getState().screen).toBe('title');
    expect(solo.net.tables).toEqual([]);
    expect(fragmentOf(solo.c.getState())).toBe('');
  });

  it('the set-up form has its own address', async () => {
    const { c } = app();
    await openRoute(c, parseFragment('#/class/new'), () => undefined);
    expect(c.getState().screen).toBe('class-setup');
    expect(fragmentOf(c.getState())).toBe('#/class/new');
  });
});
