// The notice area: messages that are not game refusals (a refused save file, an export done, a class's
// notices), and at a class's table the instructor's latest message until it is dismissed.
import type { Locale } from '../i18n/translate';
import { lookup } from '../i18n/translate';
import type { Memory, Ui } from './context';
import { h } from './dom';
import { tr } from './i18n';
import { problemText } from './screens/classroom/words';

/**
 * The controller's notices are codes ("save-invalid"), classroom codes ("classroom:moved",
 * "classroom:refused-rate-limited") or, rarely, a sentence of their own.
 */
export function noticeText(lang: Locale, text: string): string {
  if (text.startsWith('classroom:')) {
    const code = text.slice('classroom:'.length);
    if (code.startsWith('refused-')) return tr(lang, 'classroom.notice.refused', { reason: problemText(lang, code.slice('refused-'.length)) });
    return lookup(lang, `ui.classroom.notice.${code}`) ?? problemText(lang, code);
  }
  return lookup(lang, `ui.notice.${text}`) ?? text;
}

/** How many of the instructor's messages the student has dismissed, per overlay. */
const dismissedBroadcasts = new WeakMap<Memory, number>();

function broadcastNotice(ui: Ui): HTMLElement | null {
  const list = ui.state.classroom.broadcasts;
  if (!ui.state.classroom.joined || list.length === 0 || (dismissedBroadcasts.get(ui.memory) ?? 0) >= list.length) return null;
  const last = list[list.length - 1]!;
  return h(
    'div',
    { class: 'notice notice-info notice-broadcast', 'data-testid': 'broadcast-notice' },
    // The instructor's words are text, never markup.
    h('p', {}, tr(ui.lang, 'classroom.broadcastSaid', { text: last.text })),
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-quiet',
        id: 'broadcast-dismiss',
        'data-testid': 'broadcast-dismiss',
        onclick: () => {
          dismissedBroadcasts.set(ui.memory, list.length);
          ui.rerender();
        },
      },
      tr(ui.lang, 'notice.dismiss'),
    ),
  );
}

export function noticeArea(ui: Ui): HTMLElement {
  const shared = ui.state.notice !== ui.memory.dismissed ? ui.state.notice : null;
  const n = ui.memory.notice ?? shared;
  const box = h('div', { class: 'notice-area', 'aria-label': ui.tr('app.regionNotice'), role: 'region' });
  const broadcast = broadcastNotice(ui);
  if (broadcast) box.appendChild(broadcast);
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
