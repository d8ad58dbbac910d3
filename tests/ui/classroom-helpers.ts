// Mounting the overlay for classroom mode: a real AppController whose classroom client is the double of
// tests/net/fake-net.ts (the test plays the server), with the game and classroom screens already loaded.
import { PageClassMemory } from '../../src/app/classroom-memory';
import { kitWith } from '../../src/app/classroom-kit';
import { AppController } from '../../src/app/controller';
import * as kit from '../../src/app/game-session';
import * as screens from '../../src/ui/game-screens';
import { mountUi } from '../../src/ui/mount';
import * as classroomScreens from '../../src/ui/screens/classroom';
import { MemoryStore, SilentSound } from '../helpers/app-doubles';
import { FakeNet, joined } from '../net/fake-net';

export interface ClassMounted {
  controller: AppController;
  net: FakeNet;
  memory: PageClassMemory;
  store: MemoryStore;
  root: HTMLElement;
  announcer: HTMLElement;
}

export async function mountClass(memory = new PageClassMemory()): Promise<ClassMounted> {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
  const root = document.createElement('div');
  root.id = 'ui';
  const announcer = document.createElement('div');
  announcer.id = 'announcer';
  announcer.setAttribute('aria-live', 'polite');
  document.body.append(root, announcer);
  const net = new FakeNet();
  const store = new MemoryStore();
  const controller = new AppController(store, new SilentSound(), { kit, classroom: kitWith(net), classMemory: memory });
  await controller.init();
  mountUi(root, announcer, controller, screens, classroomScreens);
  return { controller, net, memory, store, root, announcer };
}

/** Types into a text field the way a browser does (the input event follows). */
export function type(id: string, text: string): void {
  const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no field with data-testid="${id}"`);
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Chooses an option of a select (the change event follows). */
export function choose(id: string, value: string): void {
  const el = document.querySelector<HTMLSelectElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no select with data-testid="${id}"`);
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Submits the form a button belongs to, as pressing it (or Enter in a field) does. */
export function submit(id: string): void {
  const el = document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no button with data-testid="${id}"`);
  if (el.disabled) throw new Error(`"${id}" is disabled`);
  el.form!.requestSubmit(el);
}

export const settle = async () => {
  for (let k = 0; k < 5; k++) await new Promise((r) => setTimeout(r, 0));
};

export type SeatAt = 'mx.lead' | 'mx.adviser' | 'us.lead';

/** A student seated at a class's table, its link open (the class not started yet). */
export async function seatedAt(seat: SeatAt): Promise<ClassMounted> {
  const m = await mountClass();
  const side = seat.startsWith('mx') ? 'mx' : 'us';
  m.net.joinAnswer = joined({ seat, side, role: seat.endsWith('lead') ? 'lead' : 'adviser' });
  await m.controller.joinClass('K7M2QX9P', 'Ana');
  m.net.table0.events.status('open', null);
  await settle();
  return m;
}
