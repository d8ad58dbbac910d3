// The addresses of the test services (.ci/services.sh writes them to .data/test-services.env): PostgreSQL
// and Redis for the server tests that need real ones. Empty when the services were never started here.
import { readFileSync } from 'node:fs';

export const SERVICES_ENV_FILE = '.data/test-services.env';

export function servicesEnv(): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(SERVICES_ENV_FILE, 'utf8');
  } catch {
    return {};
  }
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!.trim();
  }
  return out;
}
