// npm run sim -- --scenario <id> --seed <n> [--json] [--persona-us p] [--persona-mx p] [--disable id] [--move id=round] [--scale id=x] [--add id]
// Plays a whole game with an AI on both sides and prints its outcome (one JSON object with --json).
import { createOpponent } from '../ai/opponent';
import { playOut } from '../ai/play-out';
import { SCENARIO_IDS } from '../content/scenarios';
import { analyseGame, createGame, envelopeOf, GameConfigError, type Overrides } from '../engine';
import { helpText, intFlag, OVERRIDE_FLAGS, overridesFrom, parseFlags, runCli, UsageError } from './args';
import { loadScenarioOrExit } from './load';

const SPEC = {
  scenario: { type: 'string', choices: SCENARIO_IDS, describe: 'which historical negotiation' },
  seed: { type: 'string', describe: 'seed of the game (default 1)' },
  json: { type: 'boolean', describe: 'print one JSON object' },
  'persona-us': { type: 'string', describe: 'persona of the US AI' },
  'persona-mx': { type: 'string', describe: 'persona of the Mexican AI' },
  difficulty: { type: 'string', describe: 'difficulty of both AIs' },
  ...OVERRIDE_FLAGS,
  help: { type: 'boolean', describe: 'show this help' },
} as const;


function main() {
  const { flags } = parseFlags(process.argv.slice(2), SPEC);
  if (flags.help) {
    console.log(helpText('npm run sim -- --scenario <id> --seed <n> [--json]', SPEC));
    return;
  }
  if (!flags.scenario) throw new UsageError(`--scenario is required; valid scenarios: ${SCENARIO_IDS.join(', ')}`);
  const scenario = loadScenarioOrExit(flags.scenario as string);
  const seed = intFlag(flags, 'seed', 1);
  const overrides: Overrides = overridesFrom(flags);
  let game: ReturnType<typeof createGame>;
  try {
    game = createGame(scenario, seed, { overrides });
  } catch (e) {
    if (e instanceof GameConfigError) throw new UsageError(e.problems.map((p) => `${p.path}: ${p.rule}`).join('; '));
    throw e;
  }
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
    overrides,
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
  console.log(`outcome: ${o.reason}${o.package ? ` in round ${o.round + 1}` : ''}`);
  if (o.package) for (const [k, v] of Object.entries(o.package)) console.log(`  ${k}: ${v}`);
  console.log(`ratified: US ${o.ratified.us}, Mexico ${o.ratified.mx}; scores: US ${o.scores.us}, Mexico ${o.scores.mx}`);
  console.log(`shocks: ${state.fired.map((f) => `${f.id} (round ${f.round + 1})`).join(', ') || 'none'}`);
  console.log(`distance to history: ${Math.round(analysis.history.mean * 100)}%; to the Pareto frontier: ${analysis.distanceToFrontier.toFixed(3)}`);
}

runCli(main);
