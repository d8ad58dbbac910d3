// The control that moves a game on (ready on the briefing, continue on the news, the signing and the vote).
// At a class's table only a delegation's lead says when it goes on, so the control also says whom the
// table waits for.
import type { Joined } from '../../content/classroom-schema';
import type { Side } from '../../engine';
import type { Ui } from '../context';
import { h } from '../dom';
import { sideName } from '../i18n';
import { aiPlays } from '../table/class-seat';

/** Who a class's table waits for before it goes on (null when nobody has said anything yet and the student leads). */
function waitingText(ui: Ui, me: Joined): string | null {
  const ready = ui.state.classroom.readySides;
  const other: Side = me.side === 'us' ? 'mx' : 'us';
  const side = sideName(ui.lang, other);
  const mine = ready.includes(me.side);
  const theirs = ready.includes(other);
  if (mine && theirs) return ui.tr('classroom.screens.bothReady');
  if (mine) return ui.tr(me.role === 'lead' ? 'classroom.screens.youReady' : 'classroom.screens.leadReady', { side });
  const parts: string[] = [];
  if (me.role !== 'lead') {
    // With no student leading the delegation, the table only waits for the other side's lead.
    if (aiPlays(ui, `${me.side}.lead`)) return ui.tr('classroom.screens.waitOther', { side });
    parts.push(ui.tr('classroom.screens.waitLead'));
  }
  if (theirs) parts.push(ui.tr('classroom.screens.otherReady', { side }));
  return parts.length ? parts.join(' ') : null;
}

/**
 * The control that moves the game on (ready, continue). At a class's table only a delegation's lead says
 * when it goes on (the table refuses an adviser), so an adviser sees whom the table waits for instead of
 * a button, and a lead sees the button with which delegations are ready. Solo play: the button alone.
 */
export function goOnControls(ui: Ui, button: HTMLElement): (HTMLElement | null)[] {
  const me = ui.state.classroom.joined;
  if (!me) return [button];
  const text = waitingText(ui, me);
  const status = text ? h('p', { class: 'status-line', role: 'status', 'data-testid': 'go-on-status' }, text) : null;
  return me.role === 'lead' ? [button, status] : [status];
}
