// The popup's summary, built from stored data. Clock states are read live at `now` from stored
// timestamps and the frozen policy versions, so the popup is never up to a tick behind.
import { Dexie } from 'dexie';
import { isOpenAt, nextChangeMs } from '../core/hours/index.ts';
import { DEFAULT_RATINGS } from '../core/config/defaults.ts';
import { scheduleFor } from '../core/policy.ts';
import { computeMetrics, type MetricsConversation } from '../core/metrics/index.ts';
import type { ClockReading, TeamConfig } from '../core/types.ts';
import { KV, kvGet, STRING_MAX, withStatus, type ReplyclockDb } from '../shared/db.ts';
import type { HealthReport } from '../shared/protocol.ts';
import type { ConversationRecord } from '../shared/records.ts';
import type { PeriodFigures, PopupSummary, StateCounts, WaitingItem } from '../shared/summary.ts';
import { liveClock, toFacts } from './derive.ts';
import { healthBySite } from './health.ts';
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
  const recs = await withStatus(db, ['open', 'snoozed']).toArray();
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
  // Then by id: a total order, so the list reads the same whichever index (or scan) the records came from.
  return da - db || a.rec.firstCustomerAt - b.rec.firstCustomerAt || (a.rec.id < b.rec.id ? -1 : a.rec.id > b.rec.id ? 1 : 0);
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

/** What the summary shows of open and snoozed conversations. */
export interface LiveState {
  counts: StateCounts;
  byPlatform: Record<string, StateCounts>;
  waiting: WaitingItem[];
  /** How it was computed: from the indexes, or by reading every live conversation. */
  via: 'index' | 'scan';
}

/** The reference: every open and snoozed conversation read and its clock walked at `now`. */
export async function liveStateByScan(db: ReplyclockDb, now: number, limit = WAITING_LIMIT): Promise<LiveState> {
  const live = await liveConversations(db, now);
  return { ...countStates(live), waiting: waitingList(live, limit), via: 'scan' };
}

type CountKey = [status: string, clockState: string, platform: string];
const LIVE = ['open', 'snoozed'] as const;
const WAITING_STATES = new Set(['ok', 'warning', 'breached', 'paused']);

function addTo(counts: StateCounts, status: string, state: string | undefined, n: number): void {
  if (status === 'snoozed' || state === 'paused') counts.paused += n;
  else counts.open += n;
  if (status === 'open' && state === 'warning') counts.atRisk += n;
  if (status === 'open' && state === 'breached') counts.breached += n;
}

/**
 * The same answer as liveStateByScan without reading every open conversation. A record's stored clockState and dueAt
 * are its live ones until its checkAt (records.ts), so: counts per (status, state, platform) come from the
 * [status+clockState+platform] index; only records whose checkAt has passed are read and their clocks walked; the
 * waiting list is the first entries of [status+dueAt] (ties included) merged with those. Falls back to the scan when
 * the stored fields cannot be trusted at `now`: a record derived after `now` (a summary for an earlier instant), or
 * live records without checkAt (from before schema v3 until the next tick derives it, or written around the
 * background).
 */
export async function liveState(db: ReplyclockDb, now: number, limit = WAITING_LIMIT): Promise<LiveState> {
  const t = db.conversations;
  const fast = await db.transaction('r', [t, db.versions], async () => {
    // IndexedDB counts by walking the range, so each count costs in proportion to the live records: two passes here
    // (per state and platform; records with a checkAt), where the scan read and walked every record.
    const [latest, combos] = await Promise.all([
      t.orderBy('updatedAt').last(),
      Promise.all(LIVE.map((st) => t.where('[status+clockState+platform]').between([st, '', ''], [st, STRING_MAX, STRING_MAX]).uniqueKeys())),
    ]);
    if (latest && latest.updatedAt > now) return null;
    const keys = combos.flat() as unknown as CountKey[];
    const [sizes, checked, stale] = await Promise.all([
      Promise.all(keys.map((k) => t.where('[status+clockState+platform]').equals(k).count())),
      Promise.all(LIVE.map((st) => t.where('[status+checkAt]').between([st, Dexie.minKey], [st, Dexie.maxKey]).count())),
      Promise.all(LIVE.map((st) => t.where('[status+checkAt]').between([st, Dexie.minKey], [st, now], true, true).toArray())),
    ]);
    // Every live record is in the state index; one missing from the checkAt index cannot be trusted (records from
    // before schema v3 until the next tick, or written around the background): read them all.
    if (sizes.reduce((a, b) => a + b, 0) !== checked[0]! + checked[1]!) return null;
    const counts = emptyCounts();
    const byPlatform: Record<string, StateCounts> = {};
    let waitingStored = 0;
    keys.forEach(([status, state, platform], i) => {
      const n = sizes[i]!;
      addTo(counts, status, state, n);
      addTo((byPlatform[platform] ??= emptyCounts()), status, state, n);
      if (status === 'open' && WAITING_STATES.has(state)) waitingStored += n;
    });
    const staleRecs = stale.flat();
    const staleIds = new Set(staleRecs.map((r) => r.id));
    // The head of [status+dueAt] as index entries only (no record read): the stale records in it were read above, so
    // only the others are fetched — when every open clock is stale, none is.
    const want = limit + staleRecs.length;
    const headIds: string[] = [];
    let lastDue: number | null = null;
    await t
      .where('[status+dueAt]')
      .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
      .limit(want)
      .eachKey((key, cursor) => {
        headIds.push(cursor.primaryKey as string);
        lastDue = (key as unknown as [string, number])[1];
      });
    if (headIds.length === want) {
      // Entries with the same dueAt as the last one read may sort before it (ties go by first message): take them all.
      const seen = new Set(headIds);
      for (const id of (await t.where('[status+dueAt]').equals(['open', lastDue!]).primaryKeys()) as string[]) if (!seen.has(id)) headIds.push(id);
    } else if (headIds.length < waitingStored) {
      // Some waiting conversations have no due time (their schedule never opens again): only a scan orders them.
      return null;
    }
    const fresh = (await t.bulkGet(headIds.filter((id) => !staleIds.has(id)))).filter((r): r is ConversationRecord => r !== undefined);
    const versions = new VersionCache(db);
    await versions.preload([...staleRecs, ...fresh].map((r) => r.versionKey));
    // Each clock walked once: a stale record's live reading serves both its count and its place in the waiting list.
    const items: LiveItem[] = [];
    for (const rec of staleRecs) {
      const live = liveClock(rec, versions.peek(rec.versionKey), now);
      for (const c of [counts, (byPlatform[rec.platform] ??= emptyCounts())]) {
        addTo(c, rec.status, rec.clockState, -1);
        addTo(c, rec.status, live?.state, 1);
      }
      items.push({ rec, clock: live });
    }
    for (const rec of fresh) items.push({ rec, clock: liveClock(rec, versions.peek(rec.versionKey), now) });
    for (const [k, c] of Object.entries(byPlatform)) if (c.open + c.paused === 0) delete byPlatform[k];
    const state: LiveState = { counts, byPlatform, waiting: waitingList(items, limit), via: 'index' };
    return state;
  });
  return fast ?? liveStateByScan(db, now, limit);
}

export async function buildSummary(
  db: ReplyclockDb,
  ctx: { now: number; config: TeamConfig; t: Translate; /** Tabs open now (detection health shows only theirs); unknown: all kept. */ openTabs?: ReadonlySet<number> | null },
): Promise<PopupSummary> {
  const { now, config } = ctx;
  const end = now + 1;
  // The live counts and the 30-day window's facts (one read serves all three periods) are read side by side, with the
  // two small key-value reads: IndexedDB answers one while this thread works on the other.
  const [{ counts, byPlatform, waiting }, facts, healthMap, storageWarning] = await Promise.all([
    liveState(db, now),
    factsAt(db, now - 30 * DAY, end, now, localMidnight(now)),
    kvGet<Record<string, HealthReport>>(db, KV.health),
    storageWarningText(db, ctx.t),
  ]);
  const today = periodFromFacts(facts, localMidnight(now), end, config);
  const days7 = periodFromFacts(facts, now - 7 * DAY, end, config);
  const days30 = periodFromFacts(facts, now - 30 * DAY, end, config);
  const health = healthBySite(healthMap, ctx.openTabs);
  return {
    now,
    counts,
    byPlatform,
    waiting,
    periods: { today, days7, days30 },
    opening: openingStatus(config, now),
    health,
    storageWarning,
    ratingThresholds: { ...DEFAULT_RATINGS, ...config.ratings },
  };
}
