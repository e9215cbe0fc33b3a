// Property tests: whatever a file, a storage area or a caller hands in, validateConfig answers instead of throwing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/core/config/validate.ts';
import { WEEKDAYS } from '../../../src/core/types.ts';
import { issueExample, siteRule } from './config-helpers.ts';

/** Never throws, and a refusal always names at least one problem, each by a non-empty path. */
function expectWellFormed(input: unknown): ReturnType<typeof validateConfig> {
  let r: ReturnType<typeof validateConfig> | undefined;
  expect(() => (r = validateConfig(input))).not.toThrow();
  if (!r!.ok) {
    expect(r!.errors.length).toBeGreaterThan(0);
    for (const e of r!.errors) {
      expect(typeof e.path).toBe('string');
      expect(e.path.length).toBeGreaterThan(0);
      expect(e.message.length).toBeGreaterThan(0);
    }
  }
  return r!;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** One day's hours: sorted distinct boundaries paired up, so intervals never overlap and never cross midnight. */
const dayHours = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 8 })
  .map((b) => b.sort((x, y) => x - y))
  .map((b) => {
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < b.length; i += 2) out.push([hhmm(b[i]!), b[i + 1] === 1440 ? '24:00' : hhmm(b[i + 1]!)]);
    return out;
  });

const validConfig = fc
  .record({
    week: fc.dictionary(fc.constantFrom(...WEEKDAYS), dayHours),
    zone: fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'UTC', 'Asia/Kolkata'),
    holidays: fc.uniqueArray(fc.constantFrom('2026-12-25', '--01-01', '--02-29', '2027-04-27'), { maxLength: 4 }),
    targets: fc.array(fc.option(fc.double({ min: 0.5, max: 100000, noNaN: true }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    warnAt: fc.option(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { nil: undefined }),
    calendar: fc.boolean(),
    handles: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/), { maxLength: 4, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
  })
  .map(({ week, zone, holidays, targets, warnAt, calendar, handles }) => {
    const policy: Record<string, unknown> = { id: 'p', schedule: calendar ? null : 's', match: { channels: ['public', 'dm'] } };
    (['firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'] as const).forEach((k, i) => {
      if (targets[i] !== undefined) policy[k] = targets[i];
    });
    if (warnAt !== undefined) policy.warnAt = warnAt;
    return {
      version: 1,
      schedules: [{ id: 's', timeZone: zone, week, holidays }],
      policies: [policy, { id: 'rest', schedule: null, match: {} }],
      brands: { x: handles },
      sites: [siteRule()],
    };
  });

describe('validateConfig never throws', () => {
  it('on any value at all', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withTypedArray: true, withDate: true, withObjectString: true }), (v) => {
        expectWellFormed(v);
        expectWellFormed({ ...issueExample(), schedules: [v] });
        expectWellFormed({ ...issueExample(), policies: [{ ...issueExample().policies[0], match: v }] });
      }),
      { numRuns: 300 },
    );
  });

  it('on cycles, getters that throw, hostile Proxies, Symbols, BigInt and huge arrays', () => {
    const cyclic: Record<string, any> = issueExample();
    cyclic.schedules[0].week.mon = cyclic.schedules;
    cyclic.policies[0].match = cyclic;
    const getter = issueExample();
    Object.defineProperty(getter.schedules[0], 'timeZone', { enumerable: true, get: () => { throw new Error('boom'); } });
    const trap = () => { throw new Error('trap'); };
    const hostile = new Proxy({}, { get: trap, getOwnPropertyDescriptor: trap, ownKeys: trap, has: trap, getPrototypeOf: trap });
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const inputs: unknown[] = [
      cyclic,
      getter,
      hostile,
      revoked,
      { ...issueExample(), schedules: hostile },
      { ...issueExample(), brands: revoked },
      { ...issueExample(), retentionDays: 10n },
      { ...issueExample(), [Symbol('x')]: 1, policies: [Symbol('p')] },
      // Ten million empty slots: refused by size before any slot is looked at.
      { ...issueExample(), schedules: Object.assign([], { length: 10_000_000 }) },
      { ...issueExample(), brands: { x: Array.from({ length: 1_000_000 }, () => '@') } },
      JSON.parse('{"version":1,"__proto__":{"polluted":true},"schedules":[],"policies":[]}'),
    ];
    for (const input of inputs) expect(expectWellFormed(input).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const bad = expectWellFormed(getter);
    expect(!bad.ok && bad.errors).toContainEqual({ path: 'schedules[0].timeZone', message: 'is a getter, not a plain value' });
  });

  it('keeps the error list bounded for a file full of junk keys', () => {
    const junk = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const r = expectWellFormed({ ...issueExample(), ...junk });
    expect(!r.ok && r.errors.length).toBeLessThanOrEqual(25);
  });
});

/** Replaces or deletes one value somewhere inside a JSON tree. */
function mutate(root: any, pick: number, replacement: unknown, drop: boolean): void {
  const spots: [any, string | number][] = [];
  const walk = (node: any) => {
    if (node && typeof node === 'object') {
      for (const k of Object.keys(node)) {
        spots.push([node, Array.isArray(node) ? Number(k) : k]);
        walk(node[k]);
      }
    }
  };
  walk(root);
  const [parent, key] = spots[pick % spots.length]!;
  if (drop && !Array.isArray(parent)) delete parent[key];
  else parent[key] = replacement;
}

const junkValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1, 0, 2 ** 53, '', '24:00', '23:59', '00:00', '--02-29', '2026-02-30', null, [], {}),
  fc.string(),
  fc.stringMatching(/^\d{1,2}:\d{1,2}$/),
);

describe('mutations of a valid config', () => {
  it('are either refused with paths or accepted as a stable config', () => {
    fc.assert(
      fc.property(fc.nat(), junkValue, fc.boolean(), (pick, value, drop) => {
        const c = { ...issueExample(), sites: [siteRule()] };
        mutate(c, pick, value, drop);
        const r = expectWellFormed(c);
        if (r.ok) expect(validateConfig(r.config)).toEqual(r);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('valid configs', () => {
  it('are accepted, unchanged by validation after a JSON round trip, and validation is idempotent', () => {
    fc.assert(
      fc.property(validConfig, (config) => {
        const json = JSON.parse(JSON.stringify(config));
        const r = validateConfig(json);
        expect(r).toEqual({ ok: true, config });
        if (r.ok) expect(validateConfig(r.config)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
});
