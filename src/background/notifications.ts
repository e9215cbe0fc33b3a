// Desktop notifications: once before breach (config.notifications.leadMinutes ahead, default 10) and
// once at breach, per conversation and per clock (a new customer message starts a new clock, which
// may notify again). The "already notified" set lives in kv so a restarted worker doesn't repeat
// itself. Quiet outside opening hours unless the team turns that off; none at all when disabled.
import { isOpenAt } from '../core/hours/index.ts';
import type { TeamConfig } from '../core/types.ts';
import { KV, kvGet, kvSet, type ReplyclockDb } from '../shared/db.ts';
import type { LiveItem, Translate } from './summary.ts';
import { VersionCache } from './versions.ts';

export const DEFAULT_LEAD_MINUTES = 10;
const MINUTE = 60_000;

export interface PendingNotification {
  /** Notification id: `rc|<conversation id>|<kind>|<clock start>`; also the notified-set key. */
  key: string;
  conversationId: string;
  kind: 'soon' | 'breached';
  url: string;
  title: string;
  message: string;
}

export function notificationSettings(config: TeamConfig): { enabled: boolean; leadMinutes: number; quietWhenClosed: boolean } {
  const n = config.notifications ?? {};
  return { enabled: n.enabled !== false, leadMinutes: n.leadMinutes ?? DEFAULT_LEAD_MINUTES, quietWhenClosed: n.quietWhenClosed !== false };
}

/** Which notifications are due now; marks them in the persisted notified set. */
export async function dueNotifications(db: ReplyclockDb, live: readonly LiveItem[], ctx: { now: number; config: TeamConfig; t: Translate }): Promise<PendingNotification[]> {
  const settings = notificationSettings(ctx.config);
  if (!settings.enabled) return [];
  const versions = new VersionCache(db);
  const notified = new Set((await kvGet<string[]>(db, KV.notified)) ?? []);
  const out: PendingNotification[] = [];
  const stillRelevant = new Set<string>();
  for (const { rec, clock } of live) {
    if (rec.status !== 'open' || !clock) continue;
    let kind: PendingNotification['kind'] | null = null;
    if (clock.state === 'breached') kind = 'breached';
    else if ((clock.state === 'ok' || clock.state === 'warning') && clock.dueAt !== null && clock.dueAt - ctx.now <= settings.leadMinutes * MINUTE) kind = 'soon';
    const prefix = `rc|${rec.id}|`;
    for (const k of notified) if (k.startsWith(prefix)) stillRelevant.add(k);
    if (!kind) continue;
    const key = `${prefix}${kind}|${clock.startedAt}`;
    if (notified.has(key)) continue;
    if (settings.quietWhenClosed) {
      const schedule = (await versions.get(rec.versionKey))?.schedule;
      // Quiet now, but not marked: if it is still due when the team opens, it notifies then.
      if (schedule && !isOpenAt(schedule, ctx.now)) continue;
    }
    const customer = rec.customer.handle ? `@${rec.customer.handle}` : (rec.customer.name ?? ctx.t('bgCustomerUnknown'));
    const minutes = Math.max(1, Math.ceil(clock.remainingMinutes));
    out.push({
      key,
      conversationId: rec.id,
      kind,
      url: rec.url,
      title: kind === 'breached' ? ctx.t('bgNotifyBreachedTitle') : ctx.t('bgNotifySoonTitle', [String(minutes)]),
      message: ctx.t('bgNotifyBody', [customer, rec.platform]),
    });
    notified.add(key);
    stillRelevant.add(key);
  }
  // Forget conversations that are no longer open, so the set stays small.
  await kvSet(db, KV.notified, [...notified].filter((k) => stillRelevant.has(k)));
  return out;
}

/** The conversation a clicked notification belongs to. */
export function conversationOfNotification(notificationId: string): string | null {
  const m = /^rc\|(.+)\|(soon|breached)\|\d+$/.exec(notificationId);
  return m ? m[1]! : null;
}

/** The slice of the tabs/notifications APIs a notification click needs (injected, so tests need no browser). */
export interface NotificationClickApi {
  openTab(url: string): Promise<unknown>;
  clear(notificationId: string): Promise<unknown>;
}

/**
 * A click on one of our notifications opens the conversation's own page (the URL stored with it) and clears the
 * notification. Returns the URL opened, or null when the notification is not ours or the conversation is gone.
 */
export async function openNotification(db: ReplyclockDb, notificationId: string, api: NotificationClickApi): Promise<string | null> {
  const id = conversationOfNotification(notificationId);
  if (!id) return null;
  const rec = await db.conversations.get(id);
  // Cleared either way: a notification for a pruned or deleted conversation has nothing left to show.
  await api.clear(notificationId).catch(() => undefined);
  if (!rec) return null;
  await api.openTab(rec.url);
  return rec.url;
}
