// The layers' dependencies point one way, and the headless layers never touch Phaser, Howler or the DOM.
// This file runs in the plain `node` environment: importing any headless module that needed a browser
// would fail here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');
/** What each headless layer may import (besides itself and npm packages other than the banned ones). */
const ALLOWED: Record<string, string[]> = {
  content: [],
  i18n: [],
  engine: ['content'],
  ai: ['content', 'engine', 'i18n'],
  flow: ['content', 'engine', 'ai', 'i18n'],
  lab: ['content', 'engine', 'ai', 'flow', 'i18n'],
  cli: ['content', 'engine', 'ai', 'flow', 'lab', 'i18n'],
  server: ['content', 'engine', 'ai', 'flow', 'lab', 'i18n'],
};
const BANNED_PACKAGES = /^(phaser|howler|jsdom|happy-dom)(\/|$)/;
const DOM_GLOBALS = /\b(window|document|navigator|localStorage|indexedDB|HTMLElement)\s*[.[]/;

function files(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(f) ? [p] : [];
    });
  } catch {
    return [];
  }
}

const imports = (source: string) => [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe('layers', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    const layerFiles = files(join(SRC, layer));
    it(`${layer}: imports only ${[layer, ...allowed].join(', ')}; no Phaser, Howler or DOM`, () => {
      for (const file of layerFiles) {
        const source = readFileSync(file, 'utf8');
        const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
        for (const spec of imports(source)) {
          expect(BANNED_PACKAGES.test(spec), `${relative(SRC, file)} imports ${spec}`).toBe(false);
          if (!spec.startsWith('.')) continue;
          const target = relative(SRC, resolve(file, '..', spec)).split(/[\\/]/);
          if (target[0] === '..') continue; // scenario data outside src
          expect([layer, ...allowed], `${relative(SRC, file)} imports ${spec}`).toContain(target[0]);
        }
        expect(DOM_GLOBALS.test(code), `${relative(SRC, file)} uses a DOM global`).toBe(false);
      }
    });
  }
  it('every engine, content, ai, flow, i18n, lab and server module loads in plain Node', async () => {
    const modules = ['engine', 'content', 'ai', 'flow', 'i18n', 'lab', 'server'].flatMap((l) => files(join(SRC, l))).filter((f) => !f.endsWith('main.ts'));
    expect(modules.length).toBeGreaterThan(20);
    for (const m of modules) await import(m);
  });
});
