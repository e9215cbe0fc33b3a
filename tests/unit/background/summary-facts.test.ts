// The popup's period figures come from stored per-conversation facts (facts.ts) instead of re-walking every record's
// clocks. These tests hold them to the reference: the core metrics engine over the full records (periodFigures).
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { applyAction } from '../../../src/background/actions.ts';
import { ingest } from '../../../src/background/ingest.ts';
import { recomputeOpen } from '../../../src/background/recompute.ts';
import { buildSummary, localMidnight, periodFigures } from '../../../src/background/summary.ts';
import { compactFacts } from '../../../src/background/facts.ts';
import { pruneOlderThan } from '../../../src/background/retention.ts';
import { KV, kvSet } from '../../../src/shared/db.ts';
import { CAL_POLICY, MIN, T0, calConfig, conv, freshDb, msg } from './helpers.ts';

const DAY = 86_400_000;
const t = (k: string) => k;
const config = calConfig({ ...CAL_POLICY, firstResponseMinutes: 45 });

async function expectMatchesReference(db: ReturnType<typeof freshDb>, now: number): Promise<void> {
  const s = await buildSummary(db, { now, config, t });
  const end = now + 1;
  expect(s.periods.today).toEqual(await periodFigures(db, localMidnight(now), end, config, now));
  expect(s.periods.days7).toEqual(await periodFigures(db, now - 7 * DAY, end, config, now));
  expect(s.periods.days30).toEqual(await periodFigures(db, now - 30 * DAY, end, config, now));
}

describe('popup period figures from stored facts', () => {
  it('equal the metrics engine over the full records after random ingests, actions and ticks', async () => {
    const convArb = fc.record({
      startMin: fc.integer({ min: 0, max: 40 * 24 * 60 }),
      replyAfter: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }),
      channel: fc.constantFrom('public' as const, 'dm' as const, 'ticket' as const),
      exclude: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(convArb, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        async (list, laterMin, cuts) => {
        const db = freshDb();
        const now = T0 + 40 * DAY;
        const observed = list.map((c, i) => {
          const at = now - c.startMin * MIN;
          const msgs = [msg(`x:${i}`, 'customer', at, at)];
          if (c.replyAfter !== null && at + c.replyAfter * MIN <= now) msgs.push(msg(`x:${i}r`, 'brand', at + c.replyAfter * MIN, now));
          return conv(`x:${i}`, msgs, { channel: c.channel });
        });
        // Several write batches (each adds fact deltas), some of them compacted, some not: the figures never differ.
        let batch: typeof observed = [];
        for (const [i, o] of observed.entries()) {
          batch.push(o);
          if (cuts[i] || i === observed.length - 1) {
            await ingest(db, batch, { now, config, agent: 'Alex' });
            batch = [];
            if (cuts[(i + 5) % cuts.length]) await compactFacts(db);
          }
        }
        for (const [i, c] of list.entries()) if (c.exclude) await applyAction(db, `x:${i}`, { action: 'exclude' }, { now, agent: 'Alex' });
        await expectMatchesReference(db, now);
        // Time passes: running clocks breach without any write, and the figures follow.
        const later = now + laterMin * MIN;
        await expectMatchesReference(db, later);
        await recomputeOpen(db, later);
        await expectMatchesReference(db, later);
        await compactFacts(db);
        await expectMatchesReference(db, later);
        db.close();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('adds a delta row per write instead of rewriting the day, and folds deltas (merges and deletions too) into the day', async () => {
    const db = freshDb();
    const now = T0 + 40 * DAY;
    const keys = async (): Promise<string[]> => (await db.facts.toCollection().primaryKeys()) as string[];
    const day = new Date(now - 5 * MIN).toISOString().slice(0, 10);
    await kvSet(db, KV.factsBuilt, true); // as on any database the background has opened before
    for (let b = 0; b < 3; b++) {
      const list = Array.from({ length: 4 }, (_, k) => conv(`x:${b * 4 + k}`, [msg(`x:${b * 4 + k}`, 'customer', now - 5 * MIN, now)]));
      await ingest(db, list, { now, config, agent: '' });
    }
    // A thread seen later absorbs x:1 (x:1's fact goes, the thread's arrives), and retention deletes an old one.
    await ingest(db, [conv('x:0', [msg('x:0', 'customer', now - 5 * MIN, now), msg('x:1', 'customer', now - 4 * MIN, now)])], { now, config, agent: '' });
    await ingest(db, [conv('x:old', [msg('x:old', 'customer', now - 39 * DAY, now), msg('x:oldr', 'brand', now - 39 * DAY + 9 * MIN, now)])], { now, config, agent: '' });
    expect((await keys()).filter((k) => k.startsWith(day))).toHaveLength(4); // no day row yet: one delta per write
    expect((await keys()).every((k) => k.includes('~'))).toBe(true);
    await expectMatchesReference(db, now);
    expect((await buildSummary(db, { now, config, t })).periods.today.volume).toBe(11);
    expect(await compactFacts(db)).toBe(5);
    expect(await keys()).toEqual([new Date(now - 39 * DAY).toISOString().slice(0, 10), day]);
    await expectMatchesReference(db, now);
    await pruneOlderThan(db, now - 30 * DAY, now);
    await expectMatchesReference(db, now);
    await compactFacts(db);
    expect(await keys()).toEqual([day]); // the old day's only conversation is gone, and so is its row
    expect(await compactFacts(db)).toBe(0);
    db.close();
  });

  it('applies a new worker’s deltas after the last worker’s, even when its clock is behind', async () => {
    const db = freshDb();
    const now = T0 + 40 * DAY;
    await kvSet(db, KV.factsBuilt, true);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(now + 3_600_000); // the last worker's clock ran an hour ahead
      await ingest(db, [conv('x:1', [msg('x:1', 'customer', now - 5 * MIN, now)])], { now, config, agent: '' });
      vi.resetModules(); // a new worker: nothing of the last one's memory
      vi.setSystemTime(now);
      const worker = await import('../../../src/background/ingest.ts');
      await worker.ingest(db, [conv('x:1', [msg('x:1', 'customer', now - 5 * MIN, now), msg('x:1r', 'brand', now - 2 * MIN, now)])], { now, config, agent: '' });
    } finally {
      vi.useRealTimers();
    }
    expect((await buildSummary(db, { now, config, t })).periods.today.answered).toBe(1); // the reply's fact, not the older one
    await expectMatchesReference(db, now);
    db.close();
  });

  it('builds the facts of a database that has none (written before facts existed, or behind the background)', async () => {
    const db = freshDb();
    const now = T0 + 2 * DAY;
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', now - 3 * DAY, now), msg('x:1r', 'brand', now - 3 * DAY + 20 * MIN, now)])], { now, config, agent: '' });
    await ingest(db, [conv('x:2', [msg('x:2', 'customer', now - 10 * MIN, now)])], { now, config, agent: '' });
    const recs = await db.conversations.toArray();
    await db.facts.clear();
    await db.kv.delete(KV.factsBuilt);
    await expectMatchesReference(db, now);
    // Rows added behind the background's back today are noticed (today's facts are counted against the index).
    await db.conversations.put({ ...recs[1]!, id: 'x:3', messageIds: ['x:3'], messages: recs[1]!.messages.map((m) => ({ ...m, id: 'x:3' })) });
    const s = await buildSummary(db, { now, config, t });
    expect(s.periods.today.volume).toBe(2);
    await expectMatchesReference(db, now);
    db.close();
  });
});
