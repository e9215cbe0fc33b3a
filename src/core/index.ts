// Replyclock's public core API: pure TypeScript, no browser APIs. Code outside the project tests
// against these names and shapes — keep them stable (see docs/team-config.md for the file format).

export type * from './types.ts';
export { WEEKDAYS, CHANNELS } from './types.ts';

// Opening hours: business time between instants, due times, opening changes.
export {
  elapsedBusinessMinutes,
  dueAt,
  nextChange,
  elapsedMs,
  dueAtMs,
  nextChangeMs,
  isOpenAt,
  wallTimeToInstant,
  zonedParts,
} from './hours/index.ts';
export { isValidTimeZone } from './tz.ts';
export { parseIcsHolidays } from './ics.ts';

// The team config file.
export { validateConfig, formatConfigErrors } from './config/validate.ts';
export type { ConfigResult, ConfigError } from './config/validate.ts';
export { migrateConfig, exportConfig, CONFIG_FORMAT } from './config/migrate.ts';
export {
  DEFAULT_CONFIG,
  DEFAULT_RATINGS,
  DEFAULT_WARN_AT,
  DEFAULT_NOTIFICATIONS,
  DEFAULT_RETENTION_DAYS,
  CONFIG_VERSION,
} from './config/defaults.ts';

// Policies and clocks.
export { matchPolicy, scheduleFor } from './policy.ts';
export { readClocks, currentClock } from './clock.ts';

// Service-level metrics.
export { computeMetrics, percentile, median, mean, rateMinutes, ratingCategory } from './metrics/index.ts';
export type { Metrics, MetricsConversation, MetricsFigures, MetricsInput } from './metrics/index.ts';
