import { defineConfig } from 'vitest/config';
import { reporters } from './vitest.reporters.ts';

// Unit, property and model-based tests of the headless layers and the app controller. They run in the
// plain `node` environment on purpose: if anything in them pulled in Phaser or the DOM, they would fail.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/render/**', 'tests/ui/**', 'node_modules/**'],
    testTimeout: 60_000,
    // Server and client tests open an embedded PostgreSQL (PGlite, 3–5 s alone, much longer while every core is busy).
    hookTimeout: 120_000,
    reporters: reporters('unit'),
  },
});
