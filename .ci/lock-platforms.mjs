// The npm registry reachable here lacks some platform builds of optional binaries (e.g. Biome's darwin,
// windows and musl packages), so `npm install` writes a lockfile without them and `npm ci` then refuses
// it as out of sync. This adds the missing entries as optional packages for their own platform (os, cpu,
// libc read from the package name), which npm ci skips on Linux x64. Idempotent.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
const OSES = ['android', 'darwin', 'linux', 'win32', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony', 'cygwin'];
const CPUS = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];
let added = 0;
for (const meta of Object.values(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    // e.g. cli-darwin-arm64, rollup-linux-arm-musleabihf, rollup-win32-x64-msvc, rollup-openharmony-arm64
    const parts = name.split('/').pop().split('-');
    const os = parts.find((p) => OSES.includes(p));
    const cpu = parts.slice(parts.indexOf(os) + 1).find((p) => CPUS.includes(p));
    if (!os || !cpu) continue;
    const musl = parts.some((p) => p.startsWith('musl'));
    packages[key] = {
      version,
      cpu: [cpu],
      ...(meta.dev ? { dev: true } : {}),
      ...(os === 'linux' ? { libc: [musl ? 'musl' : 'glibc'] } : {}),
      optional: true,
      os: [os],
    };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platforms: ${added} optional platform package(s) added to package-lock.json`);
