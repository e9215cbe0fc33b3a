// "After a restart, clocks continue exactly where they were": nothing lives in worker memory, so a new database
// handle (a restarted service worker) re-derives every clock from stored timestamps and the frozen policy version.
// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { currentClock } from '../../../src/core/clock.ts';
import { ingest } from '../../../src/background/ingest.ts';
import { liveClock, toFacts } from '../../../src/background/derive.ts';
import { recomputeOpen } from '../../../src/background/recompute.ts';
import { openDb } from '../../../src/shared/db.ts';
import type { OpeningHours, Policy, TeamConfig } from '../../../src/core/types.ts';
import { MIN, conv, ctx, msg, eventsOf } from './helpers.ts';

const office: OpeningHours = {
  id: 'office',
  timeZone: 'Europe/Amsterdam',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
};
const policy: Policy = { id: 'biz', schedule: 'office', match: {}, firstResponseMinutes: 120 };
const config: TeamConfig = { version: 1, schedules: [office], policies: [policy], brands: {}, sites: [] };

// Wed 2025-01-15 16:30 CET: 30 business minutes today, the other 90 from Thu 09:00 CET → due Thu 10:30 CET (09:30Z).
const ASKED = Date.UTC(2025, 0, 15, 15, 30);
const DUE = Date.UTC(2025, 0, 16, 9, 30);

async function storeThenStop(name: string): Promise<number | null> {
  const db = openDb(name);
  await ingest(db, [conv('x:1', [msg('x:1', 'customer', ASKED, ASKED)])], ctx(ASKED + MIN, config));
  const due = (await db.conversations.get('x:1'))!.dueAt;
  db.close(); // the worker is stopped: every handle and in-memory cache is gone
  return due;
}

describe('a restarted worker', () => {
  it('continues a business-hours clock with the same due time and the same counted minutes', async () => {
    const name = `rc-restart-biz-${Math.random()}`;
    expect(await storeThenStop(name)).toBe(DUE);

    // Restarted the next morning at 09:45 CET (08:45Z): 30 + 45 business minutes have passed, nothing overnight.
    const db = openDb(name);
    const now = Date.UTC(2025, 0, 16, 8, 45);
    await recomputeOpen(db, now);
    const rec = (await db.conversations.get('x:1'))!;
    expect(rec.dueAt).toBe(DUE);
    expect(rec.clockState).toBe('ok');
    const version = (await db.versions.get(rec.versionKey!))!;
    const clock = liveClock(rec, version, now)!;
    expect(clock.elapsedMinutes).toBe(75);
    expect(clock.dueAt).toBe(DUE);
    // Exactly what the core computes for a worker that never stopped.
    expect(clock).toEqual(currentClock(toFacts(rec), policy, office, now));
    db.close();
  });

  it('lands on the state it would have reached had it never stopped, logging the breach once', async () => {
    const name = `rc-restart-late-${Math.random()}`;
    await storeThenStop(name);
    // Stopped through the due time; restarted at 11:00 CET.
    const db = openDb(name);
    const now = Date.UTC(2025, 0, 16, 10, 0);
    expect((await recomputeOpen(db, now)).breachedIds).toEqual(['x:1']);
    db.close();
    // A second restart and tick at the same instant changes nothing and logs nothing new.
    const again = openDb(name);
    expect(await recomputeOpen(again, now)).toEqual({ changedIds: [], breachedIds: [] });
    const rec = (await again.conversations.get('x:1'))!;
    expect(rec).toMatchObject({ clockState: 'breached', dueAt: DUE, withinTarget: false });
    expect((await eventsOf(again, 'breached')).length).toBe(1);
    again.close();
  });

  it('keeps measuring with the policy version frozen at detection, even if the config changed while it was stopped', async () => {
    const name = `rc-restart-frozen-${Math.random()}`;
    await storeThenStop(name);
    const db = openDb(name);
    const edited: TeamConfig = { ...config, policies: [{ ...policy, firstResponseMinutes: 15 }] };
    // A new sighting after the restart, under the edited config, must not re-match the policy.
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', ASKED, ASKED + 60 * MIN)])], ctx(Date.UTC(2025, 0, 16, 8, 5), edited));
    await recomputeOpen(db, Date.UTC(2025, 0, 16, 8, 10));
    expect((await db.conversations.get('x:1'))!.dueAt).toBe(DUE);
    db.close();
  });
});
