// Forking a recorded game from the command line: the parent is a browser save file, a bare envelope, or the
// JSON `npm run sim -- --json` prints (its `log`). Whatever it is, it is checked with the same schemas as
// every other boundary and must replay; the fork starts at a 1-based round with new shock overrides.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { EnvelopeSchema } from '../content/action-schema';
import { zodErrors, formatContentError } from '../content/load-scenario';
import { SaveFileSchema } from '../content/save-schema';
import { getScenario } from '../content/scenarios';
import { type Envelope, forkAtRound, type GameState, type Overrides, type Side } from '../engine';
import { UsageError } from './args';

export interface ForkSource {
  envelope: Envelope;
  /** From a save file: who the player was and which AI sat across. */
  seat?: Side;
  opponent?: { persona: string; difficulty: string };
}

const SimOutputSchema = z.object({ log: EnvelopeSchema }).passthrough();

export function readForkSource(file: string): ForkSource {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--fork ${file}: cannot read it as JSON (${(e as Error).message})`);
  }
  const save = SaveFileSchema.safeParse(raw);
  if (save.success) return { envelope: save.data.envelope as Envelope, seat: save.data.seat, opponent: save.data.opponent };
  const bare = EnvelopeSchema.safeParse(raw);
  if (bare.success) return { envelope: bare.data as Envelope };
  const sim = SimOutputSchema.safeParse(raw);
  if (sim.success) return { envelope: sim.data.log as Envelope };
  // Report against the save format, the one a player is most likely to hold.
  const errors = zodErrors(file, save.error).slice(0, 5).map(formatContentError).join('; ');
  throw new UsageError(`--fork ${file} is not a Binational save, envelope or sim output: ${errors}`);
}

/** The forked game, or a UsageError naming what is wrong (unknown shock, a round the game never reached…). */
export function forkGame(source: ForkSource, roundFlag: string | undefined, overrides: Overrides): { envelope: Envelope; state: GameState; round: number } {
  if (roundFlag === undefined) throw new UsageError('--fork needs --round <n>: the round (1 = the first) to replay from');
  if (!/^\d+$/.test(roundFlag) || Number(roundFlag) < 1) throw new UsageError(`--round must be a round number from 1 (got "${roundFlag}")`);
  const round = Number(roundFlag) - 1;
  const r = forkAtRound(source.envelope, round, overrides, getScenario);
  if (!r.ok) throw new UsageError(`cannot fork: ${r.problems.map((p) => `${p.path}: ${p.rule}`).join('; ')}`);
  return { envelope: r.envelope, state: r.state, round };
}
