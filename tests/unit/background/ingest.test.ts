// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingest } from '../../../src/background/ingest.ts';
import { recount } from '../../../src/background/aggregates.ts';
import { CAL_POLICY, MIN, T0, calConfig, conv, ctx, freshDb, msg, eventsOf } from './helpers.ts';

describe('ingest', () => {
  it('stores a new conversation with derived fields and a detected event carrying the agent', async () => {
    const db = freshDb();
    const res = await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0 + 5 * MIN, { text: 'my order is late' })])], ctx(T0 + 10 * MIN));
    expect(res.stored).toBe(1);
    expect(res.changedIds).toEqual(['x:1']);
    expect([...res.holders].map(([asked, rec]) => [asked, rec.id, rec.clockState])).toEqual([['x:1', 'x:1', 'ok']]);
    const rec = (await db.conversations.get('x:1'))!;
    expect(rec.status).toBe('open');
    expect(rec.clockState).toBe('ok');
    expect(rec.dueAt).toBe(T0 + 60 * MIN);
    expect(rec.firstCustomerAt).toBe(T0);
    expect(rec.text).toBe('my order is late');
    expect(rec.day).toBe('2025-01-15');
    expect(rec.policyId).toBe('cal');
    const events = await eventsOf(db);
    expect(events.map((e) => [e.type, e.agent])).toEqual([['detected', 'Alex']]);
  });

  it('is idempotent: the same batch twice is one record with one copy of each message and no new events', async () => {
    const db = freshDb();
    const batch = [conv('x:1', [msg('x:1', 'customer', T0, T0), msg('x:2', 'brand', T0 + 20 * MIN, T0 + 21 * MIN)])];
    await ingest(db, batch, ctx(T0 + 30 * MIN));
    const eventsBefore = (await eventsOf(db)).length;
    const second = await ingest(db, batch, ctx(T0 + 31 * MIN));
    expect(second.stored).toBe(0);
    expect(await db.conversations.count()).toBe(1);
    expect((await db.conversations.get('x:1'))!.messages.map((m) => m.id)).toEqual(['x:1', 'x:2']);
    expect((await eventsOf(db)).length).toBe(eventsBefore);
  });

  it('merges overlapping batches from several tabs into one conversation', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0), msg('x:3', 'customer', T0 + 2 * MIN, T0 + 2 * MIN)])], ctx(T0 + 3 * MIN));
    await ingest(db, [conv('x:1', [msg('x:3', 'customer', T0 + 2 * MIN, T0 + 4 * MIN), msg('x:4', 'customer', T0 + 3 * MIN, T0 + 4 * MIN)])], ctx(T0 + 5 * MIN));
    const rec = (await db.conversations.get('x:1'))!;
    expect(rec.messages.map((m) => m.id)).toEqual(['x:1', 'x:3', 'x:4']);
    expect(rec.lastCustomerAt).toBe(T0 + 3 * MIN);
    expect((await eventsOf(db, 'message-added')).map((e) => e.detail?.messageId)).toEqual(['x:4']);
  });

  it('a reply seen hours later keeps its real (site) time and marks the conversation answered', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0 + MIN));
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0), msg('x:9', 'brand', T0 + 30 * MIN, T0 + 300 * MIN)])], ctx(T0 + 300 * MIN));
    const rec = (await db.conversations.get('x:1'))!;
    expect(rec.status).toBe('answered');
    expect(rec.firstResponseAt).toBe(T0 + 30 * MIN);
    expect(rec.firstResponseMinutes).toBe(30);
    expect(rec.withinTarget).toBe(true);
    const types = (await eventsOf(db)).map((e) => e.type);
    expect(types).toContain('reply-seen');
    expect(types).toContain('status-changed');
  });

  it('keeps the earliest first-seen time and prefers the site time, the more precise one winning', async () => {
    const db = freshDb();
    // First seen without a site time, then seen with a vague one ("2 h" ± 30 min), then with an exact one.
    await ingest(db, [conv('f:1', [msg('f:1', 'customer', null, T0 + 10 * MIN)])], ctx(T0 + 10 * MIN));
    expect((await db.conversations.get('f:1'))!.messages[0]!.at).toBe(T0 + 10 * MIN);
    await ingest(db, [conv('f:1', [msg('f:1', 'customer', T0 - 5 * MIN, T0 + 20 * MIN, { precisionMs: 30 * MIN })])], ctx(T0 + 20 * MIN));
    await ingest(db, [conv('f:1', [msg('f:1', 'customer', T0, T0 + 5 * MIN, { precisionMs: 0 })])], ctx(T0 + 30 * MIN));
    await ingest(db, [conv('f:1', [msg('f:1', 'customer', T0 - 20 * MIN, T0 + 40 * MIN, { precisionMs: 30 * MIN })])], ctx(T0 + 40 * MIN));
    const m = (await db.conversations.get('f:1'))!.messages[0]!;
    expect(m).toMatchObject({ at: T0, siteAt: T0, firstSeenAt: T0 + 5 * MIN, precisionMs: 0 });
  });

  it('does not store a conversation where only brand messages were seen', async () => {
    const db = freshDb();
    const res = await ingest(db, [conv('x:5', [msg('x:5', 'brand', T0, T0)])], ctx(T0));
    expect(res.stored).toBe(0);
    expect(await db.conversations.count()).toBe(0);
    expect((await eventsOf(db)).length).toBe(0);
  });

  it('uses one transaction per batch: a failing record stores nothing of the batch', async () => {
    const db = freshDb();
    // A row IndexedDB itself refuses (a value it cannot store), written after a good one in the same batch.
    const bad = conv('x:bad', [msg('x:bad', 'customer', T0, T0)]);
    bad.customer = { name: (() => 'not storable') as unknown as string };
    const batch = [conv('x:ok', [msg('x:ok', 'customer', T0, T0)]), bad];
    await expect(ingest(db, batch, ctx(T0))).rejects.toThrow();
    expect(await db.conversations.count()).toBe(0);
    expect((await eventsOf(db)).length).toBe(0);
    expect(await db.daily.count()).toBe(0);
    expect(await db.versions.count()).toBe(0);
  });

  it('freezes the policy at detection: a later config edit does not change an existing conversation', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0));
    const stricter = calConfig({ ...CAL_POLICY, firstResponseMinutes: 15 });
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)]), conv('x:2', [msg('x:2', 'customer', T0, T0)])], ctx(T0 + 20 * MIN, stricter));
    const old = (await db.conversations.get('x:1'))!;
    const fresh = (await db.conversations.get('x:2'))!;
    expect(old.dueAt).toBe(T0 + 60 * MIN);
    expect(old.clockState).toBe('ok');
    expect(fresh.dueAt).toBe(T0 + 15 * MIN);
    expect(fresh.clockState).toBe('breached');
    expect(old.versionKey).not.toBe(fresh.versionKey);
    expect((await db.versions.get(old.versionKey!))!.policy.firstResponseMinutes).toBe(60);
  });

  it('logs a breach once when a conversation is first stored already late', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0 + 90 * MIN));
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0), msg('x:2', 'customer', T0 + MIN, T0 + MIN)])], ctx(T0 + 91 * MIN));
    const rec = (await db.conversations.get('x:1'))!;
    expect(rec.withinTarget).toBe(false);
    expect((await eventsOf(db, 'breached')).length).toBe(1);
  });

  it('absorbs a conversation first seen on its own when it shows up as a message of a thread (X follow-ups)', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:A', [msg('x:A', 'customer', T0, T0)])], ctx(T0 + MIN));
    await ingest(db, [conv('x:C', [msg('x:C', 'customer', T0 + 5 * MIN, T0 + 5 * MIN)])], ctx(T0 + 6 * MIN));
    expect(await db.conversations.count()).toBe(2);
    const res = await ingest(
      db,
      [conv('x:A', [msg('x:A', 'customer', T0, T0), msg('x:C', 'customer', T0 + 5 * MIN, T0 + 7 * MIN)])],
      ctx(T0 + 7 * MIN),
    );
    expect(res.changedIds.sort()).toEqual(['x:A', 'x:C']);
    expect(await db.conversations.get('x:C')).toBeUndefined();
    expect([...res.holders].map(([asked, rec]) => [asked, rec.id, rec.messageIds])).toEqual([['x:A', 'x:A', ['x:A', 'x:C']]]);
    expect((await db.conversations.get('x:A'))!.messages.map((m) => [m.id, m.firstSeenAt])).toEqual([
      ['x:A', T0],
      ['x:C', T0 + 5 * MIN],
    ]);
    expect((await eventsOf(db, 'merged')).length).toBe(1);
    const daily = await db.daily.toArray();
    expect(daily.reduce((s, d) => s + d.volume, 0)).toBe(1);
    // Seen again alone on the mentions timeline: it stays part of x:A (which is what the tab is told holds it).
    const again = await ingest(db, [conv('x:C', [msg('x:C', 'customer', T0 + 5 * MIN, T0 + 9 * MIN)])], ctx(T0 + 9 * MIN));
    expect([...again.holders].map(([asked, rec]) => [asked, rec.id])).toEqual([['x:C', 'x:A']]);
    expect(await db.conversations.toCollection().primaryKeys()).toEqual(['x:A']);
  });

  it('keeps daily aggregates equal to a recount from scratch after random ingests', async () => {
    const msgArb = fc.record({
      n: fc.integer({ min: 0, max: 5 }),
      role: fc.constantFrom('customer' as const, 'brand' as const),
      offset: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      site: fc.boolean(),
    });
    const batchArb = fc.array(
      fc.record({ c: fc.integer({ min: 0, max: 4 }), channel: fc.constantFrom('public' as const, 'dm' as const), msgs: fc.array(msgArb, { minLength: 1, maxLength: 4 }) }),
      { minLength: 1, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(batchArb, { minLength: 1, maxLength: 5 }), async (batches) => {
        const db = freshDb();
        let now = T0;
        for (const batch of batches) {
          now += 37 * MIN;
          const observed = batch.map((b) =>
            conv(
              `x:c${b.c}`,
              b.msgs.map((m) => msg(`x:c${b.c}m${m.n}`, m.n === 0 ? 'customer' : m.role, m.site ? T0 + m.offset * MIN : null, now)),
              { channel: b.channel },
            ),
          );
          await ingest(db, observed, ctx(now));
        }
        const stored = await db.daily.toArray();
        const expected = recount(await db.conversations.toArray());
        const norm = (rows: typeof stored) =>
          rows
            .map((r) => ({ ...r, firstResponseMinutesSum: Math.round(r.firstResponseMinutesSum * 1000) / 1000 }))
            .sort((a, b) => `${a.day}${a.platform}${a.channel}${a.policyId}`.localeCompare(`${b.day}${b.platform}${b.channel}${b.policyId}`));
        expect(norm(stored)).toEqual(norm(expected));
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('is idempotent under any order of sightings: several tabs, reloads and a virtualised list scrolling back', async () => {
    // One thread: root customer message, then up to 5 more; each has a fixed site time (or none). Sightings differ
    // only in when this browser saw them. Every sighting includes the root, as a thread view always shows it.
    const threadArb = fc.array(fc.record({ brand: fc.boolean(), offset: fc.integer({ min: 1, max: 600 }), site: fc.boolean() }), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(
        threadArb,
        fc.array(fc.record({ picks: fc.array(fc.nat(), { maxLength: 6 }), seenAfter: fc.integer({ min: 0, max: 900 }) }), { minLength: 1, maxLength: 8 }),
        async (thread, sightings) => {
          const all = [
            { id: 'x:1', role: 'customer' as const, site: T0 as number | null },
            ...thread.map((m, i) => ({ id: `x:1-${i}`, role: m.brand ? ('brand' as const) : ('customer' as const), site: m.site ? T0 + m.offset * MIN : null })),
          ];
          const firstSeen = new Map<string, number>();
          const db = freshDb();
          let now = T0;
          for (const s of sightings) {
            now += MIN;
            const seenAt = T0 + s.seenAfter * MIN;
            const shown = [all[0]!, ...s.picks.map((p) => all[p % all.length]!)]; // repeats allowed: re-scrolled rows
            for (const m of shown) firstSeen.set(m.id, Math.min(firstSeen.get(m.id) ?? Infinity, seenAt));
            await ingest(db, [conv('x:1', shown.map((m) => msg(m.id, m.role, m.site, seenAt)))], ctx(now));
          }
          expect(await db.conversations.count()).toBe(1);
          const rec = (await db.conversations.get('x:1'))!;
          const byId = new Map(all.map((m) => [m.id, m]));
          // One record per message ever seen, each at its site time, else the earliest time any tab saw it.
          expect(rec.messages.map((m) => m.id).sort()).toEqual([...firstSeen.keys()].sort());
          for (const m of rec.messages) {
            expect(m.firstSeenAt).toBe(firstSeen.get(m.id));
            expect(m.at).toBe(byId.get(m.id)!.site ?? firstSeen.get(m.id));
          }
          expect((await eventsOf(db, 'detected')).length).toBe(1);
          const brandSeen = [...firstSeen.keys()].filter((id) => byId.get(id)!.role === 'brand').length;
          expect((await eventsOf(db, 'reply-seen')).length).toBe(brandSeen);
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
