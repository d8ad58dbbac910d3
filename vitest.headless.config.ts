import { defineConfig } from 'vitest/config';
import { reporters } from './vitest.reporters.ts';

// Wiring tests of the Phaser canvas layer: a real HEADLESS game in jsdom on top of Phaser's own
// canvas/WebGL/Image mocks (vendored in tests/render). Pixels are left to the Chromium e2e run.
export default defineConfig({
  test: {
    environment: 'jsdom',
    include: ['tests/render/**/*.test.ts'],
    setupFiles: ['tests/render/phaser-dom-mocks.js'],
    // Node loads the 8 MB Phaser bundle natively instead of Vite transforming it for every file.
    server: { deps: { external: [/node_modules\/phaser\//] } },
    testTimeout: 15_000,
    reporters: reporters('headless'),
  },
});
