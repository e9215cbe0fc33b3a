// Timers that survive MV3: the worker may be stopped any time, so nothing repeats with setInterval.
// 'rc-tick' (every minute) re-derives open clocks, refreshes the toolbar and fires notifications;
// 'rc-retention' (daily) prunes old data. All state is read from and written to IndexedDB.
import type { TeamConfig } from '../core/types.ts';
import { KV, kvSet, STRING_MAX, type ReplyclockDb } from '../shared/db.ts';
import { dueNotifications, type PendingNotification } from './notifications.ts';
import { recomputeOpen } from './recompute.ts';
import { pruneByRetention } from './retention.ts';
import { liveConversations, type Translate } from './summary.ts';
import { badgeFor, type Badge } from './toolbar.ts';

export const TICK_ALARM = 'rc-tick';
export const RETENTION_ALARM = 'rc-retention';

export interface AlarmsApi {
  get(name: string): Promise<{ name: string } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
}

/** Creates the alarms if missing (alarms persist across worker restarts, re-creating would reset them). */
export async function ensureAlarms(alarms: AlarmsApi): Promise<void> {
  if (!(await alarms.get(TICK_ALARM))) await alarms.create(TICK_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
  if (!(await alarms.get(RETENTION_ALARM))) await alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 5 });
}

export interface TickDeps {
  db: ReplyclockDb;
  now: number;
  config: TeamConfig;
  t: Translate;
  showBadge: (badge: Badge) => Promise<void>;
  notify: (n: PendingNotification) => Promise<void>;
  changed: (ids: string[]) => void;
}

export async function tick(deps: TickDeps): Promise<void> {
  const { changedIds } = await recomputeOpen(deps.db, deps.now);
  await refreshToolbar(deps);
  const live = await liveConversations(deps.db, deps.now);
  for (const n of await dueNotifications(deps.db, live, deps)) await deps.notify(n);
  await kvSet(deps.db, KV.lastTick, deps.now);
  if (changedIds.length) deps.changed(changedIds);
}

/**
 * The badge from the stored clock states, counted on the [status+clockState+platform] index (no record is read, so its
 * cost does not grow with the number of open conversations). Stored states are re-derived on every write and by
 * every tick just before this runs, so the badge is exact at each tick and never more than one tick behind.
 */
export async function refreshToolbar(deps: Pick<TickDeps, 'db' | 'now' | 't' | 'showBadge'>): Promise<void> {
  const counts = await openStateCounts(deps.db);
  await deps.showBadge(badgeFor(counts, deps.t));
}

export async function openStateCounts(db: ReplyclockDb): Promise<{ breached: number; atRisk: number }> {
  const count = (state: string): Promise<number> =>
    db.conversations.where('[status+clockState+platform]').between(['open', state, ''], ['open', state, STRING_MAX], true, true).count();
  const [breached, atRisk] = await Promise.all([count('breached'), count('warning')]);
  return { breached, atRisk };
}

export async function onAlarm(name: string, deps: TickDeps): Promise<void> {
  if (name === TICK_ALARM) await tick(deps);
  else if (name === RETENTION_ALARM) await pruneByRetention(deps.db, deps.config.retentionDays, deps.now);
}
