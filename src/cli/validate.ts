// npm run validate -- <files…>: checks scenario files and prints every error (file, JSON path, rule).
import { readFileSync } from 'node:fs';
import { SourcesManifestSchema } from '../content/citations';
import { formatContentError, parseScenarioText } from '../content/load-scenario';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  console.error('usage: npm run validate -- <scenario.json> [more.json …]');
  process.exit(2);
}
const manifest = SourcesManifestSchema.parse(
  JSON.parse(readFileSync(new URL('../../scenarios/sources.json', import.meta.url), 'utf8')),
);
let failed = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: (file): cannot be read: ${(e as Error).message}`);
    failed++;
    continue;
  }
  const result = parseScenarioText(text, file, manifest);
  if (result.ok) console.log(`${file}: ok (${result.value.id})`);
  else {
    failed++;
    for (const e of result.errors) console.error(formatContentError(e));
    console.error(`${file}: ${result.errors.length} error(s)`);
  }
}
process.exit(failed ? 1 : 0);
