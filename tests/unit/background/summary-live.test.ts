// The popup's counts and waiting list come from indexes (stored clock states, [status+dueAt]) plus a live read of only
// the conversations whose checkAt has passed. These tests hold that to the reference: every live conversation read
// and its clock walked at `now` (liveStateByScan) — and check the index path is the one taken, not the fallback.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyAction } from '../../../src/background/actions.ts';
import { ingest } from '../../../src/background/ingest.ts';
import { recomputeOpen } from '../../../src/background/recompute.ts';
import { liveState, liveStateByScan } from '../../../src/background/summary.ts';
import type { OpeningHours, Policy, TeamConfig } from '../../../src/core/types.ts';
import { MIN, T0, calConfig, conv, freshDb, msg } from './helpers.ts';

const H = 60 * MIN;
// T0 is Wednesday 2025-01-15 10:00 UTC: the team opens 09:00–12:00 and 13:00–17:00 on weekdays.
const office: OpeningHours = {
  id: 'office',
  timeZone: 'UTC',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '12:00'], ['13:00', '17:00']]])),
};
const biz: Policy = { id: 'biz', name: 'Business', schedule: 'office', match: { platforms: ['x'] }, firstResponseMinutes: 30, nextResponseMinutes: 45 };
const cal: Policy = { id: 'cal', name: 'Calendar', schedule: null, match: {}, firstResponseMinutes: 20, nextResponseMinutes: 20 };
const config: TeamConfig = calConfig(biz, { schedules: [office], policies: [biz, cal] });

async function expectSameAsScan(db: ReturnType<typeof freshDb>, now: number, limit: number): Promise<void> {
  const fast = await liveState(db, now, limit);
  const ref = await liveStateByScan(db, now, limit);
  expect(fast.via).toBe('index');
  expect(fast.counts).toEqual(ref.counts);
  expect(fast.byPlatform).toEqual(ref.byPlatform);
  expect(fast.waiting).toEqual(ref.waiting);
}

describe('popup counts and waiting list from the indexes', () => {
  it('equal a live read of every open conversation as time passes, across writes, snoozes, exclusions and ticks', async () => {
    const convArb = fc.record({
      // Mostly recent (clocks still running across a closing or opening), some days old.
      startMin: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 })),
      replyAfter: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
      platform: fc.constantFrom('x', 'facebook'),
      act: fc.constantFrom('none', 'none', 'exclude', 'snooze', 'assign'),
      snoozeMin: fc.integer({ min: 1, max: 600 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(convArb, { minLength: 1, maxLength: 14 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 26 * 60 })), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 6 }),
        async (list, steps, limit) => {
          const db = freshDb();
          // Thursday 11:40, 20 minutes before the team's lunch closing.
          let now = T0 + 24 * H + 100 * MIN;
          const observed = list.map((c, i) => {
            const id = `${c.platform}:${i}`;
            const at = now - c.startMin * MIN;
            const msgs = [msg(id, 'customer', at, at)];
            if (c.replyAfter !== null && at + c.replyAfter * MIN <= now) msgs.push(msg(`${id}r`, 'brand', at + c.replyAfter * MIN, now));
            return conv(id, msgs, { platform: c.platform });
          });
          await ingest(db, observed, { now, config, agent: 'Alex' });
          for (const [i, c] of list.entries()) {
            const id = `${c.platform}:${i}`;
            if (c.act === 'exclude') await applyAction(db, id, { action: 'exclude' }, { now, agent: 'Alex' });
            if (c.act === 'snooze') await applyAction(db, id, { action: 'snooze', until: now + c.snoozeMin * MIN }, { now, agent: 'Alex' });
            if (c.act === 'assign') await applyAction(db, id, { action: 'assign' }, { now, agent: 'Alex' });
          }
          await expectSameAsScan(db, now, limit);
          // Time passes without a write (clocks warn, breach, pause at closing, resume, snoozes end), then a tick.
          for (const step of steps) {
            now += step * MIN;
            await expectSameAsScan(db, now, limit);
            if (step % 2 === 0) {
              await recomputeOpen(db, now);
              await expectSameAsScan(db, now, limit);
            }
          }
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads every live conversation for an instant before the last write (stored clocks are derived later)', async () => {
    const db = freshDb();
    const now = T0;
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', now - 5 * MIN, now)])], { now, config, agent: '' });
    expect((await liveState(db, now)).via).toBe('index');
    const earlier = await liveState(db, now - MIN);
    expect(earlier.via).toBe('scan');
    expect(earlier.counts).toEqual((await liveStateByScan(db, now - MIN)).counts);
    db.close();
  });

  it('reads every live conversation while one has no checkAt (written around the background), until a tick', async () => {
    const db = freshDb();
    const now = T0;
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', now - 5 * MIN, now)])], { now, config, agent: '' });
    const rec = (await db.conversations.get('x:1'))!;
    const { checkAt: _dropped, ...old } = rec;
    // Stored as still 'ok', but its 30-minute clock breached long before `later`.
    await db.conversations.put({ ...old, id: 'x:2', messageIds: ['x:2'], messages: rec.messages.map((m) => ({ ...m, id: 'x:2' })) });
    const later = now + 3 * H;
    const s = await liveState(db, later);
    expect(s.via).toBe('scan');
    expect(s.counts).toEqual({ open: 2, atRisk: 0, breached: 2, paused: 0 });
    await recomputeOpen(db, later);
    const after = await liveState(db, later);
    expect(after.via).toBe('index');
    expect(after.counts).toEqual(s.counts);
    db.close();
  });
});
