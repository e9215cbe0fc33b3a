// The import preview (previewConfigChange, which replaced the options page's own diff): what a person sees
// before applying a team config file. Kept from the options page's former diff tests, one intent each.
import { describe, expect, it } from 'vitest';
import type { TeamConfig } from '../../../src/core/types.ts';
import { previewConfigChange } from '../../../src/shared/config-file.ts';

const base: TeamConfig = {
  version: 1,
  schedules: [{ id: 'office', timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] } }],
  policies: [
    { id: 'social', schedule: 'office', match: { platforms: ['x'] }, firstResponseMinutes: 60 },
    { id: 'helpdesk', schedule: 'office', match: {}, firstResponseMinutes: 240 },
  ],
  brands: { x: ['AcmeSupport'] },
  sites: [],
};

describe('import preview', () => {
  it('reports nothing for the same config, even with keys in another order', () => {
    const same = JSON.parse(JSON.stringify(base)) as TeamConfig;
    same.policies[0] = { firstResponseMinutes: 60, match: { platforms: ['x'] }, schedule: 'office', id: 'social' };
    expect(previewConfigChange(base, same).unchanged).toBe(true);
  });

  it('lists added, removed and changed schedules and policies by id', () => {
    const next: TeamConfig = {
      ...base,
      schedules: [{ id: 'weekend', timeZone: 'UTC', week: { sat: [['10:00', '14:00']] } }],
      policies: [{ ...base.policies[0]!, firstResponseMinutes: 30 }, { id: 'vip', schedule: null, match: {}, firstResponseMinutes: 5 }],
    };
    const d = previewConfigChange(base, next);
    expect(d.schedules).toMatchObject({ added: ['weekend'], removed: ['office'], changed: [] });
    expect(d.policies).toMatchObject({ added: ['vip'], removed: ['helpdesk'], changed: ['social'] });
    expect(d.unchanged).toBe(false);
  });

  it('compares brand handles case-insensitively, per platform', () => {
    const next: TeamConfig = { ...base, brands: { x: ['acmesupport', 'AcmeNL'], facebook: ['AcmeNL'] } };
    const d = previewConfigChange(base, next);
    expect(d.brands.removed).toEqual([]);
    expect(d.brands.added).toEqual(expect.arrayContaining([{ platform: 'facebook', handle: 'AcmeNL' }, { platform: 'x', handle: 'AcmeNL' }]));
    expect(d.brands.added).toHaveLength(2);
  });

  it('notices a new policy order, which changes which policy wins', () => {
    const d = previewConfigChange(base, { ...base, policies: [base.policies[1]!, base.policies[0]!] });
    expect(d.policies.reordered).toBe(true);
    expect(d.policies.changed).toEqual([]);
  });

  it('names other top-level settings that changed', () => {
    const d = previewConfigChange(base, { ...base, retentionDays: 30, notifications: { enabled: false } });
    expect([...d.other].sort()).toEqual(['notifications', 'retentionDays']);
  });
});
