// The event log is stored packed (one row per transaction, schema v4) but read as single events: what was
// logged comes back exactly, in order, and a v3 log (one row per event) reads the same after the upgrade.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/background/ingest.ts';
import { ReplyclockDb, openDb } from '../../../src/shared/db.ts';
import { eventsAbout, logEvents, packEvents, readEvents, unpackEvents } from '../../../src/shared/events.ts';
import type { EventRecord } from '../../../src/shared/records.ts';
import { T0, conv, ctx, freshDb, msg } from './helpers.ts';

const event = fc.record(
  {
    at: fc.integer({ min: T0, max: T0 + 3 }),
    type: fc.constantFrom('detected', 'reply-seen', 'status-changed', 'settings-changed', 'merged'),
    conversationId: fc.option(fc.constantFrom('x:1', 'x:2', 'facebook:9'), { nil: null }),
    agent: fc.option(fc.constantFrom('Alex', 'Kim'), { nil: null }),
    detail: fc.dictionary(fc.constantFrom('from', 'to', 'messageId'), fc.string({ maxLength: 5 })),
  },
  { requiredKeys: ['at', 'type', 'conversationId', 'agent'] },
) as fc.Arbitrary<EventRecord>;

describe('event log packing', () => {
  it('gives back every event exactly, in the order logged', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        expect(unpackEvents(packEvents(events))).toEqual(events);
      }),
    );
  });

  it('packs the events of one time and agent into one row that indexes each conversation once', () => {
    const rows = packEvents([
      { at: T0, type: 'detected', conversationId: 'x:1', agent: 'Alex' },
      { at: T0, type: 'reply-seen', conversationId: 'x:1', agent: 'Alex', detail: { messageId: 'x:2' } },
      { at: T0, type: 'detected', conversationId: 'x:3', agent: 'Alex' },
      { at: T0, type: 'settings-changed', conversationId: null, agent: 'Kim' },
    ]);
    expect(rows.map((r) => [r.agent, r.conversationIds, r.events.length])).toEqual([
      ['Alex', ['x:1', 'x:3'], 3],
      ['Kim', [], 1],
    ]);
  });

  it('stores an ingest batch of new conversations as one row, each conversation findable', async () => {
    const db = freshDb();
    const batch = Array.from({ length: 50 }, (_, i) => conv(`x:${i + 1}`, [msg(`x:${i + 1}`, 'customer', T0, T0)]));
    await ingest(db, batch, ctx(T0 + 60_000));
    expect(await db.events.count()).toBe(1);
    const log = await readEvents(db.events);
    expect(log).toHaveLength(50);
    expect(log.every((e) => e.type === 'detected' && e.agent === 'Alex')).toBe(true);
    expect((await eventsAbout(db.events, ['x:7', 'x:9'])).map((e) => e.conversationId)).toEqual(['x:7', 'x:9']);
    db.close();
  });

  it('upgrades a v3 log (one row per event) to the same events, findable by conversation', async () => {
    const name = `rc-events-v3-${Math.random()}`;
    const old = new ReplyclockDb(name, 3);
    const v3 = [
      { at: T0, type: 'detected', conversationId: 'x:1', agent: 'Alex', detail: { platform: 'x' } },
      { at: T0 + 1, type: 'settings-changed', conversationId: null, agent: 'Kim' },
      { at: T0 + 2, type: 'breached', conversationId: 'x:1', agent: null, detail: { dueAt: T0 + 5 } },
    ];
    await old.table('events').bulkAdd(v3);
    old.close();
    const db = openDb(name);
    expect(await readEvents(db.events)).toEqual(v3.map((e, i) => ({ seq: i + 1, ...e })));
    expect((await eventsAbout(db.events, ['x:1'])).map((e) => e.type)).toEqual(['detected', 'breached']);
    // New events continue the sequence after the upgraded ones.
    await logEvents(db.events, [{ at: T0 + 3, type: 'reopened', conversationId: 'x:1', agent: 'Alex' }]);
    expect((await readEvents(db.events)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    db.close();
  });
});
