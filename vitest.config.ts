import { defineConfig } from 'vitest/config';

// Unit, property and model-based tests of the headless layers. They run in the plain `node`
// environment on purpose: if anything in them pulled in Phaser or the DOM, they would fail here.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
