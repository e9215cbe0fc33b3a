// Breach notifications: lead time from the team config, quiet outside opening hours (and then delivered when the
// team opens), once per conversation and clock, and a click opens the conversation's own page.
// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/background/ingest.ts';
import { dueNotifications, openNotification } from '../../../src/background/notifications.ts';
import { liveConversations } from '../../../src/background/summary.ts';
import type { ReplyclockDb } from '../../../src/shared/db.ts';
import type { TeamConfig } from '../../../src/core/types.ts';
import { MIN, T0, calConfig, conv, ctx, freshDb, msg } from './helpers.ts';

const t = (key: string, subs?: string | string[]) => [key, ...(Array.isArray(subs) ? subs : subs ? [subs] : [])].join(':');
const due = async (db: ReplyclockDb, now: number, config: TeamConfig) =>
  (await dueNotifications(db, await liveConversations(db, now), { now, config, t })).map((n) => n.kind);

describe('notification lead time', () => {
  it('follows notifications.leadMinutes from the team config', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0));
    const lead30 = calConfig(undefined, { notifications: { leadMinutes: 30 } });
    // Due at T0+60. Default lead 10: nothing at T0+31. Lead 30: "soon" at T0+31 (29 minutes left), once.
    expect(await due(db, T0 + 31 * MIN, calConfig())).toEqual([]);
    expect(await due(db, T0 + 25 * MIN, lead30)).toEqual([]);
    const [n] = await dueNotifications(db, await liveConversations(db, T0 + 31 * MIN), { now: T0 + 31 * MIN, config: lead30, t });
    expect(n).toMatchObject({ kind: 'soon', title: 'bgNotifySoonTitle:29' });
    expect(await due(db, T0 + 32 * MIN, lead30)).toEqual([]);
  });

  it('with a lead of 0 only the breach itself notifies', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0));
    const atBreach = calConfig(undefined, { notifications: { leadMinutes: 0 } });
    expect(await due(db, T0 + 59 * MIN, atBreach)).toEqual([]);
    expect(await due(db, T0 + 60 * MIN, atBreach)).toEqual(['breached']);
  });
});

describe('quiet outside opening hours', () => {
  // Wed–Thu 09:00–17:00 UTC; a message at Wed 15:00 with a 60-minute target breaches at 16:00.
  const schedule = { id: 'office', timeZone: 'UTC', week: { wed: [['09:00', '17:00']], thu: [['09:00', '17:00']] } } as TeamConfig['schedules'][number];
  const cfg = (quietWhenClosed?: boolean): TeamConfig => ({
    version: 1,
    schedules: [schedule],
    policies: [{ id: 'biz', schedule: 'office', match: {}, firstResponseMinutes: 60 }],
    brands: {},
    sites: [],
    ...(quietWhenClosed === undefined ? {} : { notifications: { quietWhenClosed } }),
  });
  const ASKED = Date.UTC(2025, 0, 15, 15, 0);
  const EVENING = Date.UTC(2025, 0, 15, 18, 0);
  const MORNING = Date.UTC(2025, 0, 16, 9, 1);

  it('holds a breach raised after closing until the team opens, then notifies once', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', ASKED, ASKED)])], ctx(ASKED, cfg()));
    expect(await due(db, EVENING, cfg())).toEqual([]);
    expect(await due(db, MORNING, cfg())).toEqual(['breached']);
    expect(await due(db, MORNING + MIN, cfg())).toEqual([]);
  });

  it('notifies in the evening when the team turned quietWhenClosed off', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', ASKED, ASKED)])], ctx(ASKED, cfg(false)));
    expect(await due(db, EVENING, cfg(false))).toEqual(['breached']);
  });
});

describe('once per conversation and state', () => {
  it('a new customer message after a reply starts a new clock, which may notify again', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0));
    expect(await due(db, T0 + 61 * MIN, calConfig())).toEqual(['breached']);
    expect(await due(db, T0 + 62 * MIN, calConfig())).toEqual([]);
    const later = [msg('x:1', 'customer', T0, T0), msg('x:2', 'brand', T0 + 70 * MIN, T0 + 70 * MIN), msg('x:3', 'customer', T0 + 80 * MIN, T0 + 80 * MIN)];
    await ingest(db, [conv('x:1', later)], ctx(T0 + 81 * MIN));
    expect(await due(db, T0 + 131 * MIN, calConfig())).toEqual(['soon']);
    expect(await due(db, T0 + 141 * MIN, calConfig())).toEqual(['breached']);
    expect(await due(db, T0 + 142 * MIN, calConfig())).toEqual([]);
  });
});

describe('clicking a notification', () => {
  it("opens the conversation's page and clears the notification", async () => {
    const db = freshDb();
    await ingest(db, [conv('x:42', [msg('x:42', 'customer', T0, T0)])], ctx(T0));
    const [n] = await dueNotifications(db, await liveConversations(db, T0 + 61 * MIN), { now: T0 + 61 * MIN, config: calConfig(), t });
    const opened: string[] = [];
    const cleared: string[] = [];
    const api = { openTab: async (url: string) => void opened.push(url), clear: async (id: string) => void cleared.push(id) };
    expect(await openNotification(db, n!.key, api)).toBe('https://x.com/someone/status/42');
    expect(opened).toEqual(['https://x.com/someone/status/42']);
    expect(cleared).toEqual([n!.key]);
  });

  it('opens nothing for a notification that is not ours or whose conversation was deleted', async () => {
    const db = freshDb();
    const opened: string[] = [];
    const api = { openTab: async (url: string) => void opened.push(url), clear: async () => undefined };
    expect(await openNotification(db, 'someone-else', api)).toBeNull();
    expect(await openNotification(db, 'rc|x:gone|breached|1', api)).toBeNull();
    expect(opened).toEqual([]);
  });
});
