// What the reports page derives from stored records beyond computeMetrics (metrics.ts): filters, the
// day axis, the first-response histogram and the breach list. Pure: no DB, no DOM. Records carry
// their first-response minutes and verdict under the policy version frozen for them.
import type { Channel } from '../core/types.ts';
import type { ConversationRecord, EventRecord, PolicyVersion } from '../shared/records.ts';

export interface ReportFilter {
  from: number;
  /** Exclusive. */
  to: number;
  platform?: string;
  channel?: Channel;
  policy?: string;
  agent?: string;
}

/** Who handled a conversation: the assignee, else the author of the team's first reply. */
export function handledBy(r: ConversationRecord): string | null {
  if (r.assignee) return r.assignee;
  return r.messages.find((m) => m.role === 'brand' && m.author)?.author ?? null;
}

export function applyFilter(records: readonly ConversationRecord[], f: ReportFilter): ConversationRecord[] {
  return records.filter(
    (r) =>
      r.firstCustomerAt >= f.from &&
      r.firstCustomerAt < f.to &&
      (!f.platform || r.platform === f.platform) &&
      (!f.channel || r.channel === f.channel) &&
      (!f.policy || (r.policyId ?? '') === f.policy) &&
      (!f.agent || handledBy(r) === f.agent),
  );
}

/** One row of a per-platform/channel/policy/agent table (from computeMetrics, see metrics.ts). */
export interface Figures {
  volume: number;
  answered: number;
  /** Conversations whose first-response verdict is decided. */
  judged: number;
  within: number;
  /** within / judged; null when nothing has a verdict yet. */
  withinShare: number | null;
  /** First-response breaches. */
  breached: number;
  frtMedian: number | null;
  frtP90: number | null;
}

/** A conversation breached when it was answered late or its clock ran out unanswered. */
export function isBreach(r: ConversationRecord): boolean {
  return r.withinTarget === false || (r.firstResponseAt === null && r.clockState === 'breached');
}

export interface GroupRow extends Figures {
  key: string;
}

export interface DayPoint {
  day: string;
  volume: number;
  withinShare: number | null;
}

/** "YYYY-MM-DD" of an instant in a zone. */
export function dayInZone(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The calendar days [from, to) touches in a zone, oldest first. */
export function daysBetween(from: number, to: number, timeZone: string): string[] {
  const out: string[] = [];
  // Stepping by 6 h and de-duplicating stays right across DST days of 23 or 25 hours.
  for (let at = from; at < to; at += 6 * 3_600_000) {
    const d = dayInZone(at, timeZone);
    if (out[out.length - 1] !== d) out.push(d);
  }
  const last = dayInZone(to - 1, timeZone);
  if (to > from && out[out.length - 1] !== last) out.push(last);
  return out;
}

export interface Bucket {
  /** Lower bound in minutes (inclusive). */
  from: number;
  /** Upper bound in minutes (exclusive); null = open-ended. */
  to: number | null;
  count: number;
}

export const FRT_BUCKETS: readonly [number, number | null][] = [
  [0, 15],
  [15, 60],
  [60, 240],
  [240, 1440],
  [1440, null],
];

/** First-response minutes counted into <15 min, 15–60 min, 1–4 h, 4–24 h and >24 h. */
export function frtHistogram(records: readonly ConversationRecord[]): Bucket[] {
  const buckets = FRT_BUCKETS.map(([from, to]) => ({ from, to, count: 0 }));
  for (const r of records) {
    const m = r.firstResponseMinutes;
    if (m === null || !Number.isFinite(m)) continue;
    const b = buckets.find((x) => m >= x.from && (x.to === null || m < x.to));
    if (b) b.count++;
  }
  return buckets;
}

/** The zone most conversations in view were measured in (their frozen schedule), for the heatmap. */
export function dominantZone(records: readonly ConversationRecord[], versions: ReadonlyMap<string, PolicyVersion>, fallback: string): string {
  const counts = new Map<string, number>();
  for (const r of records) {
    const zone = r.versionKey ? versions.get(r.versionKey)?.schedule?.timeZone : undefined;
    if (zone) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  let best = fallback;
  let n = 0;
  for (const [z, c] of counts) if (c > n) [best, n] = [z, c];
  return best;
}

export interface BreachRow {
  id: string;
  platform: string;
  channel: Channel;
  url: string;
  customer: string;
  firstCustomerAt: number;
  targetMinutes: number | null;
  /** Minutes past target: business minutes when answered late; calendar minutes since due when still unanswered. */
  lateMinutes: number | null;
  answered: boolean;
  handledBy: string | null;
  /** Status changes and agent actions from the event log, oldest first. */
  history: { at: number; type: string; agent: string | null }[];
}

const HISTORY_TYPES = new Set(['status-changed', 'assigned', 'unassigned', 'excluded', 'snoozed', 'reopened', 'breached', 'reply-seen']);

export function breachList(
  records: readonly ConversationRecord[],
  versions: ReadonlyMap<string, PolicyVersion>,
  events: readonly EventRecord[],
  now: number,
): BreachRow[] {
  const byConversation = new Map<string, EventRecord[]>();
  for (const e of events) {
    if (!e.conversationId || !HISTORY_TYPES.has(e.type)) continue;
    const list = byConversation.get(e.conversationId);
    if (list) list.push(e);
    else byConversation.set(e.conversationId, [e]);
  }
  return records
    .filter(isBreach)
    .map((r) => {
      const target = (r.versionKey ? versions.get(r.versionKey)?.policy.firstResponseMinutes : undefined) ?? null;
      const answered = r.firstResponseMinutes !== null;
      let late: number | null = null;
      if (answered && target !== null) late = r.firstResponseMinutes! - target;
      else if (!answered && r.dueAt !== null) late = Math.max(0, (now - r.dueAt) / 60_000);
      return {
        id: r.id,
        platform: r.platform,
        channel: r.channel,
        url: r.url,
        customer: r.customer.handle ?? r.customer.name ?? '',
        firstCustomerAt: r.firstCustomerAt,
        targetMinutes: target,
        lateMinutes: late,
        answered,
        handledBy: handledBy(r),
        history: (byConversation.get(r.id) ?? [])
          .slice()
          .sort((a, b) => a.at - b.at)
          .map((e) => ({ at: e.at, type: e.type, agent: e.agent })),
      };
    })
    .sort((a, b) => (b.lateMinutes ?? 0) - (a.lateMinutes ?? 0));
}
