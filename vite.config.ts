import { defineConfig } from 'vite';

// The browser build. Relative base so the built game can be served from any folder (or opened offline).
export default defineConfig({
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', outDir: 'dist' },
});
