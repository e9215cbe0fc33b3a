// The team config most content tests start from: one policy answering within an hour in calendar time, X brands.
import type { TeamConfig } from '../../../src/core/types.ts';

export function hourPolicyConfig(policy: { id: string; name: string }, xBrands: string[] = ['AcmeSupport']): TeamConfig {
  return {
    version: 1,
    schedules: [],
    policies: [{ ...policy, schedule: null, match: {}, firstResponseMinutes: 60, nextResponseMinutes: 60 }],
    brands: { x: xBrands },
    sites: [],
  };
}
