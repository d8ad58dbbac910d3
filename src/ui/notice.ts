// The notice area: messages that are not game refusals (a refused save file, an export done).
import type { Locale } from '../i18n/translate';
import { lookup } from '../i18n/translate';
import type { Ui } from './context';
import { h } from './dom';
import { tr } from './i18n';

/** The controller's notices are codes ("save-invalid") or, rarely, a sentence of their own. */
export function noticeText(lang: Locale, text: string): string {
  return lookup(lang, `ui.notice.${text}`) ?? text;
}

export function noticeArea(ui: Ui): HTMLElement {
  const shared = ui.state.notice !== ui.memory.dismissed ? ui.state.notice : null;
  const n = ui.memory.notice ?? shared;
  const box = h('div', { class: 'notice-area', 'aria-label': ui.tr('app.regionNotice'), role: 'region' });
  if (!n) return box;
  const dismiss = () => {
    if (!ui.memory.notice) ui.memory.dismissed = ui.state.notice;
    ui.memory.notice = null;
    ui.rerender();
  };
  box.appendChild(
    h(
      'div',
      { class: `notice notice-${n.kind}`, role: n.kind === 'error' ? 'alert' : 'status', 'data-testid': 'notice' },
      h('p', {}, noticeText(ui.lang, n.text)),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: dismiss, id: 'notice-dismiss', 'data-testid': 'notice-dismiss' }, tr(ui.lang, 'notice.dismiss')),
    ),
  );
  return box;
}
