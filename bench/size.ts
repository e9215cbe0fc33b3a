// Content-script size: every file Chromium loads into a page for the content script — the manifest's loader
// plus everything it imports, statically or through chrome.runtime.getURL — gzipped one by one (as served
// from disk nothing is compressed, but gzip is the common yardstick for "how much code"). Budget 15 KB.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../tests/e2e/harness.ts';
import type { BenchRow } from './types.ts';

const BUDGET_KB = 15;

/** Asset paths (relative to dist) referenced by one built file. */
function referenced(code: string, from: string): string[] {
  const out: string[] = [];
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  // Static imports and re-exports: from"./x.js" / import"./x.js"
  for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) out.push(new URL(m[1]!, `file:///${dir}`).pathname.slice(1));
  // The crx loader: chrome.runtime.getURL("assets/x.js")
  for (const m of code.matchAll(/getURL\(\s*["']([^"']+\.js)["']\s*\)/g)) out.push(m[1]!.replace(/^\//, ''));
  return out;
}

export function contentScriptFiles(dist: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const queue = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...referenced(readFileSync(join(dist, file), 'utf8'), file));
  }
  return [...seen];
}

export async function run(): Promise<BenchRow[]> {
  const dist = join(ROOT, 'dist/chrome');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error('bench size: dist/chrome missing — run `npm run build:chrome` first');
  const files = contentScriptFiles(dist);
  let raw = 0;
  let gz = 0;
  const bodies: Buffer[] = [];
  for (const f of files) {
    const body = readFileSync(join(dist, f));
    bodies.push(body);
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  // For diagnosis: one stream shares a dictionary across files, so it shows how much is per-file overhead.
  const oneStream = gzipSync(Buffer.concat(bodies), { level: 9 }).length;
  const kb = gz / 1024;
  return [
    {
      section: 'size',
      name: `content script, gzipped (${files.length} files: loader + imports)`,
      value: kb,
      unit: 'KB',
      reference: 'budget',
      referenceValue: BUDGET_KB,
      ratio: kb / BUDGET_KB,
      target: `≤ ${BUDGET_KB} KB`,
      pass: kb <= BUDGET_KB,
    },
    { section: 'size', name: 'content script, gzipped as one stream (diagnosis)', value: oneStream / 1024, unit: 'KB', reference: '', referenceValue: null, ratio: null },
    { section: 'size', name: 'content script, uncompressed', value: raw / 1024, unit: 'KB', reference: '', referenceValue: null, ratio: null },
  ];
}
