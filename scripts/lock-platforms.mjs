// The npm registry this project's machines reach holds only the Linux builds of native tools' per-platform
// packages, so `npm install` writes a lock file without the other platforms' optional entries — and `npm ci`
// then refuses it as "not in sync". This adds those optional entries exactly as a full registry would
// (version, os, cpu, libc; skipped at install on any other platform). Run after changing dependencies:
//   npm install && node scripts/lock-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
const platform = (name) => {
  const m = /binding-([a-z0-9]+)-([a-z0-9]+)(?:-(gnu|musl|msvc|gnueabihf|musleabihf|eabi))?$/.exec(name) ?? /cli-([a-z0-9]+)-([a-z0-9]+)(?:-(musl))?$/.exec(name);
  if (!m) return null;
  const [, os, cpu0, abi] = m;
  const cpu = cpu0 === 'ia32' ? 'ia32' : cpu0 === 'arm' ? 'arm' : cpu0;
  const out = { os: [os === 'win32' ? 'win32' : os], cpu: [cpu] };
  if (os === 'linux' && abi) out.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
  return out;
};
let added = 0;
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (pkgs[key]) continue;
    const p = platform(dep);
    if (!p) continue;
    pkgs[key] = { version, ...p, ...(entry.dev ? { dev: true } : {}), optional: true, ...(entry.engines ? { engines: entry.engines } : {}) };
    added++;
    void path;
  }
}
const sorted = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} optional platform entries`);
