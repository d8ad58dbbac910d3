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

  describe('forking a finished game', () => {
    /** A 2001 game watched to its debrief (both sides played by the AI) that reached the round of 11 September. */
    function finishedGame(store = new MemoryStore()) {
      for (let seed = 1; seed < 40; seed++) {
        const c = new AppController(store, new Cues(), { kit });
        c.start('whole-enchilada-2001', 'mx', { persona: 'pragmatic', difficulty: 'normal' }, seed);
        expect(c.forkGame(0, {}, 'watch')).toEqual([]);
        const s = c.getState();
        expect(s.screen).toBe('debrief');
        if (s.view!.fired.some((f) => f.id === 'september-11')) return c;
      }
      throw new Error('no watched game reached 11 September');
    }

    it('plays on from the round of 11 September without it, as the same seat against the same AI, and records the fork', () => {
      const c = finishedGame();
      const parent = c.currentSave()!;
      const round = c.getState().view!.fired.find((f) => f.id === 'september-11')!.round;
      expect(c.forkGame(round, { disable: ['september-11'] }, 'play')).toEqual([]);
      const s = c.getState();
      expect(s.screen).toBe('interlude');
      expect(s.view!.round).toBe(round);
      expect(s.view!.side).toBe('mx');
      expect(s.opponent).toEqual(parent.opponent);
      expect(s.view!.fired.map((f) => f.id)).not.toContain('september-11');
      expect(s.events.some((e) => e.type === 'shockFired' && e.shock === 'september-11')).toBe(false);
      expect(s.forks.at(-1)).toMatchObject({ round, overrides: { disable: ['september-11'] } });
      const save = c.currentSave()!;
      expect(save.envelope.seed).toBe(parent.envelope.seed);
      expect(save.envelope.forks!.at(-1)).toEqual({ atEvent: save.envelope.events.length - 1, round, overrides: { disable: ['september-11'] } });
      // The past is the parent's, event for event.
      expect(save.envelope.events).toEqual(parent.envelope.events.slice(0, save.envelope.events.length));
    });

    it('refuses a fork that changes the past or moves a shock into it, and leaves the game as it was', () => {
      const c = finishedGame();
      const before = c.currentSave()!.envelope;
      const round = c.getState().view!.fired.find((f) => f.id === 'september-11')!.round;
      const past = c.forkGame(round + 1, { disable: ['september-11'] }, 'play');
      expect(past[0]!.rule).toMatch(/"september-11" already happened \(round \d+\), before the fork/);
      const back = c.forkGame(round, { move: { 'september-11': 'guanajuato' } }, 'play');
      expect(back[0]).toMatchObject({ path: 'move.september-11' });
      expect(back[0]!.rule).toMatch(/before the fork/);
      expect(c.getState().screen).toBe('debrief');
      expect(c.currentSave()!.envelope).toEqual(before);
    });

    it('a forked game saved, then imported (or continued), goes on identically', async () => {
      const store = new MemoryStore();
      const c = finishedGame(store);
      const round = c.getState().view!.fired.find((f) => f.id === 'september-11')!.round;
      c.forkGame(round, { disable: ['september-11'] }, 'play');
      await flush();
      // Autosave keeps the fork as its own game: its envelope carries the forks.
      expect((store.saved as { envelope: { forks: unknown[] } }).envelope.forks.at(-1)).toMatchObject({ round });
      const save = c.currentSave()!;
      const d = new AppController(new MemoryStore(), new Cues(), { kit });
      expect(await d.importSave(JSON.stringify(save))).toBe(true);
      expect(d.currentSave()!.envelope).toEqual(save.envelope);
      expect(d.getState().view).toEqual(c.getState().view);
      expect(d.getState().forks).toEqual(c.getState().forks);
      expect(d.getState().events).toEqual(c.getState().events);
      // The same moves in both games give the same games.
      for (const x of [c, d]) {
        x.ready();
        for (let i = 0; i < 50 && x.getState().screen !== 'debrief'; i++) {
          const s = x.getState();
          if (s.screen !== 'table') x.ack();
          else if (s.view!.phase === 'response') x.act({ type: 'reject', seat: 'mx' });
          else x.act({ type: 'pass', seat: 'mx' });
          if (x.getState().lastError) x.act({ type: 'walkAway', seat: 'mx' });
        }
      }
      expect(d.currentSave()!.envelope).toEqual(c.currentSave()!.envelope);
      expect(c.currentSave()!.envelope.events.length).toBeGreaterThan(save.envelope.events.length);
      const e = new AppController(store, new Cues(), { kit });
      await e.continueSaved();
      expect(e.currentSave()!.envelope.forks).toEqual(save.envelope.forks);
    });

    it('watches the AIs play the fork to its debrief, and opens the lab with the combined overrides', () => {
      const c = finishedGame();
      const round = c.getState().view!.fired.find((f) => f.id === 'september-11')!.round;
      expect(c.forkGame(round, { disable: ['september-11'], scale: { 'midterms-2002': 2 } }, 'watch')).toEqual([]);
      const s = c.getState();
      expect(s.screen).toBe('debrief');
      expect(s.view!.outcome).not.toBeNull();
      expect(s.view!.fired.map((f) => f.id)).not.toContain('september-11');
      expect(s.forks.at(-1)).toMatchObject({ round });
      c.openLab(true, { move: { 'midterms-2002': 'midterms-2002' } });
      expect(c.getState().labPreset!.overrides).toEqual({ disable: ['september-11'], move: { 'midterms-2002': 'midterms-2002' }, scale: { 'midterms-2002': 2 } });
    });
  });
});
