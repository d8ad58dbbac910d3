import { defineConfig } from 'vitest/config';
import { reporters } from './vitest.reporters.ts';

// The DOM overlay's tests: a real AppController driven through the overlay's controls in jsdom.
export default defineConfig({
  test: {
    environment: 'jsdom',
    include: ['tests/ui/**/*.test.ts'],
    testTimeout: 30_000,
    reporters: reporters('ui'),
  },
});
