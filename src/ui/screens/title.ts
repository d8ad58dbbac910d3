// Title: what the game is, a new game, continuing the autosaved one, opening a save file, the lab, joining
// or running a class, and the language and sound settings (also in the bar above, which every screen has).
import type { Ui } from '../context';
import { h, screenHeading } from '../dom';

export function titleScreen(ui: Ui): HTMLElement {
  const { controller, state } = ui;
  const continueHelp = state.canContinue ? null : h('p', { class: 'help', id: 'continue-help' }, ui.tr('title.continueNone'));
  return h(
    'section',
    { class: 'screen screen-title panel', 'aria-labelledby': 'title-heading' },
    screenHeading(1, ui.tr('title.heading'), 'title-heading'),
    h('p', { class: 'tagline' }, ui.tr('title.tagline')),
    h('p', { class: 'intro' }, ui.tr('title.intro')),
    h(
      'div',
      { class: 'title-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary',
          id: 'new-game',
          'data-testid': 'new-game',
          onclick: () => {
            ui.preloadScreens();
            void controller.newGame();
          },
        },
        ui.tr('title.newGame'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          id: 'continue-saved',
          'data-testid': 'continue-saved',
          disabled: !state.canContinue,
          'aria-describedby': continueHelp ? 'continue-help' : null,
          onclick: () => {
            ui.preloadScreens();
            void controller.continueSaved();
          },
        },
        ui.tr('title.continue'),
      ),
      continueHelp,
      h(
        'button',
        { type: 'button', class: 'btn', id: 'import-save', 'data-testid': 'import-save', 'aria-describedby': 'import-help', onclick: () => ui.openSaveFile() },
        ui.tr('title.import'),
      ),
      h('p', { class: 'help', id: 'import-help' }, ui.tr('title.importHelp')),
      h('button', { type: 'button', class: 'btn', id: 'open-lab', 'data-testid': 'open-lab', 'aria-describedby': 'lab-help', onclick: () => controller.openLab() }, ui.tr('lab.open')),
      h('p', { class: 'help', id: 'lab-help' }, ui.tr('lab.openHelp')),
      h(
        'button',
        { type: 'button', class: 'btn', id: 'join-class', 'data-testid': 'join-class', 'aria-describedby': 'join-class-help', onclick: () => controller.openJoin() },
        ui.tr('classroom.titleJoin'),
      ),
      h('p', { class: 'help', id: 'join-class-help' }, ui.tr('classroom.titleJoinHelp')),
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          id: 'run-class',
          'data-testid': 'run-class',
          'aria-describedby': 'run-class-help',
          onclick: () => {
            ui.preloadScreens();
            void controller.openClassSetup();
          },
        },
        ui.tr('classroom.titleRun'),
      ),
      h('p', { class: 'help', id: 'run-class-help' }, ui.tr('classroom.titleRunHelp')),
    ),
  );
}
