// npm run schema: regenerates scenarios/scenario.schema.json from the zod schema.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../content/json-schema';

const target = new URL('../../scenarios/scenario.schema.json', import.meta.url);
writeFileSync(target, scenarioJsonSchema());
console.log(`wrote ${target.pathname}`);
