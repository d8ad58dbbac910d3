// The hooks every end-to-end file needs: one built game served on 127.0.0.1 and one Chromium for the file.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { type GameServer, startServer } from './server';

export function withServerAndBrowser(ready: (server: GameServer, browser: Browser) => void): void {
  let server: GameServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
