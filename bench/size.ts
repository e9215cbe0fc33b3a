// Content-script size: every file Chromium loads into a page for the content script — the manifest's loader
// plus everything it imports, statically or through chrome.runtime.getURL — gzipped one by one (as served
// from disk nothing is compressed, but gzip is the common yardstick for "how much code"). Budget 15 KB per page:
// a page loads the shared runtime and its own site's adapter (the others are never fetched there).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../tests/e2e/harness.ts';
import type { BenchRow } from './types.ts';

const BUDGET_KB = 15;

/** Asset paths (relative to dist) a built file loads at once (static imports, the crx loader's getURL). */
function referenced(code: string, from: string): string[] {
  const out: string[] = [];
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  // Static imports and re-exports: from"./x.js" / import"./x.js" (not import(…): that loads later, if at all)
  for (const m of code.matchAll(/(?:from\s*|import\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) out.push(new URL(m[1]!, `file:///${dir}`).pathname.slice(1));
  // The crx loader: chrome.runtime.getURL("assets/x.js")
  for (const m of code.matchAll(/getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) out.push(m[1]!.replace(/^\//, ''));
  return out;
}

/** Chunks a built file may load later with import(`./x.js`) — the site adapters and the badge menu. */
function dynamicallyImported(code: string, from: string): string[] {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  return [...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => new URL(m[1]!, `file:///${dir}`).pathname.slice(1));
}

function closure(dist: string, start: string[], seen = new Set<string>()): string[] {
  const queue = [...start];
  const found: string[] = [];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    found.push(file);
    queue.push(...referenced(readFileSync(join(dist, file), 'utf8'), file));
  }
  return found;
}

/** What every page loads: the manifest's loader and everything it imports statically. */
export function contentScriptFiles(dist: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  return closure(dist, (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []));
}

/** Per site adapter: the files a page of that site loads (the shared files plus the adapter and its imports). */
export function contentScriptFilesPerSite(dist: string): Map<string, string[]> {
  const base = contentScriptFiles(dist);
  const lazy = new Set(base.flatMap((f) => dynamicallyImported(readFileSync(join(dist, f), 'utf8'), f)));
  const out = new Map<string, string[]>();
  for (const chunk of lazy) {
    const name = chunk.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '');
    if (name === 'badge-menu') continue; // loads when an agent opens a badge's menu, not with the page
    out.set(name, [...base, ...closure(dist, [chunk], new Set(base))]);
  }
  return out;
}

const gz = (dist: string, files: string[]): { gz: number; raw: number; bodies: Buffer[] } => {
  let raw = 0;
  let total = 0;
  const bodies: Buffer[] = [];
  for (const f of files) {
    const body = readFileSync(join(dist, f));
    bodies.push(body);
    raw += body.length;
    total += gzipSync(body, { level: 9 }).length;
  }
  return { gz: total, raw, bodies };
};

export async function run(): Promise<BenchRow[]> {
  const dist = join(ROOT, 'dist/chrome');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error('bench size: dist/chrome missing — run `npm run build:chrome` first');
  const rows: BenchRow[] = [];
  const perSite = contentScriptFilesPerSite(dist);
  for (const [site, files] of [...perSite].sort(([a], [b]) => a.localeCompare(b))) {
    const kb = gz(dist, files).gz / 1024;
    rows.push({
      section: 'size',
      name: `content script on a ${site} page, gzipped (${files.length} files)`,
      value: kb,
      unit: 'KB',
      reference: 'budget',
      referenceValue: BUDGET_KB,
      ratio: kb / BUDGET_KB,
      target: `≤ ${BUDGET_KB} KB`,
      pass: kb <= BUDGET_KB,
    });
  }
  const base = gz(dist, contentScriptFiles(dist));
  // For diagnosis: one stream shares a dictionary across files, so it shows how much is per-file overhead.
  const oneStream = gzipSync(Buffer.concat(base.bodies), { level: 9 }).length;
  rows.push(
    { section: 'size', name: 'shared by every page (loader + runtime), gzipped', value: base.gz / 1024, unit: 'KB', reference: '', referenceValue: null, ratio: null },
    { section: 'size', name: 'shared, gzipped as one stream (diagnosis)', value: oneStream / 1024, unit: 'KB', reference: '', referenceValue: null, ratio: null },
    { section: 'size', name: 'shared, uncompressed', value: base.raw / 1024, unit: 'KB', reference: '', referenceValue: null, ratio: null },
  );
  return rows;
}
