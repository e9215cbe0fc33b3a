// Agent actions change what the clock does, not just a label: snooze pauses it, "no reply needed" takes the
// conversation out of the service level, reopen puts it back. Each is logged with who did it.
// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyAction } from '../../../src/background/actions.ts';
import { ingest } from '../../../src/background/ingest.ts';
import { recomputeOpen } from '../../../src/background/recompute.ts';
import { countStates, liveConversations } from '../../../src/background/summary.ts';
import { MIN, T0, conv, ctx, freshDb, msg, eventsOf } from './helpers.ts';

// Calendar policy from helpers: first response within 60 min, warning from 48 min.
async function waiting() {
  const db = freshDb();
  await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0));
  return db;
}

describe('snooze', () => {
  it('pauses the clock for its duration, pushing the due time back, and is logged with who did it', async () => {
    const db = await waiting();
    // Snoozed after 10 minutes for 30 minutes.
    const { record } = await applyAction(db, 'x:1', { action: 'snooze', until: T0 + 40 * MIN }, { now: T0 + 10 * MIN, agent: 'Kim' });
    expect(record).toMatchObject({ status: 'snoozed', clockState: 'paused', dueAt: T0 + 90 * MIN });
    expect(record!.pauses).toEqual([{ from: T0 + 10 * MIN, to: T0 + 40 * MIN, reason: 'snooze', by: 'Kim' }]);
    const ev = (await eventsOf(db, 'snoozed'))[0];
    expect(ev).toMatchObject({ agent: 'Kim', conversationId: 'x:1', at: T0 + 10 * MIN, detail: { until: T0 + 40 * MIN } });

    // At T0+60 an unsnoozed clock would breach; this one has counted 10 + 20 = 30 minutes and is open again.
    await recomputeOpen(db, T0 + 60 * MIN);
    expect(await db.conversations.get('x:1')).toMatchObject({ status: 'open', clockState: 'ok', dueAt: T0 + 90 * MIN });
    await recomputeOpen(db, T0 + 80 * MIN);
    expect((await db.conversations.get('x:1'))!.clockState).toBe('warning');
    await recomputeOpen(db, T0 + 90 * MIN);
    expect((await db.conversations.get('x:1'))!.clockState).toBe('breached');
  });

  it('is counted as paused, not at risk or breached, on the toolbar while it lasts', async () => {
    const db = await waiting();
    await applyAction(db, 'x:1', { action: 'snooze', until: T0 + 200 * MIN }, { now: T0 + 50 * MIN, agent: 'Kim' });
    const { counts } = countStates(await liveConversations(db, T0 + 120 * MIN));
    expect(counts).toEqual({ open: 0, atRisk: 0, breached: 0, paused: 1 });
  });

  it('reopen ends a running snooze at once', async () => {
    const db = await waiting();
    await applyAction(db, 'x:1', { action: 'snooze', until: T0 + 200 * MIN }, { now: T0 + 10 * MIN, agent: 'Kim' });
    const { record } = await applyAction(db, 'x:1', { action: 'reopen' }, { now: T0 + 20 * MIN, agent: 'Lou' });
    // 10 minutes were paused: due at T0 + 70.
    expect(record).toMatchObject({ status: 'open', clockState: 'ok', dueAt: T0 + 70 * MIN });
    expect(record!.pauses[0]!.to).toBe(T0 + 20 * MIN);
    expect(((await eventsOf(db, 'reopened'))[0])?.agent).toBe('Lou');
  });
});

describe('no reply needed', () => {
  it('excludes the conversation from the service level: no clock, no breach, not in the aggregates', async () => {
    const db = await waiting();
    expect((await db.daily.toArray()).map((r) => r.volume)).toEqual([1]);
    const { record } = await applyAction(db, 'x:1', { action: 'exclude', reason: 'compliment' }, { now: T0 + 5 * MIN, agent: 'Kim' });
    expect(record).toMatchObject({ status: 'excluded', clockState: 'excluded', dueAt: null, excluded: true, excludedReason: 'compliment' });
    expect(await db.daily.count()).toBe(0);
    // Long past the target: still no breach, nothing on the toolbar.
    expect((await recomputeOpen(db, T0 + 300 * MIN)).breachedIds).toEqual([]);
    expect(countStates(await liveConversations(db, T0 + 300 * MIN)).counts.breached).toBe(0);
    expect((await eventsOf(db, 'excluded'))[0]).toMatchObject({ agent: 'Kim', detail: { reason: 'compliment' } });
  });

  it('reopen puts it back under the clock, counted from the original message', async () => {
    const db = await waiting();
    await applyAction(db, 'x:1', { action: 'exclude' }, { now: T0 + 5 * MIN, agent: 'Kim' });
    const { record } = await applyAction(db, 'x:1', { action: 'reopen' }, { now: T0 + 70 * MIN, agent: 'Kim' });
    expect(record).toMatchObject({ status: 'open', excluded: false, clockState: 'breached', dueAt: T0 + 60 * MIN });
    expect((await db.daily.toArray()).map((r) => [r.volume, r.breached])).toEqual([[1, 1]]);
  });
});

describe('assign to me', () => {
  it('sets the assignee to the agent named in the options, and unassign clears it', async () => {
    const db = await waiting();
    expect((await applyAction(db, 'x:1', { action: 'assign' }, { now: T0, agent: 'Kim' })).record?.assignee).toBe('Kim');
    expect((await applyAction(db, 'x:1', { action: 'unassign' }, { now: T0, agent: 'Lou' })).record?.assignee).toBeNull();
    const log = (await eventsOf(db)).filter((e) => e.type === 'assigned' || e.type === 'unassigned');
    expect(log.map((e) => [e.type, e.agent, e.detail?.previous])).toEqual([
      ['assigned', 'Kim', null],
      ['unassigned', 'Lou', 'Kim'],
    ]);
  });
});
