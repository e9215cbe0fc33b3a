// Replyclock's IndexedDB database (Dexie 4). Opened by the background and by extension pages
// (reports), never by content scripts: page scripts must not be able to reach stored history.
//
// Schema changes are append-only: add a new entry to SCHEMA_VERSIONS (with an `upgrade` when
// existing rows need rewriting) and never edit an old one. tests/unit/background/db.test.ts opens a
// database at every earlier version with data and checks the current schema keeps all of it.
import { Dexie, type Collection, type Table, type Transaction } from 'dexie';
import type { ConversationRecord, FactDay, DailyAggregate, EventRow, PolicyVersion } from './records.ts';

export const DB_NAME = 'replyclock';

/**
 * Above every state and platform name (all ASCII): the upper end of a range over a string part of a compound index.
 * Dexie.maxKey fails inside a three-part compound key range.
 */
export const STRING_MAX = '\uffff';

/** Persisted worker state: anything that must survive the MV3 worker being stopped. */
export interface KvRecord {
  key: string;
  value: unknown;
}

/** Well-known kv keys, so readers (popup, reports) and the background agree. */
export const KV = {
  /** Set of `${conversationId}|${state}` that already raised a notification. */
  notified: 'notified',
  /** Human-readable warning shown in the popup after storage pressure forced a prune. */
  storageWarning: 'storageWarning',
  /** Latest HealthReport per tab (Record<`tab:<id>`, HealthReport>; background/health.ts). */
  health: 'health',
  lastTick: 'lastTick',
  lastPrune: 'lastPrune',
  /** Earlier builds' tab registry, one row for every tab (now rows `tabs/<tab>/<seq>`, background/tabs.ts); deleted when read. */
  tabs: 'tabs',
  /** Set once every conversation's facts are stored (schema v2); unset → the background rebuilds them. */
  factsBuilt: 'factsBuilt',
} as const;

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/**
 * Every schema the database has had, oldest first. Index notes:
 * - conversations: `*messageIds` (multi-entry) finds the conversation that already holds a message,
 *   which is how a tweet seen on two timelines ends up as one conversation.
 * - daily: compound primary key so the aggregate of one day/platform/channel/policy is one row.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      conversations:
        'id, status, clockState, dueAt, firstCustomerAt, lastCustomerAt, platform, day, updatedAt, versionKey, *messageIds',
      events: '++seq, at, conversationId, type',
      daily: '[day+platform+channel+policyId], day',
      versions: 'key',
      kv: 'key',
    },
  },
  {
    // v2 (performance): `[status+clockState]` lets the toolbar count breached / at-risk open conversations from the
    // index alone; `facts` holds the conversations' period figures packed per UTC day
    // (FactDay). Derived data, so no upgrade rewrites rows: the background builds them once when KV.factsBuilt is unset.
    version: 2,
    stores: {
      // Indexes nothing queries (clockState, dueAt, platform, day, versionKey) are dropped: every index is one more
      // IndexedDB write per stored conversation, and ingest's cost is dominated by those writes.
      conversations: 'id, status, firstCustomerAt, lastCustomerAt, updatedAt, *messageIds, [status+clockState]',
      facts: 'day',
    },
  },
  {
    // v3 (performance): the popup's summary stops reading every open conversation. `[status+clockState+platform]`
    // (replacing `[status+clockState]`) counts open conversations per state and platform from the index;
    // `[status+dueAt]` gives the longest-waiting list in order; `[status+checkAt]` finds the conversations whose
    // stored clock may have moved since it was derived (ConversationRecord.checkAt), the only ones read live.
    // No upgrade rewrites rows: records from v2 lack checkAt until the next tick derives it; until then the summary,
    // finding live records missing from [status+checkAt], reads every live record as before (background/summary.ts).
    version: 3,
    stores: {
      conversations:
        'id, status, firstCustomerAt, lastCustomerAt, updatedAt, *messageIds, [status+clockState+platform], [status+dueAt], [status+checkAt]',
    },
  },
  {
    // v4 (performance, issue 4): the event log is stored packed, one row per transaction (EventRow, records.ts), and
    // the conversations' `status` index (every reader now ranges over a compound index that starts with the status)
    // and the events' `type` index (nothing queries it) are dropped: every index is one more write per stored row.
    // The upgrade rewrites each v1–v3 event row { at, type, conversationId, agent, detail } as a one-event row,
    // keeping its seq, so the log reads exactly as before.
    version: 4,
    stores: {
      conversations:
        'id, firstCustomerAt, lastCustomerAt, updatedAt, *messageIds, [status+clockState+platform], [status+dueAt], [status+checkAt]',
      events: '++seq, at, *conversationIds',
    },
    upgrade: async (tx) => {
      await tx
        .table('events')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (Array.isArray(row.events)) return;
          const { type, conversationId, detail } = row as { type: string; conversationId: string | null; detail?: unknown };
          row.events = [{ type, conversationId: conversationId ?? null, ...(detail !== undefined ? { detail } : {}) }];
          row.conversationIds = typeof conversationId === 'string' ? [conversationId] : [];
          delete row.type;
          delete row.conversationId;
          delete row.detail;
        });
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export class ReplyclockDb extends Dexie {
  conversations!: Table<ConversationRecord, string>;
  /** The event log, packed (EventRow); read and write it through shared/events.ts. */
  events!: Table<EventRow, number>;
  daily!: Table<DailyAggregate, [string, string, string, string]>;
  versions!: Table<PolicyVersion, string>;
  kv!: Table<KvRecord, string>;
  /** Since schema v2. */
  facts!: Table<FactDay, string>;

  /** `upTo` opens an older schema; only the upgrade tests use it. */
  constructor(name: string = DB_NAME, upTo: number = CURRENT_SCHEMA_VERSION) {
    // 'relaxed': a write batch commits once the OS has it, without waiting for a disk flush. Safe here because
    // nothing is acknowledged before commit, and what only a power cut could lose is re-sent: content scripts re-send
    // observations until acknowledged, and the tick re-derives every clock. (Chromium only; others ignore it.)
    super(name, { chromeTransactionDurability: 'relaxed' });
    for (const s of SCHEMA_VERSIONS) {
      if (s.version > upTo) break;
      const v = this.version(s.version).stores(s.stores);
      if (s.upgrade) v.upgrade(s.upgrade);
    }
  }
}

/**
 * Conversations whose status is one of `statuses`, from the `[status+clockState+platform]` index (every record has
 * all three, so every record is in it; a status-only index would be one more write per stored conversation).
 */
export function withStatus(db: ReplyclockDb, statuses: readonly string[]): Collection<ConversationRecord, string> {
  return db.conversations.where('[status+clockState+platform]').inAnyRange(statuses.map((st) => [[st, '', ''], [st, STRING_MAX, STRING_MAX]]), { includeUppers: true });
}

/** A handle on the database; Dexie opens it lazily on first use. */
export function openDb(name: string = DB_NAME): ReplyclockDb {
  return new ReplyclockDb(name);
}

export async function kvGet<T>(db: ReplyclockDb, key: string): Promise<T | undefined> {
  const row = await db.kv.get(key);
  return row?.value as T | undefined;
}

export async function kvSet(db: ReplyclockDb, key: string, value: unknown): Promise<void> {
  await db.kv.put({ key, value });
}
