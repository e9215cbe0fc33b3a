import { describe, expect, it } from 'vitest';
import type { TeamConfig } from '../../../src/core/types.ts';
import { diffConfig, isEmptyDiff } from '../../../src/options/import/diff.ts';

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

describe('diffConfig (the import preview)', () => {
  it('reports nothing for the same config, even with keys in another order', () => {
    const same = JSON.parse(JSON.stringify(base)) as TeamConfig;
    same.policies[0] = { firstResponseMinutes: 60, match: { platforms: ['x'] }, schedule: 'office', id: 'social' };
    expect(isEmptyDiff(diffConfig(base, same))).toBe(true);
  });

  it('lists added, removed and changed schedules and policies by id', () => {
    const next: TeamConfig = {
      ...base,
      schedules: [{ id: 'weekend', timeZone: 'UTC', week: { sat: [['10:00', '14:00']] } }],
      policies: [{ ...base.policies[0]!, firstResponseMinutes: 30 }, { id: 'vip', schedule: null, match: {}, firstResponseMinutes: 5 }],
    };
    const d = diffConfig(base, next);
    expect(d.schedules).toEqual({ added: ['weekend'], removed: ['office'], changed: [] });
    expect(d.policies).toEqual({ added: ['vip'], removed: ['helpdesk'], changed: ['social'] });
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('compares brand handles case-insensitively, per platform', () => {
    const next: TeamConfig = { ...base, brands: { x: ['acmesupport', 'AcmeNL'], facebook: ['AcmeNL'] } };
    expect(diffConfig(base, next).brands).toEqual([
      { platform: 'facebook', added: ['AcmeNL'], removed: [] },
      { platform: 'x', added: ['AcmeNL'], removed: [] },
    ]);
  });

  it('notices a new policy order, which changes which policy wins', () => {
    const next: TeamConfig = { ...base, policies: [base.policies[1]!, base.policies[0]!] };
    const d = diffConfig(base, next);
    expect(d.policyOrderChanged).toBe(true);
    expect(d.policies.changed).toEqual([]);
  });

  it('names other top-level settings that changed', () => {
    const next: TeamConfig = { ...base, retentionDays: 30, notifications: { enabled: false } };
    expect(diffConfig(base, next).settings).toEqual(['notifications', 'retentionDays']);
  });
});
