// The app controller in plain Node, with an in-memory save store and a silent sound port.
import { describe, expect, it } from 'vitest';
import { MemoryStore, SilentSound as Cues } from '../helpers/app-doubles';
import { AppController, type GameKit } from '../../src/app/controller';
import * as kit from '../../src/app/game-session';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('AppController', () => {
  it('runs a game from the title to the table, seeing only its own side', async () => {
    const c = new AppController(new MemoryStore(), new Cues(), { kit });
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
    const c = new AppController(new MemoryStore(), new Cues(), { kit });
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
    const c = new AppController(store, sound, { kit });
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
    expect(await c.importSave('{"format":"binational-save","version":1}')).toBe(false);
    expect(c.getState().notice?.text).toBe('save-invalid');
    expect(await c.importSave('not json')).toBe(false);
    expect(JSON.stringify(c.currentSave()!.envelope)).toBe(JSON.stringify(before.envelope));
    // Continue from the stored save (written at a round start) or import the current one.
    expect(await c.importSave(JSON.stringify(before))).toBe(true);
    const after = c.currentSave()!;
    expect(after.envelope).toEqual(before.envelope);
    await flush();
    expect(store.saved).not.toBeNull();
    const c2 = new AppController(store, new Cues(), { kit });
    await c2.init();
    expect(c2.getState().canContinue).toBe(true);
    await c2.continueSaved();
    expect(c2.getState().screen).not.toBe('error');
    expect(c2.getState().view?.side).toBe('us');
  });

  describe('loading the game module on demand', () => {
    it('shows the title without it and loads it once, when the player opens the scenario list', async () => {
      let loads = 0;
      const c = new AppController(new MemoryStore(), new Cues(), {
        kit: async () => {
          loads++;
          return kit;
        },
      });
      await c.init();
      expect(c.getState().screen).toBe('title');
      expect(c.getState().catalogue).toEqual([]);
      expect(loads).toBe(0);
      await c.newGame();
      expect(c.getState().screen).toBe('select');
      expect(c.getState().catalogue.map((s) => s.id)).toEqual(['bracero-1942', 'zacatecas-1995', 'whole-enchilada-2001']);
      await c.start('bracero-1942', 'us', { persona: 'pragmatic', difficulty: 'normal' }, 3);
      expect(c.getState().screen).toBe('briefing');
      c.backToTitle();
      await c.newGame();
      expect(loads).toBe(1);
    });
    it('tells the player when it cannot be loaded, stays on the title, and tries again next time', async () => {
      let fail = true;
      const c = new AppController(new MemoryStore(), new Cues(), {
        kit: async (): Promise<GameKit> => {
          if (fail) throw new TypeError('Failed to fetch dynamically imported module');
          return kit;
        },
      });
      await c.newGame();
      expect(c.getState().screen).toBe('title');
      expect(c.getState().notice).toEqual({ kind: 'error', text: 'load-failed' });
      fail = false;
      await c.newGame();
      expect(c.getState().screen).toBe('select');
    });
    it('offers to continue a stored save before the module is loaded, and refuses a broken one when continued', async () => {
      const store = new MemoryStore();
      store.saved = { format: 'binational-save', version: 1, envelope: { scenarioId: 'bracero-1942', seed: 'not a number', events: [] } };
      const c = new AppController(store, new Cues(), { kit: async () => kit });
      await c.init();
      expect(c.getState().canContinue).toBe(true);
      await c.continueSaved();
      expect(c.getState().screen).toBe('title');
      expect(c.getState().notice?.text).toBe('save-invalid');
      const none = new AppController(new MemoryStore(), new Cues(), { kit: async () => kit });
      await none.init();
      expect(none.getState().canContinue).toBe(false);
      const foreign = new MemoryStore();
      foreign.saved = { format: 'another-game' };
      const other = new AppController(foreign, new Cues(), { kit: async () => kit });
      await other.init();
      expect(other.getState().canContinue).toBe(false);
    });
  });
});
