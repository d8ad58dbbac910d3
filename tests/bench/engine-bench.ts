// Engine speed: step() calls per second on recorded random games, and complete scripted games per
// second, per scenario, on one core. Printed, never asserted: speed targets live here, not in tests.
import { playOut } from '../../src/ai/play-out';
import { scriptedPolicy } from '../../src/ai/scripted';
import type { Scenario } from '../../src/content/scenario-schema';
import { type Action, createGame, RngStream, step } from '../../src/engine';
import { randomLegalAction } from '../helpers/random-play';

function recordGames(scenario: Scenario, n: number): { seed: number; actions: Action[] }[] {
  const out: { seed: number; actions: Action[] }[] = [];
  for (let seed = 0; seed < n; seed++) {
    const rng = RngStream.fromSeed(seed + 99);
    let state = createGame(scenario, seed);
    while (state.phase !== 'ended') state = step(state, randomLegalAction(state, rng)!).state;
    out.push({ seed, actions: state.actions });
  }
  return out;
}

export function benchEngine(scenario: Scenario): { stepsPerSecond: number; gamesPerSecond: number; meanSteps: number } {
  const games = recordGames(scenario, 300);
  const replayAll = () => {
    let steps = 0;
    for (const g of games) {
      let s = createGame(scenario, g.seed);
      for (const a of g.actions) {
        s = step(s, a).state;
        steps++;
      }
    }
    return steps;
  };
  replayAll(); // warm-up
  let steps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1500) steps += replayAll();
  const stepsPerSecond = steps / ((performance.now() - t0) / 1000);

  const play = (from: number, n: number) => {
    let actions = 0;
    for (let seed = from; seed < from + n; seed++)
      actions += playOut(createGame(scenario, seed), { us: scriptedPolicy, mx: scriptedPolicy }, 10_000, false).state.actions.length;
    return actions;
  };
  play(0, 200); // warm-up
  let played = 0;
  let actions = 0;
  const t1 = performance.now();
  while (performance.now() - t1 < 1500) {
    actions += play(1000 + played, 100);
    played += 100;
  }
  return { stepsPerSecond, gamesPerSecond: played / ((performance.now() - t1) / 1000), meanSteps: actions / played };
}
