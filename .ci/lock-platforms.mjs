// The npm registry reachable here lacks some platform builds of optional binaries (e.g. Biome's darwin,
// windows and musl packages), so `npm install` writes a lockfile without them and `npm ci` then refuses
// it as out of sync. This adds the missing entries as optional packages for their own platform (os, cpu,
// libc read from the package name), which npm ci skips on Linux x64. Idempotent.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const meta of Object.values(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const m = /-(android|darwin|linux|win32|freebsd|openbsd|sunos|aix)-(x64|arm64|arm|ia32|ppc64|s390x|riscv64|loong64)(-musl|-gnu)?$/.exec(name);
    if (!m) continue;
    packages[key] = {
      version,
      cpu: [m[2]],
      ...(meta.dev ? { dev: true } : {}),
      ...(m[3] === '-musl' ? { libc: ['musl'] } : m[1] === 'linux' ? { libc: ['glibc'] } : {}),
      optional: true,
      os: [m[1]],
    };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platforms: ${added} optional platform package(s) added to package-lock.json`);
