import { defineConfig } from 'vitest/config';
import { reporters } from './vitest.reporters.ts';

// End-to-end tests: the production build (made once by the global setup) served by Vite's preview API
// and played in Debian's chromium through playwright-core. One file at a time: each starts its own
// server and browser, and the machine has few cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: reporters('e2e'),
  },
});
