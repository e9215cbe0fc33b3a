import { describe, expect, it } from 'vitest';
import { exportConfigFile, parseConfigFile } from '../../../src/shared/config-file.ts';
import { validateConfig } from '../../../src/core/config/validate.ts';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.ts';
import type { TeamConfig } from '../../../src/core/types.ts';
import { bigConfig, withBrand } from './configs.ts';

describe('team config file', () => {
  it('an exported file re-imports exactly', () => {
    for (const config of [DEFAULT_CONFIG, withBrand('acme'), bigConfig(30_000)]) {
      const text = exportConfigFile(config, new Date('2026-03-02T10:00:00Z'));
      const envelope = JSON.parse(text);
      expect(envelope).toMatchObject({ format: 'replyclock-team-config', exportedAt: '2026-03-02T10:00:00.000Z' });
      const parsed = parseConfigFile(text, config);
      expect(parsed.ok && parsed.config).toEqual(config);
      expect(parsed.ok && parsed.preview.unchanged).toBe(true);
      // Every other reader of config files (validateConfig directly) accepts it too.
      expect(validateConfig(envelope)).toEqual({ ok: true, config });
    }
  });

  it('accepts a bare config written by hand', () => {
    const parsed = parseConfigFile(JSON.stringify(withBrand('acme')));
    expect(parsed.ok && parsed.config).toEqual(withBrand('acme'));
  });

  it('refuses files that are not team configs, with the reason', () => {
    expect(parseConfigFile('{not json')).toMatchObject({ ok: false, errors: [{ path: '(root)' }] });
    expect(parseConfigFile(JSON.stringify({ format: 'replyclock-conversations', config: DEFAULT_CONFIG }))).toMatchObject({
      ok: false,
      errors: [{ path: 'format' }],
    });
    const bad = parseConfigFile(JSON.stringify({ ...DEFAULT_CONFIG, schedules: [{ id: 'x', timeZone: 'Mars/Base', week: {} }] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.some((e) => e.path.includes('timeZone'))).toBe(true);
  });

  it('previews what importing would change', () => {
    const current: TeamConfig = { ...withBrand('acme'), brands: { x: ['acme', 'AcmeHelp'], facebook: ['acme.page'] } };
    const next: TeamConfig = structuredClone(current);
    next.schedules.push({ ...structuredClone(DEFAULT_CONFIG.schedules[0]!), id: 'weekend', week: { sat: [['10:00', '14:00']] } });
    next.policies[0]!.firstResponseMinutes = 30;
    next.policies.unshift({ id: 'vip', schedule: null, match: { priorities: ['vip'] }, firstResponseMinutes: 15 });
    next.brands = { x: ['ACME', 'acme_nl'], instagram: ['acme'] };
    next.retentionDays = 30;
    const parsed = parseConfigFile(exportConfigFile(next), current);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const p = parsed.preview;
    expect(p.unchanged).toBe(false);
    expect(p.schedules).toEqual({ added: ['weekend'], removed: [], changed: [], reordered: false });
    expect(p.policies).toEqual({ added: ['vip'], removed: [], changed: ['social'], reordered: false });
    expect(p.sites).toEqual({ added: [], removed: [], changed: [], reordered: false });
    // Handles compare case-insensitively: "ACME" is the same account as "acme".
    expect(p.brands.added).toEqual([
      { platform: 'x', handle: 'acme_nl' },
      { platform: 'instagram', handle: 'acme' },
    ]);
    expect(p.brands.removed).toEqual([
      { platform: 'x', handle: 'AcmeHelp' },
      { platform: 'facebook', handle: 'acme.page' },
    ]);
    expect(p.other).toEqual(['retentionDays']);
  });

  it('reports a new policy order, which changes which policy wins', () => {
    const current = structuredClone(DEFAULT_CONFIG);
    current.policies.unshift({ id: 'vip', schedule: null, match: { priorities: ['vip'] }, firstResponseMinutes: 15 });
    const next = structuredClone(current);
    [next.policies[0], next.policies[1]] = [next.policies[1]!, next.policies[0]!];
    const parsed = parseConfigFile(exportConfigFile(next), current);
    expect(parsed.ok && parsed.preview.policies).toEqual({ added: [], removed: [], changed: [], reordered: true });
    const same = parseConfigFile(exportConfigFile(current), current);
    expect(same.ok && same.preview.policies.reordered).toBe(false);
  });
});
