import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { fake } from './fake-browser.ts';
import { withBrand } from './configs.ts';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import type { TeamConfig } from '../../../src/core/types.ts';

vi.mock('../../../src/shared/browser.ts', async () => ({ default: (await import('./fake-browser.ts')).fake.browser }));

const { loadConfig, saveConfig, resetSettingsForTests, LOCKABLE_FIELDS } = await import('../../../src/shared/settings.ts');
const { interpretPolicy } = await import('../../../src/shared/managed.ts');

async function save(input: unknown) {
  const p = saveConfig(input);
  await vi.runAllTimersAsync();
  return p;
}

function adminConfig(): TeamConfig {
  const c = structuredClone(DEFAULT_CONFIG);
  c.policies[0]!.firstResponseMinutes = 20;
  c.brands = { x: ['admin'] };
  return c;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
  fake.reset();
  resetSettingsForTests();
});
afterEach(() => vi.useRealTimers());

describe('admin policy (storage.managed)', () => {
  it('works when storage.managed is missing or throws', async () => {
    await save(withBrand('user'));
    for (const mode of ['missing', 'throws'] as const) {
      fake.setManaged({}, mode);
      const loaded = await loadConfig();
      expect(loaded).toMatchObject({ origin: 'sync', locked: [], agentNameRequired: false });
      expect((await save(withBrand('again'))).ok).toBe(true);
    }
  });

  it('a deployed config wins and is locked entirely unless the admin says otherwise', async () => {
    await save(withBrand('user'));
    fake.setManaged({ teamConfig: adminConfig(), agentNameRequired: true });
    const loaded = await loadConfig();
    expect(loaded).toMatchObject({ config: adminConfig(), origin: 'managed', source: 'stored', agentNameRequired: true });
    expect(loaded.locked).toEqual([...LOCKABLE_FIELDS]);
    const refused = await save(withBrand('mine', adminConfig()));
    expect(refused).toEqual({ ok: false, errors: [{ path: 'brands', message: expect.stringMatching(/locked/) }] });
    expect((await loadConfig()).config).toEqual(adminConfig());
  });

  it('locks only the listed fields; the user keeps and edits the others', async () => {
    await save(withBrand('user'));
    fake.setManaged({ teamConfig: adminConfig(), locked: ['policies'] });
    const loaded = await loadConfig();
    expect(loaded.locked).toEqual(['policies']);
    expect(loaded.config.policies).toEqual(adminConfig().policies);
    expect(loaded.config.brands).toEqual({ x: ['user'] });

    const editBrands = structuredClone(loaded.config);
    editBrands.brands = { x: ['other'] };
    expect((await save(editBrands)).ok).toBe(true);
    expect((await loadConfig()).config.brands).toEqual({ x: ['other'] });

    const editPolicies = structuredClone(loaded.config);
    editPolicies.policies[1]!.firstResponseMinutes = 5;
    const refused = await save(editPolicies);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.map((e) => e.path)).toEqual(['policies']);
  });

  it('locked: false makes the deployed config only the starting point', async () => {
    fake.setManaged({ teamConfig: adminConfig(), locked: false });
    expect((await loadConfig()).origin).toBe('managed');
    expect((await save(withBrand('user'))).ok).toBe(true);
    expect((await loadConfig())).toMatchObject({ origin: 'sync', config: withBrand('user'), locked: [] });
  });

  it('accepts the config as a JSON string (easier in Windows group policy)', () => {
    const policy = interpretPolicy({ teamConfigJson: JSON.stringify(adminConfig()) });
    expect(policy.teamConfig).toEqual(adminConfig());
  });

  it('ignores invalid policy values and says which', async () => {
    const policy = interpretPolicy({ teamConfig: { version: 1 }, teamConfigUrl: 'http://intranet/cfg.json', locked: ['policies', 'colour'] });
    expect(policy.teamConfig).toBeUndefined();
    expect(policy.teamConfigUrl).toBeUndefined();
    expect(policy.locked).toEqual(['policies']);
    const paths = policy.problems.map((p) => p.path);
    expect(paths).toContain('policy.teamConfigUrl');
    expect(paths).toContain('policy.locked[1]');
    expect(paths.some((p) => p.startsWith('policy.teamConfig.'))).toBe(true);
    fake.setManaged({ teamConfig: { version: 1 } });
    const loaded = await loadConfig();
    expect(loaded.origin).toBe('default');
    expect(loaded.problems.length).toBeGreaterThan(0);
  });
});

describe('public/managed_schema.json', () => {
  const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8'));

  it("follows Chrome's rules: object at the top, no additionalProperties there, every schema has exactly one of type/$ref", () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    const walk = (s: Record<string, unknown>, path: string): void => {
      expect(Number('type' in s) + Number('$ref' in s), path).toBe(1);
      for (const [k, sub] of Object.entries((s.properties as Record<string, Record<string, unknown>>) ?? {})) walk(sub, `${path}.${k}`);
      if (s.items) walk(s.items as Record<string, unknown>, `${path}[]`);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties as Record<string, unknown>, `${path}{}`);
    };
    walk(schema, '');
  });

  it('declares every policy the extension reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(['agentNameRequired', 'locked', 'teamConfig', 'teamConfigJson', 'teamConfigUrl']);
  });
});
