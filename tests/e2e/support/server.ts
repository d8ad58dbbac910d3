// The built game served by Vite's preview API on a free port of 127.0.0.1. No background process: the
// server lives in the test worker. The end-to-end run builds into a folder of its own under test-results/
// (git-ignored), so a `vite build` or `vite` started meanwhile in dist/ cannot change the game under test.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PreviewServer, preview } from 'vite';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const E2E_DIST = resolve(ROOT, 'test-results/e2e-dist');

export interface GameServer {
  url: string;
  server: PreviewServer;
  close(): Promise<void>;
}

export async function startServer(outDir = E2E_DIST): Promise<GameServer> {
  const server = await preview({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    build: { outDir },
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  return {
    url,
    server,
    close: () =>
      new Promise<void>((done) => {
        if ('closeAllConnections' in server.httpServer) server.httpServer.closeAllConnections();
        server.httpServer.close(() => done());
      }),
  };
}
