// The first-run team config and the documented defaults (docs/team-config.md).
// Values that validation does NOT fill in silently live here so every consumer reads the same number.
import type { RatingCategory, RatingThresholds, TeamConfig } from '../types.ts';
import { DEFAULT_WARN_AT } from './constants.ts';

/** The newest team-config file version this build reads and writes. */
export const CONFIG_VERSION = 1;

export { DEFAULT_WARN_AT };

/**
 * Five-level rating thresholds in minutes, from the service-level guide (seed 003). A level applies when the
 * response time is under its limit; at or over `belowAverage` it is `unacceptable`.
 * The guide says "over a day" for below-average e-mail/social and "several days" for unacceptable, so the
 * below-average limit is 3 days (4320 min). For chat "average" the guide gives 10(–30) min; 10 is used.
 */
export const DEFAULT_RATINGS: Record<RatingCategory, RatingThresholds> = {
  social: { stellar: 15, aboveAverage: 240, average: 1440, belowAverage: 4320 },
  email: { stellar: 60, aboveAverage: 240, average: 1440, belowAverage: 4320 },
  chat: { stellar: 1, aboveAverage: 5, average: 10, belowAverage: 60 },
};

/** Used until a team loads its own file: office hours Mon–Fri 09–17 in Amsterdam, social and helpdesk targets. */
export const DEFAULT_CONFIG: TeamConfig = {
  version: CONFIG_VERSION,
  schedules: [
    {
      id: 'office',
      name: 'Office hours',
      timeZone: 'Europe/Amsterdam',
      week: {
        mon: [['09:00', '17:00']],
        tue: [['09:00', '17:00']],
        wed: [['09:00', '17:00']],
        thu: [['09:00', '17:00']],
        fri: [['09:00', '17:00']],
      },
      holidays: [],
      exceptions: [],
    },
  ],
  policies: [
    {
      id: 'social',
      name: 'Social media',
      schedule: 'office',
      match: { platforms: ['x', 'facebook'] },
      firstResponseMinutes: 60,
      nextResponseMinutes: 60,
      resolutionMinutes: 1440,
      warnAt: DEFAULT_WARN_AT,
    },
    {
      id: 'helpdesk',
      name: 'Helpdesk',
      schedule: 'office',
      match: {},
      firstResponseMinutes: 240,
      nextResponseMinutes: 240,
      resolutionMinutes: 2880,
      warnAt: DEFAULT_WARN_AT,
    },
  ],
  brands: {},
  sites: [],
};

/** Used by the background when `notifications` (or one of its keys) is absent. */
export const DEFAULT_NOTIFICATIONS = { enabled: true, leadMinutes: 10, quietWhenClosed: true } as const;

/** Days conversation records are kept when `retentionDays` is absent. */
export const DEFAULT_RETENTION_DAYS = 180;

// Frozen so no reader can change the first-run config for every other reader by accident.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
deepFreeze(DEFAULT_CONFIG);
deepFreeze(DEFAULT_RATINGS);
