// What the console shows of a table, and which screen a seat's client is on. The console is the
// instructor's: it reads the game through the instructor's projection (no side's secrets), plus one
// aggregate per delegation — its approval at home — rounded so it carries no exact secret number.
import type { TableSummary } from '../content/classroom-schema';
import { homeApproval } from '../engine';
import { countdownLeft, type SessionSnapshot, screenOf, viewFor } from '../flow';

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
    approval: game.phase === 'ended' ? null : { us: homeApproval(game, 'us'), mx: homeApproval(game, 'mx') },
    countdownMs: countdownLeft(snap, now),
    paused: snap.matches('paused'),
    fired: view.fired.map((f) => f.id),
    outcome: o ? { reason: o.reason, agreed: o.agreement, ratified: o.ratification ? { ...o.ratified } : null } : null,
  };
}
