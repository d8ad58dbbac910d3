// The app controller in plain Node, with an in-memory save store and a silent sound port.
import { describe, expect, it } from 'vitest';
import { MemoryStore, SilentSound as Cues } from '../helpers/app-doubles';
import { AppController } from '../../src/app/controller';


const flush = () => new Promise((r) => setTimeout(r, 0));

describe('AppController', () => {
  it('runs a game from the title to the table, seeing only its own side', async () => {
    const c = new AppController(new MemoryStore(), new Cues());
    await c.init();
    expect(c.getState().screen).toBe('title');
    expect(c.getState().catalogue.map((s) => s.id)).toEqual(['bracero-1942', 'zacatecas-1995', 'whole-enchilada-2001']);
    c.newGame();
    c.start('whole-enchilada-2001', 'mx', { persona: 'pragmatic', difficulty: 'normal' }, 5);
    expect(c.getState().screen).toBe('briefing');
    expect(c.getState().view?.side).toBe('mx');
    expect(c.getState().view?.own).not.toBeNull();
    expect(JSON.stringify(c.getState())).not.toContain('"reveal":{');
    c.ready();
    expect(c.getState().screen).toBe('interlude');
    c.ack();
    expect(c.getState().screen).toBe('table');
  });
  it('refuses an illegal intent with a reason and goes on', async () => {
    const c = new AppController(new MemoryStore(), new Cues());
    c.start('bracero-1942', 'us', { persona: 'pragmatic', difficulty: 'normal' }, 2);
    c.ready();
    c.ack();
    c.act({ type: 'pass', seat: 'us' });
    expect(c.getState().lastError?.code).toBe('wrong-phase');
    expect(c.getState().screen).toBe('table');
  });
  it('autosaves each round and continues the same game; refuses a corrupt save without touching the game', async () => {
    const store = new MemoryStore();
    const sound = new Cues();
    const c = new AppController(store, sound);
    c.start('zacatecas-1995', 'us', { persona: 'pragmatic', difficulty: 'normal' }, 9);
    c.ready();
    c.ack();
    const v = c.getState().view!;
    const open = v.scenario.issues.map((i) => i.id);
    if (v.phase === 'response') c.act({ type: 'reject', seat: 'us' });
    else c.act({ type: 'propose', seat: 'us', package: { [open[0]!]: v.scenario.issues[0]!.options[1]!.id } });
    await flush();
    expect(sound.cues.length).toBeGreaterThan(0);
    const before = c.currentSave()!;
    expect(c.importSave('{"format":"binational-save","version":1}')).toBe(false);
    expect(c.getState().notice?.text).toBe('save-invalid');
    expect(c.importSave('not json')).toBe(false);
    expect(JSON.stringify(c.currentSave()!.envelope)).toBe(JSON.stringify(before.envelope));
    // Continue from the stored save (written at a round start) or import the current one.
    expect(c.importSave(JSON.stringify(before))).toBe(true);
    const after = c.currentSave()!;
    expect(after.envelope).toEqual(before.envelope);
    await flush();
    expect(store.saved).not.toBeNull();
    const c2 = new AppController(store, new Cues());
    await c2.init();
    expect(c2.getState().canContinue).toBe(true);
    await c2.continueSaved();
    expect(c2.getState().screen).not.toBe('error');
    expect(c2.getState().view?.side).toBe('us');
  });
});
