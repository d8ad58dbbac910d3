// `npm run server`'s settings from the environment: a bad value stops it at once, naming the variable
// and what it expects (exit code 2), before anything is opened.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function start(env: Record<string, string>): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr };
}

describe('the server’s environment', () => {
  it('refuses limits that are not whole numbers or are 0, and a TRUST_PROXY that is not 0 or 1', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ JOINS_PER_MINUTE: 'lots' }, /JOINS_PER_MINUTE=lots: a whole number is expected/],
      [{ WRONG_CODES_PER_MINUTE: '0' }, /WRONG_CODES_PER_MINUTE=0: at least 1 is expected/],
      [{ CLASSES_PER_MINUTE: '2.5' }, /CLASSES_PER_MINUTE=2.5: a whole number is expected/],
      [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY=yes: 1 \(on\) or 0 \(off\) is expected/],
    ];
    for (const [env, message] of cases) {
      const r = start({ ...env, PORT: '0', DATA_DIR: '/nonexistent/never-opened' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  }, 120_000);
});
