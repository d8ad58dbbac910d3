// npm run play -- --scenario <id> --seat us|mx --seed <n> [--persona <p>] [--difficulty <d>] [--lang en|es]
// The game in a terminal: the same session machine as the browser drives it, the player types intents.
import { createInterface } from 'node:readline';
import { createActor } from 'xstate';
import { createOpponent } from '../ai/opponent';
import { SCENARIO_IDS } from '../content/scenarios';
import { analyseGame, other, type Side } from '../engine';
import { awaitedHumans, eventsForSeat, sessionMachine, viewFor } from '../flow';
import { type Locale, t } from '../i18n/translate';
import { helpText, intFlag, parseFlags, runCli, UsageError } from './args';
import { parseCommand } from './commands';
import { loadScenarioOrExit } from './load';
import { TextView } from './text-view';

const SPEC = {
  scenario: { type: 'string', choices: SCENARIO_IDS, describe: 'which historical negotiation' },
  seat: { type: 'string', choices: ['us', 'mx'], describe: 'the delegation you lead (default us)' },
  seed: { type: 'string', describe: 'seed of the game (default 1)' },
  persona: { type: 'string', describe: 'the opponent persona' },
  difficulty: { type: 'string', describe: 'the opponent difficulty' },
  lang: { type: 'string', choices: ['en', 'es'], describe: 'language (default en)' },
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
  // One reader for the whole session: piped input must not be lost between questions.
  const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  // Without flags (a bare `npm run play`), ask: a student should not need to know the ids.
  const scenarioId = (flags.scenario as string | undefined) ?? (await choose(lines, lang, 'scenario', SCENARIO_IDS.map((id) => loadScenarioOrExit(id).title[lang]), SCENARIO_IDS));
  const scenario = loadScenarioOrExit(scenarioId);
  const seat = ((flags.seat as string | undefined) ??
    (flags.scenario ? 'us' : await choose(lines, lang, 'seat', [scenario.delegations.us.name[lang], scenario.delegations.mx.name[lang]], ['us', 'mx']))) as Side;
  const seed = intFlag(flags, 'seed', 1);
  const opponentSide = other(seat);
  const opponent = createOpponent(
    scenario,
    opponentSide,
    { persona: flags.persona as string | undefined, difficulty: flags.difficulty as string | undefined },
    seed,
  );
  if (!opponent.ok) throw new UsageError(opponent.error);

  const actor = createActor(sessionMachine, { input: { scenario, seed, humanSeats: [seat], agents: { [opponentSide]: opponent.agent } } });
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
  if (catchUp() === 'over') return finish();
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
