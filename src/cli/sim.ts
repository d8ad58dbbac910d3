// npm run sim -- --scenario <id> --seed <n> [--json] [--persona-us p] [--persona-mx p] [--disable id] [--move id=round] [--scale id=x] [--add id]
// npm run sim -- --fork <save.json> --round <n> [--disable id] … [--json]
// Plays a whole game with an AI on both sides and prints its outcome (one JSON object with --json). With
// --fork, the recorded game is replayed up to the start of round n, the shocks still to come follow the
// overrides, and the AIs play on from there with the same seed.
import { createOpponent } from '../ai/opponent';
import { playOut } from '../ai/play-out';
import { SCENARIO_IDS } from '../content/scenarios';
import { analyseGame, createGame, envelopeOf, GameConfigError, type GameState, type Overrides } from '../engine';
import { helpText, intFlag, OVERRIDE_FLAGS, overridesFrom, parseFlags, runCli, UsageError } from './args';
import { forkGame, readForkSource } from './fork-source';
import { loadScenarioOrExit } from './load';

const SPEC = {
  scenario: { type: 'string', choices: SCENARIO_IDS, describe: 'which historical negotiation' },
  seed: { type: 'string', describe: 'seed of the game (default 1)' },
  json: { type: 'boolean', describe: 'print one JSON object' },
  'persona-us': { type: 'string', describe: 'persona of the US AI' },
  'persona-mx': { type: 'string', describe: 'persona of the Mexican AI' },
  difficulty: { type: 'string', describe: 'difficulty of both AIs' },
  ...OVERRIDE_FLAGS,
  fork: { type: 'string', describe: 'a recorded game to fork (a save file, an envelope, or sim --json output)' },
  round: { type: 'string', describe: 'with --fork: the round to replay from (1 = the first)' },
  help: { type: 'boolean', describe: 'show this help' },
} as const;


function main() {
  const { flags } = parseFlags(process.argv.slice(2), SPEC);
  if (flags.help) {
    console.log(helpText('npm run sim -- --scenario <id> --seed <n> [--json]', SPEC));
    return;
  }
  const overrides: Overrides = overridesFrom(flags);
  let game: GameState;
  let fork: { round: number; overrides: Overrides; parentEvents: number } | null = null;
  if (flags.fork) {
    if (flags.seed !== undefined) throw new UsageError('--seed cannot be changed in a fork: it replays the recorded game with its own seed');
    const source = readForkSource(flags.fork as string);
    if (flags.scenario && flags.scenario !== source.envelope.scenarioId)
      throw new UsageError(`--scenario ${flags.scenario} does not match the recorded game (${source.envelope.scenarioId})`);
    const forked = forkGame(source, flags.round as string | undefined, overrides);
    game = forked.state;
    fork = { round: forked.round + 1, overrides, parentEvents: source.envelope.events.length };
  } else {
    if (flags.round !== undefined) throw new UsageError('--round goes with --fork <file>');
    if (!flags.scenario) throw new UsageError(`--scenario is required; valid scenarios: ${SCENARIO_IDS.join(', ')}`);
    try {
      game = createGame(loadScenarioOrExit(flags.scenario as string), intFlag(flags, 'seed', 1), { overrides });
    } catch (e) {
      if (e instanceof GameConfigError) throw new UsageError(e.problems.map((p) => `${p.path}: ${p.rule}`).join('; '));
      throw e;
    }
  }
  const scenario = game.scenario;
  const seed = game.seed;
  const agent = (side: 'us' | 'mx') => {
    const r = createOpponent(scenario, side, { persona: flags[`persona-${side}`] as string | undefined, difficulty: flags.difficulty as string | undefined }, seed);
    if (!r.ok) throw new UsageError(r.error);
    return r;
  };
  const us = agent('us');
  const mx = agent('mx');
  const { state } = playOut(game, { us: us.agent, mx: mx.agent });
  const o = state.outcome!;
  const analysis = analyseGame(state);
  const result = {
    scenario: scenario.id,
    seed,
    overrides: fork ? game.overrides : overrides,
    fork,
    agents: { us: us.label, mx: mx.label },
    outcome: {
      agreement: o.agreement,
      reason: o.reason,
      package: o.package,
      cards: o.cards,
      round: o.round,
      ratified: o.ratified,
      scores: o.scores,
      utility: o.utility,
      payoff: o.payoff,
      ratification: o.ratification,
    },
    analysis: {
      distanceToFrontier: analysis.distanceToFrontier,
      jointGain: analysis.jointGain,
      nash: analysis.nash && { us: analysis.nash.us, mx: analysis.nash.mx },
      history: analysis.history,
    },
    shocks: state.fired,
    log: envelopeOf(state),
  };
  if (flags.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`${scenario.title.en} — seed ${seed} — US: ${us.label}, Mexico: ${mx.label}`);
  if (fork) console.log(`fork of a recorded game (${fork.parentEvents} actions) from round ${fork.round}, with ${JSON.stringify(fork.overrides)}`);
  console.log(`outcome: ${o.reason}${o.package ? ` in round ${o.round + 1}` : ''}`);
  if (o.package) for (const [k, v] of Object.entries(o.package)) console.log(`  ${k}: ${v}`);
  console.log(`ratified: US ${o.ratified.us}, Mexico ${o.ratified.mx}; scores: US ${o.scores.us}, Mexico ${o.scores.mx}`);
  console.log(`shocks: ${state.fired.map((f) => `${f.id} (round ${f.round + 1})`).join(', ') || 'none'}`);
  console.log(`distance to history: ${Math.round(analysis.history.mean * 100)}%; to the Pareto frontier: ${analysis.distanceToFrontier.toFixed(3)}`);
}

runCli(main);
