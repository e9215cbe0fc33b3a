// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, ReplyclockDb, SCHEMA_VERSIONS, openDb, withStatus } from '../../../src/shared/db.ts';
import { eventsAbout, logEvents } from '../../../src/shared/events.ts';
import type { ConversationRecord, PolicyVersion } from '../../../src/shared/records.ts';
import { openStateCounts } from '../../../src/background/alarms.ts';
import { recomputeOpen } from '../../../src/background/recompute.ts';
import { liveState } from '../../../src/background/summary.ts';
import { T0, freshDb, eventsOf } from './helpers.ts';

const sample = (id: string): ConversationRecord => ({
  id,
  platform: 'x',
  channel: 'public',
  url: 'https://x.com/a/status/1',
  customer: { handle: 'a' },
  messages: [{ id, role: 'customer', at: T0, siteAt: T0, firstSeenAt: T0, precisionMs: 0 }],
  messageIds: [id],
  pauses: [],
  excluded: false,
  assignee: null,
  status: 'open',
  policyId: 'cal',
  versionKey: 'k1',
  firstCustomerAt: T0,
  lastCustomerAt: T0,
  lastBrandAt: null,
  clockState: 'ok',
  dueAt: T0 + 3_600_000,
  firstResponseAt: null,
  firstResponseMinutes: null,
  withinTarget: null,
  createdAt: T0,
  updatedAt: T0,
  day: '2025-01-15',
});

const version: PolicyVersion = {
  key: 'k1',
  policy: { id: 'cal', schedule: null, match: {}, firstResponseMinutes: 60 },
  schedule: null,
  createdAt: T0,
};

/** Opens raw IndexedDB, resolving once the upgrade callback ran and the DB is open. */
function rawOpen(name: string, version: number, upgrade: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => upgrade(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('database schema', () => {
  it('lists its versions in ascending order, the current one last', () => {
    const versions = SCHEMA_VERSIONS.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(CURRENT_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  it('keeps every row written at every earlier schema version when opened with the current one', async () => {
    for (const s of SCHEMA_VERSIONS) {
      const name = `rc-upgrade-${s.version}-${Math.random()}`;
      const old = new ReplyclockDb(name, s.version);
      await old.conversations.put(sample('x:1'));
      if (s.version < 4) await old.table('events').add({ at: T0, type: 'detected', conversationId: 'x:1', agent: 'Alex' });
      else await logEvents(old.events, [{ at: T0, type: 'detected', conversationId: 'x:1', agent: 'Alex' }]);
      await old.daily.put({ day: '2025-01-15', platform: 'x', channel: 'public', policyId: 'cal', volume: 1, answered: 0, withinTarget: 0, breached: 0, firstResponseMinutesSum: 0 });
      await old.kv.put({ key: 'notified', value: ['rc|x:1|soon|1'] });
      await old.versions.put(version);
      old.close();
      const db = openDb(name);
      expect(await db.conversations.get('x:1')).toEqual(sample('x:1'));
      expect(await eventsOf(db)).toEqual([{ seq: 1, at: T0, type: 'detected', conversationId: 'x:1', agent: 'Alex' }]);
      expect((await eventsAbout(db.events, ['x:1'])).map((e) => e.type)).toEqual(['detected']);
      expect(await db.daily.where('day').equals('2025-01-15').count()).toBe(1);
      expect((await db.kv.get('notified'))?.value).toEqual(['rc|x:1|soon|1']);
      expect(await db.versions.get('k1')).toEqual(version);
      // The indexes the background queries by still answer on the upgraded database.
      expect(await withStatus(db, ['open']).primaryKeys()).toEqual(['x:1']);
      expect(await db.conversations.where('messageIds').equals('x:1').count()).toBe(1);
      db.close();
    }
  });

  it('reads a database laid out at version 1 by raw IndexedDB (no Dexie involved in writing it)', async () => {
    const name = `rc-raw-v1-${Math.random()}`;
    // Dexie stores schema version N as IndexedDB version N*10.
    const raw = await rawOpen(name, 10, (idb) => {
      const c = idb.createObjectStore('conversations', { keyPath: 'id' });
      for (const ix of ['status', 'clockState', 'dueAt', 'firstCustomerAt', 'lastCustomerAt', 'platform', 'day', 'updatedAt', 'versionKey']) c.createIndex(ix, ix);
      c.createIndex('messageIds', 'messageIds', { multiEntry: true });
      const e = idb.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
      for (const ix of ['at', 'conversationId', 'type']) e.createIndex(ix, ix);
      const d = idb.createObjectStore('daily', { keyPath: ['day', 'platform', 'channel', 'policyId'] });
      d.createIndex('day', 'day');
      idb.createObjectStore('versions', { keyPath: 'key' });
      idb.createObjectStore('kv', { keyPath: 'key' });
    });
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction(['conversations', 'events'], 'readwrite');
      tx.objectStore('conversations').put(sample('x:7'));
      tx.objectStore('events').add({ at: T0, type: 'detected', conversationId: 'x:7', agent: null });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    raw.close();
    const db = openDb(name);
    expect(await db.conversations.where('messageIds').equals('x:7').count()).toBe(1);
    expect(await withStatus(db, ['open']).primaryKeys()).toEqual(['x:7']);
    expect((await eventsOf(db))[0]).toMatchObject({ seq: 1, conversationId: 'x:7' });
    db.close();
  });

  it('opens a version-2 database at version 3 with its open conversations counted, toolbar and popup alike', async () => {
    const name = `rc-upgrade-v2-v3-${Math.random()}`;
    const old = new ReplyclockDb(name, 2);
    await old.versions.put(version);
    // Derived at T0: open, its 60-minute clock warning from T0 + 48 min, breached from T0 + 60 min.
    await old.conversations.bulkPut([{ ...sample('x:1'), clockState: 'warning' }, { ...sample('x:2'), platform: 'facebook', clockState: 'breached' }]);
    old.close();
    const db = openDb(name);
    expect(await db.conversations.toArray()).toEqual([{ ...sample('x:1'), clockState: 'warning' }, { ...sample('x:2'), platform: 'facebook', clockState: 'breached' }]);
    // The toolbar counts on the v3 index.
    expect(await openStateCounts(db)).toEqual({ breached: 1, atRisk: 1 });
    // v2 records have no checkAt: the popup reads every live record (exact) until a tick derives it.
    const at = T0 + 61 * 60_000;
    const before = await liveState(db, at);
    expect(before.via).toBe('scan');
    expect(before.counts).toEqual({ open: 2, atRisk: 0, breached: 2, paused: 0 });
    await recomputeOpen(db, at);
    expect((await db.conversations.get('x:1'))?.checkAt).toBeGreaterThan(at);
    const after = await liveState(db, at);
    expect(after.via).toBe('index');
    expect(after.counts).toEqual(before.counts);
    expect(after.byPlatform).toEqual(before.byPlatform);
    expect(after.waiting).toEqual(before.waiting);
    db.close();
  });

  it('creates all tables in a fresh database', async () => {
    const db = freshDb();
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['conversations', 'daily', 'events', 'facts', 'kv', 'versions']);
    db.close();
  });
});
