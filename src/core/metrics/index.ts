// Service-level reports: the public surface of src/core/metrics.
export { computeMetrics, NO_POLICY_KEY, UNASSIGNED_KEY } from './metrics.ts';
export type { Metrics, MetricsConversation, MetricsFigures, MetricsInput, RatingResult } from './metrics.ts';
export { mean, median, percentile } from './stats.ts';
export { ratingCategory, rateMinutes, thresholdsFor } from './rating.ts';
export { HeatmapCounter } from './heatmap.ts';
