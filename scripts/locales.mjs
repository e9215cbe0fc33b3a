// Merges the per-area message sources in src/locales/*.json into public/_locales/<lang>/messages.json.
// Each area owns one source file, so features add strings without editing a shared file.
// Source entry: "key": { "en": "…", "de": "…", "nl": "…", "description"?: "…", "placeholders"?: {…} }
// `node scripts/locales.mjs --check` fails if the committed output is stale or a language is missing.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const LANGS = ['en', 'de', 'nl'];
const srcDir = 'src/locales';

export function merge() {
  const out = Object.fromEntries(LANGS.map((l) => [l, {}]));
  const problems = [];
  for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.json')).sort()) {
    const entries = JSON.parse(readFileSync(join(srcDir, file), 'utf8'));
    for (const [key, entry] of Object.entries(entries)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${file}: ${key}: keys may hold only A-Z, a-z, 0-9 and _`);
      for (const lang of LANGS) {
        if (typeof entry[lang] !== 'string' || !entry[lang]) { problems.push(`${file}: ${key}: no "${lang}" text`); continue; }
        if (out[lang][key]) problems.push(`${file}: ${key}: defined twice`);
        out[lang][key] = { message: entry[lang], ...(entry.description ? { description: entry.description } : {}), ...(entry.placeholders ? { placeholders: entry.placeholders } : {}) };
      }
    }
  }
  return { out, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { out, problems } = merge();
  if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
  let stale = false;
  for (const lang of LANGS) {
    const path = `public/_locales/${lang}/messages.json`;
    const text = JSON.stringify(out[lang], null, 2) + '\n';
    if (process.argv.includes('--check')) {
      let old = '';
      try { old = readFileSync(path, 'utf8'); } catch { /* missing */ }
      if (old !== text) { console.error(`${path} is stale: run node scripts/locales.mjs`); stale = true; }
    } else {
      mkdirSync(`public/_locales/${lang}`, { recursive: true });
      writeFileSync(path, text);
    }
  }
  process.exit(stale ? 1 : 0);
}
