// Builds the game once before the end-to-end files run, so they always test the current sources. The
// build goes to test-results/e2e-dist (see support/server.ts). E2E_SKIP_BUILD=1 reuses the last one
// (while iterating on the tests themselves).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { E2E_DIST, ROOT } from './support/server';

export default async function setup(): Promise<void> {
  const index = resolve(E2E_DIST, 'index.html');
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(index)) return;
  await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: E2E_DIST, emptyOutDir: true } });
  if (!existsSync(index)) throw new Error(`vite build produced no ${index}`);
}
