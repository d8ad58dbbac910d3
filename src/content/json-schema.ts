// The JSON Schema of the scenario format, generated from the zod schema for editor support
// (scenarios point at it with "$schema"). A test fails when the committed file is stale.
import { z } from 'zod';
import { ScenarioSchema } from './scenario-schema';

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Binational scenario' }, null, 2)}\n`;
}
