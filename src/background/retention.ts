// Keeping storage bounded. Conversations and events older than config.retentionDays are pruned daily.
// Daily aggregates hold no personal data and are kept, so long-range reports survive pruning.
// When the browser refuses a write (QuotaExceededError) the oldest 10 % is pruned, a storage warning
// is set for the popup and the write is retried once: recent data is never lost silently.
import { KV, kvSet, type ReplyclockDb } from '../shared/db.ts';
import { logEvents } from '../shared/events.ts';
import type { ConversationRecord } from '../shared/records.ts';
import { FactWriter } from './facts.ts';

export const DEFAULT_RETENTION_DAYS = 180;
const DAY = 86_400_000;

export interface StorageWarning {
  at: number;
  prunedConversations: number;
}

export interface PruneResult {
  conversations: number;
  /** Event-log rows deleted (one per logged transaction, see EventRow). */
  events: number;
}

/** Deletes conversations whose last activity is before the cutoff, and events before it. */
export async function pruneOlderThan(db: ReplyclockDb, cutoff: number, now: number): Promise<PruneResult> {
  return db.transaction('rw', [db.conversations, db.events, db.kv, db.facts], async () => {
    // A conversation still waiting for an answer is kept whatever its age: pruning must not hide open work.
    const oldRecs = await db.conversations.where('lastCustomerAt').below(cutoff).filter((c) => c.status !== 'open' && (c.lastBrandAt ?? 0) < cutoff).toArray();
    const old = oldRecs.map((c) => c.id);
    await db.conversations.bulkDelete(old);
    await dropFacts(db, oldRecs);
    const events = await db.events.where('at').below(cutoff).delete();
    if (old.length || events) {
      await logEvents(db.events, [{ at: now, type: 'pruned', conversationId: null, agent: null, detail: { conversations: old.length, events, cutoff } }]);
    }
    await kvSet(db, KV.lastPrune, now);
    return { conversations: old.length, events };
  });
}

export async function pruneByRetention(db: ReplyclockDb, retentionDays: number | undefined, now: number): Promise<PruneResult> {
  const days = retentionDays && retentionDays > 0 ? retentionDays : DEFAULT_RETENTION_DAYS;
  return pruneOlderThan(db, now - days * DAY, now);
}

/** Frees space under quota pressure: the oldest `fraction` of conversations (by last customer message) and of events. */
export async function pruneOldestFraction(db: ReplyclockDb, fraction: number, now: number): Promise<PruneResult> {
  return db.transaction('rw', [db.conversations, db.events, db.kv, db.facts], async () => {
    const convCount = await db.conversations.count();
    const n = convCount ? Math.max(1, Math.ceil(convCount * fraction)) : 0;
    const recs = n ? await db.conversations.orderBy('lastCustomerAt').limit(n).toArray() : [];
    const ids = recs.map((c) => c.id);
    await db.conversations.bulkDelete(ids);
    await dropFacts(db, recs);
    const evCount = await db.events.count();
    const m = evCount ? Math.max(1, Math.ceil(evCount * fraction)) : 0;
    const seqs = m ? await db.events.orderBy('seq').limit(m).primaryKeys() : [];
    await db.events.bulkDelete(seqs);
    const warning: StorageWarning = { at: now, prunedConversations: ids.length };
    await kvSet(db, KV.storageWarning, warning);
    await logEvents(db.events, [{ at: now, type: 'quota-exceeded', conversationId: null, agent: null, detail: { conversations: ids.length, events: seqs.length } }]);
    return { conversations: ids.length, events: seqs.length };
  });
}

async function dropFacts(db: ReplyclockDb, recs: readonly ConversationRecord[]): Promise<void> {
  const facts = new FactWriter();
  for (const r of recs) facts.drop(r);
  await facts.flush(db);
}

export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

/** Runs a write; on quota pressure prunes the oldest 10 %, records a warning and retries once. */
export async function withQuotaRetry<T>(db: ReplyclockDb, now: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isQuotaError(err)) throw err;
    await pruneOldestFraction(db, 0.1, now);
    return write();
  }
}
