// The engine's public surface. Pure and deterministic: no I/O, no clock, no unseeded randomness.
export { analyseGame, compareWithHistory, distanceToFrontier, nashPoint, paretoFrontier, winSetsOverlap } from './scoring';
export type { FrontierPoint, GameAnalysis, HistoryComparison } from './scoring';
export { awaitedSides, defaultAction, legalActionTypes, openIssues } from './legal';
export { indexScenario } from './model';
export { eventsFor, homeApproval, projection, publicScenario } from './projection';
export type { OwnBrief, PublicOffer, PublicScenario, ShockView, View } from './projection';
export { applyFork, forkAtRound, mergeOverrides } from './fork';
export type { ForkEnvelopeResult, ForkResult } from './fork';
export { envelopeOf, replay, serializeState } from './replay';
export type { ReplayResult } from './replay';
export { RngStream, seedRng } from './rng';
export { checkOverrides } from './shocks';
export { createGame, GameConfigError, parseSeat, proposerOf, step, timeOf } from './step';
export * from './types';
export * from './utility';
