// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ensureAlarms, tick, RETENTION_ALARM, TICK_ALARM } from '../../../src/background/alarms.ts';
import { ingest } from '../../../src/background/ingest.ts';
import { conversationOfNotification, type PendingNotification } from '../../../src/background/notifications.ts';
import { badgeFor, BADGE_AMBER, BADGE_RED, type Badge } from '../../../src/background/toolbar.ts';
import { openDb } from '../../../src/shared/db.ts';
import type { TeamConfig } from '../../../src/core/types.ts';
import { MIN, T0, calConfig, conv, ctx, freshDb, msg } from './helpers.ts';

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

describe('toolbar badge', () => {
  it('shows breached in red first, else at-risk in amber, else nothing', () => {
    expect(badgeFor({ breached: 3, atRisk: 2 }, t)).toEqual({ text: '3', color: BADGE_RED, title: 'bgBadgeBreached:3' });
    expect(badgeFor({ breached: 0, atRisk: 1 }, t)).toEqual({ text: '1', color: BADGE_AMBER, title: 'bgBadgeAtRiskOne' });
    expect(badgeFor({ breached: 0, atRisk: 0 }, t)).toMatchObject({ text: '', color: null });
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
    expect(await db.events.where('type').equals('breached').count()).toBe(1);
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
});
