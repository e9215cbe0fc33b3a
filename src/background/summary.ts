// The popup's summary, built from stored data. Clock states are read live at `now` from stored
// timestamps and the frozen policy versions, so the popup is never up to a tick behind.
import { isOpenAt, nextChangeMs } from '../core/hours/index.ts';
import { scheduleFor } from '../core/policy.ts';
import { computeMetrics, type MetricsConversation } from '../core/metrics/index.ts';
import type { ClockReading, TeamConfig } from '../core/types.ts';
import { KV, kvGet, type ReplyclockDb } from '../shared/db.ts';
import type { HealthReport } from '../shared/protocol.ts';
import type { ConversationRecord } from '../shared/records.ts';
import type { PeriodFigures, PopupSummary, StateCounts, WaitingItem } from '../shared/summary.ts';
import { liveClock, toFacts } from './derive.ts';
import { factsAt, periodFromFacts } from './facts.ts';
import type { StorageWarning } from './retention.ts';
import { VersionCache } from './versions.ts';

const DAY = 86_400_000;
export const WAITING_LIMIT = 20;

export type Translate = (key: string, substitutions?: string | string[]) => string;

export interface LiveItem {
  rec: ConversationRecord;
  clock: ClockReading | null;
}

/** Open and snoozed conversations with their clock read at `now`. */
export async function liveConversations(db: ReplyclockDb, now: number): Promise<LiveItem[]> {
  const versions = new VersionCache(db);
  const recs = await db.conversations.where('status').anyOf(['open', 'snoozed']).toArray();
  await versions.preload(recs.map((r) => r.versionKey));
  const out: LiveItem[] = [];
  for (const rec of recs) out.push({ rec, clock: liveClock(rec, versions.peek(rec.versionKey), now) });
  return out;
}

const emptyCounts = (): StateCounts => ({ open: 0, atRisk: 0, breached: 0, paused: 0 });

export function countStates(items: readonly LiveItem[]): { counts: StateCounts; byPlatform: Record<string, StateCounts> } {
  const counts = emptyCounts();
  const byPlatform: Record<string, StateCounts> = {};
  for (const { rec, clock } of items) {
    const p = (byPlatform[rec.platform] ??= emptyCounts());
    for (const c of [counts, p]) {
      if (rec.status === 'snoozed' || clock?.state === 'paused') c.paused++;
      else c.open++;
      if (rec.status === 'open' && clock?.state === 'warning') c.atRisk++;
      if (rec.status === 'open' && clock?.state === 'breached') c.breached++;
    }
  }
  return { counts, byPlatform };
}

function byTimeToBreach(a: LiveItem, b: LiveItem): number {
  const da = a.clock?.dueAt ?? Number.POSITIVE_INFINITY;
  const db = b.clock?.dueAt ?? Number.POSITIVE_INFINITY;
  return da - db || a.rec.firstCustomerAt - b.rec.firstCustomerAt;
}

export function waitingList(items: readonly LiveItem[], limit = WAITING_LIMIT): WaitingItem[] {
  return items
    .filter((i) => i.rec.status === 'open' && i.clock && i.clock.state !== 'answered' && i.clock.state !== 'excluded')
    .sort(byTimeToBreach)
    .slice(0, limit)
    .map(({ rec, clock }) => ({
      id: rec.id,
      platform: rec.platform,
      url: rec.url,
      customer: rec.customer.handle ? `@${rec.customer.handle}` : (rec.customer.name ?? ''),
      state: clock!.state,
      dueAt: clock!.dueAt,
      remainingMinutes: clock!.remainingMinutes,
      assignee: rec.assignee,
    }));
}

/**
 * Figures for conversations whose first customer message falls in [from, to), via the core metrics engine over the
 * full records. The reference the summary's fast path (facts.ts) is tested against; the summary itself reads facts.
 */
export async function periodFigures(db: ReplyclockDb, from: number, to: number, config: TeamConfig, now: number = to): Promise<PeriodFigures> {
  const recs = await db.conversations.where('firstCustomerAt').between(from, to, true, false).toArray();
  const versions = new VersionCache(db);
  const conversations: MetricsConversation[] = [];
  for (const r of recs) {
    const v = await versions.get(r.versionKey);
    conversations.push({ ...toFacts(r), id: r.id, policy: v?.policy ?? null, schedule: v?.schedule ?? null, agent: r.assignee });
  }
  const m = computeMetrics({ conversations, from, to, now, ...(config.ratings ? { ratings: config.ratings } : {}) });
  const o = m.overall;
  return {
    volume: o.volume,
    answered: o.answered,
    withinTarget: o.withinTarget,
    targetMinutes: o.targetMinutes,
    frtMedianMinutes: o.frtMedianMinutes,
    frtP90Minutes: o.frtP90Minutes,
    ratings: m.ratingByChannel,
  };
}

export function localMidnight(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function openingStatus(config: TeamConfig, now: number): PopupSummary['opening'] {
  const policy = config.policies[0];
  const schedule = policy ? scheduleFor(config, policy) : null;
  if (!schedule) return null;
  return { scheduleName: schedule.name ?? schedule.id, open: isOpenAt(schedule, now), changesAt: nextChangeMs(schedule, now)?.at ?? null };
}

export async function storageWarningText(db: ReplyclockDb, t: Translate): Promise<string | null> {
  const w = await kvGet<StorageWarning>(db, KV.storageWarning);
  return w ? t('bgStorageWarning', [String(w.prunedConversations)]) : null;
}

export async function buildSummary(db: ReplyclockDb, ctx: { now: number; config: TeamConfig; t: Translate }): Promise<PopupSummary> {
  const { now, config } = ctx;
  const live = await liveConversations(db, now);
  const { counts, byPlatform } = countStates(live);
  const end = now + 1;
  // One read of the 30-day window's facts serves all three periods (today and 7 days lie inside it).
  const facts = await factsAt(db, now - 30 * DAY, end, now, new Map(live.map((i) => [i.rec.id, i.rec])), localMidnight(now));
  const today = periodFromFacts(facts, localMidnight(now), end, config);
  const days7 = periodFromFacts(facts, now - 7 * DAY, end, config);
  const days30 = periodFromFacts(facts, now - 30 * DAY, end, config);
  const health = Object.values((await kvGet<Record<string, HealthReport>>(db, KV.health)) ?? {}).sort((a, b) => a.site.localeCompare(b.site));
  return {
    now,
    counts,
    byPlatform,
    waiting: waitingList(live),
    periods: { today, days7, days30 },
    opening: openingStatus(config, now),
    health,
    storageWarning: await storageWarningText(db, ctx.t),
  };
}
