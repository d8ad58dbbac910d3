// The session: it runs one game for people and agents. It wires named guards and actions to pure helpers
// and asks the engine every rule question; the round substates are read off the game after each step.
//
//   setup ──START──▶ playing.briefing ──READY──▶ playing.rounds ─┬─▶ playing.signing ─ACK─▶ playing.ratification ─ACK─▶ debrief
//                    (PAUSE ⇄ paused, RESUME via deep history)    └─▶ debrief (no agreement)
//   playing.rounds: route (transient) → news | shock → proposal → response → domestic → … each with a
//   timer child: waiting (untimed or run out) | counting.
//
// `route` lets the agents move, then settles in the stage the game is in; a stage goes back to `route`
// as soon as the game leaves the wait it was entered for (a move, a counter-offer, a timeout).
//
// Timers: a timed wait's `counting` child fires an `after` when the countdown runs out. Pausing leaves the
// state, which cancels the `after`; resuming re-enters it through deep history and starts it again from
// the time that was left (preserved, not restarted). EXTEND adds time and restarts it from the new
// remainder. Deadlines are read on `input.now`, which must tell the same time as the actor's clock.
import { assertEvent, assign, setup } from 'xstate';
import { canRun, isValidExtension } from './countdown';
import {
  agentsMoved,
  countdownExpired,
  countdownExtended,
  countdownStarted,
  countdownStopped,
  initialContext,
  moved,
  newsSeen,
  forked,
  injected,
  opened,
  refused,
  reseated,
  refusedSeat,
  stageEntered,
} from './session-context';
import { awaitedAgent, isForeignSeat, settingsOf } from './session-moves';
import { stageKey, stageOf } from './session-stage';
import type { SessionContext, SessionEvent, SessionInput, SessionRefusalCode, Stage } from './session-types';

const sessionSetup = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
  },
  guards: {
    gameOpen: ({ context }) => context.game !== null,
    foreignSeat: ({ context, event }) => event.type === 'ACT' && isForeignSeat(context.input, event.action),
    agentAwaited: ({ context }) =>
      context.agentStall !== stageKey(context.game, context.newsRound) && awaitedAgent(context.input, context.game, context.newsRound) !== null,
    stageIs: ({ context }, params: { stage: Stage }) => stageOf(context.game, context.newsRound) === params.stage,
    /** The game has moved on from the wait this state was entered for. */
    stageMoved: ({ context }) => stageKey(context.game, context.newsRound) !== context.at,
    countdownReady: ({ context }) => canRun(context.countdown),
    countdownRearmed: ({ context }) => canRun(context.countdown) && context.countdown.deadline === null,
    countdownSpent: ({ context }) => !canRun(context.countdown),
    extensionAllowed: ({ context, event }) => event.type === 'EXTEND' && canRun(context.countdown) && isValidExtension(event.ms),
  },
  actions: {
    openGame: assign(({ context }) => opened(context)),
    resetSession: assign(({ context }) => initialContext(context.input)),
    refuse: assign((_, params: { code: SessionRefusalCode }) => refused(params.code)),
    refuseForeignSeat: assign(({ event }) => {
      assertEvent(event, 'ACT');
      return refusedSeat(event.action);
    }),
    applyHumanMove: assign(({ context, event }) => {
      assertEvent(event, 'ACT');
      return moved(context, event.action);
    }),
    runAgents: assign(({ context }) => agentsMoved(context)),
    acknowledgeNews: assign(({ context }) => newsSeen(context)),
    enterStage: assign(({ context }) => stageEntered(context)),
    startCountdown: assign(({ context }) => countdownStarted(context)),
    stopCountdown: assign(({ context }) => countdownStopped(context)),
    extendCountdown: assign(({ context, event }) => {
      assertEvent(event, 'EXTEND');
      return countdownExtended(context, event.ms);
    }),
    expireCountdown: assign(({ context }) => countdownExpired(context)),
    inject: assign(({ context, event }) => {
      assertEvent(event, 'INJECT');
      return injected(context, event.shock);
    }),
    fork: assign(({ context, event }) => {
      assertEvent(event, 'FORK');
      return forked(context, event.overrides);
    }),
    reseat: assign(({ context, event }) => {
      assertEvent(event, 'SEAT');
      return reseated(context, event.side, event.agent);
    }),
  },
  delays: {
    countdown: ({ context }) => context.countdown?.remainingMs ?? 0,
  },
});

/** The timer of a stage: `waiting` when the wait is not timed (or has run out), `counting` while it runs. */
const countdownStates = {
  initial: 'waiting',
  states: {
    waiting: { always: { guard: 'countdownReady', target: 'counting' } },
    counting: {
      entry: 'startCountdown',
      exit: 'stopCountdown',
      always: [
        { guard: 'countdownSpent', target: 'waiting' },
        { guard: 'countdownRearmed', target: 'counting', reenter: true },
      ],
      after: { countdown: { actions: 'expireCountdown' } },
    },
  },
} as const;

/** A stage re-routes as soon as the game leaves the wait it was entered for. */
// A stage also re-routes when an agent now holds the delegation it waits for (SEAT), so that agent moves.
const stage = {
  entry: 'enterStage',
  always: [
    { guard: 'stageMoved', target: 'route' },
    { guard: 'agentAwaited', target: 'route' },
  ],
  ...countdownStates,
} as const;

const interlude = {
  ...stage,
  on: {
    ACK: { actions: 'acknowledgeNews' },
    ACT: { actions: { type: 'refuse', params: { code: 'news-interlude' } } },
  },
} as const;

const routeTo = (s: Stage, target: string) => ({ guard: { type: 'stageIs', params: { stage: s } }, target }) as const;

export const sessionMachine = sessionSetup.createMachine({
  id: 'session',
  context: ({ input }) => initialContext(settingsOf(input)),
  initial: 'setup',
  on: {
    ACT: { actions: { type: 'refuse', params: { code: 'not-in-play' } } },
    // Who plays a delegation may change at any time; the stage re-routes so a new agent moves at once.
    SEAT: { actions: 'reseat' },
  },
  states: {
    setup: {
      always: { guard: 'gameOpen', target: 'playing' },
      on: { START: { actions: 'openGame' } },
    },
    // Everything a pause can interrupt; its deep history is where RESUME returns.
    playing: {
      initial: 'briefing',
      on: {
        PAUSE: 'paused',
        EXTEND: { guard: 'extensionAllowed', actions: 'extendCountdown' },
        INJECT: { actions: 'inject' },
        FORK: { actions: 'fork' },
      },
      states: {
        briefing: { on: { READY: 'rounds' } },
        rounds: {
          initial: 'route',
          on: {
            ACT: [{ guard: 'foreignSeat', actions: 'refuseForeignSeat' }, { actions: 'applyHumanMove' }],
          },
          states: {
            // Transient: lets the agents move, then settles in the stage the game is in.
            route: {
              meta: { transient: true },
              always: [
                { guard: 'agentAwaited', actions: 'runAgents' },
                routeTo('signing', '#session.playing.signing'),
                routeTo('debrief', '#session.debrief'),
                routeTo('news', 'news'),
                routeTo('shock', 'shock'),
                routeTo('proposal', 'proposal'),
                routeTo('response', 'response'),
                routeTo('domestic', 'domestic'),
              ],
            },
            news: interlude,
            shock: interlude,
            proposal: stage,
            response: stage,
            domestic: stage,
          },
        },
        signing: { entry: 'enterStage', on: { ACK: 'ratification' } },
        ratification: { on: { ACK: '#session.debrief' } },
        hist: { type: 'history', history: 'deep' },
      },
    },
    paused: {
      on: {
        RESUME: '#session.playing.hist',
        EXTEND: { guard: 'extensionAllowed', actions: 'extendCountdown' },
        ACT: { actions: { type: 'refuse', params: { code: 'paused' } } },
        INJECT: { actions: 'inject' },
        FORK: { actions: 'fork' },
        RESTART: { target: 'setup', actions: 'resetSession' },
      },
    },
    debrief: {
      entry: 'enterStage',
      on: { RESTART: { target: 'setup', actions: 'resetSession' } },
    },
  },
});

export type SessionMachine = typeof sessionMachine;
