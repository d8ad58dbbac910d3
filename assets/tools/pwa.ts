// The build's offline layer, used by vite.config.ts (`plugins: pwaPlugins()`):
// - the app icons of assets/icons/ (made by generate-icons.ts) emitted into the build under icons/;
// - vite-plugin-pwa: a web manifest ("Binational") and a Workbox service worker (generateSW, autoUpdate)
//   that precaches the game's HTML, JS, CSS, sounds and icons, so a game once loaded plays offline.
// The registration script is injected into index.html by the plugin, so the app code needs no change.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const ICON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../icons');
const ICON_FILES = ['icon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png', 'apple-touch-icon.png'] as const;

/** Copies the icons into the build (fixed names: the manifest refers to them) and links the iOS one. */
function appIcons(): Plugin {
  return {
    name: 'binational:app-icons',
    apply: 'build',
    generateBundle() {
      for (const file of ICON_FILES) this.emitFile({ type: 'asset', fileName: `icons/${file}`, source: readFileSync(join(ICON_DIR, file)) });
    },
    transformIndexHtml() {
      return [{ tag: 'link', attrs: { rel: 'apple-touch-icon', href: 'icons/apple-touch-icon.png' }, injectTo: 'head' }];
    },
  };
}

export function pwaPlugins(): PluginOption[] {
  return [
    appIcons(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // A small registerSW.js loaded by index.html; nothing to import in the app.
      injectRegister: 'script',
      manifest: {
        id: './',
        name: 'Binational',
        short_name: 'Binational',
        description: 'Negotiate US–Mexico migration agreements in historical scenarios (1942, 1995, 2001). / Negocia acuerdos migratorios entre México y Estados Unidos.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        background_color: '#141311',
        theme_color: '#1d1d1b',
        categories: ['education', 'games'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,wav,png,svg,webmanifest,json,woff2}'],
        // The Phaser chunk is ~1.4 MB; leave room above Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ];
}
