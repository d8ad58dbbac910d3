// Which screen a session snapshot puts a seat on. Solo play and the classroom server both read it here,
// so a table's client and a solo player see the same screen for the same moment of the game.
import type { TableScreen } from '../content/classroom-schema';
import type { SessionSnapshot } from './selectors';

/**
 * The screen a snapshot puts a seat on: 'waiting' before the game opens, then the game's own screens.
 * Paused, it is the screen the pause interrupted (the UI lays its pause over it).
 */
export function screenOf(snap: SessionSnapshot): TableScreen {
  if (!snap.context.game) return 'waiting';
  if (snap.matches('debrief')) return 'debrief';
  if (snap.matches('paused')) return pausedScreen(snap);
  if (snap.matches({ playing: 'briefing' })) return 'briefing';
  if (snap.matches({ playing: 'signing' })) return 'signing';
  if (snap.matches({ playing: 'ratification' })) return 'ratification';
  if (snap.matches({ playing: { rounds: 'news' } }) || snap.matches({ playing: { rounds: 'shock' } })) return 'interlude';
  return 'table';
}

// Paused, the machine sits outside `playing`; its deep history (state nodes by id) says where the table was.
function pausedScreen(snap: SessionSnapshot): TableScreen {
  const ids = Object.values(snap.historyValue ?? {}).flatMap((nodes) => nodes.map((n) => n.id));
  const at = (name: string) => ids.some((id) => id.split('.').includes(name));
  if (at('briefing')) return 'briefing';
  if (at('signing')) return 'signing';
  if (at('ratification')) return 'ratification';
  if (at('news') || at('shock')) return 'interlude';
  return 'table';
}
