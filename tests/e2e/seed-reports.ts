// Seeds stored conversations straight into the extension's IndexedDB from an extension page, as the
// background would have written them: a calendar-time 60-minute policy, answers early and late.
import type { PageApi, RcPage } from './drivers/types.ts';

const H = 3_600_000;

/** Runs in an extension page of any browser driver (its origin owns the database). */
export async function seedConversations(h: Pick<PageApi, 'evaluateIn'>, page: RcPage, now: number): Promise<number> {
  return h.evaluateIn(page, async (now: number) => {
    const H = 3_600_000;
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('replyclock');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const version = { key: 'e2e', createdAt: now - 40 * 24 * H, schedule: null, policy: { id: 'social', name: 'Social', schedule: null, match: {}, firstResponseMinutes: 60 } };
    const rows: unknown[] = [];
    const who = ['Ann', 'Bo', null];
    for (let i = 0; i < 24; i++) {
      const first = now - (i % 12) * 24 * H - (i % 7) * H - 2 * H;
      const frt = [12, 25, 45, 70, 150, 20, 300, 8][i % 8]!;
      const replyAt = first + frt * 60_000;
      const id = `x:e2e${i}`;
      rows.push({
        id, platform: i % 3 === 0 ? 'facebook' : 'x', channel: i % 4 === 0 ? 'dm' : 'public', url: `https://x.com/c${i}/status/${i}`,
        customer: { handle: `customer${i}` }, messages: [
          { id: `${id}-c`, role: 'customer', at: first, siteAt: first, firstSeenAt: first, precisionMs: 0 },
          { id: `${id}-b`, role: 'brand', at: replyAt, siteAt: replyAt, firstSeenAt: replyAt, precisionMs: 0, author: who[i % 3] ?? undefined },
        ],
        messageIds: [`${id}-c`, `${id}-b`], pauses: [], excluded: false, assignee: who[i % 3], status: 'answered', policyId: 'social',
        versionKey: 'e2e', firstCustomerAt: first, lastCustomerAt: first, lastBrandAt: replyAt, clockState: 'answered', dueAt: first + 60 * 60_000,
        firstResponseAt: replyAt, firstResponseMinutes: frt, withinTarget: frt <= 60, createdAt: first, updatedAt: replyAt,
        day: new Date(first).toISOString().slice(0, 10),
      });
    }
    await new Promise<void>((res, rej) => {
      const tx = db.transaction(['conversations', 'versions', 'kv'], 'readwrite');
      tx.objectStore('versions').put(version);
      for (const r of rows) tx.objectStore('conversations').put(r);
      // Written behind the background's back: its derived facts must be rebuilt. Its own guard only recounts today, and
      // shortly after midnight no seeded conversation starts today (the popup then showed no figures).
      tx.objectStore('kv').delete('factsBuilt');
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
    return rows.length;
  }, now);
}

export { H };
