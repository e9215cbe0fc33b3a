// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ensureAlarms, onAlarm, tick, RETENTION_ALARM, TICK_ALARM } from '../../../src/background/alarms.ts';
import { recordSettingsChange } from '../../../src/background/recompute.ts';
import { ingest } from '../../../src/background/ingest.ts';
import { conversationOfNotification, type PendingNotification } from '../../../src/background/notifications.ts';
import { badgeFor, showBadge, BADGE_AMBER, BADGE_RED, type Badge } from '../../../src/background/toolbar.ts';
import { openDb } from '../../../src/shared/db.ts';
import type { TeamConfig } from '../../../src/core/types.ts';
import { MIN, T0, calConfig, conv, ctx, freshDb, msg, eventsOf } from './helpers.ts';

const t = (key: string, subs?: string | string[]) => [key, ...(Array.isArray(subs) ? subs : subs ? [subs] : [])].join(':');

function harness(db: ReturnType<typeof freshDb>, now: number, config: TeamConfig = calConfig()) {
  const badges: Badge[] = [];
  const notes: PendingNotification[] = [];
  const changed: string[][] = [];
  return {
    badges,
    notes,
    changed,
    run: () => tick({ db, now, config, t, showBadge: async (b) => void badges.push(b), notify: async (n) => void notes.push(n), changed: (ids) => void changed.push(ids) }),
  };
}

function harnessDeps(db: ReturnType<typeof freshDb>, now: number) {
  return { db, now, config: calConfig(), t, showBadge: async () => undefined, notify: async () => undefined, changed: () => undefined };
}

describe('toolbar badge', () => {
  it('shows breached in red first, else at-risk in amber, else nothing', () => {
    expect(badgeFor({ breached: 3, atRisk: 2 }, t)).toEqual({ text: '3', color: BADGE_RED, title: 'bgBadgeBreached:3' });
    expect(badgeFor({ breached: 0, atRisk: 1 }, t)).toEqual({ text: '1', color: BADGE_AMBER, title: 'bgBadgeAtRiskOne' });
    expect(badgeFor({ breached: 0, atRisk: 0 }, t)).toMatchObject({ text: '', color: null });
  });

  it('puts count, colour and title on the toolbar button, and clears the count when all is well', async () => {
    const calls: string[] = [];
    const action = {
      setBadgeText: async (d: { text: string }) => void calls.push(`text=${d.text}`),
      setBadgeBackgroundColor: async (d: { color: string }) => void calls.push(`color=${d.color}`),
      setTitle: async (d: { title: string }) => void calls.push(`title=${d.title}`),
    };
    await showBadge(action, badgeFor({ breached: 0, atRisk: 2 }, t));
    await showBadge(action, badgeFor({ breached: 0, atRisk: 0 }, t));
    expect(calls).toEqual(['text=2', `color=${BADGE_AMBER}`, 'title=bgBadgeAtRisk:2', 'text=', 'title=bgBadgeNone']);
  });

  it('counts at-risk conversations in amber through a tick', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)]), conv('x:2', [msg('x:2', 'customer', T0 + MIN, T0 + MIN)])], ctx(T0));
    const h = harness(db, T0 + 50 * MIN);
    await h.run();
    expect(h.badges.at(-1)).toEqual({ text: '2', color: BADGE_AMBER, title: 'bgBadgeAtRisk:2' });
  });
});

describe('tick', () => {
  it('moves stored clock states on from stored timestamps, also in a fresh worker (new db handle)', async () => {
    const name = `rc-restart-${Math.random()}`;
    const first = openDb(name);
    await ingest(first, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0 + MIN));
    first.close();
    // "Restart": nothing in memory survives; a new handle on the same database ticks 2 hours later.
    const db = openDb(name);
    const h = harness(db, T0 + 120 * MIN);
    await h.run();
    const rec = (await db.conversations.get('x:1'))!;
    expect(rec.clockState).toBe('breached');
    expect(rec.withinTarget).toBe(false);
    expect(h.changed).toEqual([['x:1']]);
    expect(h.badges.at(-1)).toMatchObject({ text: '1', color: BADGE_RED });
    expect((await eventsOf(db, 'breached')).length).toBe(1);
  });

  it('notifies before breach and at breach, once each, even across restarts', async () => {
    const name = `rc-notify-${Math.random()}`;
    const db = openDb(name);
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0));
    const early = harness(db, T0 + 30 * MIN);
    await early.run();
    expect(early.notes).toEqual([]);
    const soon = harness(db, T0 + 52 * MIN);
    await soon.run();
    await soon.run();
    expect(soon.notes.map((n) => [n.kind, n.title])).toEqual([['soon', 'bgNotifySoonTitle:8']]);
    db.close();
    const again = openDb(name);
    const late = harness(again, T0 + 61 * MIN);
    await late.run();
    await late.run();
    expect(late.notes.map((n) => n.kind)).toEqual(['breached']);
    expect(conversationOfNotification(late.notes[0]!.key)).toBe('x:1');
    expect(late.notes[0]!.url).toBe('https://x.com/someone/status/1');
  });

  it('stays quiet when notifications are disabled, and outside opening hours when quietWhenClosed', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0));
    const off = harness(db, T0 + 90 * MIN, calConfig(undefined, { notifications: { enabled: false } }));
    await off.run();
    expect(off.notes).toEqual([]);

    // Business-hours policy: Wednesday 09–17 UTC; 18:00 is closed.
    const db2 = freshDb();
    const schedule = { id: 'office', timeZone: 'UTC', week: { wed: [['09:00', '17:00']] as [string, string][] } };
    const cfg: TeamConfig = { version: 1, schedules: [schedule], policies: [{ id: 'biz', schedule: 'office', match: {}, firstResponseMinutes: 60 }], brands: {}, sites: [] };
    await ingest(db2, [conv('x:2', [msg('x:2', 'customer', T0, T0)])], ctx(T0, cfg));
    const closed = harness(db2, Date.UTC(2025, 0, 15, 18, 0), cfg);
    await closed.run();
    expect(closed.notes).toEqual([]);
  });

  it('creates the two alarms only when missing', async () => {
    const created: string[] = [];
    const existing = new Set<string>([RETENTION_ALARM]);
    await ensureAlarms({ get: async (n) => (existing.has(n) ? { name: n } : undefined), create: (n) => void created.push(n) });
    expect(created).toEqual([TICK_ALARM]);
  });

  it('ticks once a minute and prunes once a day (chrome.alarms, not setInterval)', async () => {
    const created: [string, { periodInMinutes: number }][] = [];
    await ensureAlarms({ get: async () => undefined, create: (n, info) => void created.push([n, info]) });
    expect(Object.fromEntries(created.map(([n, info]) => [n, info.periodInMinutes]))).toEqual({ [TICK_ALARM]: 1, [RETENTION_ALARM]: 1440 });
  });
});

describe('retention alarm', () => {
  it('prunes with the default of 180 days when the team config sets no retentionDays', async () => {
    const db = freshDb();
    const DAY = 86_400_000;
    const answered = (id: string, at: number) => conv(id, [msg(id, 'customer', at, at), msg(`${id}-r`, 'brand', at + MIN, at + MIN)]);
    await ingest(db, [answered('x:181', T0 - 181 * DAY)], ctx(T0 - 181 * DAY + MIN));
    await ingest(db, [answered('x:179', T0 - 179 * DAY)], ctx(T0 - 179 * DAY + MIN));
    const config = calConfig();
    expect(config.retentionDays).toBeUndefined();
    await onAlarm(RETENTION_ALARM, { ...harnessDeps(db, T0), config });
    expect(await db.conversations.toCollection().primaryKeys()).toEqual(['x:179']);
    // A team that keeps 365 days keeps both.
    const db2 = freshDb();
    await ingest(db2, [answered('x:181', T0 - 181 * DAY)], ctx(T0 - 181 * DAY + MIN));
    await onAlarm(RETENTION_ALARM, { ...harnessDeps(db2, T0), config: calConfig(undefined, { retentionDays: 365 }) });
    expect(await db2.conversations.count()).toBe(1);
  });
});

describe('settings changes', () => {
  it('are logged with the agent who made them', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0));
    const res = await recordSettingsChange(db, T0 + 61 * MIN, 'Kim');
    expect(res.breachedIds).toEqual(['x:1']);
    const ev = await eventsOf(db, 'settings-changed');
    expect(ev).toEqual([expect.objectContaining({ at: T0 + 61 * MIN, agent: 'Kim', conversationId: null })]);
  });
});
