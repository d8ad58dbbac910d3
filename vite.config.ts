import { defineConfig } from 'vite';
import { pwaPlugins } from './assets/tools/pwa.ts';

// The browser build. Relative base so the built game can be served from any folder (or opened offline).
export default defineConfig({
  base: './',
  // App icons + vite-plugin-pwa (manifest, service worker precaching the game for offline play).
  plugins: pwaPlugins(),
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    // Phaser (~1.4 MB minified, not tree-shakable) ships as its own chunk, cached apart from the app's code.
    // Vite 8 splits with Rolldown's codeSplitting groups; an object-form manualChunks breaks the build.
    chunkSizeWarningLimit: 1600,
    // Chart.js is only imported on demand (the debrief), so its chunk loads only there.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ },
            { name: 'chart', test: /node_modules[\\/](chart\.js|@kurkle)[\\/]/ },
          ],
        },
      },
    },
  },
});
