// The three floors: src/core (pure) ← src/shared and src/ui (thin) ← background, content, popup, options, reports.
// No import runs upward or sideways between the top-floor areas, and the core touches no browser API.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(__dirname, '../..');
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const area = (file: string): string => relative(src, file).split('/')[0]!;
const FLOOR: Record<string, number> = { core: 0, shared: 1, ui: 1, locales: 1, background: 2, content: 2, popup: 2, options: 2, reports: 2 };
// Which top-floor areas may use which others (the options page embeds the rule tester and reads background helpers' pure parts).
const SIDEWAYS: Record<string, string[]> = {};

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    out.push(resolve(dirname(file), (m[1] ?? m[2])!));
  }
  return out;
}

describe('architecture', () => {
  const all = files(src).filter((f) => !f.endsWith('env.d.ts'));

  it('core uses no browser APIs', () => {
    const offenders = all
      .filter((f) => area(f) === 'core')
      .filter((f) => /\b(chrome|browser)\.\w+|\bdocument\.|\bwindow\.|\blocalStorage\b|\bindexedDB\b|\bfetch\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('no import runs upward or across top-floor areas', () => {
    const problems: string[] = [];
    for (const f of all) {
      const from = area(f);
      for (const target of relativeImports(f)) {
        if (!target.startsWith(src)) continue;
        const to = area(target);
        if (to === from) continue;
        const ok = FLOOR[to]! < FLOOR[from]! || (FLOOR[to] === 1 && FLOOR[from] === 1 && to !== 'ui' ) || (SIDEWAYS[from] ?? []).includes(to);
        if (!ok) problems.push(`${relative(root, f)} imports ${relative(root, target)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
