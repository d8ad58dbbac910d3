// A save file: the game's envelope (scenario id, seed, overrides, actions) and who plays what. Checked on
// import and on continue; a file that fails is refused, never half-loaded.
import { z } from 'zod';
import { EnvelopeSchema } from './action-schema';

export const SaveFileSchema = z
  .object({
    format: z.literal('binational-save'),
    version: z.literal(1),
    savedAt: z.string().max(40),
    seat: z.enum(['us', 'mx']),
    opponent: z.object({ persona: z.string().min(1).max(64), difficulty: z.string().min(1).max(32) }).strict(),
    envelope: EnvelopeSchema,
  })
  .strict();

export type SaveFile = z.infer<typeof SaveFileSchema>;
