// The format of the AI's persona files (src/ai/personas/*.json) and of its difficulty levels. A persona
// is data: the numbers of a negotiating style, each with the seed line(s) it rests on or "design".
// Loading reports every problem with the file, the JSON path and the rule, like scenario loading does.
import { z } from 'zod';
import { checkCitations, type SourcesManifest } from './citations';
import { type ContentError, type LoadResult, zodErrors } from './load-scenario';
import { Cites, Id, Side, Text } from './scenario-schema';

/** The lowest ratification chance a persona may sign at, unless it declares itself a gambler. */
export const SAFE_RATIFICATION = 0.5;

const num = (min: number, max: number) => z.object({ value: z.number().min(min).max(max), cite: Cites }).strict();
const flag = z.object({ value: z.boolean(), cite: Cites }).strict();

export const PersonaSchema = z
  .object({
    $schema: z.string().optional(),
    id: Id,
    name: Text,
    description: Text,
    /** Historical personas belong to one delegation of one scenario; generic styles to none. */
    scenario: Id.nullable(),
    side: Side.nullable(),
    /** Why these numbers: the negotiating record or model they imitate. */
    basis: Text,
    concession: z
      .object({
        /** Time-dependent curve f(t) = t^(1/e): e < 1 Boulware (concedes late), e = 1 linear, e > 1 Conceder. */
        exponent: num(0.05, 10),
        /** Share of its best expected surplus the persona still demands at the deadline, 0..1. */
        floor: num(0, 0.9),
      })
      .strict(),
    /** 0: ignores the other side's moves; 1: mirrors each concession fully (tit-for-tat). */
    reciprocity: num(0, 1),
    /** How far below its own next offer (share of its best surplus) it still accepts. */
    acceptSlack: num(0, 0.3),
    domestic: z
      .object({
        /** Never proposes or accepts a package its own side ratifies with a lower probability. */
        minRatification: num(0.05, 1),
        /** Signs deals its own side may well reject; must be declared to go below the safe line. */
        gambler: flag,
        /** Stops lobbying once the package it pursues is this likely to be ratified. */
        lobbyUntil: num(0, 1),
        /** Political capital kept back until the last round. */
        capitalReserve: z.object({ value: z.number().int().min(0).max(10), cite: Cites }).strict(),
        /** Makes public statements (commitments that rally supporters and bind itself). */
        statements: flag,
      })
      .strict(),
    /** Banks issues one by one in the concession ledger when the other side offers what it would ask. */
    bankIssues: flag,
    /** Puts its linkage cards on the table to sweeten offers. */
    useCards: flag,
    cite: Cites,
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.scenario === null) !== (p.side === null))
      ctx.addIssue({ code: 'custom', path: ['side'], message: 'a historical persona names both its scenario and its side; a generic one neither' });
    if (p.domestic.minRatification.value < SAFE_RATIFICATION && !p.domestic.gambler.value)
      ctx.addIssue({
        code: 'custom',
        path: ['domestic', 'minRatification', 'value'],
        message: `below ${SAFE_RATIFICATION} only for a persona that declares itself a gambler (domestic.gambler.value: true)`,
      });
  });

export type Persona = z.infer<typeof PersonaSchema>;

export const DIFFICULTY_IDS = ['easy', 'normal', 'hard'] as const;
export type DifficultyId = (typeof DIFFICULTY_IDS)[number];

export const DifficultySchema = z
  .object({
    name: Text,
    description: Text,
    /** Multiplies the persona's concession exponent (above 1: concedes sooner). */
    exponentScale: z.number().min(0.2).max(5),
    /** Multiplies the surplus the persona holds out for at the deadline. */
    floorScale: z.number().min(0).max(3),
    reciprocityScale: z.number().min(0).max(2),
    /** Added to the persona's acceptance slack. */
    extraSlack: z.number().min(0).max(0.3),
    /** How much the opponent model learns from the other side's offers (0: keeps its prior). */
    learning: z.number().min(0).max(1),
    /** Random extra concession, as a share of what is left to concede (easy play is less predictable). */
    noise: z.number().min(0).max(1),
    lobby: z.boolean(),
    useCards: z.boolean(),
    /**
     * The chance the AI believes the other side ratifies a package, by the instrument the package needs
     * there. Which instrument is public (each option names it); the other side's politics are not.
     */
    partnerOdds: z.object({ executive: z.number().min(0).max(1), legislation: z.number().min(0).max(1), treaty: z.number().min(0).max(1) }).strict(),
  })
  .strict();
export type Difficulty = z.infer<typeof DifficultySchema>;

export const DifficultiesSchema = z
  .object({ $schema: z.string().optional(), easy: DifficultySchema, normal: DifficultySchema, hard: DifficultySchema })
  .strict();
export type Difficulties = z.infer<typeof DifficultiesSchema>;

/** With a sources manifest, every citation must also name a real, non-blank seed line. */
export function parsePersona(raw: unknown, file: string, manifest?: SourcesManifest): LoadResult<Persona> {
  const parsed = PersonaSchema.safeParse(raw);
  const cites = manifest ? checkCitations(raw, manifest).map((v) => ({ file, ...v })) : [];
  if (!parsed.success) return { ok: false, errors: [...zodErrors(file, parsed.error), ...cites] };
  if (cites.length) return { ok: false, errors: cites };
  return { ok: true, value: parsed.data };
}

export function parseDifficulties(raw: unknown, file: string): LoadResult<Difficulties> {
  const parsed = DifficultiesSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) };
  return { ok: true, value: parsed.data };
}

/** Parses JSON text first, so a syntax error is reported like any other rule. */
export function parsePersonaText(text: string, file: string, manifest?: SourcesManifest): LoadResult<Persona> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ file, path: '(root)', rule: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parsePersona(raw, file, manifest);
}

/** Every problem with a set of personas taken together: ids are unique and name known scenarios. */
export function checkPersonaSet(personas: readonly { file: string; persona: Persona }[], scenarioIds?: readonly string[]): ContentError[] {
  const seen = new Map<string, string>();
  const out: ContentError[] = [];
  for (const { file, persona } of personas) {
    const first = seen.get(persona.id);
    if (first) out.push({ file, path: 'id', rule: `persona id "${persona.id}" is already used by ${first}` });
    else seen.set(persona.id, file);
    if (scenarioIds && persona.scenario !== null && !scenarioIds.includes(persona.scenario))
      out.push({ file, path: 'scenario', rule: `unknown scenario "${persona.scenario}"; valid scenarios: ${scenarioIds.join(', ')}` });
  }
  return out;
}
