// The built app as the classroom server serves it: files under the folder with their content types,
// index.html for the app's own paths, nothing outside the folder, HEAD without a body.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticHandler } from '../../src/server/static-files';

let dir: string;
let server: Server;
let url: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'binational-static-'));
  dir = join(root, 'dist');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Binational</title>');
  writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
  writeFileSync(join(root, 'secret.txt'), 'outside the app');
  const files = staticHandler(dir);
  server = createServer((req, res) => void files(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('static files', () => {
  it('serves files with their content types; hashed assets may be cached, the page is revalidated', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('Binational');
    const js = await fetch(`${url}/assets/main-abc123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}/manifest.webmanifest`)).headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
  });

  it('answers the app’s own paths with index.html, and a missing file with 404', async () => {
    const route = await fetch(`${url}/class/new`);
    expect([route.status, await route.text()]).toEqual([200, '<!doctype html><title>Binational</title>']);
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves what is outside the folder', async () => {
    // Raw request lines (fetch would tidy the dots away before sending).
    const raw = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        get(`${url}/`, { path }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        }).on('error', reject);
      });
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/../../secret.txt', '/..%5csecret.txt']) {
      const r = await raw(path);
      expect(r.body, path).not.toContain('outside the app');
      expect(r.status, path).toBe(404);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(`${url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('<!doctype html><title>Binational</title>'.length));
    expect((await fetch(`${url}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
