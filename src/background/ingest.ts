// Turns what content scripts observed into stored conversations. One transaction per batch: either the
// whole batch is stored (records, events, aggregates, facts, policy versions) or none of it. Inside it, reads
// and writes are in bulk (see BatchView): the cost is per batch, not per conversation and not per stored row.
//
// Idempotent: the same message seen again (several tabs, reload, a virtualised list scrolling back)
// is merged into the one stored message, never duplicated. The site's own timestamp wins over "first
// seen"; both are kept, and of two site timestamps the more precise one wins ("2 h" on Facebook
// becomes an exact time when the tooltip is read later).
import { matchPolicy, scheduleFor } from '../core/policy.ts';
import type { Policy, TeamConfig } from '../core/types.ts';
import type { ReplyclockDb } from '../shared/db.ts';
import { packEvents } from '../shared/events.ts';
import type { ObservedConversation, ObservedMessage } from '../shared/protocol.ts';
import type { ConversationRecord, EventRecord, PolicyVersion, StoredMessage } from '../shared/records.ts';
import { DailyDeltas } from './aggregates.ts';
import { derive } from './derive.ts';
import { factOf, FactWriter } from './facts.ts';
import { addMany, deleteMany, firstKeys, getMany, putMany } from './idb-bulk.ts';
import { freezeVersion, VersionCache } from './versions.ts';

export const MAX_TEXT = 500;

export interface IngestContext {
  now: number;
  config: TeamConfig;
  /** The local agent name (loadLocal), written into every event. */
  agent: string;
}

export interface IngestResult {
  /** Conversations written in this batch. */
  stored: number;
  /** Ids whose stored record changed (including absorbed ones, now deleted). */
  changedIds: string[];
  /**
   * Observed id → the stored conversation holding it after the batch (itself, or the thread that absorbed it):
   * the reporting tab gets these as snapshots in the answer instead of asking for them again.
   */
  holders: Map<string, ConversationRecord>;
}

export function toStored(m: ObservedMessage): StoredMessage {
  return {
    id: m.id,
    role: m.role,
    at: m.at ?? m.firstSeenAt,
    siteAt: m.at,
    firstSeenAt: m.firstSeenAt,
    precisionMs: m.precisionMs,
    ...(m.author !== undefined ? { author: m.author } : {}),
  };
}

/** Two sightings of one message → one message. `a` is the one already stored. */
export function mergeMessage(a: StoredMessage, b: StoredMessage): StoredMessage {
  const firstSeenAt = Math.min(a.firstSeenAt, b.firstSeenAt);
  let siteAt: number | null;
  let precisionMs: number;
  if (a.siteAt !== null && (b.siteAt === null || a.precisionMs <= b.precisionMs)) {
    siteAt = a.siteAt;
    precisionMs = a.precisionMs;
  } else if (b.siteAt !== null) {
    siteAt = b.siteAt;
    precisionMs = b.precisionMs;
  } else {
    siteAt = null;
    precisionMs = a.firstSeenAt <= b.firstSeenAt ? a.precisionMs : b.precisionMs;
  }
  const author = a.author ?? b.author;
  return { id: a.id, role: a.role, at: siteAt ?? firstSeenAt, siteAt, firstSeenAt, precisionMs, ...(author !== undefined ? { author } : {}) };
}

function mergeMessages(into: Map<string, StoredMessage>, add: Iterable<StoredMessage>): void {
  for (const m of add) {
    const old = into.get(m.id);
    into.set(m.id, old ? mergeMessage(old, m) : m);
  }
}

function sortedMessages(map: Map<string, StoredMessage>): StoredMessage[] {
  return [...map.values()].sort((x, y) => x.at - y.at || x.id.localeCompare(y.id));
}

/** Compares what a user could see change (not updatedAt), to decide whether to broadcast. */
function sameContent(a: ConversationRecord, b: ConversationRecord): boolean {
  return JSON.stringify({ ...a, updatedAt: 0 }) === JSON.stringify({ ...b, updatedAt: 0 });
}

/**
 * The batch's view of the store: every record the batch may touch, read up front with one bulkGet (+ one index
 * query for messages already held by another conversation), then updated in memory in observation order, so a
 * conversation seen twice in one batch, or absorbed by an earlier one, reads exactly as the sequential
 * per-record reads and writes did — without an IndexedDB round trip per conversation.
 */
class BatchView {
  /** Current state by id: the record, or null when absent (never stored, or absorbed in this batch). */
  private readonly records = new Map<string, ConversationRecord | null>();
  /** Message id → the conversation holding it. */
  private readonly holders = new Map<string, string>();
  private readonly touched = new Set<string>();

  static async load(db: ReplyclockDb, observed: readonly ObservedConversation[]): Promise<BatchView> {
    const view = new BatchView();
    const ids = new Set<string>();
    for (const obs of observed) {
      ids.add(obs.id);
      for (const m of obs.messages) if (m.role === 'customer') ids.add(m.id);
    }
    const list = [...ids];
    const recs = await getMany<ConversationRecord>('conversations', list);
    list.forEach((id, i) => view.records.set(id, recs[i] ?? null));
    const missing = [...new Set(observed.map((o) => o.id))].filter((id) => !view.records.get(id));
    if (missing.length) {
      // One index lookup per id, all issued at once so IndexedDB pipelines them (`anyOf` walks one cursor that jumps
      // key to key, a round trip per key). getKey gives the lowest primary key under the id: the same holder
      // `.where('messageIds').equals(id).first()` returned.
      const keys = await firstKeys('conversations', 'messageIds', missing);
      const found = new Map<string, string>();
      missing.forEach((id, i) => {
        const first = keys[i];
        if (first !== undefined) found.set(id, first as string);
      });
      const unread = [...new Set(found.values())].filter((h) => !view.records.has(h));
      const holders = await getMany<ConversationRecord>('conversations', unread);
      unread.forEach((h, i) => view.records.set(h, holders[i] ?? null));
      for (const [m, h] of found) if (view.records.get(h)) view.holders.set(m, h);
    }
    return view;
  }

  get(id: string): ConversationRecord | undefined {
    return this.records.get(id) ?? undefined;
  }

  /** The stored conversation that holds message `id`, if any. */
  holderOf(id: string): ConversationRecord | undefined {
    const h = this.holders.get(id);
    return h === undefined ? undefined : this.get(h);
  }

  /** Every record the batch read (for preloading their policy versions). */
  loaded(): ConversationRecord[] {
    return [...this.records.values()].filter((r): r is ConversationRecord => r !== null);
  }

  put(rec: ConversationRecord): void {
    this.records.set(rec.id, rec);
    this.touched.add(rec.id);
    for (const m of rec.messageIds ?? []) this.holders.set(m, rec.id);
  }

  delete(id: string): void {
    this.records.set(id, null);
    this.touched.add(id);
  }

  /** What the batch changed: records to write and ids to delete. */
  writes(): { put: ConversationRecord[]; del: string[] } {
    const put: ConversationRecord[] = [];
    const del: string[] = [];
    for (const id of this.touched) {
      const r = this.records.get(id);
      if (r) put.push(r);
      else del.push(id);
    }
    return { put, del };
  }
}

export async function ingest(db: ReplyclockDb, observed: ObservedConversation[], ctx: IngestContext): Promise<IngestResult> {
  const agent = ctx.agent || null;
  const changed = new Set<string>();
  const holders = new Map<string, ConversationRecord>();
  let stored = 0;
  await db.transaction('rw', [db.conversations, db.events, db.daily, db.versions, db.facts], async () => {
    const view = await BatchView.load(db, observed);
    const versions = new VersionCache(db);
    await versions.preload(view.loaded().map((r) => r.versionKey));
    // A batch matches a handful of policies: freeze (hash + store) each once, not once per conversation.
    const frozen = new Map<Policy, PolicyVersion>();
    const deltas = new DailyDeltas();
    const facts = new FactWriter();
    const events: EventRecord[] = [];
    const log = (type: EventRecord['type'], conversationId: string | null, detail?: Record<string, unknown>): void => {
      events.push({ at: ctx.now, type, conversationId, agent, ...(detail ? { detail } : {}) });
    };

    for (const obs of observed) {
      // On X a follow-up is first its own conversation on the mentions timeline and later a message of
      // the thread: if a stored conversation already holds this one's root message, this is that one.
      const before = view.get(obs.id) ?? view.holderOf(obs.id);
      const targetId = before?.id ?? obs.id;

      // ...and the other way round: a stored conversation whose root is a customer message seen here is absorbed.
      const absorbIds = [...new Set(obs.messages.filter((m) => m.role === 'customer' && m.id !== targetId).map((m) => m.id))];
      const absorbed = absorbIds.map((id) => view.get(id)).filter((c): c is ConversationRecord => c !== undefined);

      const map = new Map<string, StoredMessage>();
      mergeMessages(map, before?.messages ?? []);
      const knownIds = new Set(map.keys());
      for (const a of absorbed) mergeMessages(map, a.messages);
      mergeMessages(map, obs.messages.map(toStored));
      const messages = sortedMessages(map);
      const customer = messages.filter((m) => m.role === 'customer');
      const brand = messages.filter((m) => m.role === 'brand');
      // Only brand messages (our own post, a reply without its question in view): nothing to measure.
      if (customer.length === 0) continue;

      const firstCustomer = customer[0]!;
      const observedText = obs.messages.find((m) => m.id === firstCustomer.id)?.text;
      const text = observedText !== undefined ? observedText.slice(0, MAX_TEXT) : before?.text;

      let version: PolicyVersion | null;
      if (before) {
        version = versions.peek(before.versionKey);
      } else {
        // Matched on the CURRENT config once, then frozen: later policy edits don't rewrite history.
        const policy = matchPolicy(ctx.config.policies, {
          platform: obs.platform,
          channel: obs.channel,
          ...(obs.priority !== undefined ? { priority: obs.priority } : {}),
          ...(obs.topic !== undefined ? { topic: obs.topic } : {}),
          ...(text !== undefined ? { text } : {}),
        });
        version = null;
        if (policy) {
          version = frozen.get(policy) ?? (await freezeVersion(db, policy, scheduleFor(ctx.config, policy), ctx.now));
          frozen.set(policy, version);
          versions.remember(version);
        }
      }

      const pauses = [...(before?.pauses ?? []), ...absorbed.flatMap((a) => a.pauses)];
      const topic = obs.topic ?? before?.topic;
      const priority = obs.priority ?? before?.priority;
      const draft: ConversationRecord = {
        id: targetId,
        platform: before?.platform ?? obs.platform,
        channel: before?.channel ?? obs.channel,
        url: before?.url ?? obs.url,
        customer: { ...before?.customer, ...stripUndefined(obs.customer) },
        ...(text !== undefined ? { text } : {}),
        ...(topic !== undefined ? { topic } : {}),
        ...(priority !== undefined ? { priority } : {}),
        messages,
        messageIds: messages.map((m) => m.id),
        pauses,
        excluded: before?.excluded ?? absorbed.some((a) => a.excluded),
        ...(before?.excludedReason !== undefined ? { excludedReason: before.excludedReason } : {}),
        assignee: before?.assignee ?? absorbed.find((a) => a.assignee)?.assignee ?? null,
        status: before?.status ?? 'open',
        policyId: version?.policy.id ?? null,
        versionKey: version?.key ?? null,
        firstCustomerAt: firstCustomer.at,
        lastCustomerAt: customer[customer.length - 1]!.at,
        lastBrandAt: brand.length ? brand[brand.length - 1]!.at : null,
        clockState: 'none',
        dueAt: null,
        firstResponseAt: null,
        firstResponseMinutes: null,
        withinTarget: null,
        createdAt: before?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
        day: '',
      };
      const after: ConversationRecord = { ...draft, ...derive(draft, version, ctx.now) };

      for (const a of absorbed) {
        deltas.apply(a, null);
        view.delete(a.id);
        facts.drop(a);
        changed.add(a.id);
        log('merged', targetId, { absorbed: a.id });
      }
      if (before && absorbed.length === 0 && sameContent(before, after)) continue;

      if (!before) log('detected', targetId, { platform: after.platform, channel: after.channel, policyId: after.policyId });
      for (const m of messages) {
        if (knownIds.has(m.id)) continue;
        if (m.role === 'brand') log('reply-seen', targetId, { messageId: m.id, at: m.at });
        else if (before && m.role === 'customer') log('message-added', targetId, { messageId: m.id, at: m.at });
      }
      if (before && before.status !== after.status) log('status-changed', targetId, { from: before.status, to: after.status });
      if (after.clockState === 'breached' && before?.clockState !== 'breached') log('breached', targetId, { dueAt: after.dueAt });

      deltas.apply(before, after);
      view.put(after);
      facts.drop(before);
      facts.put(factOf(after, version, ctx.now));
      changed.add(targetId);
      stored++;
    }
    for (const obs of observed) {
      const rec = view.get(obs.id) ?? view.holderOf(obs.id);
      if (rec) holders.set(obs.id, rec);
    }
    const { put, del } = view.writes();
    // Issued together, not one store after another: requests of one transaction run in the order issued (the deletes
    // before the puts), and the browser process works through them while this side waits once, not four times.
    await Promise.all([
      deleteMany('conversations', del),
      putMany('conversations', put),
      facts.flush(db),
      deltas.flush(db),
      // One row for the batch's events (EventRow): 500 `detected` events cost one request, not 500.
      addMany('events', packEvents(events)),
    ]);
  });
  return { stored, changedIds: [...changed], holders };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
