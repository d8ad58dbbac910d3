// The flow layer: the session machine that runs a game for people and agents, and what the UI reads from it.
export { countdownFor, timeLeft } from './countdown';
export { awaitedHumans, countdownLeft, eventsForSeat, newsFor, type SessionSnapshot, stageFor, viewFor } from './selectors';
export { screenOf } from './screen-of';
export { type SessionMachine, sessionMachine } from './session-machine';
export { firedInRound, stageKey, stageOf } from './session-stage';
export type * from './session-types';
export type { TableUpdate } from './table-update';
