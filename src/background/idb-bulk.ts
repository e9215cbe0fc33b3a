// Bulk reads and writes on the IndexedDB transaction under the current Dexie transaction, for ingest's hot path.
// Measured in Chromium (bench/ingest.ts): Dexie's bulkGet / bulkPut / bulkAdd and its per-query Collections cost
// several times the raw requests they issue (a promise, a zone and a wrapper per key); a batch of 500 conversations
// issues ~2,000 requests. These helpers issue the same requests directly and settle once per call.
// Only for code already inside `db.transaction(...)`: the requests belong to that transaction, so they commit or
// abort with it. Nothing here bypasses anything the project relies on (no Dexie hooks or liveQuery are used).
import { Dexie } from 'dexie';

function idbTransaction(): IDBTransaction {
  const tx = Dexie.currentTransaction as { idbtrans?: IDBTransaction } | null;
  if (!tx?.idbtrans) throw new Error('idb-bulk: called outside a Dexie transaction');
  return tx.idbtrans;
}

/**
 * Issues one request per item and resolves with their results in order. A Dexie promise, so code awaiting it keeps
 * the Dexie transaction zone. A failed request rejects with its own error (e.g. QuotaExceededError), which aborts
 * the transaction.
 */
function all<I, R>(items: readonly I[], issue: (item: I) => IDBRequest): Promise<R[]> {
  return new Dexie.Promise<R[]>((resolve, reject) => {
    const out: R[] = [];
    let left = items.length;
    if (left === 0) {
      resolve(out);
      return;
    }
    let failed = false;
    items.forEach((item, i) => {
      let req: IDBRequest;
      try {
        req = issue(item);
      } catch (err) {
        failed = true;
        reject(err);
        return;
      }
      req.onsuccess = () => {
        out[i] = req.result as R;
        if (--left === 0 && !failed) resolve(out);
      };
      req.onerror = () => {
        failed = true;
        reject(req.error);
      };
    });
  }) as unknown as Promise<R[]>;
}

/** Values of `keys` in `store` (undefined where absent), like Table.bulkGet. */
export function getMany<T>(store: string, keys: readonly IDBValidKey[]): Promise<(T | undefined)[]> {
  const s = idbTransaction().objectStore(store);
  return all<IDBValidKey, T | undefined>(keys, (k) => s.get(k));
}

/** For each key, the primary key of the first row (lowest primary key) the index holds under it, or undefined. */
export function firstKeys(store: string, index: string, keys: readonly IDBValidKey[]): Promise<(IDBValidKey | undefined)[]> {
  const ix = idbTransaction().objectStore(store).index(index);
  return all<IDBValidKey, IDBValidKey | undefined>(keys, (k) => ix.getKey(k));
}

/** Puts every row (in order), like Table.bulkPut. */
export async function putMany(store: string, rows: readonly unknown[]): Promise<void> {
  const s = idbTransaction().objectStore(store);
  await all(rows, (r) => s.put(r));
}

/** Adds every row (in order; auto-increment keys ascend in that order), like Table.bulkAdd. */
export async function addMany(store: string, rows: readonly unknown[]): Promise<void> {
  const s = idbTransaction().objectStore(store);
  await all(rows, (r) => s.add(r));
}

/** Deletes every key, like Table.bulkDelete. */
export async function deleteMany(store: string, keys: readonly IDBValidKey[]): Promise<void> {
  const s = idbTransaction().objectStore(store);
  await all(keys, (k) => s.delete(k));
}
