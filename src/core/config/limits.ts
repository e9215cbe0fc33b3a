// Size limits of the team config file. They keep validation (and every consumer) fast whatever a file holds;
// each is far above what a real team needs. docs/team-config.md lists them.
export const LIMITS = {
  schedules: 100,
  policies: 200,
  sites: 100,
  /** Intervals in one day's list (week day or exception). */
  intervalsPerDay: 48,
  /** Holidays, and separately exceptions, per schedule. */
  datesPerSchedule: 2000,
  /** Entries in one `match` list, and handles per platform in `brands`. */
  listEntries: 500,
  platforms: 100,
  matchesPerSite: 50,
  name: 200,
  handle: 100,
  topic: 200,
  selector: 1000,
  pattern: 1000,
  /** Longest target: ten years in minutes. */
  targetMinutes: 5_256_000,
  leadMinutes: 10_080,
  retentionDays: 3650,
} as const;
