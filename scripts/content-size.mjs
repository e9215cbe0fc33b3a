// `node scripts/content-size.mjs [--browser firefox] [--out DIR] [--check]`: what the content script costs each site.
// Builds the extension into a temporary directory with Vite's build manifest switched on (the real dist/ is never
// touched), then, per site adapter under src/content/sites/, adds up what a matching page loads: the content-script
// loader, the runtime entry chunk and its static imports, and the adapter's lazily imported chunk with the static
// imports the runtime did not already bring. Sizes are gzip level 9 of each file, as the budget is defined per file
// the browser fetches. Prints one line per site beside the budget; `--check` exits 1 when a site is over it.
// Also importable: `measureContentSize({ browser, outDir })` returns the rows (for `npm run bench`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 15 * 1024;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'src/content/index.ts';
const SITE_PREFIX = 'src/content/sites/';

function gz(dir, file) {
  return gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
}

/** Every chunk a chunk pulls in statically (itself included), following the Vite manifest's `imports`. */
function closure(manifest, key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, into);
  return into;
}

/** Runs a private build and measures it. Returns rows `{ site, bytes, files }` with the runtime alone first. */
export async function measureContentSize({ browser = 'chrome', outDir } = {}) {
  const out = outDir ?? mkdtempSync(join(tmpdir(), 'rc-content-size-'));
  const previous = process.env.BROWSER;
  if (browser === 'firefox') process.env.BROWSER = 'firefox';
  else delete process.env.BROWSER;
  try {
    const { build } = await import('vite');
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir: out, emptyOutDir: true, manifest: true },
    });
  } finally {
    if (previous === undefined) delete process.env.BROWSER;
    else process.env.BROWSER = previous;
  }
  const vm = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'));
  const ext = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  if (!vm[ENTRY]) throw new Error(`${ENTRY} is not in the build manifest`);
  const loaders = (ext.content_scripts ?? []).flatMap((cs) => cs.js ?? []);

  const runtimeKeys = closure(vm, ENTRY);
  const runtimeFiles = [...loaders, ...[...runtimeKeys].map((k) => vm[k].file)];
  const runtimeBytes = runtimeFiles.reduce((n, f) => n + gz(out, f), 0);
  const rows = [{ site: '(runtime only)', bytes: runtimeBytes, files: runtimeFiles }];

  const adapters = (vm[ENTRY].dynamicImports ?? []).filter((k) => k.startsWith(SITE_PREFIX));
  for (const key of adapters) {
    const extra = [...closure(vm, key)].filter((k) => !runtimeKeys.has(k)).map((k) => vm[k].file);
    rows.push({
      site: key.slice(SITE_PREFIX.length).replace(/\.tsx?$/, ''),
      bytes: runtimeBytes + extra.reduce((n, f) => n + gz(out, f), 0),
      files: [...runtimeFiles, ...extra],
    });
  }
  if (!outDir) rmSync(out, { recursive: true, force: true });
  return rows;
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

async function main() {
  const args = process.argv.slice(2);
  const at = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const browser = at('--browser') ?? 'chrome';
  const rows = await measureContentSize({ browser, outDir: at('--out') });
  console.log(`Content script per page (${browser}, gzip -9 per file), budget ${kb(BUDGET_BYTES)} = ${BUDGET_BYTES} bytes`);
  const width = Math.max(...rows.map((r) => r.site.length));
  for (const r of rows) {
    const verdict = r.bytes <= BUDGET_BYTES ? 'PASS' : 'FAIL';
    console.log(`  ${r.site.padEnd(width)}  ${kb(r.bytes).padStart(9)}  ${String(r.bytes).padStart(6)} B  ${verdict}`);
    if (args.includes('--files')) for (const f of r.files) console.log(`      ${f}`);
  }
  if (args.includes('--check') && rows.some((r) => r.bytes > BUDGET_BYTES)) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exit(2);
  });
}
