// The built-in personas and difficulty levels: data files, validated on first use. A file that breaks
// the schema is refused with every error (file, JSON path, rule), never half-loaded.
import { type ContentError, formatContentError } from '../content/load-scenario';
import { SCENARIO_IDS } from '../content/scenarios';
import {
  checkPersonaSet,
  DIFFICULTY_IDS,
  type Difficulties,
  type DifficultyId,
  parseDifficulties,
  parsePersona,
  type Persona,
} from '../content/persona-schema';
import type { Side } from '../engine';
import avilaCamacho from './personas/avila-camacho-government.json';
import bush from './personas/bush-administration.json';
import castaneda from './personas/castaneda-whole-enchilada.json';
import clinton from './personas/clinton-administration.json';
import difficultiesFile from './personas/difficulties.json';
import eager from './personas/eager.json';
import pragmatic from './personas/pragmatic.json';
import roosevelt from './personas/roosevelt-administration.json';
import rozental from './personas/rozental-foreign-ministry.json';
import tough from './personas/tough.json';

const DIR = 'src/ai/personas';
/** Generic styles first, in the order the catalogue lists them. */
const PERSONA_FILES: Record<string, unknown> = {
  'pragmatic.json': pragmatic,
  'tough.json': tough,
  'eager.json': eager,
  'roosevelt-administration.json': roosevelt,
  'avila-camacho-government.json': avilaCamacho,
  'clinton-administration.json': clinton,
  'rozental-foreign-ministry.json': rozental,
  'bush-administration.json': bush,
  'castaneda-whole-enchilada.json': castaneda,
};

export class PersonaLoadError extends Error {
  constructor(readonly errors: ContentError[]) {
    super(`persona data failed validation:\n${errors.map(formatContentError).join('\n')}`);
    this.name = 'PersonaLoadError';
  }
}

/** Validates a set of persona documents (file name -> parsed JSON) and the difficulty levels. */
export function loadPersonaData(
  files: Record<string, unknown>,
  difficulties: unknown,
  scenarioIds: readonly string[] = SCENARIO_IDS,
): { personas: Persona[]; difficulties: Difficulties } {
  const errors: ContentError[] = [];
  const loaded: { file: string; persona: Persona }[] = [];
  for (const [name, raw] of Object.entries(files)) {
    const r = parsePersona(raw, `${DIR}/${name}`);
    if (r.ok) loaded.push({ file: `${DIR}/${name}`, persona: r.value });
    else errors.push(...r.errors);
  }
  errors.push(...checkPersonaSet(loaded, scenarioIds));
  const d = parseDifficulties(difficulties, `${DIR}/difficulties.json`);
  if (!d.ok) errors.push(...d.errors);
  if (errors.length || !d.ok) throw new PersonaLoadError(errors);
  return { personas: loaded.map((x) => x.persona), difficulties: d.value };
}

let cache: { personas: Persona[]; difficulties: Difficulties } | null = null;
const data = () => {
  cache ??= loadPersonaData(PERSONA_FILES, difficultiesFile);
  return cache;
};

/** The raw persona documents, for tools that check them against the seeds' manifest. */
export const personaDocuments = (): Record<string, unknown> => Object.fromEntries(Object.entries(PERSONA_FILES).map(([k, v]) => [`${DIR}/${k}`, v]));

export const allPersonas = (): Persona[] => data().personas;
export const difficultyLevels = (): Difficulties => data().difficulties;
export const DIFFICULTIES: readonly DifficultyId[] = DIFFICULTY_IDS;

/** The personas that can sit in one delegation of one scenario: the generic styles and its historical ones. */
export function personasFor(scenarioId: string, side: Side): Persona[] {
  return allPersonas().filter((p) => p.scenario === null || (p.scenario === scenarioId && p.side === side));
}

export function findPersona(id: string): Persona | undefined {
  return allPersonas().find((p) => p.id === id);
}
