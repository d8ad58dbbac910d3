// Which controls the table offers now, read off the player's view. The engine still decides: a control
// shown here can be refused, and the refusal is shown with its reason.
import { other, type Side, type View } from '../../engine';

export interface Moves {
  side: Side;
  lead: boolean;
  suspended: boolean;
  propose: boolean;
  respond: boolean;
  counter: boolean;
  countersLeft: number;
  domestic: boolean;
  domesticDone: boolean;
  lobby: boolean;
  statement: boolean;
  renege: boolean;
  walkAway: boolean;
  /** Whom the table waits for, when it is not the player. */
  waitingFor: Side | null;
}

export function movesOf(view: View): Moves {
  const side = view.side!;
  const own = view.own!;
  const lead = view.role === 'lead';
  const rules = view.scenario.rules;
  const myTurn = view.turn === side;
  const propose = view.phase === 'proposal' && myTurn && lead;
  const respond = view.phase === 'response' && myTurn && lead;
  const domestic = view.phase === 'domestic' && !view.domesticDone[side];
  const ledgerSize = Object.keys(view.ledger).length;
  const waitingFor = view.awaiting.includes(side) ? null : (view.awaiting[0] ?? (view.phase === 'ended' ? null : other(side)));
  return {
    side,
    lead,
    suspended: view.round < view.suspendedUntil,
    propose,
    respond,
    counter: respond && view.counters < rules.maxCounters,
    countersLeft: Math.max(0, rules.maxCounters - view.counters),
    domestic,
    domesticDone: view.phase === 'domestic' && view.domesticDone[side],
    lobby: domestic && own.capital > 0,
    statement: domestic && own.capital >= rules.statementCost,
    renege: lead && ledgerSize > 0 && (propose || domestic),
    walkAway: lead && view.phase !== 'ended',
    waitingFor,
  };
}
