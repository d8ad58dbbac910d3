// The aria-live announcer: reads new game events (offers, acceptances, shocks, votes, the result),
// refusals and notices, in the current language; in a class also the instructor's messages and the
// connection dropping and coming back. It appends short paragraphs and keeps the last few.
import type { AppState } from '../app/app-types';
import type { GameEvent } from '../engine';
import type { Locale } from '../i18n/translate';
import { eventText } from './events-text';
import { refusalText, tr } from './i18n';
import { noticeText } from './notice';

const KEEP = 4;

export class Announcer {
  private seen = 0;
  private first: GameEvent | undefined;
  private lastError: AppState['lastError'] = null;
  private lastNotice: AppState['notice'] = null;
  private awaited = false;
  private broadcasts = 0;
  private connection: AppState['classroom']['connection'] = 'idle';

  constructor(private readonly el: HTMLElement) {}

  /** Announces what is new in `state` since the last call. */
  update(state: AppState, lang: Locale): void {
    const lines: string[] = [];
    const events = state.events;
    if (events[0] !== this.first) {
      // A new game (or a resumed one): start counting from its own first event.
      this.first = events[0];
      this.seen = 0;
    }
    if (state.view && events.length > this.seen) {
      for (const e of events.slice(this.seen)) if (e.type !== 'lobbied') lines.push(eventText(lang, e, state.view));
    }
    this.seen = events.length;
    if (state.lastError && state.lastError !== this.lastError)
      lines.push(tr(lang, 'actions.refused', { reason: refusalText(lang, state.lastError, state.view) }));
    this.lastError = state.lastError;
    if (state.notice && state.notice !== this.lastNotice) lines.push(noticeText(lang, state.notice.text));
    this.lastNotice = state.notice;
    const c = state.classroom;
    // The instructor's messages, read once each (as text: the live region never parses markup).
    if (c.broadcasts.length < this.broadcasts) this.broadcasts = 0;
    for (const b of c.broadcasts.slice(this.broadcasts)) lines.push(tr(lang, 'classroom.broadcastSaid', { text: b.text }));
    this.broadcasts = c.broadcasts.length;
    if (c.joined && c.connection !== this.connection) {
      if (c.connection === 'reconnecting' && this.connection === 'open') lines.push(tr(lang, 'classroom.connectionLost'));
      if (c.connection === 'open' && this.connection === 'reconnecting') lines.push(tr(lang, 'classroom.connectionBack'));
    }
    this.connection = c.connection;
    const v = state.view;
    // An adviser's side may be awaited, but only its lead proposes or answers: not the adviser's turn.
    const awaited =
      state.screen === 'table' && !state.paused && !!v?.side && v.role === 'lead' && v.awaiting.includes(v.side) && !(v.phase === 'domestic' && v.domesticDone[v.side]);
    if (awaited && !this.awaited && v?.phase !== 'domestic') lines.push(tr(lang, 'event.yourTurn'));
    this.awaited = awaited;
    if (lines.length) this.say(lines.join(' '));
  }

  say(text: string): void {
    const p = document.createElement('p');
    p.textContent = text;
    this.el.appendChild(p);
    while (this.el.childElementCount > KEEP) this.el.firstElementChild?.remove();
  }
}
