// Robustness: malformed team config FILES pushed through the path an import takes (options: readConfigFile →
// parseConfigFile → saveConfig; config URL: parseConfigFile), against a fake storage that enforces the real quotas.
// None may crash anything, each is refused with its problems named by path, and the good config already stored
// stays the active one after every attempt. RC_ROBUST_RUNS (npm run test:robust) raises the generated run count.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fake } from '../settings/fake-browser.ts';
import type { TeamConfig } from '../../../src/core/types.ts';
import { issueExample, siteRule } from '../core/config-helpers.ts';

vi.mock('../../../src/shared/browser.ts', async () => ({ default: (await import('../settings/fake-browser.ts')).fake.browser }));

const { loadConfig, saveConfig, resetSettingsForTests } = await import('../../../src/shared/settings.ts');
const { parseConfigFile } = await import('../../../src/shared/config-file.ts');
const { readConfigFile } = await import('../../../src/options/import/read-file.ts');

const RUNS = Number(process.env.RC_ROBUST_RUNS) || 400;

/** The team's good config: the issue's example with every section filled, so mutations can land anywhere. */
const GOOD = (() => {
  const c = issueExample();
  c.policies.push({ id: 'rest', name: 'Everything else', schedule: null, match: {}, firstResponseMinutes: 240 });
  c.brands = { x: ['AcmeSupport', 'AcmeNL'], facebook: ['AcmeNL'] };
  c.sites = [siteRule()];
  c.notifications = { enabled: true, leadMinutes: 10, quietWhenClosed: true };
  c.retentionDays = 90;
  return c;
})();
const good = (): Record<string, any> => structuredClone(GOOD) as Record<string, any>;

let stored: TeamConfig;
let writesBefore = 0;

beforeAll(async () => {
  vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
  fake.reset();
  resetSettingsForTests();
  const p = saveConfig(good());
  await vi.runAllTimersAsync();
  const saved = await p;
  if (!saved.ok) throw new Error(`the good config was refused: ${JSON.stringify(saved.errors)}`);
  stored = saved.config;
  expect((await loadConfig()).config).toEqual(stored);
  writesBefore = fake.sync.writeLog.length + fake.local.writeLog.length;
});
afterAll(() => {
  vi.useRealTimers();
});

type Problems = { path: string; message: string }[];

function expectNamedProblems(errors: Problems, where: string, pathMayBeEmpty = false): void {
  expect(errors.length, `${where}: a refusal names at least one problem`).toBeGreaterThan(0);
  for (const e of errors) {
    expect(typeof e.path, where).toBe('string');
    // The options layer reports whole-file problems (not JSON, too large) without a path, by design (ErrorList).
    if (!pathMayBeEmpty) expect(e.path.length, `${where}: problem "${e.message}" has a path`).toBeGreaterThan(0);
    expect(typeof e.message, where).toBe('string');
    expect(e.message.length, where).toBeGreaterThan(0);
  }
}

/**
 * One import attempt of `text`, through every entry point a file reaches. All must refuse; afterwards the good
 * config is still the one loaded and storage saw no write. `valueIsBroken` false: only the file is wrong (its size),
 * the JSON value in it would be a valid config, so it is not handed to saveConfig directly.
 */
async function attemptImport(text: string, valueIsBroken = true): Promise<Problems> {
  const parsed = parseConfigFile(text, stored);
  expect(parsed.ok, `accepted a malformed file: ${text.slice(0, 300)}`).toBe(false);
  if (parsed.ok) return [];
  expectNamedProblems(parsed.errors, 'parseConfigFile');

  const read = await readConfigFile(new Blob([text]), stored);
  expect(read.ok, `the options import accepted: ${text.slice(0, 300)}`).toBe(false);
  if (!read.ok) expectNamedProblems(read.errors, 'readConfigFile', true);

  // A caller that skipped the file check and handed the parsed value to saveConfig is refused the same way.
  let value: unknown = undefined;
  let json = true;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    json = false;
  }
  if (json && valueIsBroken) {
    const p = saveConfig(value);
    await vi.runAllTimersAsync();
    const saved = await p;
    expect(saved.ok, `saveConfig accepted: ${text.slice(0, 300)}`).toBe(false);
    if (!saved.ok) expectNamedProblems(saved.errors, 'saveConfig');
  }

  expect((await loadConfig()).config).toEqual(stored);
  expect(fake.sync.writeLog.length + fake.local.writeLog.length, 'a refused import wrote to storage').toBe(writesBefore);
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
  return parsed.errors;
}

// ---------- generators: every one yields a file that must be refused ----------

/** Every [parent, key] in a JSON tree, with the path validateConfig would name. */
function spots(root: any): { parent: any; key: string | number; path: string }[] {
  const out: { parent: any; key: string | number; path: string }[] = [];
  const walk = (node: any, path: string): void => {
    if (!node || typeof node !== 'object') return;
    for (const k of Object.keys(node)) {
      const key = Array.isArray(node) ? Number(k) : k;
      const p = Array.isArray(node) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      out.push({ parent: node, key, path: p });
      walk(node[k], p);
    }
  };
  walk(root, '');
  return out;
}

/** A value of a JSON type different from `original`'s (null excluded: `schedule: null` is legitimately "calendar time"). */
function wrongType(original: unknown, pick: number): unknown {
  const candidates: unknown[] = [{ bad: true }, ['bad'], 'bad', 12345, true];
  const kind = (v: unknown): string => (Array.isArray(v) ? 'array' : typeof v);
  const others = candidates.filter((c) => kind(c) !== kind(original));
  return others[pick % others.length];
}

/** Keys every fixed-shape object must refuse, including the ones that reach prototypes in careless code. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'polluted', 'valueOf', ''];
/** Objects with a fixed set of keys (brands is a free-form platform map and is left out on purpose). */
const FIXED_SHAPE = ['', 'schedules[0]', 'schedules[0].week', 'schedules[0].exceptions[0]', 'policies[0]', 'policies[0].match', 'sites[0]', 'sites[0].agentWhen', 'notifications'];

/** Builds JSON text with an own `key` in the object at `path` (JSON text, so "__proto__" stays a plain own key). */
function withKey(path: string, key: string, valueJson: string): string {
  const config = good();
  const s = spots(config).find((x) => x.path === path);
  const target = path === '' ? config : s!.parent[s!.key];
  target.rcMarkKey = 0;
  return JSON.stringify(config).replace('"rcMarkKey":0', `${JSON.stringify(key)}:${valueJson}`);
}

const envelope = (config: unknown): unknown => ({ format: 'replyclock-team-config', exportedAt: '2026-03-02T09:00:00.000Z', config });

/** How the malformed config is written out: bare or exported, compact or pretty, with or without a BOM. */
const framing = fc.record({ wrap: fc.boolean(), pretty: fc.boolean(), bom: fc.boolean() });
const frame = (value: unknown, f: { wrap: boolean; pretty: boolean; bom: boolean }): string =>
  (f.bom ? '\uFEFF' : '') + JSON.stringify(f.wrap ? envelope(value) : value, null, f.pretty ? 2 : undefined);

const typeMutation = fc.tuple(fc.nat(), fc.nat(), framing).map(([where, pick, f]) => {
  const config = good();
  const all = spots(config);
  const s = all[where % all.length]!;
  s.parent[s.key] = wrongType(s.parent[s.key], pick);
  return { text: frame(config, f), path: s.path };
});

/** Values no field accepts whatever its type: out-of-range numbers and broken times. */
const badScalar = fc.constantFrom(-1, -1e308, 1e308, 2 ** 53 + 1, '25:99', '', ' ', '\u202E', 'x'.repeat(10_000));
const scalarMutation = fc.tuple(
  fc.constantFrom(
    'version',
    'policies[0].firstResponseMinutes',
    'policies[0].nextResponseMinutes',
    'policies[0].resolutionMinutes',
    'policies[0].warnAt',
    'notifications.leadMinutes',
    'retentionDays',
    'schedules[0].week.mon[0][0]',
    'schedules[0].holidays[0]',
  ),
  badScalar,
  framing,
).filter(([path, v]) => {
  // Text fields need a text value to test their content rules, number fields a number; the rest are type errors.
  const textField = path.startsWith('schedules');
  return textField ? typeof v === 'string' : typeof v === 'number' || v === '25:99' || v === '';
}).map(([path, v, f]) => {
  const config = good();
  const s = spots(config).find((x) => x.path === path)!;
  s.parent[s.key] = v;
  return { text: frame(config, f), path };
});

const hostileKey = fc.tuple(fc.constantFrom(...FIXED_SHAPE), fc.constantFrom(...HOSTILE_KEYS), fc.constantFrom('{"polluted":1}', '1', '"x"', '[]', 'null')).map(
  ([path, key, value]) => ({ text: withKey(path, key, value), path: path === '' ? key || '(root)' : path }),
);

/** Any prefix of an object's JSON is broken JSON. */
const truncated = fc.tuple(fc.nat(), framing).map(([cut, f]) => {
  const text = frame(good(), f);
  return { text: text.slice(0, (f.bom ? 1 : 0) + (cut % (text.length - (f.bom ? 1 : 0)))), path: '(root)' };
});

/** Arbitrary JSON and arbitrary text: never a team config. */
const garbage = fc.oneof(
  fc.json({ maxDepth: 6 }).map((text) => ({ text, path: '(root)' })),
  fc.string({ unit: 'binary', maxLength: 400 }).map((text) => ({ text, path: '(root)' })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ text: JSON.stringify({ ...good(), schedules: [v] }), path: 'schedules' })),
);

describe('malformed team config files are refused without touching the stored config', () => {
  it(`wrong types anywhere in the file (${RUNS} files)`, async () => {
    await fc.assert(fc.asyncProperty(typeMutation, async ({ text }) => void (await attemptImport(text))), { numRuns: RUNS });
  });

  it(`values out of range or malformed (${RUNS} files)`, async () => {
    await fc.assert(fc.asyncProperty(scalarMutation, async ({ text, path }) => {
      const errors = await attemptImport(text);
      // The problem is named where it is, not just "the file is wrong".
      expect(errors.map((e) => e.path).some((p) => p.endsWith(path) || p.includes(path.split('[')[0]!.split('.')[0]!))).toBe(true);
    }), { numRuns: RUNS });
  });

  it(`unknown and prototype-reaching keys (__proto__, constructor, …) in every fixed-shape object (${RUNS} files)`, async () => {
    await fc.assert(fc.asyncProperty(hostileKey, async ({ text }) => void (await attemptImport(text))), { numRuns: RUNS });
  });

  it(`truncated JSON, with and without a BOM (${RUNS} files)`, async () => {
    await fc.assert(fc.asyncProperty(truncated, async ({ text }) => void (await attemptImport(text))), { numRuns: RUNS });
  });

  it(`arbitrary JSON and binary text (${RUNS} files)`, async () => {
    await fc.assert(fc.asyncProperty(garbage, async ({ text }) => void (await attemptImport(text))), { numRuns: RUNS });
  });

  it('JSON-level extremes: huge numbers, 10k-deep nesting, 5 MB strings, BOMs, NUL and lone surrogates', async () => {
    const base = JSON.stringify(good());
    const deepArray = (n: number): string => '['.repeat(n) + ']'.repeat(n);
    const deepObject = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const cases: Record<string, string> = {
      'version 1e999 (Infinity)': base.replace('"version":1', '"version":1e999'),
      'version with 400 digits': base.replace('"version":1', `"version":${'9'.repeat(400)}`),
      'target 1e999': base.replace('"firstResponseMinutes":60', '"firstResponseMinutes":1e999'),
      'target -0.0e-999': base.replace('"firstResponseMinutes":60', '"firstResponseMinutes":-1e-999'),
      'retention 2^64': base.replace('"retentionDays":90', '"retentionDays":18446744073709551616'),
      'schedules nested 10k deep (arrays)': base.replace(/"schedules":\[.*?\],"policies"/, `"schedules":${deepArray(10_000)},"policies"`),
      'week nested 10k deep (objects)': base.replace(/"week":\{.*?\]\]\}/, `"week":${deepObject(10_000)}`),
      'unknown key holding 10k-deep nesting': base.replace(/^\{/, `{"junk":${deepObject(10_000)},`),
      'whole file nested 100k deep': deepArray(100_000),
      'policy name of 1.5 MB': base.replace('"Social media"', JSON.stringify('A'.repeat(1_500_000))),
      'policy name of 5 MB': base.replace('"Social media"', JSON.stringify('A'.repeat(5_000_000))),
      '5 MB of whitespace before the config': ' '.repeat(5_000_000) + base,
      // (Two leading BOMs are not malformed for the options import: decoding the file as UTF-8 consumes one.)
      'BOM inside the object': base.replace(/^\{/, '{\uFEFF'),
      'BOM then nothing': '\uFEFF',
      'empty file': '',
      'NUL bytes': base.replace('"Webcare NL"', '"Web\u0000care"').replace(/^\{/, '\u0000{'),
      'lone surrogate in an id': base.replace('"id":"nl"', '"id":"\\ud800"').replace('"schedule":"nl"', '"schedule":"\\ud800"'),
      'duplicate keys, second one broken': base.replace('"version":1', '"version":1,"version":"one"'),
      'JSON with comments': base.replace(/^\{/, '{/* team */'),
      'trailing comma': base.replace(/\}$/, ',}'),
      'single quotes': base.replace(/"/g, "'"),
      'NaN literal': base.replace('"warnAt":0.8', '"warnAt":NaN'),
      'top-level array of configs': `[${base}]`,
      'top-level string': JSON.stringify(base),
      'envelope without config': JSON.stringify({ format: 'replyclock-team-config' }),
      'envelope with __proto__ config': `{"format":"replyclock-team-config","__proto__":${base}}`,
      '__proto__ as the whole config': `{"__proto__":${base}}`,
      'constructor.prototype pollution': base.replace(/^\{/, '{"constructor":{"prototype":{"polluted":1}},'),
    };
    for (const [name, text] of Object.entries(cases)) {
      expect(text, `${name}: the case's edit did not apply`).not.toBe(base);
      let errors: Problems = [];
      await expect(
        (async () => {
          errors = await attemptImport(text, !name.startsWith('5 MB of whitespace'));
        })(),
        name,
      ).resolves.toBeUndefined();
      expect(errors.length, name).toBeGreaterThan(0);
    }
  });

  // Regression guard: checkConfig → migrateConfig once unwrapped ANY envelope's `config` whatever its `format`, so
  // saveConfig (and the managed-policy and stored-value readers, which use checkConfig) accepted a file that says it is
  // something else; only parseConfigFile's own envelope check caught it. Fixed in migrate.ts (commit 07e4cb9).
  it('an envelope naming another format is refused by every entry point, saveConfig included', async () => {
    const other = { format: 'replyclock-conversations', exportedAt: '2026-03-02T09:00:00.000Z', config: good() };
    const errors = await attemptImport(JSON.stringify(other));
    expect(errors.map((e) => e.path)).toContain('format');
  });
});
