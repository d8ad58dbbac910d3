// What the scenes draw from the state, on a real HEADLESS game: each era's palette and art, the Table's
// calendar, ledger, offer and trust gauge, the Interlude's headline, the Ratification's lit seats, and the
// layout at the window sizes we support. Pixels are for the Chromium e2e run; these check the wiring.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { frameOf } from '../../src/render/layout';
import { hex, PALETTES } from '../../src/render/palette';
import { routerOf } from '../../src/render/router';
import type { DecorScene } from '../../src/render/scenes/decor-scene';
import { type InterludeScene, headlineOf } from '../../src/render/scenes/interlude';
import { type RatificationScene, seatsPerBlock } from '../../src/render/scenes/ratification';
import { needleAngle, type TableScene } from '../../src/render/scenes/table';
import { SCENES } from '../../src/render/start-game';
import { bootHeadless, type Container, container, controller, destroy, type Handle, playUntil, showing, until } from './helpers';

let handle: Handle | null = null;
afterEach(async () => {
  if (handle) await destroy(handle).catch(() => undefined);
  handle = null;
});

const opponent = { persona: 'pragmatic', difficulty: 'normal' };

async function atTable(id: string, seat: 'us' | 'mx', parent?: Container) {
  const { c } = controller();
  handle = bootHeadless(c, parent);
  await showing(handle, 'Title');
  c.start(id, seat, opponent, 7);
  c.ready();
  c.ack();
  await showing(handle, 'Table');
  return { c, h: handle, table: handle.game.scene.getScene('Table') as TableScene };
}

describe('era palettes', () => {
  it('switch with the scenario: 1942, then 1995 after going back to the title', async () => {
    const { c } = controller();
    handle = bootHeadless(c);
    await showing(handle, 'Title');
    expect((handle.game.scene.getScene('Title') as DecorScene).backdrop?.texture.key).toBe('backdrop@home');
    c.start('bracero-1942', 'us', opponent, 1);
    await showing(handle, 'Briefing');
    const briefing = handle.game.scene.getScene('Briefing') as DecorScene;
    expect(briefing.era).toBe('1942');
    expect(briefing.palette).toBe(PALETTES['1942']);
    expect(briefing.backdrop?.texture.key).toBe('backdrop@1942');
    expect(handle.game.scene.getScene('Briefing').cameras.main.backgroundColor.color & 0xffffff).toBe(hex(PALETTES['1942'].skyBottom));
    c.backToTitle();
    await showing(handle, 'Title');
    c.start('zacatecas-1995', 'mx', opponent, 1);
    c.ready();
    c.ack();
    await showing(handle, 'Table');
    const table = handle.game.scene.getScene('Table') as TableScene;
    expect(table.era).toBe('1995');
    expect(table.backdrop?.texture.key).toBe('backdrop@1995');
    expect(table.delegations?.us.flag.texture.key).toBe('flag-us@1995');
    expect(table.delegations?.mx.figures.every((f) => f.texture.key.endsWith('@1995'))).toBe(true);
    // 1995 has microphones on the table; 2001 has podiums and a news ticker.
    expect(table.tablePiece?.stands.map((s) => s.texture.key)).toEqual(['mic@1995', 'mic@1995']);
    expect(table.ticker).toBeNull();
  });

  it('restarts the running scene when the same screen changes era', async () => {
    const { c } = controller();
    handle = bootHeadless(c);
    await showing(handle, 'Title');
    c.start('bracero-1942', 'us', opponent, 1);
    await showing(handle, 'Briefing');
    c.start('whole-enchilada-2001', 'us', opponent, 1);
    await until(() => (handle!.game.scene.getScene('Briefing') as DecorScene).era === '2001', 'the 2001 briefing');
    expect(routerOf(handle.game).current).toEqual({ key: 'Briefing', era: '2001' });
  });
});

describe('the table', () => {
  it('marks the current round on the calendar and flags the deadline, and moves the mark with the round', async () => {
    const { c, table } = await atTable('whole-enchilada-2001', 'us');
    const view = () => c.getState().view!;
    const cal = table.calendar!;
    expect(cal.dots).toHaveLength(view().scenario.calendar.length);
    const states = () => cal.dots.map((d) => d.getData('state') as string);
    expect(states()[view().round]).toBe('current');
    expect(states().filter((s) => s === 'current')).toHaveLength(1);
    expect(states()[view().deadline]).toBe('deadline');
    const current = cal.dots[view().round]!;
    expect(cal.ring.visible).toBe(true);
    expect([cal.ring.x, cal.ring.y]).toEqual([current.x, current.y]);
    expect(current.texture.key).toBe('dot-current@2001');
    expect(cal.dots[view().deadline]!.texture.key).toBe('dot-deadline@2001');
    expect(cal.pin.x).toBeCloseTo(cal.dots[view().deadline]!.x);
    // The 2001 table has its news ticker and podiums.
    expect(table.ticker?.crawl.text).toContain(view().scenario.calendar[view().round]!.label.en);
    expect(table.tablePiece?.stands.map((s) => s.texture.key)).toEqual(['podium@2001', 'podium@2001']);
    const first = view().round;
    playUntil(c, 'us', (s) => s.screen === 'table' && s.view!.round > first, 'stall');
    await showing(handle!, 'Table');
    const moved = handle!.game.scene.getScene('Table') as TableScene;
    const now = moved.calendar!.dots.map((d) => d.getData('state') as string);
    expect(now[first]).toBe('past');
    expect(now[view().round]).toBe('current');
  });

  it('slides the offer across the table from the side that tabled it, and lays agreed issues as stamped documents', async () => {
    const { c, table } = await atTable('bracero-1942', 'us');
    const v = c.getState().view!;
    expect(table.ledger.map((l) => l.issue)).toEqual(v.scenario.issues.map((i) => i.id));
    expect(table.ledger.every((l) => l.slot.visible && !l.doc.visible)).toBe(true);
    // Table an offer (or, when Mexico opens, the papers already show Mexico's).
    if (v.phase === 'proposal' && v.turn === 'us') {
      c.act({ type: 'propose', seat: 'us', package: { [v.scenario.issues[0]!.id]: v.scenario.issues[0]!.options[0]!.id } });
    }
    const offers = c.getState().view!.offers;
    expect(offers.length).toBeGreaterThan(0);
    const tabled = offers[0]!;
    expect(table.papers?.visible).toBe(true);
    expect(table.shownOffer?.by).toBe(c.getState().view!.offer?.by ?? tabled.by);
    // Accept until something lands in the ledger.
    playUntil(c, 'us', (s) => s.screen !== 'table' || Object.keys(s.view!.ledger).length > 0);
    if (c.getState().screen !== 'table') return;
    const ledger = c.getState().view!.ledger;
    await until(() => table.ledger.some((l) => l.doc.visible), 'a stamped document');
    for (const item of table.ledger) {
      expect(item.doc.visible, item.issue).toBe(item.issue in ledger);
      expect(item.stamp.visible, item.issue).toBe(item.issue in ledger);
      expect(item.stamp.texture.key).toBe('stamp@1942');
    }
  });

  it('points the trust needle at the player side’s trust', async () => {
    const { c, table } = await atTable('zacatecas-1995', 'mx');
    const trust = c.getState().view!.own!.trust;
    expect(table.trust).toBe(trust);
    expect(table.needle!.angle).toBeCloseTo(needleAngle(trust));
    expect(needleAngle(0)).toBe(-90);
    expect(needleAngle(1)).toBe(90);
  });

  it('is idle between states: no tweens left running, no objects added, no frame to draw', async () => {
    const { c, table } = await atTable('zacatecas-1995', 'us');
    await until(() => table.tweens.getTweens().length === 0, 'the entrance tweens to end', 5000);
    const count = table.children.length;
    const positions = table.children.list.map((o) => (o as Phaser.GameObjects.Image).x);
    await new Promise((r) => setTimeout(r, 200));
    expect(table.children.length).toBe(count);
    expect(table.children.list.map((o) => (o as Phaser.GameObjects.Image).x)).toEqual(positions);
    // The frame gate draws nothing more until something changes (headless has no renderer to gate, so
    // the decision is asked directly).
    const gate = handle!.gate;
    expect(gate.active).toBe(false);
    while (gate.mustDraw()) {}
    expect(gate.mustDraw()).toBe(false);
    c.setSettings({ lang: 'es' });
    expect(gate.mustDraw()).toBe(true);
    while (gate.mustDraw()) {}
    table.tweens.add({ targets: table.papers, alpha: 0.5, duration: 1000 });
    expect(gate.mustDraw()).toBe(true);
    // No decoration scene does work in update(): only the preloader has one.
    for (const Scene of SCENES) {
      if (Scene.name === 'PreloaderScene') continue;
      expect(Scene.prototype.update, Scene.name).toBe(Phaser.Scene.prototype.update);
    }
  });
});

describe('the interlude', () => {
  it('prints the news in the era’s style, in the current language', async () => {
    const { c } = controller();
    handle = bootHeadless(c);
    await showing(handle, 'Title');
    c.start('bracero-1942', 'mx', opponent, 4);
    c.ready();
    await showing(handle, 'Interlude');
    const scene = handle.game.scene.getScene('Interlude') as InterludeScene;
    expect(scene.pageImage?.texture.key).toBe('newspaper@1942');
    const state = c.getState();
    const expected = state.news[0]?.title.en ?? state.view!.scenario.calendar[state.view!.round]!.label.en;
    expect(scene.headline?.text).toBe(expected.toUpperCase());
    expect(headlineOf(state).title).toBe(expected);
    c.setSettings({ lang: 'es' });
    const es = c.getState().news[0]?.title.es ?? c.getState().view!.scenario.calendar[c.getState().view!.round]!.label.es;
    expect(scene.headline?.text).toBe(es.toUpperCase());
    expect(scene.masthead?.text).toBe('EXTRA');
  });

  it('is a fax in 1995 and a broadcast with a ticker in 2001', async () => {
    const { c } = controller();
    handle = bootHeadless(c);
    c.start('zacatecas-1995', 'us', opponent, 2);
    c.ready();
    await showing(handle, 'Interlude');
    expect((handle.game.scene.getScene('Interlude') as InterludeScene).pageImage?.texture.key).toBe('faxsheet@1995');
    c.start('whole-enchilada-2001', 'us', opponent, 2);
    c.ready();
    const scene = handle.game.scene.getScene('Interlude') as InterludeScene;
    await until(() => scene.era === '2001' && scene.ticker !== null, 'the 2001 interlude');
    expect(scene.pageImage).toBeNull();
    expect(scene.masthead?.text).toBe('BREAKING NEWS');
    expect(scene.ticker?.bug.text).toBe('LIVE');
    expect(scene.headline?.text).toBe(headlineOf(c.getState()).title);
  });
});

describe('signing and ratification', () => {
  it('signs, then lights the player side’s chamber seat by seat from its votes', async () => {
    const { c } = controller();
    handle = bootHeadless(c);
    c.start('bracero-1942', 'us', { persona: 'eager', difficulty: 'easy' }, 3);
    c.ready();
    playUntil(c, 'us', (s) => s.screen === 'signing');
    await showing(handle, 'Signing');
    c.ack();
    await showing(handle, 'Ratification');
    const scene = handle.game.scene.getScene('Ratification') as RatificationScene;
    const result = c.getState().view!.outcome!.ratification!.us;
    expect(scene.result).toBe(result);
    const per = seatsPerBlock(result.votes.length);
    expect(scene.seats.length).toBe(result.votes.length * per);
    result.votes.forEach((vote, i) => {
      const block = scene.seats.slice(i * per, i * per + per).map((s) => s.getData('vote'));
      expect(new Set(block), vote.constituency).toEqual(new Set([vote.yes ? 'yes' : 'no']));
    });
    await until(() => scene.seats.every((s) => s.texture.key === `seat-${s.getData('vote')}@1942`), 'every seat to light', 6000);
    c.ack();
    await showing(handle, 'Debrief');
  });
});

describe('layout', () => {
  it('fits 1280×720, 1920×1080 and 1024×768, keeping the overlay’s column clear of the figures', async () => {
    const parent = container(1280, 720);
    const { h, table } = await atTable('whole-enchilada-2001', 'us', parent);
    for (const [w, hh] of [
      [1280, 720],
      [1920, 1080],
      [1024, 768],
    ] as const) {
      parent.size(w, hh);
      window.dispatchEvent(new Event('resize'));
      await until(() => table.frame.w === w && table.frame.h === hh, `a ${w}×${hh} layout`);
      expect(table.frame).toEqual(frameOf(w, hh));
      expect([h.game.scale.width, h.game.scale.height]).toEqual([w, hh]);
      const f = table.frame;
      expect(table.backdrop!.displayWidth).toBeGreaterThanOrEqual(w - 1);
      expect(table.backdrop!.displayHeight).toBeGreaterThanOrEqual(hh - 1);
      for (const dot of table.calendar!.dots) {
        expect(dot.x).toBeGreaterThan(0);
        expect(dot.x).toBeLessThan(w);
        expect(dot.y).toBeLessThan(hh);
      }
      // The leaders stand in the side bands, never in the middle of the overlay's column.
      const us = table.delegations!.us.figures[0]!;
      const mx = table.delegations!.mx.figures[0]!;
      expect(us.x).toBeLessThan(f.cx - f.w * 0.2);
      expect(mx.x).toBeGreaterThan(f.cx + f.w * 0.2);
      for (const o of table.children.list) {
        const img = o as Phaser.GameObjects.Image;
        expect(Number.isFinite(img.x) && Number.isFinite(img.y), img.type).toBe(true);
      }
    }
  });

  it('draws every scene in every era without errors', async () => {
    const { c } = controller();
    handle = bootHeadless(c);
    await showing(handle, 'Title');
    c.newGame();
    await showing(handle, 'Select');
    for (const id of ['bracero-1942', 'zacatecas-1995', 'whole-enchilada-2001']) {
      c.start(id, 'mx', { persona: 'eager', difficulty: 'easy' }, 11);
      await showing(handle, 'Briefing');
      c.ready();
      await showing(handle, 'Interlude');
      playUntil(c, 'mx', (s) => s.screen === 'debrief');
      await showing(handle, 'Debrief');
      expect((handle.game.scene.getScene('Debrief') as DecorScene).backdrop?.texture.key).toBe(`backdrop@${id.slice(-4)}`);
    }
  });
});
