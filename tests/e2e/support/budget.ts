// The title screen's JavaScript budget, shared by the bench (npm run bench:web) and the e2e test that
// guards it: the built files a page requested, raw and gzip (zlib level 6, as Vite reports).
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue 4: the JavaScript needed for the title screen, Phaser included, at most 480 KB gzip. */
export const TITLE_JS_TARGET_GZIP = 480 * 1024;

export interface ScriptFile {
  path: string;
  raw: number;
  gzip: number;
}

/** Sizes of a built file named by its URL path under `dist`; null for anything that is not a built file. */
export function builtFileSizes(dist: string, urlPath: string): ScriptFile | null {
  const file = resolve(dist, `.${decodeURIComponent(urlPath)}`);
  if (!file.startsWith(dist)) return null;
  try {
    if (!statSync(file).isFile()) return null;
  } catch {
    return null;
  }
  const bytes = readFileSync(file);
  return { path: urlPath, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
}
