// What the console shows of a table, and which screen a seat's client is on. The console is the
// instructor's: it reads the game through the instructor's projection (no side's secrets), plus one
// aggregate per delegation — its approval at home — rounded so it carries no exact secret number.
import type { TableScreen, TableSummary } from '../content/classroom-schema';
import type { GameState, Side } from '../engine';
import { countdownLeft, type SessionSnapshot, viewFor } from '../flow';

/** The screen a snapshot puts a seat on (the same reading as solo play's). */
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

/** A delegation's approval at home: its constituencies' support weighted by their say in ratification, to 2 decimals. */
export function approvalOf(game: GameState, side: Side): number {
  let sum = 0;
  let weight = 0;
  for (const c of game.sides[side].constituencies) {
    sum += c.ratificationWeight * c.support;
    weight += c.ratificationWeight;
  }
  return weight > 0 ? Math.round((sum / weight) * 100) / 100 : 0;
}

/** The game-dependent part of a table's summary (null game: not started). */
export function gameSummary(snap: SessionSnapshot | null, now: number): Pick<TableSummary, 'round' | 'roundId' | 'screen' | 'offer' | 'approval' | 'countdownMs' | 'paused' | 'fired' | 'outcome'> {
  const game = snap?.context.game;
  if (!snap || !game) return { round: null, roundId: null, screen: 'waiting', offer: null, approval: null, countdownMs: null, paused: false, fired: [], outcome: null };
  const view = viewFor(snap, 'instructor')!;
  const o = view.outcome;
  return {
    round: view.round,
    roundId: view.scenario.calendar[view.round]?.id ?? null,
    screen: screenOf(snap),
    offer: view.offer ? { by: view.offer.by, package: { ...view.offer.package } } : null,
    approval: game.phase === 'ended' ? null : { us: approvalOf(game, 'us'), mx: approvalOf(game, 'mx') },
    countdownMs: countdownLeft(snap, now),
    paused: snap.matches('paused'),
    fired: view.fired.map((f) => f.id),
    outcome: o ? { reason: o.reason, agreed: o.agreement, ratified: o.ratification ? { ...o.ratified } : null } : null,
  };
}
