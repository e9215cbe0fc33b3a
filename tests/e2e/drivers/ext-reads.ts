// Reads of what the extension stored, run inside one of its own contexts (the functions are serialised there).
export const DB_NAME = 'replyclock';

type Evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => Promise<R>;

/** Every conversation record, from raw IndexedDB (independent of Dexie): opened without a version, never created. */
export function readConversations(evaluate: Evaluate): Promise<unknown[]> {
  return evaluate(async (dbName: string) => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === dbName)) return [];
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const req = indexedDB.open(dbName);
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    try {
      if (!db.objectStoreNames.contains('conversations')) return [];
      return await new Promise<unknown[]>((res, rej) => {
        const req = db.transaction('conversations', 'readonly').objectStore('conversations').getAll();
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
    } finally {
      db.close();
    }
  }, DB_NAME);
}

/** Everything in one storage area, raw (chrome.* is promise-based in MV3 in both browsers). */
export function readStorage(evaluate: Evaluate, area: 'local' | 'sync'): Promise<Record<string, unknown>> {
  return evaluate(async (name: 'local' | 'sync') => {
    type Area = { get(k: null): Promise<Record<string, unknown>> };
    const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync', Area> } }).chrome;
    return api.storage[name].get(null);
  }, area);
}
