// `node scripts/content-size.mjs [--browser firefox] [--out DIR] [--check] [--files]`: what the content script costs
// each site. Builds the extension into a temporary directory with Vite's build manifest switched on (the real dist/ is
// never touched); the content-script build (vite.config.ts, contentScripts) then also writes
// .vite/content-scripts.json: the runtime's files and, per lazily loaded module, the files importing it fetches.
// Per site adapter a matching page loads the manifest's content script (content/runtime.js: the runtime and the site
// registry, one classic script) and that adapter's own module (content/<site>.js, self-contained) — two files; the
// badge menu and the site rules' date parser load only when used and are not counted. The script checks that the
// runtime files are exactly the manifest's content script, so the figure stays what a page loads. Sizes are gzip
// level 9 of each file, as the budget is defined per file the browser fetches. Prints one line per site beside the
// budget; `--check` exits 1 when a site is over it.
// Also importable: `measureContentSize({ browser, outDir })` returns the rows (for `npm run bench`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 15 * 1024;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT_FILES = '.vite/content-scripts.json';
/** Lazily loaded content modules that are not site adapters. */
const NOT_SITES = new Set(['badge-menu']);

function gz(dir, file) {
  return gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
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
  const listed = JSON.parse(readFileSync(join(out, CONTENT_FILES), 'utf8'));
  const ext = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const injected = (ext.content_scripts ?? []).flatMap((cs) => cs.js ?? []);
  if (JSON.stringify([...injected].sort()) !== JSON.stringify([...listed.runtime].sort())) {
    throw new Error(`the manifest injects ${injected.join(', ')} but ${CONTENT_FILES} lists ${listed.runtime.join(', ')}`);
  }

  const runtimeFiles = listed.runtime;
  const runtimeBytes = runtimeFiles.reduce((n, f) => n + gz(out, f), 0);
  const rows = [{ site: '(runtime only)', bytes: runtimeBytes, files: runtimeFiles }];
  for (const [site, files] of Object.entries(listed.sites)) {
    if (NOT_SITES.has(site)) continue;
    rows.push({ site, bytes: runtimeBytes + files.reduce((n, f) => n + gz(out, f), 0), files: [...runtimeFiles, ...files] });
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
