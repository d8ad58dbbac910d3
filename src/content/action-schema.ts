// The shape of a game action and of counterfactual overrides, checked at every boundary they cross:
// save files, replays, and (later) network messages. Legality is the engine's business; this is shape.
import { z } from 'zod';

const Seat = z.string().max(32);
const Ident = z.string().min(1).max(64);
const PackageSchema = z.record(Ident, Ident);

export const ActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('propose'), seat: Seat, package: PackageSchema, cards: z.array(Ident).max(10).optional() }).strict(),
  z.object({ type: z.literal('accept'), seat: Seat, issues: z.array(Ident).max(10).optional() }).strict(),
  z.object({ type: z.literal('reject'), seat: Seat }).strict(),
  z.object({ type: z.literal('counter'), seat: Seat, package: PackageSchema, cards: z.array(Ident).max(10).optional() }).strict(),
  z.object({ type: z.literal('walkAway'), seat: Seat }).strict(),
  z.object({ type: z.literal('renege'), seat: Seat, issue: Ident }).strict(),
  z.object({ type: z.literal('lobby'), seat: Seat, constituency: Ident, amount: z.number().int().min(1).max(100) }).strict(),
  z.object({ type: z.literal('statement'), seat: Seat, issue: Ident, option: Ident }).strict(),
  z.object({ type: z.literal('pass'), seat: Seat }).strict(),
  z.object({ type: z.literal('inject'), seat: Seat, shock: Ident }).strict(),
]);

export const OverridesSchema = z
  .object({
    disable: z.array(Ident).optional(),
    move: z.record(Ident, Ident).optional(),
    scale: z.record(Ident, z.number().min(0).max(10)).optional(),
    add: z.array(Ident).optional(),
  })
  .strict();

export const EnvelopeSchema = z
  .object({
    scenarioId: Ident,
    seed: z.number().int().refine(Number.isSafeInteger, 'a seed is a safe integer'),
    overrides: OverridesSchema,
    events: z.array(ActionSchema).max(5000),
    forks: z
      .array(z.object({ atEvent: z.number().int().min(0), round: z.number().int().min(0).max(50), overrides: OverridesSchema }).strict())
      .max(20)
      .optional(),
  })
  .strict();
