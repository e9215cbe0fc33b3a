// The tab registry: which tabs showed which conversations, so a change is pushed only to those tabs. It must survive a
// stopped worker (a new registry on the same database), and a report must cost a small write, not the whole list.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MAX_IDS_PER_TAB, TabRegistry } from '../../../src/background/tabs.ts';
import { KV } from '../../../src/shared/db.ts';
import { freshDb } from './helpers.ts';

const ids = (from: number, n: number): string[] => Array.from({ length: n }, (_, i) => `x:${from + i}`);
const tabRows = async (db: ReturnType<typeof freshDb>): Promise<{ key: string; value: unknown }[]> =>
  db.kv.where('key').between('tabs/', 'tabs/\uffff').toArray();

describe('tab registry', () => {
  it('finds the tabs that showed a conversation, after the worker restarted too', async () => {
    const db = freshDb();
    const reg = new TabRegistry(db);
    await reg.remember(7, ['x:1', 'x:2']);
    await reg.remember(9, ['x:2', 'x:3']);
    expect(await reg.tabsFor(['x:1'])).toEqual([7]);
    expect((await reg.tabsFor(['x:2'])).sort()).toEqual([7, 9]);
    expect(await reg.tabsFor(['x:4'])).toEqual([]);
    const restarted = new TabRegistry(db);
    expect((await restarted.tabsFor(['x:2', 'x:3'])).sort()).toEqual([7, 9]);
    db.close();
  });

  it('writes only what a report adds: one small row per report, nothing for ids already known', async () => {
    const db = freshDb();
    const reg = new TabRegistry(db);
    for (let b = 0; b < 40; b++) await reg.remember(3, ids(b * 50, 50));
    await reg.remember(3, ids(0, 50)); // all known: no write
    const rows = await tabRows(db);
    expect(rows).toHaveLength(40);
    expect(Math.max(...rows.map((r) => (r.value as string[]).length))).toBe(50);
    expect(await new TabRegistry(db).tabsFor(['x:0', 'x:1999'])).toEqual([3]);
    db.close();
  });

  it('folds a tab’s rows, keeping its newest ids, and a fold loses nothing written beside it', async () => {
    const db = freshDb();
    const reg = new TabRegistry(db);
    for (let b = 0; b < 70; b++) await reg.remember(3, ids(b * 10, 10)); // 64 rows, then folded
    expect((await tabRows(db)).length).toBeLessThan(10);
    const n = MAX_IDS_PER_TAB * 1.25 + 1;
    await Promise.all([reg.remember(3, ids(1000, n)), reg.remember(3, ['x:late']), reg.remember(4, ['y:1'])]);
    const after = new TabRegistry(db);
    expect(await after.tabsFor(ids(1000 + n - MAX_IDS_PER_TAB, 1))).toEqual([3]); // the oldest id kept
    expect(await after.tabsFor(ids(1000 + n - MAX_IDS_PER_TAB - 1, 1))).toEqual([]); // the one before it went
    expect(await after.tabsFor(['y:1'])).toEqual([4]);
    expect(await after.tabsFor(['x:late'])).toEqual([3]); // written beside the fold, by the same tab
    db.close();
  });

  it('reads again after a failed first read, and ignores a report from a tab already closed', async () => {
    const db = freshDb();
    const reg = new TabRegistry(db);
    const between = db.kv.where.bind(db.kv);
    let fail = true;
    db.kv.where = ((index: string) => {
      if (fail) throw new Error('IndexedDB is having a moment');
      return between(index);
    }) as typeof db.kv.where;
    await expect(reg.remember(1, ['x:1'])).rejects.toThrow('a moment');
    fail = false;
    await reg.remember(1, ['x:1']);
    expect(await reg.tabsFor(['x:1'])).toEqual([1]);
    await reg.forget(2);
    await reg.remember(2, ['x:2']); // the answer to a report that arrived after its tab closed
    expect(await new TabRegistry(db).tabsFor(['x:2'])).toEqual([]);
    db.close();
  });

  it('starts a browser session with no tab remembered', async () => {
    const db = freshDb();
    await new TabRegistry(db).remember(1, ['x:1']);
    const next = new TabRegistry(db);
    await next.clear();
    expect(await next.tabsFor(['x:1'])).toEqual([]);
    expect(await new TabRegistry(db).tabsFor(['x:1'])).toEqual([]);
    db.close();
  });

  it('forgets a closed tab, in its rows too, and loses no report racing the first read', async () => {
    const db = freshDb();
    await db.kv.put({ key: KV.tabs, value: { 5: ['x:old'] } }); // an earlier build's single row
    const reg = new TabRegistry(db);
    await Promise.all([reg.remember(1, ['x:1']), reg.remember(2, ['x:2']), reg.remember(1, ['x:3'])]);
    expect(await db.kv.get(KV.tabs)).toBeUndefined();
    await reg.forget(1);
    expect(await reg.tabsFor(['x:1', 'x:3'])).toEqual([]);
    const restarted = new TabRegistry(db);
    expect(await restarted.tabsFor(['x:1', 'x:2', 'x:3', 'x:old'])).toEqual([2]);
    expect((await tabRows(db)).every((r) => r.key.startsWith('tabs/2/'))).toBe(true);
    db.close();
  });
});
