// Bridges stored records to the core's computeMetrics, so the reports page judges conversations with
// exactly the clock rules the badges and the popup use, under each conversation's frozen policy version.
import { computeMetrics, NO_POLICY_KEY, UNASSIGNED_KEY, type Metrics, type MetricsConversation, type MetricsFigures } from '../core/metrics/index.ts';
import type { RatingCategory, RatingThresholds } from '../core/types.ts';
import type { ConversationRecord, PolicyVersion } from '../shared/records.ts';
import { handledBy, type DayPoint, type GroupRow } from './aggregate.ts';

export { NO_POLICY_KEY, UNASSIGNED_KEY };

export function toMetricsConversation(r: ConversationRecord, versions: ReadonlyMap<string, PolicyVersion>): MetricsConversation {
  const v = r.versionKey ? versions.get(r.versionKey) : undefined;
  return {
    id: r.id,
    platform: r.platform,
    channel: r.channel,
    priority: r.priority,
    topic: r.topic,
    text: r.text,
    messages: r.messages.map((m) => ({ id: m.id, role: m.role, at: m.at, precisionMs: m.precisionMs, author: m.author })),
    pauses: r.pauses,
    excluded: r.excluded,
    // Records keep no resolution time; the last write of a resolved conversation is the closest we know.
    resolvedAt: r.status === 'resolved' ? r.updatedAt : null,
    policy: v?.policy ?? null,
    schedule: v?.schedule ?? null,
    agent: handledBy(r),
  };
}

const ALL = { from: 0, to: Number.MAX_SAFE_INTEGER };

export function reportMetrics(
  records: readonly ConversationRecord[],
  versions: ReadonlyMap<string, PolicyVersion>,
  now: number,
  timeZone: string,
  ratings?: Partial<Record<RatingCategory, RatingThresholds>>,
): Metrics {
  // Records were already filtered by range; every one passed in counts.
  return computeMetrics({ conversations: records.map((r) => toMetricsConversation(r, versions)), ...ALL, now, timeZone, ratings });
}

export function groupRows(groups: Record<string, MetricsFigures | undefined>): GroupRow[] {
  return Object.entries(groups)
    .filter((e): e is [string, MetricsFigures] => e[1] !== undefined)
    .map(([key, f]) => ({
      key,
      volume: f.volume,
      answered: f.answered,
      judged: f.judgedCount,
      within: f.withinCount,
      withinShare: f.withinTarget,
      breached: f.firstResponseBreaches,
      frtMedian: f.frtMedianMinutes,
      frtP90: f.frtP90Minutes,
    }))
    .sort((a, b) => b.volume - a.volume || a.key.localeCompare(b.key));
}

/** Within-target share per calendar day (the record's day in its schedule's zone), every listed day present. */
export function perDayMetrics(
  records: readonly ConversationRecord[],
  versions: ReadonlyMap<string, PolicyVersion>,
  days: readonly string[],
  now: number,
): DayPoint[] {
  const byDay = new Map<string, ConversationRecord[]>();
  for (const r of records) {
    const list = byDay.get(r.day);
    if (list) list.push(r);
    else byDay.set(r.day, [r]);
  }
  return days.map((day) => {
    const rs = byDay.get(day) ?? [];
    if (rs.length === 0) return { day, volume: 0, withinShare: null };
    const m = computeMetrics({ conversations: rs.map((r) => toMetricsConversation(r, versions)), ...ALL, now });
    return { day, volume: m.overall.volume, withinShare: m.overall.withinTarget };
  });
}
