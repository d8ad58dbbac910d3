// The pause screen, which is also the game menu: resume, export or open a save file, leave to the title.
import type { Ui } from '../context';
import { h, screenHeading } from '../dom';

export function pauseScreen(ui: Ui): HTMLElement {
  const c = ui.controller;
  return h(
    'section',
    { class: 'screen screen-pause panel', 'aria-labelledby': 'pause-heading' },
    screenHeading(1, ui.tr('pause.heading'), 'pause-heading'),
    h('p', { class: 'help' }, ui.tr('pause.help')),
    h(
      'div',
      { class: 'menu-buttons' },
      h('button', { type: 'button', class: 'btn btn-primary', id: 'resume', 'data-testid': 'resume', onclick: () => c.resume() }, ui.tr('pause.resume')),
      h('button', { type: 'button', class: 'btn', id: 'pause-export', 'data-testid': 'export-save', onclick: () => ui.exportSave() }, ui.tr('pause.export')),
      h('button', { type: 'button', class: 'btn', id: 'pause-import', 'data-testid': 'import-save', onclick: () => ui.openSaveFile() }, ui.tr('pause.import')),
      h('button', { type: 'button', class: 'btn', id: 'pause-title', 'data-testid': 'to-title', onclick: () => c.backToTitle() }, ui.tr('pause.toTitle')),
    ),
  );
}
