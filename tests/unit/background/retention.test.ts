// Must load before dexie, which looks up the IndexedDB globals when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/background/ingest.ts';
import { pruneByRetention, withQuotaRetry } from '../../../src/background/retention.ts';
import { storageWarningText } from '../../../src/background/summary.ts';
import { KV, kvGet } from '../../../src/shared/db.ts';
import { MIN, T0, conv, ctx, freshDb, msg, eventsOf } from './helpers.ts';

const DAY = 86_400_000;

describe('retention', () => {
  it('prunes answered conversations and events older than retentionDays, keeps recent and still-open ones and the aggregates', async () => {
    const db = freshDb();
    const old = T0 - 200 * DAY;
    await ingest(db, [conv('x:old', [msg('x:old', 'customer', old, old), msg('x:r', 'brand', old + MIN, old + MIN)])], ctx(old + MIN));
    await ingest(db, [conv('x:waiting', [msg('x:waiting', 'customer', old, old)])], ctx(old + MIN));
    await ingest(db, [conv('x:new', [msg('x:new', 'customer', T0, T0)])], ctx(T0));
    const dailyBefore = await db.daily.count();
    const res = await pruneByRetention(db, 180, T0 + MIN);
    expect(res.conversations).toBe(1);
    expect((await db.conversations.toCollection().primaryKeys()).sort()).toEqual(['x:new', 'x:waiting']);
    expect(await db.events.where('at').below(T0 - 180 * DAY).count()).toBe(0);
    expect(await db.daily.count()).toBe(dailyBefore);
    expect((await eventsOf(db, 'pruned')).length).toBe(1);
  });

  it('on QuotaExceededError prunes the oldest 10 %, sets a storage warning and retries the write', async () => {
    const db = freshDb();
    for (let i = 0; i < 20; i++) {
      const at = T0 + i * MIN;
      await ingest(db, [conv(`x:${i}`, [msg(`x:${i}`, 'customer', at, at)])], ctx(at));
    }
    let attempts = 0;
    const write = async (): Promise<string> => {
      attempts++;
      if (attempts === 1) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      await ingest(db, [conv('x:latest', [msg('x:latest', 'customer', T0 + 60 * MIN, T0 + 60 * MIN)])], ctx(T0 + 60 * MIN));
      return 'done';
    };
    expect(await withQuotaRetry(db, T0 + 60 * MIN, write)).toBe('done');
    expect(attempts).toBe(2);
    const ids = await db.conversations.toCollection().primaryKeys();
    expect(ids).not.toContain('x:0');
    expect(ids).not.toContain('x:1');
    expect(ids).toContain('x:2');
    expect(ids).toContain('x:latest');
    expect(await kvGet(db, KV.storageWarning)).toEqual({ at: T0 + 60 * MIN, prunedConversations: 2 });
    expect(await storageWarningText(db, (k, s) => `${k}:${String(s)}`)).toBe('bgStorageWarning:2');
    expect((await eventsOf(db, 'quota-exceeded')).length).toBe(1);
  });

  it('recognises a quota error wrapped by Dexie and passes other errors through untouched', async () => {
    const db = freshDb();
    await ingest(db, [conv('x:1', [msg('x:1', 'customer', T0, T0)])], ctx(T0));
    await expect(withQuotaRetry(db, T0, async () => { throw new Error('other'); })).rejects.toThrow('other');
    expect(await db.conversations.count()).toBe(1);
    let n = 0;
    const wrapped = Object.assign(new Error('AbortError'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    await withQuotaRetry(db, T0, async () => { if (n++ === 0) throw wrapped; });
    expect(n).toBe(2);
  });
});
