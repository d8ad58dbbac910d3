// The bar at the top of every screen: language, sound and volume, and during a game the scenario,
// the round timer (when one runs) and the pause button. It is always there, so the language can be
// switched at any time without leaving the game. At a class's table it shows the seat and the connection
// instead of the pause button (the instructor pauses a class's tables).
import type { Ui } from './context';
import { h } from './dom';
import { local, sideName } from './i18n';
import { seatText } from './table/class-seat';

export function formatClock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function toolbar(ui: Ui): HTMLElement {
  const { state, controller } = ui;
  const settings = state.settings;
  const other = ui.lang === 'en' ? 'es' : 'en';
  const inGame = state.view !== null && ['table', 'interlude', 'briefing', 'signing', 'ratification'].includes(state.screen);
  const seat = state.classroom.joined;
  const canPause = !seat && inGame && state.screen !== 'briefing' && !state.paused && state.screen !== 'signing' && state.screen !== 'ratification';
  return h(
    'header',
    { class: 'toolbar', 'aria-label': ui.tr('app.regionSettings') },
    h('p', { class: 'brand' }, ui.tr('app.name'), state.view ? h('span', { class: 'brand-scenario' }, ` · ${local(ui.lang, state.view.scenario.title)}`) : null),
    seat
      ? h(
          'p',
          { class: `class-line is-${state.classroom.connection}`, 'data-testid': 'class-line' },
          ui.tr('classroom.toolbarSeat', { n: seat.tableNo, seat: seatText(ui.lang, seat.seat) }),
          state.classroom.connection === 'reconnecting' || state.classroom.connection === 'connecting'
            ? h('span', { class: 'class-conn' }, ` · ${ui.tr(state.classroom.connection === 'reconnecting' ? 'classroom.barReconnecting' : 'classroom.connConnecting')}`)
            : null,
          state.classroom.unsent > 0 ? h('span', { class: 'class-unsent', 'data-testid': 'unsent' }, ` · ${ui.tr('classroom.unsent', { n: state.classroom.unsent })}`) : null,
          // Between rounds the table goes on when both leads are ready: say who is.
          state.classroom.readySides.length && ['briefing', 'interlude', 'signing', 'ratification'].includes(state.screen)
            ? h('span', { class: 'class-ready', 'data-testid': 'ready-sides' }, ` · ${ui.tr('classroom.barReady', { sides: state.classroom.readySides.map((s) => sideName(ui.lang, s)).join(', ') })}`)
            : null,
        )
      : null,
    state.countdownMs !== null && inGame
      ? h('p', { class: 'timer', id: 'round-timer', role: 'timer', 'data-testid': 'timer' }, ui.tr('toolbar.timer', { time: formatClock(state.countdownMs) }))
      : null,
    h(
      'div',
      { class: 'toolbar-controls' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-quiet',
          id: 'lang-toggle',
          'data-testid': 'lang-toggle',
          lang: other,
          'aria-label': ui.tr('toolbar.switchLanguageLabel'),
          onclick: () => controller.setSettings({ lang: other }),
        },
        ui.tr('toolbar.switchLanguage'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-quiet',
          id: 'sound-toggle',
          'data-testid': 'sound-toggle',
          'aria-pressed': settings.sound ? 'true' : 'false',
          onclick: () => controller.setSettings({ sound: !settings.sound }),
        },
        settings.sound ? ui.tr('toolbar.soundOn') : ui.tr('toolbar.soundOff'),
      ),
      h(
        'label',
        { class: 'volume', for: 'volume' },
        h('span', {}, ui.tr('toolbar.volume')),
        h('input', {
          type: 'range',
          id: 'volume',
          'data-testid': 'volume',
          min: 0,
          max: 100,
          step: 10,
          value: Math.round(settings.volume * 100),
          disabled: !settings.sound,
          onchange: (ev: Event) => controller.setSettings({ volume: Number((ev.target as HTMLInputElement).value) / 100 }),
        }),
      ),
      canPause
        ? h(
            'button',
            { type: 'button', class: 'btn btn-quiet', id: 'pause', 'data-testid': 'pause', 'aria-label': ui.tr('toolbar.pauseLabel'), onclick: () => controller.pause() },
            ui.tr('toolbar.pause'),
          )
        : null,
    ),
  );
}
