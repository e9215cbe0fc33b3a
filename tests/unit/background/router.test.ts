// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { handleMessage, type RouterDeps, type Sender } from '../../../src/background/router.ts';
import { isPageHost } from '../../../src/background/hosts.ts';
import type { ReplyclockDb } from '../../../src/shared/db.ts';
import { MIN, T0, calConfig, conv, freshDb, msg, eventsOf } from './helpers.ts';
import { LIMITS } from '../../../src/shared/limits.ts';
import type { OpeningHours, Policy } from '../../../src/core/types.ts';
import type { ConversationSnapshot, Responses } from '../../../src/shared/protocol.ts';
import { timelineFor } from '../../../src/core/hours/engine.ts';
import { windowTimeline, type HoursWindow } from '../../../src/core/hours/window.ts';

const DAY = 86_400_000;

const RUNTIME = 'abcdefghijklmnop';
const BASE = `chrome-extension://${RUNTIME}/`;
const page: Sender = { id: RUNTIME, url: `${BASE}src/popup/index.html` };
const content: Sender = { id: RUNTIME, url: 'https://x.com/home', tab: { id: 7 } };

function deps(db: ReplyclockDb, now = T0 + 10 * MIN) {
  const config = calConfig();
  return {
    db,
    runtimeId: RUNTIME,
    extensionBaseUrl: BASE,
    now: () => now,
    config: async () => config,
    agent: async () => 'Sam',
    isPageHost: (url, cfg) => isPageHost(url, cfg, false),
    t: (key, subs) => [key, ...(Array.isArray(subs) ? subs : subs ? [subs] : [])].join(':'),
    changed: vi.fn<RouterDeps['changed']>(),
  } satisfies RouterDeps;
}

const observed = (id = 'x:1') => ({ rc: 1, type: 'content:observed', payload: { conversations: [conv(id, [msg(id, 'customer', T0, T0)])] } });

describe('router sender checks', () => {
  it('stores what a content script on a supported site observed and broadcasts the change to its tab', async () => {
    const db = freshDb();
    const d = deps(db);
    const reply = (await handleMessage(observed(), content, d)) as { ok: true; value: Responses['content:observed'] };
    expect(reply.ok).toBe(true);
    expect(reply.value.stored).toBe(1);
    // The answer carries the stored conversation's snapshot, so the tab needs no lookup after its report...
    expect(reply.value.conversations.map((c) => [c.id, c.requestedId, c.policyId, c.clock?.state])).toEqual([['x:1', undefined, 'cal', 'ok']]);
    // ...and the broadcast tells its tab nothing it was already answered.
    expect(d.changed).toHaveBeenCalledWith(['x:1'], { tabId: 7, answered: new Set(['x:1']) });
  });

  it.each([
    ['another extension', { ...content, id: 'someone-else' }],
    ['a web page (no extension id)', { url: 'https://x.com/home', tab: { id: 7 } }],
    ['a content script on a site we do not run on', { ...content, url: 'https://evil.example/x.com/' }],
    ['an extension page (content:* is for content scripts)', page],
  ])('refuses content:observed from %s and stores nothing', async (_label, sender) => {
    const db = freshDb();
    const reply = await handleMessage(observed(), sender as Sender, deps(db));
    expect(reply.ok).toBe(false);
    expect(await db.conversations.count()).toBe(0);
  });

  it('refuses ui:summary from a content script, answers it for an extension page', async () => {
    const db = freshDb();
    const msgSummary = { rc: 1, type: 'ui:summary', payload: {} };
    expect((await handleMessage(msgSummary, content, deps(db))).ok).toBe(false);
    expect((await handleMessage(msgSummary, page, deps(db))).ok).toBe(true);
  });

  it('refuses ui:delete-all from a content script', async () => {
    const db = freshDb();
    await handleMessage(observed(), content, deps(db));
    const reply = await handleMessage({ rc: 1, type: 'ui:delete-all', payload: { confirm: true } }, content, deps(db));
    expect(reply.ok).toBe(false);
    expect(await db.conversations.count()).toBe(1);
  });

  it('accepts ui:action from the in-page badge menu (content script) and from extension pages', async () => {
    const db = freshDb();
    await handleMessage(observed(), content, deps(db));
    const assign = { rc: 1, type: 'ui:action', payload: { conversationId: 'x:1', act: { action: 'assign' } } };
    expect((await handleMessage(assign, content, deps(db))).ok).toBe(true);
    expect((await handleMessage(assign, page, deps(db))).ok).toBe(true);
    expect((await handleMessage(assign, { ...content, url: 'https://evil.example/' }, deps(db))).ok).toBe(false);
  });

  it.each([
    ['not an object', 'hello'],
    ['wrong protocol marker', { rc: 2, type: 'content:observed', payload: { conversations: [] } }],
    ['unknown type', { rc: 1, type: 'content:drop-tables', payload: {} }],
    ['message without id', { rc: 1, type: 'content:observed', payload: { conversations: [{ ...conv('x:1', [msg('x:1', 'customer', T0, T0)]), id: '' }] } }],
    ['bad url', { rc: 1, type: 'content:observed', payload: { conversations: [{ ...conv('x:1', [msg('x:1', 'customer', T0, T0)]), url: 'javascript:alert(1)x' }] } }],
    ['negative timestamp', { rc: 1, type: 'content:observed', payload: { conversations: [conv('x:1', [msg('x:1', 'customer', -5, T0)])] } }],
    ['no messages', { rc: 1, type: 'content:observed', payload: { conversations: [conv('x:1', [])] } }],
  ])('rejects a malformed payload (%s) and stores nothing', async (_label, raw) => {
    const db = freshDb();
    const reply = await handleMessage(raw, content, deps(db));
    expect(reply.ok).toBe(false);
    // Marked as refused: the content script drops such a batch instead of retrying it (wire.ts RefusedError).
    expect(reply).toMatchObject({ refused: true });
    expect(await db.conversations.count()).toBe(0);
    expect((await eventsOf(db)).length).toBe(0);
  });

  it('stores the valid conversations of a batch and names the invalid one by path, storing nothing of it', async () => {
    const db = freshDb();
    const good = conv('x:1', [msg('x:1', 'customer', T0, T0)]);
    const bad = { ...conv('x:2', [msg('x:2', 'customer', T0, T0)]), url: 'javascript:alert(1)' };
    const reply = await handleMessage({ rc: 1, type: 'content:observed', payload: { conversations: [bad, good] } }, content, deps(db));
    expect(reply.ok).toBe(true);
    const value = (reply as { value: { stored: number; rejected: { id?: string; error: string }[] } }).value;
    expect(value.stored).toBe(1);
    expect(value.rejected).toHaveLength(1);
    expect(value.rejected[0]!.id).toBe('x:2');
    expect(value.rejected[0]!.error).toMatch(/^conversations\.0\.url: /);
    expect((await db.conversations.toCollection().primaryKeys()).sort()).toEqual(['x:1']);
  });

  it('answers a refused observation of a conversation stored before with what is stored', async () => {
    const db = freshDb();
    const d = deps(db);
    const report = (conversations: unknown[]) => handleMessage({ rc: 1, type: 'content:observed', payload: { conversations } }, content, d);
    await report([conv('x:2', [msg('x:2', 'customer', T0, T0)])]);
    const bad = { ...conv('x:2', [msg('x:2', 'customer', T0, T0)]), url: 'javascript:alert(1)' };
    const reply = (await report([bad, conv('x:3', [msg('x:3', 'customer', T0, T0)])])) as { value: Responses['content:observed'] };
    expect(reply.value.rejected?.map((r) => r.id)).toEqual(['x:2']);
    expect(reply.value.conversations.map((c) => c.id).sort()).toEqual(['x:2', 'x:3']);
  });

  it('clips over-long page text of an observation instead of refusing it, and refuses what clipping cannot mend', async () => {
    const db = freshDb();
    const long = conv('x:1', [{ ...msg('x:1', 'customer', T0, T0), text: 'x'.repeat(1_000_000), author: 'y'.repeat(5000) }]);
    long.customer = { handle: 'a', name: '😀'.repeat(1500) };
    const tooLongId = conv('x:'.padEnd(LIMITS.id + 1, '9'), [msg('x:2', 'customer', T0, T0)]);
    const reply = (await handleMessage({ rc: 1, type: 'content:observed', payload: { conversations: [long, tooLongId] } }, content, deps(db))) as {
      value: Responses['content:observed'];
    };
    expect(reply.value.stored).toBe(1);
    expect(reply.value.rejected?.map((r) => r.error.split(':')[0])).toEqual(['conversations.1.id']);
    const rec = (await db.conversations.get('x:1'))!;
    expect(rec.customer.name!.length).toBeLessThanOrEqual(LIMITS.name);
    expect(rec.customer.name!.endsWith('…')).toBe(true);
    expect(rec.customer.name).not.toMatch(/[\ud800-\udbff]…$/); // no half emoji before the ellipsis
    expect(rec.messages[0]!.author!.length).toBe(LIMITS.author);
    expect(rec.customer.handle).toBe('a');
  });

  it('refuses a batch whose every conversation is invalid, naming each by path', async () => {
    const db = freshDb();
    const a = { ...conv('x:1', [msg('x:1', 'customer', T0, T0)]), url: 'javascript:1' };
    const b = conv('x:2', []);
    const reply = await handleMessage({ rc: 1, type: 'content:observed', payload: { conversations: [a, b] } }, content, deps(db));
    expect(reply.ok).toBe(false);
    const error = (reply as { error: string }).error;
    expect(error).toMatch(/^content:observed: conversations\.0\.url: /);
    expect(error).toContain('conversations.1.messages: ');
    expect(await db.conversations.count()).toBe(0);
  });
});

describe('router handlers', () => {
  it('logs each agent action with the agent name and applies it', async () => {
    const db = freshDb();
    const d = deps(db);
    await handleMessage(observed(), content, d);
    const act = async (a: object) => handleMessage({ rc: 1, type: 'ui:action', payload: { conversationId: 'x:1', act: a } }, page, d);
    await act({ action: 'assign' });
    expect((await db.conversations.get('x:1'))!.assignee).toBe('Sam');
    await act({ action: 'snooze', until: T0 + 120 * MIN });
    const snoozed = (await db.conversations.get('x:1'))!;
    expect(snoozed.status).toBe('snoozed');
    expect(snoozed.pauses).toEqual([{ from: T0 + 10 * MIN, to: T0 + 120 * MIN, reason: 'snooze', by: 'Sam' }]);
    await act({ action: 'reopen' });
    expect((await db.conversations.get('x:1'))!.status).toBe('open');
    await act({ action: 'exclude', reason: 'spam' });
    const excluded = (await db.conversations.get('x:1'))!;
    expect(excluded.status).toBe('excluded');
    expect(excluded.excludedReason).toBe('spam');
    await act({ action: 'unassign' });
    const events = (await eventsOf(db)).filter((e) => e.type !== 'status-changed' && e.type !== 'detected');
    expect(events.map((e) => [e.type, e.agent])).toEqual([
      ['assigned', 'Sam'],
      ['snoozed', 'Sam'],
      ['reopened', 'Sam'],
      ['excluded', 'Sam'],
      ['unassigned', 'Sam'],
    ]);
  });

  it('answers an action on an unknown conversation with null and stores nothing', async () => {
    const db = freshDb();
    const reply = await handleMessage({ rc: 1, type: 'ui:action', payload: { conversationId: 'x:nope', act: { action: 'assign' } } }, page, deps(db));
    expect(reply).toEqual({ ok: true, value: { conversation: null } });
    expect((await eventsOf(db)).length).toBe(0);
  });

  it('looks up snapshots with the frozen policy so badges tick with the recorded version', async () => {
    const db = freshDb();
    await handleMessage(observed(), content, deps(db));
    const reply = await handleMessage({ rc: 1, type: 'content:lookup', payload: { ids: ['x:1', 'x:missing'] } }, content, deps(db, T0 + 50 * MIN));
    if (!reply.ok) throw new Error(reply.error);
    const [snap] = (reply.value as { conversations: { id: string; policy: { id: string } | null; clock: { state: string } | null }[] }).conversations;
    expect(snap).toMatchObject({ id: 'x:1', policy: { id: 'cal', firstResponseMinutes: 60 }, schedule: null, clock: { state: 'warning' } });
  });

  it('summarises counts, the waiting list by time to breach, and today figures', async () => {
    const db = freshDb();
    const now = T0 + 70 * MIN;
    const d = deps(db, now);
    const batch = {
      rc: 1,
      type: 'content:observed',
      payload: {
        conversations: [
          conv('x:late', [msg('x:late', 'customer', T0, T0)]),
          conv('x:risk', [msg('x:risk', 'customer', T0 + 20 * MIN, T0 + 20 * MIN)]),
          conv('x:fresh', [msg('x:fresh', 'customer', T0 + 65 * MIN, T0 + 65 * MIN)], { platform: 'facebook', url: 'https://www.facebook.com/p/1' }),
          conv('x:done', [msg('x:done', 'customer', T0, T0), msg('x:r', 'brand', T0 + 30 * MIN, T0 + 30 * MIN)]),
        ],
      },
    };
    await handleMessage(batch, content, d);
    const reply = await handleMessage({ rc: 1, type: 'ui:summary', payload: {} }, page, d);
    if (!reply.ok) throw new Error(reply.error);
    const s = reply.value as import('../../../src/shared/summary.ts').PopupSummary;
    expect(s.counts).toEqual({ open: 3, atRisk: 1, breached: 1, paused: 0 });
    expect(s.byPlatform.facebook).toEqual({ open: 1, atRisk: 0, breached: 0, paused: 0 });
    expect(s.waiting.map((w) => w.id)).toEqual(['x:late', 'x:risk', 'x:fresh']);
    expect(s.periods.days7.volume).toBe(4);
    expect(s.periods.days7.answered).toBe(1);
    expect(s.periods.days7.frtMedianMinutes).toBe(30);
    // x:done answered in time, x:late breached unanswered: half within target.
    expect(s.periods.days7.withinTarget).toBe(0.5);
    expect(s.periods.days7.targetMinutes).toBe(60);
    expect(s.storageWarning).toBeNull();
  });

  it("keeps each tab's latest health report, and shows the popup each site's worst open tab", async () => {
    const db = freshDb();
    const d = deps(db);
    const report = (status: string, at: number, tab: number) =>
      handleMessage({ rc: 1, type: 'content:health', payload: { report: { site: 'x', url: `https://x.com/t${tab}`, status, at } } }, { ...content, tab: { id: tab } }, d);
    const shown = async () => {
      const reply = await handleMessage({ rc: 1, type: 'ui:summary', payload: {} }, page, d);
      if (!reply.ok) throw new Error(reply.error);
      return (reply.value as { health: { status: string; url: string }[] }).health.map((h) => `${h.status} ${h.url}`);
    };
    await report('ok', T0, 7);
    await report('mismatch', T0 + MIN, 7);
    expect(await shown()).toEqual(['mismatch https://x.com/t7']);
    // Another tab reading its timeline, later: the first tab still does not match, and the popup still says so.
    await report('ok', T0 + 2 * MIN, 8);
    expect(await shown()).toEqual(['mismatch https://x.com/t7']);
    // The first tab's next visit matches again.
    await report('ok', T0 + 3 * MIN, 7);
    expect(await shown()).toEqual(['ok https://x.com/t7']);
  });

  it('deletes everything on ui:delete-all', async () => {
    const db = freshDb();
    await handleMessage(observed(), content, deps(db));
    const reply = await handleMessage({ rc: 1, type: 'ui:delete-all', payload: { confirm: true } }, page, deps(db));
    expect(reply).toEqual({ ok: true, value: { deleted: 1 } });
    expect(await db.conversations.count()).toBe(0);
    expect((await eventsOf(db)).length).toBe(0);
    expect(await db.daily.count()).toBe(0);
  });
});

describe('opening-hours windows for content scripts', () => {
  const office: OpeningHours = { id: 'office', timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] } };
  const policy: Policy = { id: 'biz', name: 'Business', schedule: 'office', match: {}, firstResponseMinutes: 60 };

  it('content:config sends each schedule as a window the engine agrees with', async () => {
    const db = freshDb();
    const d = { ...deps(db), config: async () => calConfig(policy, { schedules: [office] }) };
    const reply = await handleMessage({ rc: 1, type: 'content:config', payload: {} }, content, d);
    const hours = (reply as { value: { hours: Record<string, HoursWindow> } }).value.hours;
    expect(Object.keys(hours)).toEqual(['office']);
    const w = windowTimeline(hours['office']!);
    const now = d.now();
    expect(w.elapsedMs(now - 30 * DAY, now + 30 * DAY)).toBe(timelineFor(office).elapsedMs(now - 30 * DAY, now + 30 * DAY));
  });

  it("a looked-up conversation brings its frozen schedule's window only when the team has changed that schedule since", async () => {
    const db = freshDb();
    const d = { ...deps(db), config: async () => calConfig(policy, { schedules: [office] }) };
    await handleMessage(observed(), content, d);
    const lookup = { rc: 1, type: 'content:lookup', payload: { ids: ['x:1'] } };
    const same = (await handleMessage(lookup, content, d)) as { value: { conversations: ConversationSnapshot[] } };
    expect(same.value.conversations[0]!.schedule).toEqual(office);
    expect(same.value.conversations[0]!.hours).toBeUndefined();
    // The team moves Friday's hours: the stored conversation keeps the old schedule and now carries its window.
    const changed = { ...d, config: async () => calConfig(policy, { schedules: [{ ...office, week: { mon: [['09:00', '17:00']], fri: [['10:00', '18:00']] } }] }) };
    const after = (await handleMessage(lookup, content, changed)) as { value: { conversations: ConversationSnapshot[] } };
    const snap = after.value.conversations[0]!;
    expect(snap.schedule).toEqual(office);
    expect(snap.hours).toBeDefined();
    const now = d.now();
    expect(windowTimeline(snap.hours!).elapsedMs(now - 7 * DAY, now)).toBe(timelineFor(office).elapsedMs(now - 7 * DAY, now));
  });
});


describe('lookup of a conversation absorbed into another', () => {
  it('answers with the conversation that now holds the message, marked with the id asked for', async () => {
    const db = freshDb();
    const d = deps(db);
    const send = (c: ReturnType<typeof conv>) => handleMessage({ rc: 1, type: 'content:observed', payload: { conversations: [c] } }, content, d);
    // A follow-up seen alone on a timeline first, then in its thread (the thread's root names the conversation).
    await send(conv('x:2', [msg('x:2', 'customer', T0 + 20 * MIN, T0 + 20 * MIN)]));
    await send(conv('x:1', [msg('x:1', 'customer', T0, T0), msg('x:1b', 'brand', T0 + 10 * MIN, T0 + 10 * MIN), msg('x:2', 'customer', T0 + 20 * MIN, T0 + 20 * MIN)]));
    expect((await db.conversations.toCollection().primaryKeys()).sort()).toEqual(['x:1']);
    const reply = (await handleMessage({ rc: 1, type: 'content:lookup', payload: { ids: ['x:2', 'x:9'] } }, content, d)) as {
      value: { conversations: ConversationSnapshot[] };
    };
    expect(reply.value.conversations.map((c) => [c.id, c.requestedId])).toEqual([['x:1', 'x:2']]);
  });

  it('answers a report with the conversation that holds it, and tells the reporting tab of the one it absorbed', async () => {
    const db = freshDb();
    const d = deps(db);
    const send = async (c: ReturnType<typeof conv>) =>
      ((await handleMessage({ rc: 1, type: 'content:observed', payload: { conversations: [c] } }, content, d)) as { value: Responses['content:observed'] }).value;
    await send(conv('x:2', [msg('x:2', 'customer', T0 + 20 * MIN, T0 + 20 * MIN)]));
    const thread = await send(conv('x:1', [msg('x:1', 'customer', T0, T0), msg('x:2', 'customer', T0 + 20 * MIN, T0 + 20 * MIN)]));
    expect(thread.conversations.map((c) => [c.id, c.requestedId, c.messages.length])).toEqual([['x:1', undefined, 2]]);
    // x:2 changed (absorbed) without being in the batch: the tab that tracks it must still hear of it.
    const [ids, from] = d.changed.mock.calls.at(-1)!;
    expect(ids.sort()).toEqual(['x:1', 'x:2']);
    expect(from?.tabId).toBe(7);
    expect([...from!.answered!]).toEqual(['x:1']);
    // The follow-up seen alone again: answered with its thread, marked with the id the tab reported; the tab is
    // remembered as drawing the thread too, so it hears when the thread changes.
    const remembered = vi.fn<NonNullable<RouterDeps['rememberTab']>>();
    (d as RouterDeps).rememberTab = remembered;
    const alone = await send(conv('x:2', [msg('x:2', 'customer', T0 + 20 * MIN, T0 + 25 * MIN)]));
    expect(alone.conversations.map((c) => [c.id, c.requestedId])).toEqual([['x:1', 'x:2']]);
    expect(remembered).toHaveBeenCalledWith(7, expect.arrayContaining(['x:1', 'x:2']));
  });
});
