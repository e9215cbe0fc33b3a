// The published format (docs/) must agree with the validator: every example validates, the JSON Schema accepts
// every example and names exactly the keys the validator knows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig, ROOT_KEYS } from '../../../src/core/config/validate.ts';
import { SCHEDULE_KEYS, EXCEPTION_KEYS } from '../../../src/core/config/check-schedule.ts';
import { POLICY_KEYS, MATCH_KEYS } from '../../../src/core/config/check-policy.ts';
import { SITE_KEYS } from '../../../src/core/config/check-site.ts';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import { issueExample, siteRule } from './config-helpers.ts';

const docs = join(import.meta.dirname, '../../../docs');
const schema = JSON.parse(readFileSync(join(docs, 'team-config.schema.json'), 'utf8'));
const examples = readdirSync(join(docs, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(docs, 'examples', f), 'utf8'))] as const);

type Schema = Record<string, any>;
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', 'title', 'description']);

/**
 * A small JSON Schema (2020-12) checker for exactly the keywords the schema uses (no ajv in this project).
 * An unsupported keyword throws, so the schema cannot grow a rule this test silently ignores.
 */
function conforms(s: Schema, v: unknown, root: Schema = s): boolean {
  const typeOf = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'array' : Number.isInteger(x) ? 'integer' : typeof x);
  for (const [k, arg] of Object.entries(s)) {
    if (ANNOTATIONS.has(k)) continue;
    const ok = (() => {
      switch (k) {
        case '$ref':
          return conforms(root.$defs[(arg as string).replace('#/$defs/', '')], v, root);
        case 'anyOf':
          return (arg as Schema[]).some((x) => conforms(x, v, root));
        case 'oneOf':
          return (arg as Schema[]).filter((x) => conforms(x, v, root)).length === 1;
        case 'type':
          return ([] as string[]).concat(arg).some((t) => t === typeOf(v) || (t === 'number' && typeOf(v) === 'integer'));
        case 'const':
          return v === arg;
        case 'enum':
          return (arg as unknown[]).includes(v);
        case 'properties':
          return typeOf(v) !== 'object' || Object.entries(arg as Schema).every(([p, ps]) => !(p in (v as object)) || conforms(ps, (v as any)[p], root));
        case 'additionalProperties':
          return typeOf(v) !== 'object' || Object.keys(v as object).every((p) => (s.properties && p in s.properties) || (arg === false ? false : conforms(arg, (v as any)[p], root)));
        case 'required':
          return typeOf(v) !== 'object' || (arg as string[]).every((p) => p in (v as object));
        case 'propertyNames':
          return typeOf(v) !== 'object' || Object.keys(v as object).every((p) => conforms(arg, p, root));
        case 'maxProperties':
          return typeOf(v) !== 'object' || Object.keys(v as object).length <= arg;
        case 'items':
          return !Array.isArray(v) || v.slice(s.prefixItems?.length ?? 0).every((x) => conforms(arg, x, root));
        case 'prefixItems':
          return !Array.isArray(v) || (arg as Schema[]).every((ps, i) => i >= v.length || conforms(ps, v[i], root));
        case 'minItems':
          return !Array.isArray(v) || v.length >= arg;
        case 'maxItems':
          return !Array.isArray(v) || v.length <= arg;
        case 'uniqueItems':
          return !Array.isArray(v) || new Set(v.map((x) => JSON.stringify(x))).size === v.length;
        case 'minLength':
          return typeof v !== 'string' || v.length >= arg;
        case 'maxLength':
          return typeof v !== 'string' || v.length <= arg;
        case 'pattern':
          return typeof v !== 'string' || new RegExp(arg, 'u').test(v);
        case 'minimum':
          return typeof v !== 'number' || v >= arg;
        case 'maximum':
          return typeof v !== 'number' || v <= arg;
        case 'exclusiveMinimum':
          return typeof v !== 'number' || v > arg;
        case 'exclusiveMaximum':
          return typeof v !== 'number' || v < arg;
        default:
          throw new Error(`schema keyword ${k} is not supported by this test's checker`);
      }
    })();
    if (!ok) return false;
  }
  return true;
}

describe('docs/examples', () => {
  it('holds a full team example with NL and US schedules, and more', () => {
    expect(examples.map(([f]) => f)).toEqual(expect.arrayContaining(['team-nl-us.json', 'calendar-time.json', 'export-envelope.json']));
    const team = examples.find(([f]) => f === 'team-nl-us.json')![1];
    expect(team.schedules.map((s: { timeZone: string }) => s.timeZone)).toEqual(expect.arrayContaining(['Europe/Amsterdam', 'America/New_York']));
  });

  it.each(examples)('%s is a valid team config', (_, example) => {
    expect(validateConfig(example)).toMatchObject({ ok: true });
  });

  it.each(examples)('%s is accepted by the JSON Schema', (_, example) => {
    expect(conforms(schema, example)).toBe(true);
  });
});

describe('docs/team-config.schema.json', () => {
  it('accepts the issue example, the default config and a site rule', () => {
    expect(conforms(schema, issueExample())).toBe(true);
    expect(conforms(schema, DEFAULT_CONFIG)).toBe(true);
    expect(conforms(schema, { ...issueExample(), sites: [siteRule()] })).toBe(true);
  });

  it('refuses what the validator refuses for shape: unknown keys, bad times, newer versions, bad targets', () => {
    const broken = [
      { ...issueExample(), polices: [] },
      { ...issueExample(), version: 2 },
      (() => { const c = issueExample(); c.schedules[0].week.mon[0] = ['24:00', '06:00']; return c; })(),
      (() => { const c = issueExample(); c.policies[0].firstResponseMinutes = 0; return c; })(),
      (() => { const c = issueExample(); c.policies[0].warnAt = 1; return c; })(),
      (() => { const c = issueExample(); c.schedules[0].holidays = ['12-25']; return c; })(),
    ];
    for (const c of broken) {
      expect(conforms(schema, c)).toBe(false);
      expect(validateConfig(c).ok).toBe(false);
    }
  });

  it('names exactly the keys the validator knows, at every level', () => {
    const d = schema.$defs;
    const keys = (o: Schema) => Object.keys(o.properties).sort();
    expect(keys(d.config)).toEqual([...ROOT_KEYS].sort());
    expect(keys(d.schedule)).toEqual([...SCHEDULE_KEYS].sort());
    expect(keys(d.schedule.properties.exceptions.items)).toEqual([...EXCEPTION_KEYS].sort());
    expect(keys(d.policy)).toEqual([...POLICY_KEYS].sort());
    expect(keys(d.policy.properties.match)).toEqual([...MATCH_KEYS].sort());
    expect(keys(d.site)).toEqual([...SITE_KEYS].sort());
  });
});

describe('docs/team-config.md', () => {
  const md = readFileSync(join(docs, 'team-config.md'), 'utf8');
  it('documents every key the validator knows', () => {
    for (const k of [...ROOT_KEYS, ...SCHEDULE_KEYS, ...EXCEPTION_KEYS, ...POLICY_KEYS, ...MATCH_KEYS, ...SITE_KEYS]) expect(md).toContain(`\`${k}\``);
  });

  it('shows error messages the validator really produces', () => {
    const c = issueExample();
    c.schedules[0].week.mon[1] = ['25:00', '22:00'];
    const r = validateConfig(c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(md).toContain(`${r.errors[0]!.path}: ${r.errors[0]!.message}`);
  });
});
