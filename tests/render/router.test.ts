// The canvas layer's wiring, on a real HEADLESS Phaser game driven by a real AppController: boot and
// preloading, the router following the screen, cleanup when the game is destroyed, and the fallback game
// booted when the WebGL context is lost.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { textureJobs } from '../../src/render/art/catalogue';
import { routerOf } from '../../src/render/router';
import { rendererNameOf } from '../../src/render/start-game';
import { bootHeadless, container, controller, destroy, type Handle, running, showing } from './helpers';

let handle: Handle | null = null;
afterEach(async () => {
  if (handle) await destroy(handle).catch(() => undefined);
  handle = null;
});

describe('scene router', () => {
  it('boots through Boot and the Preloader, paints every texture, then shows the title', async () => {
    const { c } = controller();
    handle = bootHeadless(c);
    await showing(handle, 'Title');
    const game = handle.game;
    for (const job of textureJobs()) expect(game.textures.exists(job.key), job.key).toBe(true);
    expect(game.scene.isActive('Preloader')).toBe(false);
    expect(game.scene.isActive('Boot')).toBe(false);
    expect(routerOf(game).current).toEqual({ key: 'Title', era: 'home' });
    expect(rendererNameOf(game)).toBe('NONE');
    expect(game.config.renderType).toBe(Phaser.HEADLESS);
  });

  it('starts the scene matching the screen as the controller moves title → select → briefing → interlude → table → interlude', async () => {
    const { c } = controller();
    handle = bootHeadless(c);
    await showing(handle, 'Title');
    c.newGame();
    await showing(handle, 'Select');
    c.start('whole-enchilada-2001', 'mx', { persona: 'pragmatic', difficulty: 'normal' }, 5);
    expect(c.getState().screen).toBe('briefing');
    await showing(handle, 'Briefing');
    c.ready();
    expect(c.getState().screen).toBe('interlude');
    await showing(handle, 'Interlude');
    c.ack();
    expect(c.getState().screen).toBe('table');
    await showing(handle, 'Table');
    // Play on to the next round's news.
    const round = c.getState().view!.round;
    const v = () => c.getState().view!;
    for (let i = 0; i < 20 && c.getState().screen === 'table'; i++) {
      const view = v();
      if (view.phase === 'proposal' && view.turn === 'mx') c.act({ type: 'propose', seat: 'mx', package: { [view.scenario.issues[0]!.id]: view.scenario.issues[0]!.options[1]!.id } });
      else if (view.phase === 'response' && view.turn === 'mx') c.act({ type: 'reject', seat: 'mx' });
      else if (view.phase === 'domestic' && view.awaiting.includes('mx')) c.act({ type: 'pass', seat: 'mx' });
      else break;
    }
    expect(c.getState().screen).toBe('interlude');
    expect(v().round).toBe(round + 1);
    await showing(handle, 'Interlude');
    expect(running(handle.game)).toEqual(['Interlude']);
  });

  it('passes later states to the running scene without restarting it', async () => {
    const { c } = controller();
    handle = bootHeadless(c);
    c.start('zacatecas-1995', 'us', { persona: 'pragmatic', difficulty: 'normal' }, 3);
    c.ready();
    c.ack();
    await showing(handle, 'Table');
    const scene = handle.game.scene.getScene('Table');
    let restarts = 0;
    scene.events.on(Phaser.Scenes.Events.START, () => restarts++);
    c.setSettings({ lang: 'es' });
    c.pause();
    c.resume();
    await new Promise((r) => setTimeout(r, 30));
    expect(restarts).toBe(0);
    expect(handle.game.scene.isActive('Table')).toBe(true);
    expect(routerOf(handle.game).state.settings.lang).toBe('es');
  });

  it('destroying the game closes its one subscription to the controller', async () => {
    const { c, open } = controller();
    handle = bootHeadless(c);
    expect(open()).toBe(1);
    await showing(handle, 'Title');
    const router = routerOf(handle.game);
    expect(router.attached).toBe(true);
    await destroy(handle);
    handle = null;
    expect(open()).toBe(0);
    expect(router.attached).toBe(false);
    // The controller goes on without the canvas.
    c.newGame();
    expect(c.getState().screen).toBe('select');
  });

  it('replaces the game when the WebGL context is lost, with one subscription left', async () => {
    const { c, open } = controller();
    const parent = container(1024, 768);
    handle = bootHeadless(c, parent, Phaser.HEADLESS);
    await showing(handle, 'Title');
    const first = handle.game;
    const destroyed = new Promise<void>((r) => first.events.once(Phaser.Core.Events.DESTROY, () => r()));
    first.canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(handle.game).not.toBe(first);
    await destroyed;
    expect(open()).toBe(1);
    c.newGame();
    await showing(handle, 'Select');
    expect(routerOf(handle.game).current?.key).toBe('Select');
    // A second loss does nothing more: the fallback game is final.
    const second = handle.game;
    second.canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(handle.game).toBe(second);
  });
});
