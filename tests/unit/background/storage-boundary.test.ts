// IndexedDB opened from a content script would belong to the website (its origin), where page scripts could read
// stored history. So no module a content script loads may reach the database module or Dexie. This follows the
// real import graph from every file under src/content, so a new import anywhere down the chain is caught.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Runtime imports of a file (type-only imports vanish at build time and cannot open a database). */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(IMPORT)) {
    if (/^(?:import|export)\s+type\s/.test(m[0])) continue;
    out.push((m[1] ?? m[2])!);
  }
  return out;
}

/** Every file reachable from `entries`, and every bare package name imported on the way. */
function reach(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    for (const spec of importsOf(f)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const target = resolve(dirname(f), spec);
      if (existsSync(target) && statSync(target).isFile()) todo.push(target);
    }
  }
  return { files, packages };
}

describe('storage boundary', () => {
  const { files, packages } = reach(filesUnder(join(ROOT, 'src/content')));

  it('the walk sees the content runtime and what it imports from shared', () => {
    const rel = [...files].map((f) => relative(ROOT, f));
    expect(rel).toContain('src/content/index.ts');
    expect(rel.some((f) => f.startsWith('src/shared/'))).toBe(true);
  });

  it('no content-script module reaches the database module or Dexie', () => {
    const rel = [...files].map((f) => relative(ROOT, f));
    expect(rel.filter((f) => f === 'src/shared/db.ts' || f.startsWith('src/background/'))).toEqual([]);
    expect([...packages].filter((p) => p === 'dexie' || p.startsWith('dexie/'))).toEqual([]);
    for (const f of files) expect(readFileSync(f, 'utf8'), relative(ROOT, f)).not.toMatch(/\bindexedDB\s*\.\s*open\b/);
  });
});
