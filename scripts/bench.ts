// `npm run bench [-- section…]`: runs the bench sections, prints one aligned table and stores the rows in
// bench-results/latest.json and bench-results/<timestamp>.json. Add a section by adding a line to SECTIONS.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow, BenchSection } from '../bench/types.ts';

const SECTIONS: Record<string, () => Promise<BenchSection>> = {
  engine: () => import('../bench/engine.ts'),
  size: () => import('../bench/size.ts'),
  content: () => import('../bench/content.ts'),
  ingest: () => import('../bench/ingest.ts'),
  popup: () => import('../bench/popup.ts'),
};

function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  const abs = Math.abs(n);
  if (abs >= 1e6) return n.toExponential(2);
  if (abs >= 100) return Math.round(n).toLocaleString('en-US');
  if (abs >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

function table(rows: BenchRow[]): string {
  const header = ['section', 'figure', 'value', 'reference', 'ref value', 'ratio', 'target', 'pass'];
  const lines = rows.map((r) => [
    r.section,
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.reference,
    fmt(r.referenceValue),
    r.ratio === null ? '–' : `${fmt(r.ratio)}×`,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]): string => cells.map((c, i) => (i === 2 || i === 4 || i === 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n');
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !(w in SECTIONS));
  if (unknown.length) {
    console.error(`Unknown bench section(s): ${unknown.join(', ')}. Known: ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  const names = wanted.length ? wanted : Object.keys(SECTIONS);
  const rows: BenchRow[] = [];
  for (const name of names) {
    const started = performance.now();
    const section = await SECTIONS[name]!();
    rows.push(...(await section.run()));
    console.error(`[bench] ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(table(rows));

  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const when = new Date().toISOString();
  const body = JSON.stringify({ when, node: process.version, sections: names, rows }, null, 2) + '\n';
  writeFileSync(join(dir, 'latest.json'), body);
  writeFileSync(join(dir, `${when.replace(/[:.]/g, '-')}.json`), body);
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length) console.log(`\n${failed.length} figure(s) miss their target.`);
}

await main();
