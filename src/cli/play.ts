// npm run play -- --scenario <id> --seat us|mx --seed <n> [--persona <p>] [--difficulty <d>] [--lang en|es]
// npm run play -- --fork <save.json> --round <n> [--disable id] … (play on from a round of a recorded game)
// The game in a terminal: the same session machine as the browser drives it, the player types intents.
import { createInterface } from 'node:readline';
import { createActor } from 'xstate';
import { createOpponent } from '../ai/opponent';
import { SCENARIO_IDS } from '../content/scenarios';
import { analyseGame, other, type Side } from '../engine';
import { awaitedHumans, eventsForSeat, sessionMachine, viewFor } from '../flow';
import { type Locale, t } from '../i18n/translate';
import { helpText, intFlag, OVERRIDE_FLAGS, overridesFrom, parseFlags, runCli, UsageError } from './args';
import { parseCommand } from './commands';
import { forkGame, readForkSource } from './fork-source';
import { loadScenarioOrExit } from './load';
import { TextView } from './text-view';

const SPEC = {
  scenario: { type: 'string', choices: SCENARIO_IDS, describe: 'which historical negotiation' },
  seat: { type: 'string', choices: ['us', 'mx'], describe: 'the delegation you lead (default us)' },
  seed: { type: 'string', describe: 'seed of the game (default 1)' },
  persona: { type: 'string', describe: 'the opponent persona' },
  difficulty: { type: 'string', describe: 'the opponent difficulty' },
  lang: { type: 'string', choices: ['en', 'es'], describe: 'language (default en)' },
  fork: { type: 'string', describe: 'play on from a recorded game (a save file, an envelope, or sim --json output)' },
  round: { type: 'string', describe: 'with --fork: the round to replay from (1 = the first)' },
  ...OVERRIDE_FLAGS,
  help: { type: 'boolean', describe: 'show this help' },
} as const;

/** Asks for one of a few choices on the terminal; a wrong answer asks again. */
async function choose<T extends string>(lines: AsyncIterator<string>, lang: Locale, what: 'scenario' | 'seat', labels: string[], values: readonly T[]): Promise<T> {
  console.log(t(lang, what === 'scenario' ? 'cli.chooseScenario' : 'cli.chooseSeat'));
  for (const [k, l] of labels.entries()) console.log(`  ${k + 1}. ${l}`);
  for (;;) {
    process.stdout.write('> ');
    const next = await lines.next();
    if (next.done) throw new UsageError(`no ${what} chosen`);
    const k = Number(next.value.trim()) - 1;
    if (values[k]) return values[k]!;
  }
}

async function main() {
  const { flags } = parseFlags(process.argv.slice(2), SPEC);
  if (flags.help) {
    console.log(helpText('npm run play -- --scenario <id> --seat us|mx --seed <n>', SPEC));
    return;
  }
  const lang = ((flags.lang as string | undefined) ?? 'en') as Locale;
  // A fork: the recorded game up to the round, the shocks to come re-planned, the same seed; the player
  // keeps the recorded seat and opponent unless the flags say otherwise.
  const source = flags.fork ? readForkSource(flags.fork as string) : null;
  const forked = source ? forkGame(source, flags.round as string | undefined, overridesFrom(flags)) : null;
  if (!source) {
    if (flags.round !== undefined) throw new UsageError('--round goes with --fork <file>');
    const o = overridesFrom(flags);
    if (o.disable.length || o.add.length || Object.keys(o.move).length || Object.keys(o.scale).length) throw new UsageError('shock overrides go with --fork <file> --round <n>');
  } else if (flags.seed !== undefined) throw new UsageError('--seed cannot be changed in a fork: it replays the recorded game with its own seed');
  if (source && flags.scenario && flags.scenario !== source.envelope.scenarioId)
    throw new UsageError(`--scenario ${flags.scenario} does not match the recorded game (${source.envelope.scenarioId})`);
  // One reader for the whole session: piped input must not be lost between questions.
  const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  // Without flags (a bare `npm run play`), ask: a student should not need to know the ids.
  const scenarioId = source?.envelope.scenarioId ?? (flags.scenario as string | undefined) ?? (await choose(lines, lang, 'scenario', SCENARIO_IDS.map((id) => loadScenarioOrExit(id).title[lang]), SCENARIO_IDS));
  const scenario = loadScenarioOrExit(scenarioId);
  const seat = ((flags.seat as string | undefined) ??
    source?.seat ??
    (flags.scenario || source ? 'us' : await choose(lines, lang, 'seat', [scenario.delegations.us.name[lang], scenario.delegations.mx.name[lang]], ['us', 'mx']))) as Side;
  const seed = forked ? forked.envelope.seed : intFlag(flags, 'seed', 1);
  const opponentSide = other(seat);
  const recorded = source?.seat === seat ? source.opponent : undefined;
  const opponent = createOpponent(
    scenario,
    opponentSide,
    { persona: (flags.persona as string | undefined) ?? recorded?.persona, difficulty: (flags.difficulty as string | undefined) ?? recorded?.difficulty },
    seed,
  );
  if (!opponent.ok) throw new UsageError(opponent.error);

  const replayed = forked ? { overrides: forked.envelope.overrides, resume: forked.envelope.events, forks: forked.envelope.forks } : {};
  const actor = createActor(sessionMachine, { input: { scenario, seed, humanSeats: [seat], agents: { [opponentSide]: opponent.agent }, ...replayed } });
  actor.start();
  actor.send({ type: 'START' });
  const start = viewFor(actor.getSnapshot(), seat)!;
  const tv = new TextView(start, lang);
  const print = (lines: string[]) => {
    for (const l of lines) console.log(l);
  };
  print([
    t(lang, 'cli.title', { scenario: scenario.title[lang] }),
    scenario.summary[lang],
    '',
    t(lang, 'cli.youPlay', { side: tv.sideName(seat), opponent: `${tv.sideName(opponentSide)} — ${opponent.label}` }),
    '',
    ...tv.brief(),
    '',
    t(lang, 'cli.help'),
  ]);
  let forkLine: string[] = [];
  if (forked) {
    const o = overridesFrom(flags);
    const changes = [
      ...o.disable.map((shock) => t(lang, 'cli.forkDisable', { shock })),
      ...Object.entries(o.move).map(([shock, round]) => t(lang, 'cli.forkMove', { shock, round })),
      ...Object.entries(o.scale).map(([shock, factor]) => t(lang, 'cli.forkScale', { shock, factor })),
      ...o.add.map((shock) => t(lang, 'cli.forkAdd', { shock })),
    ];
    forkLine = ['', t(lang, 'cli.forked', { n: forked.round + 1, events: forked.envelope.events.length, changes: changes.join('; ') || t(lang, 'cli.forkNone') })];
  }
  actor.send({ type: 'READY' });

  let shown = 0;
  /** Prints what happened since last time; acknowledges interludes, which the terminal shows inline. */
  const catchUp = () => {
    for (let guard = 0; guard < 100; guard++) {
      const snap = actor.getSnapshot();
      tv.update(viewFor(snap, seat)!);
      const events = eventsForSeat(snap, seat);
      for (const e of events.slice(shown)) print(tv.event(e));
      shown = events.length;
      if (snap.matches('debrief')) return 'over';
      if (snap.matches({ playing: { rounds: 'news' } }) || snap.matches({ playing: { rounds: 'shock' } }) || snap.matches({ playing: 'signing' }) || snap.matches({ playing: 'ratification' })) {
        actor.send({ type: 'ACK' });
        continue;
      }
      return awaitedHumans(snap).includes(seat) ? 'yours' : 'waiting';
    }
    return 'waiting';
  };

  const prompt = () => process.stdout.write(t(lang, 'cli.prompt', { side: seat }));
  const finish = () => {
    const snap = actor.getSnapshot();
    const view = viewFor(snap, seat)!;
    tv.update(view);
    print(tv.outcome(snap.context.game ? analyseGame(snap.context.game) : undefined));
    rl.close();
  };
  // A fork's recorded rounds are printed first, then where the replay branches off.
  const first = catchUp();
  print(forkLine);
  if (first === 'over') return finish();
  print(['', ...tv.board(), t(lang, 'cli.yourMove', { phase: t(lang, `phase.${viewFor(actor.getSnapshot(), seat)!.phase}`) })]);
  prompt();
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = next.value;
    const view = viewFor(actor.getSnapshot(), seat)!;
    const cmd = parseCommand(line, view, lang);
    if (!cmd) {
      prompt();
      continue;
    }
    if (cmd.kind === 'quit') {
      console.log(t(lang, 'cli.bye'));
      rl.close();
      return;
    }
    if (cmd.kind === 'error') console.log(cmd.message);
    else if (cmd.kind === 'show') print(cmd.what === 'board' ? tv.board() : cmd.what === 'brief' ? tv.brief() : [t(lang, 'cli.help')]);
    else if (cmd.kind === 'eval') print(tv.evaluation(cmd.package, cmd.cards));
    else {
      actor.send({ type: 'ACT', action: cmd.action });
      const err = actor.getSnapshot().context.lastError;
      if (err) console.log(t(lang, 'cli.refused', { reason: t(lang, `refusal.${err.code}` as never, err.params) }));
      const state = catchUp();
      if (state === 'over') return finish();
      if (!err) print(['', ...tv.board(), t(lang, 'cli.yourMove', { phase: t(lang, `phase.${viewFor(actor.getSnapshot(), seat)!.phase}`) })]);
    }
    prompt();
  }
  // Input ended before the game did (e.g. a piped script ran out).
  console.log(t(lang, 'cli.bye'));
}

runCli(main);
